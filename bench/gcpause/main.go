// Gcpause keeps about 100 MB live (a million 112-byte nodes, referenced
// from one slice) while it replaces them one at a time, so that the
// collector runs many cycles over a 100 MB live heap: bench/gcpause.sh
// reads the pauses from GODEBUG=gctrace=1.
package main

type node struct {
	next *node
	pad  [12]int
}

const (
	live     = 1_000_000
	replaced = 12_000_000
)

var keep []*node

func main() {
	for i := 0; i < live; i++ {
		keep = append(keep, &node{})
	}
	sum := 0
	for i := 0; i < replaced; i++ {
		n := &node{}
		n.pad[0] = i
		keep[i%live] = n
		sum += n.pad[0] & 1
	}
	println(sum, len(keep))
}
