package runtime

import (
	"encoding/binary"
	"math"
	"unsafe"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// The interpreter is the CPU an M runs: execute runs one goroutine until it
// parks, yields, is preempted or exits.
//
// The loop keeps as few VM registers in locals as it can, since every local
// live across the dispatch costs the host compiler registers or spills: the
// current function's code, pc, and the host pointer to the frame (fpp). The
// function itself stays in gp.fn, the frame's VM address is derived from
// fpp where an instruction needs it, and the preemption budget is in the m.
// For the same reason the fast paths make no host calls: a local live
// across a call that is not inlined is spilled by the host compiler where it
// is defined, at the top of the loop, and so on every instruction. Memory
// accesses use package arena's inlined accessors, float operations inlined
// helpers, and the rarer operations that do call out (CONV, STOREN) save the
// registers to the g and reload them afterwards.
// Frame slots are addressed from fpp without checks: the compiler made the
// offsets and the call path checked the frame against the stack bounds.
// Memory named by VM pointers is reached only through package arena, which
// checks every access.
//
// Anything that calls out (allocation, channels, panics, the scheduler)
// happens in rtop, behind a save of the registers into the g; afterwards the
// registers are reloaded from the g, since the operation may have pushed a
// frame, unwound the stack or moved it.

// Return markers: a call header's return pc at or above retMarker means the
// frame was pushed by the runtime, which the return must call back.
const (
	retMarker     = 0xFFFF_FFF0
	retGoexit     = retMarker + 0 // the goroutine's entry function
	retDeferPanic = retMarker + 1 // a deferred call run by a panic or Goexit
	retFatal      = retMarker + 2 // runtime.fatalpanic (never returns)
	noCaller      = 0xFFFF_FFFF
)

// Statuses of a slow-path operation.
const (
	stContinue = iota // reload the registers from the g and go on
	stStop            // the goroutine stopped running (parked, yielded, exited)
)

// timeSlice is how many calls and back-edges a goroutine runs before it is
// preempted, in lieu of sysmon's 10 ms: a count, so deterministic runs
// preempt at the same points.
const timeSlice = 1 << 16

func slot(fpp unsafe.Pointer, off int32) *uint64 {
	return (*uint64)(unsafe.Add(fpp, off))
}

func execute(mp *m, gp *g) {
	mp.curg = gp
	gp.m = mp
	if !gp.atomicstatus.CompareAndSwap(_Grunnable, _Grunning) {
		throw("execute: the goroutine is not runnable: status " + itoa(int64(gp.atomicstatus.Load())))
	}
	gp.stopPC = 0
	if c := &mp.vm.gcController; c.triggerPending || c.phase == _GCmark && gp.gcAssistBytes < 0 {
		// A cycle is due, or an assist: stop at the first safepoint.
		gp.stackguard0.Store(stackPreempt)
	}
	mp.budget = timeSlice
	if mp.vm.parallel {
		mp.budget = math.MaxInt32 // sysmon preempts by the clock
	}
	if gp.resume.kind != resumeNone {
		if resumeBlocked(mp, gp) != stContinue || gp.atomicstatus.Load() != _Grunning {
			return
		}
	}
	code := gp.fn.Code
	pc := gp.pc
	// The VM's arena, loaded once: every LOAD and STORE checks against
	// it, and its accessors inline here.
	mem := mp.vm.mem
	fpp := mem.Frame(gp.fp)
	if gp.dying {
		mp.budget = math.MaxInt32
	}
	// The instructions below touch only the arena, gp and mp: the runtime
	// lock is let go here, and every exit to the runtime (each of which
	// saves the registers into gp first) takes it again (rtlock.go).
	mp.unlockRT()

	for {
		in := &code[pc]
		pc++
		switch in.Op {
		case bytecode.NOP:
		case bytecode.MOV8:
			*slot(fpp, in.A) = *slot(fpp, in.B)
		case bytecode.MOV16:
			a, b := slot(fpp, in.A), slot(fpp, in.B)
			x, y := *b, *slot(fpp, in.B+8)
			*a, *slot(fpp, in.A+8) = x, y
		case bytecode.MOV24:
			x, y, z := *slot(fpp, in.B), *slot(fpp, in.B+8), *slot(fpp, in.B+16)
			*slot(fpp, in.A), *slot(fpp, in.A+8), *slot(fpp, in.A+16) = x, y, z
		case bytecode.MOVN:
			// Word by word: no host call (see above execute).
			i := int32(0)
			for ; i+8 <= in.C; i += 8 {
				*slot(fpp, in.A+i) = *slot(fpp, in.B+i)
			}
			for ; i < in.C; i++ {
				*(*byte)(unsafe.Add(fpp, in.A+i)) = *(*byte)(unsafe.Add(fpp, in.B+i))
			}
		case bytecode.ZERO:
			for i := int32(0); i < in.C; i += 8 {
				*slot(fpp, in.A+i) = 0
			}
		case bytecode.ADDR:
			*slot(fpp, in.A) = uint64(mem.Addr(fpp)) + uint64(in.B)
		case bytecode.FLOAD:
			*slot(fpp, in.A) = loadClass(unsafe.Add(fpp, in.B), in.K)
		case bytecode.FSTORE:
			storeClass(unsafe.Add(fpp, in.A), in.K, *slot(fpp, in.B))

		case bytecode.ADD:
			*slot(fpp, in.A) = *slot(fpp, in.B) + *slot(fpp, in.C)
		case bytecode.ADDI:
			*slot(fpp, in.A) = *slot(fpp, in.B) + uint64(int64(in.C))
		case bytecode.SUB:
			*slot(fpp, in.A) = *slot(fpp, in.B) - *slot(fpp, in.C)
		case bytecode.MUL:
			*slot(fpp, in.A) = *slot(fpp, in.B) * *slot(fpp, in.C)
		case bytecode.AND:
			*slot(fpp, in.A) = *slot(fpp, in.B) & *slot(fpp, in.C)
		case bytecode.OR:
			*slot(fpp, in.A) = *slot(fpp, in.B) | *slot(fpp, in.C)
		case bytecode.XOR:
			*slot(fpp, in.A) = *slot(fpp, in.B) ^ *slot(fpp, in.C)
		case bytecode.ANDNOT:
			*slot(fpp, in.A) = *slot(fpp, in.B) &^ *slot(fpp, in.C)
		case bytecode.SHL:
			*slot(fpp, in.A) = *slot(fpp, in.B) << *slot(fpp, in.C)
		case bytecode.SHRS:
			*slot(fpp, in.A) = uint64(int64(*slot(fpp, in.B)) >> *slot(fpp, in.C))
		case bytecode.SHRU:
			*slot(fpp, in.A) = *slot(fpp, in.B) >> *slot(fpp, in.C)
		case bytecode.DIVS, bytecode.REMS:
			y := int64(*slot(fpp, in.C))
			if y == 0 {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				panicdivide(mp, gp)
				goto reload
			}
			x := int64(*slot(fpp, in.B))
			if in.Op == bytecode.DIVS {
				*slot(fpp, in.A) = uint64(x / y)
			} else {
				*slot(fpp, in.A) = uint64(x % y)
			}
		case bytecode.DIVU, bytecode.REMU:
			y := *slot(fpp, in.C)
			if y == 0 {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				panicdivide(mp, gp)
				goto reload
			}
			x := *slot(fpp, in.B)
			if in.Op == bytecode.DIVU {
				*slot(fpp, in.A) = x / y
			} else {
				*slot(fpp, in.A) = x % y
			}
		case bytecode.NEG:
			*slot(fpp, in.A) = -*slot(fpp, in.B)
		case bytecode.COM:
			*slot(fpp, in.A) = ^*slot(fpp, in.B)
		case bytecode.NOT:
			*slot(fpp, in.A) = *slot(fpp, in.B) ^ 1
		case bytecode.EXT:
			*slot(fpp, in.A) = extend(*slot(fpp, in.B), in.K)
		case bytecode.SHIFTCHK:
			if int64(*slot(fpp, in.A)) < 0 {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				panicshift(mp, gp)
				goto reload
			}

		case bytecode.EQ:
			*slot(fpp, in.A) = b2u(*slot(fpp, in.B) == *slot(fpp, in.C))
		case bytecode.NE:
			*slot(fpp, in.A) = b2u(*slot(fpp, in.B) != *slot(fpp, in.C))
		case bytecode.LTS:
			*slot(fpp, in.A) = b2u(int64(*slot(fpp, in.B)) < int64(*slot(fpp, in.C)))
		case bytecode.LES:
			*slot(fpp, in.A) = b2u(int64(*slot(fpp, in.B)) <= int64(*slot(fpp, in.C)))
		case bytecode.LTU:
			*slot(fpp, in.A) = b2u(*slot(fpp, in.B) < *slot(fpp, in.C))
		case bytecode.LEU:
			*slot(fpp, in.A) = b2u(*slot(fpp, in.B) <= *slot(fpp, in.C))
		case bytecode.EQI:
			*slot(fpp, in.A) = b2u(*slot(fpp, in.B) == uint64(int64(in.C)))
		case bytecode.LTSI:
			*slot(fpp, in.A) = b2u(int64(*slot(fpp, in.B)) < int64(in.C))
		case bytecode.MULI:
			*slot(fpp, in.A) = *slot(fpp, in.B) * uint64(int64(in.C))
		case bytecode.ANDI:
			*slot(fpp, in.A) = *slot(fpp, in.B) & uint64(int64(in.C))
		case bytecode.SHLI:
			*slot(fpp, in.A) = *slot(fpp, in.B) << uint32(in.C)
		case bytecode.SHRSI:
			*slot(fpp, in.A) = uint64(int64(*slot(fpp, in.B)) >> uint32(in.C))
		case bytecode.SHRUI:
			*slot(fpp, in.A) = *slot(fpp, in.B) >> uint32(in.C)

		case bytecode.FADD:
			*slot(fpp, in.A) = fadd(in.K, *slot(fpp, in.B), *slot(fpp, in.C))
		case bytecode.FSUB:
			*slot(fpp, in.A) = fsub(in.K, *slot(fpp, in.B), *slot(fpp, in.C))
		case bytecode.FMUL:
			*slot(fpp, in.A) = fmul(in.K, *slot(fpp, in.B), *slot(fpp, in.C))
		case bytecode.FDIV:
			*slot(fpp, in.A) = fdiv(in.K, *slot(fpp, in.B), *slot(fpp, in.C))
		case bytecode.FEQ:
			*slot(fpp, in.A) = b2u(fcmp(in.K, *slot(fpp, in.B), *slot(fpp, in.C)) == 0)
		case bytecode.FNE:
			*slot(fpp, in.A) = b2u(fcmp(in.K, *slot(fpp, in.B), *slot(fpp, in.C)) != 0)
		case bytecode.FLT:
			*slot(fpp, in.A) = b2u(fcmp(in.K, *slot(fpp, in.B), *slot(fpp, in.C)) < 0)
		case bytecode.FLE:
			c := fcmp(in.K, *slot(fpp, in.B), *slot(fpp, in.C))
			*slot(fpp, in.A) = b2u(c == 0 || c < 0)
		case bytecode.FNEG:
			if in.K == 4 {
				*slot(fpp, in.A) = *slot(fpp, in.B) ^ (1 << 31)
			} else {
				*slot(fpp, in.A) = *slot(fpp, in.B) ^ (1 << 63)
			}
		case bytecode.CONV:
			// Out of line, but not into the runtime: no lock.
			gp.pc, gp.fp = pc, mem.Addr(fpp)
			convertOp(fpp, in)
			goto reloadRegs

		case bytecode.LOAD, bytecode.LOADX:
			p := uintptr(*slot(fpp, in.B))
			if in.Op == bytecode.LOAD {
				p += uintptr(int64(in.C))
			} else {
				p += uintptr(*slot(fpp, in.C)) * bytecode.ClassSize[in.K]
			}
			var v uint64
			var ok bool
			switch in.K {
			case bytecode.ClassW64, bytecode.ClassPtr:
				v, ok = mem.Load64(p)
			case bytecode.ClassU8, bytecode.ClassI8:
				var b uint8
				b, ok = mem.Load8(p)
				v = extend(uint64(b), in.K)
			case bytecode.ClassU16, bytecode.ClassI16:
				var h uint16
				h, ok = mem.Load16(p)
				v = extend(uint64(h), in.K)
			default:
				var w uint32
				w, ok = mem.Load32(p)
				v = extend(uint64(w), in.K)
			}
			if !ok {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, p)
				goto reload
			}
			*slot(fpp, in.A) = v
		case bytecode.LOADN:
			p := uintptr(*slot(fpp, in.B))
			b, ok := mem.Bytes(p, uintptr(in.C))
			if !ok {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, p)
				goto reload
			}
			i := int32(0)
			for ; i+8 <= in.C; i += 8 {
				*slot(fpp, in.A+i) = binary.LittleEndian.Uint64(b[i:])
			}
			for ; i < in.C; i++ {
				*(*byte)(unsafe.Add(fpp, in.A+i)) = b[i]
			}
		case bytecode.STORE, bytecode.STOREX:
			p := uintptr(*slot(fpp, in.A))
			var v uint64
			if in.Op == bytecode.STORE {
				p, v = p+uintptr(int64(in.C)), *slot(fpp, in.B)
			} else {
				p, v = p+uintptr(*slot(fpp, in.B))*bytecode.ClassSize[in.K], *slot(fpp, in.C)
			}
			var ok bool
			switch bytecode.ClassSize[in.K] {
			case 8:
				if in.K == bytecode.ClassPtr && mp.vm.writeBarrier.Load() {
					// The barrier shades into the collector's
					// queue: runtime state.
					gp.pc, gp.fp = pc, mem.Addr(fpp)
					mp.lockRT()
					if !writePointer(mp.vm, p, uintptr(v)) {
						fault(mp, gp, p)
					}
					goto reload
				}
				ok = mem.Store64(p, v)
			case 1:
				ok = mem.Store8(p, uint8(v))
			case 2:
				ok = mem.Store16(p, uint16(v))
			default:
				ok = mem.Store32(p, uint32(v))
			}
			if !ok {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, p)
				goto reload
			}
		case bytecode.STOREN:
			p := uintptr(*slot(fpp, in.A))
			gp.pc, gp.fp = pc, mem.Addr(fpp)
			mp.lockRT()
			if p < arena.NilGuard {
				fault(mp, gp, p)
			} else {
				typedmemmove(mp.vm, p, gp.fp+uintptr(in.B), uintptr(in.C))
			}
			goto reload
		case bytecode.NILCHK:
			if p := uintptr(*slot(fpp, in.A)); p < arena.NilGuard {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, p)
				goto reload
			}
		case bytecode.FIELDADDR:
			p := *slot(fpp, in.B)
			if p == 0 {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, 0)
				goto reload
			}
			*slot(fpp, in.A) = p + uint64(in.C)
		case bytecode.IDXADDR:
			p := *slot(fpp, in.B)
			if p == 0 {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, 0)
				goto reload
			}
			*slot(fpp, in.A) = p + *slot(fpp, in.C)*uint64(in.K)
		case bytecode.BOUNDS:
			if i, n := *slot(fpp, in.A), *slot(fpp, in.B); i >= n {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				panicIndex(mp, gp, i, n, in.K == 1)
				goto reload
			}
		case bytecode.STRIDX:
			s, n, i := *slot(fpp, in.B), *slot(fpp, in.B+8), *slot(fpp, in.C)
			if i >= n {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				panicIndex(mp, gp, i, n, in.K == 1)
				goto reload
			}
			b, ok := mem.Load8(uintptr(s + i))
			if !ok {
				gp.pc, gp.fp = pc, mem.Addr(fpp)
				mp.lockRT()
				fault(mp, gp, uintptr(s+i))
				goto reload
			}
			*slot(fpp, in.A) = uint64(b)

		case bytecode.JMP:
			pc = in.A
		case bytecode.LOOP:
			pc = in.A
			goto backEdge
		case bytecode.IF:
			if *slot(fpp, in.A) != 0 {
				pc = in.B
			} else {
				pc = in.C
			}
		case bytecode.BEQ:
			if *slot(fpp, in.A) == *slot(fpp, in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BNE:
			if *slot(fpp, in.A) != *slot(fpp, in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BLTS:
			if int64(*slot(fpp, in.A)) < int64(*slot(fpp, in.B)) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BLES:
			if int64(*slot(fpp, in.A)) <= int64(*slot(fpp, in.B)) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BLTU:
			if *slot(fpp, in.A) < *slot(fpp, in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BLEU:
			if *slot(fpp, in.A) <= *slot(fpp, in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BEQI:
			if int64(*slot(fpp, in.A)) == int64(in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BNEI:
			if int64(*slot(fpp, in.A)) != int64(in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BLTSI:
			if int64(*slot(fpp, in.A)) < int64(in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BLESI:
			if int64(*slot(fpp, in.A)) <= int64(in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BGTSI:
			if int64(*slot(fpp, in.A)) > int64(in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}
		case bytecode.BGESI:
			if int64(*slot(fpp, in.A)) >= int64(in.B) {
				pc = in.C
				if in.K != 0 {
					goto backEdge
				}
			}

		case bytecode.BFEQ, bytecode.BFNE:
			if (fcmp(in.K, *slot(fpp, in.A), *slot(fpp, in.B)) == 0) == (in.Op == bytecode.BFEQ) {
				pc = in.C
			}
		case bytecode.BFLT, bytecode.BFNLT:
			if (fcmp(in.K, *slot(fpp, in.A), *slot(fpp, in.B)) == -1) == (in.Op == bytecode.BFLT) {
				pc = in.C
			}
		case bytecode.BFLE, bytecode.BFNLE:
			c := fcmp(in.K, *slot(fpp, in.A), *slot(fpp, in.B))
			if (c == 0 || c == -1) == (in.Op == bytecode.BFLE) {
				pc = in.C
			}

		case bytecode.CALL:
			callee := mp.vm.prog.Funcs[in.B]
			fp := mem.Addr(fpp)
			nfp := fp + uintptr(in.A)
			if callee.Native != "" {
				gp.pc, gp.fp = pc, fp
				if mp.vm.nativeUnlocked[in.B] {
					// A leaf on arena memory: no lock, and it
					// always continues.
					mp.vm.natives[in.B](mp, gp, nfp)
					goto reloadRegs
				}
				mp.lockRT()
				if mp.vm.natives[in.B](mp, gp, nfp) != stContinue {
					return
				}
				goto reload
			}
			if mp.budget--; nfp+uintptr(callee.FrameSize) > gp.stackguard0.Load() || mp.budget <= 0 || mp.vm.debug.moveStack {
				// The stack must grow or move, or the goroutine must
				// yield: the runtime makes the call, and the registers
				// are reloaded after it (no local lives across it).
				gp.pc, gp.fp = pc, fp
				mp.lockRT()
				if mp.budget <= 0 {
					// The time slice is over: yield before the call,
					// which runs again when the goroutine does.
					gp.pc--
					goschedPreempt(mp, gp, gp.pc) // the budget is spent: it yields
					return
				}
				if call(mp, gp, callee, nfp, 0, uint64(gp.fn.Index)<<32|uint64(pc)) != stContinue {
					return
				}
				goto reload
			}
			nfpp := unsafe.Add(fpp, in.A)
			*slot(nfpp, bytecode.HdrCtxt) = 0
			*slot(nfpp, bytecode.HdrSavedFP) = uint64(fp - gp.stack.lo)
			*slot(nfpp, bytecode.HdrRetPC) = uint64(gp.fn.Index)<<32 | uint64(pc)
			if len(callee.Consts) > 0 {
				frameConsts(nfpp, callee) // out of line: keeps registers free here
			}
			gp.fn, code, pc, fpp = callee, callee.Code, 0, nfpp
		case bytecode.CALLCLO, bytecode.CALLIFACE:
			gp.pc, gp.fp = pc, mem.Addr(fpp)
			mp.lockRT()
			if callIndirect(mp, gp, in) != stContinue {
				return
			}
			goto reload
		case bytecode.RET:
			ret := *slot(fpp, bytecode.HdrRetPC)
			saved := *slot(fpp, bytecode.HdrSavedFP)
			fi, rpc := uint32(ret>>32), uint32(ret)
			fp := mem.Addr(fpp)
			if rpc >= retMarker || fi >= uint32(len(mp.vm.prog.Funcs)) {
				gp.pc, gp.fp = pc, fp
				mp.lockRT()
				if returnToRuntime(mp, gp, fi, rpc) != stContinue {
					return
				}
				goto reload
			}
			cfp := gp.stack.lo + uintptr(saved)
			caller := mp.vm.prog.Funcs[fi]
			if cfp >= fp || !frameInStack(gp, caller, cfp) || rpc >= uint32(len(caller.Code)) {
				// The program overwrote the call header.
				gp.pc, gp.fp = pc, fp
				mp.lockRT()
				panic(arena.Fault{Addr: uintptr(ret)})
			}
			// The caller's frame lies below in the same checked stack.
			fpp = unsafe.Add(fpp, -int(fp-cfp))
			gp.fn, code, pc = caller, caller.Code, int32(rpc)

		case bytecode.RT:
			gp.pc, gp.fp = pc, mem.Addr(fpp)
			mp.lockRT()
			if rtop(mp, gp, in) != stContinue {
				return
			}
			goto reload
		default:
			throw("bad opcode " + in.Op.String())
		}
		continue
	backEdge:
		// A loop's back edge: the preemption check.
		if mp.budget--; mp.budget <= 0 || gp.stackguard0.Load() == stackPreempt {
			gp.pc, gp.fp = pc, mem.Addr(fpp)
			mp.lockRT()
			// The back edge is the branch just run: in is its address
			// in code.
			if goschedPreempt(mp, gp, int32((uintptr(unsafe.Pointer(in))-uintptr(unsafe.Pointer(&code[0])))/unsafe.Sizeof(*in))) != stContinue {
				return
			}
			goto reload
		}
		continue
	reload:
		if gp.atomicstatus.Load() != _Grunning || mp.yielding != nil {
			return
		}
		mp.unlockRT()
	reloadRegs:
		code = gp.fn.Code
		pc = gp.pc
		fpp = mem.Frame(gp.fp)
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// extend normalises a word to load class k.
func extend(v uint64, k uint16) uint64 {
	switch k {
	case bytecode.ClassI8:
		return uint64(int64(int8(v)))
	case bytecode.ClassU8:
		return uint64(uint8(v))
	case bytecode.ClassI16:
		return uint64(int64(int16(v)))
	case bytecode.ClassU16:
		return uint64(uint16(v))
	case bytecode.ClassI32:
		return uint64(int64(int32(v)))
	case bytecode.ClassU32:
		return uint64(uint32(v))
	}
	return v
}

// loadClass reads a scalar of class k from frame memory.
func loadClass(p unsafe.Pointer, k uint16) uint64 {
	switch k {
	case bytecode.ClassI8:
		return uint64(int64(*(*int8)(p)))
	case bytecode.ClassU8:
		return uint64(*(*uint8)(p))
	case bytecode.ClassI16:
		return uint64(int64(*(*int16)(p)))
	case bytecode.ClassU16:
		return uint64(*(*uint16)(p))
	case bytecode.ClassI32:
		return uint64(int64(*(*int32)(p)))
	case bytecode.ClassU32:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

func storeClass(p unsafe.Pointer, k uint16, v uint64) {
	switch bytecode.ClassSize[k] {
	case 1:
		*(*uint8)(p) = uint8(v)
	case 2:
		*(*uint16)(p) = uint16(v)
	case 4:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}

// Float arithmetic on slot words; k is 4 for float32, 8 for float64. Each
// is small enough to inline into the dispatch loop.

func fadd(k uint16, a, b uint64) uint64 {
	if k == 4 {
		return uint64(math.Float32bits(math.Float32frombits(uint32(a)) + math.Float32frombits(uint32(b))))
	}
	return math.Float64bits(math.Float64frombits(a) + math.Float64frombits(b))
}

func fsub(k uint16, a, b uint64) uint64 {
	if k == 4 {
		return uint64(math.Float32bits(math.Float32frombits(uint32(a)) - math.Float32frombits(uint32(b))))
	}
	return math.Float64bits(math.Float64frombits(a) - math.Float64frombits(b))
}

func fmul(k uint16, a, b uint64) uint64 {
	if k == 4 {
		return uint64(math.Float32bits(math.Float32frombits(uint32(a)) * math.Float32frombits(uint32(b))))
	}
	return math.Float64bits(math.Float64frombits(a) * math.Float64frombits(b))
}

func fdiv(k uint16, a, b uint64) uint64 {
	if k == 4 {
		return uint64(math.Float32bits(math.Float32frombits(uint32(a)) / math.Float32frombits(uint32(b))))
	}
	return math.Float64bits(math.Float64frombits(a) / math.Float64frombits(b))
}

// fcmp compares two floats: -1, 0 or +1, or 2 when either is a NaN, so
// that every ordered comparison of a NaN is false.
func fcmp(k uint16, a, b uint64) int {
	var x, y float64
	if k == 4 {
		x, y = float64(math.Float32frombits(uint32(a))), float64(math.Float32frombits(uint32(b)))
	} else {
		x, y = math.Float64frombits(a), math.Float64frombits(b)
	}
	switch {
	case x < y:
		return -1
	case x == y:
		return 0
	case x > y:
		return 1
	}
	return 2
}

// frameConsts writes fn's constant image into its new frame at fpp.
//
//go:noinline
func frameConsts(fpp unsafe.Pointer, fn *bytecode.Func) {
	for i, w := range fn.Consts {
		*slot(fpp, fn.ConstOff+int32(i)*8) = w
	}
}

// convertOp executes a CONV instruction.
func convertOp(fpp unsafe.Pointer, in *bytecode.Instr) {
	*slot(fpp, in.A) = convert(in.K, *slot(fpp, in.B))
}

// convert performs numeric conversion k. Float-to-integer conversions of
// out-of-range values give what amd64's CVTTSD2SQ gives, as gc's code does.
func convert(k uint16, v uint64) uint64 {
	switch k {
	case bytecode.ConvI2F64:
		return math.Float64bits(float64(int64(v)))
	case bytecode.ConvU2F64:
		return math.Float64bits(float64(v))
	case bytecode.ConvI2F32:
		return uint64(math.Float32bits(float32(int64(v))))
	case bytecode.ConvU2F32:
		return uint64(math.Float32bits(float32(v)))
	case bytecode.ConvF642I:
		return uint64(f2i(math.Float64frombits(v)))
	case bytecode.ConvF642U:
		return f2u(math.Float64frombits(v))
	case bytecode.ConvF322I:
		return uint64(f2i(float64(math.Float32frombits(uint32(v)))))
	case bytecode.ConvF322U:
		return f2u(float64(math.Float32frombits(uint32(v))))
	case bytecode.ConvF32F64:
		return math.Float64bits(float64(math.Float32frombits(uint32(v))))
	case bytecode.ConvF64F32:
		return uint64(math.Float32bits(float32(math.Float64frombits(v))))
	}
	return v
}

func f2i(f float64) int64 {
	if f != f || f >= 1<<63 || f < -(1<<63) {
		return math.MinInt64
	}
	return int64(f)
}

// f2u converts as gc does on amd64: values below 2^63 directly, larger ones
// by subtracting 2^63 first.
func f2u(f float64) uint64 {
	if f < 1<<63 {
		return uint64(f2i(f))
	}
	return uint64(f2i(f-(1<<63))) ^ (1 << 63)
}
