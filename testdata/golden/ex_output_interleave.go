package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println("out", i)
		fmt.Fprintln(os.Stderr, "err", i)
		println("builtin", i, true, 2.5, "s", 'x', i > 1)
		print("p", i, "\n")
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "buffered line 1")
	fmt.Fprintln(os.Stderr, "stderr before flush")
	w.Flush()
	os.Stdout.WriteString("direct write\n")
	os.Stdout.Write([]byte("bytes write\n"))
	fmt.Fprint(os.Stdout, strings.Repeat("abcdefghij", 1000)[:25], "\n")
	var sb strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	fmt.Println(len(sb.String()))
	big := strings.Repeat("line of output text\n", 3000)
	fmt.Print(big[:60])
	os.Stdout.WriteString(big)
	println(int8(-5), uint64(1<<63), float32(1.5), 1e100, complex(1, 2))
	var p *int
	println(p == nil)
	fmt.Fprintf(os.Stderr, "%s\n", "last stderr")
	os.Stdout.Close()
	_, err := fmt.Println("after close")
	fmt.Fprintln(os.Stderr, "println after close:", err)
}
