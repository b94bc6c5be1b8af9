package runtime

import (
	"bufio"
	"os"
	"path/filepath"
	hostruntime "runtime"
	"strings"

	"gort/internal/bytecode"
)

// Tracebacks print goroutines as the real runtime does, with gc's function
// names and file:line of each call. Wrappers and the runtime's own frames
// are elided, except the frames gc shows too: a panic that runs a deferred
// call appears as "panic(...)" between the deferred call and the panicking
// frame, and runtime.Goexit likewise. gort has no machine code, so the +0x
// offsets are the instruction index, and frame arguments print as "(...)".
//
// A fatal signal (a fault) escalates the traceback to the real runtime's
// "system" level, as gotraceback does for a crash: every goroutine, each
// header with gp=, m= and mp=, the real runtime's frames around the
// program's (runtime.throw and runtime.sigpanic on top of the faulting
// frame, runtime.main at the bottom of the main goroutine, runtime.goexit at
// the bottom of every goroutine, runtime.gopark on top of a parked one) and
// fp=, sp= and pc= on each location line. Wrappers, gort's own runtime
// functions other than runtime.main, and the runtime frames gc would show
// for a blocking operation (chanrecv, selectgo, ...), which run as host code
// in gort, stay hidden. The numbers are gort's own, not a machine's:
//
//   - gp= is the g's index in vm.allgs (how arena memory names a g), m= and
//     mp= the M's id;
//   - a VM frame's fp= is its frame pointer and sp= where its callee's call
//     header starts, or for the innermost frame the end of the frame (gort's
//     stacks grow up, and a callee's arguments lie in its caller's frame);
//   - a VM frame's pc= is its function's code pointer plus the instruction
//     index, so that pc minus the +0x offset is the function's entry, as in
//     gc. (Code pointers are 16 bytes apart, so a pc names an instruction
//     only together with its function.)
//   - the real runtime's frames run as host code: they print pc=0x0, with
//     fp= and sp= where they stand on the VM stack, taking none of it.
//
// Their file:line is found in the source of the toolchain gort was built
// for (runtimeCallSite), never written down here.

// A tracebackLevel is how much of a goroutine a traceback shows, as the
// real runtime's GOTRACEBACK levels: the program's frames, or (system) the
// runtime's too, with frame addresses.
type tracebackLevel int

const (
	tracebackUser tracebackLevel = iota
	tracebackSystem
)

func printGoroutine(vm *vm, gp *g, running bool) {
	printGoroutineLevel(vm, gp, running, tracebackUser, nil)
}

// printGoroutineLevel prints gp at level; top, if not nil, prints the
// runtime's frames above gp's own.
func printGoroutineLevel(vm *vm, gp *g, running bool, level tracebackLevel, top func()) {
	status := "running"
	if !running {
		status = gp.waitreason
		if status == "" {
			status = "runnable"
		}
	}
	if level == tracebackSystem && inInitTasks(vm, gp) {
		// The real runtime.main locks the main goroutine to its thread
		// while the init tasks run; a panic's deferred calls unlock it
		// before the report, a fault's report comes first.
		status += ", locked to thread"
	}
	header := "goroutine " + itoa(gp.goid)
	if level == tracebackSystem {
		header += " gp=" + hex(uint64(gp.index))
		if running && gp.m != nil {
			header += " m=" + itoa(gp.m.id) + " mp=" + hex(uint64(gp.m.id))
		} else {
			header += " m=nil"
		}
	}
	printstr(vm, header+" ["+status+"]:\n")
	if top != nil {
		top()
	}
	traceback(vm, gp, level)
	if gp.parentGoid != 0 && gp.gopcFn != nil {
		printstr(vm, "created by "+gp.gopcFn.Name+" in goroutine "+itoa(gp.parentGoid)+"\n")
		printLocation(vm, gp.gopcFn, gp.gopc-1)
	}
}

// Like the real runtime, a traceback of more than tracebackInnerFrames +
// tracebackOuterFrames frames prints the innermost and the outermost ones
// and says how many it left out between them.
const (
	tracebackInnerFrames = 50
	tracebackOuterFrames = 50
)

// traceback prints gp's frames from the top.
func traceback(vm *vm, gp *g, level tracebackLevel) {
	total := 0
	walkFrames(vm, gp, level, func(func()) { total++ })
	elide := total - tracebackInnerFrames - tracebackOuterFrames
	i := 0
	walkFrames(vm, gp, level, func(print func()) {
		switch {
		case elide <= 0 || i < tracebackInnerFrames || i >= tracebackInnerFrames+elide:
			print()
		case i == tracebackInnerFrames:
			printstr(vm, "..."+itoa(int64(elide))+" frames elided...\n")
		}
		i++
	})
}

// walkFrames calls frame for each frame a traceback of gp at level shows,
// from the top, with the function that prints it.
func walkFrames(vm *vm, gp *g, level tracebackLevel, frame func(print func())) {
	fn, fp, pc := gp.fn, gp.fp, gp.pc-1
	sp := topSP(gp)
	if level == tracebackUser {
		if name, site, ok := parkedInLinkname(vm, gp); ok {
			frame(func() {
				file, line := runtimeCallSite(vm, site.file, site.fn, "", site.stmt)
				printstr(vm, name+"(...)\n\t"+file+":"+itoa(int64(line))+" +0x0\n")
			})
		}
	}
	var callee *bytecode.Func
	for fn != nil {
		switch {
		case showFrame(fn, pc):
			fn, fp, sp, pc := fn, fp, sp, pc
			inlined := fn.Inlinable && calledDirectly(vm, fn, fp)
			frame(func() {
				args := "()"
				if fn.HasParams || fn.CapturesAsArgs || inlined {
					args = "(...)"
				}
				printstr(vm, fn.Name+args+"\n")
				printFrameLocation(vm, fn, fp, sp, pc, level)
			})
		case level == tracebackSystem && fn.Index == vm.prog.RuntimeMain:
			fn, fp, sp, pc, callee := fn, fp, sp, pc, callee
			frame(func() { printRuntimeMain(vm, fn, fp, sp, pc, callee) })
		}
		ret, _ := loadRet(vm, fp)
		caller, callerFP, ok := callerOf(vm, gp, gp.stack, fp)
		if !ok {
			break
		}
		callee, sp = fn, fp-bytecode.HeaderSize
		fn, fp, pc = caller, callerFP, callSite(caller, int32(uint32(ret)))
		if marker := uint32(ret); marker >= retMarker {
			// The runtime pushed the frame above on behalf of a panic or
			// Goexit raised in this one.
			p := panicAtFrame(gp, fp)
			pc = -1
			if p != nil {
				pc = p.sitePC - 1
			}
			if marker == retDeferPanic && p != nil {
				at := sp
				if p.goexit {
					frame(func() { printDeferringFrame(vm, "runtime.Goexit()", "Goexit", level, at) })
				} else {
					frame(func() { printDeferringFrame(vm, "panic(...)", "gopanic", level, at) })
				}
			}
		}
	}
	if level == tracebackSystem && fp == gp.stack.lo+bytecode.HeaderSize {
		// Every goroutine's entry function returns to goexit just past
		// its first instruction, a NOP, as the real newproc arranges; a
		// traceback names the instruction before a return address.
		frame(func() {
			file, line := runtimeCallSite(vm, "asm_amd64.s", "runtime·goexit", "", "BYTE $0x90")
			printstr(vm, "runtime.goexit({})\n\t"+file+":"+itoa(int64(line))+" +0x1"+frameRegs(gp.stack.lo, gp.stack.lo, 0)+"\n")
		})
	}
}

// The blocking sync primitives, and sync's fatal errors, are functions of
// the real runtime that it pushes into sync by linkname, so gc names them
// by the package they are pushed to and a traceback shows them above their
// caller, where the runtime's own frames (semacquire1, gopark, fatal) stay
// hidden. gort's are natives, with no frame: linknameFrames says, for each,
// the runtime's file, its function there and the statement of its body that
// parks or dies.
type linknameFrame struct{ file, fn, stmt string }

var linknameFrames = map[string]linknameFrame{
	"sync.runtime_Semacquire":               {"sema.go", "sync_runtime_Semacquire", "semacquire1("},
	"sync.runtime_SemacquireWaitGroup":      {"sema.go", "sync_runtime_SemacquireWaitGroup", "semacquire1("},
	"sync.runtime_SemacquireRWMutexR":       {"sema.go", "sync_runtime_SemacquireRWMutexR", "semacquire1("},
	"sync.runtime_SemacquireRWMutex":        {"sema.go", "sync_runtime_SemacquireRWMutex", "semacquire1("},
	"internal/sync.runtime_SemacquireMutex": {"sema.go", "internal_sync_runtime_SemacquireMutex", "semacquire1("},
	"internal/poll.runtime_Semacquire":      {"sema.go", "poll_runtime_Semacquire", "semacquire1("},
	"sync.runtime_notifyListWait":           {"sema.go", "notifyListWait", "goparkunlock("},
	"sync.fatal":                            {"panic.go", "sync_fatal", "fatal("},
	"internal/sync.fatal":                   {"panic.go", "internal_sync_fatal", "fatal("},
}

// parkedInLinkname reports whether gp stopped in one of linknameFrames'
// natives, and which: parked in one, or running one that ends the program.
// A native leaves gp's pc just past its call, or (a semaphore acquire,
// which runs again when readied) on it.
func parkedInLinkname(vm *vm, gp *g) (string, linknameFrame, bool) {
	if gp.fn == nil {
		return "", linknameFrame{}, false
	}
	pcs := []int32{gp.pc - 1}
	switch gp.atomicstatus.Load() {
	case _Gwaiting:
		pcs = append(pcs, gp.pc)
	case _Grunning:
	default:
		return "", linknameFrame{}, false
	}
	for _, pc := range pcs {
		if pc < 0 || int(pc) >= len(gp.fn.Code) {
			continue
		}
		in := gp.fn.Code[pc]
		if in.Op != bytecode.CALL || int(in.B) >= len(vm.prog.Funcs) {
			continue
		}
		name := vm.prog.Funcs[in.B].Native
		if site, ok := linknameFrames[name]; ok && (site.file == "panic.go") == (len(pcs) == 1) {
			return name, site, true
		}
	}
	return "", linknameFrame{}, false
}

// calledDirectly reports whether fn's frame at fp was called by a CALL of
// fn itself, a call gc may have inlined (not through a func value, an
// interface, a go or defer statement or the runtime).
func calledDirectly(vm *vm, fn *bytecode.Func, fp uintptr) bool {
	ret, ok := loadRet(vm, fp)
	fi, rpc := uint32(ret>>32), uint32(ret)
	if !ok || rpc >= retMarker || fi >= uint32(len(vm.prog.Funcs)) {
		return false
	}
	caller := vm.prog.Funcs[fi]
	pc := callSite(caller, int32(rpc))
	if pc < 0 || int(pc) >= len(caller.Code) {
		return false
	}
	in := caller.Code[pc]
	return in.Op == bytecode.CALL && in.B == fn.Index
}

// inInitTasks reports whether gp is the main goroutine running an init
// task, a call runtime.main makes before it calls main.main.
func inInitTasks(vm *vm, gp *g) bool {
	if gp != vm.mainG {
		return false
	}
	fn, fp := gp.fn, gp.fp
	var callee *bytecode.Func
	for fn != nil && fn.Index != vm.prog.RuntimeMain {
		caller, callerFP, ok := callerOf(vm, gp, gp.stack, fp)
		if !ok {
			return false
		}
		callee, fn, fp = fn, caller, callerFP
	}
	return fn != nil && isInitTask(vm, callee)
}

func isInitTask(vm *vm, callee *bytecode.Func) bool {
	return callee != nil && callee.Index != vm.prog.MainMain
}

// printRuntimeMain prints the frame of gort's runtime.main, which calls
// the init tasks and main.main, as the real runtime's frames for the same
// call: runtime.main calling main.main, or, for an init task,
// runtime.doInit1 calling it from runtime.doInit (inlined) from
// runtime.main.
func printRuntimeMain(vm *vm, fn *bytecode.Func, fp, sp uintptr, pc int32, callee *bytecode.Func) {
	off := " +0x" + hexDigits(uint64(max(pc, 0)))
	regs := frameRegs(fp, sp, framePC(fn, pc))
	if isInitTask(vm, callee) {
		file, line := runtimeCallSite(vm, "proc.go", "doInit1", "", "f()")
		printstr(vm, "runtime.doInit1(...)\n\t"+file+":"+itoa(int64(line))+off+regs+"\n")
		file, line = runtimeCallSite(vm, "proc.go", "doInit", "", "doInit1(t)")
		printstr(vm, "runtime.doInit(...)\n\t"+file+":"+itoa(int64(line))+"\n")
		file, line = runtimeCallSite(vm, "proc.go", "main", "", "doInit(m.inittasks)")
		printstr(vm, "runtime.main()\n\t"+file+":"+itoa(int64(line))+off+regs+"\n")
		return
	}
	file, line := runtimeCallSite(vm, "proc.go", "main", "", "fn()")
	printstr(vm, "runtime.main()\n\t"+file+":"+itoa(int64(line))+off+regs+"\n")
}

// callSite is the pc of the call that returns to ret in fn: the instruction
// before it, except for a deferred call made at a return, which returns to
// the RunDefers instruction itself to run it again for the next one.
func callSite(fn *bytecode.Func, ret int32) int32 {
	if ret >= 0 && int(ret) < len(fn.Code) {
		if in := fn.Code[ret]; in.Op == bytecode.RT && in.K == bytecode.RtRunDefers {
			return ret
		}
	}
	return ret - 1
}

// panicAtFrame returns the newest panic (or Goexit) raised in the frame at
// fp, or nil.
func panicAtFrame(gp *g, fp uintptr) *_panic {
	for p := gp._panic; p != nil; p = p.link {
		if p.siteFP == frameID(gp, fp) {
			return p
		}
	}
	return nil
}

func loadRet(vm *vm, fp uintptr) (uint64, bool) { return vm.mem.Load64(fp - 8) }

// showFrame reports whether a traceback prints fn's frame stopped at pc.
// Wrappers and the runtime are hidden. So is a package's variable
// initialiser while it calls the package's init functions: go/ssa makes it
// call them (at no source position), where in gc the runtime does.
func showFrame(fn *bytecode.Func, pc int32) bool {
	if fn.Wrapper || isRuntimeFunc(fn) {
		return false
	}
	if strings.HasSuffix(fn.Name, ".init") && (pc < 0 || int(pc) >= len(fn.Pos) || !fn.Pos[pc].IsValid()) {
		return false
	}
	return true
}

func isRuntimeFunc(fn *bytecode.Func) bool {
	return len(fn.Name) > 8 && fn.Name[:8] == "runtime."
}

func printLocation(vm *vm, fn *bytecode.Func, pc int32) {
	printstr(vm, "\t"+posString(vm, fn, pc)+" +0x"+hexDigits(uint64(max(pc, 0)))+"\n")
}

// printFrameLocation prints the location line of fn's frame at fp, ending
// at sp, stopped at pc, with the frame's addresses at the system level.
func printFrameLocation(vm *vm, fn *bytecode.Func, fp, sp uintptr, pc int32, level tracebackLevel) {
	regs := ""
	if level == tracebackSystem {
		regs = frameRegs(fp, sp, framePC(fn, pc))
	}
	printstr(vm, "\t"+posString(vm, fn, pc)+" +0x"+hexDigits(uint64(max(pc, 0)))+regs+"\n")
}

func frameRegs(fp, sp, pc uintptr) string {
	return " fp=" + hex(uint64(fp)) + " sp=" + hex(uint64(sp)) + " pc=" + hex(uint64(pc))
}

// frameSP is the end of fn's frame at fp.
func frameSP(fn *bytecode.Func, fp uintptr) uintptr { return fp + uintptr(fn.FrameSize) }

// framePC is the pc= of fn stopped at instruction pc.
func framePC(fn *bytecode.Func, pc int32) uintptr { return fn.Text + uintptr(max(pc, 0)) }

// topSP is where a frame pushed on top of gp's innermost frame would start.
func topSP(gp *g) uintptr { return frameSP(gp.fn, gp.fp) }

func posString(vm *vm, fn *bytecode.Func, pc int32) string {
	if pc >= 0 && int(pc) < len(fn.Pos) && fn.Pos[pc].IsValid() {
		file, line := vm.srcPos(fn.Pos[pc])
		return file + ":" + itoa(int64(line))
	}
	return absFile(fn.File) + ":" + itoa(int64(fn.Line))
}

// printDeferringFrame prints the frame of the real runtime's panic.go that
// gc's tracebacks show between a deferred call and the frame that panicked
// or called Goexit: the line in function fn that calls a deferred function.
// gort's defer loop is host code, standing at at on the VM stack.
func printDeferringFrame(vm *vm, name, fn string, level tracebackLevel, at uintptr) {
	if level == tracebackSystem {
		printHostFrame(vm, name, "panic.go", fn, "", "fn()", at)
		return
	}
	file, line := runtimeCallSite(vm, "panic.go", fn, "", "fn()")
	printstr(vm, name+"\n\t"+file+":"+itoa(int64(line))+" +0x0\n")
}

// printHostFrame prints, at the system level, a frame of the real runtime
// that gort runs as host code, standing at at on the VM stack: name, and
// the line of $GOROOT/src/runtime/file that runtimeCallSite finds.
func printHostFrame(vm *vm, name, file, fn, after, stmt string, at uintptr) {
	path, line := runtimeCallSite(vm, file, fn, after, stmt)
	printstr(vm, name+"\n\t"+path+":"+itoa(int64(line))+" +0x0"+frameRegs(at, at, 0)+"\n")
}

// runtimeCallSite returns where the real runtime's function fn, in
// $GOROOT/src/runtime/file, makes the call that gc's tracebacks show: the
// first line of fn's body whose statement starts with stmt (spacing aside),
// after a line that is after, if after is not empty. fn is a Go function's
// name ("gopanic", "main", not a method) or an assembly TEXT symbol
// ("runtime·goexit"). The line is 0 if the source is missing or has changed
// shape.
func runtimeCallSite(vm *vm, file, fn, after, stmt string) (string, int) {
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = hostruntime.GOROOT()
	}
	path := filepath.Join(goroot, "src", "runtime", file)
	lines := runtimeSourceLines(vm, file, path)
	current, seen := "", after == ""
	for i, text := range lines {
		text = strings.Join(strings.Fields(text), " ")
		if name, ok := strings.CutPrefix(text, "func "); ok {
			current, _, _ = strings.Cut(name, "(")
			seen = after == ""
			continue
		}
		if name, ok := strings.CutPrefix(text, "TEXT "); ok {
			current, _, _ = strings.Cut(name, "(")
			seen = after == ""
			continue
		}
		if current != fn {
			continue
		}
		switch {
		case !seen:
			seen = text == after
		case strings.HasPrefix(text, stmt):
			return path, i + 1
		}
	}
	return path, 0
}

func runtimeSourceLines(vm *vm, file, path string) []string {
	runtimeSource := &vm.runtimeSource
	runtimeSource.lock.Lock()
	defer runtimeSource.lock.Unlock()
	lines, ok := runtimeSource.files[file]
	if !ok {
		if f, err := os.Open(path); err == nil {
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			f.Close()
		}
		if runtimeSource.files == nil {
			runtimeSource.files = map[string][]string{}
		}
		runtimeSource.files[file] = lines
	}
	return lines
}

func hexDigits(v uint64) string { return hex(v)[2:] }

// printAllGoroutines prints every live goroutine, as the deadlock report
// does: a blank line before each.
func printAllGoroutines(vm *vm) {
	printOtherGoroutines(vm, nil, tracebackUser)
	flushOutput(vm)
}

// printOtherGoroutines prints every live goroutine but skip at level, a
// blank line before each.
func printOtherGoroutines(vm *vm, skip *g, level tracebackLevel) {
	for _, gp := range vm.allgs {
		if gp == skip || gp.atomicstatus.Load() == _Gdead || gp.system {
			// The real runtime shows its own goroutines only at the
			// system level; gort leaves the finalizer goroutine out
			// there too, as it starts it later (at the first queued
			// finalizer, not the first SetFinalizer).
			continue
		}
		if !scannable(gp) {
			// It runs on another M, whose registers are not saved: the
			// real runtime prints the same when it cannot stop a thread.
			printstr(vm, "\ngoroutine "+itoa(gp.goid)+" [running]:\n\tgoroutine running on other thread; stack unavailable\n")
			continue
		}
		var top func()
		if level == tracebackSystem && gp.atomicstatus.Load() == _Gwaiting {
			top = func() {
				printHostFrame(vm, "runtime.gopark(...)", "proc.go", "gopark", "", "mcall(park_m)", topSP(gp))
			}
		}
		printstr(vm, "\n")
		printGoroutineLevel(vm, gp, false, level, top)
	}
}

// printFaultGoroutine prints, at the system level, the goroutine whose
// access faulted: the real runtime's sigpanic, which the signal handler
// makes the faulting frame call, throws "fault".
func printFaultGoroutine(vm *vm, gp *g) {
	printGoroutineLevel(vm, gp, true, tracebackSystem, func() {
		at := topSP(gp)
		printHostFrame(vm, "runtime.throw(...)", "panic.go", "throw", "", "fatalthrow(", at)
		printHostFrame(vm, "runtime.sigpanic()", "signal_unix.go", "sigpanic", "case _SIGSEGV:", `throw("fault")`, at)
	})
}
