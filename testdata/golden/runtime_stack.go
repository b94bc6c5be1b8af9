package main

import "runtime"

// runtime.Stack of the calling goroutine, and of all goroutines; the
// traceback text is printed as it is (TestGolden normalises what no other
// implementation can reproduce: directories, +0x offsets, arguments,
// goroutine numbers other than 1).

func trace(all bool) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, all)
	print(string(buf[:n]))
	println("--")
}

type T struct{}

func (T) method(all bool) { trace(all) }

func nested(depth int) {
	if depth == 0 {
		trace(false)
		return
	}
	nested(depth - 1)
}

func blocked(c chan int) { <-c }

func main() {
	trace(false)
	nested(2)
	T{}.method(false)

	done := make(chan bool)
	go func() {
		trace(false)
		done <- true
	}()
	<-done

	c := make(chan int)
	go blocked(c)
	runtime.Gosched()
	trace(true)
	c <- 1

	small := make([]byte, 10)
	n := runtime.Stack(small, false)
	println(n, string(small[:n]))
	println(runtime.Stack(nil, false))
}
