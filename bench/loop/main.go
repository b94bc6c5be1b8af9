// Loop measures a tight integer loop: a 64-bit LCG folded into a checksum
// with shifts, xors and adds. Every iteration depends on the previous one,
// so the compiler can neither vectorise it nor compute it in closed form.
package main

// n is the iteration count; cmd/gort's allocation test runs this program
// at other sizes by rewriting this line.
const n = 300_000_000

func main() {
	var x uint64 = 88172645463325252
	var sum uint64
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		sum += x>>33 ^ uint64(i)
	}
	println(sum)
}
