package runtime

import (
	"bufio"
	"os"
	"path/filepath"
	hostruntime "runtime"
	"strings"
	"sync"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Tracebacks print goroutines as the real runtime does, with gc's function
// names and file:line of each call. Wrappers and the runtime's own frames
// are elided, except the frames gc shows too: a panic that runs a deferred
// call appears as "panic(...)" between the deferred call and the panicking
// frame, and runtime.Goexit likewise. gort has no machine code, so the +0x
// offsets are the instruction index, and frame arguments print as "(...)".

func printGoroutine(vm *vm, gp *g, running bool) {
	status := "running"
	if !running {
		status = gp.waitreason
		if status == "" {
			status = "runnable"
		}
	}
	printstr(vm, "goroutine "+itoa(gp.goid)+" ["+status+"]:\n")
	traceback(vm, gp)
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
func traceback(vm *vm, gp *g) {
	total := 0
	walkFrames(vm, gp, func(func()) { total++ })
	elide := total - tracebackInnerFrames - tracebackOuterFrames
	i := 0
	walkFrames(vm, gp, func(print func()) {
		switch {
		case elide <= 0 || i < tracebackInnerFrames || i >= tracebackInnerFrames+elide:
			print()
		case i == tracebackInnerFrames:
			printstr(vm, "..."+itoa(int64(elide))+" frames elided...\n")
		}
		i++
	})
}

// walkFrames calls frame for each frame a traceback of gp shows, from the
// top, with the function that prints it.
func walkFrames(vm *vm, gp *g, frame func(print func())) {
	fn, fp, pc := gp.fn, gp.fp, gp.pc-1
	for fn != nil {
		if showFrame(fn, pc) {
			fn, pc := fn, pc
			frame(func() {
				args := "()"
				if fn.ArgSize > 0 || fn.CapturesAsArgs {
					args = "(...)"
				}
				printstr(vm, fn.Name+args+"\n")
				printLocation(vm, fn, pc)
			})
		}
		ret, _ := loadRet(fp)
		caller, callerFP, ok := callerOf(vm, gp, gp.stack, fp)
		if !ok {
			break
		}
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
				if p.goexit {
					frame(func() { printRuntimeFrame(vm, "runtime.Goexit()", "Goexit") })
				} else {
					frame(func() { printRuntimeFrame(vm, "panic(...)", "gopanic") })
				}
			}
		}
	}
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

func loadRet(fp uintptr) (uint64, bool) { return arena.Load64(fp - 8) }

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

func posString(vm *vm, fn *bytecode.Func, pc int32) string {
	if pc >= 0 && int(pc) < len(fn.Pos) && fn.Pos[pc].IsValid() {
		p := vm.prog.Fset.Position(fn.Pos[pc])
		return p.Filename + ":" + itoa(int64(p.Line))
	}
	return fn.File + ":" + itoa(int64(fn.Line))
}

// printRuntimeFrame prints a frame of the real runtime's panic.go that gc's
// tracebacks show: the line in function fn that calls a deferred function.
// gort's defer loop is host code, so the location comes from the source of
// the toolchain gort was built for.
func printRuntimeFrame(vm *vm, name, fn string) {
	file, line := deferCallSite(fn)
	printstr(vm, name+"\n\t"+file+":"+itoa(int64(line))+" +0x0\n")
}

var (
	deferCallOnce  sync.Once
	deferCallLines map[string]int
	panicGoFile    string
)

// deferCallSite returns where $GOROOT/src/runtime/panic.go's function fn
// (gopanic or Goexit) calls a deferred function: the first line of the
// function's body that is exactly "fn()". The line is 0 if the source is
// missing or has changed shape.
func deferCallSite(fn string) (string, int) {
	deferCallOnce.Do(func() {
		goroot := os.Getenv("GOROOT")
		if goroot == "" {
			goroot = hostruntime.GOROOT()
		}
		panicGoFile = filepath.Join(goroot, "src", "runtime", "panic.go")
		deferCallLines = map[string]int{}
		f, err := os.Open(panicGoFile)
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		current := ""
		for n := 1; sc.Scan(); n++ {
			text := sc.Text()
			if name, ok := strings.CutPrefix(text, "func "); ok {
				current, _, _ = strings.Cut(name, "(")
				continue
			}
			if strings.TrimSpace(text) == "fn()" && deferCallLines[current] == 0 {
				deferCallLines[current] = n
			}
		}
	})
	return panicGoFile, deferCallLines[fn]
}

func hexDigits(v uint64) string { return hex(v)[2:] }

// printAllGoroutines prints every live goroutine, as the deadlock report
// does: a blank line before each.
func printAllGoroutines(vm *vm) {
	for _, gp := range vm.allgs {
		if gp.atomicstatus.Load() == _Gdead {
			continue
		}
		printstr(vm, "\n")
		printGoroutine(vm, gp, false)
	}
	flushOutput(vm)
}
