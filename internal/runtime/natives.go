package runtime

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"strconv"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Natives implement the bodyless functions of gort's runtime package (and,
// later, the standard library's hooks). They are leaves (DESIGN.md §4.1):
// they never call interpreted code, and a blocking native parks the
// goroutine and finishes in a resume step. Each reads its arguments from
// the ABI0 block at fp and writes its results after them.

type nativeFunc func(mp *m, gp *g, fp uintptr) int

// unlockedNatives are the natives that touch nothing but arena memory and
// their own M (atomics, byte searches, math): the interpreter calls them
// without the runtime lock (rtlock.go). They never park and never read or
// write the runtime's host state; one that faults panics as any native.
var unlockedNatives = map[string]bool{}

var nativeTable = map[string]nativeFunc{
	"runtime.exit": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		v := vm.ld32(fp)
		flushOutput(vm)
		setExit(vm, int(int32(v)))
		return stStop
	},
	"runtime.Gosched": func(mp *m, gp *g, fp uintptr) int {
		gosched(mp, gp)
		return stStop
	},
	"runtime.Goexit": func(mp *m, gp *g, fp uintptr) int {
		return goexit(mp, gp)
	},
	"runtime.NumGoroutine": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		vm.st(fp, uint64(gcount(vm)-vm.nsystem))
		return stContinue
	},
	// GOMAXPROCS(n int) int: with n > 0 the world stops and the Ps are
	// resized (procresize). A deterministic VM keeps its one P and M and
	// only records the setting, which GOMAXPROCS reports.
	"runtime.GOMAXPROCS": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		n := int64(vm.ld(fp))
		prev := vm.procsSetting()
		vm.st(fp+8, uint64(prev))
		if n <= 0 || n == int64(prev) {
			return stContinue
		}
		n = min(n, maxProcs)
		if !vm.parallel {
			vm.procsRecorded = int32(n)
			return stContinue
		}
		stopTheWorld(mp)
		procresize(vm, mp, int32(n))
		startTheWorld(mp)
		return stContinue
	},
	// Breakpoint traps, and with no debugger attached the trap ends the
	// program as the real one's SIGTRAP does.
	"runtime.Breakpoint": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		printstr(vm, "SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\n")
		printTraceback(vm, func() { printGoroutine(vm, gp, true) })
		exitVM(2)
		return stStop
	},
	// The program-visible API (symtab.go, mstats.go, mfinal.go).
	"runtime.Caller":        nativeCaller,
	"runtime.Callers":       nativeCallers,
	"runtime.FuncForPC":     nativeFuncForPC,
	"runtime.funcname":      nativeFuncname,
	"runtime.funcentry":     nativeFuncentry,
	"runtime.funcline":      nativeFuncline,
	"runtime.funcStartLine": nativeFuncStartLine,
	"runtime.Stack":         nativeStack,
	"runtime.NumCPU":        nativeNumCPU,
	"runtime.Version":       nativeVersion,
	"runtime.GOROOT":        nativeGOROOT,
	"runtime.readmemstats":  nativeReadmemstats,
	"runtime.SetFinalizer":  nativeSetFinalizer,
	"runtime.findObject":    nativeFindObject,
	"runtime.closesOver":    nativeClosesOver,
	"runtime.typestring": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := typeOrNil(vm, uintptr(vm.ld(fp)))
		s := "<nil>"
		if t != nil {
			s = t.String
		}
		putString(mp, fp+8, s)
		return stContinue
	},
	"runtime.typepkgpath": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := typeOrNil(vm, uintptr(vm.ld(fp)))
		s := ""
		if t != nil {
			s = t.PkgPath
		}
		putString(mp, fp+8, s)
		return stContinue
	},
	"runtime.panicCount": func(mp *m, gp *g, fp uintptr) int {
		n := 0
		for p := gp._panic; p != nil; p = p.link {
			n++
		}
		mp.vm.st(fp, uint64(n))
		return stContinue
	},
	"runtime.panicAt": func(mp *m, gp *g, fp uintptr) int {
		i := int(mp.vm.ld(fp))
		p := gp._panic
		for ; i > 0 && p != nil; i-- {
			p = p.link
		}
		if p == nil {
			return stContinue
		}
		mp.vm.st(fp+8, p.arg[0])
		mp.vm.st(fp+16, p.arg[1])
		mp.vm.mem.Store8(fp+24, uint8(b2u(p.recovered)))
		mp.vm.mem.Store8(fp+25, uint8(b2u(p.repanicked)))
		mp.vm.mem.Store8(fp+26, uint8(b2u(p.goexit)))
		return stContinue
	},
	"runtime.printpanicstack": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		if p := gp._panic; p != nil && p.sigpanic {
			printstr(vm, "[signal SIGSEGV: segmentation violation code=0x1 addr="+hex(uint64(p.sigaddr))+" pc=0x0]\n")
		}
		printstr(vm, "\n")
		// The traceback starts below runtime.fatalpanic's frame: walk
		// from the current goroutine state, skipping runtime frames.
		printGoroutine(vm, gp, true)
		flushOutput(vm)
		return stContinue
	},
	"runtime.fatalthrow": func(mp *m, gp *g, fp uintptr) int {
		fatal(loadString(mp.vm, fp))
		return stStop
	},
	"runtime.efacekind": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := typeOrNil(vm, uintptr(vm.ld(fp)))
		if t != nil {
			vm.st(fp+16, uint64(t.Kind))
		}
		vm.st(fp+24, vm.ld(fp))
		return stContinue
	},
	"runtime.efacestring": func(mp *m, gp *g, fp uintptr) int {
		data := uintptr(mp.vm.ld(fp + 8))
		mp.vm.st(fp+16, mp.vm.ld(data))
		mp.vm.st(fp+24, mp.vm.ld(data+8))
		return stContinue
	},
	"runtime.efacedata": func(mp *m, gp *g, fp uintptr) int {
		mp.vm.st(fp+16, mp.vm.ld(fp+8))
		return stContinue
	},
	"runtime.printscalar": func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := typeAt(vm, uintptr(vm.ld(fp)))
		data := uintptr(vm.ld(fp + 8))
		tmp := make([]uint64, 2)
		if t.Size > 16 {
			panic(arena.Fault{Addr: fp}) // a forged type word: no scalar
		}
		if t.DirectIface {
			tmp[0] = uint64(data)
		} else {
			b := vm.bytesAt(data, t.Size)
			for i, c := range b {
				tmp[i/8] |= uint64(c) << (8 * (i % 8))
			}
			if isNarrow(t.Class) {
				tmp[0] = extend(tmp[0], t.Class)
			}
		}
		printScalarWords(vm, tmp, t)
		return stContinue
	},
}

func printScalarWords(vm *vm, w []uint64, t *bytecode.Type) {
	switch t.Kind {
	case bytecode.Bool:
		printstr(vm, strconv.FormatBool(w[0] != 0))
	case bytecode.Int, bytecode.Int8, bytecode.Int16, bytecode.Int32, bytecode.Int64:
		printstr(vm, strconv.FormatInt(int64(w[0]), 10))
	case bytecode.Uint, bytecode.Uint8, bytecode.Uint16, bytecode.Uint32, bytecode.Uint64:
		printstr(vm, strconv.FormatUint(w[0], 10))
	case bytecode.Uintptr:
		printstr(vm, hex(w[0]))
	case bytecode.Float32:
		printstr(vm, strconv.FormatFloat(float64(f32(w[0])), 'g', -1, 32))
	case bytecode.Float64:
		printstr(vm, strconv.FormatFloat(f64(w[0]), 'g', -1, 64))
	case bytecode.Complex64:
		printstr(vm, strconv.FormatComplex(complex(float64(f32(w[0])), float64(f32(w[0]>>32))), 'g', -1, 64))
	case bytecode.Complex128:
		printstr(vm, strconv.FormatComplex(complex(f64(w[0]), f64(w[1])), 'g', -1, 128))
	}
}

// putString stores a new arena string's header at p.
func putString(mp *m, p uintptr, s string) {
	h := newString(mp, s)
	mp.vm.st(p, h[0])
	mp.vm.st(p+8, h[1])
}

// bindNatives binds every bodyless function to its native. A function with
// no native is an error naming it, raised when the program would call it.
func bindNatives(vm *vm) error {
	vm.natives = make([]nativeFunc, len(vm.prog.Funcs))
	vm.nativeUnlocked = make([]bool, len(vm.prog.Funcs))
	for i, f := range vm.prog.Funcs {
		if f.Native == "" {
			continue
		}
		if nf := nativeTable[f.Native]; nf != nil {
			vm.natives[i] = nf
			vm.nativeUnlocked[i] = unlockedNatives[f.Native]
			continue
		}
		name := f.Native
		vm.natives[i] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			flushOutput(vm)
			// gp.pc is past the call: the call's own position.
			fmt.Fprintf(vm.stderr, "gort: unsupported: native %s (called from %s) at %s\n", name, gp.fn.Name, relPos(posString(vm, gp.fn, gp.pc-1)))
			exitVM(2)
			return stStop
		}
	}
	return nil
}

// relPos spells a file:line position as the go command spells positions in
// diagnostics: relative to the working directory, with a leading "./",
// when the file is below it.
func relPos(pos string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(pos) {
		return pos
	}
	if rel, err := filepath.Rel(wd, pos); err == nil && !strings.HasPrefix(rel, "..") {
		return "./" + rel
	}
	return pos
}
