// The concurrent prime sieve: a chain of goroutines, one per prime found,
// each filtering the multiples of its prime out of the numbers flowing
// through it. Run it with `gort run examples/sieve`; `gort run -seed N`
// gives the same output under any schedule.
package main

// generate sends 2, 3, 4, ... on ch.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

// filter copies the numbers from in to out, dropping multiples of prime.
func filter(in <-chan int, out chan<- int, prime int) {
	for {
		if i := <-in; i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	for range 25 {
		prime := <-ch
		print(prime, " ")
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	println()
}
