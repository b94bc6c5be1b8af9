package main

import "runtime"

// Caller at each depth, from plain calls, closures, methods, deferred
// calls and goroutines; file names are trimmed to their base, since gc
// records absolute paths of the machine that built it.

func base(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}

func where(skip int) {
	pc, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		println("skip", skip, "not ok", pc == 0, file == "", line)
		return
	}
	println("skip", skip, runtime.FuncForPC(pc).Name(), base(file), line)
}

func here() (string, int) {
	_, file, line, _ := runtime.Caller(0)
	return base(file), line
}

func leaf() {
	for i := 0; i < 4; i++ {
		where(i)
	}
}

func middle() { leaf() }

type T int

func (t T) Value()    { where(0); where(1) }
func (t *T) Pointer() { where(0); where(1) }

type I interface{ Value() }

func main() {
	file, line := here()
	println("here", file, line)
	_, _, line2, _ := runtime.Caller(0)
	println("line", line2)

	middle()
	func() {
		where(0)
		where(1)
	}()
	var t T
	t.Value()
	t.Pointer()
	var i I = t
	i.Value()
	f := t.Value
	f()

	defer func() {
		where(0)
		where(1)
	}()

	done := make(chan bool)
	go func() {
		where(0)
		where(1)
		where(2)
		where(3)
		done <- true
	}()
	<-done

	pc, file3, line3, ok := runtime.Caller(1000)
	println("deep", pc, file3 == "", line3, ok)
	pc, _, _, ok = runtime.Caller(-1)
	println("minus one", runtime.FuncForPC(pc).Name(), ok)
}
