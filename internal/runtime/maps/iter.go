package maps

// Iteration.
//
// Go promises little about iteration order and much about mutation during
// it: an entry is produced at most once; an entry deleted before it is
// reached is not produced; an entry's latest elem is what is produced; an
// entry added during iteration may or may not be. The order is randomised:
// each iteration starts at a random slot offset within every table and a
// random entry of the directory.
//
// Without growth that is a walk over the directory's tables (each once, even
// when it fills several entries) and over each table's slots. Growth moves
// entries to new tables with different probe orders, so positions in the
// new tables mean nothing to an iterator. Instead the iterator keeps walking
// the table it was in, now stale (index -1, contents frozen), which decides
// which keys to produce and in what order; each key is then looked up in the
// live map to learn whether it still exists and what its elem (and, for
// NeedKeyUpdate keys, its stored key) is now. Entries only in the new tables
// are new ones, which may be skipped. When a stale table is finished, the
// iterator skips every directory entry it covered at its own depth, which
// also covers both halves of a split. When the directory doubles, the
// iterator's position and offset double with it, since table i's entries
// become 2i and 2i+1. A small map that grows into a table is handled the
// same way, the small group playing the stale table.
//
// A key that is not equal to itself (NaN) cannot be looked up; it cannot be
// updated or deleted either, only cleared, so unless the map was cleared
// since the iterator started (clearSeq), the frozen copy is current.

// The iterator, laid out as maps.Iter on linux/amd64. gc-compiled code reads
// key and elem from the first two words.
const (
	itKey         = 0  // key of the current entry, 0 at the end
	itElem        = 8  // elem of the current entry
	itTyp         = 16 // Type.Desc
	itMap         = 24 // the map header, 0 if the map was empty at init
	itEntryOffset = 32 // random start within each table
	itDirOffset   = 40 // random start within the directory
	itClearSeq    = 48 // the map's clearSeq at init
	itGlobalDepth = 56 // uint8: the map's globalDepth at the last step
	itDirIdx      = 64 // int: directory position before dirOffset; -1 for a small map
	itTab         = 72 // table being walked (possibly stale)
	itGroup       = 80 // the small map's group, when dirIdx is -1
	itEntryIdx    = 88 // slot position in the table before entryOffset
	iterSize      = 96
)

// IterSize is the number of bytes to allocate for an iterator.
func IterSize() uintptr { return iterSize }

// IterInit starts an iteration over m (which may be 0) in the iterator at
// it. The iterator's pointer words are overwritten, so it need not be zero.
func IterInit(env Env, t *Type, m, it uintptr) {
	env.TypedMemclr(it, iterSize, true)
	env.WritePointer(it+itTyp, t.Desc)
	h := header{t.Mem, m}
	if h.p == 0 || h.used() == 0 {
		return
	}
	s := iterState{
		m:           h,
		entryOffset: env.Rand(),
		dirOffset:   env.Rand(),
		clearSeq:    h.clearSeq(),
		globalDepth: h.globalDepth(),
	}
	if h.dirLen() == 0 {
		s.dirIdx = -1
		s.group = h.small()
	}
	env.WritePointer(it+itMap, m)
	store64(t.Mem, it+itEntryOffset, s.entryOffset)
	store64(t.Mem, it+itClearSeq, s.clearSeq)
	s.save(env, t, it)
}

// IterNext advances the iterator and returns the addresses of the next key
// and elem (valid until the map is next written), or ok=false at the end.
func IterNext(env Env, t *Type, it uintptr) (key, elem uintptr, ok bool) {
	s := loadIter(t, it)
	if s.m.p != 0 {
		if s.m.writing() != 0 {
			fatal(env, "concurrent map iteration and map write")
		}
		if s.dirIdx < 0 {
			key, elem = s.nextSmall(env, t)
		} else {
			key, elem = s.nextInTables(env, t)
		}
		s.save(env, t, it)
	}
	env.WritePointer(it+itKey, key)
	env.WritePointer(it+itElem, elem)
	return key, elem, key != 0
}

// iterState is the iterator's state, copied out of the arena for one step.
type iterState struct {
	m           header
	entryOffset uint64
	dirOffset   uint64
	clearSeq    uint64
	globalDepth uint8
	dirIdx      int64
	tab         table
	group       group
	entryIdx    uint64
}

func loadIter(t *Type, it uintptr) iterState {
	return iterState{
		m:           header{t.Mem, loadPtr(t.Mem, it+itMap)},
		entryOffset: load64(t.Mem, it+itEntryOffset),
		dirOffset:   load64(t.Mem, it+itDirOffset),
		clearSeq:    load64(t.Mem, it+itClearSeq),
		globalDepth: load8(t.Mem, it+itGlobalDepth),
		dirIdx:      int64(load64(t.Mem, it+itDirIdx)),
		tab:         table{t.Mem, loadPtr(t.Mem, it+itTab)},
		group:       group{t.Mem, loadPtr(t.Mem, it+itGroup)},
		entryIdx:    load64(t.Mem, it+itEntryIdx),
	}
}

// save writes back the fields a step can change.
func (s *iterState) save(env Env, t *Type, it uintptr) {
	store64(t.Mem, it+itDirOffset, s.dirOffset)
	store8(t.Mem, it+itGlobalDepth, s.globalDepth)
	store64(t.Mem, it+itDirIdx, uint64(s.dirIdx))
	env.WritePointer(it+itTab, s.tab.p)
	env.WritePointer(it+itGroup, s.group.p)
	store64(t.Mem, it+itEntryIdx, s.entryIdx)
}

// nextSmall steps through the group of a map that was small at init.
func (s *iterState) nextSmall(env Env, t *Type) (k, e uintptr) {
	g := s.group
	for s.entryIdx < groupSlots {
		i := uintptr((s.entryIdx + s.entryOffset) % groupSlots)
		s.entryIdx++
		if g.ctrls().get(i)&ctrlEmpty != 0 {
			continue // empty (a small group has no tombstones)
		}
		k := g.key(t, i)
		if s.m.dirLen() == 0 {
			return k, g.elem(t, i)
		}
		// The map has grown into tables since init.
		if k, e, ok := s.grownKeyElem(env, t, g, i, k); ok {
			return k, e
		}
	}
	return 0, 0
}

// nextInTables steps through the directory's tables.
func (s *iterState) nextInTables(env Env, t *Type) (k, e uintptr) {
	if gd := s.m.globalDepth(); gd != s.globalDepth {
		if gd < s.globalDepth {
			corrupt(s.m.p + mapGlobalDepth)
		}
		s.dirIdx <<= gd - s.globalDepth
		s.dirOffset <<= gd - s.globalDepth
		s.globalDepth = gd
	}
	dir, n := s.m.directory()
	for ; uint64(s.dirIdx) < n; s.nextDirIdx() {
		if s.tab.p == 0 {
			i := (uint64(s.dirIdx) + s.dirOffset) & (n - 1)
			tb := directoryAt(s.m.mem, dir, i)
			// The random start may fall inside a table's run of
			// entries; shift the offset so that the walk starts at
			// the run's first entry and nextDirIdx lands on the next
			// table's first entry.
			s.dirOffset -= i - uint64(tb.index())
			s.tab = tb
		}
		gs := s.tab.groups()
		stale := s.tab.stale()
		last := uint64(gs.capacity()) - 1
		for s.entryIdx <= last {
			pos := (s.entryIdx + s.entryOffset) & last
			slot := uintptr(pos % groupSlots)
			g := gs.group(t, pos>>groupSlotsBits)
			full := g.ctrls().matchFull().removeBelow(slot)
			if full == 0 {
				s.entryIdx += uint64(groupSlots - slot)
				continue
			}
			i := full.first()
			s.entryIdx += uint64(i - slot)
			if s.entryIdx > last {
				// Wrapped around into the slots this table's
				// walk began with.
				break
			}
			s.entryIdx++
			k := g.key(t, i)
			if !stale {
				return k, g.elem(t, i)
			}
			if k, e, ok := s.grownKeyElem(env, t, g, i, k); ok {
				return k, e
			}
		}
	}
	return 0, 0
}

// nextDirIdx moves past every directory entry the current table covers.
func (s *iterState) nextDirIdx() {
	s.dirIdx += int64(s.m.entriesFor(s.tab))
	s.tab = table{}
	s.entryIdx = 0
}

// grownKeyElem returns the live version of key k, found in slot i of a
// frozen group (a stale table's, or a small map's that has since grown), or
// ok=false if the entry has been deleted.
func (s *iterState) grownKeyElem(env Env, t *Type, g group, i, k uintptr) (uintptr, uintptr, bool) {
	if key, elem, ok := s.m.getWithKey(env, t, k); ok {
		return key, elem, true
	}
	if s.clearSeq == s.m.clearSeq() && !t.Equal(k, k) {
		return k, g.elem(t, i), true
	}
	return 0, 0, false
}
