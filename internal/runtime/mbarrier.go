package runtime

import "gort/internal/arena"

// The write-barrier funnel: every store of a pointer into VM memory goes
// through writePointer, typedmemmove or typedmemclr. Until the concurrent
// collector lands they are plain stores; the collector's hybrid barrier
// goes here and nowhere else.
//
// typedmemmove and typedmemclr keep the real ones' contract: they complete
// or they fault. An address the arena refuses (one the program forged) is
// a fatal fault, raised here; callers that must turn a nil address into a
// recoverable panic check it first.

func writePointer(vm *vm, p, v uintptr) bool { return vm.mem.Store64(p, uint64(v)) }

func typedmemmove(vm *vm, dst, src, n uintptr) {
	if !vm.mem.Memmove(dst, src, n) {
		panic(arena.Fault{Addr: refused(vm, dst, src, n)})
	}
}

func typedmemclr(vm *vm, p, n uintptr) {
	if !vm.mem.Memclr(p, n) {
		panic(arena.Fault{Addr: p})
	}
}

// refused names the address of a refused copy for the fault report: the
// source if it is the one outside the arena, else the destination.
func refused(vm *vm, dst, src, n uintptr) uintptr {
	if !vm.mem.Valid(src, n) {
		return src
	}
	return dst
}
