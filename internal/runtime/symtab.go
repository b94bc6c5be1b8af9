package runtime

import (
	"go/token"
	"os"
	"path/filepath"
	hostruntime "runtime"
	"strings"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Program counters, as the program sees them (runtime.Callers, Caller,
// FuncForPC, CallersFrames, reflect's Value.Pointer of a func).
//
// gort has no machine code, but a pc must still be a uintptr that names one
// instruction of one function, so the text region carries a pc space:
//
//	TextBase                  entries: one TextEntry (16 bytes) per function,
//	                          its code pointer; a func value holds one, and
//	                          FuncForPC maps any address inside an entry to
//	                          its function, as gc's does for an entry pc
//	pcBase = TextBase+16*n    return pcs: function i owns the range
//	                          [pcBase+start[i], pcBase+start[i]+size(i)),
//	                          one pc per instruction, pc = start + index;
//	                          size(i) = max(len(Code), 1) + 1, so a return pc
//	                          (the instruction after a call) lies in its
//	                          function and a native has a call pc and a
//	                          return pc
//	hostBase                  the real runtime's frames that gort runs as host
//	                          code (runtime.goexit, runtime.gopanic,
//	                          runtime.doInit1, runtime.doInit): two pcs
//	                          each, entry and return
//	end
//
// A *Func is its function's entry address (a zero-sized object, as gc's
// Func is opaque), so FuncForPC allocates nothing and Func.Entry reads no
// memory. Callers stores return pcs, one past the call instruction, and
// CallersFrames steps each back by one to the call, as with gc; so does
// Caller. Every pc and *Func a program passes in is untrusted: findfunc
// maps it through these ranges and nothing else.
//
// File and line: a program's function reports its instruction's source
// position (the file made absolute, as gc records it), or its declaration
// for an entry pc. The runtime frames that gc's tracebacks show report the
// real runtime's line for the same call, found in $GOROOT/src/runtime by
// runtimeCallSite, as the tracebacks do; gort's other runtime functions
// report their own source.

// symtab is the VM's pc table, built once from the program image.
type symtab struct {
	pcBase, hostBase, end uintptr
	start                 []uintptr // by function index, offset from pcBase
	// mainCall is the instruction of runtime.main that calls main.main
	// (its last indirect call): a pc before it is an init task's call.
	mainCall int32
	// The natives whose own frame Callers and Caller record first.
	callers, caller *bytecode.Func
}

// The real runtime's frames that have no function in the image.
const (
	hostGoexit = iota
	hostGopanic
	hostDoInit1
	hostDoInit
	numHostFrames
)

func newSymtab(prog *bytecode.Program) symtab {
	st := symtab{start: make([]uintptr, len(prog.Funcs))}
	st.pcBase = prog.TextBase + 16*uintptr(len(prog.Funcs))
	off := uintptr(0)
	for i, f := range prog.Funcs {
		st.start[i] = off
		off += uintptr(max(len(f.Code), 1) + 1)
		switch f.Native {
		case "runtime.Callers":
			st.callers = f
		case "runtime.Caller":
			st.caller = f
		}
	}
	st.hostBase = st.pcBase + off
	st.end = st.hostBase + 2*numHostFrames
	if i := prog.RuntimeMain; i >= 0 && int(i) < len(prog.Funcs) {
		for pc, in := range prog.Funcs[i].Code {
			if in.Op == bytecode.CALLCLO {
				st.mainCall = int32(pc)
			}
		}
	}
	return st
}

// A funcPC is a pc resolved: a function of the image (fn, with the
// instruction index pc, or -1 for its entry) or a host frame.
type funcPC struct {
	fn   *bytecode.Func
	host int // a host frame's index, if fn is nil
	pc   int32
}

// findfunc resolves pc; ok is false for a pc that names nothing.
func (vm *vm) findfunc(pc uintptr) (f funcPC, ok bool) {
	st, prog := &vm.symtab, vm.prog
	switch {
	case pc >= prog.TextBase && pc < st.pcBase:
		return funcPC{fn: prog.Funcs[(pc-prog.TextBase)/16], pc: -1}, true
	case pc >= st.pcBase && pc < st.hostBase:
		off := pc - st.pcBase
		i, j := 0, len(st.start)
		for i < j { // the last function whose range starts at or before off
			h := int(uint(i+j) >> 1)
			if st.start[h] <= off {
				i = h + 1
			} else {
				j = h
			}
		}
		return funcPC{fn: prog.Funcs[i-1], pc: int32(off - st.start[i-1])}, true
	case pc >= st.hostBase && pc < st.end:
		return funcPC{host: int((pc - st.hostBase) / 2), pc: int32((pc - st.hostBase) % 2)}, true
	}
	return funcPC{}, false
}

// entry is f's function's entry: its code pointer, or its host frame's
// first pc. It is the *Func a program holds.
func (vm *vm) entry(f funcPC) uintptr {
	if f.fn != nil {
		return f.fn.Text
	}
	return vm.symtab.hostBase + 2*uintptr(f.host)
}

// returnPC is the pc Callers records for a frame of fn stopped in the call
// at instruction call.
func (vm *vm) returnPC(fn *bytecode.Func, call int32) uintptr {
	call = min(max(call, 0), int32(max(len(fn.Code), 1))-1)
	return vm.symtab.pcBase + vm.symtab.start[fn.Index] + uintptr(call) + 1
}

func (vm *vm) hostReturnPC(host int) uintptr { return vm.symtab.hostBase + 2*uintptr(host) + 1 }

// funcAtEntry validates a *Func: it must be an entry that findfunc gives.
// A nil one is the program's nil dereference, anything else a fault.
func funcAtEntry(mp *m, gp *g, entry uintptr) (funcPC, bool, int) {
	if entry == 0 {
		return funcPC{}, false, fault(mp, gp, 0)
	}
	f, ok := mp.vm.findfunc(entry)
	if !ok || mp.vm.entry(f) != entry {
		panic(arena.Fault{Addr: entry})
	}
	return f, true, stContinue
}

func (vm *vm) funcName(f funcPC) string {
	if f.fn != nil {
		return f.fn.Name
	}
	return [...]string{hostGoexit: "runtime.goexit", hostGopanic: "runtime.gopanic",
		hostDoInit1: "runtime.doInit1", hostDoInit: "runtime.doInit"}[f.host]
}

// fileLine is the source position of pc, resolved as f. The real runtime's
// functions report the real runtime's line (runtimeFrameSite).
func (vm *vm) fileLine(f funcPC) (string, int) {
	if file, fn, after, stmt, ok := vm.runtimeFrameSite(f); ok {
		return runtimeCallSite(vm, file, fn, after, stmt)
	}
	fn := f.fn
	if fn.Wrapper && (strings.HasSuffix(fn.Name, "-fm") || fn.File == "") {
		// A wrapper gc makes too (a method value's, a promoted or
		// pointer method's), as gc records it. go/ssa's thunk for a
		// method expression stands for the method itself.
		return "<autogenerated>", 1
	}
	if file, line, ok := runtimeDecl(vm, fn); ok {
		return file, line
	}
	if f.pc >= 0 && int(f.pc) < len(fn.Pos) && fn.Pos[f.pc].IsValid() {
		return vm.srcPos(fn.Pos[f.pc])
	}
	return absFile(fn.File), fn.Line
}

// runtimeFrameSite says where in $GOROOT/src/runtime the real runtime makes
// the call that a frame of f stands in, for the runtime frames that can be
// on a program's stack (runtimeCallSite's arguments).
func (vm *vm) runtimeFrameSite(f funcPC) (file, fn, after, stmt string, ok bool) {
	if f.fn == nil {
		switch f.host {
		case hostGoexit:
			return "asm_amd64.s", "runtime·goexit", "", "BYTE $0x90", true
		case hostGopanic:
			return "panic.go", "gopanic", "", "fn()", true
		case hostDoInit1:
			return "proc.go", "doInit1", "", "f()", true
		default:
			return "proc.go", "doInit", "", "doInit1(t)", true
		}
	}
	switch f.fn.Name {
	case "runtime.main":
		if f.pc >= 0 && f.pc < vm.symtab.mainCall {
			return "proc.go", "main", "", "doInit(m.inittasks)", true
		}
		return "proc.go", "main", "", "fn()", true
	case "runtime.Goexit":
		return "panic.go", "Goexit", "", "fn()", true
	case "runtime.Callers":
		return "extern.go", "Callers", "", "return callers(", true
	case "runtime.Caller":
		return "extern.go", "Caller", "", "n := callers(", true
	}
	return "", "", "", "", false
}

// runtimeDecl finds where the real runtime declares fn, a function of
// gort's runtime package: the "func Name(" line of the file of the same
// name in $GOROOT/src/runtime (gort's runtime files are named after the
// real ones). Every pc of fn reports that line, since gort's body is not
// the real one. ok is false for a method, or a function the real file
// does not declare.
func runtimeDecl(vm *vm, fn *bytecode.Func) (string, int, bool) {
	name, ok := strings.CutPrefix(fn.Name, "runtime.")
	if !ok || strings.ContainsAny(name, ".()") || !strings.HasPrefix(fn.File, "$GORT/runtime/") {
		return "", 0, false
	}
	file := filepath.Base(fn.File)
	path := filepath.Join(goroot(), "src", "runtime", file)
	for i, text := range runtimeSourceLines(vm, file, path) {
		if strings.HasPrefix(text, "func "+name+"(") || strings.HasPrefix(text, "func "+name+"[") {
			return path, i + 1, true
		}
	}
	return "", 0, false
}

// absFile spells a source file name as gc records it: absolute. gort's own
// runtime source ($GORT/...) has no directory to be in.
// srcPos is the file and line gc records for pos: a file named by a line
// directive as the directive wrote it, any other as an absolute path.
func (vm *vm) srcPos(pos token.Pos) (string, int) {
	p := vm.prog.Fset.Position(pos)
	if name, ok := vm.prog.DirectiveFile(pos, p); ok {
		return name, p.Line
	}
	return absFile(p.Filename), p.Line
}

func absFile(name string) string {
	if name == "" || filepath.IsAbs(name) || strings.HasPrefix(name, "$") {
		return name
	}
	if wd, err := os.Getwd(); err == nil {
		return filepath.Join(wd, name)
	}
	return name
}

// callers walks gp's stack from the top, a native's caller, and calls emit
// with the return pc of each frame that gc's runtime.Callers records: self
// (the native called, runtime.Callers or runtime.Caller) first, then every
// frame but wrappers, with the real runtime's frames gort runs as host code
// where gc has them (runtime.gopanic or runtime.Goexit running a deferred
// call, runtime.doInit1 and runtime.doInit running an init task,
// runtime.goexit at the bottom); with no self (a heap profile sample,
// which mallocgc takes on the goroutine's behalf) the walk starts at the
// goroutine's own frame. Like gc's, the walk records one pc per
// logical frame, an inlined one (runtime.doInit) included. emit returns
// false to stop. The walk reads call headers, which the program can
// overwrite: callerOf validates each, and an instruction
// index past its function's code ends the walk.
func callers(vm *vm, gp *g, self *bytecode.Func, emit func(pc uintptr) bool) {
	if self != nil && !emit(vm.returnPC(self, 0)) {
		return
	}
	fn, fp, call := gp.fn, gp.fp, gp.pc-1
	var callee *bytecode.Func
	for fn != nil {
		show := !fn.Wrapper && showFrame(fn, call) && !callsInitFunc(fn, callee)
		if show || fn.Index == vm.prog.RuntimeMain {
			if !emit(vm.returnPC(fn, call)) {
				return
			}
		}
		ret, _ := loadRet(vm, fp)
		caller, callerFP, ok := callerOf(vm, gp, gp.stack, fp)
		if !ok {
			break
		}
		marker := uint32(ret)
		if marker >= retMarker {
			// The runtime pushed the frame above for a panic or a
			// Goexit raised in the caller.
			p := panicAtFrame(gp, callerFP)
			call = 0
			if p != nil {
				call = p.sitePC - 1
			}
			if marker == retDeferPanic && p != nil {
				pc := vm.hostReturnPC(hostGopanic)
				if p.goexit {
					pc = vm.goexitReturnPC()
				}
				if pc != 0 && !emit(pc) {
					return
				}
			}
		} else {
			if int(marker) > len(caller.Code) {
				break
			}
			call = callSite(caller, int32(marker))
			if caller.Index == vm.prog.RuntimeMain && isInitTask(vm, fn) &&
				(!emit(vm.hostReturnPC(hostDoInit1)) || !emit(vm.hostReturnPC(hostDoInit))) {
				return
			}
		}
		callee, fn, fp = fn, caller, callerFP
	}
	if fp == gp.stack.lo+bytecode.HeaderSize {
		emit(vm.hostReturnPC(hostGoexit))
	}
}

// callsInitFunc reports whether fn is a package's init calling one of its
// init functions (P.init calling P.init.N): go/ssa makes that call, where
// gc's runtime.doInit1 makes it, so the frame is not gc's.
func callsInitFunc(fn, callee *bytecode.Func) bool {
	if callee == nil || !strings.HasSuffix(fn.Name, ".init") {
		return false
	}
	n, ok := strings.CutPrefix(callee.Name, fn.Name+".")
	if !ok || n == "" {
		return false
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// goexitReturnPC is the return pc of runtime.Goexit running a deferred
// call: the native's own, which a program that calls Goexit has.
func (vm *vm) goexitReturnPC() uintptr {
	for _, f := range vm.prog.Funcs {
		if f.Native == "runtime.Goexit" {
			return vm.returnPC(f, 0)
		}
	}
	return 0
}

// stackTrace writes gp's traceback, as a panic prints it, and with all the
// other goroutines', into the arena buffer [p, p+n), and returns how many
// bytes it wrote: runtime.Stack.
func stackTrace(vm *vm, gp *g, p, n uintptr, all bool) int {
	buf := vm.bytesAt(p, n)
	mark := len(vm.printBuf)
	printTraceback(vm, func() {
		printGoroutine(vm, gp, true)
		if all {
			printOtherGoroutines(vm, gp, tracebackUser)
		}
	})
	k := copy(buf, vm.printBuf[mark:])
	vm.printBuf = vm.printBuf[:mark]
	return k
}

// The natives of runtime.Caller, Callers, FuncForPC and Func's methods,
// and runtime.Stack. Caller, Callers and Stack are called from the
// program's frame itself, so the walk starts at gp's registers.

// Caller(skip int) (pc uintptr, file string, line int, ok bool)
func nativeCaller(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	want := max(int64(vm.ld(fp))+1, 0) // the frame to report; 0 is Caller's own
	var ret uintptr
	i := int64(0)
	callers(vm, gp, vm.symtab.caller, func(pc uintptr) bool {
		if i == want {
			ret = pc
			return false
		}
		i++
		return true
	})
	if ret == 0 {
		for off := uintptr(8); off < 48; off += 8 {
			vm.st(fp+off, 0) // not ok, and every other result zero
		}
		return stContinue
	}
	f, _ := vm.findfunc(ret - 1)
	file, line := vm.fileLine(f)
	vm.st(fp+8, uint64(ret-1))
	putString(mp, fp+16, file)
	vm.st(fp+32, uint64(int64(line)))
	vm.st8(fp+40, 1)
	return stContinue
}

// Callers(skip int, pc []uintptr) int
func nativeCallers(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	skip := int64(vm.ld(fp))
	buf, n := uintptr(vm.ld(fp+8)), vm.ld(fp+16)
	written := uint64(0)
	if n > 0 {
		callers(vm, gp, vm.symtab.callers, func(pc uintptr) bool {
			if skip > 0 {
				skip--
				return true
			}
			vm.st(buf+8*uintptr(written), uint64(pc))
			written++
			return written < n
		})
	}
	vm.st(fp+32, written)
	return stContinue
}

// runtime/pprof's runtime_expandFinalInlineFrame(stk []uintptr) []uintptr
// gives back stk: the real one adds the frames inlined into the last pc of
// a stack cut at its depth limit, but every pc gort's stacks record is a
// frame of its own, none inlined into another.
func nativeExpandFinalInlineFrame(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	for i := uintptr(0); i < 24; i += 8 {
		vm.st(fp+24+i, vm.ld(fp+i))
	}
	return stContinue
}

// FuncForPC(pc uintptr) *Func
func nativeFuncForPC(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	entry := uintptr(0)
	if f, ok := vm.findfunc(uintptr(vm.ld(fp))); ok {
		entry = vm.entry(f)
	}
	vm.st(fp+8, uint64(entry))
	return stContinue
}

// funcname(f *Func) string
func nativeFuncname(mp *m, gp *g, fp uintptr) int {
	f, ok, st := funcAtEntry(mp, gp, uintptr(mp.vm.ld(fp)))
	if ok {
		putString(mp, fp+8, mp.vm.funcName(f))
	}
	return st
}

// funcentry(f *Func) uintptr
func nativeFuncentry(mp *m, gp *g, fp uintptr) int {
	f, ok, st := funcAtEntry(mp, gp, uintptr(mp.vm.ld(fp)))
	if ok {
		mp.vm.st(fp+8, uint64(mp.vm.entry(f)))
	}
	return st
}

// funcStartLine(f *Func) int: the line of f's declaration, gc's
// startLine; 0 for a function of gort's host runtime, which has none.
func nativeFuncStartLine(mp *m, gp *g, fp uintptr) int {
	f, ok, st := funcAtEntry(mp, gp, uintptr(mp.vm.ld(fp)))
	if !ok {
		return st
	}
	line := 0
	if f.fn != nil {
		line = f.fn.Line
	}
	mp.vm.st(fp+8, uint64(int64(line)))
	return stContinue
}

// funcline(f *Func, pc uintptr) (file string, line int)
func nativeFuncline(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	f, ok, st := funcAtEntry(mp, gp, uintptr(vm.ld(fp)))
	if !ok {
		return st
	}
	// A pc outside f reads as f's entry, as gc's non-strict lookup
	// answers.
	at, ok := vm.findfunc(uintptr(vm.ld(fp + 8)))
	if !ok || vm.entry(at) != vm.entry(f) {
		at = f
	}
	file, line := vm.fileLine(at)
	putString(mp, fp+16, file)
	vm.st(fp+32, uint64(int64(line)))
	return stContinue
}

// Stack(buf []byte, all bool) int
func nativeStack(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	p, n := uintptr(vm.ld(fp)), uintptr(vm.ld(fp+8))
	written := 0
	if n > 0 {
		written = stackTrace(vm, gp, p, n, vm.ld8(fp+24) != 0)
	}
	vm.st(fp+32, uint64(written))
	return stContinue
}

// The toolchain natives: what gc's runtime knows about its build and host.

// NumCPU() int: the host's, as the real runtime counts it at start.
func nativeNumCPU(mp *m, gp *g, fp uintptr) int {
	mp.vm.st(fp, uint64(hostruntime.NumCPU()))
	return stContinue
}

// Version() string: the version of the toolchain gort was built with,
// whose $GOROOT the program is loaded from.
func nativeVersion(mp *m, gp *g, fp uintptr) int {
	putString(mp, fp, hostruntime.Version())
	return stContinue
}

// GOROOT() string
func nativeGOROOT(mp *m, gp *g, fp uintptr) int {
	putString(mp, fp, goroot())
	return stContinue
}

// goroot is $GOROOT if set, else the build toolchain's root: where the
// program's standard library and the real runtime's source come from.
func goroot() string {
	if root := os.Getenv("GOROOT"); root != "" {
		return root
	}
	return hostruntime.GOROOT()
}
