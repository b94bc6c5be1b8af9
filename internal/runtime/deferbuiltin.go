package runtime

import (
	"unsafe"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/runtime/maps"
)

// Deferred builtins (`defer println(x)`, `defer close(c)`, ...) are
// deferred calls of these natives. The closure context is a static block
// the compiler made: the argument count, then each argument's type index;
// the arguments are laid out as ABI0 lays out a call of those types.

func init() {
	nativeTable["gort.builtin.print"] = func(mp *m, gp *g, fp uintptr) int { return deferredPrint(mp, fp, false) }
	nativeTable["gort.builtin.println"] = func(mp *m, gp *g, fp uintptr) int { return deferredPrint(mp, fp, true) }
	nativeTable["gort.builtin.close"] = func(mp *m, gp *g, fp uintptr) int {
		return closechan(mp, gp, uintptr(ld(fp)))
	}
	nativeTable["gort.builtin.panic"] = func(mp *m, gp *g, fp uintptr) int {
		v := [2]uint64{ld(fp), ld(fp + 8)}
		if v[0] == 0 {
			return panicNil(mp, gp)
		}
		return gopanic(mp, gp, v)
	}
	// `defer recover()` recovers as a recover called by the deferring
	// function itself would, when that function's return runs it; run by
	// a panic, it is not called by a deferred function and recovers
	// nothing ($GOROOT/test/recover1.go, test5 and test7).
	nativeTable["gort.builtin.recover"] = func(mp *m, gp *g, fp uintptr) int {
		if mp.deferReturn {
			gorecover(gp)
		}
		return stContinue
	}
	nativeTable["gort.builtin.delete"] = func(mp *m, gp *g, fp uintptr) int {
		types, offs := deferredArgs(mp.ctxt)
		mt := types[0]
		m := uintptr(ld(fp + offs[0]))
		key := fp + offs[1]
		return mapCall(mp, gp, func() { maps.Delete(mapEnv{mp}, mapType(mt), m, key) })
	}
	nativeTable["gort.builtin.copy"] = func(mp *m, gp *g, fp uintptr) int {
		types, offs := deferredArgs(mp.ctxt)
		dst, src := fp+offs[0], fp+offs[1]
		size := uintptr(1)
		if types[0].Kind == bytecode.Slice {
			size = types[0].Elem.Size
		}
		slicecopy(uintptr(ld(dst)), int(ld(dst+8)), uintptr(ld(src)), int(ld(src+8)), size)
		return stContinue
	}
}

// deferredArgs reads a deferred builtin's argument types and offsets.
func deferredArgs(ctxt uintptr) ([]*bytecode.Type, []uintptr) {
	n := int(ld(ctxt))
	types := make([]*bytecode.Type, n)
	offs := make([]uintptr, n)
	var off uintptr
	for i := range types {
		t := prog.Types[ld(ctxt+uintptr(8*(i+1)))]
		off = alignUp(off, max(t.Align, 1))
		types[i], offs[i] = t, off
		off += t.Size
	}
	return types, offs
}

// deferredPrint copies each argument into a word-aligned scratch frame and
// prints it as the print builtin does.
func deferredPrint(mp *m, fp uintptr, ln bool) int {
	types, offs := deferredArgs(mp.ctxt)
	scratch := make([]uint64, 3)
	for i, t := range types {
		if ln && i > 0 {
			printBuf = append(printBuf, ' ')
		}
		clear(scratch)
		for j := uintptr(0); j < t.Size; j++ {
			b, _ := arena.Load8(fp + offs[i] + j)
			scratch[j/8] |= uint64(b) << (8 * (j % 8))
		}
		if isNarrow(t.Class) {
			scratch[0] = extend(scratch[0], t.Class)
		}
		printValue(unsafe.Pointer(&scratch[0]), 0, t)
	}
	if ln {
		printBuf = append(printBuf, '\n')
	}
	flushOutput()
	return stContinue
}
