// Runtime helpers that allocate more than once per call, in loops: string
// concatenation, append growth, map inserts with growth, closures and
// interface boxing, and deferred closures run at return. internal/runtime's native-contract test runs this
// program with GODEBUG=gortgctrigger=1, which records a GC trigger at every
// allocation; the output must be the same as without it.
package main

type pair struct {
	k string
	v *int
}

// deferred allocates in its body and in its defer record; the deferred
// closure, run by the return, allocates again.
func deferred(i int) (r []int) {
	defer func() {
		r = append(r, i*3)
	}()
	return make([]int, 0, i%3)
}

func main() {
	acc := 0
	for i := 0; i < 100; i++ {
		acc += deferred(i)[0]
	}
	println(acc)

	s := ""
	var parts []string
	for i := 0; i < 200; i++ {
		s += string(rune('a' + i%26))
		parts = append(parts, s[i/2:])
	}
	println(len(s), len(parts), parts[199])

	m := map[string]*pair{}
	for i := 0; i < 500; i++ {
		k := parts[i%200] + "/" + s[:i%7]
		n := i
		m[k] = &pair{k, &n}
	}
	sum := 0
	for k, p := range m {
		if p.k != k {
			panic("map value corrupted")
		}
		sum += *p.v
	}
	println(len(m), sum)

	var fs []func() int
	var boxes []any
	for i := 0; i < 300; i++ {
		j := i
		fs = append(fs, func() int { return j * 2 })
		boxes = append(boxes, pair{s[:i%50], &j}, i*1000003)
	}
	total := 0
	for _, f := range fs {
		total += f()
	}
	for _, b := range boxes {
		switch b := b.(type) {
		case pair:
			total += len(b.k) + *b.v
		case int:
			total += b % 7
		}
	}
	println(total)

	grid := make([][]int, 0)
	for i := 0; i < 64; i++ {
		row := make([]int, 0, 1)
		for j := 0; j < i; j++ {
			row = append(row, i*j)
		}
		grid = append(grid, row)
	}
	last := grid[63]
	println(len(grid), len(last), last[62])
}
