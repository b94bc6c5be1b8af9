package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	name := fs.String("name", "world", "who to greet")
	count := fs.Int("n", 1, "repeat `count` times")
	verbose := fs.Bool("v", false, "verbose output")
	wait := fs.Duration("wait", time.Second, "wait time")
	ratio := fs.Float64("ratio", 0.5, "a ratio")
	var tags listFlag
	fs.Var(&tags, "tag", "add a tag (repeatable)")
	err := fs.Parse([]string{"-name=Gopher", "-n", "3", "-v", "--wait=250ms", "-tag", "a", "-tag=b", "rest1", "-notflag", "rest2"})
	fmt.Println(err, *name, *count, *verbose, *wait, *ratio, tags, fs.Args(), fs.NArg(), fs.Arg(0))
	for i := 0; i < *count; i++ {
		fmt.Printf("hello, %s!\n", *name)
	}
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
	fs.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, ":", f.DefValue, " ") })
	fmt.Println()
	fmt.Println(fs.Lookup("n").Usage, fs.Set("n", "9"), *count)

	fs2 := flag.NewFlagSet("bad", flag.ContinueOnError)
	fs2.SetOutput(os.Stdout)
	fs2.Int("port", 80, "port to listen on")
	fs2.String("host", "localhost", "host `name`")
	fmt.Println("err:", fs2.Parse([]string{"-port", "abc"}))
	fmt.Println("err:", fs2.Parse([]string{"-unknown"}))
	fmt.Println("err:", fs2.Parse([]string{"-h"}))
	fs3 := flag.NewFlagSet("stop", flag.ContinueOnError)
	b := fs3.Bool("x", false, "")
	fs3.Parse([]string{"--", "-x"})
	fmt.Println(*b, fs3.Args())
	fmt.Println(len(os.Args) >= 1, strings.HasSuffix(os.Args[0], "ex_flag_args") || true)
	fs4 := flag.NewFlagSet("exit", flag.ExitOnError)
	fs4.SetOutput(os.Stdout)
	fs4.Int("k", 0, "k value")
	fs4.Parse([]string{"-k=notanint"})
	fmt.Println("not reached")
}
