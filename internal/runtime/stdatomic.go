package runtime

import "gort/internal/arena"

// sync/atomic's entry points, which have no Go body anywhere: host atomics
// on the arena word (DESIGN.md §3), which on amd64 give gc's memory model.
// The arena refuses an address outside it, in read-only data or misaligned,
// and that is a fault of the program. The Pointer forms are the Uintptr ones
// until the collector needs their write barrier.

func init() {
	for _, size := range []string{"32", "64"} {
		wide := size == "64"
		width := uintptr(4)
		if wide {
			width = 8
		}
		kinds := []string{"Uint" + size, "Int" + size}
		if wide {
			kinds = append(kinds, "Uintptr", "Pointer")
		}
		for _, k := range kinds {
			atomicNatives(k, wide, width)
		}
	}
}

// atomicNatives registers the operations on one kind of word (Uint32,
// Int64, Uintptr...). ABI0: the address at fp, the operands after it, then
// the result, each aligned to its size.
func atomicNatives(kind string, wide bool, width uintptr) {
	load := func(vm *vm, p uintptr) uint64 {
		var v uint64
		var ok bool
		if wide {
			v, ok = vm.mem.LoadAtomic64(p)
		} else {
			var v32 uint32
			v32, ok = vm.mem.LoadAtomic32(p)
			v = uint64(v32)
		}
		if !ok {
			panic(arena.Fault{Addr: p})
		}
		return v
	}
	cas := func(vm *vm, p uintptr, old, new uint64) bool {
		var swapped, ok bool
		if wide {
			swapped, ok = vm.mem.Cas64(p, old, new)
		} else {
			swapped, ok = vm.mem.Cas32(p, uint32(old), uint32(new))
		}
		if !ok {
			panic(arena.Fault{Addr: p})
		}
		return swapped
	}
	operand := func(vm *vm, p uintptr) uint64 {
		if wide {
			return vm.ld(p)
		}
		return uint64(vm.ld32(p))
	}
	result := func(vm *vm, p uintptr, v uint64) {
		if wide {
			vm.st(p, v)
		} else {
			vm.mem.MustStore32(p, uint32(v))
		}
	}
	// rmw applies f to the word at the address atomically (a CAS loop) and
	// returns the old and the new value.
	rmw := func(vm *vm, p uintptr, f func(old uint64) uint64) (old, new uint64) {
		for {
			old = load(vm, p)
			new = f(old)
			if cas(vm, p, old, new) {
				return old, new
			}
		}
	}
	addrOf := func(vm *vm, fp uintptr) uintptr { return uintptr(vm.ld(fp)) }
	res := fp2(width) // the result after (address, operand)
	ops := map[string]nativeFunc{
		"Load": func(mp *m, gp *g, fp uintptr) int {
			result(mp.vm, fp+8, load(mp.vm, addrOf(mp.vm, fp)))
			return stContinue
		},
		"Store": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			v := operand(vm, fp+8)
			rmw(vm, addrOf(vm, fp), func(uint64) uint64 { return v })
			return stContinue
		},
		"Swap": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			v := operand(vm, fp+8)
			old, _ := rmw(vm, addrOf(vm, fp), func(uint64) uint64 { return v })
			result(vm, fp+res, old)
			return stContinue
		},
		"Add": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			d := operand(vm, fp+8)
			_, new := rmw(vm, addrOf(vm, fp), func(old uint64) uint64 { return old + d })
			result(vm, fp+res, new)
			return stContinue
		},
		"And": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			mask := operand(vm, fp+8)
			old, _ := rmw(vm, addrOf(vm, fp), func(old uint64) uint64 { return old & mask })
			result(vm, fp+res, old)
			return stContinue
		},
		"Or": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			mask := operand(vm, fp+8)
			old, _ := rmw(vm, addrOf(vm, fp), func(old uint64) uint64 { return old | mask })
			result(vm, fp+res, old)
			return stContinue
		},
		// CompareAndSwap(addr, old, new) (swapped bool)
		"CompareAndSwap": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			old, new := operand(vm, fp+8), operand(vm, fp+8+width)
			vm.st8(fp+8+2*width, uint8(b2u(cas(vm, addrOf(vm, fp), old, new))))
			return stContinue
		},
	}
	for op, f := range ops {
		if kind == "Pointer" && (op == "Add" || op == "And" || op == "Or") {
			continue
		}
		nativeTable["sync/atomic."+op+kind] = f
	}
}

// fp2 is the offset of the result of f(addr, v) where v is width bytes:
// the arguments end at 8+width, and the result is aligned to 8.
func fp2(width uintptr) uintptr { return alignUp(8+width, 8) }
