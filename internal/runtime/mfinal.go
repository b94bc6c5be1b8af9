package runtime

import "gort/internal/bytecode"

// Finalizers and cleanups: runtime.SetFinalizer and the checks of
// runtime.AddCleanup. There is no collector yet, so no object becomes
// unreachable and nothing queued here ever runs; what holds already is
// every check the real runtime makes on the arguments, with its fatal
// errors (SetFinalizer throws) and panics (AddCleanup, in Go), and the
// "finalizer already set" rule, which needs the set of objects that have
// a finalizer (vm.finalizers).

// findObject returns the heap object that holds p: its start and its
// span, or 0 if p is in no allocated object.
func (h *mheapT) findObject(p uintptr) (uintptr, *mspan) {
	s := h.spanOf(p)
	if s == nil || s.elemsize == 0 {
		return 0, nil
	}
	i := (p - s.base) / s.elemsize
	if i >= s.freeindex {
		return 0, nil
	}
	return s.base + i*s.elemsize, s
}

// isTinySpan reports whether s is a span of the tiny allocator's blocks,
// whose objects share a block.
func isTinySpan(s *mspan) bool { return s.spanclass == sizeToClass(tinySize)<<1|1 }

// isStaticPointer reports whether p points into the program's static image
// (its data, read-only data and runtime.zerobase), Go memory that no span
// holds, as the real isGoPointerWithoutSpan answers for a module's data.
func isStaticPointer(vm *vm, p uintptr) bool {
	return p >= vm.mem.Lo() && p < vm.prog.HeapStart
}

// SetFinalizer(obj any, finalizer any)
func nativeSetFinalizer(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	const prefix = "runtime.SetFinalizer: "
	etyp := typeOrNil(vm, uintptr(vm.ld(fp)))
	if etyp == nil {
		return throwSetFinalizer(mp, gp, prefix+"first argument is nil", `throw("runtime.SetFinalizer: first argument is nil")`)
	}
	if etyp.Kind != bytecode.Pointer {
		return throwSetFinalizer(mp, gp, prefix+"first argument is "+etyp.String+", not pointer", `throw("runtime.SetFinalizer: first argument is " +`)
	}
	if etyp.Elem == nil {
		return throwSetFinalizer(mp, gp, "nil elem type!", `throw("nil elem type!")`)
	}
	obj := uintptr(vm.ld(fp + 8))
	base, _ := vm.mheap.findObject(obj)
	if base == 0 {
		if isStaticPointer(vm, obj) {
			return stContinue
		}
		return throwSetFinalizer(mp, gp, prefix+"pointer not in allocated block", `throw("runtime.SetFinalizer: pointer not in allocated block")`)
	}
	if obj != base && (etyp.Elem.HasPtrs || etyp.Elem.Size >= tinySize) {
		// An inner byte is allowed only where the tiny allocator may have
		// put the object.
		return throwSetFinalizer(mp, gp, prefix+"pointer not at beginning of allocated block", `throw("runtime.SetFinalizer: pointer not at beginning of allocated block")`)
	}
	ftyp := typeOrNil(vm, uintptr(vm.ld(fp+16)))
	if ftyp == nil {
		delete(vm.finalizers, obj)
		return stContinue
	}
	if ftyp.Kind != bytecode.FuncKind {
		return throwSetFinalizer(mp, gp, prefix+"second argument is "+ftyp.String+", not a function", `throw("runtime.SetFinalizer: second argument is " +`)
	}
	cannotPass := prefix + "cannot pass " + etyp.String + " to finalizer " + ftyp.String
	in, variadic, params := funcTypeParams(vm, ftyp)
	if variadic {
		return throwSetFinalizer(mp, gp, cannotPass+" because dotdotdot", `throw("runtime.SetFinalizer: cannot pass " + toRType(etyp).string() + " to finalizer " + toRType(ftyp).string() + " because dotdotdot")`)
	}
	if in != 1 {
		return throwSetFinalizer(mp, gp, cannotPass, `throw("runtime.SetFinalizer: cannot pass " + toRType(etyp).string() + " to finalizer " + toRType(ftyp).string())`)
	}
	if !finalizerAccepts(vm, uintptr(vm.ld(params)), etyp) {
		// The throw after the checks, not the InCount one.
		return throwSetFinalizerAfter(mp, gp, cannotPass, "if itab := assertE2I2(ityp, efaceOf(&obj)._type); itab != nil {",
			`throw("runtime.SetFinalizer: cannot pass " + toRType(etyp).string() + " to finalizer " + toRType(ftyp).string())`)
	}
	if vm.finalizers[obj] {
		return throwSetFinalizer(mp, gp, prefix+"finalizer already set", `throw("runtime.SetFinalizer: finalizer already set")`)
	}
	if vm.finalizers == nil {
		vm.finalizers = map[uintptr]bool{}
	}
	vm.finalizers[obj] = true
	return stContinue
}

// The parts of internal/abi's descriptors that SetFinalizer's type checks
// read. The parameter types of a func type need not have host twins (the
// compiler makes twins for the types the program's code uses), so the
// checks read descriptors, each word through a checked load.
const (
	abiTypeSize      = 48 // abi.Type
	abiOffTFlag      = 20
	abiOffKind       = 23
	abiTFlagUncommon = 1
	abiKindMask      = 31
	abiOffElem       = abiTypeSize     // PtrType.Elem
	abiOffInCount    = abiTypeSize     // FuncType.InCount
	abiOffOutCount   = abiTypeSize + 2 // FuncType.OutCount, top bit: variadic
	abiOffIMethods   = abiTypeSize + 8 // InterfaceType.Methods, a slice
	abiPtrTypeSize   = abiTypeSize + 8 // where a pointer type's UncommonType is
	abiFuncTypeSize  = abiTypeSize + 8 // where a func type's UncommonType is
	abiUncommonSize  = 16              // PkgPath, Mcount, Xcount, Moff, unused
	abiOffMcount     = 4
	abiOffMoff       = 8
	abiMethodSize    = 16 // Name NameOff, Mtyp TypeOff, Ifn, Tfn TextOff
	abiIMethodSize   = 8  // Name NameOff, Typ TypeOff
	abiVariadicFlag  = 1 << 15
)

// funcTypeParams reads a func type's descriptor: its parameter count,
// whether it is variadic, and where its parameter types' descriptor
// addresses start.
func funcTypeParams(vm *vm, t *bytecode.Type) (in int, variadic bool, params uintptr) {
	in = int(vm.mem.MustLoad16(t.Desc + abiOffInCount))
	variadic = vm.mem.MustLoad16(t.Desc+abiOffOutCount)&abiVariadicFlag != 0
	params = t.Desc + abiFuncTypeSize
	if hasUncommon(vm, t.Desc) {
		params += abiUncommonSize
	}
	return in, variadic, params
}

func hasUncommon(vm *vm, desc uintptr) bool { return vm.ld8(desc+abiOffTFlag)&abiTFlagUncommon != 0 }

// finalizerAccepts reports whether a finalizer whose parameter type has
// descriptor fint can be passed a pointer of type etyp: the same type, a
// pointer to the same element where one of the two is unnamed, or an
// interface etyp implements.
func finalizerAccepts(vm *vm, fint uintptr, etyp *bytecode.Type) bool {
	if fint == etyp.Desc {
		return true
	}
	switch bytecode.Kind(vm.ld8(fint+abiOffKind) & abiKindMask) {
	case bytecode.Pointer:
		return (!hasUncommon(vm, fint) || !hasUncommon(vm, etyp.Desc)) && uintptr(vm.ld(fint+abiOffElem)) == etyp.Elem.Desc
	case bytecode.Interface:
		return implements(vm, fint, etyp.Desc)
	}
	return false
}

// implements reports whether the pointer type t has every method of the
// interface type it, as assertE2I2 would find: both method lists are sorted
// by name, and names and types are shared descriptors, so a method matches
// when its name and type offsets are the interface method's.
func implements(vm *vm, it, t uintptr) bool {
	imethods, n := uintptr(vm.ld(it+abiOffIMethods)), vm.ld(it+abiOffIMethods+8)
	if n == 0 {
		return true
	}
	if !hasUncommon(vm, t) {
		return false
	}
	u := t + abiPtrTypeSize
	mcount := uint64(vm.mem.MustLoad16(u + abiOffMcount))
	methods := u + uintptr(vm.ld32(u+abiOffMoff))
	j := uint64(0)
	for i := uint64(0); i < n; i++ {
		name, typ := vm.ld32(imethods+abiIMethodSize*uintptr(i)), vm.ld32(imethods+abiIMethodSize*uintptr(i)+4)
		for ; j < mcount && vm.ld32(methods+abiMethodSize*uintptr(j)) != name; j++ {
		}
		if j == mcount || vm.ld32(methods+abiMethodSize*uintptr(j)+4) != typ {
			return false // each step passes a method, so n is bounded by mcount
		}
		j++
	}
	return true
}

// throwSetFinalizer ends the program with SetFinalizer's fatal error: the
// real one throws, so the report is at the system level, with the real
// runtime's throw and SetFinalizer frames (the line whose statement starts
// with stmt) on top of the caller's.
func throwSetFinalizer(mp *m, gp *g, msg, stmt string) int {
	return throwSetFinalizerAfter(mp, gp, msg, "", stmt)
}

// throwSetFinalizerAfter is throwSetFinalizer for a statement that comes
// after a line that is after (runtimeCallSite).
func throwSetFinalizerAfter(mp *m, gp *g, msg, after, stmt string) int {
	vm := mp.vm
	printstr(vm, "fatal error: "+msg+"\n")
	printTraceback(vm, func() {
		printstr(vm, "\n")
		printGoroutineLevel(vm, gp, true, tracebackSystem, func() {
			at := topSP(gp)
			printHostFrame(vm, "runtime.throw(...)", "panic.go", "throw", "", "fatalthrow(", at)
			printHostFrame(vm, "runtime.SetFinalizer(...)", "mfinal.go", "SetFinalizer", after, stmt, at)
		})
		printOtherGoroutines(vm, gp, tracebackSystem)
	})
	flushOutput(vm)
	exitVM(2)
	return stStop
}

// findObject(p uintptr) (base, end uintptr, tiny, static bool)
func nativeFindObject(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	p := uintptr(vm.ld(fp))
	base, s := vm.mheap.findObject(p)
	if base != 0 {
		vm.st(fp+8, uint64(base))
		vm.st(fp+16, uint64(base+s.elemsize))
		vm.st8(fp+24, uint8(b2u(isTinySpan(s))))
	} else {
		vm.st8(fp+25, uint8(b2u(isStaticPointer(vm, p))))
	}
	return stContinue
}

// closesOver(fv, base, end uintptr) bool: whether the closure object fv
// holds a pointer into [base, end). The allocator's record of each object's
// type says where its pointers are; a closure in static data (a top-level
// function's) holds none. gc captures a variable that is never reassigned
// by value, in the closure itself; go/ssa captures every variable by
// reference, through a heap cell, so the cells the closure points at are
// read too (which also finds a reassigned variable gc would not: a
// cleanup that would never run either way).
func nativeClosesOver(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	fv, base, end := uintptr(vm.ld(fp)), uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16))
	found := false
	var scan func(obj uintptr, depth int)
	scan = func(obj uintptr, depth int) {
		start, s := vm.mheap.findObject(obj)
		if start != obj || obj == 0 {
			return
		}
		t := s.types[(obj-s.base)/s.elemsize]
		if t == nil {
			return
		}
		pointerWords(t, 0, func(off uintptr) {
			p := uintptr(vm.ld(obj + off))
			if p >= base && p < end {
				found = true
			} else if depth == 0 {
				scan(p, 1)
			}
		})
	}
	scan(fv, 0)
	vm.st8(fp+24, uint8(b2u(found)))
	return stContinue
}

// pointerWords calls f with the offset of each word of a value of type t
// (at offset off) that holds a heap pointer.
func pointerWords(t *bytecode.Type, off uintptr, f func(off uintptr)) {
	if !t.HasPtrs {
		return
	}
	switch t.Kind {
	case bytecode.Pointer, bytecode.UnsafePointer, bytecode.Chan, bytecode.Map, bytecode.FuncKind,
		bytecode.String, bytecode.Slice:
		f(off)
	case bytecode.Interface:
		f(off + 8) // the data word; the first is a type or an itab
	case bytecode.Struct:
		for _, fl := range t.Fields {
			pointerWords(fl.Type, off+fl.Offset, f)
		}
	case bytecode.Array:
		for i := int64(0); i < t.Len; i++ {
			pointerWords(t.Elem, off+uintptr(i)*t.Elem.Size, f)
		}
	}
}
