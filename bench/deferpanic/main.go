// Deferpanic measures defer, panic and recover: 2e6 calls, each of which
// defers a closure and panics with a small integer that the deferred closure
// recovers and turns into the call's result. The checksum folds the
// recovered values together.
package main

const iterations = 2_000_000

// try panics with a value derived from i; its deferred closure recovers it
// and sets the named result.
func try(i int) (r int) {
	defer func() {
		if v := recover(); v != nil {
			r = v.(int)*3 + 1
		}
	}()
	if i%1000 == 999 {
		return -1 // now and then no panic at all: recover returns nil
	}
	panic(i & 0xffff)
}

func main() {
	sum := 0
	for i := 0; i < iterations; i++ {
		sum = sum*31 + try(i)
		sum &= 1<<48 - 1
	}
	println(sum)
}
