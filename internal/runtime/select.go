package runtime

import (
	"unsafe"

	"gort/internal/arena"
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
	fpp := arena.Frame(gp.fp)
	blocking, n := a[0] == 1, int(a[1])
	cases := a[2:]
	order := make([]int, 0, 8)
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
		dir, c := cases[4*i], uintptr(*slot(fpp, cases[4*i+1]))
		if dir == 1 {
			if closed(c) {
				return panicPlain(mp, gp, "send on closed channel")
			}
			if ld(c+hcRecvq) != 0 || ld(c+hcQcount) < ld(c+hcDataqsiz) {
				chansend(mp, gp, c, gp.fp+uintptr(cases[4*i+2]), nil)
				return selectDone(fpp, res, in.B, i, false)
			}
			continue
		}
		if ld(c+hcSendq) != 0 || ld(c+hcQcount) > 0 || closed(c) {
			dst := res + cases[4*i+2]
			*slot(fpp, dst) = 0
			_, ok := chanrecv(mp, c, gp.fp+uintptr(dst))
			finishRecv(fpp, dst, -1, prog.Types[cases[4*i+3]].Elem, ok)
			return selectDone(fpp, res, in.B, i, ok)
		}
	}
	if !blocking {
		return selectDone(fpp, res, in.B, -1, false)
	}
	if len(order) == 0 {
		if n == 0 {
			gopark(gp, "select (no cases)")
		} else {
			gopark(gp, "select")
		}
		return stStop
	}
	// Enqueue on every channel, in case order.
	gp.selectDone.Store(0)
	var first, last uintptr
	for i := 0; i < n; i++ {
		c := uintptr(*slot(fpp, cases[4*i+1]))
		if c == 0 {
			continue
		}
		s := acquireSudog(mp, gp)
		arena.Store8(s+sgIsSelect, 1)
		st(s+sgC, uint64(c))
		st(s+sgCase, uint64(i))
		if cases[4*i] == 1 {
			st(s+sgElem, uint64(gp.fp+uintptr(cases[4*i+2])))
			enqueue(c+hcSendq, s)
		} else {
			dst := res + cases[4*i+2]
			*slot(fpp, dst) = 0
			st(s+sgElem, uint64(gp.fp+uintptr(dst)))
			enqueue(c+hcRecvq, s)
		}
		if last == 0 {
			first = s
		} else {
			st(last+sgWaitlink, uint64(s))
		}
		last = s
	}
	gp.resume = resumeState{kind: resumeSelect, sg: first, dst: res, okOff: in.B, aux: a}
	gopark(gp, "select")
	return stStop
}

func selectDone(fpp unsafe.Pointer, res, okOff int32, i int, ok bool) int {
	*slot(fpp, res) = uint64(int64(i))
	*slot(fpp, res+okOff) = b2u(ok)
	return stContinue
}

// selectResume runs when a parked select is woken: the winning sudog is in
// gp.param; every other sudog is dequeued from its channel.
func selectResume(mp *m, gp *g, r resumeState) int {
	fpp := arena.Frame(gp.fp)
	cases := r.aux[2:]
	won := gp.param
	gp.param = 0
	casi := -1
	var ok bool
	for s := r.sg; s != 0; {
		next := uintptr(ld(s + sgWaitlink))
		i := int(ld(s + sgCase))
		if s == won {
			casi = i
			b, _ := arena.Load8(s + sgSuccess)
			ok = b != 0
		} else {
			c := uintptr(ld(s + sgC))
			if cases[4*i] == 1 {
				dequeueSudog(c+hcSendq, s)
			} else {
				dequeueSudog(c+hcRecvq, s)
			}
		}
		releaseSudog(s)
		s = next
	}
	if casi < 0 {
		throw("select woken without a winning case")
	}
	if cases[4*casi] == 1 {
		if !ok {
			return panicPlain(mp, gp, "send on closed channel")
		}
		return selectDone(fpp, r.dst, r.okOff, casi, false)
	}
	finishRecv(fpp, r.dst+cases[4*casi+2], -1, prog.Types[cases[4*casi+3]].Elem, ok)
	return selectDone(fpp, r.dst, r.okOff, casi, ok)
}
