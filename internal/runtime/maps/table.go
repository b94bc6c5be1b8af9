package maps

import "gort/internal/arena"

import "math/bits"

// A table is one Swiss table: a power-of-two array of groups serving the
// keys whose top localDepth hash bits select it in the directory.

// The table header, laid out as maps.table on linux/amd64.
const (
	tableUsed       = 0  // uint16: full slots
	tableCapacity   = 2  // uint16: slots, a power of two
	tableGrowthLeft = 4  // uint16: free slots that may still be consumed
	tableLocalDepth = 6  // uint8: hash bits the directory spends on this table
	tableIndex      = 8  // int: first directory entry, or -1 once replaced
	tableGroups     = 16 // *group: the group array
	tableLengthMask = 24 // uint64: group count - 1
	tableSize       = 32
)

// table is the arena address of a table header.
type table struct {
	mem *arena.Arena
	p   uintptr
}

func (tb table) used() uint16           { return load16(tb.mem, tb.p+tableUsed) }
func (tb table) setUsed(n uint16)       { store16(tb.mem, tb.p+tableUsed, n) }
func (tb table) growthLeft() uint16     { return load16(tb.mem, tb.p+tableGrowthLeft) }
func (tb table) setGrowthLeft(n uint16) { store16(tb.mem, tb.p+tableGrowthLeft, n) }
func (tb table) localDepth() uint8      { return load8(tb.mem, tb.p+tableLocalDepth) }
func (tb table) index() int64           { return int64(load64(tb.mem, tb.p+tableIndex)) }
func (tb table) setIndex(i int64)       { store64(tb.mem, tb.p+tableIndex, uint64(i)) }

// stale reports whether tb has been replaced by growth or a split.
func (tb table) stale() bool { return tb.index() == -1 }

// groups returns the table's group array, checking that its length is one a
// table can have, so that no loop over it can run away.
func (tb table) groups() groups {
	gs := groups{
		data:       loadPtr(tb.mem, tb.p+tableGroups),
		lengthMask: load64(tb.mem, tb.p+tableLengthMask),
	}
	if n := gs.lengthMask + 1; n&gs.lengthMask != 0 || n > maxTableCapacity/groupSlots ||
		uint64(load16(tb.mem, tb.p+tableCapacity)) != n*groupSlots {
		corrupt(tb.p + tableLengthMask)
	}
	return gs
}

// capacity is the slot count, derived from the checked group array.
func (gs groups) capacity() uint16 { return uint16((gs.lengthMask + 1) * groupSlots) }

// newTable allocates an empty table of at least capacity slots (rounded up to
// a power of two, at least one group).
func newTable(env Env, t *Type, capacity uint64, index int64, localDepth uint8) table {
	capacity = max(capacity, groupSlots)
	if capacity > maxTableCapacity {
		panic("maps: table capacity over maxTableCapacity")
	}
	capacity = 1 << bits.Len64(capacity-1)
	tb := table{t.Mem, env.Alloc(tableSize, true)}
	gs := newGroups(env, t, capacity/groupSlots)
	env.WritePointer(tb.p+tableGroups, gs.data)
	store64(tb.mem, tb.p+tableLengthMask, gs.lengthMask)
	store16(tb.mem, tb.p+tableCapacity, uint16(capacity))
	tb.setGrowthLeft(maxGrowthLeft(uint16(capacity)))
	store8(tb.mem, tb.p+tableLocalDepth, localDepth)
	tb.setIndex(index)
	return tb
}

// maxGrowthLeft is how many slots an empty table may fill before it must
// grow: 7/8 of them, or all but one when the table is a single group (a
// probe needs an empty slot to stop at).
func maxGrowthLeft(capacity uint16) uint16 {
	if capacity <= groupSlots {
		return capacity - 1
	}
	return capacity * maxAvgGroupLoad / groupSlots
}

// tombstones counts the table's deleted slots, from its counters.
func (tb table) tombstones(gs groups) uint16 {
	return maxGrowthLeft(gs.capacity()) - tb.used() - tb.growthLeft()
}

// getWithKey looks key up by its hash. Deleted slots never match and do not
// end the probe; an empty slot does.
func (tb table) getWithKey(env Env, t *Type, hash, key uintptr) (k, e uintptr, ok bool) {
	gs := tb.groups()
	for seq := makeProbeSeq(h1(hash), gs.lengthMask); !seq.exhausted(); seq = seq.next() {
		g := gs.group(t, seq.offset)
		c := g.ctrls()
		for match := c.matchH2(h2(hash)); match != 0; match = match.removeFirst() {
			i := match.first()
			if k := g.key(t, i); t.Equal(key, k) {
				return k, g.elem(t, i), true
			}
		}
		if c.matchEmpty() != 0 {
			return 0, 0, false
		}
	}
	fatal(env, "concurrent map read and map write")
	return 0, 0, false
}

// putSlot finds key's slot, or claims one for it, and returns the elem
// address. It returns ok=false, having replaced the table, when the key is
// new and the table has no room; the caller then retries on the directory.
func (tb table) putSlot(env Env, t *Type, m header, hash, key uintptr) (elem uintptr, ok bool) {
	gs := tb.groups()
	var (
		tombGroup group // first group on the probe path with a tombstone
		tombSlot  uintptr
	)
	for seq := makeProbeSeq(h1(hash), gs.lengthMask); !seq.exhausted(); seq = seq.next() {
		g := gs.group(t, seq.offset)
		c := g.ctrls()
		for match := c.matchH2(h2(hash)); match != 0; match = match.removeFirst() {
			i := match.first()
			if k := g.key(t, i); t.Equal(key, k) {
				if t.NeedKeyUpdate {
					env.TypedMemmove(k, key, t.KeySize, t.KeyHasPtrs)
				}
				return g.elem(t, i), true
			}
		}

		empty := c.matchEmpty()
		if empty == 0 {
			// A full group, possibly with tombstones: remember the
			// first tombstone for reuse, and keep probing.
			if free := c.matchEmptyOrDeleted(); free != 0 && tombGroup.p == 0 {
				tombGroup, tombSlot = g, free.first()
			}
			continue
		}

		// The key is absent. Reusing a tombstone costs no growth.
		i := empty.first()
		left := tb.growthLeft()
		if tombGroup.p != 0 {
			g, i = tombGroup, tombSlot
			left++
		}
		if left == 0 {
			tb.pruneTombstones(env, t, m, gs)
			left = tb.growthLeft()
		}
		if left == 0 {
			tb.rehash(env, t, m, gs)
			return 0, false
		}
		elem = g.fill(env, t, i, hash, key)
		tb.setGrowthLeft(left - 1)
		tb.setUsed(tb.used() + 1)
		m.setUsed(m.used() + 1)
		return elem, true
	}
	fatal(env, "concurrent map writes")
	return 0, false
}

// uncheckedPutSlot places an entry known to be absent into a table being
// built by growth, which has room and no tombstones. key and elem are the
// values' addresses; for indirect types they are the existing indirect
// objects, which the new slot shares with the old one (neither changes
// them afterwards).
func (tb table) uncheckedPutSlot(env Env, t *Type, hash, key, elem uintptr) {
	gs := tb.groups()
	for seq := makeProbeSeq(h1(hash), gs.lengthMask); !seq.exhausted(); seq = seq.next() {
		g := gs.group(t, seq.offset)
		free := g.ctrls().matchEmptyOrDeleted()
		if free == 0 {
			continue
		}
		i := free.first()
		if t.IndirectKey {
			env.WritePointer(g.keySlot(t, i), key)
		} else {
			env.TypedMemmove(g.keySlot(t, i), key, t.KeySize, t.KeyHasPtrs)
		}
		if t.IndirectElem {
			env.WritePointer(g.elemSlot(t, i), elem)
		} else {
			env.TypedMemmove(g.elemSlot(t, i), elem, t.ElemSize, t.ElemHasPtrs)
		}
		g.setCtrl(i, ctrl(h2(hash)))
		tb.setGrowthLeft(tb.growthLeft() - 1)
		tb.setUsed(tb.used() + 1)
		return
	}
	panic("maps: no free slot in a table under construction")
}

// delete removes key and reports whether that left a tombstone.
func (tb table) delete(env Env, t *Type, m header, hash, key uintptr) (tombstone bool) {
	gs := tb.groups()
	for seq := makeProbeSeq(h1(hash), gs.lengthMask); !seq.exhausted(); seq = seq.next() {
		g := gs.group(t, seq.offset)
		c := g.ctrls()
		for match := c.matchH2(h2(hash)); match != 0; match = match.removeFirst() {
			i := match.first()
			if !t.Equal(key, g.key(t, i)) {
				continue
			}
			tb.setUsed(tb.used() - 1)
			m.setUsed(m.used() - 1)
			g.vacate(env, t, i)
			// A probe only passes through groups with no empty
			// slot, and such a group stays that way until the
			// table is replaced. So a group that still has an
			// empty slot is the end of every probe that reaches
			// it, and the slot can be empty again; otherwise a
			// later key's probe may run through here.
			if c.matchEmpty() != 0 {
				g.setCtrl(i, ctrlEmpty)
				tb.setGrowthLeft(tb.growthLeft() + 1)
				return false
			}
			g.setCtrl(i, ctrlDeleted)
			return true
		}
		if c.matchEmpty() != 0 {
			return false
		}
	}
	fatal(env, "concurrent map writes")
	return false
}

// pruneTombstones turns back to empty the tombstones no probe needs: those
// in groups that no full slot's probe path runs through before reaching its
// own group. It only moves control bytes, never entries, so iterators are
// unaffected. The scan costs O(capacity), so it gives up unless it can
// recover a tenth of the table; the caller then grows instead.
func (tb table) pruneTombstones(env Env, t *Type, m header, gs groups) {
	capacity := gs.capacity()
	if tb.tombstones(gs)*10 < capacity {
		return
	}

	// needed has a bit per group whose tombstones must stay (or which has
	// empty slots, and so no tombstones to prune).
	var needed [maxTableCapacity / groupSlots / 64]uint64
	mark := func(i uint64) { needed[i/64] |= 1 << (i % 64) }
	isNeeded := func(i uint64) bool { return needed[i/64]&(1<<(i%64)) != 0 }

	seed := m.seed()
	for gi := uint64(0); gi <= gs.lengthMask; gi++ {
		g := gs.group(t, gi)
		c := g.ctrls()
		for full := c.matchFull(); full != 0; full = full.removeFirst() {
			k := g.key(t, full.first())
			if !t.Equal(k, k) {
				// A key unequal to itself (NaN) is never looked
				// up, so its probe path need not be kept.
				continue
			}
			seq := makeProbeSeq(h1(t.Hash(k, seed)), gs.lengthMask)
			for ; seq.offset != gi; seq = seq.next() {
				if seq.exhausted() {
					corrupt(g.p)
				}
				// Groups before ours on the path have no empty
				// slot, so a free one here is a tombstone.
				if gs.group(t, seq.offset).ctrls().matchEmptyOrDeleted() != 0 {
					mark(seq.offset)
				}
			}
		}
		if c.matchEmpty() != 0 {
			mark(gi)
		}
	}

	recoverable := 0
	for gi := uint64(0); gi <= gs.lengthMask; gi++ {
		if !isNeeded(gi) {
			recoverable += gs.group(t, gi).ctrls().matchEmptyOrDeleted().count()
		}
	}
	if recoverable*10 < int(capacity) {
		return
	}
	for gi := uint64(0); gi <= gs.lengthMask; gi++ {
		if isNeeded(gi) {
			continue
		}
		g := gs.group(t, gi)
		for tomb := g.ctrls().matchEmptyOrDeleted(); tomb != 0; tomb = tomb.removeFirst() {
			g.setCtrl(tomb.first(), ctrlEmpty)
		}
	}
	tb.setGrowthLeft(tb.growthLeft() + uint16(recoverable))
}

// rehash replaces the full table with one of twice the capacity, or, at
// maxTableCapacity, with two tables splitting its hash range. Tombstones are
// dropped on the way; tb is left intact but stale.
func (tb table) rehash(env Env, t *Type, m header, gs groups) {
	if newCap := 2 * uint64(gs.capacity()); newCap <= maxTableCapacity {
		tb.grow(env, t, m, gs, newCap)
	} else {
		tb.split(env, t, m, gs)
	}
}

func (tb table) grow(env Env, t *Type, m header, gs groups, capacity uint64) {
	nt := newTable(env, t, capacity, tb.index(), tb.localDepth())
	seed := m.seed()
	tb.forEachFull(t, gs, func(k, e uintptr) {
		nt.uncheckedPutSlot(env, t, t.Hash(k, seed), k, e)
	})
	m.replaceTable(env, nt)
	tb.setIndex(-1)
}

// split divides tb by the next hash bit below those the directory already
// spends on it: keys with the bit clear go left, set go right.
func (tb table) split(env Env, t *Type, m header, gs groups) {
	if tb.localDepth() > m.globalDepth() {
		corrupt(tb.p + tableLocalDepth)
	}
	depth := tb.localDepth() + 1
	left := newTable(env, t, maxTableCapacity, -1, depth)
	right := newTable(env, t, maxTableCapacity, -1, depth)
	bit := uintptr(1) << (64 - depth)
	seed := m.seed()
	tb.forEachFull(t, gs, func(k, e uintptr) {
		hash := t.Hash(k, seed)
		if hash&bit == 0 {
			left.uncheckedPutSlot(env, t, hash, k, e)
		} else {
			right.uncheckedPutSlot(env, t, hash, k, e)
		}
	})
	m.installTableSplit(env, tb, left, right)
	tb.setIndex(-1)
}

// forEachFull calls f with the key and elem addresses of every entry.
func (tb table) forEachFull(t *Type, gs groups, f func(k, e uintptr)) {
	for gi := uint64(0); gi <= gs.lengthMask; gi++ {
		g := gs.group(t, gi)
		for full := g.ctrls().matchFull(); full != 0; full = full.removeFirst() {
			i := full.first()
			f(g.key(t, i), g.elem(t, i))
		}
	}
}

// clear empties the table in place, keeping its groups.
func (tb table) clear(env Env, t *Type) {
	gs := tb.groups()
	mgl := maxGrowthLeft(gs.capacity())
	if tb.used() == 0 && tb.growthLeft() == mgl {
		return
	}
	for gi := uint64(0); gi <= gs.lengthMask; gi++ {
		g := gs.group(t, gi)
		// Groups holding only empty and deleted slots have had their
		// entries cleared already.
		if g.ctrls().matchFull() != 0 {
			env.TypedMemclr(g.p, t.GroupSize, t.groupHasPtrs)
		}
		g.setEmpty()
	}
	tb.setUsed(0)
	tb.setGrowthLeft(mgl)
}
