package runtime

import (
	"math/bits"
	"unsafe"

	"gort/internal/bytecode"
)

// Marking: the roots are shaded, then the work queue is drained, each grey
// object's pointer words shading what they point at. An arena word is
// untrusted, so a candidate pointer is only ever a number: shade marks the
// allocated object that holds it, if any, and ignores anything else (an
// address outside the heap, in a free slot, in a stack span, in a span's
// heap bits). A word that merely looks like a pointer can therefore only
// keep an object alive, never corrupt the heap.

// gcWork is the collector's queue of grey objects and its scan counts.
type gcWork struct {
	vm    *vm
	stack []uintptr // grey objects, by address
	// The bytes of stack and of data the cycle scanned (the pacer's
	// lastStackScan and globalsScan), and of heap objects.
	stackScan, globalsScan, heapScan uint64
	// bytesMarked counts the bytes of the objects the cycle marked,
	// those allocated black included: the next heapMarked.
	bytesMarked uint64
	// onWord, if set, receives each pointer word's address instead of
	// shading it (objectPointerWords).
	onWord func(addr uintptr)
	// obj is the host pointer to the object scanobject is scanning, at
	// arena address objAddr; nil outside scanobject.
	obj     unsafe.Pointer
	objAddr uintptr
	// The cycle's root jobs (prepareRoots): the next one to run, and
	// the goroutines alive when the cycle began, a stack job each.
	rootNext int
	rootGs   []*g
	// rootDeferred are the goroutines whose stack jobs found them running
	// on another M: asked to stop, they scan their own stacks at their
	// next safepoint (gcSafepoint), or mark termination scans them.
	rootDeferred []*g
}

// The root job before the stack jobs: the data.
const (
	rootData = iota
	rootStacks
)

// prepareRoots lists the cycle's root jobs, the real gcMarkRootPrepare:
// the data, and a stack for each goroutine alive now. A goroutine created
// later is scanned at mark termination.
func (w *gcWork) prepareRoots() {
	w.heapScan, w.stackScan, w.globalsScan, w.bytesMarked = 0, 0, 0, 0
	w.stack = w.stack[:0]
	w.rootNext = 0
	w.rootGs = w.rootGs[:0]
	w.rootDeferred = w.rootDeferred[:0]
	for _, gp := range w.vm.allgs {
		if gp.atomicstatus.Load() != _Gdead {
			w.rootGs = append(w.rootGs, gp)
		}
	}
}

// markrootNext runs the next root job, if any is left.
func (w *gcWork) markrootNext() bool {
	switch i := w.rootNext; {
	case i == rootData:
		w.markrootData()
	case i-rootStacks < len(w.rootGs):
		gp := w.rootGs[i-rootStacks]
		switch {
		case gp.gcscandone || gp.atomicstatus.Load() == _Gdead:
		case !scannable(gp):
			gp.stackguard0.Store(stackPreempt)
			w.rootDeferred = append(w.rootDeferred, gp)
		default:
			w.markrootStack(gp)
		}
	default:
		return false
	}
	w.rootNext++
	return true
}

// markDone reports whether marking is over: no root job and no grey
// object left.
func (w *gcWork) markDone() bool {
	if w.rootNext < rootStacks+len(w.rootGs) || len(w.stack) > 0 {
		return false
	}
	for len(w.rootDeferred) > 0 {
		gp := w.rootDeferred[len(w.rootDeferred)-1]
		if !gp.gcscandone && gp.atomicstatus.Load() != _Gdead {
			return false
		}
		w.rootDeferred = w.rootDeferred[:len(w.rootDeferred)-1]
	}
	return true
}

// scanWork is the cycle's scan work so far, in bytes.
func (w *gcWork) scanWork() int64 {
	return int64(w.heapScan + w.stackScan + w.globalsScan)
}

// shade marks the object holding p grey, if p points into one.
func (w *gcWork) shade(p uintptr) {
	h := &w.vm.mheap
	if p-h.heapStart >= h.next-h.heapStart {
		return
	}
	s := h.spans[(p-h.heapStart)/pageSize]
	if s == nil || s.state != mSpanInUse {
		return
	}
	i := s.objIndex(p)
	if i >= s.nelems || !s.isAllocated(i) || s.isMarked(i) {
		return
	}
	s.setMarked(i)
	w.bytesMarked += uint64(s.elemsize)
	if !s.noscan() {
		w.stack = append(w.stack, s.base+i*s.elemsize)
	}
}

// drainN does at least budget bytes of scan work, or all there is: root
// jobs first, then grey objects, as the real gcDrain. It returns the work
// done, which it adds to the cycle's.
func (w *gcWork) drainN(budget int64) int64 {
	start := w.scanWork()
	for w.scanWork()-start < budget {
		if w.markrootNext() {
			continue
		}
		n := len(w.stack)
		if n == 0 {
			break
		}
		p := w.stack[n-1]
		w.stack = w.stack[:n-1]
		w.scanobject(p)
	}
	done := w.scanWork() - start
	w.vm.gcController.scanWork += done
	return done
}

// scanobject shades the pointers of the object at p, found through its
// span's heap bits or its recorded type.
func (w *gcWork) scanobject(p uintptr) {
	vm := w.vm
	s := vm.mheap.spans[(p-vm.mheap.heapStart)/pageSize]
	w.heapScan += uint64(s.elemsize)
	// The object lies inside an in-use span, so its words are read
	// through one host pointer to its start, checked once here, rather
	// than a checked load each.
	w.obj, w.objAddr = vm.mem.Frame(p), p
	switch {
	case s.heapBits != 0:
		words := s.elemsize / 8
		first := (p - s.base) / 8
		b := vm.ld(s.heapBits + first/64*8)
		shift := first % 64
		m := b >> shift
		if shift+words > 64 {
			m |= vm.ld(s.heapBits+first/64*8+8) << (64 - shift)
		}
		if words < 64 {
			m &= 1<<words - 1
		}
		for m != 0 {
			j := uintptr(bits.TrailingZeros64(m))
			m &= m - 1
			w.shadeWord(p + 8*j)
		}
	case len(s.types) > 0:
		i := (p - s.base) / s.elemsize
		w.scanTyped(p, s.types[i], s.elemsize)
	case s.largeType != nil:
		w.scanTyped(p, s.largeType, s.largeSize)
	}
	w.obj = nil
}

// scanTyped shades the pointers of n bytes at p holding values of type t
// one after another (an array allocation repeats its element type).
func (w *gcWork) scanTyped(p uintptr, t *bytecode.Type, n uintptr) {
	m := typePtrMask(w.vm, t)
	if m == nil {
		return
	}
	for off := uintptr(0); off+t.Size <= n; off += t.Size {
		base := p + off
		for i, word := range m.bits {
			for word != 0 {
				j := uintptr(bits.TrailingZeros64(word))
				word &= word - 1
				w.shadeWord(base + (uintptr(i)*64+j)*8)
			}
		}
	}
}

// objectPointerWords returns the addresses of the words of the object at
// p, in span s, that may hold pointers, for the runtime's checks that look
// at an object's pointers outside a cycle (AddCleanup's closesOver).
func objectPointerWords(vm *vm, p uintptr, s *mspan) []uintptr {
	w := gcWork{vm: vm}
	var words []uintptr
	w.onWord = func(a uintptr) { words = append(words, a) }
	w.scanobject(p)
	return words
}

// shadeWord shades what the arena word at p points at: a word of the
// object scanobject is scanning.
func (w *gcWork) shadeWord(p uintptr) {
	if w.onWord != nil {
		w.onWord(p)
		return
	}
	if w.obj != nil {
		w.shade(uintptr(*(*uint64)(unsafe.Add(w.obj, p-w.objAddr))))
		return
	}
	if v, ok := w.vm.mem.Load64(p); ok {
		w.shade(uintptr(v))
	}
}

// scanstack shades the live pointers of gp's frames, from the safepoint
// maps of the pcs the frames stopped at: the top frame's where gp stopped,
// each caller's after its call, so that an argument the caller does not
// use again dies when the callee is done with it (gc's precise liveness,
// which $GOROOT/test/stackobj*.go observe through finalizers). A frame the
// runtime pushed (a deferred call run by a panic, an init task) returns to
// a marker instead of a pc. Below a panic's deferred call lies the frame
// that panicked (or faulted): it never goes on from where it stopped, and
// resumes, if at all, at its recovery point once a deferred call
// recovers, so its map is the one there (gc's continpc), and a frame with
// no recovery point holds nothing live. Below any other marker, every
// pointer slot of the caller counts, as copystack fixes them.
func (w *gcWork) scanstack(gp *g) {
	vm := w.vm
	stk := gp.stack
	if gp.fn == nil || stk.lo == 0 {
		return
	}
	w.stackScan += uint64(stk.hi - gp.fp)
	fn, fp := gp.fn, gp.fp
	pc := gp.pc - 1 // the instruction that called, parked or yielded
	fresh := gp.pc == 0
	if gp.stopPC != 0 {
		pc, fresh = gp.stopPC-1, false
	}
	stub := false // fn's callee is a reflect trampoline's target
	// fn's callee is a deferred call a panic made.
	panicked := false
	for caller := false; ; caller = true {
		if !frameInStack(gp, fn, fp) {
			// The program overwrote a call header: what is below is
			// not a frame. Its words are only candidates anyway.
			break
		}
		live := fn.Live(pc) // every pointer slot below a marker
		scan := true
		if panicked && panicAtFrame(gp, fp) != nil {
			// The frame that panicked, below its panic's deferred call.
			if fn.RecoverPC >= 0 {
				live = fn.Live(fn.RecoverPC)
			} else {
				scan = false
			}
		} else if caller && !stub {
			// Its callee runs: what the frame needs once the call
			// returns (the callee holds the arguments). A function
			// MakeFunc or a reflect method value made is entered
			// through a trampoline whose frame (callReflect's or
			// callMethod's) reads the arguments where the caller
			// wrote them, so that caller's operands stay live.
			live = fn.LiveAfterCall(pc)
		}
		for i := live.Next(0); scan && i >= 0; i = live.Next(i + 1) {
			off := fn.PtrSlots[i]
			if fresh && off >= fn.ArgSize {
				// A goroutine that has not run yet: only its
				// arguments are written.
				continue
			}
			if p := fp + uintptr(off); p+8 <= stk.hi {
				w.shadeWord(p)
			}
		}
		if fresh {
			// Its closure context, which the prologue has not loaded
			// yet.
			w.shadeWord(fp - uintptr(-bytecode.HdrCtxt))
			fresh = false
		}
		ret, ok1 := vm.mem.Load64(fp - 8)
		saved, ok2 := vm.mem.Load64(fp - 16)
		fi := uint32(ret >> 32)
		if !ok1 || !ok2 || fi >= uint32(len(vm.prog.Funcs)) || uintptr(saved) >= fp-stk.lo {
			break // the bottom frame
		}
		// A return marker's pc is negative: no safepoint has it, and
		// Live gives every pointer slot.
		stub = fn == vm.reflectStubs.callReflect || fn == vm.reflectStubs.callMethod
		panicked = uint32(ret) == retDeferPanic
		fn, fp, pc = vm.prog.Funcs[fi], stk.lo+uintptr(saved), int32(uint32(ret))-1
	}
}

// scandata shades the pointers of the program's data and bss, the words
// the image's DataMask marks.
func (w *gcWork) scandata() {
	prog := w.vm.prog
	for i, word := range prog.DataMask {
		for word != 0 {
			j := uintptr(bits.TrailingZeros64(word))
			word &= word - 1
			w.shadeWord(prog.RODataEnd + (uintptr(i)*64+j)*8)
		}
	}
}

// scanblock shades every word of [p, p+n) that points into the heap: a
// conservative scan, for memory whose pointer words no mask describes.
func (w *gcWork) scanblock(p, n uintptr) {
	b, ok := w.vm.mem.Bytes(p, n)
	if !ok {
		return
	}
	for i := uintptr(0); i+8 <= uintptr(len(b)); i += 8 {
		v := uintptr(b[i]) | uintptr(b[i+1])<<8 | uintptr(b[i+2])<<16 | uintptr(b[i+3])<<24 |
			uintptr(b[i+4])<<32 | uintptr(b[i+5])<<40 | uintptr(b[i+6])<<48 | uintptr(b[i+7])<<56
		w.shade(v)
	}
}
