package main

import "runtime"

// The rest of the runtime's API a program can call without the standard
// library: the toolchain's facts, thread locking, cgo counting.

func main() {
	println(runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.Compiler)
	println("goroot set:", runtime.GOROOT() != "")
	println("cpus:", runtime.NumCPU() > 0)
	println("cgo calls:", runtime.NumCgoCall())
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		done <- true
	}()
	<-done
	println("goroutines:", runtime.NumGoroutine())
	var x [3]int
	runtime.KeepAlive(&x)
	println("done")
}
