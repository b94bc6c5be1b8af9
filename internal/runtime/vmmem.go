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

// ld and st read and write a word.
func ld(p uintptr) uint64 {
	v, ok := arena.Load64(p)
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return v
}

func st(p uintptr, v uint64) {
	if !arena.Store64(p, v) {
		panic(arena.Fault{Addr: p})
	}
}

func ld32(p uintptr) uint32 {
	v, ok := arena.Load32(p)
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return v
}

func ld8(p uintptr) uint8 {
	v, ok := arena.Load8(p)
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return v
}

func st8(p uintptr, v uint8) {
	if !arena.Store8(p, v) {
		panic(arena.Fault{Addr: p})
	}
}

// writeString copies s to p.
func writeString(p uintptr, s string) {
	if !arena.WriteString(p, s) {
		panic(arena.Fault{Addr: p})
	}
}

// bytesAt returns the n bytes at p, aliasing VM memory: the caller copies
// out of them before anything can run.
func bytesAt(p, n uintptr) []byte {
	b, ok := arena.Bytes(p, n)
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return b
}

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
// memory (an interface's type word, an itab's type): an address that holds
// no descriptor faults.
func typeAt(vm *vm, desc uintptr) *bytecode.Type {
	if t := vm.prog.TypeByDesc[desc]; t != nil {
		return t
	}
	panic(arena.Fault{Addr: desc})
}

// typeOrNil is typeAt, with a nil type for a zero word.
func typeOrNil(vm *vm, desc uintptr) *bytecode.Type {
	if desc == 0 {
		return nil
	}
	return typeAt(vm, desc)
}
