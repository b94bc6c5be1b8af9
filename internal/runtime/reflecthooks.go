package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

// The hooks of reflect and internal/reflectlite: the real runtime's
// reflect_* and reflectlite_* functions, pushed to those packages by
// //go:linkname. Their words come from descriptors (untrusted arena memory
// like any other), so every offset is checked against the section it must
// land in.

// resolveOff turns a NameOff or TypeOff into an address in the types
// section (the image has one module, so ptrInModule names it). The result
// must lie in the read-only data the image laid out.
func resolveOff(vm *vm, off int32) uintptr {
	p := vm.prog.TypesBase + uintptr(int64(off))
	if off < 0 || p >= vm.prog.RODataEnd {
		panic(arena.Fault{Addr: p})
	}
	return p
}

func init() {
	// resolveNameOff(ptrInModule unsafe.Pointer, off int32) unsafe.Pointer,
	// and resolveTypeOff(rtype unsafe.Pointer, off int32) unsafe.Pointer.
	resolve := func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		vm.st(fp+16, uint64(resolveOff(vm, int32(vm.ld32(fp+8)))))
		return stContinue
	}
	for _, name := range []string{
		"internal/reflectlite.resolveNameOff", "internal/reflectlite.resolveTypeOff",
		"reflect.resolveNameOff", "reflect.resolveTypeOff",
	} {
		nativeTable[name] = resolve
	}
	for _, pkg := range []string{"internal/reflectlite.", "reflect."} {
		// unsafe_New(t *abi.Type) unsafe.Pointer
		nativeTable[pkg+"unsafe_New"] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			vm.st(fp+8, uint64(newobject(mp, t)))
			return stContinue
		}
		// typedmemmove(t *abi.Type, dst, src unsafe.Pointer)
		nativeTable[pkg+"typedmemmove"] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			typedmemmove(vm, uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16)), t.Size)
			return stContinue
		}
		// ifaceE2I(t *abi.Type, src any, dst unsafe.Pointer): converts src
		// to the non-empty interface type t, panicking as an assertion
		// does if its dynamic type lacks a method.
		nativeTable[pkg+"ifaceE2I"] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			it := typeAt(vm, uintptr(vm.ld(fp)))
			dyn, data, dst := uintptr(vm.ld(fp+8)), vm.ld(fp+16), uintptr(vm.ld(fp+24))
			if it.Kind != bytecode.Interface {
				panic(arena.Fault{Addr: fp})
			}
			if dyn == 0 {
				return panicAssert(mp, gp, 0, 0, it, "")
			}
			tab, missing := getitab(mp, it, typeAt(vm, dyn))
			if tab == 0 {
				return panicAssert(mp, gp, 0, dyn, it, missing)
			}
			vm.mem.MustWriteWords(dst, []uint64{uint64(tab), data})
			return stContinue
		}
	}
}
