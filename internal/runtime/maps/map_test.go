package maps

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"syscall"
	"testing"

	"gort/internal/arena"
)

// The tests run the map in-process over the real arena, with a bump
// allocator standing in for the runtime's heap.

const (
	heapBase = arena.Base + 1<<30
	heapEnd  = arena.Base + 32<<30
)

var heapNext = heapBase

// testMem is slot 0's arena, which every test type's maps live in. It is
// mapped before the codecs' types are made, which name it.
var testMem = mapTestArena()

func mapTestArena() *arena.Arena {
	mem, err := arena.Map(0)
	if errors.Is(err, arena.ErrTaken) {
		// Once in a few hundred starts the host heap lands on the
		// arena's range: the test binary starts again, which draws a
		// new heap base, as cmd/gort does.
		if tries, _ := strconv.Atoi(os.Getenv(arenaRetryEnv)); tries < 8 {
			if exe, xerr := os.Executable(); xerr == nil {
				env := append(os.Environ(), arenaRetryEnv+"="+strconv.Itoa(tries+1))
				syscall.Exec(exe, os.Args, env)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return mem
}

// arenaRetryEnv counts mapTestArena's restarts.
const arenaRetryEnv = "GORT_MAPS_TEST_ARENA_RETRY"

// newType is NewType for a type whose maps live in testMem.
func newType(t Type) *Type {
	t.Mem = testMem
	return NewType(t)
}

// fatalError is what testEnv.Fatal panics with.
type fatalError string

type testEnv struct {
	rng    *rand.Rand
	allocs int
}

func newEnv(seed uint64) *testEnv {
	return &testEnv{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (e *testEnv) Alloc(size uintptr, hasPtrs bool) uintptr {
	e.allocs++
	p := heapNext
	heapNext = alignUp(heapNext+max(size, 1), 16)
	if heapNext > heapEnd {
		panic("test heap exhausted")
	}
	// Fresh arena pages are zero and the bump allocator never reuses
	// memory, so there is nothing to clear.
	return p
}

func (e *testEnv) TypedMemmove(dst, src, size uintptr, hasPtrs bool) {
	if !testMem.Memmove(dst, src, size) {
		panic(arena.Fault{Addr: dst})
	}
}

func (e *testEnv) TypedMemclr(dst, size uintptr, hasPtrs bool) {
	if !testMem.Memclr(dst, size) {
		panic(arena.Fault{Addr: dst})
	}
}

func (e *testEnv) WritePointer(slot, ptr uintptr) {
	if !testMem.Store64(slot, uint64(ptr)) {
		panic(arena.Fault{Addr: slot})
	}
}

func (e *testEnv) Rand() uint64     { return e.rng.Uint64() }
func (e *testEnv) Fatal(msg string) { panic(fatalError(msg)) }

func ld(p uintptr) uint64 {
	v, ok := testMem.Load64(p)
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return v
}

func st(p uintptr, v uint64) {
	if !testMem.Store64(p, v) {
		panic(arena.Fault{Addr: p})
	}
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func hashBytes(b []byte, seed uintptr) uintptr {
	h := uint64(seed) ^ 0xcbf29ce484222325
	for _, c := range b {
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	return uintptr(mix(h))
}

// A codec maps test key and elem ids (int64) to and from one map type's
// arena representation.
type codec struct {
	name      string
	typ       *Type
	writeKey  func(env *testEnv, dst uintptr, k int64)
	readKey   func(src uintptr) int64
	writeElem func(dst uintptr, v int64)
	readElem  func(src uintptr) int64
}

func word(dst uintptr, v int64) { st(dst, uint64(v)) }
func unword(src uintptr) int64  { return int64(ld(src)) }

func int64Type() *Type {
	return newType(Type{
		KeySize: 8, KeyAlign: 8, ElemSize: 8, ElemAlign: 8,
		Hash:  func(k, seed uintptr) uintptr { return uintptr(mix(ld(k) ^ uint64(seed))) },
		Equal: func(a, b uintptr) bool { return ld(a) == ld(b) },
	})
}

var int64Codec = codec{
	name:      "int64",
	typ:       int64Type(),
	writeKey:  func(_ *testEnv, dst uintptr, k int64) { word(dst, k) },
	readKey:   unword,
	writeElem: word,
	readElem:  unword,
}

// h2Codec gives every key the same H2, so every full slot is a candidate on
// every probe and only Equal tells keys apart.
var h2Codec = codec{
	name: "int64-sameH2",
	typ: newType(Type{
		KeySize: 8, KeyAlign: 8, ElemSize: 8, ElemAlign: 8,
		Hash:  func(k, seed uintptr) uintptr { return uintptr(mix(ld(k)^uint64(seed))) &^ 0x7f },
		Equal: func(a, b uintptr) bool { return ld(a) == ld(b) },
	}),
	writeKey:  func(_ *testEnv, dst uintptr, k int64) { word(dst, k) },
	readKey:   unword,
	writeElem: word,
	readElem:  unword,
}

// Strings are {ptr, len} with the bytes elsewhere in the arena.
func arenaString(env *testEnv, s string) (ptr, n uintptr) {
	n = uintptr(len(s))
	ptr = env.Alloc(n, false)
	b, ok := testMem.Bytes(ptr, n)
	if !ok {
		panic(arena.Fault{Addr: ptr})
	}
	copy(b, s)
	return ptr, n
}

func stringAt(p uintptr) []byte {
	b, ok := testMem.Bytes(uintptr(ld(p)), uintptr(ld(p+8)))
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return b
}

var stringCodec = codec{
	name: "string",
	typ: newType(Type{
		KeySize: 16, KeyAlign: 8, ElemSize: 8, ElemAlign: 8,
		KeyHasPtrs: true, NeedKeyUpdate: true,
		Hash:  func(k, seed uintptr) uintptr { return hashBytes(stringAt(k), seed) },
		Equal: func(a, b uintptr) bool { return string(stringAt(a)) == string(stringAt(b)) },
	}),
	writeKey: func(env *testEnv, dst uintptr, k int64) {
		p, n := arenaString(env, "key-"+strconv.FormatInt(k, 10))
		st(dst, uint64(p))
		st(dst+8, uint64(n))
	},
	readKey: func(src uintptr) int64 {
		k, err := strconv.ParseInt(string(stringAt(src)[4:]), 10, 64)
		if err != nil {
			panic(err)
		}
		return k
	},
	writeElem: word,
	readElem:  unword,
}

// Big keys (200 bytes) and elems (160 bytes) are stored indirectly.
const bigKeyWords, bigElemWords = 25, 20

var bigCodec = codec{
	name: "big",
	typ: newType(Type{
		KeySize: 8 * bigKeyWords, KeyAlign: 8, ElemSize: 8 * bigElemWords, ElemAlign: 8,
		Hash: func(k, seed uintptr) uintptr {
			b, _ := testMem.Bytes(k, 8*bigKeyWords)
			return hashBytes(b, seed)
		},
		Equal: func(a, b uintptr) bool {
			x, _ := testMem.Bytes(a, 8*bigKeyWords)
			y, _ := testMem.Bytes(b, 8*bigKeyWords)
			return string(x) == string(y)
		},
	}),
	writeKey: func(_ *testEnv, dst uintptr, k int64) {
		for i := range uintptr(bigKeyWords) {
			word(dst+8*i, k*1000+int64(i))
		}
	},
	readKey: func(src uintptr) int64 {
		k := unword(src) / 1000
		for i := range uintptr(bigKeyWords) {
			if unword(src+8*i) != k*1000+int64(i) {
				panic("big key corrupted")
			}
		}
		return k
	},
	writeElem: func(dst uintptr, v int64) {
		word(dst, v)
		word(dst+8*(bigElemWords-1), ^v)
	},
	readElem: func(src uintptr) int64 {
		v := unword(src)
		if w := unword(src + 8*(bigElemWords-1)); w != ^v && (v != 0 || w != 0) {
			panic("big elem corrupted")
		}
		return v
	},
}

var codecs = []codec{int64Codec, h2Codec, stringCodec, bigCodec}

// tmap drives one map through the API using a codec.
type tmap struct {
	t    *testing.T
	env  *testEnv
	c    codec
	m    uintptr
	kbuf uintptr
	it   uintptr
}

func newTmap(t *testing.T, env *testEnv, c codec, hint int) *tmap {
	return &tmap{
		t: t, env: env, c: c,
		m:    MakeMap(env, c.typ, hint),
		kbuf: env.Alloc(max(c.typ.KeySize, 1), c.typ.KeyHasPtrs),
		it:   env.Alloc(IterSize(), true),
	}
}

func (tm *tmap) key(k int64) uintptr {
	tm.c.writeKey(tm.env, tm.kbuf, k)
	return tm.kbuf
}

func (tm *tmap) put(k, v int64) {
	e := Assign(tm.env, tm.c.typ, tm.m, tm.key(k))
	tm.c.writeElem(e, v)
}

func (tm *tmap) get(k int64) (int64, bool) {
	e, ok := Get(tm.env, tm.c.typ, tm.m, tm.key(k))
	if !ok {
		return 0, false
	}
	return tm.c.readElem(e), true
}

func (tm *tmap) del(k int64) { Delete(tm.env, tm.c.typ, tm.m, tm.key(k)) }

func (tm *tmap) start() { IterInit(tm.env, tm.c.typ, tm.m, tm.it) }

func (tm *tmap) next() (k, v int64, ok bool) {
	kp, ep, ok := IterNext(tm.env, tm.c.typ, tm.it)
	if !ok {
		return 0, 0, false
	}
	if ld(tm.it+itKey) != uint64(kp) || ld(tm.it+itElem) != uint64(ep) {
		tm.t.Fatalf("iterator words do not hold the returned key and elem")
	}
	return tm.c.readKey(kp), tm.c.readElem(ep), true
}

// all iterates the whole map, failing on a repeated key.
func (tm *tmap) all() map[int64]int64 {
	got := map[int64]int64{}
	tm.start()
	for {
		k, v, ok := tm.next()
		if !ok {
			return got
		}
		if _, dup := got[k]; dup {
			tm.t.Fatalf("%s: iteration produced key %d twice", tm.c.name, k)
		}
		got[k] = v
	}
}

func (tm *tmap) check(model map[int64]int64) {
	tm.t.Helper()
	if n := Len(testMem, tm.m); n != len(model) {
		tm.t.Fatalf("%s: Len = %d, want %d", tm.c.name, n, len(model))
	}
	got := tm.all()
	if len(got) != len(model) {
		tm.t.Fatalf("%s: iteration produced %d entries, want %d", tm.c.name, len(got), len(model))
	}
	for k, v := range model {
		if gv, ok := got[k]; !ok || gv != v {
			tm.t.Fatalf("%s: iteration gave %d -> %d,%v, want %d", tm.c.name, k, gv, ok, v)
		}
		if gv, ok := tm.get(k); !ok || gv != v {
			tm.t.Fatalf("%s: Get(%d) = %d,%v, want %d", tm.c.name, k, gv, ok, v)
		}
	}
	checkInvariants(tm.t, tm.env, tm.c.typ, header{testMem, tm.m})
}

// checkInvariants walks a map's structure and checks every invariant the
// package's header comment states.
func checkInvariants(t *testing.T, env *testEnv, typ *Type, m header) {
	t.Helper()
	if m.writing() != 0 {
		t.Fatalf("writing flag left set")
	}
	if m.dirPtr() == 0 {
		if m.used() != 0 {
			t.Fatalf("map without storage has used = %d", m.used())
		}
		return
	}
	if m.dirLen() == 0 {
		c := m.small().ctrls()
		if n := uint64(c.matchFull().count()); n != m.used() {
			t.Fatalf("small map: %d full slots, used = %d", n, m.used())
		}
		if c.matchEmptyOrDeleted() != c.matchEmpty() {
			t.Fatalf("small map holds a tombstone")
		}
		return
	}
	dir, n := m.directory()
	var total uint64
	for i := uint64(0); i < n; {
		tb := directoryAt(testMem, dir, i)
		if tb.index() != int64(i) {
			t.Fatalf("directory entry %d: table index %d", i, tb.index())
		}
		cnt := m.entriesFor(tb)
		if i%cnt != 0 {
			t.Fatalf("table at %d covers %d entries: misaligned", i, cnt)
		}
		for j := i; j < i+cnt; j++ {
			if directoryAt(testMem, dir, j) != tb {
				t.Fatalf("directory entry %d does not point at the table of entry %d", j, i)
			}
		}
		gs := tb.groups()
		var full, deleted, empty int
		for gi := uint64(0); gi <= gs.lengthMask; gi++ {
			g := gs.group(typ, gi)
			c := g.ctrls()
			e := c.matchEmpty().count()
			d := c.matchEmptyOrDeleted().count() - e
			if e > 0 && d > 0 {
				t.Fatalf("group holds both empty slots and tombstones")
			}
			full += c.matchFull().count()
			deleted += d
			empty += e
			for f := c.matchFull(); f != 0; f = f.removeFirst() {
				k := g.key(typ, f.first())
				if !typ.Equal(k, k) {
					continue
				}
				if m.tableFor(typ.Hash(k, m.seed())) != tb {
					t.Fatalf("key stored in a table its hash does not select")
				}
				if _, e, ok := m.getWithKey(env, typ, k); !ok || e != g.elem(typ, f.first()) {
					t.Fatalf("stored key not found by lookup")
				}
			}
		}
		if full != int(tb.used()) {
			t.Fatalf("table: %d full slots, used = %d", full, tb.used())
		}
		if want := int(maxGrowthLeft(gs.capacity())) - full - deleted; want != int(tb.growthLeft()) {
			t.Fatalf("table: growthLeft %d, want %d", tb.growthLeft(), want)
		}
		if empty == 0 {
			t.Fatalf("table has no empty slot")
		}
		if deleted > 0 && !m.tombstonePossible() {
			t.Fatalf("tombstones present but tombstonePossible is false")
		}
		total += uint64(full)
		i += cnt
	}
	if total != m.used() {
		t.Fatalf("tables hold %d entries, map used = %d", total, m.used())
	}
}

func TestLayout(t *testing.T) {
	hash := func(k, seed uintptr) uintptr { return 0 }
	eq := func(a, b uintptr) bool { return true }
	for _, tc := range []struct {
		name                     string
		ks, ka, es, ea           uintptr
		slot, elemOff, groupSize uintptr
		indKey, indElem          bool
	}{
		{"map[int64]int64", 8, 8, 8, 8, 16, 8, 136, false, false},
		{"map[int64]struct{}", 8, 8, 0, 1, 16, 8, 136, false, false},
		{"map[struct{}]int64", 0, 1, 8, 8, 8, 0, 72, false, false},
		{"map[struct{}]struct{}", 0, 1, 0, 1, 0, 0, 16, false, false},
		{"map[uint8]uint8", 1, 1, 1, 1, 2, 1, 24, false, false},
		{"map[uint8]int32", 1, 1, 4, 4, 8, 4, 72, false, false},
		{"map[int64]uint8", 8, 8, 1, 1, 16, 8, 136, false, false},
		{"map[string]int64", 16, 8, 8, 8, 24, 16, 200, false, false},
		{"map[[128]byte]uint8", 128, 1, 1, 1, 129, 128, 1040, false, false},
		{"map[[129]byte]uint8", 129, 1, 1, 1, 16, 8, 136, true, false},
		{"map[int32][200]byte", 4, 4, 200, 1, 16, 8, 136, false, true},
		{"map[[3]uint16][3]uint8", 6, 2, 3, 1, 10, 6, 88, false, false},
	} {
		typ := newType(Type{
			KeySize: tc.ks, KeyAlign: tc.ka, ElemSize: tc.es, ElemAlign: tc.ea,
			Hash: hash, Equal: eq,
		})
		if typ.SlotSize != tc.slot || typ.ElemOff != tc.elemOff || typ.GroupSize != tc.groupSize ||
			typ.IndirectKey != tc.indKey || typ.IndirectElem != tc.indElem {
			t.Errorf("%s: slot %d elemOff %d group %d indirect %v/%v; want %d %d %d %v/%v", tc.name,
				typ.SlotSize, typ.ElemOff, typ.GroupSize, typ.IndirectKey, typ.IndirectElem,
				tc.slot, tc.elemOff, tc.groupSize, tc.indKey, tc.indElem)
		}
	}
	if IterSize() != 96 {
		t.Errorf("IterSize = %d, want maps.Iter's 96", IterSize())
	}
}

func TestSWAR(t *testing.T) {
	// Slots: 0 full(h=5), 1 empty, 2 deleted, 3 full(h=0x7f), 4 full(h=5),
	// 5 empty, 6 full(h=0), 7 deleted.
	bytes := []ctrl{5, ctrlEmpty, ctrlDeleted, 0x7f, 5, ctrlEmpty, 0, ctrlDeleted}
	var w ctrlGroup
	for i, b := range bytes {
		w |= ctrlGroup(b) << (8 * i)
	}
	set := func(slots ...uintptr) bitset {
		var b bitset
		for _, s := range slots {
			b |= 0x80 << (8 * s)
		}
		return b
	}
	if got := w.matchH2(5); got != set(0, 4) {
		t.Errorf("matchH2(5) = %#x", got)
	}
	if got := w.matchH2(0x7f); got != set(3) {
		t.Errorf("matchH2(0x7f) = %#x", got)
	}
	if got := w.matchEmpty(); got != set(1, 5) {
		t.Errorf("matchEmpty = %#x", got)
	}
	if got := w.matchEmptyOrDeleted(); got != set(1, 2, 5, 7) {
		t.Errorf("matchEmptyOrDeleted = %#x", got)
	}
	if got := w.matchFull(); got != set(0, 3, 4, 6) {
		t.Errorf("matchFull = %#x", got)
	}
	b := set(0, 3, 4, 6)
	if b.first() != 0 || b.removeFirst().first() != 3 || b.removeBelow(4).first() != 4 ||
		b.count() != 4 {
		t.Errorf("bitset helpers wrong")
	}
	// Every H2 and every control byte, slot by slot, against the definition.
	for h := uintptr(0); h < 0x80; h++ {
		for c := 0; c < 256; c++ {
			if ctrl(c) != ctrlEmpty && ctrl(c) != ctrlDeleted && c >= 0x80 {
				continue
			}
			w := ctrlGroup(bitsetEmpty)&^0xff00 | ctrlGroup(c)<<8
			got := w.matchH2(h)&set(1) != 0
			if want := uintptr(c) == h; got != want {
				t.Fatalf("matchH2(%#x) on ctrl %#x = %v", h, c, got)
			}
		}
	}
}

func TestProbeSeqVisitsAllGroups(t *testing.T) {
	for mask := uint64(0); mask < 128; mask = mask*2 + 1 {
		seen := map[uint64]bool{}
		for s := makeProbeSeq(12345, mask); !s.exhausted(); s = s.next() {
			seen[s.offset] = true
		}
		if len(seen) != int(mask+1) {
			t.Errorf("mask %d: probe visited %d groups", mask, len(seen))
		}
	}
}

func TestNilMap(t *testing.T) {
	env := newEnv(1)
	typ := int64Type()
	k := env.Alloc(8, false)
	if Len(testMem, 0) != 0 {
		t.Fatal("Len(testMem, nil) != 0")
	}
	if _, ok := Get(env, typ, 0, k); ok {
		t.Fatal("Get on nil map found something")
	}
	Delete(env, typ, 0, k)
	Clear(env, typ, 0)
	it := env.Alloc(IterSize(), true)
	for i := uintptr(0); i < IterSize(); i += 8 {
		st(it+i, 0xdead) // IterInit must not need a zeroed iterator
	}
	typ.Desc = 0x1234
	IterInit(env, typ, 0, it)
	if _, _, ok := IterNext(env, typ, it); ok {
		t.Fatal("iteration over nil map produced an entry")
	}
	if ld(it+itTyp) != 0x1234 {
		t.Fatal("IterInit did not store Type.Desc in the typ word")
	}
}

func TestSmallMap(t *testing.T) {
	env := newEnv(2)
	tm := newTmap(t, env, int64Codec, 0)
	m := header{testMem, tm.m}
	if m.dirPtr() != 0 {
		t.Fatal("small map allocated its group before the first write")
	}
	model := map[int64]int64{}
	for k := int64(0); k < 8; k++ {
		tm.put(k, k*10)
		model[k] = k * 10
		tm.check(model)
	}
	if m.dirLen() != 0 {
		t.Fatal("8 entries left the small representation")
	}
	tm.del(5)
	delete(model, 5)
	tm.del(100) // absent
	tm.put(3, 33)
	model[3] = 33
	tm.check(model)
	tm.put(8, 80)
	model[8] = 80
	tm.check(model)
	if m.dirLen() != 0 {
		t.Fatal("reusing a deleted small slot grew the map")
	}
	// As in gc, any assignment to a full small map moves it to a table,
	// even one that only updates.
	tm.put(3, 333)
	model[3] = 333
	tm.check(model)
	if m.dirLen() != 1 {
		t.Fatalf("9 entries: dirLen = %d, want 1", m.dirLen())
	}
}

// TestProperty compares the map with a host map under random operations.
func TestProperty(t *testing.T) {
	for _, c := range codecs {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/%d", c.name, seed), func(t *testing.T) {
				env := newEnv(seed)
				rng := rand.New(rand.NewPCG(seed, 7))
				steps, keyRange := 30000, int64(1500)
				if c.name == "big" || c.name == "string" {
					steps = 10000
				}
				tm := newTmap(t, env, c, []int{0, 5, 100, 2000}[seed%4])
				model := map[int64]int64{}
				for step := range steps {
					k := rng.Int64N(keyRange)
					switch r := rng.IntN(100); {
					case r < 50:
						v := rng.Int64()
						tm.put(k, v)
						model[k] = v
					case r < 80:
						tm.del(k)
						delete(model, k)
					default:
						v, ok := tm.get(k)
						mv, mok := model[k]
						if ok != mok || v != mv {
							t.Fatalf("step %d: Get(%d) = %d,%v, want %d,%v", step, k, v, ok, mv, mok)
						}
					}
					if Len(testMem, tm.m) != len(model) {
						t.Fatalf("step %d: Len = %d, want %d", step, Len(testMem, tm.m), len(model))
					}
					if step%1000 == 999 {
						tm.check(model)
					}
					if step == steps/2 {
						Clear(env, c.typ, tm.m)
						clear(model)
						tm.check(model)
					}
				}
				tm.check(model)
				for k := range keyRange {
					v, ok := tm.get(k)
					if mv, mok := model[k]; ok != mok || v != mv {
						t.Fatalf("final Get(%d) = %d,%v, want %d,%v", k, v, ok, mv, mok)
					}
				}
			})
		}
	}
}

func TestGrow100k(t *testing.T) {
	env := newEnv(3)
	tm := newTmap(t, env, int64Codec, 0)
	const n = 100_000
	for k := int64(0); k < n; k++ {
		tm.put(k, -k)
	}
	m := header{testMem, tm.m}
	if Len(testMem, tm.m) != n {
		t.Fatalf("Len = %d", Len(testMem, tm.m))
	}
	if m.dirLen() < 64 {
		t.Fatalf("100k entries in only %d directory entries", m.dirLen())
	}
	checkInvariants(t, env, int64Codec.typ, m)
	for k := int64(0); k < n; k += 2 {
		tm.del(k)
	}
	for k := int64(-10); k < n+10; k++ {
		v, ok := tm.get(k)
		if want := k >= 0 && k < n && k%2 == 1; ok != want || ok && v != -k {
			t.Fatalf("Get(%d) = %d,%v", k, v, ok)
		}
	}
	got := tm.all()
	if len(got) != n/2 {
		t.Fatalf("iteration produced %d entries, want %d", len(got), n/2)
	}
	checkInvariants(t, env, int64Codec.typ, m)
	Clear(env, int64Codec.typ, tm.m)
	if Len(testMem, tm.m) != 0 || len(tm.all()) != 0 {
		t.Fatal("Clear left entries")
	}
	checkInvariants(t, env, int64Codec.typ, m)
}

func TestMakeMapHint(t *testing.T) {
	for _, tc := range []struct {
		hint   int
		dirLen uint64
	}{{-5, 0}, {0, 0}, {8, 0}, {9, 1}, {100, 1}, {896, 1}, {1000, 2}, {5000, 8}, {20000, 32}} {
		env := newEnv(4)
		tm := newTmap(t, env, int64Codec, tc.hint)
		m := header{testMem, tm.m}
		if m.dirLen() != tc.dirLen {
			t.Errorf("hint %d: dirLen %d, want %d", tc.hint, m.dirLen(), tc.dirLen)
		}
		before := env.allocs
		for k := range int64(tc.hint) {
			tm.put(k, k)
		}
		// Filling a map to its hint must not grow it (a small map
		// allocates its group on the first write).
		if extra := env.allocs - before; extra > 1 || extra == 1 && tc.hint > groupSlots {
			t.Errorf("hint %d: %d allocations while filling", tc.hint, extra)
		}
		checkInvariants(t, env, int64Codec.typ, m)
	}
	// A hint beyond the arena gives an empty map, not a failure.
	env := newEnv(4)
	m := header{testMem, MakeMap(env, int64Codec.typ, 1<<60)}
	if m.dirPtr() != 0 {
		t.Error("absurd hint allocated a directory")
	}
}

func TestZeroSizeKeyAndElem(t *testing.T) {
	env := newEnv(5)
	typ := newType(Type{
		Hash:  func(k, seed uintptr) uintptr { return uintptr(mix(uint64(seed))) },
		Equal: func(a, b uintptr) bool { return true },
	})
	m := MakeMap(env, typ, 0)
	k := env.Alloc(1, false)
	for range 3 {
		Assign(env, typ, m, k)
	}
	if Len(testMem, m) != 1 {
		t.Fatalf("Len = %d", Len(testMem, m))
	}
	if _, ok := Get(env, typ, m, k); !ok {
		t.Fatal("Get failed")
	}
	it := env.Alloc(IterSize(), true)
	IterInit(env, typ, m, it)
	n := 0
	for _, _, ok := IterNext(env, typ, it); ok; _, _, ok = IterNext(env, typ, it) {
		n++
	}
	if n != 1 {
		t.Fatalf("iteration produced %d entries", n)
	}
	Delete(env, typ, m, k)
	if Len(testMem, m) != 0 {
		t.Fatal("Delete failed")
	}
}

// TestTombstoneChurn keeps a table near its load limit while replacing its
// keys: tombstone reuse and pruning must keep it from growing without end.
func TestTombstoneChurn(t *testing.T) {
	env := newEnv(6)
	tm := newTmap(t, env, int64Codec, 0)
	model := map[int64]int64{}
	const live = 800
	for k := range int64(live) {
		tm.put(k, k)
		model[k] = k
	}
	for k := int64(live); k < 40*live; k++ {
		tm.del(k - live)
		delete(model, k-live)
		tm.put(k, k)
		model[k] = k
	}
	tm.check(model)
	if n := (header{testMem, tm.m}).dirLen(); n > 2 {
		t.Fatalf("churn at constant size grew the directory to %d", n)
	}

	// The same with NaN keys in the table, whose probe paths pruning
	// may break.
	typ := floatType()
	fm := MakeMap(env, typ, 0)
	k := env.Alloc(8, false)
	for range 10 {
		st(k, math.Float64bits(math.NaN()))
		Assign(env, typ, fm, k)
	}
	for i := range 40 * live {
		if i >= live {
			st(k, math.Float64bits(float64(i-live)))
			Delete(env, typ, fm, k)
		}
		st(k, math.Float64bits(float64(i)))
		Assign(env, typ, fm, k)
	}
	if Len(testMem, fm) != live+10 {
		t.Fatalf("float churn: Len = %d, want %d", Len(testMem, fm), live+10)
	}
	checkInvariants(t, env, typ, header{testMem, fm})
	if n := (header{testMem, fm}).dirLen(); n > 2 {
		t.Fatalf("float churn grew the directory to %d", n)
	}
}

// hasSharedTable reports whether some table fills more than one directory
// entry.
func hasSharedTable(m header) bool {
	if m.dirLen() == 0 {
		return false
	}
	dir, n := m.directory()
	for i := uint64(0); i < n; i++ {
		if m.entriesFor(directoryAt(testMem, dir, i)) > 1 {
			return true
		}
	}
	return false
}

// TestIterRandomStart checks that iteration order varies between iterations.
func TestIterRandomStart(t *testing.T) {
	env := newEnv(7)
	for _, n := range []int64{8, 100, 3000} {
		tm := newTmap(t, env, int64Codec, 0)
		for k := range n {
			tm.put(k, k)
		}
		if n > 1000 {
			// Make sure some table fills several directory entries,
			// so that random starts land inside runs.
			m := header{testMem, tm.m}
			for k := n; !hasSharedTable(m); k++ {
				tm.put(k, k)
				n++
			}
		}
		firsts := map[int64]bool{}
		for range 40 {
			tm.start()
			k, _, _ := tm.next()
			firsts[k] = true
			if got := tm.all(); len(got) != int(n) {
				t.Fatalf("%d entries: iteration produced %d", n, len(got))
			}
		}
		if len(firsts) < 4 {
			t.Errorf("%d entries: 40 iterations started at only %d keys", n, len(firsts))
		}
	}
}

// TestIterDeleteUnreached deletes entries during iteration, before and after
// a growth, and checks that none of them is produced afterwards.
func TestIterDeleteUnreached(t *testing.T) {
	for _, n := range []int64{8, 50, 900, 5000} {
		for _, grow := range []bool{false, true} {
			env := newEnv(8)
			tm := newTmap(t, env, int64Codec, 0)
			for k := range n {
				tm.put(k, k)
			}
			tm.start()
			first, _, _ := tm.next()
			deleted := map[int64]bool{}
			for k := range n {
				if k != first && k%3 != 0 {
					tm.del(k)
					deleted[k] = true
				}
			}
			if grow {
				for k := n; k < n+4*n+20; k++ {
					tm.put(k, k)
				}
			}
			seen := map[int64]bool{first: true}
			for {
				k, _, ok := tm.next()
				if !ok {
					break
				}
				if deleted[k] {
					t.Fatalf("n=%d grow=%v: deleted key %d produced", n, grow, k)
				}
				if seen[k] {
					t.Fatalf("n=%d grow=%v: key %d produced twice", n, grow, k)
				}
				seen[k] = true
			}
			for k := range n {
				if !deleted[k] && !seen[k] {
					t.Fatalf("n=%d grow=%v: surviving key %d not produced", n, grow, k)
				}
			}
		}
	}
}

// TestIterGrowth grows the map in each of the ways growth can happen while
// an iteration is part way through, updates every original entry, and
// checks each is produced exactly once with its new value.
func TestIterGrowth(t *testing.T) {
	for _, tc := range []struct {
		name           string
		n, before, add int64
	}{
		{"small-to-table", 8, 3, 30},
		{"table-grow", 100, 40, 600},
		{"split", 1500, 700, 20000},
		{"split-from-start", 900, 1, 10000},
		{"split-at-end", 3000, 2999, 10000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range []codec{int64Codec, bigCodec} {
				env := newEnv(9)
				tm := newTmap(t, env, c, 0)
				for k := range tc.n {
					tm.put(k, k)
				}
				dirLen := header{testMem, tm.m}.dirLen()
				tm.start()
				seen := map[int64]bool{}
				for range tc.before {
					k, _, ok := tm.next()
					if !ok || seen[k] {
						t.Fatalf("%s: bad iteration before growth", c.name)
					}
					seen[k] = true
				}
				for k := tc.n; k < tc.n+tc.add; k++ {
					tm.put(k, k)
				}
				for k := range tc.n {
					tm.put(k, k+1_000_000)
				}
				if (header{testMem, tm.m}).dirLen() == dirLen && tc.name != "table-grow" {
					t.Fatalf("%s: insertions did not change the directory", c.name)
				}
				for {
					k, v, ok := tm.next()
					if !ok {
						break
					}
					if seen[k] {
						t.Fatalf("%s: key %d produced twice", c.name, k)
					}
					seen[k] = true
					if k < tc.n && v != k+1_000_000 {
						t.Fatalf("%s: key %d produced with stale value %d", c.name, k, v)
					}
				}
				for k := range tc.n {
					if !seen[k] {
						t.Fatalf("%s: original key %d never produced", c.name, k)
					}
				}
			}
		})
	}
}

// TestIterMutateProperty mutates the map at random during iteration and
// checks Go's rules: every produced entry is present with its latest value;
// no entry is produced twice unless it was deleted and inserted again in
// between; every entry present at the start and never deleted is produced.
func TestIterMutateProperty(t *testing.T) {
	for _, c := range []codec{int64Codec, stringCodec, h2Codec} {
		for seed := uint64(1); seed <= 28; seed++ {
			env := newEnv(seed)
			rng := rand.New(rand.NewPCG(seed, 99))
			n := []int64{0, 5, 8, 60, 500, 1200, 3000}[seed%7]
			keyRange := 4*n + 50
			tm := newTmap(t, env, c, 0)
			model := map[int64]int64{}
			for range n {
				k := rng.Int64N(keyRange)
				tm.put(k, k)
				model[k] = k
			}
			start := map[int64]bool{}
			for k := range model {
				start[k] = true
			}
			everDeleted := map[int64]bool{}
			produced := map[int64]bool{}
			reinserted := map[int64]bool{}
			tm.start()
			for steps := 0; ; steps++ {
				k, v, ok := tm.next()
				if !ok {
					break
				}
				mv, present := model[k]
				if !present || mv != v {
					t.Fatalf("%s seed %d: produced %d -> %d; model has %d,%v", c.name, seed, k, v, mv, present)
				}
				if produced[k] && !reinserted[k] {
					t.Fatalf("%s seed %d: key %d produced twice", c.name, seed, k)
				}
				produced[k], reinserted[k] = true, false
				if steps > 20*int(keyRange) {
					t.Fatalf("%s seed %d: iteration does not end", c.name, seed)
				}
				for range rng.IntN(4) {
					k := rng.Int64N(keyRange)
					switch r := rng.IntN(10); {
					case r < 4:
						tm.del(k)
						if _, ok := model[k]; ok {
							everDeleted[k] = true
							delete(model, k)
						}
					case r < 7:
						if _, ok := model[k]; !ok {
							reinserted[k] = true
						}
						v := rng.Int64()
						tm.put(k, v)
						model[k] = v
					case steps < int(n)/2+50:
						// A burst of fresh keys, to force growth.
						// Bursts stop early: iteration may produce
						// new keys, and must be let finish.
						for range rng.IntN(40) {
							k := keyRange + rng.Int64N(1<<40)
							tm.put(k, k)
							model[k] = k
						}
					}
				}
			}
			for k := range start {
				if !everDeleted[k] && !produced[k] {
					t.Fatalf("%s seed %d: key %d present throughout but not produced", c.name, seed, k)
				}
			}
			tm.check(model)
		}
	}
}

// floatType is map[float64]int64, for NaN and ±0.
func floatType() *Type {
	var nanHashes uint64
	return newType(Type{
		KeySize: 8, KeyAlign: 8, ElemSize: 8, ElemAlign: 8, NeedKeyUpdate: true,
		Hash: func(k, seed uintptr) uintptr {
			f := math.Float64frombits(ld(k))
			switch {
			case f != f:
				nanHashes++ // NaNs hash randomly, as in gc
				return uintptr(mix(nanHashes ^ uint64(seed)))
			case f == 0:
				f = 0
			}
			return uintptr(mix(math.Float64bits(f) ^ uint64(seed)))
		},
		Equal: func(a, b uintptr) bool {
			return math.Float64frombits(ld(a)) == math.Float64frombits(ld(b))
		},
	})
}

func TestNeedKeyUpdate(t *testing.T) {
	env := newEnv(10)
	typ := floatType()
	for _, n := range []int{0, 100} {
		m := MakeMap(env, typ, 0)
		k := env.Alloc(8, false)
		for i := range n {
			st(k, math.Float64bits(float64(i+1)))
			Assign(env, typ, m, k)
		}
		st(k, math.Float64bits(0))
		st(Assign(env, typ, m, k), 1)
		st(k, math.Float64bits(math.Copysign(0, -1)))
		st(Assign(env, typ, m, k), 2)
		if Len(testMem, m) != n+1 {
			t.Fatalf("±0 made %d entries", Len(testMem, m)-n)
		}
		st(k, 0)
		e, ok := Get(env, typ, m, k)
		if !ok || ld(e) != 2 {
			t.Fatalf("Get(+0) = %d,%v", ld(e), ok)
		}
		it := env.Alloc(IterSize(), true)
		IterInit(env, typ, m, it)
		for kp, _, ok := IterNext(env, typ, it); ok; kp, _, ok = IterNext(env, typ, it) {
			if f := math.Float64frombits(ld(kp)); f == 0 && !math.Signbit(f) {
				t.Fatalf("stored key is +0 after assigning -0")
			}
		}
	}
}

// TestIterNaN checks that NaN keys, which no lookup finds, are still produced
// once each when the table they are in grows during iteration, and are not
// produced after a Clear.
func TestIterNaN(t *testing.T) {
	for _, clearIt := range []bool{false, true} {
		env := newEnv(11)
		typ := floatType()
		m := MakeMap(env, typ, 0)
		k := env.Alloc(8, false)
		const nans, normal = 5, 20
		for i := range nans + normal {
			f := float64(i)
			if i < nans {
				f = math.NaN()
			}
			st(k, math.Float64bits(f))
			st(Assign(env, typ, m, k), uint64(i))
		}
		if Len(testMem, m) != nans+normal {
			t.Fatalf("Len = %d", Len(testMem, m))
		}
		it := env.Alloc(IterSize(), true)
		IterInit(env, typ, m, it)
		seenNaN := 0
		count := func(kp uintptr) {
			if f := math.Float64frombits(ld(kp)); f != f {
				seenNaN++
			}
		}
		kp, _, _ := IterNext(env, typ, it)
		count(kp)
		if clearIt {
			Clear(env, typ, m)
			seenNaN = 0
		}
		for i := range 2000 {
			st(k, math.Float64bits(float64(1000+i)))
			Assign(env, typ, m, k)
		}
		for kp, _, ok := IterNext(env, typ, it); ok; kp, _, ok = IterNext(env, typ, it) {
			if clearIt {
				if f := math.Float64frombits(ld(kp)); f != f || f < 1000 {
					t.Fatalf("key %v from before Clear produced after it", f)
				}
			}
			count(kp)
		}
		if want := nans; !clearIt && seenNaN != want {
			t.Fatalf("produced %d NaNs, want %d", seenNaN, want)
		}
		if clearIt && seenNaN != 0 {
			t.Fatalf("produced %d NaNs after Clear", seenNaN)
		}
	}
}

func TestIterClear(t *testing.T) {
	for _, n := range []int64{6, 300, 3000} {
		env := newEnv(12)
		tm := newTmap(t, env, int64Codec, 0)
		for k := range n {
			tm.put(k, k)
		}
		tm.start()
		tm.next()
		Clear(env, int64Codec.typ, tm.m)
		tm.put(n+1, 1)
		for {
			k, _, ok := tm.next()
			if !ok {
				break
			}
			if k < n {
				t.Fatalf("n=%d: key %d produced after Clear", n, k)
			}
		}
		if Len(testMem, tm.m) != 1 {
			t.Fatalf("Len after Clear and insert = %d", Len(testMem, tm.m))
		}
	}
}

func TestClearReseeds(t *testing.T) {
	env := newEnv(13)
	tm := newTmap(t, env, int64Codec, 0)
	m := header{testMem, tm.m}
	for k := range int64(2000) {
		tm.put(k, k)
	}
	seed, seq := m.seed(), m.clearSeq()
	Clear(env, int64Codec.typ, tm.m)
	if m.seed() == seed || m.clearSeq() != seq+1 {
		t.Fatal("Clear did not reseed or count")
	}
	tm.check(map[int64]int64{})
	// A map emptied by deletes reseeds too.
	tm.put(1, 1)
	seed = m.seed()
	tm.del(1)
	if m.seed() == seed {
		t.Fatal("emptying by Delete did not reseed")
	}
	model := map[int64]int64{}
	for k := range int64(3000) {
		tm.put(k, k)
		model[k] = k
	}
	tm.check(model)
}

// panicHashType panics, as an unhashable interface key does, on key 13.
func panicHashType(mightPanic bool) *Type {
	return newType(Type{
		KeySize: 8, KeyAlign: 8, ElemSize: 8, ElemAlign: 8, HashMightPanic: mightPanic,
		Hash: func(k, seed uintptr) uintptr {
			if ld(k) == 13 {
				panic("hash of unhashable type")
			}
			return uintptr(mix(ld(k) ^ uint64(seed)))
		},
		Equal: func(a, b uintptr) bool { return ld(a) == ld(b) },
	})
}

func panics(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestHashPanicLeavesMapIntact(t *testing.T) {
	env := newEnv(14)
	typ := panicHashType(true)
	k := env.Alloc(8, false)
	for _, n := range []uint64{0, 5, 500} {
		m := MakeMap(env, typ, 0)
		for i := range n {
			st(k, i+100)
			st(Assign(env, typ, m, k), i)
		}
		st(k, 13)
		for name, op := range map[string]func(){
			"Assign": func() { Assign(env, typ, m, k) },
			"Get":    func() { Get(env, typ, m, k) },
			"Delete": func() { Delete(env, typ, m, k) },
		} {
			if v := panics(op); v != "hash of unhashable type" {
				t.Fatalf("n=%d %s: recovered %v", n, name, v)
			}
		}
		checkInvariants(t, env, typ, header{testMem, m})
		if Len(testMem, m) != int(n) {
			t.Fatalf("Len changed to %d", Len(testMem, m))
		}
		st(k, 7)
		st(Assign(env, typ, m, k), 7)
		if Len(testMem, m) != int(n)+1 {
			t.Fatal("map unusable after a hash panic")
		}
	}
	// Nil maps: HashMightPanic decides whether the key is hashed at all.
	st(k, 13)
	if v := panics(func() { Get(env, typ, 0, k) }); v == nil {
		t.Error("Get on a nil map did not hash an unhashable key")
	}
	if v := panics(func() { Delete(env, typ, 0, k) }); v == nil {
		t.Error("Delete on a nil map did not hash an unhashable key")
	}
	if v := panics(func() { Get(env, panicHashType(false), 0, k) }); v != nil {
		t.Error("Get on a nil map hashed although HashMightPanic is false")
	}
}

func TestConcurrentUseIsFatal(t *testing.T) {
	env := newEnv(15)
	for _, n := range []int64{3, 300} {
		tm := newTmap(t, env, int64Codec, 0)
		for k := range n {
			tm.put(k, k)
		}
		tm.start()
		m := header{testMem, tm.m}
		store8(testMem, m.p+mapWriting, 1) // as if another goroutine were writing
		for _, tc := range []struct {
			op   func()
			want fatalError
		}{
			{func() { tm.put(1, 1) }, "concurrent map writes"},
			{func() { tm.del(1) }, "concurrent map writes"},
			{func() { Clear(env, int64Codec.typ, tm.m) }, "concurrent map writes"},
			{func() { tm.get(1) }, "concurrent map read and map write"},
			{func() { tm.next() }, "concurrent map iteration and map write"},
		} {
			if got := panics(tc.op); got != tc.want {
				t.Errorf("n=%d: got %v, want fatal %q", n, got, tc.want)
			}
		}
		store8(testMem, m.p+mapWriting, 0)
		tm.put(1, 1)
	}
}

func isFault(v any) bool {
	_, ok := v.(arena.Fault)
	return ok
}

func TestCorruptionFaults(t *testing.T) {
	env := newEnv(16)
	if f, ok := panics(func() { Len(testMem, 8) }).(arena.Fault); !ok || !f.Nil() {
		t.Errorf("Len on a nil-page address did not fault as a nil dereference")
	}
	tm := newTmap(t, env, int64Codec, 0)
	for k := range int64(100) {
		tm.put(k, k)
	}
	// A garbage group count must fault, not send a loop through the arena.
	dir, _ := header{testMem, tm.m}.directory()
	tb := directoryAt(testMem, dir, 0)
	store64(testMem, tb.p+tableLengthMask, 1<<40-1)
	for _, op := range []func(){
		func() { tm.get(5) },
		func() { tm.all() },
		func() { tm.put(500, 1) },
	} {
		if v := panics(op); !isFault(v) {
			t.Errorf("corrupted table: recovered %v, want a fault", v)
		}
	}
	// So must a garbage directory length.
	tm = newTmap(t, env, int64Codec, 0)
	for k := range int64(100) {
		tm.put(k, k)
	}
	store64(testMem, tm.m+mapDirLen, 1<<50)
	if v := panics(func() { Clear(env, int64Codec.typ, tm.m) }); !isFault(v) {
		t.Errorf("corrupted directory: recovered %v, want a fault", v)
	}
}

func BenchmarkAssignInt64(b *testing.B) {
	env := newEnv(17)
	typ := int64Codec.typ
	k := env.Alloc(8, false)
	m := MakeMap(env, typ, 0)
	for i := range b.N {
		if i%100_000 == 0 {
			m = MakeMap(env, typ, 0)
		}
		st(k, uint64(i))
		st(Assign(env, typ, m, k), uint64(i))
	}
}

func BenchmarkGetInt64(b *testing.B) {
	env := newEnv(18)
	typ := int64Codec.typ
	k := env.Alloc(8, false)
	m := MakeMap(env, typ, 0)
	const n = 10_000
	for i := range uint64(n) {
		st(k, i)
		st(Assign(env, typ, m, k), i)
	}
	b.ResetTimer()
	for i := range b.N {
		st(k, uint64(i%n))
		if _, ok := Get(env, typ, m, k); !ok {
			b.Fatal("missing key")
		}
	}
}

func BenchmarkIterInt64(b *testing.B) {
	env := newEnv(19)
	typ := int64Codec.typ
	k := env.Alloc(8, false)
	m := MakeMap(env, typ, 0)
	for i := range uint64(10_000) {
		st(k, i)
		Assign(env, typ, m, k)
	}
	it := env.Alloc(IterSize(), true)
	b.ResetTimer()
	for range b.N / 10_000 {
		IterInit(env, typ, m, it)
		for _, _, ok := IterNext(env, typ, it); ok; _, _, ok = IterNext(env, typ, it) {
		}
	}
}
