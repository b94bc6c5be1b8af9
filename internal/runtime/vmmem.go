package runtime

import (
	"math/bits"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// How the runtime's host code reaches VM memory through addresses, lengths
// and sizes that came from the arena. Those words are the program's to
// write, so every access is checked, and a refused one is the program's
// fault: it panics with the arena.Fault, which a run-time operation that
// must turn a nil address into a recoverable panic catches (mapCall), and
// Run reports as gc's fatal fault otherwise. No refused access becomes a
// zero, an empty string or a skipped copy.

// Short names for the accessors the runtime uses most.
func (vm *vm) ld(p uintptr) uint64         { return vm.mem.MustLoad64(p) }
func (vm *vm) st(p uintptr, v uint64)      { vm.mem.MustStore64(p, v) }
func (vm *vm) ld32(p uintptr) uint32       { return vm.mem.MustLoad32(p) }
func (vm *vm) ld8(p uintptr) uint8         { return vm.mem.MustLoad8(p) }
func (vm *vm) st8(p uintptr, v uint8)      { vm.mem.MustStore8(p, v) }
func (vm *vm) bytesAt(p, n uintptr) []byte { return vm.mem.MustBytes(p, n) }

// byteSize is the size in bytes of n elements of size bytes each, for a
// length read from VM memory: a product that overflows names more memory
// than any arena holds, so the access faults at p.
func byteSize(p, n, size uintptr) uintptr {
	hi, lo := bits.Mul64(uint64(n), uint64(size))
	if hi != 0 || lo > uint64(arena.Size) {
		panic(arena.Fault{Addr: p})
	}
	return uintptr(lo)
}

// typeAt returns the type whose descriptor is at desc, a word from VM
// memory (an interface's type word, an itab's type, a hook's *abi.Type):
// the compiler's for a descriptor it laid out, else the one derived from
// the descriptor's validated bytes (typeview.go), as for the types reflect
// makes at run time. An address that holds no valid descriptor faults.
func typeAt(vm *vm, desc uintptr) *bytecode.Type {
	if t := vm.prog.TypeByDesc[desc]; t != nil {
		return t
	}
	// reflect's funcLayout makes its call frames' types with no kind;
	// every other type made at run time has a descriptor view.
	if k, ok := vm.mem.Load8(desc + 23); ok && k&0x1f == 0 {
		if t := runtimeDescType(vm, desc); t != nil {
			return t
		}
		panic(arena.Fault{Addr: desc})
	}
	return vm.madeType(desc)
}

// typeOrNil is typeAt, with a nil type for a zero word.
func typeOrNil(vm *vm, desc uintptr) *bytecode.Type {
	if desc == 0 {
		return nil
	}
	return typeAt(vm, desc)
}
