package runtime

import (
	"gort/internal/bytecode"
)

// Tracebacks print goroutines as the real runtime does, with gc's function
// names and file:line of each call. Wrappers and the runtime's own frames
// are elided. gort has no machine code, so the +0x offsets are the
// instruction index, and frame arguments print as "(...)".

func printGoroutine(gp *g, running bool) {
	status := "running"
	if !running {
		status = gp.waitreason
		if status == "" {
			status = "runnable"
		}
	}
	printstr("goroutine " + itoa(gp.goid) + " [" + status + "]:\n")
	traceback(gp)
	if gp.parentGoid != 0 && gp.startFn != nil {
		printstr("created by " + parentName(gp) + " in goroutine " + itoa(gp.parentGoid) + "\n")
		printstr("\t" + gp.startFn.File + ":" + itoa(int64(gp.startFn.Line)) + " +0x0\n")
	}
}

func parentName(gp *g) string { return gp.startFn.Name }

// traceback walks gp's frames from the top.
func traceback(gp *g) {
	fn, fp, pc := gp.fn, gp.fp, gp.pc-1
	for fn != nil {
		if !fn.Wrapper && !isRuntimeFunc(fn) {
			args := "()"
			if fn.ArgSize > 0 {
				args = "(...)"
			}
			printstr(fn.Name + args + "\n")
			printstr("\t" + posString(fn, pc) + " +0x" + hexDigits(uint64(pc)) + "\n")
		}
		caller, callerFP, ok := callerOf(gp, gp.stack, fp)
		if !ok {
			break
		}
		ret, _ := loadRet(fp)
		fn, fp, pc = caller, callerFP, int32(uint32(ret))-1
		if uint32(ret) >= retMarker {
			pc = 0
		}
	}
}

func loadRet(fp uintptr) (uint64, bool) {
	v := ld(fp - 8)
	return v, true
}

func isRuntimeFunc(fn *bytecode.Func) bool {
	return len(fn.Name) > 8 && fn.Name[:8] == "runtime."
}

func posString(fn *bytecode.Func, pc int32) string {
	if pc >= 0 && int(pc) < len(fn.Pos) && fn.Pos[pc].IsValid() {
		p := prog.Fset.Position(fn.Pos[pc])
		return p.Filename + ":" + itoa(int64(p.Line))
	}
	return fn.File + ":" + itoa(int64(fn.Line))
}

func hexDigits(v uint64) string { return hex(v)[2:] }

// printAllGoroutines prints every live goroutine, as the deadlock report
// does: a blank line before each.
func printAllGoroutines() {
	for _, gp := range allgs {
		if gp.atomicstatus.Load() == _Gdead {
			continue
		}
		printstr("\n")
		printGoroutine(gp, false)
	}
	flushOutput()
}
