package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Calls through reflect: reflect.Value.Call (reflect's `call`, which is
// runtime.reflectcall), functions made by reflect.MakeFunc (whose code is
// reflect.makeFuncStub) and method values made by reflect (whose code is
// reflect.methodValueCall). reflect runs from its real source; these are the
// runtime's halves of it.
//
// gort's calls are ABI0: internal/abi is loaded with no argument registers
// (loader.abiFiles), so reflect's funcLayout lays a call out exactly as a
// gort frame starts, arguments then results at align(argsize, 8), and
// regArgs is always empty. Natives are leaves (DESIGN.md §4.1), so none of
// this calls interpreted code from the host: each pushes a frame and lets
// the interpreter make the call.
//
//   - runtime.reflectcall is Go (internal/vmruntime/runtime/reflectcall.go):
//     reflectcallPush copies the argument block into a new frame above
//     reflectcall's own and makes fn's frame there, returning into
//     reflectcall; then reflectcallRet copies the results back out of that
//     block. The block is fn's frame start, which after fn returns is the
//     unused space above reflectcall's frame: nothing runs between fn's RET
//     and the native call that reads it (no safepoint, no push, no stack
//     move), just as a caller reads results from its out area.
//   - makeFuncStub and methodValueCall are trampolines: a call of a closure
//     whose code is one enters it with the caller's argument block at nfp,
//     and the trampoline makes the frame of reflect.callReflect (or
//     callMethod) with (ctxt, frame=nfp, retValid, regs) as its arguments,
//     returning where the stub would have returned. callReflect writes the
//     results into the caller's block through frame, a pointer into the
//     stack that copystack adjusts like any other in a live pointer slot.
//     A trampoline is reached from a CALLCLO (through its nativeTable
//     entry), from reflectcallPush (Value.Call of a MakeFunc function), and
//     from a deferred call (pushFrameRet), each of which says where the
//     caller's block ends and where the frame returns to.
//
// gc marks runtime.reflectcall, reflect.callReflect and reflect.callMethod
// as wrappers (cmd/compile's ir/abi.go), and so does gort's compiler: recover
// looks through them ($GOROOT/test/recover.go's reflect cases) and
// tracebacks leave them out, as gc's do.

// trampolineFunc is a native that enters an interpreted function in its
// stead: the caller's argument block is at nfp and ends by top, ctxt is the
// closure, and ret is the return address the frame it makes returns to.
type trampolineFunc func(mp *m, gp *g, nfp, top, ctxt uintptr, ret uint64) int

// trampolines are filled in by init: a trampoline enters the interpreter,
// which reaches everything, trampolineOf included.
var trampolines = map[string]trampolineFunc{}

func init() {
	trampolines["reflect.makeFuncStub"] = func(mp *m, gp *g, nfp, top, ctxt uintptr, ret uint64) int {
		return callStubTarget(mp, gp, &mp.vm.reflectStubs.callReflect, "reflect.callReflect", nfp, top, ctxt, ret)
	}
	trampolines["reflect.methodValueCall"] = func(mp *m, gp *g, nfp, top, ctxt uintptr, ret uint64) int {
		return callStubTarget(mp, gp, &mp.vm.reflectStubs.callMethod, "reflect.callMethod", nfp, top, ctxt, ret)
	}
}

// trampolineOf returns fn's trampoline, or nil if fn is not one.
func trampolineOf(fn *bytecode.Func) trampolineFunc {
	if fn.Native == "" {
		return nil
	}
	return trampolines[fn.Native]
}

// reflectStubs caches the functions the trampolines enter, found by name on
// first use.
type reflectStubs struct {
	callReflect, callMethod *bytecode.Func
}

// stubArgSize is callReflect's and callMethod's argument block: ctxt,
// frame, retValid, regs.
const stubArgSize = 32

// callStubTarget makes the frame of reflect's callReflect or callMethod
// (named name, cached in *cache) for a call of a closure made by MakeFunc
// or makeMethodValue.
func callStubTarget(mp *m, gp *g, cache **bytecode.Func, name string, nfp, top, ctxt uintptr, ret uint64) int {
	vm := mp.vm
	if *cache == nil {
		f := funcNamed(vm, name)
		if f == nil || f.ArgSize != stubArgSize {
			throw("reflect stub without " + name)
		}
		*cache = f
	}
	target := *cache
	// retValid tells gc's collector whether the results are written yet;
	// gort's frames say that by their pointer maps, so it is only
	// somewhere callReflect may store a bool. regs has no registers to
	// hold (abi.RegArgs is empty without argument registers).
	retValid := mallocgc(mp, 1, nil)
	lo := gp.stack.lo
	cfp := reserveFrame(mp, gp, top, uintptr(target.FrameSize)+bytecode.HeaderSize)
	nfp += gp.stack.lo - lo
	vm.st(cfp, uint64(ctxt))
	vm.st(cfp+8, uint64(nfp)) // a stack address: see stack.go's list, item 3
	vm.st(cfp+16, uint64(retValid))
	vm.st(cfp+24, uint64(vm.zerobase))
	return callPushed(mp, gp, target, cfp, 0, ret)
}

// funcNamed returns the function with gc name name, or nil.
func funcNamed(vm *vm, name string) *bytecode.Func {
	for _, f := range vm.prog.Funcs {
		if f.Name == name && f.Native == "" {
			return f
		}
	}
	return nil
}

// reserveFrame returns the fp of a new frame above gp's current frame and
// above top, where a frame of need bytes fits, growing the stack first if
// it would not. The stack is in use up to top; after growth every address
// in it has moved by the stacks' difference.
func reserveFrame(mp *m, gp *g, top, need uintptr) uintptr {
	base := max(top, gp.fp+uintptr(gp.fn.FrameSize))
	off := alignUp(base, 8) + bytecode.HeaderSize - gp.stack.lo
	if gp.stack.lo+off+need > gp.stack.hi {
		morestack(mp, gp, gp.stack.lo+off, need, base)
	}
	return gp.stack.lo + off
}

// pushedFP is where reflectcallPush puts the callee's frame: just above
// the calling frame (runtime.reflectcall's).
func pushedFP(gp *g) uintptr {
	return alignUp(gp.fp+uintptr(gp.fn.FrameSize), 8) + bytecode.HeaderSize
}

// callBlock calls fn with closure context ctxt, its size-byte argument
// block already at nfp above gp's frame, returning to ret. A leaf native
// completes here.
func callBlock(mp *m, gp *g, fn *bytecode.Func, nfp, size, ctxt uintptr, ret uint64) int {
	if fn.Native != "" {
		if tr := trampolineOf(fn); tr != nil {
			return tr(mp, gp, nfp, nfp+size, ctxt, ret)
		}
		mp.ctxt = ctxt
		return mp.vm.natives[fn.Index](mp, gp, nfp)
	}
	return callPushed(mp, gp, fn, nfp, ctxt, ret)
}

// reflectcallPush(fn, stackArgs unsafe.Pointer, stackArgsSize uint32)
// copies the argument block into a frame above runtime.reflectcall's and
// calls the closure fn there, returning into reflectcall.
func nativeReflectcallPush(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	clo := uintptr(vm.ld(fp))
	args := uintptr(vm.ld(fp + 8))
	size := uintptr(vm.ld32(fp + 16))
	code, ok := vm.mem.Load64(clo)
	if !ok {
		return fault(mp, gp, clo)
	}
	callee, ok := funcForCode(vm, code)
	if !ok {
		panic(arena.Fault{Addr: uintptr(code)})
	}
	// A callee whose argument size is not the block's was reached
	// through a forged func value: as in gc, it reads what is there.
	need := max(size, uintptr(callee.FrameSize)) + bytecode.HeaderSize
	nfp := reserveFrame(mp, gp, 0, need)
	typedmemmove(vm, nfp, args, size)
	return callBlock(mp, gp, callee, nfp, size, clo, uint64(gp.fn.Index)<<32|uint64(gp.pc))
}

// reflectcallRet(stackArgs unsafe.Pointer, stackArgsSize, stackRetOffset
// uint32) copies the results of the call reflectcallPush made back into
// the argument block, from the callee's frame start, which no call has
// reused since it returned.
func nativeReflectcallRet(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	args := uintptr(vm.ld(fp))
	size, retOff := uintptr(vm.ld32(fp+8)), uintptr(vm.ld32(fp+12))
	if retOff > size {
		panic(arena.Fault{Addr: fp + 12})
	}
	nfp := pushedFP(gp)
	if nfp+size > gp.stack.hi {
		panic(arena.Fault{Addr: fp + 8})
	}
	typedmemmove(vm, args+retOff, nfp+retOff, size-retOff)
	return stContinue
}

// resolveReflectOff resolves a NameOff or TypeOff (what is "name") or a
// TextOff ("text") off from the descriptor or name at base: an offset into
// the image's types section (or text region) when base lies in the image,
// else an id from addReflectOff. A zero NameOff or TypeOff is no name or
// type at all.
func resolveReflectOff(vm *vm, base uintptr, off int32, what string) uintptr {
	if off == 0 && what != "text" {
		return 0
	}
	if base >= vm.prog.TypesBase && base < vm.prog.RODataEnd {
		if what == "text" {
			return vm.prog.TextBase + uintptr(uint32(off))
		}
		return resolveOff(vm, off)
	}
	p, ok := vm.types.reflectOffs.m[off]
	if !ok {
		fatal("runtime: " + what + " offset base pointer out of range")
	}
	return p
}

func init() {
	nativeTable["runtime.reflectcallPush"] = nativeReflectcallPush
	nativeTable["runtime.reflectcallRet"] = nativeReflectcallRet
	for name, tr := range trampolines {
		// Called by a CALLCLO (or a CALL): the argument block is in the
		// caller's out area, and the stub returns after the call.
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			return tr(mp, gp, fp, fp, mp.ctxt, uint64(gp.fn.Index)<<32|uint64(gp.pc))
		}
	}
	// resolveTextOff(rtype unsafe.Pointer, off int32) unsafe.Pointer: a
	// method's code pointer. -1 is the linker's mark of a method no
	// program calls; gort compiles every method, so it names no code.
	nativeTable["reflect.resolveTextOff"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		off := int32(vm.ld32(fp + 8))
		var pc uintptr
		if off != -1 {
			pc = resolveReflectOff(vm, uintptr(vm.ld(fp)), off, "text")
			if _, ok := funcForCode(vm, uint64(pc)); !ok {
				panic(arena.Fault{Addr: pc})
			}
		}
		vm.st(fp+16, uint64(pc))
		return stContinue
	}
	// FuncPCABI0(f any) uintptr and FuncPCABIInternal(f any) uintptr: the
	// code pointer of the func value f (gort has one ABI).
	funcPC := func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := typeOrNil(vm, uintptr(vm.ld(fp)))
		if t == nil || t.Kind != bytecode.FuncKind {
			panic(arena.Fault{Addr: fp})
		}
		clo := uintptr(vm.ld(fp + 8))
		code, ok := vm.mem.Load64(clo)
		if !ok {
			return fault(mp, gp, clo)
		}
		vm.st(fp+16, code)
		return stContinue
	}
	nativeTable["internal/abi.FuncPCABI0"] = funcPC
	nativeTable["internal/abi.FuncPCABIInternal"] = funcPC
}

// Descriptors made at run time. reflect's funcLayout builds the type of a
// call's argument block as a bare abi.Type on the heap (no kind, a size
// and a pointer bitmap), allocates blocks of it and clears
// them through the runtime. runtimeDescType gives such a descriptor a host
// view, built once from its words and cached by address. The words are the
// program's to write, so each is checked: the descriptor must be a live
// heap object the allocator made as an abi.Type (vm.abiTypeObjs), of no
// kind or struct kind, with a size,
// pointer prefix, alignment and bitmap that agree. Later writes to it do
// not change the view, and the collector keeps every descriptor with a
// view alive (roots.go, item 5), so an address never names two types. Other run-time kinds (PointerTo,
// SliceOf, MapOf, FuncOf, StructOf) have kind-specific parts the view
// does not read yet, so their descriptors fault as before.
func runtimeDescType(vm *vm, desc uintptr) *bytecode.Type {
	if t, ok := vm.runtimeTypes[desc]; ok {
		return t
	}
	if !vm.abiTypeObjs[desc] {
		return nil
	}
	size, ptrBytes := uintptr(vm.ld(desc)), uintptr(vm.ld(desc+8))
	align, kind := uintptr(vm.ld8(desc+21)), bytecode.Kind(vm.ld8(desc+23))
	if (kind != bytecode.Invalid && kind != bytecode.Struct) || size > maxAlloc || ptrBytes > size || ptrBytes%8 != 0 ||
		align == 0 || align > 8 || align&(align-1) != 0 || size%align != 0 {
		return nil
	}
	t := &bytecode.Type{Index: -1, Desc: desc, Kind: kind, Size: size, Align: align, HasPtrs: ptrBytes > 0}
	if ptrBytes > 0 {
		words := ptrBytes / 8
		mask := vm.bytesAt(uintptr(vm.ld(desc+32)), (words+7)/8)
		for i := uintptr(0); i < words; i++ {
			if mask[i/8]&(1<<(i%8)) != 0 {
				t.Fields = append(t.Fields, bytecode.Field{Name: "p", Type: wordPtr, Offset: 8 * i})
			}
		}
	}
	if str := int32(vm.ld32(desc + 40)); str != 0 {
		t.String = nameString(vm, resolveReflectOff(vm, desc, str, "name"))
	}
	if vm.runtimeTypes == nil {
		vm.runtimeTypes = map[uintptr]*bytecode.Type{}
	}
	vm.runtimeTypes[desc] = t
	return t
}

// nameString reads the string of the abi.Name at p: a flags byte, the
// length as a varint, the bytes.
func nameString(vm *vm, p uintptr) string {
	n, shift := uintptr(0), uint(0)
	for i := uintptr(1); ; i++ {
		b := vm.ld8(p + i)
		n |= uintptr(b&0x7f) << shift
		if b&0x80 == 0 {
			return string(vm.bytesAt(p+i+1, n))
		}
		if shift += 7; shift > 28 {
			panic(arena.Fault{Addr: p})
		}
	}
}
