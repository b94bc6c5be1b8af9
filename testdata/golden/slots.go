// Values that share frame slots and loops that carry values in phis: swaps
// on the back edge, lengths of slices that grow in the loop, strings and
// interfaces carried around loops, and values live across calls. The
// compiler colours slots by liveness; this checks that no value is
// overwritten while it is still needed.
package main

type pair struct{ a, b int }

func swap(n int) (int, int) {
	x, y := 1, 2
	for i := 0; i < n; i++ {
		x, y = y, x+y
	}
	return x, y
}

func lengths() {
	var s []int
	prev := -1
	for i := 0; i < 5; i++ {
		n := len(s)
		s = append(s, i*i)
		println(prev, n, len(s), cap(s) >= len(s))
		prev = n
	}
	t := s[1:3]
	println(len(t), cap(t), t[0], t[1])
}

func words(ws []string) string {
	out := ""
	sep := ""
	for _, w := range ws {
		out += sep + w
		sep = ","
	}
	return out
}

func ifaces(n int) any {
	var v any = 0
	for i := 0; i < n; i++ {
		switch x := v.(type) {
		case int:
			v = pair{x, i}
		case pair:
			v = x.a + x.b + i
		}
	}
	return v
}

func id(x int) int { return x }

func acrossCalls(n int) int {
	a, b, c := id(n), id(n+1), id(n+2)
	d := id(a+b) * id(c)
	e := id(d) - a
	return a + b + c + d + e
}

func main() {
	println(swap(10))
	lengths()
	println(words([]string{"a", "bb", "ccc"}))
	v := ifaces(7)
	switch x := v.(type) {
	case int:
		println("int", x)
	case pair:
		println("pair", x.a, x.b)
	}
	println(acrossCalls(3))
	m := map[string]int{}
	for i, w := range []string{"x", "y", "x", "z", "x"} {
		m[w] += i
	}
	println(m["x"], m["y"], m["z"], len(m))
}
