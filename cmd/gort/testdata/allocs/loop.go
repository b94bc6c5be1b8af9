// loop is bench/loop at a size set by the test: allocs_test.go rewrites
// the value of n.
package main

const n = 10_000_000

func main() {
	var x uint64 = 88172645463325252
	var sum uint64
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		sum += x>>33 ^ uint64(i)
	}
	println(sum)
}
