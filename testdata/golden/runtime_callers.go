package main

import (
	"runtime"
	"unsafe"
)

func show(tag string) {
	pcs := make([]uintptr, 20)
	n := runtime.Callers(2, pcs)
	fr := runtime.CallersFrames(pcs[:n])
	println(tag, n)
	for {
		f, more := fr.Next()
		println("  ", f.Function, base(f.File), f.Line)
		if !more {
			break
		}
	}
}

func base(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}

type T struct{}

func (T) M()  { show("value method") }
func (*T) P() { show("pointer method") }

type I interface{ M() }

func worker(done chan bool) {
	show("goroutine")
	done <- true
}

func panicky() {
	defer func() {
		show("deferred in panic")
		recover()
	}()
	panic("x")
}

func deferred() {
	defer show("deferred at return")
	println("body")
}

func goexiter(done chan bool) {
	defer func() { done <- true }()
	defer show("deferred in Goexit")
	runtime.Goexit()
}

var initDone = func() int { show("var init"); return 1 }()

func init() { show("init func") }

func main() {
	show("main")
	func() { show("closure") }()
	var t T
	t.M()
	(&t).P()
	var i I = t
	i.M()
	f := t.M
	f()
	done := make(chan bool)
	go worker(done)
	<-done
	panicky()
	deferred()
	go goexiter(done)
	<-done
	g := func() {}
	code := **(**uintptr)(unsafe.Pointer(&g))
	fn := runtime.FuncForPC(code)
	file, line := fn.FileLine(code)
	println(fn.Name(), fn.Entry() == code, base(file), line)
	code = **(**uintptr)(unsafe.Pointer(&f))
	fn = runtime.FuncForPC(code)
	println(fn.Name(), fn.Entry() == code)
	h := show
	code = **(**uintptr)(unsafe.Pointer(&h))
	fn = runtime.FuncForPC(code)
	file, line = fn.FileLine(code)
	println(fn.Name(), fn.Entry() == code, base(file), line)
	file, line = fn.FileLine(0)
	println(base(file), line)
}
