package maps

import "gort/internal/arena"

import "math/bits"

// A group is groupSlots key/elem slots preceded by one 8-byte control word.
// Byte i of the control word (little-endian: gort targets linux/amd64)
// describes slot i:
//
//	empty    1000_0000
//	deleted  1111_1110  (a tombstone: the slot is free, but probing must go on)
//	full     0hhh_hhhh  (h = the key's H2, the low 7 bits of its hash)
//
// Because the three states differ in the top bit and in the pattern of the
// low bits, whole-word arithmetic answers "which slots are empty / full /
// carry this H2" for all eight slots at once (SWAR), the portable form of
// the SIMD match the real runtime uses on amd64.

const (
	ctrlEmpty   ctrl = 0b1000_0000
	ctrlDeleted ctrl = 0b1111_1110

	bitsetLSB   = 0x0101010101010101
	bitsetMSB   = 0x8080808080808080
	bitsetEmpty = bitsetLSB * uint64(ctrlEmpty) // a control word with every slot empty
)

// ctrl is one control byte.
type ctrl uint8

// ctrlGroup is a group's control word, loaded from the arena.
type ctrlGroup uint64

// bitset is a set of slots in one group: byte i is 0x80 when slot i is in
// the set and 0 otherwise, the shape the SWAR matches produce.
type bitset uint64

func (g ctrlGroup) get(i uintptr) ctrl { return ctrl(g >> (8 * i)) }

// matchH2 returns the full slots whose H2 equals h. It may include a false
// positive next to a true match (a borrow carries into the neighbouring byte),
// never an empty or deleted slot; callers compare keys anyway.
func (g ctrlGroup) matchH2(h uintptr) bitset {
	v := uint64(g) ^ (bitsetLSB * uint64(h))
	return bitset(((v - bitsetLSB) &^ v) & bitsetMSB)
}

// matchEmpty returns the empty slots: top bit set and bit 1 clear (bit 1 is
// what tells empty from deleted; shifting it up to bit 7 lines it up).
func (g ctrlGroup) matchEmpty() bitset {
	v := uint64(g)
	return bitset((v &^ (v << 6)) & bitsetMSB)
}

// matchEmptyOrDeleted returns the free slots: those with the top bit set.
func (g ctrlGroup) matchEmptyOrDeleted() bitset {
	return bitset(uint64(g) & bitsetMSB)
}

// matchFull returns the used slots: those with the top bit clear.
func (g ctrlGroup) matchFull() bitset {
	return bitset(^uint64(g) & bitsetMSB)
}

// first returns the lowest slot in b. b must not be empty.
func (b bitset) first() uintptr { return uintptr(bits.TrailingZeros64(uint64(b))) >> 3 }

// removeFirst drops the lowest slot from b.
func (b bitset) removeFirst() bitset { return b & (b - 1) }

// removeBelow drops the slots below i from b.
func (b bitset) removeBelow(i uintptr) bitset { return b &^ bitset(uint64(1)<<(8*i)-1) }

func (b bitset) count() int { return bits.OnesCount64(uint64(b)) }

// group is the arena address of one group.
type group struct {
	mem *arena.Arena
	p   uintptr
}

func (g group) ctrls() ctrlGroup { return ctrlGroup(load64(g.mem, g.p)) }

func (g group) setCtrl(i uintptr, c ctrl) { store8(g.mem, g.p+i, uint8(c)) }

func (g group) setEmpty() { store64(g.mem, g.p, bitsetEmpty) }

// keySlot and elemSlot are the addresses of slot i's key and elem storage:
// the value itself, or a pointer to it when the type stores it indirectly.
func (g group) keySlot(t *Type, i uintptr) uintptr {
	return g.p + t.slotsOff + i*t.SlotSize
}

func (g group) elemSlot(t *Type, i uintptr) uintptr {
	return g.p + t.slotsOff + i*t.SlotSize + t.ElemOff
}

// key and elem are the addresses of slot i's key and elem values, following
// the indirection for big keys and elems.
func (g group) key(t *Type, i uintptr) uintptr {
	p := g.keySlot(t, i)
	if t.IndirectKey {
		p = loadPtr(t.Mem, p)
	}
	return p
}

func (g group) elem(t *Type, i uintptr) uintptr {
	p := g.elemSlot(t, i)
	if t.IndirectElem {
		p = loadPtr(t.Mem, p)
	}
	return p
}

// groups is an array of 2^k groups: a table's storage.
type groups struct {
	data       uintptr
	lengthMask uint64 // number of groups - 1
}

// newGroups allocates n groups (n a power of two) with every slot empty.
func newGroups(env Env, t *Type, n uint64) groups {
	gs := groups{data: env.Alloc(uintptr(n)*t.GroupSize, t.groupHasPtrs), lengthMask: n - 1}
	for i := uint64(0); i < n; i++ {
		gs.group(t, i).setEmpty()
	}
	return gs
}

func (gs groups) group(t *Type, i uint64) group {
	return group{t.Mem, gs.data + uintptr(i)*t.GroupSize}
}

// probeSeq walks a table's groups starting at H1 mod n with triangular
// steps (offsets 0, 1, 3, 6, ...). For a power-of-two group count the
// first n steps visit every group exactly once, so a probe that has taken n
// steps without meeting an empty slot is looking at a corrupted table.
type probeSeq struct {
	mask   uint64
	offset uint64
	index  uint64
}

func makeProbeSeq(h1 uintptr, mask uint64) probeSeq {
	return probeSeq{mask: mask, offset: uint64(h1) & mask}
}

func (s probeSeq) next() probeSeq {
	s.index++
	s.offset = (s.offset + s.index) & s.mask
	return s
}

// exhausted reports whether the sequence has already visited every group.
func (s probeSeq) exhausted() bool { return s.index > s.mask }
