package runtime

import "gort/internal/bytecode"

// Goroutine stacks live in the arena and grow upward: a frame's fp is above
// its caller's. A stack starts at 2 KiB and, when a call would run past
// stackguard0, is copied to one twice the size (morestack, copystack); the
// collector copies a stack that uses less than a quarter of its size to
// one half the size (shrinkstack).
//
// Everything that can hold the address of a stack location is on this list,
// and copystack fixes each one:
//
//  1. the live pointer slots of every frame on the stack, from the frame's
//     safepoint map at its current pc (Func.Live): the address of a
//     frame-local object, or a value derived from it, never leaves its
//     frame (the compiler's invariant), so these are the only words inside
//     the stack that point into it that will be read again;
//  2. the goroutine's saved fp (g.fp);
//  3. the pointer arguments of the call being made when the stack grows,
//     which are in place but not yet a frame (adjustArgs). Only reflect
//     passes a stack address as an argument: a function made by MakeFunc
//     or a method value from reflect reaches callReflect or callMethod with
//     the address of its caller's argument block (reflectcall.go), which
//     they pass on to the functions they call.
//
// Saved caller frames in call headers, defer records' frame identities and
// panic records hold offsets from the stack base, not addresses, so they
// need no fixing. A blocked goroutine's sudog.elem can point into its stack,
// but only a running goroutine's stack moves.

const (
	fixedStack   = 2048
	maxStackSize = 1 << 30 // as the real runtime's maxstacksize on 64-bit
)

// stackPreempt in stackguard0 makes every prologue and back-edge check fail,
// which is how the scheduler asks a running goroutine to yield.
const stackPreempt = 0

// stackCacheSize is the span that stacks smaller than it are cut from, as
// the real stackpool cuts them from 32 KiB spans.
const stackCacheSize = 32 << 10

// stackalloc returns a stack of n bytes (a power of two of at least
// fixedStack). Stacks live in manual spans, which the sweeper never frees:
// only stackfree returns them. A reused stack holds its last goroutine's
// bytes; a frame's slots are written before they are read (the compiler
// zeroes the pointer slots no map vouches for), so that is safe.
func stackalloc(mp *m, n uintptr) stack {
	// vm.stackpool keeps free stacks smaller than a span by size.
	stackpool := mp.vm.stackpool
	if free := stackpool[n]; len(free) > 0 {
		lo := free[len(free)-1]
		stackpool[n] = free[:len(free)-1]
		return stack{lo, lo + n}
	}
	if n < stackCacheSize {
		s := mp.vm.mheap.allocSpan(mp, stackCacheSize/pageSize, mSpanManual)
		for off := n; off < stackCacheSize; off += n {
			stackpool[n] = append(stackpool[n], s.base+off)
		}
		return stack{s.base, s.base + n}
	}
	s := mp.vm.mheap.allocSpan(mp, n/pageSize, mSpanManual)
	return stack{s.base, s.base + n}
}

// stackfree returns stk: a small one to the pool, a large one's span to
// the heap.
func stackfree(mp *m, stk stack) {
	n := stk.hi - stk.lo
	vm := mp.vm
	if n < stackCacheSize {
		vm.stackpool[n] = append(vm.stackpool[n], stk.lo)
		return
	}
	s := vm.mheap.spanOf(stk.lo)
	if s == nil || s.state != mSpanManual || s.base != stk.lo {
		throw("stackfree: not a stack span")
	}
	vm.mheap.freeSpan(mp, s)
}

// morestack grows gp's stack so that a frame of need bytes fits at newfp.
// gp.fn, gp.fp and gp.pc describe the calling frame; the stack is in use up
// to top, which may be above the calling frame: a call's argument block,
// already written at newfp, moves with the stack.
func morestack(mp *m, gp *g, newfp, need, top uintptr) {
	size := gp.stack.hi - gp.stack.lo
	used := newfp + need - gp.stack.lo
	for size < used+bytecode.HeaderSize {
		size *= 2
	}
	if size > maxStackSize {
		print("runtime: goroutine stack exceeds 1000000000-byte limit\n")
		fatalStackOverflow(mp, gp)
	}
	copystack(mp, gp, size, top)
}

// copystack moves gp's stack to a new one of the given size. The bytes in
// use are those below top or below the end of the current frame, whichever
// is higher.
func copystack(mp *m, gp *g, size, top uintptr) {
	vm := mp.vm
	old := gp.stack
	stk := stackalloc(mp, size)
	top = max(top, gp.fp+uintptr(gp.fn.FrameSize))
	if top > old.hi {
		top = old.hi
	}
	used := top - old.lo
	vm.mem.Memmove(stk.lo, old.lo, used)
	delta := stk.lo - old.lo
	// Fix every frame's pointer slots (list item 1), walking the frames on
	// the new stack: the saved fps in call headers are offsets, so they
	// need no fixing and lead from frame to frame on either copy.
	words := vm.mem.Frame(stk.lo)
	fn, off, pc := gp.fn, gp.fp-old.lo, gp.pc-1 // pc: the instruction that called or yielded
	if gp.stopPC != 0 {
		pc = gp.stopPC - 1 // a back edge, or a call to re-run (g.stopPC)
	}
	for {
		if off >= used {
			throw("copystack: a frame above the used stack")
		}
		live := fn.Live(pc)
		for i := live.Next(0); i >= 0; i = live.Next(i + 1) {
			s := fn.PtrSlots[i]
			if off+uintptr(s)+8 > used {
				// The unused end of a caller's out area, above
				// the callee's frame.
				continue
			}
			p := slot(words, int32(off)+s)
			if uintptr(*p)-old.lo < old.hi-old.lo {
				*p += uint64(delta)
			}
		}
		if off < bytecode.HeaderSize {
			break
		}
		ret, savedFP := *slot(words, int32(off)-8), *slot(words, int32(off)-16)
		fi := uint32(ret >> 32)
		if fi >= uint32(len(mp.vm.prog.Funcs)) || uintptr(savedFP) >= off {
			break // the bottom frame
		}
		// A return marker (a frame the runtime pushed) gives a negative
		// pc, which no safepoint has: all the caller's pointer slots.
		fn, off, pc = mp.vm.prog.Funcs[fi], uintptr(savedFP), int32(uint32(ret))-1
	}
	gp.fp += delta // list item 2
	gp.stack = stk
	gp.stackguard0.Store(stk.hi)
	stackfree(mp, old)
}

// shrinkstack halves gp's stack when it uses less than a quarter of it, as
// the real collector does for the goroutines it scans. Only a goroutine
// whose stack holds no address copystack cannot fix is moved: not the one
// running the cycle (its call may be half made), not one blocked in a
// channel operation (a sudog's elem may point into the stack, the real
// runtime's adjustsudogs case), not one running a panic's deferred calls
// (the panic records the deferred call's frame by address), and not one
// that has not started (its frame is only arguments).
func shrinkstack(mp *m, gp *g) {
	old := gp.stack
	size := old.hi - old.lo
	if size <= fixedStack || gp == mp.curg || gp.fn == nil || gp.pc == 0 && gp.stopPC == 0 ||
		gp.resume.kind != resumeNone || len(gp.waiting) > 0 || gp._panic != nil || gp.dying {
		return
	}
	used := gp.fp + uintptr(gp.fn.FrameSize) - old.lo
	if used >= size/4 {
		return
	}
	copystack(mp, gp, size/2, 0)
}

// adjustArgs fixes the pointer arguments of a call of callee whose
// argument block is at offset off on a stack that moved from old to stk
// (list item 3): the words of callee's parameters among its pointer slots.
func adjustArgs(vm *vm, old, stk stack, off uintptr, callee *bytecode.Func) {
	for _, s := range callee.PtrSlots {
		if s < 0 || s+8 > callee.ArgSize {
			continue
		}
		p := stk.lo + off + uintptr(s)
		if v := vm.ld(p); uintptr(v)-old.lo < old.hi-old.lo {
			vm.st(p, v+uint64(stk.lo-old.lo))
		}
	}
}

// frameInStack reports whether fn's whole frame at fp, its call header
// included, lies inside gp's stack. The interpreter addresses a frame's
// slots without checks, so every frame address made from a word the
// program can write (a call header's saved fp, a defer record's frame)
// passes this before it becomes gp.fp.
func frameInStack(gp *g, fn *bytecode.Func, fp uintptr) bool {
	return fp&7 == 0 && fp >= gp.stack.lo+bytecode.HeaderSize && fp <= gp.stack.hi &&
		uintptr(fn.FrameSize) <= gp.stack.hi-fp
}

// callerOf reads the call header below the frame at fp on stack stk and
// returns the caller's function and frame, or ok=false at the bottom of the
// stack. Above a frame the runtime pushed (a deferred call, an init task)
// the caller is the frame the runtime pushed it onto.
func callerOf(vm *vm, gp *g, stk stack, fp uintptr) (fn *bytecode.Func, callerFP uintptr, ok bool) {
	if fp < stk.lo+bytecode.HeaderSize || fp > stk.hi {
		return nil, 0, false
	}
	ret, _ := vm.mem.Load64(fp - 8)
	savedFP, _ := vm.mem.Load64(fp - 16)
	fi := uint32(ret >> 32)
	if fi >= uint32(len(vm.prog.Funcs)) {
		return nil, 0, false
	}
	callerFP = stk.lo + uintptr(savedFP)
	fn = vm.prog.Funcs[fi]
	if callerFP >= fp || callerFP < stk.lo || uintptr(fn.FrameSize) > stk.hi-callerFP {
		return nil, 0, false
	}
	return fn, callerFP, true
}
