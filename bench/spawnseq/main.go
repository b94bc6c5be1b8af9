// Spawnseq measures goroutine reuse: n short-lived goroutines run one after
// another, each started only when the previous one has handed back its
// value, so at most two are alive at a time and each new one can take the
// g and the stack of one that has exited. The goroutines allocate nothing,
// so memory that grows with n is the runtime's own.
package main

// n is the number of goroutines; cmd/gort's allocation test and
// bench/rss.sh run this program at other sizes by rewriting this line.
const n = 200_000

func step(done chan int, v, w int) {
	done <- v*3 + w
}

func main() {
	done := make(chan int)
	sum := 0
	for i := 0; i < n; i++ {
		go step(done, i, i&7)
		sum += <-done
	}
	println(sum)
}
