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
		return closechan(mp, gp, hchan{mp.vm.mem, uintptr(mp.vm.ld(fp))})
	}
	nativeTable["gort.builtin.panic"] = func(mp *m, gp *g, fp uintptr) int {
		v := [2]uint64{mp.vm.ld(fp), mp.vm.ld(fp + 8)}
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
		vm := mp.vm
		if mp.deferReturn {
			gorecover(vm, gp)
		}
		return stContinue
	}
	nativeTable["gort.builtin.delete"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		types, offs := deferredArgs(mp, mp.ctxt)
		mt := deferredArg(types, 0, bytecode.Map, mp.ctxt)
		if len(types) != 2 || types[1].Size != mt.Key.Size {
			panic(arena.Fault{Addr: mp.ctxt})
		}
		m := uintptr(vm.ld(fp + offs[0]))
		key := fp + offs[1]
		return mapCall(mp, gp, func() { maps.Delete(mapEnv{mp}, mapType(vm, mt), m, key) })
	}
	nativeTable["gort.builtin.copy"] = func(mp *m, gp *g, fp uintptr) int {
		types, offs := deferredArgs(mp, mp.ctxt)
		t := deferredArg(types, 0, bytecode.Slice, mp.ctxt)
		if len(types) != 2 {
			panic(arena.Fault{Addr: mp.ctxt})
		}
		dst, src := fp+offs[0], fp+offs[1]
		size := t.Elem.Size
		slicecopy(mp.vm, uintptr(mp.vm.ld(dst)), int(mp.vm.ld(dst+8)), uintptr(mp.vm.ld(src)), int(mp.vm.ld(src+8)), size)
		return stContinue
	}
}

// deferredArgs reads a deferred builtin's argument types and offsets. The
// context block is in the arena, and the defer record that names it is the
// program's to rewrite, so every word is checked: the count against the
// argument block's size (each argument takes a byte at least, but for
// zero-sized ones, which the count also bounds by the block's words), each
// type index against the program's types, and the laid-out arguments
// against the block.
func deferredArgs(mp *m, ctxt uintptr) ([]*bytecode.Type, []uintptr) {
	n := mp.vm.ld(ctxt)
	if n > uint64(mp.deferArgs)+8 {
		panic(arena.Fault{Addr: ctxt})
	}
	types := make([]*bytecode.Type, n)
	offs := make([]uintptr, n)
	var off uintptr
	for i := range types {
		ti := mp.vm.ld(ctxt + uintptr(8*(i+1)))
		if ti >= uint64(len(mp.vm.prog.Types)) {
			panic(arena.Fault{Addr: ctxt + uintptr(8*(i+1))})
		}
		t := mp.vm.prog.Types[ti]
		off = alignUp(off, max(t.Align, 1))
		types[i], offs[i] = t, off
		off += t.Size
	}
	if off > mp.deferArgs {
		panic(arena.Fault{Addr: ctxt})
	}
	return types, offs
}

// deferredArg is argument i of a deferred builtin, which must have kind k.
func deferredArg(types []*bytecode.Type, i int, k bytecode.Kind, ctxt uintptr) *bytecode.Type {
	if i >= len(types) || types[i].Kind != k {
		panic(arena.Fault{Addr: ctxt})
	}
	return types[i]
}

// deferredPrint copies each argument into a word-aligned scratch frame and
// prints it as the print builtin does.
func deferredPrint(mp *m, fp uintptr, ln bool) int {
	vm := mp.vm
	types, offs := deferredArgs(mp, mp.ctxt)
	var scratch [3]uint64
	for i, t := range types {
		if t.Size > uintptr(len(scratch))*8 {
			panic(arena.Fault{Addr: mp.ctxt})
		}
		if ln && i > 0 {
			vm.printBuf = append(vm.printBuf, ' ')
		}
		scratch = [3]uint64{}
		for j := uintptr(0); j < t.Size; j++ {
			scratch[j/8] |= uint64(vm.ld8(fp+offs[i]+j)) << (8 * (j % 8))
		}
		if isNarrow(t.Class) {
			scratch[0] = extend(scratch[0], t.Class)
		}
		printValue(vm, unsafe.Pointer(&scratch[0]), 0, t)
	}
	if ln {
		vm.printBuf = append(vm.printBuf, '\n')
	}
	flushOutput(vm)
	return stContinue
}
