// Package maps implements Go's builtin map for gort: Swiss tables that live
// entirely in the arena, with the Go 1.26 runtime's layout, growth and
// iteration rules (internal/runtime/maps). It owns every byte of a map's
// header, directory, tables and groups; it must never hold a host pointer in
// the arena, keep arena data in host structures across calls, or touch arena
// memory other than through package arena.
//
// # API
//
// The interpreter calls MakeMap, Len, Get, Assign, Delete, Clear, and
// IterSize, IterInit and IterNext, passing the map's *Type and an Env. Maps
// and iterators are arena addresses; nothing about a map is kept host-side
// between calls. Compared with the interface first specified for this
// package:
//   - Env also has TypedMemclr and WritePointer, because every pointer store
//     goes through the write-barrier funnel (DESIGN §4): deleting from a
//     pointerful map clears pointers, and directories, tables, indirect slots
//     and iterators hold pointers. Env.Fatal reports "concurrent map writes"
//     and the like; it must not return.
//   - Type also has HashMightPanic (when set, Get and Delete on a nil or empty
//     map still hash the key, so an unhashable interface key panics as in gc)
//     and Desc (the arena address of the map's abi.MapType, stored in the
//     iterator's typ word as the real Iter does; reflect tests it for nil).
//   - IterNext reports ok=false at the end; key and elem are also left in the
//     iterator's first two words, where gc-compiled code expects them.
//
// # Failures
//
//   - A panic from Type.Hash or Type.Equal (an unhashable key) propagates to
//     the caller; Hash runs before the map is changed.
//   - Concurrent misuse detected through the writing flag is reported with
//     Env.Fatal, in the real runtime's words.
//   - Metadata that no map operation can produce (overwritten through unsafe
//     or a race), and any arena access the arena refuses, panic with
//     arena.Fault; no loop trusts a length read from the arena unchecked.
//
// # Structure
//
// A slot holds one key/elem pair; a group is 8 slots and a control word (see
// group.go); a table is a power-of-two array of groups, at most
// maxTableCapacity slots, probed quadratically by H1 = hash>>7 and filtered
// by H2 = hash&0x7f in the control bytes. A map is a header, and either
//
//   - nothing (dirPtr == 0): a map made with a small hint that was never
//     written;
//   - one group (dirLen == 0): a small map of at most 8 entries, searched
//     without probing, never holding tombstones;
//   - a directory of 2^globalDepth table pointers (dirLen > 0): the top
//     globalDepth bits of the hash choose the entry. A table made at
//     localDepth d fills 2^(globalDepth-d) consecutive entries starting at
//     its index, which is aligned to that count (extendible hashing).
//
// All of it is arena memory in gc's layout: the header is maps.Map, a table
// is maps.table, a group is the compiler's group struct (MapGroupType), the
// iterator is maps.Iter. Keys or elems over 128 bytes are stored through a
// pointer to a separate allocation, as gc does.
//
// # Invariants
//
//   - Every probe sequence ends: each table keeps at least one empty slot
//     (growthLeft counts the slots that may still be consumed, tombstones
//     included, up to 7/8 of capacity, or 7 of 8 in a one-group table).
//   - A group holds tombstones only while it has no empty slot. A slot is
//     tombstoned only when deleted from a group with no empty slot, and
//     pruning turns all of a group's tombstones back to empty at once. So the
//     first free slot on a probe path is a tombstone exactly when the path
//     must continue past that group.
//   - A table is never resized in place. Growth builds a new table (double
//     capacity, or two halves at localDepth+1 once capacity would pass
//     maxTableCapacity), installs it in the directory and marks the old one
//     stale with index -1. The old one is left untouched, which is what lets
//     an iterator keep walking it.
//   - A deleted slot has its elem zeroed (compound assignment relies on
//     reading zero from a fresh slot) and its key zeroed if it holds pointers.
//   - The writing flag is toggled around every mutation, after the key is
//     hashed (hashing may panic, and a panic before any write must leave the
//     map usable); finding it set on entry is a fatal concurrent-use error.
//   - Emptying a map (by Delete or Clear) draws a new seed, so an attacker
//     cannot keep a known collision set across reuse.
//
// Iteration, and how it survives mutation, is described in iter.go.
package maps

import (
	"math/bits"

	"gort/internal/arena"
)

const (
	groupSlots     = 8
	groupSlotsBits = 3

	// Keys and elems larger than this are stored indirectly.
	maxKeyBytes  = 128
	maxElemBytes = 128

	// A table grows once 7/8 of its slots are used or tombstoned.
	maxAvgGroupLoad = 7

	// A table that would grow past this many slots splits in two instead,
	// which bounds the work of a single growth step.
	maxTableCapacity = 1024

	ptrSize = 8
)

// Type describes a map type. The runtime fills the fields up to Desc;
// NewType computes the layout fields after them.
type Type struct {
	KeySize, KeyAlign, ElemSize, ElemAlign uintptr
	KeyHasPtrs, ElemHasPtrs                bool

	// Hash hashes the key at arena address key with seed. It may panic with
	// a value the runtime supplies ("hash of unhashable type ..."), so the
	// map hashes before it changes anything.
	Hash func(key, seed uintptr) uintptr
	// Equal compares the keys at two arena addresses; it may panic like Hash.
	Equal func(a, b uintptr) bool

	// NeedKeyUpdate: assignment to an existing key overwrites the stored
	// key (keys that can be equal with different bits: ±0, strings,
	// interfaces).
	NeedKeyUpdate bool
	// HashMightPanic: Get and Delete hash the key even when the map is nil
	// or empty, so an unhashable key panics regardless of the map's
	// contents (interface keys; gc's MapHashMightPanic).
	HashMightPanic bool
	// Mem is the arena of the VM the type belongs to: every map of the
	// type lives in it.
	Mem *arena.Arena

	// Desc is the arena address of the map type's abi.MapType descriptor,
	// or 0. IterInit stores it in the iterator's typ word.
	Desc uintptr

	// Layout, as abi.MapType describes it; set by NewType.
	IndirectKey, IndirectElem bool
	SlotSize                  uintptr // size of one key/elem slot
	ElemOff                   uintptr // offset of the elem in a slot
	GroupSize                 uintptr // control word plus 8 slots, padded

	slotsOff     uintptr // offset of slot 0 in a group
	groupHasPtrs bool
}

// NewType returns a copy of t with the layout fields computed as gc lays out
// a map's group type: struct{ ctrl uint64; slots [8]struct{ key K; elem E } },
// with K or E replaced by a pointer when larger than 128 bytes.
func NewType(t Type) *Type {
	if t.Hash == nil || t.Equal == nil {
		panic("maps.NewType: key type has no hash or equal function")
	}
	keySize, keyAlign := t.KeySize, max(t.KeyAlign, 1)
	if t.KeySize > maxKeyBytes {
		t.IndirectKey = true
		keySize, keyAlign = ptrSize, ptrSize
	}
	elemSize, elemAlign := t.ElemSize, max(t.ElemAlign, 1)
	if t.ElemSize > maxElemBytes {
		t.IndirectElem = true
		elemSize, elemAlign = ptrSize, ptrSize
	}
	if keyAlign&(keyAlign-1) != 0 || elemAlign&(elemAlign-1) != 0 {
		panic("maps.NewType: alignment is not a power of two")
	}

	slotAlign := max(keyAlign, elemAlign)
	t.ElemOff = alignUp(keySize, elemAlign)
	slot := t.ElemOff + elemSize
	// gc pads a non-empty struct whose last field has size zero by one
	// byte, so that the field's address cannot point at the next object.
	if slot > 0 && elemSize == 0 {
		slot++
	}
	t.SlotSize = alignUp(slot, slotAlign)

	t.slotsOff = alignUp(8, slotAlign)
	grp := t.slotsOff + groupSlots*t.SlotSize
	if t.SlotSize == 0 {
		grp++ // the same rule, for the zero-size slots array
	}
	t.GroupSize = alignUp(grp, max(8, slotAlign))
	t.groupHasPtrs = t.KeyHasPtrs || t.ElemHasPtrs || t.IndirectKey || t.IndirectElem
	return &t
}

func alignUp(n, a uintptr) uintptr { return (n + a - 1) &^ (a - 1) }

// Env is how the map reaches the rest of the runtime.
type Env interface {
	// Alloc returns size bytes of zeroed arena memory. It never fails (the
	// runtime throws when out of memory).
	Alloc(size uintptr, hasPtrs bool) uintptr
	// TypedMemmove, TypedMemclr and WritePointer are the write-barrier
	// funnel: every store of a value that may hold pointers goes through
	// them.
	TypedMemmove(dst, src, size uintptr, hasPtrs bool)
	TypedMemclr(dst, size uintptr, hasPtrs bool)
	WritePointer(slot, ptr uintptr)
	// Rand is the current P's random source (seeded in deterministic mode).
	Rand() uint64
	// Fatal reports an unrecoverable user error, such as concurrent map
	// writes. It does not return.
	Fatal(msg string)
}

func fatal(env Env, msg string) {
	env.Fatal(msg)
	panic("maps: Env.Fatal returned after: " + msg)
}

// The map header, laid out as maps.Map on linux/amd64.
const (
	mapUsed              = 0  // uint64: entries in the map (len reads it)
	mapSeed              = 8  // uintptr: hash seed
	mapDirPtr            = 16 // *[dirLen]*table, or *group for a small map
	mapDirLen            = 24 // int: directory length, 0 for a small map
	mapGlobalDepth       = 32 // uint8: hash bits used to pick a table
	mapGlobalShift       = 33 // uint8: 64 - globalDepth
	mapWriting           = 34 // uint8: toggled around every write
	mapTombstonePossible = 35 // bool: some table may hold tombstones
	mapClearSeq          = 40 // uint64: count of Clear calls
	mapSize              = 48
)

// header is the arena address of a map header.
type header struct {
	mem *arena.Arena
	p   uintptr
}

func (m header) used() uint64       { return load64(m.mem, m.p+mapUsed) }
func (m header) setUsed(n uint64)   { store64(m.mem, m.p+mapUsed, n) }
func (m header) seed() uintptr      { return loadPtr(m.mem, m.p+mapSeed) }
func (m header) setSeed(s uint64)   { store64(m.mem, m.p+mapSeed, s) }
func (m header) dirPtr() uintptr    { return loadPtr(m.mem, m.p+mapDirPtr) }
func (m header) dirLen() uint64     { return load64(m.mem, m.p+mapDirLen) }
func (m header) globalDepth() uint8 { return load8(m.mem, m.p+mapGlobalDepth) }
func (m header) writing() uint8     { return load8(m.mem, m.p+mapWriting) }
func (m header) clearSeq() uint64   { return load64(m.mem, m.p+mapClearSeq) }
func (m header) small() group       { return group{m.mem, m.dirPtr()} }
func (m header) tombstonePossible() bool {
	return load8(m.mem, m.p+mapTombstonePossible) != 0
}

func (m header) setTombstonePossible(b bool) {
	var v uint8
	if b {
		v = 1
	}
	store8(m.mem, m.p+mapTombstonePossible, v)
}

func (m header) setDirectory(env Env, dir uintptr, depth uint8) {
	env.WritePointer(m.p+mapDirPtr, dir)
	store64(m.mem, m.p+mapDirLen, 1<<depth)
	store8(m.mem, m.p+mapGlobalDepth, depth)
	store8(m.mem, m.p+mapGlobalShift, 64-depth)
}

// beginWrite checks that no write is in progress and then toggles the flag.
// It runs after the key is hashed. Toggling rather than setting makes two
// racing writers more likely to see each other's mark.
func (m header) beginWrite(env Env) {
	w := m.writing()
	if w != 0 {
		fatal(env, "concurrent map writes")
	}
	store8(m.mem, m.p+mapWriting, w^1)
}

func (m header) endWrite(env Env) {
	w := m.writing()
	if w == 0 {
		fatal(env, "concurrent map writes")
	}
	store8(m.mem, m.p+mapWriting, w^1)
}

// directory returns the directory array and its length, after checking the
// header's description of it against itself.
func (m header) directory() (dir uintptr, n uint64) {
	n = m.dirLen()
	depth := m.globalDepth()
	if depth > 32 || n != 1<<depth || load8(m.mem, m.p+mapGlobalShift) != 64-depth {
		corrupt(m.p + mapDirLen)
	}
	return m.dirPtr(), n
}

func directoryAt(mem *arena.Arena, dir uintptr, i uint64) table {
	return table{mem, loadPtr(mem, dir+uintptr(i)*ptrSize)}
}

// tableFor returns the table that holds keys with this hash.
func (m header) tableFor(hash uintptr) table {
	dir, n := m.directory()
	var i uint64
	if n > 1 {
		i = uint64(hash) >> (64 - bits.TrailingZeros64(n))
	}
	return directoryAt(m.mem, dir, i)
}

// MakeMap allocates a map for about hint entries and returns its header.
// Like the real runtime, a hint that could not be honoured (negative, or
// larger than the arena can hold) makes an empty map instead.
func MakeMap(env Env, t *Type, hint int) uintptr {
	m := header{t.Mem, env.Alloc(mapSize, true)}
	m.setSeed(env.Rand())
	if hint <= groupSlots {
		// A small map allocates its one group on first write.
		return m.p
	}

	// Size the tables to hold hint entries at the average load factor.
	h := uint64(hint)
	if h > (1<<63)/groupSlots {
		return m.p
	}
	target := h * groupSlots / maxAvgGroupLoad
	dirSize := uint64(1) << bits.Len64((target+maxTableCapacity-1)/maxTableCapacity-1)
	if dirSize > uint64(arena.Size)/(maxTableCapacity/groupSlots)/uint64(t.GroupSize) {
		return m.p
	}
	depth := uint8(bits.TrailingZeros64(dirSize))
	dir := env.Alloc(uintptr(dirSize)*ptrSize, true)
	for i := uint64(0); i < dirSize; i++ {
		tb := newTable(env, t, target/dirSize, int64(i), depth)
		env.WritePointer(dir+uintptr(i)*ptrSize, tb.p)
	}
	m.setDirectory(env, dir, depth)
	return m.p
}

// Len returns the number of entries; m may be 0 (a nil map).
func Len(mem *arena.Arena, m uintptr) int {
	if m == 0 {
		return 0
	}
	return int(header{mem, m}.used())
}

// Get looks key up. It returns the address of the elem inside the map,
// valid until the next write to the map, or ok=false (the caller supplies
// the zero value); m may be 0.
func Get(env Env, t *Type, m, key uintptr) (elem uintptr, ok bool) {
	_, elem, ok = header{t.Mem, m}.getWithKey(env, t, key)
	return elem, ok
}

// getWithKey also returns the address of the stored key, which differs from
// key in bits when NeedKeyUpdate keys compare equal (±0).
func (m header) getWithKey(env Env, t *Type, key uintptr) (k, e uintptr, ok bool) {
	if m.p == 0 || m.used() == 0 {
		if t.HashMightPanic {
			t.Hash(key, 0)
		}
		return 0, 0, false
	}
	if m.writing() != 0 {
		fatal(env, "concurrent map read and map write")
	}
	hash := t.Hash(key, m.seed())
	if m.dirLen() == 0 {
		return m.getWithKeySmall(t, hash, key)
	}
	return m.tableFor(hash).getWithKey(env, t, hash, key)
}

// getWithKeySmall searches a small map's group; with no probe sequence, a
// miss in the one group is a miss in the map.
func (m header) getWithKeySmall(t *Type, hash, key uintptr) (k, e uintptr, ok bool) {
	g := m.small()
	for match := g.ctrls().matchH2(h2(hash)); match != 0; match = match.removeFirst() {
		i := match.first()
		if k := g.key(t, i); t.Equal(key, k) {
			return k, g.elem(t, i), true
		}
	}
	return 0, 0, false
}

// Assign returns the address where the elem for key is to be stored,
// inserting key first if it is absent (a new elem is zero). m must not be 0:
// assigning to a nil map is the caller's panic.
func Assign(env Env, t *Type, mp, key uintptr) (elem uintptr) {
	m := header{t.Mem, mp}
	if m.writing() != 0 {
		fatal(env, "concurrent map writes")
	}
	hash := t.Hash(key, m.seed())
	m.beginWrite(env)

	if m.dirPtr() == 0 {
		g := newGroups(env, t, 1)
		env.WritePointer(m.p+mapDirPtr, g.data)
	}
	if m.dirLen() == 0 {
		if m.used() < groupSlots {
			elem = m.putSlotSmall(env, t, hash, key)
			m.endWrite(env)
			return elem
		}
		// A full small map moves to a table before the key is looked
		// for, so even an update of an existing key grows it, as in gc.
		m.growToTable(env, t)
	}
	for {
		var ok bool
		if elem, ok = m.tableFor(hash).putSlot(env, t, m, hash, key); ok {
			break
		}
		// The table grew or split; look the hash up again.
	}
	m.endWrite(env)
	return elem
}

func (m header) putSlotSmall(env Env, t *Type, hash, key uintptr) uintptr {
	g := m.small()
	c := g.ctrls()
	for match := c.matchH2(h2(hash)); match != 0; match = match.removeFirst() {
		i := match.first()
		if k := g.key(t, i); t.Equal(key, k) {
			if t.NeedKeyUpdate {
				env.TypedMemmove(k, key, t.KeySize, t.KeyHasPtrs)
			}
			return g.elem(t, i)
		}
	}
	free := c.matchEmptyOrDeleted() // a small map has no tombstones
	if free == 0 {
		fatal(env, "small map with no empty slot (concurrent map writes?)")
	}
	i := free.first()
	elem := g.fill(env, t, i, hash, key)
	m.setUsed(m.used() + 1)
	return elem
}

// fill stores key in free slot i, marks the slot full, and returns the
// address of its (zero) elem, allocating indirect storage as needed.
func (g group) fill(env Env, t *Type, i, hash, key uintptr) uintptr {
	k := g.keySlot(t, i)
	if t.IndirectKey {
		obj := env.Alloc(t.KeySize, t.KeyHasPtrs)
		env.WritePointer(k, obj)
		k = obj
	}
	env.TypedMemmove(k, key, t.KeySize, t.KeyHasPtrs)
	e := g.elemSlot(t, i)
	if t.IndirectElem {
		obj := env.Alloc(t.ElemSize, t.ElemHasPtrs)
		env.WritePointer(e, obj)
		e = obj
	}
	g.setCtrl(i, ctrl(h2(hash)))
	return e
}

// vacate zeroes slot i's contents after its entry is deleted. The control
// byte is the caller's business.
func (g group) vacate(env Env, t *Type, i uintptr) {
	k := g.keySlot(t, i)
	if t.IndirectKey {
		env.WritePointer(k, 0)
	} else if t.KeyHasPtrs {
		env.TypedMemclr(k, t.KeySize, true)
	}
	e := g.elemSlot(t, i)
	if t.IndirectElem {
		env.WritePointer(e, 0)
	} else {
		env.TypedMemclr(e, t.ElemSize, t.ElemHasPtrs)
	}
}

// growToTable moves a full small map into a one-table directory.
func (m header) growToTable(env Env, t *Type) {
	tb := newTable(env, t, 2*groupSlots, 0, 0)
	g := m.small()
	full := g.ctrls().matchFull()
	for ; full != 0; full = full.removeFirst() {
		i := full.first()
		k := g.key(t, i)
		tb.uncheckedPutSlot(env, t, t.Hash(k, m.seed()), k, g.elem(t, i))
	}
	dir := env.Alloc(ptrSize, true)
	env.WritePointer(dir, tb.p)
	m.setDirectory(env, dir, 0)
}

// Delete removes key if present; m may be 0.
func Delete(env Env, t *Type, mp, key uintptr) {
	m := header{t.Mem, mp}
	if m.p == 0 || m.used() == 0 {
		if t.HashMightPanic {
			t.Hash(key, 0)
		}
		return
	}
	if m.writing() != 0 {
		fatal(env, "concurrent map writes")
	}
	hash := t.Hash(key, m.seed())
	m.beginWrite(env)

	if m.dirLen() == 0 {
		m.deleteSmall(env, t, hash, key)
	} else if m.tableFor(hash).delete(env, t, m, hash, key) {
		m.setTombstonePossible(true)
	}
	if m.used() == 0 {
		m.setSeed(env.Rand())
	}
	m.endWrite(env)
}

func (m header) deleteSmall(env Env, t *Type, hash, key uintptr) {
	g := m.small()
	for match := g.ctrls().matchH2(h2(hash)); match != 0; match = match.removeFirst() {
		i := match.first()
		if t.Equal(key, g.key(t, i)) {
			m.setUsed(m.used() - 1)
			g.vacate(env, t, i)
			// No probe sequence runs through a small map's group, so
			// the slot can be empty at once.
			g.setCtrl(i, ctrlEmpty)
			return
		}
	}
}

// Clear deletes every entry; m may be 0. Tables keep their size.
func Clear(env Env, t *Type, mp uintptr) {
	m := header{t.Mem, mp}
	if m.p == 0 || m.used() == 0 && !m.tombstonePossible() {
		return
	}
	m.beginWrite(env)

	if m.dirLen() == 0 {
		g := m.small()
		env.TypedMemclr(g.p, t.GroupSize, t.groupHasPtrs)
		g.setEmpty()
	} else {
		dir, n := m.directory()
		var last table
		for i := uint64(0); i < n; i++ {
			// Entries for one table are adjacent.
			if tb := directoryAt(m.mem, dir, i); tb != last {
				tb.clear(env, t)
				last = tb
			}
		}
		m.setTombstonePossible(false)
	}
	m.setUsed(0)
	store64(m.mem, m.p+mapClearSeq, m.clearSeq()+1)
	m.setSeed(env.Rand())
	m.endWrite(env)
}

// installTableSplit replaces old in the directory by its two halves, doubling
// the directory first if old already used every bit of it.
func (m header) installTableSplit(env Env, old, left, right table) {
	if old.localDepth() == m.globalDepth() {
		dir, n := m.directory()
		grown := env.Alloc(uintptr(2*n)*ptrSize, true)
		for i := uint64(0); i < n; i++ {
			tb := directoryAt(m.mem, dir, i)
			env.WritePointer(grown+uintptr(2*i)*ptrSize, tb.p)
			env.WritePointer(grown+uintptr(2*i+1)*ptrSize, tb.p)
			// A table's first entry is the first time we meet it.
			if tb.index() == int64(i) {
				tb.setIndex(int64(2 * i))
			}
		}
		m.setDirectory(env, grown, m.globalDepth()+1)
	}
	left.setIndex(old.index())
	m.replaceTable(env, left)
	right.setIndex(left.index() + int64(m.entriesFor(right)))
	m.replaceTable(env, right)
}

// entriesFor is the number of directory entries tb fills.
func (m header) entriesFor(tb table) uint64 {
	gd, ld := m.globalDepth(), tb.localDepth()
	if ld > gd {
		corrupt(tb.p + tableLocalDepth)
	}
	return 1 << (gd - ld)
}

// replaceTable points tb's run of directory entries at tb.
func (m header) replaceTable(env Env, tb table) {
	dir, n := m.directory()
	first, count := uint64(tb.index()), m.entriesFor(tb)
	if first >= n || count > n-first {
		corrupt(tb.p + tableIndex)
	}
	for i := first; i < first+count; i++ {
		env.WritePointer(dir+uintptr(i)*ptrSize, tb.p)
	}
}

func h1(hash uintptr) uintptr { return hash >> 7 }
func h2(hash uintptr) uintptr { return hash & 0x7f }
