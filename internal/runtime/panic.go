package runtime

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strings"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Defer, panic and recover follow panic.go's semantics with a defer record
// chain (DESIGN.md §5; open-coded defers are a later optimisation).
//
// A defer record is an arena object:
//
//	0 link    the next older record
//	8 frame   the deferring frame, as an fp offset from the stack base
//	16 fn     index of the deferring function (for recovery)
//	24 code   the callee's code pointer
//	32 ctxt   its closure context
//	40 size   the argument block size
//	48 args
//
// A panic runs deferred calls on top of the panicking frame; the stack
// unwinds only when a deferred call recovers, to the frame that deferred it,
// which then runs its remaining deferred calls and returns normally.

const deferHeader = 48

type _panic struct {
	arg        [2]uint64 // the panic value (an eface)
	link       *_panic
	recovered  bool
	repanicked bool
	goexit     bool
	sigpanic   bool
	sigaddr    uintptr // the faulting address, for a sigpanic
	// deferFP is the frame of the deferred call this panic is running,
	// for recover's "called directly by a deferred function" rule; the
	// record is the one it came from.
	deferFP    uintptr
	deferFrame uint64
	deferFn    *bytecode.Func
	// The panicking frame (an fp offset from the stack base) and the pc
	// after the instruction that panicked. Deferred calls the panic runs
	// sit on top of that frame with a return marker in place of a pc, so
	// tracebacks find the frame's pc here.
	siteFP uint64
	sitePC int32
}

// _defer is a view of a defer record in the arena. The program can
// rewrite any of its words, so each is validated where it is used: the
// record itself must be a whole heap object with pointers (its link could
// name anything), its size must fit that object and be its callee's
// argument size, its code pointer an entry of the text
// region, and its frame a frame on the goroutine's stack.
type _defer struct {
	vm *vm
	p  uintptr
}

func (d _defer) link() _defer    { return _defer{d.vm, uintptr(d.vm.ld(d.p))} }
func (d _defer) frame() uint64   { return d.vm.ld(d.p + 8) }
func (d _defer) fnIndex() uint64 { return d.vm.ld(d.p + 16) }
func (d _defer) code() uint64    { return d.vm.ld(d.p + 24) }
func (d _defer) ctxt() uintptr   { return uintptr(d.vm.ld(d.p + 32)) }
func (d _defer) args() uintptr   { return d.p + deferHeader }

// size is the argument block's size, which must be the size the record
// was allocated with.
func (d _defer) size(vm *vm) uintptr {
	n := uintptr(d.vm.ld(d.p + 40))
	if base, s := d.vm.mheap.findObject(d.p); base != d.p || s.noscan() || s.elemsize < deferHeader || n > s.elemsize-deferHeader {
		panic(arena.Fault{Addr: d.p + 40})
	}
	return n
}

// fn is the deferring function, by index.
func (d _defer) fn(vm *vm) *bytecode.Func {
	i := d.fnIndex()
	if i >= uint64(len(vm.prog.Funcs)) {
		panic(arena.Fault{Addr: d.p + 16})
	}
	return vm.prog.Funcs[i]
}

// deferproc records a deferred call whose argument block is at args, made
// for the frame of fn identified by frame.
func deferproc(mp *m, gp *g, frame uint64, fn *bytecode.Func, code, ctxt uintptr, args uintptr, size uintptr) {
	d := mallocgc(mp, deferHeader+size, deferType(mp, size))
	writePointer(mp.vm, d, gp._defer)
	mp.vm.st(d+8, frame)
	mp.vm.st(d+16, uint64(fn.Index))
	mp.vm.st(d+24, uint64(code))
	writePointer(mp.vm, d+32, ctxt)
	mp.vm.st(d+40, uint64(size))
	typedmemmove(mp.vm, d+deferHeader, args, size)
	gp._defer = d
	gp.ndefer++
}

// frameID names the frame at fp on gp's stack, stably across stack moves.
func frameID(gp *g, fp uintptr) uint64 { return uint64(fp - gp.stack.lo) }

// frameFunc returns the function running in the frame named by id, found
// by walking gp's stack down from the current frame, or nil.
func frameFunc(vm *vm, gp *g, id uint64) *bytecode.Func {
	fn, fp := gp.fn, gp.fp
	for {
		if frameID(gp, fp) == id {
			return fn
		}
		caller, callerFP, ok := callerOf(vm, gp, gp.stack, fp)
		if !ok {
			return nil
		}
		fn, fp = caller, callerFP
	}
}

// deferreturn runs the next deferred call of the current frame, returning
// into the RunDefers instruction (at gp.pc-1) so it runs again for the
// next. It reports false when the frame has none left.
func deferreturn(mp *m, gp *g) (int, bool) {
	vm := mp.vm
	d := gp._defer
	if d == 0 {
		return stContinue, false
	}
	if (_defer{vm, d}).frame() != frameID(gp, gp.fp) {
		return stContinue, false
	}
	fn, ctxt, args := popDefer(mp, gp, _defer{vm, d})
	if fn == nil {
		return panicmem(mp, gp), true
	}
	if fn.Native != "" && trampolineOf(fn) == nil {
		return callDeferredNative(mp, gp, fn, args, ctxt, true), true
	}
	return pushFrameRet(mp, gp, fn, args, ctxt, uint64(gp.fn.Index)<<32|uint64(gp.pc-1)), true
}

// popDefer unlinks d and returns its callee, context and arguments. A nil
// function value panics here, when the call is made, as in Go. The
// arguments are a copy in the M's buffer, valid until the next popDefer:
// both callers place them in a frame first.
func popDefer(mp *m, gp *g, d _defer) (*bytecode.Func, uintptr, []byte) {
	vm := mp.vm
	if gp.ndefer == 0 {
		// The chain is longer than the records pushed: a link was forged.
		panic(arena.Fault{Addr: d.p})
	}
	gp.ndefer--
	gp._defer = d.link().p
	code, ctxt, size := d.code(), d.ctxt(), d.size(vm)
	if code == 0 {
		return nil, 0, nil
	}
	fn, ok := funcForCode(vm, code)
	if !ok {
		panic(arena.Fault{Addr: uintptr(code)})
	}
	if fn.Native == "" && size != uintptr(fn.ArgSize) {
		panic(arena.Fault{Addr: d.p + 40})
	}
	mp.deferArgBuf = append(mp.deferArgBuf[:0], vm.bytesAt(d.args(), size)...)
	return fn, ctxt, mp.deferArgBuf
}

// gopanic starts panicking with value v (an eface).
func gopanic(mp *m, gp *g, v [2]uint64) int {
	p := newPanic(mp.vm)
	*p = _panic{arg: v, link: gp._panic, sigpanic: mp.sigpanicNext, sigaddr: mp.sigaddrNext,
		siteFP: frameID(gp, gp.fp), sitePC: gp.pc}
	mp.sigpanicNext = false
	if old := gp._panic; old != nil && old.recovered && old.arg == v {
		old.repanicked = true
	}
	gp._panic = p
	return runPanicDefers(mp, gp)
}

// runPanicDefers calls the next deferred function for the innermost panic
// (or Goexit), or prints the panic and exits when none is left.
func runPanicDefers(mp *m, gp *g) int {
	vm := mp.vm
	p := gp._panic
	for {
		d := gp._defer
		if d == 0 {
			break
		}
		frame, deferFn := _defer{vm, d}.frame(), _defer{vm, d}.fn(mp.vm)
		fn, ctxt, args := popDefer(mp, gp, _defer{vm, d})
		if fn == nil {
			// A nil deferred function: a new panic, raised as the call
			// would raise it.
			return panicmem(mp, gp)
		}
		if fn.Native != "" && trampolineOf(fn) == nil {
			if st := callDeferredNative(mp, gp, fn, args, ctxt, false); st != stContinue || gp._panic != p {
				return st
			}
			continue
		}
		p.deferFrame, p.deferFn = frame, deferFn
		nfp := gp.fp + uintptr(gp.fn.FrameSize) + bytecode.HeaderSize
		st := pushFrame(mp, gp, fn, args, ctxt, retDeferPanic)
		p.deferFP = nfp - gp.stack.lo
		if gp.fp != nfp {
			p.deferFP = gp.fp - gp.stack.lo
		}
		return st
	}
	if p.goexit {
		return goexit1(mp, gp)
	}
	// Unrecovered: print it from the panicking goroutine.
	gp.dying = true
	mp.budget = math.MaxInt32
	return pushFrame(mp, gp, mp.vm.prog.Funcs[mp.vm.prog.FatalPanic], nil, 0, retFatal)
}

// deferReturnedInPanic runs when a deferred call made by a panic returns.
func deferReturnedInPanic(mp *m, gp *g) int {
	vm := mp.vm
	p := gp._panic
	if p == nil {
		throw("deferred call returned to a panic that is gone")
	}
	if !p.recovered {
		return runPanicDefers(mp, gp)
	}
	// Recovered: drop this panic, and every older one whose deferred
	// call is unwound by resuming the deferring frame at its recovery
	// point. An older panic whose deferred call is that frame (the frame
	// recovered one panic, then panicked and recovered again) goes on.
	resume := gp.stack.lo + uintptr(p.deferFrame)
	gp._panic = p.link
	for q := gp._panic; q != nil && !q.goexit && gp.stack.lo+q.deferFP > resume; q = gp._panic {
		gp._panic = q.link
		freePanic(vm, q)
	}
	// The defer record named the frame and its function: both must be
	// what is on the stack there, with a recovery point to resume at.
	fn := p.deferFn
	fp := gp.stack.lo + uintptr(p.deferFrame)
	if fn.RecoverPC < 0 || frameFunc(vm, gp, p.deferFrame) != fn || !frameInStack(gp, fn, fp) {
		panic(arena.Fault{Addr: uintptr(p.deferFrame)})
	}
	freePanic(vm, p)
	gp.fn = fn
	gp.fp = fp
	gp.pc = fn.RecoverPC
	return stContinue
}

// newPanic returns a panic record from the VM's free list, or a new one:
// a program that panics and recovers in a loop reuses a few records rather
// than churning the host heap.
func newPanic(vm *vm) *_panic {
	if n := len(vm.panicFree); n > 0 {
		p := vm.panicFree[n-1]
		vm.panicFree = vm.panicFree[:n-1]
		return p
	}
	return new(_panic)
}

// freePanic returns p, which no goroutine's chain holds any more, to the
// free list.
func freePanic(vm *vm, p *_panic) {
	*p = _panic{}
	if len(vm.panicFree) < 64 {
		vm.panicFree = append(vm.panicFree, p)
	}
}

// gorecover implements recover(): the innermost panic's value, if the
// caller is the deferred function the panic called (looking through
// wrappers), and the panic is not already recovered.
func gorecover(vm *vm, gp *g) [2]uint64 {
	p := gp._panic
	if p == nil || p.recovered || p.goexit {
		return [2]uint64{}
	}
	// Only wrapper frames may stand between recover's caller and the
	// deferred call the panic made.
	target := gp.stack.lo + uintptr(p.deferFP)
	fp := gp.fp
	for fp != target {
		caller, callerFP, ok := callerOf(vm, gp, gp.stack, fp)
		if !ok || callerFP < target || !caller.Wrapper {
			return [2]uint64{}
		}
		fp = callerFP
	}
	p.recovered = true
	return p.arg
}

// goexit starts runtime.Goexit: run every deferred call, then end.
func goexit(mp *m, gp *g) int {
	gp._panic = &_panic{goexit: true, link: gp._panic, siteFP: frameID(gp, gp.fp), sitePC: gp.pc}
	return runPanicDefers(mp, gp)
}

// goexit1 ends the goroutine after its entry function returned or Goexit
// ran its deferred calls.
func goexit1(mp *m, gp *g) int {
	goexit0(mp, gp)
	return stStop
}

// Run-time errors. Each builds the runtime's own error value and panics
// with it.

func panicdivide(mp *m, gp *g) int {
	return gopanic(mp, gp, errorStringValue(mp, mp.vm.prog.ErrTypes.ErrorString, "integer divide by zero"))
}

func panicshift(mp *m, gp *g) int {
	return gopanic(mp, gp, errorStringValue(mp, mp.vm.prog.ErrTypes.ErrorString, "negative shift amount"))
}

func panicErrorString(mp *m, gp *g, msg string) int {
	return gopanic(mp, gp, errorStringValue(mp, mp.vm.prog.ErrTypes.ErrorString, msg))
}

func panicPlain(mp *m, gp *g, msg string) int {
	return gopanic(mp, gp, errorStringValue(mp, mp.vm.prog.ErrTypes.PlainError, msg))
}

// panicNil is panic(nil): since Go 1.21 it panics with a new
// *runtime.PanicNilError, a pointer to a zero-sized object.
func panicNil(mp *m, gp *g) int {
	return gopanic(mp, gp, [2]uint64{uint64(mp.vm.prog.ErrTypes.PanicNilError.Desc), uint64(mp.vm.zerobase)})
}

// panicRangeFunc raises gc's errors for a misused range-over-func yield
// function. With why 1 the iterator returned normally while the loop body
// was panicking; with why 2 yield was called while the loop was not ready
// for it, and go/ssa's jump variable, reached through the closure word at
// offset off of the yield function's context, says why: BUSY (-1), the body
// panicked; EXIT (> 0), the body had left the loop; DONE (-2), the iterator
// had returned. (A loop left by break stays EXIT after the iterator returns,
// where gc's state says the whole loop exited.)
func panicRangeFunc(mp *m, gp *g, why, off int32) int {
	const prefix = "range function "
	if why == 1 {
		return panicErrorString(mp, gp, prefix+"recovered a loop body panic and did not resume panicking")
	}
	state := int64(-2)
	if off >= 0 {
		clo := uintptr(mp.vm.ld(gp.fp - 24)) // the call header's context word
		if p, ok := mp.vm.mem.Load64(clo + uintptr(off)); ok {
			if v, ok := mp.vm.mem.Load64(uintptr(p)); ok {
				state = int64(v)
			}
		}
	}
	switch {
	case state == -1:
		return panicErrorString(mp, gp, prefix+"continued iteration after loop body panic")
	case state > 0:
		return panicErrorString(mp, gp, prefix+"continued iteration after function for loop body returned false")
	}
	return panicErrorString(mp, gp, prefix+"continued iteration after whole loop exit")
}

// Bounds error codes, as internal/abi numbers them.
const (
	boundsIndex = iota
	boundsSliceAlen
	boundsSliceAcap
	boundsSliceB
	boundsSlice3Alen
	boundsSlice3Acap
	boundsSlice3B
	boundsSlice3C
	boundsConvert
)

func panicIndex(mp *m, gp *g, i, n uint64, signed bool) int {
	return panicBounds(mp, gp, int64(i), int(n), signed, boundsIndex)
}

func panicBounds(mp *m, gp *g, x int64, y int, signed bool, code uint8) int {
	t := mp.vm.prog.ErrTypes.BoundsError
	obj := mallocgc(mp, t.Size, t)
	mp.vm.mem.Store64(obj, uint64(x))
	mp.vm.mem.Store64(obj+8, uint64(y))
	if signed {
		mp.vm.mem.Store8(obj+16, 1)
	}
	mp.vm.mem.Store8(obj+17, code)
	return gopanic(mp, gp, [2]uint64{uint64(t.Desc), uint64(obj)})
}

// panicmem is the nil-pointer dereference panic. Its value is an
// errorString, as gc's memoryError is for a fault below 0x1000 (the nil
// guard); gc's errorAddressString, which carries the address, is only for
// other faults under debug.SetPanicOnFault.
func panicmem(mp *m, gp *g) int {
	return gopanic(mp, gp, errorStringValue(mp, mp.vm.prog.ErrTypes.ErrorString, "invalid memory address or nil pointer dereference"))
}

// fault handles a refused memory access at p by the running goroutine: an
// address in the nil guard page is a nil dereference, a run-time panic the
// program may recover; any other is gc's fatal fault. It does not return
// unless it panicked.
func fault(mp *m, gp *g, p uintptr) int {
	if p < arena.NilGuard {
		mp.sigpanicNext, mp.sigaddrNext = true, p
		return panicmem(mp, gp)
	}
	panic(arena.Fault{Addr: p})
}

// What the runtime panics with to end the VM, from whatever host frames
// are active, so that no instruction of the program runs after it: Run
// recovers it (ended). arena.Fault, the fourth, is a refused access.
type (
	vmExit     struct{ code int } // the program is over: exitVM
	fatalError struct {
		msg    string
		before string // what the runtime prints before "fatal error:"
	}
	internalError struct{ msg string }
)

// exitVM ends the VM with status code.
func exitVM(code int) { panic(vmExit{code}) }

// ended reports what unwound to Run and returns the VM's exit status: a
// refused access that no nearer handler claimed is the program's fault, a
// fatalError the program's fatal error, and anything else a bug in gort.
func ended(mp *m, r any) int {
	vm := mp.vm
	switch e := r.(type) {
	case vmExit:
		setExit(vm, e.code)
	case arena.Fault:
		printFault(mp, e)
	case fatalError:
		printstr(vm, e.before+"fatal error: "+e.msg+"\n")
		if gp := mp.curg; gp != nil {
			printTraceback(vm, func() {
				printstr(vm, "\n")
				printGoroutine(vm, gp, true)
			})
		} else {
			printTraceback(vm, func() { printAllGoroutines(vm) })
		}
	case internalError:
		reportInternalError(mp, e.msg, nil)
	default:
		reportInternalError(mp, fmt.Sprint(r), debug.Stack())
	}
	setExit(vm, 2)
	flushOutput(vm)
	return vm.exitCode
}

// printFault prints gc's report of a fatal memory fault: the address, the
// signal, and, as a fatal signal escalates the traceback to the system
// level, the goroutine that faulted and then every other one.
func printFault(mp *m, f arena.Fault) {
	vm := mp.vm
	gp := mp.curg
	printstr(vm, "unexpected fault address "+hex(uint64(f.Addr))+"\nfatal error: fault\n")
	printTraceback(vm, func() {
		pc := uintptr(0)
		if gp != nil && gp.fn != nil {
			pc = framePC(gp.fn, gp.pc-1)
		}
		printSignal(vm, uint64(vm.mem.Code(f)), f.Addr, pc)
		if gp != nil {
			printstr(vm, "\n")
			printFaultGoroutine(vm, gp)
		}
		printOtherGoroutines(vm, gp, tracebackSystem)
	})
}

// printSignal prints the line the real runtime's fatal signal report
// starts with: the signal, its code, the faulting address and the pc that
// faulted.
func printSignal(vm *vm, code uint64, addr, pc uintptr) {
	printstr(vm, "[signal SIGSEGV: segmentation violation code="+hex(code)+" addr="+hex(uint64(addr))+" pc="+hex(uint64(pc))+"]\n")
}

// reportInternalError reports a bug in gort: msg, the running goroutine's
// VM traceback, and with GODEBUG=gortpanic=1 the host stack, if known.
func reportInternalError(mp *m, msg string, hostStack []byte) {
	vm := mp.vm
	printstr(vm, "fatal error: gort: internal error: "+msg+"\n")
	if gp := mp.curg; gp != nil {
		printTraceback(vm, func() {
			printstr(vm, "\n")
			printGoroutine(vm, gp, true)
		})
	}
	if hostStack != nil && strings.Contains(os.Getenv("GODEBUG")+os.Getenv("GORT_PROGRAM_GODEBUG"), "gortpanic=1") {
		printstr(vm, "\ngort's host stack:\n"+string(hostStack))
	}
}

// printTraceback runs a traceback printer over state that may be corrupt:
// a traceback is best effort, and a failure inside it ends the traceback,
// not the report.
func printTraceback(vm *vm, print func()) {
	defer func() {
		if r := recover(); r != nil {
			printstr(vm, "...traceback stopped: "+fmt.Sprint(r)+"\n")
		}
	}()
	print()
}

// errorStringValue boxes msg as a value of the string-kinded error type t.
func errorStringValue(mp *m, t *bytecode.Type, msg string) [2]uint64 {
	s := newString(mp, msg)
	obj := mallocgc(mp, 16, t)
	mp.vm.mem.Store64(obj, s[0])
	mp.vm.mem.Store64(obj+8, s[1])
	return [2]uint64{uint64(t.Desc), uint64(obj)}
}

// fatalStackOverflow ends the program as the real runtime does when a
// goroutine's stack would pass the limit.
func fatalStackOverflow(mp *m, gp *g) {
	fatal("stack overflow")
}
