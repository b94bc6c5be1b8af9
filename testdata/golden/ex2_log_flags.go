// The log package with output to stdout: prefixes, Lmsgprefix, short and
// long file flags, custom loggers, Print/Printf/Println spacing, Writer, and
// log.Fatal's exit status (no date or time flags, so output is fixed).
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Print("plain", 1, 2, "x")
	log.Println("plain", 1, 2, "x")
	log.Printf("value=%d", 42)
	log.SetPrefix("app: ")
	log.Print("with prefix")
	log.SetFlags(log.Lmsgprefix)
	log.Print("prefix before message")
	log.SetFlags(log.Lshortfile)
	log.Print("short file")
	log.SetFlags(log.Lshortfile | log.Lmsgprefix)
	log.Printf("short file and msgprefix\n")
	fmt.Println(log.Flags(), log.Prefix())

	var buf bytes.Buffer
	l := log.New(&buf, "[worker] ", log.Lmsgprefix)
	l.Println("started")
	l.Printf("processed %d items", 3)
	l.SetPrefix("[done] ")
	l.Print()
	fmt.Print(buf.String())
	fmt.Println(l.Writer() == &buf, l.Prefix())

	other := log.New(os.Stdout, "", log.Lshortfile)
	other.Output(1, "via Output")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.SetFlags(0)
		log.Panicf("panic %s", "now")
	}()
	log.Default().SetPrefix("fatal: ")
	log.Fatalln("giving up", 7)
	fmt.Println("not reached")
}
