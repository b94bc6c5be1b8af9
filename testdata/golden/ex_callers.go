package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

type tracedErr struct {
	msg   string
	stack []string
}

func (e *tracedErr) Error() string { return e.msg }

func newErr(msg string) error {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var st []string
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			st = append(st, fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, f.Function))
		}
		if !more {
			break
		}
	}
	return &tracedErr{msg, st}
}

type repo struct{}

func (r *repo) load(id int) error {
	if id < 0 {
		return newErr("bad id")
	}
	return nil
}

func where() string {
	pc, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s %s:%d", runtime.FuncForPC(pc).Name(), filepath.Base(file), line)
}

func main() {
	r := &repo{}
	err := func() error { return r.load(-1) }()
	var te *tracedErr
	if errors.As(err, &te) {
		for _, s := range te.stack {
			fmt.Println(s)
		}
	}
	fmt.Println(where())
	func() {
		fmt.Println(where())
	}()
	s := string(debug.Stack())
	lines := strings.Split(s, "\n")
	fmt.Println(strings.HasPrefix(lines[0], "goroutine 1 [running]:"))
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "main.") {
			fmt.Println(l[:strings.Index(l, "(")])
		}
	}
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, false)
	fmt.Println(strings.Count(string(buf[:n]), "main.main"))
	fmt.Fprintln(os.Stderr, "stack follows")
	debug.PrintStack()
}
