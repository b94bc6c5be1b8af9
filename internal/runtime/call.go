package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

// funcForCode validates a code pointer read from VM memory and returns its
// function: a code pointer must be an entry of the text region.
func funcForCode(vm *vm, code uint64) (*bytecode.Func, bool) {
	prog := vm.prog
	off := uintptr(code) - prog.TextBase
	if off%16 != 0 || off/16 >= uintptr(len(prog.Funcs)) {
		return nil, false
	}
	// A host-only function's address is in no Go value: a pointer to it
	// was forged.
	if f := prog.Funcs[off/16]; !f.HostOnly {
		return f, true
	}
	return nil, false
}

// callIndirect performs CALLCLO and CALLIFACE: it finds the callee from the
// closure or the itab, then calls it with callee fp = fp+A.
func callIndirect(mp *m, gp *g, in *bytecode.Instr) int {
	fpp := mp.vm.mem.Frame(gp.fp)
	var code, ctxt uint64
	if in.Op == bytecode.CALLCLO {
		clo := *slot(fpp, in.B)
		c, ok := mp.vm.mem.Load64(uintptr(clo))
		if clo == 0 || !ok {
			fault(mp, gp, uintptr(clo))
			return stContinue
		}
		code, ctxt = c, clo
	} else {
		tab := *slot(fpp, in.B)
		c, ok := mp.vm.mem.Load64(uintptr(tab) + 24 + 8*uintptr(in.C))
		if tab == 0 || !ok {
			fault(mp, gp, uintptr(tab))
			return stContinue
		}
		code = c
	}
	callee, ok := funcForCode(mp.vm, code)
	if !ok {
		// gc jumps to the address and faults there.
		panic(arena.Fault{Addr: uintptr(code)})
	}
	return call(mp, gp, callee, gp.fp+uintptr(in.A), uintptr(ctxt), uint64(gp.fn.Index)<<32|uint64(gp.pc))
}

// call enters callee with its frame at nfp (arguments already there),
// returning to ret (function index << 32 | pc, or a marker).
func call(mp *m, gp *g, callee *bytecode.Func, nfp, ctxt uintptr, ret uint64) int {
	if callee.Native != "" {
		mp.ctxt = ctxt // a closure's context: memequal_varlen's size
		return mp.vm.natives[callee.Index](mp, gp, nfp)
	}
	if nfp+uintptr(callee.FrameSize) > gp.stackguard0.Load() || mp.vm.debug.moveStack {
		old := gp.fp
		if newstack(mp, gp, nfp, callee) != stContinue {
			return stStop
		}
		nfp += gp.fp - old
	}
	mp.vm.mem.Store64(nfp-24, uint64(ctxt))
	mp.vm.mem.Store64(nfp-16, uint64(gp.fp-gp.stack.lo))
	mp.vm.mem.Store64(nfp-8, ret)
	copyConsts(mp.vm, nfp, callee)
	gp.fn, gp.pc, gp.fp = callee, 0, nfp
	return stContinue
}

// copyConsts writes fn's constant words into its frame at fp.
func copyConsts(vm *vm, fp uintptr, fn *bytecode.Func) {
	for i, w := range fn.Consts {
		vm.mem.Store64(fp+uintptr(fn.ConstOff)+uintptr(i)*8, w)
	}
}

// newstack runs when a call's frame would pass stackguard0: the stack is
// too small, or the scheduler asked for a yield. gp's registers describe
// the caller; after growth gp.fp is the caller's new frame.
func newstack(mp *m, gp *g, nfp uintptr, callee *bytecode.Func) int {
	if gp.stackguard0.Load() == stackPreempt {
		// Stop before the call: re-run the CALL when rescheduled, or
		// go on with it if the stop was only for a cycle.
		gp.pc--
		if goschedPreempt(mp, gp, gp.pc) != stContinue {
			return stStop
		}
		gp.pc++
		if nfp+uintptr(callee.FrameSize) <= gp.stackguard0.Load() && !mp.vm.debug.moveStack {
			return stContinue
		}
	}
	need := uintptr(callee.FrameSize) + bytecode.HeaderSize
	args := nfp + uintptr(callee.ArgSize) // the arguments are in place
	old := gp.stack
	if nfp+need > gp.stack.hi {
		morestack(mp, gp, nfp, need, args)
	} else if mp.vm.debug.moveStack {
		copystack(mp, gp, gp.stack.hi-gp.stack.lo, args)
	}
	if gp.stack != old {
		adjustArgs(mp.vm, old, gp.stack, nfp-old.lo, callee)
	}
	return stContinue
}

// pushFrame calls fn on top of gp's current frame, with args as its
// argument block, returning to the runtime through marker. The new frame
// goes above the whole current frame, out area included.
func pushFrame(mp *m, gp *g, fn *bytecode.Func, args []byte, ctxt uintptr, marker uint32) int {
	return pushFrameRet(mp, gp, fn, args, ctxt, uint64(gp.fn.Index)<<32|uint64(marker))
}

// pushFrameRet is pushFrame returning to an explicit (function, pc). A
// trampoline (reflectcall.go) makes the frame of the function it enters
// above the arguments.
func pushFrameRet(mp *m, gp *g, fn *bytecode.Func, args []byte, ctxt uintptr, ret uint64) int {
	if tr := trampolineOf(fn); tr != nil {
		nfp := placeArgs(mp, gp, args, uintptr(len(args))+bytecode.HeaderSize)
		return tr(mp, gp, nfp, nfp+uintptr(len(args)), ctxt, ret)
	}
	nfp := placeArgs(mp, gp, args, uintptr(fn.FrameSize)+bytecode.HeaderSize)
	return callPushed(mp, gp, fn, nfp, ctxt, ret)
}

// placeArgs copies args to the start of a new frame above gp's current
// frame, out area included, first growing the stack if need bytes (the new
// frame and its header) would not fit, and returns the new frame's fp.
func placeArgs(mp *m, gp *g, args []byte, need uintptr) uintptr {
	nfp := gp.fp + uintptr(gp.fn.FrameSize) + bytecode.HeaderSize
	if nfp+need > gp.stack.hi {
		morestack(mp, gp, nfp, need, 0)
		nfp = gp.fp + uintptr(gp.fn.FrameSize) + bytecode.HeaderSize
	}
	mp.vm.mem.WriteBytes(nfp, args)
	return nfp
}

// callPushed is call for a frame the runtime pushes (a deferred call, an
// init task, a panic's deferred calls). That is no safepoint: newstack
// yields by re-running the caller's CALL at pc-1, and gp's pc is not after
// one. A pending preemption request waits for fn's first call or back-edge.
func callPushed(mp *m, gp *g, fn *bytecode.Func, nfp, ctxt uintptr, ret uint64) int {
	if gp.stackguard0.Load() != stackPreempt {
		return call(mp, gp, fn, nfp, ctxt, ret)
	}
	gp.stackguard0.Store(gp.stack.hi)
	st := call(mp, gp, fn, nfp, ctxt, ret)
	gp.stackguard0.Store(stackPreempt)
	return st
}

// returnToRuntime handles a RET from a frame the runtime pushed.
func returnToRuntime(mp *m, gp *g, fi, marker uint32) int {
	switch marker {
	case retGoexit:
		return goexit1(mp, gp)
	case retDeferPanic:
		// Back in the frame below: gp.fp is the callee's; restore the
		// caller's registers from the header, which the program may have
		// rewritten.
		fp := gp.stack.lo + uintptr(mp.vm.ld(gp.fp-16))
		if fi < uint32(len(mp.vm.prog.Funcs)) && fp < gp.fp && frameInStack(gp, mp.vm.prog.Funcs[fi], fp) && gp._panic != nil {
			gp.fp, gp.fn = fp, mp.vm.prog.Funcs[fi]
			return deferReturnedInPanic(mp, gp)
		}
	}
	// A marker the runtime did not write.
	panic(arena.Fault{Addr: uintptr(fi)<<32 | uintptr(marker)})
}

// callDeferredNative runs a deferred call whose callee is a native (a
// deferred builtin such as `defer println(x)`): natives are leaves, so the
// call completes here, with its argument block above the current frame.
// With rerun, the frame's RunDefers runs again for the next deferred call.
func callDeferredNative(mp *m, gp *g, fn *bytecode.Func, args []byte, ctxt uintptr, rerun bool) int {
	nfp := placeArgs(mp, gp, args, uintptr(len(args))+bytecode.HeaderSize)
	callerFn, callerPC := gp.fn, gp.pc
	mp.ctxt, mp.deferArgs, mp.deferReturn = ctxt, uintptr(len(args)), rerun
	st := mp.vm.natives[fn.Index](mp, gp, nfp)
	mp.deferReturn = false
	if st == stContinue && rerun && gp.fn == callerFn && gp.pc == callerPC {
		gp.pc--
	}
	return st
}
