// Loops whose only way back to their header is a branch: each spins until a
// goroutine it started stores to a variable, so the spinning goroutine must
// be preempted at its back edge, whatever instruction the edge is.
package main

import "runtime"

var (
	n int
	f float64
	b bool
)

func main() {
	runtime.GOMAXPROCS(1)

	// An integer compare-and-branch back to the header.
	go func() { n = 1 }()
	for n == 0 {
	}
	println("int branch")

	// The same with a loop variable that the edge updates.
	go func() { n = 2 }()
	i := 0
	for n == 1 {
		i++
	}
	println("int branch with a phi", i > 0 || i == 0)

	// A float compare-and-branch.
	go func() { f = 1 }()
	for f == 0 {
	}
	println("float branch")

	// A branch on a bool.
	go func() { b = true }()
	for !b {
	}
	println("bool branch")

	// A select with a default case, in a loop that ends with it.
	c := make(chan int32, 1)
	go func() { c <- 7 }()
	var v int32
	for {
		select {
		case v = <-c:
		default:
			continue
		}
		break
	}
	println("select loop", v)
}
