package runtime

import (
	"unsafe"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Channels follow chan.go: an hchan with a circular buffer, queues of
// waiting senders and receivers (sudogs), direct hand-off between a waiting
// goroutine and its partner, and the close rules. The hchan and its sudogs
// live in the arena, in the real layout; a sudog names its goroutine by its
// index in allgs, checked on use.

// hchan field offsets (runtime.hchan on amd64).
const (
	hcQcount   = 0
	hcDataqsiz = 8
	hcBuf      = 16
	hcElemsize = 24
	hcClosed   = 28
	hcElemtype = 40
	hcSendx    = 48
	hcRecvx    = 56
	hcRecvq    = 64 // waitq{first, last}
	hcSendq    = 80
	hchanSize  = 112
)

// sudog field offsets. g holds the goroutine's allgs index plus one.
const (
	sgG        = 0
	sgNext     = 8
	sgPrev     = 16
	sgElem     = 24
	sgC        = 32
	sgIsSelect = 40
	sgSuccess  = 41
	sgWaitlink = 48
	sgCase     = 56
	sudogSize  = 64
)

func ld(p uintptr) uint64 {
	v, ok := arena.Load64(p)
	if !ok {
		throw("runtime object outside the arena")
	}
	return v
}

func st(p uintptr, v uint64) { arena.Store64(p, v) }

func makechan(mp *m, gp *g, dst int32, t *bytecode.Type, size int64) int {
	elem := t.Elem
	if size < 0 || (elem.Size > 0 && uint64(size) > maxAlloc/uint64(elem.Size)) {
		return panicPlain(mp, gp, "makechan: size out of range")
	}
	c := mallocgc(mp, hchanSize, hchanType)
	if size > 0 && elem.Size > 0 {
		st(c+hcBuf, uint64(mallocgc(mp, uintptr(size)*elem.Size, elem)))
	} else {
		st(c+hcBuf, uint64(c))
	}
	st(c+hcDataqsiz, uint64(size))
	arena.Store16(c+hcElemsize, uint16(elem.Size))
	st(c+hcElemtype, uint64(elem.Desc))
	*slot(arena.Frame(gp.fp), dst) = uint64(c)
	return stContinue
}

func chanlen(c uintptr) int {
	if c == 0 {
		return 0
	}
	return int(ld(c + hcQcount))
}

func chancap(c uintptr) int {
	if c == 0 {
		return 0
	}
	return int(ld(c + hcDataqsiz))
}

func chanbuf(c uintptr, i uint64, size uintptr) uintptr {
	return uintptr(ld(c+hcBuf)) + uintptr(i)*size
}

func elemsize(c uintptr) uintptr {
	v, _ := arena.Load16(c + hcElemsize)
	return uintptr(v)
}

func closed(c uintptr) bool {
	v, _ := arena.Load32(c + hcClosed)
	return v != 0
}

// sudogs are cached per P, as the real runtime does.
var sudogcache []uintptr

func acquireSudog(mp *m, gp *g) uintptr {
	var s uintptr
	if n := len(sudogcache); n > 0 {
		s = sudogcache[n-1]
		sudogcache = sudogcache[:n-1]
		arena.Memclr(s, sudogSize)
	} else {
		s = mallocgc(mp, sudogSize, sudogType)
	}
	st(s+sgG, uint64(gp.index)+1)
	return s
}

func releaseSudog(s uintptr) { sudogcache = append(sudogcache, s) }

// sudogG returns the goroutine a sudog names.
func sudogG(s uintptr) *g {
	i := ld(s+sgG) - 1
	if i >= uint64(len(allgs)) {
		throw("sudog names no goroutine")
	}
	return allgs[i]
}

func enqueue(q, s uintptr) {
	st(s+sgNext, 0)
	last := uintptr(ld(q + 8))
	st(s+sgPrev, uint64(last))
	if last == 0 {
		st(q, uint64(s))
	} else {
		st(last+sgNext, uint64(s))
	}
	st(q+8, uint64(s))
}

// dequeue pops the first waiter that can still complete: a select whose
// other case already won is skipped.
func dequeue(q uintptr) uintptr {
	for {
		s := uintptr(ld(q))
		if s == 0 {
			return 0
		}
		next := uintptr(ld(s + sgNext))
		st(q, uint64(next))
		if next == 0 {
			st(q+8, 0)
		} else {
			st(next+sgPrev, 0)
		}
		st(s+sgNext, 0)
		st(s+sgPrev, 0)
		if b, _ := arena.Load8(s + sgIsSelect); b != 0 {
			if !sudogG(s).selectDone.CompareAndSwap(0, 1) {
				continue
			}
		}
		return s
	}
}

// dequeueSudog removes s from q wherever it is.
func dequeueSudog(q, s uintptr) {
	prev, next := uintptr(ld(s+sgPrev)), uintptr(ld(s+sgNext))
	if prev != 0 {
		st(prev+sgNext, uint64(next))
	} else if uintptr(ld(q)) == s {
		st(q, uint64(next))
	} else {
		return // not queued
	}
	if next != 0 {
		st(next+sgPrev, uint64(prev))
	} else {
		st(q+8, uint64(prev))
	}
	st(s+sgNext, 0)
	st(s+sgPrev, 0)
}

// chansend implements c <- *ep.
func chansend(mp *m, gp *g, c, ep uintptr, t *bytecode.Type) int {
	if c == 0 {
		gopark(gp, "chan send (nil chan)")
		return stStop
	}
	if closed(c) {
		return panicPlain(mp, gp, "send on closed channel")
	}
	size := elemsize(c)
	if sg := dequeue(c + hcRecvq); sg != 0 {
		sendDirect(mp, sg, ep, size)
		return stContinue
	}
	if q, n := ld(c+hcQcount), ld(c+hcDataqsiz); q < n {
		sx := ld(c + hcSendx)
		typedmemmove(chanbuf(c, sx, size), ep, size)
		if sx++; sx == n {
			sx = 0
		}
		st(c+hcSendx, sx)
		st(c+hcQcount, q+1)
		return stContinue
	}
	s := acquireSudog(mp, gp)
	st(s+sgElem, uint64(ep))
	st(s+sgC, uint64(c))
	enqueue(c+hcSendq, s)
	gp.resume = resumeState{kind: resumeSend, sg: s}
	gopark(gp, "chan send")
	return stStop
}

// sendDirect completes a waiting receiver with the value at ep.
func sendDirect(mp *m, sg, ep, size uintptr) {
	if dst := uintptr(ld(sg + sgElem)); dst != 0 {
		typedmemmove(dst, ep, size)
	}
	arena.Store8(sg+sgSuccess, 1)
	wake(mp, sg)
}

func wake(mp *m, sg uintptr) {
	gp := sudogG(sg)
	gp.param = sg
	goready(mp, gp)
}

// chanrecv receives from c into ep. It reports whether it completed
// (selected) and whether a value was received (false: closed and empty).
func chanrecv(mp *m, c, ep uintptr) (selected, received bool) {
	size := elemsize(c)
	if closed(c) && ld(c+hcQcount) == 0 {
		if ep != 0 {
			typedmemclr(ep, size)
		}
		return true, false
	}
	if sg := dequeue(c + hcSendq); sg != 0 {
		src := uintptr(ld(sg + sgElem))
		if ld(c+hcDataqsiz) == 0 {
			if ep != 0 {
				typedmemmove(ep, src, size)
			}
		} else {
			// The buffer is full: take its head, and put the sender's
			// value in the slot that frees.
			rx := ld(c + hcRecvx)
			slotp := chanbuf(c, rx, size)
			if ep != 0 {
				typedmemmove(ep, slotp, size)
			}
			typedmemmove(slotp, src, size)
			if rx++; rx == ld(c+hcDataqsiz) {
				rx = 0
			}
			st(c+hcRecvx, rx)
			st(c+hcSendx, rx)
		}
		arena.Store8(sg+sgSuccess, 1)
		wake(mp, sg)
		return true, true
	}
	if q := ld(c + hcQcount); q > 0 {
		rx := ld(c + hcRecvx)
		slotp := chanbuf(c, rx, size)
		if ep != 0 {
			typedmemmove(ep, slotp, size)
		}
		typedmemclr(slotp, size)
		if rx++; rx == ld(c+hcDataqsiz) {
			rx = 0
		}
		st(c+hcRecvx, rx)
		st(c+hcQcount, q-1)
		return true, true
	}
	return false, false
}

// chanrecvOp implements v := <-c and v, ok := <-c into the frame.
func chanrecvOp(mp *m, gp *g, dst int32, c uintptr, t *bytecode.Type, commaOk bool, okOff int32) int {
	ep := gp.fp + uintptr(dst)
	fpp := arena.Frame(gp.fp)
	*slot(fpp, dst) = 0
	if c == 0 {
		gopark(gp, "chan receive (nil chan)")
		return stStop
	}
	okAt := int32(-1)
	if commaOk {
		okAt = dst + okOff
	}
	if done, ok := chanrecv(mp, c, ep); done {
		finishRecv(fpp, dst, okAt, t.Elem, ok)
		return stContinue
	}
	s := acquireSudog(mp, gp)
	st(s+sgElem, uint64(ep))
	st(s+sgC, uint64(c))
	enqueue(c+hcRecvq, s)
	gp.resume = resumeState{kind: resumeRecv, sg: s, dst: dst, okOff: okAt, t: t.Elem}
	gopark(gp, "chan receive")
	return stStop
}

// finishRecv normalises a received scalar in its slot and stores ok.
func finishRecv(fpp unsafe.Pointer, dst, okAt int32, elem *bytecode.Type, ok bool) {
	if isNarrow(elem.Class) {
		*slot(fpp, dst) = extend(*slot(fpp, dst), elem.Class)
	}
	if okAt >= 0 {
		*slot(fpp, okAt) = b2u(ok)
	}
}

func isNarrow(cls uint16) bool { return cls != 0 && cls < bytecode.ClassW64 }

// resumeBlocked runs the second phase of the operation gp blocked in.
func resumeBlocked(mp *m, gp *g) int {
	r := gp.resume
	gp.resume = resumeState{}
	fpp := arena.Frame(gp.fp)
	switch r.kind {
	case resumeSend:
		ok, _ := arena.Load8(r.sg + sgSuccess)
		releaseSudog(r.sg)
		if ok == 0 {
			return panicPlain(mp, gp, "send on closed channel")
		}
	case resumeRecv:
		ok, _ := arena.Load8(r.sg + sgSuccess)
		releaseSudog(r.sg)
		finishRecv(fpp, r.dst, r.okOff, r.t, ok != 0)
	case resumeSelect:
		return selectResume(mp, gp, r)
	}
	return stContinue
}

func closechan(mp *m, gp *g, c uintptr) int {
	if c == 0 {
		return panicPlain(mp, gp, "close of nil channel")
	}
	if closed(c) {
		return panicPlain(mp, gp, "close of closed channel")
	}
	arena.Store32(c+hcClosed, 1)
	size := elemsize(c)
	// Release every receiver with a zero value and every sender to panic,
	// in queue order.
	for {
		sg := dequeue(c + hcRecvq)
		if sg == 0 {
			break
		}
		if ep := uintptr(ld(sg + sgElem)); ep != 0 {
			typedmemclr(ep, size)
		}
		arena.Store8(sg+sgSuccess, 0)
		wake(mp, sg)
	}
	for {
		sg := dequeue(c + hcSendq)
		if sg == 0 {
			break
		}
		arena.Store8(sg+sgSuccess, 0)
		wake(mp, sg)
	}
	return stContinue
}
