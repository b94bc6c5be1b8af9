package runtime

import (
	"slices"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Finalizers and cleanups: runtime.SetFinalizer and runtime.AddCleanup,
// with every check the real runtime makes on the arguments, its fatal
// errors (SetFinalizer throws) and panics (AddCleanup, in Go).
//
// A finalizer is a record on the host, by object (vm.finalizers), as the
// real runtime keeps a special on the object's span. The collector treats
// it as the real one does (roots.go, item 8): the finalizer's funcval and
// everything the object points at are roots, the object itself is not.
// A cycle that finds the object unmarked resurrects it, queues the call
// and drops the record, so a finalizer runs once, and an object that
// points at another object with a finalizer keeps that one alive until
// its own finalizer has run and it has died again: finalizers run in
// dependency order. A cleanup keeps its closure alive but not its object,
// and runs once the object is unreachable, after any finalizer of it.
//
// Queued calls run on the finalizer goroutine, runtime.runfinq, which the
// runtime starts at the first queued call: it takes one call at a time
// from nextFinalizer, a blocking native, and makes it through reflectcall,
// so the call is pushed through the interpreter (the native contract).

// finalizer is one object's finalizer: its funcval and its argument, the
// object's pointer or an interface holding it, as the finalizer's
// parameter type wants.
type finalizer struct {
	fn  uintptr
	arg [2]uint64
	// iface marks an interface argument: arg[0] is a type or an itab,
	// arg[1] the object.
	iface bool
}

// cleanup is one AddCleanup call: the closure that calls cleanup(arg),
// and the object it waits for.
type cleanup struct {
	obj, fn uintptr
}

// markFinalizerRoots shades the collector's roots of item 8 and 9 of
// roots.go.
func markFinalizerRoots(w *gcWork) {
	vm := w.vm
	for obj, f := range vm.finalizers {
		w.shade(f.fn)
		if f.iface {
			w.shade(uintptr(f.arg[0]))
		}
		// What the object points at, but not the object.
		if base, s := vm.mheap.findObject(obj); base != 0 && !s.noscan() {
			w.scanobject(base)
		}
	}
	for _, c := range vm.cleanups {
		w.shade(c.fn)
	}
	for _, f := range vm.finq {
		w.shade(f.fn)
		w.shade(uintptr(f.arg[0]))
		w.shade(uintptr(f.arg[1]))
	}
}

// marked reports whether the cycle marked the object holding p.
func (h *mheapT) marked(p uintptr) bool {
	base, s := h.findObject(p)
	return base != 0 && s.isMarked((base-s.base)/s.elemsize)
}

// clearWeakHandles clears the weak pointers to objects that died, before
// any finalizer resurrects them, as the real runtime does.
func clearWeakHandles(w *gcWork) {
	vm := w.vm
	for obj, h := range vm.weakHandles {
		if !vm.mheap.marked(obj) {
			vm.mem.Store64(h, 0)
			delete(vm.weakHandles, obj)
		}
	}
}

// queueFinalizers queues the finalizers of the objects that died, in
// address order so that a seeded run replays, and resurrects them.
func queueFinalizers(mp *m, w *gcWork) {
	vm := mp.vm
	var dead []uintptr
	for obj := range vm.finalizers {
		if !vm.mheap.marked(obj) {
			dead = append(dead, obj)
		}
	}
	slices.Sort(dead)
	for _, obj := range dead {
		f := vm.finalizers[obj]
		delete(vm.finalizers, obj)
		if base, s := vm.mheap.findObject(obj); base != 0 {
			// Its referents are marked already (markFinalizerRoots).
			s.setMarked((base - s.base) / s.elemsize)
		}
		vm.finq = append(vm.finq, *f)
	}
}

// queueCleanups queues the cleanups of the objects that died, by id.
func queueCleanups(mp *m, w *gcWork) {
	vm := mp.vm
	var dead []uint64
	for id, c := range vm.cleanups {
		if !vm.mheap.marked(c.obj) {
			dead = append(dead, id)
		}
	}
	slices.Sort(dead)
	for _, id := range dead {
		vm.finq = append(vm.finq, finalizer{fn: vm.cleanups[id].fn})
		delete(vm.cleanups, id)
	}
}

// wakefing readies the finalizer goroutine, starting it at the first call.
func wakefing(mp *m) {
	vm := mp.vm
	if vm.fing == nil {
		fn := funcNamed(vm, "runtime.runfinq")
		if fn == nil {
			throw("runtime.runfinq is not in the image")
		}
		vm.fing = newproc1(mp, nil, fn, 0, 0, 0)
		vm.fing.system = true
		vm.nsystem++
		runqput(mp.p, vm.fing, false)
		return
	}
	if vm.fingWaiting {
		vm.fingWaiting = false
		goready(mp, vm.fing)
	}
}

// nextFinalizer() (fn, frame unsafe.Pointer, size uint32): the next queued
// call's funcval and argument block. With none queued it parks the
// finalizer goroutine, and delivers the call when the collector queues
// one and readies it.
func nativeNextFinalizer(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	if len(vm.finq) == 0 {
		gp.resume = resumeState{kind: resumeFinalizer, dst: int32(fp - gp.fp)}
		vm.fingWaiting = true
		gopark(mp, gp, "finalizer wait")
		return stStop
	}
	deliverFinalizer(mp, fp)
	return stContinue
}

// deliverFinalizer writes nextFinalizer's results for the queue's first
// call: the block holds the argument and room for the results.
func deliverFinalizer(mp *m, fp uintptr) {
	vm := mp.vm
	f := vm.finq[0]
	vm.finq = vm.finq[1:]
	if len(vm.finq) == 0 {
		vm.finq = nil
	}
	code, ok := vm.mem.Load64(f.fn)
	if !ok {
		panic(arena.Fault{Addr: f.fn})
	}
	callee, ok := funcForCode(vm, code)
	if !ok {
		// A forged func value: gc would jump to it and fault there.
		panic(arena.Fault{Addr: uintptr(code)})
	}
	size := uintptr(callee.ArgSize)
	frame := mallocgc(mp, max(size, 8), conservativeType(mp, "runtime.finalizer frame", alignUp(max(size, 8), 8)))
	if f.iface {
		vm.mem.MustWriteWords(frame, f.arg[:])
	} else if f.arg[0] != 0 {
		vm.st(frame, f.arg[0])
	}
	vm.mem.MustWriteWords(fp, []uint64{uint64(f.fn), uint64(frame), uint64(size)})
}

// addCleanup(ptr unsafe.Pointer, fn func()) uint64: records a cleanup and
// returns its id.
func nativeAddCleanup(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	obj, fn := uintptr(vm.ld(fp)), uintptr(vm.ld(fp+8))
	if vm.cleanups == nil {
		vm.cleanups = map[uint64]*cleanup{}
	}
	vm.cleanupID++
	vm.cleanups[vm.cleanupID] = &cleanup{obj: obj, fn: fn}
	vm.st(fp+16, vm.cleanupID)
	return stContinue
}

// stopCleanup(id uint64): cancels a cleanup not yet queued.
func nativeStopCleanup(mp *m, gp *g, fp uintptr) int {
	delete(mp.vm.cleanups, mp.vm.ld(fp))
	return stContinue
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
	if vm.finalizers[obj] != nil {
		return throwSetFinalizer(mp, gp, prefix+"finalizer already set", `throw("runtime.SetFinalizer: finalizer already set")`)
	}
	if vm.finalizers == nil {
		vm.finalizers = map[uintptr]*finalizer{}
	}
	f := &finalizer{fn: uintptr(vm.ld(fp + 24)), arg: [2]uint64{uint64(obj)}}
	if fint := uintptr(vm.ld(params)); bytecode.Kind(vm.ld8(fint+abiOffKind)&abiKindMask) == bytecode.Interface {
		f.iface = true
		f.arg = [2]uint64{uint64(etyp.Desc), uint64(obj)}
		if vm.ld(fint+abiOffIMethods+8) != 0 {
			tab, missing := getitab(mp, typeAt(vm, fint), etyp)
			if tab == 0 {
				throw("SetFinalizer: no itab for an interface the type implements: " + missing)
			}
			f.arg[0] = uint64(tab)
		}
	}
	vm.finalizers[obj] = f
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
// holds a pointer into [base, end). The heap's pointer bits say where an
// object's pointers are; a closure in static data (a top-level
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
		for _, w := range objectPointerWords(vm, obj, s) {
			p := uintptr(vm.ld(w))
			if p >= base && p < end {
				found = true
			} else if depth == 0 {
				scan(p, 1)
			}
		}
	}
	scan(fv, 0)
	vm.st8(fp+24, uint8(b2u(found)))
	return stContinue
}
