package main

import "runtime"

var stop bool

func deep(n int) int {
	var buf [64]int
	buf[n%64] = n
	if n == 0 {
		return buf[0]
	}
	return deep(n-1) + buf[n%64]
}

func main() {
	done := make(chan int, 100)
	for i := 0; i < 100; i++ {
		go func() {
			done <- deep(2000)
			for !stop {
				runtime.Gosched()
			}
		}()
	}
	sum := 0
	for i := 0; i < 100; i++ {
		sum += <-done
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.StackInuse
	for i := 0; i < 4; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	println(sum, before > 2*ms.StackInuse)
	stop = true
}
