// Churn measures a steady state of allocation against a fixed live heap: a
// doubly linked ring of 65,536 nodes, one of which is replaced by a freshly
// allocated node, 3e7 times. Each replacement unlinks the old node (which
// becomes garbage) and links the new one in its place, so the live heap stays
// at 65,536 nodes (3 MB) while about 1.4 GB is allocated in all. The slots
// are visited in a fixed scattered order (slot i*40503 mod 65,536, a
// permutation), so every node lives for one pass of 65,536 replacements and
// its ring neighbours lie far from it in memory; a random slot per
// replacement would make the run twice as slow natively, in cache misses.
// The checksum folds in every dropped node's identity and payload and, at
// the end, a walk around the whole ring.
package main

const (
	ringSize     = 1 << 16
	replacements = 30_000_000
)

type node struct {
	next, prev *node
	id         uint64
	payload    [2]uint64
}

func newNode(id uint64) *node {
	return &node{id: id, payload: [2]uint64{id * 0x9e3779b97f4a7c15, id ^ 0x5555}}
}

// value is what a node contributes to the checksum; it is derived from the
// node's identity, so a lost, reused or corrupted node changes the sum.
func (n *node) value() uint64 {
	return n.id ^ n.payload[0] ^ (n.payload[1] << 7)
}

func main() {
	slots := make([]*node, ringSize)
	for i := range slots {
		slots[i] = newNode(uint64(i))
	}
	for i, n := range slots {
		n.next = slots[(i+1)%ringSize]
		n.prev = slots[(i+ringSize-1)%ringSize]
	}

	var sum uint64
	for i := 0; i < replacements; i++ {
		s := (i * 40503) & (ringSize - 1)
		old := slots[s]
		n := newNode(uint64(ringSize + i))
		n.next, n.prev = old.next, old.prev
		n.prev.next = n
		n.next.prev = n
		slots[s] = n
		sum = sum*31 + old.value() + n.next.id
	}

	count := 0
	start := slots[0]
	for n := start; ; n = n.next {
		if n.next.prev != n {
			println("ring broken at node", n.id)
			return
		}
		sum = sum*31 + n.value()
		count++
		if n.next == start || count > ringSize {
			break
		}
	}
	if count != ringSize {
		println("ring has", count, "nodes, want", ringSize)
		return
	}
	println(sum)
}
