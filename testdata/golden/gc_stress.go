// GC stress: 12 goroutines each keep a graph of a few thousand nodes alive
// and replace parts of it over and over, so that a few hundred MB of garbage
// is made while under 20 MB stays live. Each graph holds its nodes in a
// linked list, a complete binary tree, a slice, a map, closures, interface
// values and a buffered channel; the goroutines also pass nodes round a ring
// of channels, so that objects one goroutine allocated end up in another's
// graph. Every node carries a hash of its identity and a payload derived
// from it, and the goroutines walk their whole graph after each runtime.GC
// call, checking every node and that none is reachable twice. Each goroutine
// folds what it sees into its own checksum, and main prints them in
// goroutine order, so the output does not depend on scheduling.
package main

import "runtime"

const (
	workers   = 12
	steps     = 30000
	listLen   = 300
	treeDepth = 9 // 511 nodes
	sliceLen  = 800
	mapLen    = 800
	closures  = 64
	ifaces    = 64
	localCap  = 32
	ringCap   = 8
	gcEvery   = 6000 // steps between a goroutine's runtime.GC calls
)

type node struct {
	id          uint64 // worker<<32 | sequence number
	check       uint64 // mix(id)
	left, right *node  // tree children
	next        *node  // list successor
	data        []byte // 1 + id%24 bytes, byte i is byte(id + i)
}

// pair is boxed into an interface, so that an interface's data word points
// at an object that holds pointers.
type pair struct {
	a, b *node
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

type result struct {
	worker    int
	allocated uint64 // nodes made
	live      int    // nodes in the graph at the end
	received  int    // nodes taken from the ring
	sum       uint64
	errors    int
	first     string // the first error
}

type worker struct {
	w       int
	rng     uint64
	seq     uint64
	list    *node
	tree    *node
	slice   []*node
	keys    []uint64 // keys[i] is the id of a node in m
	m       map[uint64]*node
	fns     []func() (*node, uint64)
	ifs     []any
	local   chan *node
	in, out chan *node
	lastIn  uint64 // the id last received from in
	seen    map[uint64]bool
	res     result
}

func (w *worker) rand(n int) int {
	w.rng ^= w.rng << 13
	w.rng ^= w.rng >> 7
	w.rng ^= w.rng << 17
	return int(w.rng % uint64(n))
}

func (w *worker) newNode() *node {
	id := uint64(w.w)<<32 | w.seq
	w.seq++
	w.res.allocated++
	n := &node{id: id, check: mix(id), data: make([]byte, 1+id%24)}
	for i := range n.data {
		n.data[i] = byte(id + uint64(i))
	}
	return n
}

func (w *worker) fail(what string) {
	if w.res.errors == 0 {
		w.res.first = what
	}
	w.res.errors++
}

// checkNode checks that n is a node as newNode made it and folds its id into
// the sum.
func (w *worker) checkNode(n *node) {
	if n == nil {
		w.fail("nil node")
		return
	}
	if n.check != mix(n.id) {
		w.fail("node's check does not match its id")
	}
	if uint64(len(n.data)) != 1+n.id%24 {
		w.fail("node's payload has the wrong length")
	} else {
		for i, b := range n.data {
			if b != byte(n.id+uint64(i)) {
				w.fail("node's payload is corrupted")
				break
			}
		}
	}
	w.res.sum = (w.res.sum^n.check)*0x100000001b3 + n.id
}

// visit checks one node reached in verify's walk, which must reach each
// node once.
func (w *worker) visit(n *node) {
	w.checkNode(n)
	if n == nil {
		return
	}
	if w.seen[n.id] {
		w.fail("node reached twice")
	}
	w.seen[n.id] = true
}

func (w *worker) build(depth int) *node {
	n := w.newNode()
	if depth > 1 {
		n.left = w.build(depth - 1)
		n.right = w.build(depth - 1)
	}
	return n
}

func (w *worker) walkTree(n *node, depth int) {
	w.visit(n)
	if n == nil {
		return
	}
	if n.next != nil {
		w.fail("tree node has a list successor")
	}
	if (depth > 1) != (n.left != nil && n.right != nil) {
		w.fail("tree has the wrong shape")
		return
	}
	if depth > 1 {
		w.walkTree(n.left, depth-1)
		w.walkTree(n.right, depth-1)
	}
}

// replaceSubtree swaps a random subtree for a fresh one of the same height.
func (w *worker) replaceSubtree() {
	k := 2 + w.rand(treeDepth-2) // the new subtree's root is at depth k
	p := w.tree
	for d := 1; d < k-1; d++ {
		if w.rand(2) == 0 {
			p = p.left
		} else {
			p = p.right
		}
	}
	if w.rand(2) == 0 {
		p.left = w.build(treeDepth - k + 1)
	} else {
		p.right = w.build(treeDepth - k + 1)
	}
}

// replaceListRun swaps a run of list nodes after a random position for as
// many new ones.
func (w *worker) replaceListRun() {
	p := w.list
	for i := w.rand(listLen - 8); i > 0; i-- {
		p = p.next
	}
	k := 1 + w.rand(6)
	rest := p.next
	for i := 0; i < k; i++ {
		rest = rest.next
	}
	for i := 0; i < k; i++ {
		n := w.newNode()
		p.next = n
		p = n
	}
	p.next = rest
}

func (w *worker) closure(n *node) func() (*node, uint64) {
	id := n.id
	return func() (*node, uint64) { return n, id }
}

// boxed returns an interface value for a new node: the pointer itself, a
// pair holding it, or a string of its payload (kind chosen by the id).
func (w *worker) boxed() any {
	n := w.newNode()
	switch n.id % 3 {
	case 0:
		return n
	case 1:
		return pair{n, nil}
	}
	return string(n.data)
}

func (w *worker) step(i int) {
	// slice: one element replaced every step; now and then a new backing
	// array, the old one left as garbage.
	w.slice[w.rand(sliceLen)] = w.newNode()
	if i%997 == 0 {
		w.slice = append([]*node(nil), w.slice...)
	}

	// map: one entry deleted, one added.
	r := w.rand(mapLen)
	delete(w.m, w.keys[r])
	n := w.newNode()
	w.m[n.id] = n
	w.keys[r] = n.id

	// own channel: the oldest node out, a new one in.
	if len(w.local) == cap(w.local) {
		w.checkNode(<-w.local)
	}
	w.local <- w.newNode()

	// the ring: a new node to the next goroutine, one from the previous
	// goroutine into the slice.
	w.out <- w.newNode()
	got := <-w.in
	w.checkNode(got)
	if got.id>>32 != uint64((w.w+workers-1)%workers) || (w.res.received > 0 && got.id <= w.lastIn) {
		w.fail("unexpected node from the ring")
	}
	w.lastIn = got.id
	w.res.received++
	w.slice[w.rand(sliceLen)] = got

	if i%2 == 0 {
		w.fns[w.rand(closures)] = w.closure(w.newNode())
		w.ifs[w.rand(ifaces)] = w.boxed()
	}
	if i%4 == 0 {
		w.replaceListRun()
	}
	if i%16 == 0 {
		w.replaceSubtree()
	}
	if i%gcEvery == gcEvery-1 {
		runtime.GC()
		w.verify()
	}
}

// verify walks the whole graph in a fixed order.
func (w *worker) verify() {
	w.seen = make(map[uint64]bool)
	count := 0
	for n := w.list; n != nil; n = n.next {
		w.visit(n)
		count++
		if count > 10*listLen {
			w.fail("list has a cycle")
			break
		}
	}
	if count != listLen {
		w.fail("list has the wrong length")
	}
	w.walkTree(w.tree, treeDepth)
	for _, n := range w.slice {
		w.visit(n)
	}
	if len(w.m) != mapLen {
		w.fail("map has the wrong size")
	}
	for _, k := range w.keys {
		n := w.m[k]
		if n == nil || n.id != k {
			w.fail("map entry lost")
			continue
		}
		w.visit(n)
	}
	for k, n := range w.m { // order-free: only checks
		if n.id != k {
			w.fail("map value does not match its key")
		}
	}
	for _, f := range w.fns {
		n, id := f()
		if n.id != id {
			w.fail("closure's node does not match its id")
		}
		w.visit(n)
	}
	for _, v := range w.ifs {
		switch v := v.(type) {
		case *node:
			w.visit(v)
		case pair:
			if v.b != nil {
				w.fail("pair's second pointer is set")
			}
			w.visit(v.a)
		case string:
			if len(v) == 0 || len(v) > 24 {
				w.fail("boxed string has the wrong length")
			}
			for i := 1; i < len(v); i++ {
				if v[i] != v[i-1]+1 {
					w.fail("boxed string is corrupted")
					break
				}
			}
			w.res.sum = w.res.sum*31 + uint64(len(v)) + uint64(v[0])
		default:
			w.fail("interface holds an unexpected type")
		}
	}
	for i := len(w.local); i > 0; i-- {
		n := <-w.local
		w.visit(n)
		w.local <- n
	}
	w.res.live = len(w.seen)
	w.seen = nil
}

func run(id int, in, out chan *node, done chan<- result) {
	w := &worker{w: id, rng: mix(uint64(id) + 1), in: in, out: out}
	w.res.worker = id
	w.list = w.newNode()
	for p, i := w.list, 1; i < listLen; i++ {
		p.next = w.newNode()
		p = p.next
	}
	w.tree = w.build(treeDepth)
	w.slice = make([]*node, sliceLen)
	for i := range w.slice {
		w.slice[i] = w.newNode()
	}
	w.m = make(map[uint64]*node)
	w.keys = make([]uint64, mapLen)
	for i := range w.keys {
		n := w.newNode()
		w.m[n.id] = n
		w.keys[i] = n.id
	}
	w.fns = make([]func() (*node, uint64), closures)
	for i := range w.fns {
		w.fns[i] = w.closure(w.newNode())
	}
	w.ifs = make([]any, ifaces)
	for i := range w.ifs {
		w.ifs[i] = w.boxed()
	}
	w.local = make(chan *node, localCap)

	for i := 0; i < steps; i++ {
		w.step(i)
	}
	w.verify()
	done <- w.res
}

func main() {
	ring := make([]chan *node, workers)
	for i := range ring {
		ring[i] = make(chan *node, ringCap)
	}
	done := make([]chan result, workers)
	for i := range done {
		done[i] = make(chan result, 1)
		// worker i receives on ring[i] and sends on ring[i+1]
		go run(i, ring[i], ring[(i+1)%workers], done[i])
	}
	var allocated uint64
	errors := 0
	for i := range done {
		r := <-done[i]
		allocated += r.allocated
		errors += r.errors
		println("worker", r.worker, "allocated", r.allocated, "live", r.live,
			"received", r.received, "sum", r.sum)
		if r.errors > 0 {
			println("worker", r.worker, "found", r.errors, "errors; first:", r.first)
		}
	}
	runtime.GC()
	println("total allocated nodes:", allocated)
	if errors == 0 {
		println("gc_stress: ok")
	} else {
		println("gc_stress:", errors, "errors")
	}
}
