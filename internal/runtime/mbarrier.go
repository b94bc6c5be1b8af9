package runtime

import "gort/internal/arena"

// The write-barrier funnel: every store of a pointer into VM memory goes
// through writePointer, typedmemmove or typedmemclr, and while the
// collector marks (vm.writeBarrier) each of them runs the hybrid barrier
// of Go 1.8+ (the real gcWriteBarrier and bulkBarrierPreWrite): before a
// pointer word is overwritten, both the pointer it held (Yuasa's deletion
// barrier) and the pointer written (Dijkstra's insertion barrier) are
// shaded. With the deletion half, an object reachable when the cycle
// began cannot be hidden by moving its only pointer out of the heap; with
// the insertion half, a goroutine whose stack is not scanned yet cannot
// hide one by writing it into an object already scanned and dropping its
// own copy. Stacks are scanned once each and need no barrier on their own
// slots, and objects allocated while marking are black (mallocgc).
//
// The real barrier buffers the shaded pointers per P (wbBuf) and flushes
// them to the mark queue; gort's shades straight into the one queue, which
// is what a flush does.
//
// typedmemmove and typedmemclr keep the real ones' contract: they complete
// or they fault. An address the arena refuses (one the program forged) is
// a fatal fault, raised here; callers that must turn a nil address into a
// recoverable panic check it first.

func writePointer(vm *vm, p, v uintptr) bool {
	writeBarrierPre(vm, p, v)
	return vm.mem.Store64(p, uint64(v))
}

func typedmemmove(vm *vm, dst, src, n uintptr) {
	if vm.writeBarrier.Load() {
		bulkBarrierPreWrite(vm, dst, src, n)
	}
	if !vm.mem.Memmove(dst, src, n) {
		panic(arena.Fault{Addr: refused(vm, dst, src, n)})
	}
}

func typedmemclr(vm *vm, p, n uintptr) {
	if vm.writeBarrier.Load() {
		bulkBarrierPreWrite(vm, p, 0, n)
	}
	if !vm.mem.Memclr(p, n) {
		panic(arena.Fault{Addr: p})
	}
}

// bulkBarrierPreWrite runs the barrier for a copy of n bytes from src to
// dst (src 0: a clear), before it happens. As the real one, it finds the
// pointer words from the destination's metadata, not from a type: a heap
// destination's heap bits (or its slot's recorded type), or the data
// mask of a package variable. Any other destination is a stack, whose
// owner's slots need no barrier; but the copy may be another goroutine's
// (a channel send into a parked receiver's frame, as the real sendDirect),
// so there every word of the source is shaded, as a candidate.
func bulkBarrierPreWrite(vm *vm, dst, src, n uintptr) {
	w := &vm.gcWork
	h := &vm.mheap
	prog := vm.prog
	shadeAt := func(p uintptr) {
		if v, ok := vm.mem.Load64(p); ok {
			w.shade(uintptr(v))
		}
	}
	if dst&7 != 0 {
		return // no pointer word starts at dst (a program's byte copy)
	}
	switch s := h.spanOf(dst); {
	case s != nil && s.state == mSpanInUse:
		if s.noscan() {
			return
		}
		for off := uintptr(0); off+8 <= n; off += 8 {
			if heapPointerWord(vm, s, dst+off) {
				shadeAt(dst + off)
				if src != 0 {
					shadeAt(src + off)
				}
			}
		}
	case dst >= prog.RODataEnd && dst < prog.DataEnd:
		for off := uintptr(0); off+8 <= n && dst+off < prog.DataEnd; off += 8 {
			i := (dst + off - prog.RODataEnd) / 8
			if int(i/64) < len(prog.DataMask) && prog.DataMask[i/64]&(1<<(i%64)) != 0 {
				shadeAt(dst + off)
				if src != 0 {
					shadeAt(src + off)
				}
			}
		}
	case src != 0:
		for off := uintptr(0); off+8 <= n; off += 8 {
			shadeAt(src + off)
		}
	}
}

// heapPointerWord reports whether the word at p, in s's objects, may hold
// a pointer: its heap bit, or its place in the type the slot records.
func heapPointerWord(vm *vm, s *mspan, p uintptr) bool {
	if p < s.base || p >= s.base+s.nelems*s.elemsize {
		return false // the span's heap bits, or past its last slot
	}
	if s.heapBits != 0 {
		i := (p - s.base) / 8
		b, ok := vm.mem.Load64(s.heapBits + i/64*8)
		return ok && b&(1<<(i%64)) != 0
	}
	i := s.objIndex(p)
	off := p - (s.base + i*s.elemsize)
	t, size := s.largeType, s.largeSize
	if len(s.types) > 0 {
		t, size = s.types[i], s.elemsize
	}
	m := typePtrMask(vm, t)
	if m == nil || off >= size || off/t.Size*t.Size+t.Size > size {
		return false
	}
	j := off % t.Size / 8
	return m.bits[j/64]&(1<<(j%64)) != 0
}

// writeBarrierPre is the barrier for a store of the pointer v at p, run
// before it: writePointer's, and that of a runtime store the funnel does
// not make (an atomic swap or compare-and-swap of a pointer). It shades
// the word at p, about to be replaced, and v.
func writeBarrierPre(vm *vm, p, v uintptr) {
	if !vm.writeBarrier.Load() {
		return
	}
	if old, ok := vm.mem.Load64(p); ok {
		vm.gcWork.shade(uintptr(old))
	}
	vm.gcWork.shade(v)
}

// refused names the address of a refused copy for the fault report: the
// source if it is the one outside the arena, else the destination.
func refused(vm *vm, dst, src, n uintptr) uintptr {
	if !vm.mem.Valid(src, n) {
		return src
	}
	return dst
}
