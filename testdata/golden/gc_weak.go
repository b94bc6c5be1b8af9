// Weak pointers and unique handles across collections. weak.Make pointers to
// objects that die return nil from Value once runtime.GC has run (called in a
// bounded loop), while those to live objects keep returning the object,
// intact; weak pointers compare equal exactly when the pointers they were
// made from do, field pointers included; a finalizer's resurrection does not
// bring an object's old weak pointers back, and new objects that take a dead
// one's memory get weak pointers of their own. unique.Make gives equal handles
// for equal values, whether or not a collection ran in between. Only these
// guaranteed facts are printed, never how many cycles it took.
package main

import (
	"runtime"
	"unique"
	"weak"
)

// obj holds a pointer and is bigger than 16 bytes, so that it is never
// batched with other objects in one tiny allocation.
type obj struct {
	id   int
	next *obj
	pad  [3]int
}

func newObj(id int) *obj {
	return &obj{id: id, pad: [3]int{id * 3, id*3 + 1, id*3 + 2}}
}

func (o *obj) intact(id int) bool {
	return o.id == id && o.pad == [3]int{id * 3, id*3 + 1, id*3 + 2}
}

// The objects are made in functions of their own so that no pointer to the
// dead ones stays in main's frame.

//go:noinline
func makeDead(n int) []weak.Pointer[obj] {
	ws := make([]weak.Pointer[obj], n)
	var prev *obj
	for i := range ws {
		o := newObj(i)
		o.next = prev // the dead objects point at each other: a chain
		prev = o
		ws[i] = weak.Make(o)
	}
	return ws
}

//go:noinline
func makeDeadField() weak.Pointer[[3]int] {
	return weak.Make(&newObj(500).pad)
}

var (
	resurrected *obj
	finalized   = make(chan bool, 1)
)

//go:noinline
func makeResurrecting() weak.Pointer[obj] {
	o := newObj(600)
	runtime.SetFinalizer(o, func(o *obj) {
		resurrected = o
		finalized <- true
	})
	return weak.Make(o)
}

type point struct{ x, y int }

// text builds a string at run time, so that equal strings do not share
// their bytes.
func text(parts ...string) string {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return string(b)
}

func main() {
	const dead, live = 100, 100
	deadPtrs := makeDead(dead)
	deadField := makeDeadField()
	resurrectPtr := makeResurrecting()

	liveObjs := make([]*obj, live)
	livePtrs := make([]weak.Pointer[obj], live)
	for i := range liveObjs {
		liveObjs[i] = newObj(1000 + i)
		livePtrs[i] = weak.Make(liveObjs[i])
	}
	liveField := weak.Make(&liveObjs[0].pad)

	// Equality holds before and after a collection.
	println("same pointer, equal weak pointers:", weak.Make(liveObjs[1]) == livePtrs[1])
	println("different objects, unequal weak pointers:", livePtrs[1] != livePtrs[2])
	o := liveObjs[2]
	println("same field, equal weak pointers:", weak.Make(&o.pad[1]) == weak.Make(&o.pad[1]))
	println("two fields of one object, unequal weak pointers:", weak.Make(&o.id) != weak.Make(&o.pad[0]))
	println("zero weak pointer equals weak.Make(nil):", weak.Pointer[obj]{} == weak.Make[obj](nil))
	println("weak.Make(nil).Value() is nil:", weak.Make[obj](nil).Value() == nil)

	h1 := unique.Make(text("gort", "-", "unique"))
	p1 := unique.Make(point{3, 4})

	allDead := func() bool {
		for _, w := range deadPtrs {
			if w.Value() != nil {
				return false
			}
		}
		return deadField.Value() == nil
	}
	ok := false
	for i := 0; i < 100 && !ok; i++ {
		runtime.GC()
		runtime.Gosched()
		ok = allDead()
	}
	if ok {
		println("all", dead, "weak pointers to dead objects are nil, and the dead field's")
	} else {
		n := 0
		for _, w := range deadPtrs {
			if w.Value() != nil {
				n++
			}
		}
		println("weak pointers to dead objects still set:", n, "dead field's:", deadField.Value() != nil)
	}

	// New objects may take the dead ones' memory; their weak pointers
	// must still differ from the dead objects'.
	deadSet := map[weak.Pointer[obj]]bool{}
	for _, w := range deadPtrs {
		deadSet[w] = true
	}
	fresh := make([]*obj, 4*dead)
	same, lost := 0, 0
	for i := range fresh {
		fresh[i] = newObj(2000 + i)
		w := weak.Make(fresh[i])
		if deadSet[w] {
			same++
		}
		if w.Value() != fresh[i] {
			lost++
		}
	}
	println("weak pointers to new objects equal to a dead object's:", same, "not returning their object:", lost)
	runtime.KeepAlive(fresh)

	good := 0
	for i, w := range livePtrs {
		if p := w.Value(); p == liveObjs[i] && p.intact(1000+i) {
			good++
		}
	}
	println("weak pointers to live objects that return them intact:", good, "of", live)
	println("weak field pointer of a live object:", liveField.Value() == &liveObjs[0].pad)
	println("same pointer after GC, equal weak pointers:", weak.Make(liveObjs[1]) == livePtrs[1])

	got := false
	for i := 0; i < 100 && !got; i++ {
		runtime.GC()
		runtime.Gosched()
		select {
		case <-finalized:
			got = true
		default:
		}
	}
	if !got || resurrected == nil {
		println("resurrecting finalizer did not run")
	} else {
		println("resurrected object intact:", resurrected.intact(600))
		println("its old weak pointer is nil:", resurrectPtr.Value() == nil)
		again := weak.Make(resurrected)
		println("a new weak pointer to it returns it:", again.Value() == resurrected)
		println("the new weak pointer differs from the old:", again != resurrectPtr)
	}

	h2 := unique.Make(text("gort", "-uni", "que"))
	println("unique: equal strings, equal handles:", h1 == h2)
	println("unique: handle's value:", h2.Value())
	println("unique: different strings, different handles:", h1 != unique.Make(text("gort")))
	println("unique: equal structs, equal handles:", p1 == unique.Make(point{3, 4}))
	println("unique: different structs, different handles:", p1 != unique.Make(point{4, 3}))
	v := p1.Value()
	println("unique: struct handle's value:", v.x, v.y)

	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	println("unique: equal after more collections:", h1 == unique.Make(text("gort-", "unique")))

	runtime.KeepAlive(liveObjs)
}
