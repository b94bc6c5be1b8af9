// Branches on float comparisons, NaN included: every ordered comparison
// with a NaN is false and != is true, so neither outcome of a comparison is
// the other comparison's.
package main

func zero() float64 { return 0 }

func classify(x, y float64) {
	n := 0
	if x == y {
		n |= 1
	}
	if x != y {
		n |= 2
	}
	if x < y {
		n |= 4
	}
	if x <= y {
		n |= 8
	}
	if x > y {
		n |= 16
	}
	if x >= y {
		n |= 32
	}
	if !(x < y) {
		n |= 64
	}
	if !(x >= y) {
		n |= 128
	}
	println(n)
}

func classify32(x, y float32) {
	n := 0
	if x == y {
		n |= 1
	}
	if x < y {
		n |= 4
	}
	if x >= y {
		n |= 32
	}
	if !(x <= y) {
		n |= 64
	}
	println(n)
}

func main() {
	nan := zero() / zero()
	inf := 1 / zero()
	for _, p := range [][2]float64{{1, 2}, {2, 1}, {1, 1}, {nan, 1}, {1, nan}, {nan, nan}, {inf, nan}, {-inf, inf}} {
		classify(p[0], p[1])
		classify32(float32(p[0]), float32(p[1]))
	}
	x, steps := 1e6, 0
	for x >= 1 {
		x /= 3
		steps++
	}
	for x < 100 && x == x {
		x *= 7
		steps++
	}
	println(steps, x)
}
