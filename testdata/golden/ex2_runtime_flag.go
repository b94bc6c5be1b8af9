// A CLI skeleton: os.Args with no arguments, flag defaults, a constructed
// FlagSet parsing its own argument list (bool, int, duration, string,
// custom Value, Func), errors and usage output, and runtime facts printed
// only as booleans.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

var verbose = flag.Bool("v", false, "verbose output")
var level = flag.Int("level", 3, "compression `level`")

func main() {
	flag.Parse()
	fmt.Println(len(os.Args), filepath.Base(os.Args[0]) != "", flag.NArg(), flag.Args(), *verbose, *level)

	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	name := fs.String("name", "world", "who to greet")
	n := fs.Int("n", 1, "repeat count")
	wait := fs.Duration("wait", time.Second, "delay")
	dry := fs.Bool("dry-run", false, "do nothing")
	var tags listFlag
	fs.Var(&tags, "tag", "add a `tag` (repeatable)")
	var mode string
	fs.Func("mode", "one of fast|slow", func(s string) error {
		if s != "fast" && s != "slow" {
			return fmt.Errorf("bad mode %q", s)
		}
		mode = s
		return nil
	})
	err := fs.Parse([]string{"-name=gopher", "--n", "3", "-wait", "1m30s", "-dry-run", "-tag", "a", "-tag=b", "-mode", "fast", "file1", "-notflag", "file2"})
	fmt.Println(err, *name, *n, *wait, *dry, tags, mode, fs.Args(), fs.NArg(), fs.NFlag(), fs.Parsed())
	fs.Visit(func(f *flag.Flag) { fmt.Printf("set %s=%v (default %q)\n", f.Name, f.Value, f.DefValue) })
	fmt.Println(fs.Lookup("n").Usage, fs.Lookup("missing") == nil)
	fs.Set("n", "9")
	fmt.Println(*n)

	for _, args := range [][]string{{"-n", "x"}, {"-unknown"}, {"-mode", "medium"}, {"-h"}, {"--", "-n", "5"}, {"-n"}} {
		fs2 := flag.NewFlagSet("t2", flag.ContinueOnError)
		fs2.SetOutput(os.Stdout)
		fs2.Int("n", 0, "number")
		fs2.Func("mode", "mode", func(s string) error { return fmt.Errorf("bad mode %q", s) })
		err := fs2.Parse(args)
		fmt.Printf("args=%q err=%v rest=%q\n", args, err, fs2.Args())
	}
	fs.PrintDefaults()

	fmt.Println(runtime.NumCPU() >= 1, runtime.GOMAXPROCS(0) >= 1, runtime.NumGoroutine() == 1, runtime.GOOS, runtime.GOARCH, strings.HasPrefix(runtime.Version(), "go"))
	done := make(chan bool)
	go func() { <-done }()
	fmt.Println(runtime.NumGoroutine() == 2)
	close(done)
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(filepath.Base(file), line, ok)
	host, _ := os.Hostname()
	wd, _ := os.Getwd()
	fmt.Println(host != "", filepath.IsAbs(wd), os.Getenv("EX2_SURELY_UNSET") == "", os.Getpid() > 0)
	v, found := os.LookupEnv("EX2_SURELY_UNSET")
	fmt.Printf("%q %v %q\n", v, found, os.ExpandEnv("a-${EX2_SURELY_UNSET}-b"))
	fmt.Println(os.Expand("$x and ${y}", func(k string) string { return strings.ToUpper(k) }))
}
