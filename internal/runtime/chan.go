package runtime

import (
	"unsafe"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Channels follow chan.go: an hchan with a circular buffer, queues of
// waiting senders and receivers (sudogs), direct hand-off between a waiting
// goroutine and its partner, and the close rules. The hchan and its sudogs
// live in the arena, in the real layout, and are reached through the typed
// views below, whose accessors validate every access.
//
// Everything in the arena is the program's to overwrite, so the runtime
// trusts none of it for what could harm the host or another goroutine:
//
//   - A sudog found on a queue is believed only if the goroutine it names
//     (by index and generation) has a waiter record for that very sudog on
//     that channel in that direction: the waiter is the host's record of
//     what a parked goroutine queued, and it, not the sudog, says where the
//     element lives in that goroutine's frame and how big it is.
//   - Buffer indices are checked against the capacity, and copies are sized
//     by the element type the operation was compiled with.
//   - A queue walk is bounded by the number of sudogs that exist.
//
// A word that fails is a fault of the program (DESIGN.md §3).

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

// sudog field offsets. g names the goroutine (see gword).
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

// hchan is a view of a channel in the arena.
type hchan struct {
	mem *arena.Arena
	p   uintptr
}

func (c hchan) qcount() uint64     { return c.mem.MustLoad64(c.p + hcQcount) }
func (c hchan) setQcount(v uint64) { c.mem.MustStore64(c.p+hcQcount, v) }
func (c hchan) dataqsiz() uint64   { return c.mem.MustLoad64(c.p + hcDataqsiz) }
func (c hchan) buf() uintptr       { return uintptr(c.mem.MustLoad64(c.p + hcBuf)) }
func (c hchan) closed() bool       { return c.mem.MustLoad64(c.p+hcClosed)&0xFFFF_FFFF != 0 }
func (c hchan) sendx() uint64      { return c.index(hcSendx) }
func (c hchan) setSendx(v uint64)  { c.mem.MustStore64(c.p+hcSendx, v) }
func (c hchan) recvx() uint64      { return c.index(hcRecvx) }
func (c hchan) setRecvx(v uint64)  { c.mem.MustStore64(c.p+hcRecvx, v) }
func (c hchan) recvq() waitq       { return waitq{c.mem, c.p + hcRecvq} }
func (c hchan) sendq() waitq       { return waitq{c.mem, c.p + hcSendq} }

func (c hchan) setClosed() {
	if !c.mem.Store32(c.p+hcClosed, 1) {
		panic(arena.Fault{Addr: c.p + hcClosed})
	}
}

// index reads a buffer index (sendx, recvx), which must lie inside the
// buffer.
func (c hchan) index(off uintptr) uint64 {
	i := c.mem.MustLoad64(c.p + off)
	if i >= c.dataqsiz() {
		panic(arena.Fault{Addr: c.p + off})
	}
	return i
}

// count is qcount, which must not exceed the capacity.
func (c hchan) count() uint64 {
	q := c.qcount()
	if q > c.dataqsiz() {
		panic(arena.Fault{Addr: c.p + hcQcount})
	}
	return q
}

// slot is the address of buffer slot i for elements of size bytes.
func (c hchan) slot(i uint64, size uintptr) uintptr {
	return c.buf() + byteSize(c.p+hcBuf, uintptr(i), size)
}

func (c hchan) queue(send bool) waitq {
	if send {
		return c.sendq()
	}
	return c.recvq()
}

// waitq is a view of a queue of sudogs: first and last.
type waitq struct {
	mem *arena.Arena
	p   uintptr
}

func (q waitq) first() sudog     { return sudog{q.mem, uintptr(q.mem.MustLoad64(q.p))} }
func (q waitq) setFirst(s sudog) { q.mem.MustStore64(q.p, uint64(s.p)) }
func (q waitq) last() sudog      { return sudog{q.mem, uintptr(q.mem.MustLoad64(q.p + 8))} }
func (q waitq) setLast(s sudog)  { q.mem.MustStore64(q.p+8, uint64(s.p)) }

// sudog is a view of a sudog in the arena.
type sudog struct {
	mem *arena.Arena
	p   uintptr
}

func (s sudog) g() uint64           { return s.mem.MustLoad64(s.p + sgG) }
func (s sudog) next() sudog         { return sudog{s.mem, uintptr(s.mem.MustLoad64(s.p + sgNext))} }
func (s sudog) setNext(x sudog)     { s.mem.MustStore64(s.p+sgNext, uint64(x.p)) }
func (s sudog) prev() sudog         { return sudog{s.mem, uintptr(s.mem.MustLoad64(s.p + sgPrev))} }
func (s sudog) setPrev(x sudog)     { s.mem.MustStore64(s.p+sgPrev, uint64(x.p)) }
func (s sudog) success() bool       { return s.mem.MustLoad8(s.p+sgSuccess) != 0 }
func (s sudog) setSuccess(ok bool)  { s.mem.MustStore8(s.p+sgSuccess, uint8(b2u(ok))) }
func (s sudog) setWaitlink(x sudog) { s.mem.MustStore64(s.p+sgWaitlink, uint64(x.p)) }

// init fills a sudog for w, parked by gp: the arena copy of the waiter
// record, as the real runtime lays it out.
func (s sudog) init(gp *g, w *waiter) {
	// One checked write of the whole sudog; enqueue links it.
	s.mem.MustWriteWords(s.p, []uint64{
		sgG / 8:        gword(gp),
		sgElem / 8:     uint64(w.elemAddr(gp)),
		sgC / 8:        uint64(w.c),
		sgIsSelect / 8: b2u(w.cas >= 0), // success and the padding zero
		sgCase / 8:     uint64(int64(w.cas)),
	})
}

// A waiter is the host's record of one sudog a parked goroutine has
// queued. It is what the runtime believes about the sudog: which channel,
// which direction, where the element lives in the goroutine's frame (a
// parked goroutine's stack does not move) and its size.
type waiter struct {
	sg   uintptr // the sudog
	c    uintptr // the channel
	elem int32   // frame offset of the element
	cas  int32   // the select case, or -1
	send bool
	size uintptr
	// abs, if not zero, is the element's address instead: reflect's
	// channel operations (reflectchan.go) send from and receive into
	// heap values. It is an arena pointer the host holds for a parked
	// goroutine, which the collector will have to treat as a root.
	abs uintptr
}

// elemAddr is the address of w's element, for gp, which queued w.
func (w *waiter) elemAddr(gp *g) uintptr {
	if w.abs != 0 {
		return w.abs
	}
	return gp.fp + uintptr(w.elem)
}

// waiterFor returns gp's record of the sudog s, or nil if gp has not
// queued s.
func (gp *g) waiterFor(s sudog) *waiter {
	if r := &gp.resume; (r.kind == resumeSend || r.kind == resumeRecv) && r.w.sg == s.p {
		return &r.w
	}
	for i := range gp.waiting {
		if gp.waiting[i].sg == s.p {
			return &gp.waiting[i]
		}
	}
	return nil
}

// waiterOf validates a sudog found on c's send (or receive) queue: it
// returns the goroutine and the waiter record that vouch for it, or
// faults. A plain send or receive must still be parked (a forged link can
// put a sudog on a queue again after it was dequeued); a select's sudog
// may belong to a select that another case already woke, which dequeue
// skips.
func (c hchan) waiterOf(vm *vm, s sudog, send bool) (*g, *waiter) {
	if gp, ok := gFromWord(vm, s.g()); ok {
		if w := gp.waiterFor(s); w != nil && w.c == c.p && w.send == send &&
			(w.cas >= 0 || gp.atomicstatus.Load() == _Gwaiting) {
			return gp, w
		}
	}
	panic(arena.Fault{Addr: s.p})
}

// elemAt is the address of w's element in gp's frame, checked against the
// size the partner's operation was compiled for.
func (w *waiter) elemAt(gp *g, size uintptr) uintptr {
	if w.size != size {
		panic(arena.Fault{Addr: w.sg + sgElem})
	}
	return w.elemAddr(gp)
}

// sudogs are cached per P, as the real runtime does; vm.nsudog counts
// every sudog ever made, which bounds every queue's length.
func acquireSudog(mp *m) sudog {
	pp := mp.p
	if n := len(pp.sudogcache); n > 0 {
		s := pp.sudogcache[n-1]
		pp.sudogcache = pp.sudogcache[:n-1]
		return sudog{mp.vm.mem, s} // init and enqueue write every word
	}
	mp.vm.nsudog++
	return sudog{mp.vm.mem, mallocgc(mp, sudogSize, sudogType)}
}

func releaseSudog(mp *m, s uintptr) { mp.p.sudogcache = append(mp.p.sudogcache, s) }

func (q waitq) enqueue(s sudog) {
	s.setNext(sudog{})
	last := q.last()
	s.setPrev(last)
	if last.p == 0 {
		q.setFirst(s)
	} else {
		last.setNext(s)
	}
	q.setLast(s)
}

// dequeue pops the first waiter that can still complete, validated: a
// select whose other case already won is skipped.
func (c hchan) dequeue(vm *vm, send bool) (sudog, *g, *waiter) {
	q := c.queue(send)
	for range vm.nsudog + 1 {
		s := q.first()
		if s.p == 0 {
			return sudog{}, nil, nil
		}
		gp, w := c.waiterOf(vm, s, send)
		next := s.next()
		if next.p == 0 {
			q.mem.MustWriteWords(q.p, []uint64{0, 0}) // first, last
		} else {
			q.setFirst(next)
			next.setPrev(sudog{})
		}
		s.mem.MustWriteWords(s.p+sgNext, []uint64{0, 0}) // next, prev
		if w.cas >= 0 && !gp.selectDone.CompareAndSwap(0, 1) {
			continue
		}
		return s, gp, w
	}
	// More entries than sudogs exist: the queue has a cycle.
	panic(arena.Fault{Addr: q.p})
}

// dequeueSudog removes s from q wherever it is.
func (q waitq) dequeueSudog(s sudog) {
	prev, next := s.prev(), s.next()
	if prev.p != 0 {
		prev.setNext(next)
	} else if q.first() == s {
		q.setFirst(next)
	} else {
		return // not queued
	}
	if next.p != 0 {
		next.setPrev(prev)
	} else {
		q.setLast(prev)
	}
	s.setNext(sudog{})
	s.setPrev(sudog{})
}

func makechan(mp *m, gp *g, dst int32, t *bytecode.Type, size int64) int {
	elem := t.Elem
	if size < 0 || (elem.Size > 0 && uint64(size) > maxAlloc/uint64(elem.Size)) {
		return panicPlain(mp, gp, "makechan: size out of range")
	}
	c := mallocgc(mp, hchanSize, hchanType)
	if size > 0 && elem.Size > 0 {
		mp.vm.st(c+hcBuf, uint64(mallocgc(mp, uintptr(size)*elem.Size, elem)))
	} else {
		mp.vm.st(c+hcBuf, uint64(c))
	}
	mp.vm.st(c+hcDataqsiz, uint64(size))
	mp.vm.mem.Store16(c+hcElemsize, uint16(elem.Size))
	mp.vm.st(c+hcElemtype, uint64(elem.Desc))
	*slot(mp.vm.mem.Frame(gp.fp), dst) = uint64(c)
	return stContinue
}

func chanlen(c hchan) int {
	if c.p == 0 {
		return 0
	}
	return int(c.qcount())
}

func chancap(c hchan) int {
	if c.p == 0 {
		return 0
	}
	return int(c.dataqsiz())
}

// chansend implements c <- *ep for elements of size bytes.
func chansend(mp *m, gp *g, c hchan, ep uintptr, size uintptr) int {
	if c.p == 0 {
		gopark(mp, gp, "chan send (nil chan)")
		return stStop
	}
	if c.closed() {
		return panicPlain(mp, gp, "send on closed channel")
	}
	if trysend(mp, c, ep, size) {
		return stContinue
	}
	w := waiter{c: c.p, cas: -1, send: true, size: size}
	if off := ep - gp.fp; off < uintptr(gp.fn.FrameSize) {
		w.elem = int32(off)
	} else {
		w.abs = ep // reflect's send of a heap value
	}
	gp.resume = resumeState{kind: resumeSend, w: w}
	park(mp, gp, &gp.resume.w)
	gopark(mp, gp, "chan send")
	return stStop
}

// trysend sends *ep on c, which is open, if it can without blocking: to a
// waiting receiver, or into the buffer's room. A receiver's sudog left
// queued by a select that another case completed does not count: dequeue
// drops it.
func trysend(mp *m, c hchan, ep, size uintptr) bool {
	if sg, rg, w := c.dequeue(mp.vm, false); sg.p != 0 {
		typedmemmove(mp.vm, w.elemAt(rg, size), ep, size)
		sg.setSuccess(true)
		wake(mp, rg, sg)
		return true
	}
	if q, n := c.count(), c.dataqsiz(); q < n {
		sx := c.sendx()
		typedmemmove(mp.vm, c.slot(sx, size), ep, size)
		if sx++; sx == n {
			sx = 0
		}
		c.setSendx(sx)
		c.setQcount(q + 1)
		return true
	}
	return false
}

// park queues a sudog for w, which gp's resume state or select list
// already holds.
func park(mp *m, gp *g, w *waiter) {
	s := acquireSudog(mp)
	w.sg = s.p
	s.init(gp, w)
	hchan{mp.vm.mem, w.c}.queue(w.send).enqueue(s)
}

func wake(mp *m, gp *g, sg sudog) {
	gp.param = sg.p
	goready(mp, gp)
}

// chanrecv receives from c into ep (elements of size bytes). It reports
// whether it completed (selected) and whether a value was received
// (false: closed and empty).
func chanrecv(mp *m, c hchan, ep, size uintptr) (selected, received bool) {
	if c.closed() && c.count() == 0 {
		if ep != 0 {
			typedmemclr(mp.vm, ep, size)
		}
		return true, false
	}
	if sg, sgp, w := c.dequeue(mp.vm, true); sg.p != 0 {
		src := w.elemAt(sgp, size)
		if n := c.dataqsiz(); n == 0 {
			if ep != 0 {
				typedmemmove(mp.vm, ep, src, size)
			}
		} else {
			// The buffer is full: take its head, and put the sender's
			// value in the slot that frees.
			rx := c.recvx()
			slotp := c.slot(rx, size)
			if ep != 0 {
				typedmemmove(mp.vm, ep, slotp, size)
			}
			typedmemmove(mp.vm, slotp, src, size)
			if rx++; rx == n {
				rx = 0
			}
			c.setRecvx(rx)
			c.setSendx(rx)
		}
		sg.setSuccess(true)
		wake(mp, sgp, sg)
		return true, true
	}
	if q := c.count(); q > 0 {
		rx := c.recvx()
		slotp := c.slot(rx, size)
		if ep != 0 {
			typedmemmove(mp.vm, ep, slotp, size)
		}
		typedmemclr(mp.vm, slotp, size)
		if rx++; rx == c.dataqsiz() {
			rx = 0
		}
		c.setRecvx(rx)
		c.setQcount(q - 1)
		return true, true
	}
	return false, false
}

// chanrecvOp implements v := <-c and v, ok := <-c into the frame: v's own
// slot, or the (v, ok) tuple laid out as memory.
func chanrecvOp(mp *m, gp *g, dst int32, c hchan, t *bytecode.Type, commaOk bool, okOff int32) int {
	ep := gp.fp + uintptr(dst)
	fpp := mp.vm.mem.Frame(gp.fp)
	*slot(fpp, dst) = 0 // a slot, or the start of a tuple of at least 8 bytes
	if c.p == 0 {
		gopark(mp, gp, "chan receive (nil chan)")
		return stStop
	}
	okAt := int32(-1)
	if commaOk {
		okAt = dst + okOff
	}
	if done, ok := chanrecv(mp, c, ep, t.Elem.Size); done {
		finishRecv(fpp, dst, okAt, t.Elem, ok)
		return stContinue
	}
	gp.resume = resumeState{kind: resumeRecv, w: waiter{c: c.p, elem: dst, cas: -1, size: t.Elem.Size},
		dst: dst, okOff: okAt, t: t.Elem}
	park(mp, gp, &gp.resume.w)
	gopark(mp, gp, "chan receive")
	return stStop
}

// finishRecv completes a receive into the frame: v := <-c normalises a
// narrow scalar in v's slot; v, ok := <-c received into a tuple, whose
// fields are memory (Extract normalises what it reads), so it only stores
// ok's byte, which is all of ok there is.
func finishRecv(fpp unsafe.Pointer, dst, okAt int32, elem *bytecode.Type, ok bool) {
	if okAt >= 0 {
		setTupleBool(fpp, okAt, ok)
	} else if isNarrow(elem.Class) {
		*slot(fpp, dst) = extend(*slot(fpp, dst), elem.Class)
	}
}

// setTupleBool stores a bool field of a tuple result (the ok of a comma-ok
// form, a select's recvOK): one byte, for the fields after it may share
// its word.
func setTupleBool(fpp unsafe.Pointer, off int32, b bool) {
	*(*uint8)(unsafe.Add(fpp, off)) = uint8(b2u(b))
}

func isNarrow(cls uint16) bool { return cls != 0 && cls < bytecode.ClassW64 }

// resumeBlocked runs the second phase of the operation gp blocked in.
func resumeBlocked(mp *m, gp *g) int {
	r := gp.resume
	gp.resume = resumeState{}
	fpp := mp.vm.mem.Frame(gp.fp)
	switch r.kind {
	case resumeSend:
		ok := sudog{mp.vm.mem, r.w.sg}.success()
		releaseSudog(mp, r.w.sg)
		if !ok {
			return panicPlain(mp, gp, "send on closed channel")
		}
	case resumeRecv:
		ok := sudog{mp.vm.mem, r.w.sg}.success()
		releaseSudog(mp, r.w.sg)
		if r.w.abs != 0 {
			reflectRecvResume(mp, gp, r, ok)
		} else {
			finishRecv(fpp, r.dst, r.okOff, r.t, ok)
		}
	case resumeSelect:
		return selectResume(mp, gp, r)
	case resumeReflectSelect:
		return reflectSelectResume(mp, gp, r)
	case resumeFinalizer:
		deliverFinalizer(mp, gp.fp+uintptr(r.dst))
	}
	return stContinue
}

func closechan(mp *m, gp *g, c hchan) int {
	if c.p == 0 {
		return panicPlain(mp, gp, "close of nil channel")
	}
	if c.closed() {
		return panicPlain(mp, gp, "close of closed channel")
	}
	c.setClosed()
	// Release every receiver with a zero value and every sender to panic,
	// in queue order.
	for _, send := range [2]bool{false, true} {
		for {
			sg, wg, w := c.dequeue(mp.vm, send)
			if sg.p == 0 {
				break
			}
			if !send {
				typedmemclr(mp.vm, w.elemAt(wg, w.size), w.size)
			}
			sg.setSuccess(false)
			wake(mp, wg, sg)
		}
	}
	return stContinue
}
