package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Interfaces follow iface.go: an interface value is {itab or type, data};
// itabs are found in a cache keyed by (interface, concrete type), built on
// a miss from the concrete type's method table, and never freed. The
// compiler's static itabs seed the cache (itabsinit).

// itabTableT is the itab cache, keyed by (interface, concrete type)
// descriptor addresses.
type itabTableT struct {
	lock  mutex
	table map[[2]uintptr]uintptr
	// missing remembers a failed lookup's missing method.
	missing map[[2]uintptr]string
}

func itabsinit(vm *vm) {
	for _, it := range vm.prog.Itabs {
		vm.itabs.table[[2]uintptr{it.Iface.Desc, it.Type.Desc}] = it.Addr
	}
}

// getitab returns the itab for concrete type t and interface it, or 0 and
// the name of a missing method. As the real itab.init, it walks the two
// descriptors' method lists, both sorted the same way (exported names
// first, then by name and package), in one pass: a method of t serves an
// interface method when their names and packages agree and their types are
// the same descriptor, types being shared up to identity. The itab's code
// pointers are the methods' Ifn, in the interface's order, which is the
// slot order both compiled interface calls and reflect use.
func getitab(mp *m, it, t *bytecode.Type) (uintptr, string) {
	key := [2]uintptr{it.Desc, t.Desc}
	itabs := &mp.vm.itabs
	lock(mp, &itabs.lock)
	defer unlock(mp, &itabs.lock)
	if tab, ok := itabs.table[key]; ok {
		return tab, ""
	}
	if name, ok := itabs.missing[key]; ok {
		return 0, name
	}
	iv, tv := mp.vm.typeView(it.Desc), mp.vm.typeView(t.Desc)
	if iv.kind != bytecode.Interface {
		panic(arena.Fault{Addr: it.Desc})
	}
	fns := make([]uintptr, len(iv.imethods))
	j := 0
	for i, im := range iv.imethods {
		for ; j < len(tv.methods); j++ {
			tm := &tv.methods[j]
			if tm.name == im.name && tm.pkgPath == im.pkgPath && tm.mtyp == im.typ && tm.ifn != 0 {
				fns[i] = tm.ifn
				break
			}
		}
		if j == len(tv.methods) {
			itabs.missing[key] = im.name
			return 0, im.name
		}
	}
	tab := mallocgc(mp, uintptr(24+8*max(len(fns), 1)), itabType(mp, len(fns)))
	mp.vm.st(tab, uint64(it.Desc))
	mp.vm.st(tab+8, uint64(t.Desc))
	mp.vm.mem.Store32(tab+16, tv.hash)
	for i, f := range fns {
		mp.vm.st(tab+24+uintptr(8*i), uint64(f))
	}
	itabs.table[key] = tab
	return tab, ""
}

// dynType returns the dynamic type descriptor of an interface value's
// first word.
func dynType(vm *vm, word uint64, eface bool) uintptr {
	if word == 0 || eface {
		return uintptr(word)
	}
	t := vm.ld(uintptr(word) + 8)
	return uintptr(t)
}

// box makes the data word of an interface holding the value of type t at
// src: the value itself for pointer-shaped types, else a pointer to a copy
// (mp.vm.zerobase for zero-sized values).
func box(mp *m, t *bytecode.Type, src uintptr) uintptr {
	if t.DirectIface {
		v := mp.vm.ld(src)
		return uintptr(v)
	}
	if t.Size == 0 {
		return mp.vm.zerobase
	}
	p := mallocgc(mp, t.Size, t)
	typedmemmove(mp.vm, p, src, t.Size)
	return p
}

// typeAssert implements x.(T) and x.(T) with comma-ok. Aux: asserted type,
// static source type, commaok, ok offset.
func typeAssert(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	vm := mp.vm
	fpp := vm.mem.Frame(gp.fp)
	at, src := mp.vm.prog.Types[a[0]], mp.vm.prog.Types[a[1]]
	commaOk, okOff := a[2] == 1, a[3]
	word, data := *slot(fpp, in.B), *slot(fpp, in.B+8)
	dyn := dynType(vm, word, len(src.IMethods) == 0)
	var ok bool
	var missing string
	if at.Kind == bytecode.Interface {
		if dyn != 0 {
			if len(at.IMethods) == 0 {
				ok = true
				*slot(fpp, in.A) = uint64(dyn)
			} else {
				var tab uintptr
				tab, missing = getitab(mp, at, typeAt(vm, dyn))
				ok = tab != 0
				*slot(fpp, in.A) = uint64(tab)
			}
			*slot(fpp, in.A+8) = data
		}
		if !ok {
			*slot(fpp, in.A) = 0
			*slot(fpp, in.A+8) = 0
		}
	} else {
		ok = dyn == at.Desc
		if ok {
			if at.DirectIface {
				*slot(fpp, in.A) = data
			} else if at.Size > 0 {
				*slot(fpp, in.A) = 0
				typedmemmove(vm, gp.fp+uintptr(in.A), uintptr(data), at.Size)
				if isNarrow(at.Class) {
					*slot(fpp, in.A) = extend(*slot(fpp, in.A), at.Class)
				}
			}
		} else if at.Size > 0 {
			clearSlot(vm, gp.fp+uintptr(in.A), at.Size)
		}
	}
	if commaOk {
		setTupleBool(fpp, in.A+okOff, ok)
		return stContinue
	}
	if ok {
		return stContinue
	}
	// Only an assertion to a concrete type names the static interface
	// type; one to an interface type says just "interface is nil".
	var srcDesc uintptr
	if at.Kind != bytecode.Interface {
		srcDesc = src.Desc
	}
	return panicAssert(mp, gp, srcDesc, dyn, at, missing)
}

// panicAssert panics with a *runtime.TypeAssertionError for an assertion
// of a value of dynamic type dyn (static interface type src, or 0) to at.
func panicAssert(mp *m, gp *g, src, dyn uintptr, at *bytecode.Type, missing string) int {
	vm := mp.vm
	et := vm.prog.ErrTypes.TypeAssertionError
	obj := mallocgc(mp, et.Elem.Size, et.Elem)
	vm.st(obj, uint64(src))
	vm.st(obj+8, uint64(dyn))
	vm.st(obj+16, uint64(at.Desc))
	if missing != "" {
		s := newString(mp, missing)
		vm.st(obj+24, s[0])
		vm.st(obj+32, s[1])
	}
	return gopanic(mp, gp, [2]uint64{uint64(et.Desc), uint64(obj)})
}

func clearSlot(vm *vm, p, n uintptr) { typedmemclr(vm, p, (n+7)&^7) }
