package runtime

import (
	"unsafe"

	"gort/internal/bytecode"
)

// selectgo implements a select statement as select.go does: poll the cases
// in a random order; if none is ready and the select blocks, enqueue a
// sudog on every channel and park; the first partner to arrive wins (it
// CASes selectDone) and the goroutine dequeues itself from the rest.
//
// The case table (Aux) is: blocking, n, then per case dir (1 send, 0 recv),
// channel slot, value slot (send) or result-tuple offset (recv), chan type.
// The result tuple is (index, recvOK, received values...) at fp+A; recvOK
// is at fp+A+B.
func selectgo(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	vm := mp.vm
	fpp := vm.mem.Frame(gp.fp)
	blocking, n := a[0] == 1, int(a[1])
	cases := a[2:]
	var orderBuf [8]int
	order := orderBuf[:0]
	for i := 0; i < n; i++ {
		if *slot(fpp, cases[4*i+1]) != 0 {
			order = append(order, i)
		}
	}
	// Fisher-Yates with the P's random source: the poll order.
	for i := len(order) - 1; i > 0; i-- {
		j := int(mp.p.rand.uint32n(uint32(i + 1)))
		order[i], order[j] = order[j], order[i]
	}
	res := in.A
	for _, i := range order {
		c, size := hchan{vm.mem, uintptr(*slot(fpp, cases[4*i+1]))}, caseElemSize(vm, cases, i)
		if cases[4*i] == 1 {
			if c.closed() {
				return panicPlain(mp, gp, "send on closed channel")
			}
			if trysend(mp, c, gp.fp+uintptr(cases[4*i+2]), size) {
				return selectDone(fpp, res, in.B, i, false)
			}
			continue
		}
		// The value is a field of the result tuple: chanrecv writes all
		// of its bytes and no others, and none if it cannot receive.
		if selected, ok := chanrecv(mp, c, gp.fp+uintptr(res+cases[4*i+2]), size); selected {
			return selectDone(fpp, res, in.B, i, ok)
		}
	}
	if !blocking {
		return selectDone(fpp, res, in.B, -1, false)
	}
	if len(order) == 0 {
		if n == 0 {
			gopark(mp, gp, "select (no cases)")
		} else {
			gopark(mp, gp, "select")
		}
		return stStop
	}
	// Enqueue on every channel, in case order. The waiter records are
	// complete before the first sudog is queued, so that a sudog is never
	// found without its record.
	gp.selectDone.Store(0)
	gp.waiting = gp.waiting[:0]
	for i := 0; i < n; i++ {
		c := hchan{vm.mem, uintptr(*slot(fpp, cases[4*i+1]))}
		if c.p == 0 {
			continue
		}
		w := waiter{c: c.p, cas: int32(i), send: cases[4*i] == 1, size: caseElemSize(vm, cases, i)}
		if w.send {
			w.elem = cases[4*i+2]
		} else {
			w.elem = res + cases[4*i+2]
		}
		gp.waiting = append(gp.waiting, w)
	}
	var last sudog
	for i := range gp.waiting {
		w := &gp.waiting[i]
		park(mp, gp, w)
		if last.p != 0 {
			last.setWaitlink(sudog{vm.mem, w.sg})
		}
		last = sudog{vm.mem, w.sg}
	}
	gp.resume = resumeState{kind: resumeSelect, dst: res, okOff: in.B, aux: a}
	gopark(mp, gp, "select")
	return stStop
}

// caseElemSize is the element size of case i's channel type.
func caseElemSize(vm *vm, cases []int32, i int) uintptr { return vm.prog.Types[cases[4*i+3]].Elem.Size }

// selectDone stores the chosen case and recvOK in the result tuple
// (index int, recvOK bool, values...), whose first value may share
// recvOK's word.
func selectDone(fpp unsafe.Pointer, res, okOff int32, i int, ok bool) int {
	*slot(fpp, res) = uint64(int64(i))
	setTupleBool(fpp, res+okOff, ok)
	return stContinue
}

// selectResume runs when a parked select is woken: the winning sudog is in
// gp.param; every other sudog is dequeued from its channel. The sudogs are
// the ones gp's own records name, not whatever the arena's links say.
func selectResume(mp *m, gp *g, r resumeState) int {
	fpp := mp.vm.mem.Frame(gp.fp)
	cases := r.aux[2:]
	won := sudog{mp.vm.mem, gp.param}
	gp.param = 0
	casi := -1
	var ok bool
	for _, w := range gp.waiting {
		s := sudog{mp.vm.mem, w.sg}
		if s == won {
			casi = int(w.cas)
			ok = s.success()
		} else {
			hchan{mp.vm.mem, w.c}.queue(w.send).dequeueSudog(s)
		}
		releaseSudog(mp, w.sg)
	}
	gp.waiting = gp.waiting[:0]
	if casi < 0 {
		throw("select woken without a winning case")
	}
	if cases[4*casi] == 1 {
		if !ok {
			return panicPlain(mp, gp, "send on closed channel")
		}
		return selectDone(fpp, r.dst, r.okOff, casi, false)
	}
	return selectDone(fpp, r.dst, r.okOff, casi, ok)
}
