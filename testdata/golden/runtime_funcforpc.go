package main

import (
	"runtime"
	"unsafe"
)

// FuncForPC on code pointers (what reflect's Value.Pointer of a func
// gives) and on the pcs Callers returns; and a nil *Func.

func base(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}

// code is the code pointer of a func value: the first word of its closure.
func code(f any) uintptr {
	type eface struct {
		typ  unsafe.Pointer
		data unsafe.Pointer // a func value is a pointer to its closure
	}
	return *(*uintptr)((*eface)(unsafe.Pointer(&f)).data)
}

type T struct{ n int }

func (t T) Value() int     { return t.n }
func (t *T) Pointer() int  { return t.n }
func generic[X any](x X) X { return x }

func plain() {}

func report(name string, pc uintptr) {
	f := runtime.FuncForPC(pc)
	if f == nil {
		println(name, "nil")
		return
	}
	file, line := f.FileLine(pc)
	println(name, f.Name(), f.Entry() == pc, base(file), line)
}

func main() {
	report("plain", code(plain))
	report("main", code(main))
	report("closure", code(func() {}))
	n := 3
	report("capturing", code(func() int { return n }))
	report("value method expr", code(T.Value))
	report("pointer method expr", code((*T).Pointer))
	t := T{1}
	report("method value", code(t.Value))
	report("generic", code(generic[int]))
	report("runtime func", code(runtime.Gosched))

	var pcs [4]uintptr
	k := runtime.Callers(1, pcs[:])
	println("callers", k)
	for _, pc := range pcs[:k] {
		f := runtime.FuncForPC(pc - 1)
		file, line := f.FileLine(pc - 1)
		println(" ", f.Name(), base(file), line, f.Entry() < pc)
	}

	var nilf *runtime.Func
	println("nil name", nilf.Name() == "")
	println("pc 0", runtime.FuncForPC(0) == nil)
	println("pc 1", runtime.FuncForPC(1) == nil)
	x := 0
	println("data", runtime.FuncForPC(uintptr(unsafe.Pointer(&x))) == nil)

	f := runtime.FuncForPC(code(plain))
	file, line := f.FileLine(0)
	println("outside", base(file), line)

	defer func() {
		r := recover()
		println("nil entry:", r.(runtime.Error).Error())
	}()
	println(nilf.Entry())
}
