package maps

import "gort/internal/arena"

// Every byte the map package reads or writes is arena memory, the arena of
// the map's VM (Type.Mem, which every view carries), reached through the
// helpers below. The arena is untrusted (a racing or unsafe program can
// overwrite map metadata), so an access the arena refuses becomes a panic
// with arena.Fault, which the runtime turns into the same failure a wild
// pointer gives on real hardware. Pointer-valued words are written through
// Env.WritePointer instead, so that they pass the write-barrier funnel.

func load8(mem *arena.Arena, p uintptr) uint8       { return mem.MustLoad8(p) }
func load16(mem *arena.Arena, p uintptr) uint16     { return mem.MustLoad16(p) }
func load64(mem *arena.Arena, p uintptr) uint64     { return mem.MustLoad64(p) }
func store8(mem *arena.Arena, p uintptr, v uint8)   { mem.MustStore8(p, v) }
func store16(mem *arena.Arena, p uintptr, v uint16) { mem.MustStore16(p, v) }
func store64(mem *arena.Arena, p uintptr, v uint64) { mem.MustStore64(p, v) }

// loadPtr reads a pointer-sized word (a VM pointer or an int).
func loadPtr(mem *arena.Arena, p uintptr) uintptr { return uintptr(load64(mem, p)) }

// corrupt reports map metadata that no sequence of map operations can
// produce: the program overwrote it through unsafe or a data race. It is
// raised as a fault at the offending word, as dereferencing the garbage would
// be on real hardware, rather than letting a loop run away on it.
func corrupt(p uintptr) {
	panic(arena.Fault{Addr: p})
}
