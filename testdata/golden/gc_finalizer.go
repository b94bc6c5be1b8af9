// Finalizers and cleanups: runtime.SetFinalizer and runtime.AddCleanup on
// objects made unreachable, with runtime.GC called in a bounded loop until
// they have run. It prints only what the runtime guarantees, never how many
// cycles it took: every finalizer of a dead object runs, and once; none runs
// for a live object or after SetFinalizer(p, nil); a finalizer that stores
// its object in a global resurrects it intact; a finalizer may set a new
// one; of two objects where the first points at the second, the first's
// finalizer runs first; each cleanup runs with its argument.
package main

import "runtime"

type obj struct {
	id   int
	next *obj
	pad  [4]int // id*10 .. id*10+3: a resurrected object must still hold them
}

func newObj(id int) *obj {
	o := &obj{id: id}
	for i := range o.pad {
		o.pad[i] = id*10 + i
	}
	return o
}

func (o *obj) intact(id int) bool {
	if o.id != id {
		return false
	}
	for i, v := range o.pad {
		if v != id*10+i {
			return false
		}
	}
	return true
}

// event is what a finalizer or cleanup reports: which one ran, for which
// object.
type event struct {
	kind string
	id   int
}

// events is buffered beyond the number of events the program can cause, so
// a finalizer never blocks.
var events = make(chan event, 1000)

func finalize(o *obj) { events <- event{"plain", o.id} }

var (
	resurrected *obj
	rearms      int // touched only by the finalizer goroutine
)

// counts tallies, by kind and id, every event received so far.
var counts = map[event]int{}

// drain moves the events that have arrived into counts and the order log.
func drain(order *[]event) {
	for {
		select {
		case e := <-events:
			counts[e]++
			*order = append(*order, e)
		default:
			return
		}
	}
}

// waitFor runs runtime.GC, and lets the finalizer goroutine run, until done
// reports true, at most 100 times. It reports whether done became true.
func waitFor(order *[]event, done func() bool) bool {
	for i := 0; i < 100; i++ {
		runtime.GC()
		for j := 0; j < 20; j++ {
			runtime.Gosched()
		}
		drain(order)
		if done() {
			return true
		}
	}
	return false
}

// The objects are made in functions of their own so that no pointer to
// them stays in main's frame.

//go:noinline
func makeGarbage(n int) {
	for i := 0; i < n; i++ {
		runtime.SetFinalizer(newObj(i), finalize)
	}
}

//go:noinline
func makeLive(n int) []*obj {
	var live []*obj
	for i := 0; i < n; i++ {
		o := newObj(1000 + i)
		runtime.SetFinalizer(o, finalize)
		live = append(live, o)
	}
	return live
}

//go:noinline
func makeCleared() {
	o := newObj(2000)
	runtime.SetFinalizer(o, finalize)
	runtime.SetFinalizer(o, nil)
}

//go:noinline
func makeResurrecting() {
	o := newObj(3000)
	runtime.SetFinalizer(o, func(o *obj) {
		resurrected = o
		events <- event{"resurrect", o.id}
	})
}

func rearm(o *obj) {
	rearms++
	events <- event{"rearm", rearms}
	if rearms < 3 {
		runtime.SetFinalizer(o, rearm)
	}
}

//go:noinline
func makeRearming() {
	runtime.SetFinalizer(newObj(4000), rearm)
}

//go:noinline
func makeChain() {
	a, b := newObj(5000), newObj(5001)
	a.next = b
	runtime.SetFinalizer(a, func(o *obj) { events <- event{"chain", o.id} })
	// An interface parameter takes any pointer: SetFinalizer allows it.
	runtime.SetFinalizer(b, func(v any) { events <- event{"chain", v.(*obj).id} })
}

//go:noinline
func makeCleanups(n int) {
	for i := 0; i < n; i++ {
		runtime.AddCleanup(newObj(6000+i), func(id int) { events <- event{"cleanup", id} }, 6000+i)
	}
}

func main() {
	var order []event
	const garbage, live, cleanups = 100, 10, 50

	makeGarbage(garbage)
	liveObjs := makeLive(live)
	makeCleared()
	makeResurrecting()
	makeRearming()
	makeChain()
	makeCleanups(cleanups)

	plainDone := func() bool {
		for i := 0; i < garbage; i++ {
			if counts[event{"plain", i}] == 0 {
				return false
			}
		}
		return true
	}
	if waitFor(&order, plainDone) {
		println("all", garbage, "finalizers of dead objects ran")
	} else {
		println("finalizers of dead objects did not all run")
	}
	cleanupsDone := func() bool {
		for i := 0; i < cleanups; i++ {
			if counts[event{"cleanup", 6000 + i}] == 0 {
				return false
			}
		}
		return true
	}
	if waitFor(&order, cleanupsDone) {
		println("all", cleanups, "cleanups ran with their arguments")
	} else {
		println("cleanups did not all run")
	}
	waitFor(&order, func() bool { return counts[event{"resurrect", 3000}] > 0 })
	chainDone := func() bool { return counts[event{"chain", 5000}] > 0 && counts[event{"chain", 5001}] > 0 }
	waitFor(&order, chainDone)
	waitFor(&order, func() bool { return counts[event{"rearm", 3}] > 0 })

	// Only what was already due can be left; a few more cycles show that
	// nothing runs twice, and that no live or cleared object is finalized.
	for i := 0; i < 5; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	drain(&order)

	twice := 0
	for e, n := range counts {
		if n > 1 {
			twice++
			println("ran", n, "times:", e.kind, e.id)
		}
	}
	println("events that ran more than once:", twice)

	liveRan := 0
	for i := 0; i < live; i++ {
		liveRan += counts[event{"plain", 1000 + i}]
	}
	println("finalizers of live objects that ran:", liveRan)
	println("finalizer cleared by SetFinalizer(p, nil) ran:", counts[event{"plain", 2000}] > 0)

	if resurrected == nil {
		println("resurrecting finalizer did not run")
	} else {
		println("resurrected object intact:", resurrected.intact(3000))
		resurrected = nil // dead again; its finalizer is gone and must not rerun
		for i := 0; i < 5; i++ {
			runtime.GC()
			runtime.Gosched()
		}
		drain(&order)
		println("resurrecting finalizer runs:", counts[event{"resurrect", 3000}])
	}

	println("re-arming finalizer runs:", counts[event{"rearm", 1}]+counts[event{"rearm", 2}]+
		counts[event{"rearm", 3}]+counts[event{"rearm", 4}])

	first, second := -1, -1
	for i, e := range order {
		if e == (event{"chain", 5000}) {
			first = i
		}
		if e == (event{"chain", 5001}) {
			second = i
		}
	}
	switch {
	case first < 0 || second < 0:
		println("chain: finalizers did not both run")
	case first < second:
		println("chain: the pointing object was finalized first")
	default:
		println("chain: the pointed-to object was finalized first")
	}

	for _, o := range liveObjs {
		if !o.intact(o.id) {
			println("live object corrupted:", o.id)
		}
	}
	runtime.KeepAlive(liveObjs)
}
