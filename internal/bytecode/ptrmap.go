package bytecode

import "math/bits"

// Pointer maps of a function's frame.
//
// Func.PtrSlots lists the frame words that may hold pointers. A safepoint
// (an instruction that can call, allocate or yield) says which of them are
// live there with a bitmap over that list: bit i of its map is set when the
// word at PtrSlots[i] is live. A map is LiveWords(f) words long, and the
// bits past len(PtrSlots) in its last word are zero.
//
// A function stores each distinct map once, in Func.LiveBits, one after
// the other; a Safepoint names its map by index. A map with every bit set
// is not stored: its Safepoint says AllLive. An instruction without a
// safepoint (one that faults and panics, or a return marker's negative pc)
// also has every pointer slot live.
//
// Reading a map costs no host allocation: Live returns a LiveMap, a view of
// the words in LiveBits, and Next and Each walk it.

// Safepoint is one instruction's pointer map: Map is the index of its
// bitmap in the function's LiveBits (the map at LiveBits[Map*w:(Map+1)*w],
// w = LiveWords(f)), or AllLive. A call has a second map, After: the
// slots live once the call returns, which is what the collector reads for
// a caller's frame while its callee runs (the callee's frame holds the
// arguments it still needs). Map, which counts the call's operands, serves
// a goroutine stopped before the call, and copystack. After is NoAfter for
// an instruction that is not a call.
type Safepoint struct {
	PC    int32
	Map   int32
	After int32
}

// NoAfter is the Safepoint.After of an instruction that is not a call.
const NoAfter = -2

// AllLive is the Safepoint.Map of an instruction where every pointer slot
// is live.
const AllLive = -1

// LiveWords returns the length in words of each of f's pointer maps.
func LiveWords(f *Func) int { return (len(f.PtrSlots) + 63) / 64 }

// LiveMap is the set of f's pointer slots live at one pc, by index in
// f.PtrSlots.
type LiveMap struct {
	bits []uint64 // nil: every slot
	n    int      // len(PtrSlots)
}

// Live returns the pointer map at pc: its safepoint's, or every pointer
// slot for an instruction without one.
func (f *Func) Live(pc int32) LiveMap {
	if sp := f.safepoint(pc); sp != nil {
		return f.liveMap(sp.Map)
	}
	return f.liveMap(AllLive)
}

// LiveAfterCall returns the pointer map of a caller's frame stopped at the
// call at pc while its callee runs: the call's After map, or Live's answer
// for a pc that has none.
func (f *Func) LiveAfterCall(pc int32) LiveMap {
	sp := f.safepoint(pc)
	switch {
	case sp == nil:
		return f.liveMap(AllLive)
	case sp.After != NoAfter:
		return f.liveMap(sp.After)
	}
	return f.liveMap(sp.Map)
}

// safepoint returns the safepoint at pc, or nil.
func (f *Func) safepoint(pc int32) *Safepoint {
	i, j := 0, len(f.Safepoints)
	for i < j {
		h := int(uint(i+j) >> 1)
		if f.Safepoints[h].PC < pc {
			i = h + 1
		} else {
			j = h
		}
	}
	if i < len(f.Safepoints) && f.Safepoints[i].PC == pc {
		return &f.Safepoints[i]
	}
	return nil
}

// liveMap returns the map with index k in LiveBits, or every slot for
// AllLive.
func (f *Func) liveMap(k int32) LiveMap {
	m := LiveMap{n: len(f.PtrSlots)}
	if k != AllLive {
		w := LiveWords(f)
		m.bits = f.LiveBits[int(k)*w : int(k)*w+w : int(k)*w+w]
	}
	return m
}

// All reports whether every pointer slot is live.
func (m LiveMap) All() bool { return m.bits == nil }

// Has reports whether pointer slot i (PtrSlots[i]) is live.
func (m LiveMap) Has(i int) bool {
	if i < 0 || i >= m.n {
		return false
	}
	return m.bits == nil || m.bits[i/64]&(1<<(i%64)) != 0
}

// Next returns the index of the first live pointer slot at or after i, or
// -1 if there is none:
//
//	for i := m.Next(0); i >= 0; i = m.Next(i + 1) { ... f.PtrSlots[i] ... }
func (m LiveMap) Next(i int) int {
	i = max(i, 0)
	if i >= m.n {
		return -1
	}
	if m.bits == nil {
		return i
	}
	w := i / 64
	if x := m.bits[w] >> (i % 64); x != 0 {
		return i + bits.TrailingZeros64(x)
	}
	for w++; w < len(m.bits); w++ {
		if x := m.bits[w]; x != 0 {
			return w*64 + bits.TrailingZeros64(x)
		}
	}
	return -1
}

// Each calls fn with the frame offset of each live pointer slot of f, in
// PtrSlots order. m must be one of f's maps.
func (m LiveMap) Each(f *Func, fn func(off int32)) {
	for i := m.Next(0); i >= 0; i = m.Next(i + 1) {
		fn(f.PtrSlots[i])
	}
}

// The pointer mask of the static data (Program.DataMask).
//
// The package variables, [RODataEnd, DataEnd), are the program's only
// writable static memory: each variable, and each object the static-data
// pass laid out for one to point at (writable, like gc's statictmps), has
// its pointer words set in DataMask from its type, as a heap object's GC
// mask marks them (an interface's data word, a string's or a slice's first
// word). Package variables of a library image linked at load keep the
// library's mask; the program's own follow it. runtime.zerobase and the
// bytes of an embedded []byte are scalar.
//
// The other words below HeapStart that hold pointers are all read-only
// (below RODataEnd) and point only at the static image, never into the
// heap, so the GC need not scan them:
//   - the text region's entries and the static closures (Program.FuncVal:
//     one word, a code pointer) and a deferred builtin's static context;
//   - type descriptors (their name, element, field and method words) and
//     static itabs (Program.Itabs: interface and type descriptors, code
//     pointers);
//   - string bytes, boxed constants and embed.FS file lists, whose string
//     headers point at read-only bytes.
//
// Two words may come to point into the heap without being in any mask,
// which the runtime must keep alive by other means: an interface's first
// word, when it names an itab getitab allocated (its table holds them)
// or a descriptor reflect made at run time; and a descriptor's on-demand
// GCData word, if the runtime fills it with a mask it allocates.

// DataMaskWords returns the length of prog.DataMask: one bit for each word
// of [RODataEnd, DataEnd).
func DataMaskWords(prog *Program) int {
	words := (prog.DataEnd - prog.RODataEnd + 7) / 8
	return int((words + 63) / 64)
}
