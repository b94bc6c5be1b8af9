package runtime

import (
	"math/bits"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// The allocator follows malloc.go's design: size classes; per-P mcaches
// holding one span per span class; mcentrals handing out spans with free
// space; and mheap, which carves spans out of the arena's heap region a page
// at a time and takes back the spans the sweeper empties (mheap.go). Objects
// smaller than 16 bytes without pointers share 16-byte blocks through the
// tiny allocator.
//
// Where a heap object's pointers are (mbitmap.go's scheme since Go 1.22):
//
//   - a scan span of objects of at most minSizeForMallocHeader bytes keeps
//     one bit per word of the span in its last pages' tail, in the arena
//     (heapBitsInSpan): 1/64 of the span. mallocgc writes an object's bits
//     from its type's pointer mask when it allocates it;
//   - a larger object in a small-object span has its type recorded per
//     slot (mspan.types): where gc puts an 8-byte malloc header in front of
//     the object, gort keeps the same word on the host side of the span, so
//     that an object's address stays its slot's and a program that writes
//     past an object cannot forge the type the collector trusts;
//   - a large object's span records its type (largeType).
//
// Alloc and mark bits are per span, one bit per slot (allocBits,
// gcmarkBits). The sweeper makes the mark bits the next cycle's alloc bits,
// as the real one swaps gcmarkBits into allocBits. They are host memory:
// the allocator's record of which slots are in use must be one a program
// cannot rewrite, or a forged bit would hand out one slot twice.

const (
	minSizeForMallocHeader = 512 // gc's: 8 words of bits per object at most
	mallocHeaderSize       = 8   // the header gc puts before larger pointerful objects
)

// Span states, as the real mSpanState.
const (
	mSpanDead   = iota // not a span
	mSpanInUse         // heap objects
	mSpanManual        // goroutine stacks, which the sweeper never frees
	mSpanFree          // pages in the page heap's free runs
)

// mspan is a run of pages holding objects of one size class, one large
// object, or goroutine stacks.
type mspan struct {
	base      uintptr
	npages    uintptr
	state     uint8
	spanclass uint8 // size class << 1 | noscan
	elemsize  uintptr
	nelems    uintptr
	// divMul divides an offset in the span by elemsize (objIndex), as the
	// real span's magic number does; 0 for a large object's span.
	divMul uint32
	// freeindex is where the search for a free slot resumes: every slot
	// below it is allocated or was skipped as allocated.
	freeindex uintptr
	// allocCache holds the inverted alloc bits of the slots from
	// freeindex to the end of its 64-slot word, the lowest bit
	// freeindex's, as the real allocCache does: a set bit is a free slot.
	allocCache uint64
	allocCount uintptr
	allocBits  []uint64
	gcmarkBits []uint64
	// heapBits is the arena address of the span's pointer bitmap (one
	// bit per word of the span), or 0 if the span has none.
	heapBits uintptr
	// types holds the type of each object of a scan span whose objects
	// are too large for heap bits; largeType and largeSize those of a
	// large object (its size as requested: an array's elements repeat the
	// type's mask up to it).
	types     []*bytecode.Type
	largeType *bytecode.Type
	largeSize uintptr
	// profile holds the heap profile's bucket of each slot whose object
	// was sampled (mprof.go), where the real span keeps a profile
	// special; it is empty while the span holds no sampled object.
	profile []*bucket
	// needzero marks a span whose free slots may hold old objects' bytes:
	// mallocgc clears a slot before handing it out.
	needzero bool
	// scavenged marks a free run whose pages went back to the kernel.
	scavenged bool
	// sweepgen is the heap's sweep generation when the span was last
	// swept (mgcsweep.go).
	sweepgen uint32
	// index is the span's place in mheap.allspans, or in mheap.free.
	index int
}

func (s *mspan) noscan() bool { return s.spanclass&1 != 0 }

// objIndex returns the slot of s that holds p.
func (s *mspan) objIndex(p uintptr) uintptr {
	return uintptr(uint64(p-s.base) * uint64(s.divMul) >> 32)
}

func (s *mspan) isAllocated(i uintptr) bool { return s.allocBits[i/64]&(1<<(i%64)) != 0 }

func (s *mspan) isMarked(i uintptr) bool { return s.gcmarkBits[i/64]&(1<<(i%64)) != 0 }

func (s *mspan) setMarked(i uintptr) { s.gcmarkBits[i/64] |= 1 << (i % 64) }

// nextFreeIndex moves freeindex to the first free slot at or after it and
// returns it, or nelems if the span is full.
func (s *mspan) nextFreeIndex() uintptr {
	for s.freeindex < s.nelems {
		if s.allocCache == 0 {
			// Nothing free in the rest of this word: the next one.
			s.freeindex = (s.freeindex/64 + 1) * 64
			if s.freeindex >= s.nelems {
				break
			}
			s.allocCache = ^s.allocBits[s.freeindex/64]
			continue
		}
		tz := uintptr(bits.TrailingZeros64(s.allocCache))
		s.freeindex += tz
		s.allocCache >>= tz
		if s.freeindex < s.nelems {
			return s.freeindex
		}
	}
	s.freeindex = s.nelems
	return s.nelems
}

// takeFree allocates slot freeindex, which nextFreeIndex found free.
func (s *mspan) takeFree() uintptr {
	i := s.freeindex
	s.allocBits[i/64] |= 1 << (i % 64)
	s.allocCount++
	s.freeindex++
	s.allocCache >>= 1
	if s.freeindex%64 == 0 && s.freeindex < s.nelems {
		s.allocCache = ^s.allocBits[s.freeindex/64]
	}
	return i
}

// resetAllocCache starts the search for free slots from slot 0.
func (s *mspan) resetAllocCache() {
	s.freeindex = 0
	s.allocCache = ^s.allocBits[0]
}

// mcache is a P's private cache of spans: no lock on the fast path.
type mcache struct {
	heap       *mheapT
	alloc      [2 * len(classSize)]*mspan
	tiny       uintptr
	tinyoffset uintptr
	stats      allocStats // for ReadMemStats (mstats.go)
	// The pointer mask of the type allocated last, which an allocation
	// loop allocates again.
	lastType *bytecode.Type
	lastMask *ptrMask
	// nextSample counts down the bytes to allocate before the heap
	// profile's next sample, drawn at memProfRate, the MemProfileRate the
	// last draw used (mprof.go): when the program changes the rate, the
	// next allocation draws again.
	nextSample  int64
	memProfRate int64
}

// mcentral hands spans of one span class to mcaches: those the sweeper
// found with free slots. It also lists every span of its class in use, as
// swept this cycle or not yet (mgcsweep.go).
type mcentral struct {
	heap    *mheapT
	lock    mutex
	partial []*mspan
	swept   sweepList
	unswept sweepList
}

// mheapT owns the heap region of the arena.
type mheapT struct {
	lock      mutex
	next      uintptr // first page never handed out
	end       uintptr
	spans     []*mspan // by page number from heapStart
	central   [2 * len(classSize)]mcentral
	heapStart uintptr
	// allspans are the spans in use (objects and stacks), which the
	// sweeper visits; free holds the free runs of pages; spanFree the
	// dead span records to reuse.
	allspans []*mspan
	free     []*mspan
	spanFree []*mspan
	// inuse counts the bytes in spans handed out; released the bytes of
	// free runs whose pages went back to the kernel.
	inuse    uintptr
	released uintptr
	// stackInuse counts the bytes of stack spans (part of inuse).
	stackInuse uintptr

	// The sweep (mgcsweep.go): the generation, the large objects' spans
	// swept and left to sweep, the next class sweepone looks at, the
	// pages of the spans in use, and the pacing of the proportional
	// sweep: pages swept this cycle, against pages per byte of heap
	// growth since heapLive was sweepHeapLiveBasis.
	sweepgen           uint32
	sweptLarge         sweepList
	sweepLarge         sweepList
	pagesInUse         uintptr
	sweepClass         int
	pagesSwept         uintptr
	sweepHeapLiveBasis uint64
	sweepPagesPerByte  float64
}

func mallocinit(h *mheapT, mem *arena.Arena, heapStart uintptr) {
	h.heapStart = heapStart
	h.next = heapStart
	h.end = mem.Lo() + arena.Size
	for i := range h.central {
		h.central[i].lock.rank = lockRankMheap
		h.central[i].heap = h
	}
	h.lock.rank = lockRankMheap
}

// allocSpan takes npages pages from the heap: the smallest free run that
// holds them (the lowest of those), or fresh pages from the top. The
// pages are zero.
func (h *mheapT) allocSpan(mp *m, npages uintptr, state uint8) *mspan {
	lock(mp, &h.lock)
	defer unlock(mp, &h.lock)
	size := npages * pageSize
	var run *mspan
	for _, f := range h.free {
		if f.npages >= npages && (run == nil || f.npages < run.npages || f.npages == run.npages && f.base < run.base) {
			run = f
		}
	}
	var base uintptr
	if run != nil {
		h.removeFree(run)
		h.clearSpans(run)
		base = run.base
		if run.npages > npages {
			rest := h.newSpan(base+size, run.npages-npages)
			rest.scavenged = run.scavenged
			h.insertFree(rest)
		}
		if !run.scavenged && !mp.vm.mem.Memclr(base, size) {
			throw("allocSpan: a free run outside the arena")
		}
		h.putSpan(run)
	} else {
		base = h.next
		if base+size > h.end || base+size < base {
			// The program asked for more than the arena holds: its error,
			// worded as the real mcache's.
			panic(fatalError{msg: "out of memory", before: "runtime: out of memory: cannot allocate " +
				itoa(int64(size)) + "-byte block (" + itoa(int64(h.inuse)) + " in use)\n"})
		}
		h.next += size
		mp.vm.mem.SetInUse(h.next) // before the pages are handed out
	}
	s := h.newSpan(base, npages)
	s.state = state
	s.sweepgen = h.sweepgen
	h.setSpans(s)
	s.index = len(h.allspans)
	h.allspans = append(h.allspans, s)
	h.inuse += size
	if state == mSpanInUse {
		h.pagesInUse += npages
	}
	if state == mSpanManual {
		h.stackInuse += size
	}
	return s
}

// newSpan returns a span record for npages pages at base, reusing a dead
// one and its bitmaps' memory, as the real runtime's fixalloc reuses
// mspans: a heap that frees and takes spans all the time makes no host
// garbage.
func (h *mheapT) newSpan(base, npages uintptr) *mspan {
	n := len(h.spanFree)
	if n == 0 {
		return &mspan{base: base, npages: npages}
	}
	s := h.spanFree[n-1]
	h.spanFree = h.spanFree[:n-1]
	*s = mspan{base: base, npages: npages, allocBits: s.allocBits[:0], gcmarkBits: s.gcmarkBits[:0], types: s.types[:0], profile: s.profile[:0]}
	return s
}

// putSpan keeps the dead span record s for newSpan. No page table entry
// names it.
func (h *mheapT) putSpan(s *mspan) {
	s.state = mSpanDead
	clear(s.types[:cap(s.types)])
	clear(s.profile[:cap(s.profile)])
	s.largeType = nil
	h.spanFree = append(h.spanFree, s)
}

// setSpans points the page table's entries for s's pages at s.
func (h *mheapT) setSpans(s *mspan) {
	first := (s.base - h.heapStart) / pageSize
	for uintptr(len(h.spans)) < first+s.npages {
		h.spans = append(h.spans, nil)
	}
	for i := uintptr(0); i < s.npages; i++ {
		h.spans[first+i] = s
	}
}

// clearSpans drops the page table's entries that name s: all of an in-use
// span's, a free run's first and last.
func (h *mheapT) clearSpans(s *mspan) {
	first := (s.base - h.heapStart) / pageSize
	if s.state == mSpanFree {
		h.spans[first], h.spans[first+s.npages-1] = nil, nil
		return
	}
	for i := uintptr(0); i < s.npages; i++ {
		h.spans[first+i] = nil
	}
}

// freeSpan returns s's pages to the page heap, merged with the free runs
// on either side.
func (h *mheapT) freeSpan(mp *m, s *mspan) {
	lock(mp, &h.lock)
	defer unlock(mp, &h.lock)
	size := s.npages * pageSize
	h.inuse -= size
	if s.state == mSpanInUse {
		h.pagesInUse -= s.npages
	}
	if s.state == mSpanManual {
		h.stackInuse -= size
	}
	last := h.allspans[len(h.allspans)-1]
	last.index = s.index
	h.allspans[s.index] = last
	h.allspans = h.allspans[:len(h.allspans)-1]
	h.clearSpans(s)
	base, npages := s.base, s.npages
	h.putSpan(s)
	first := (base - h.heapStart) / pageSize
	if first > 0 {
		if prev := h.spans[first-1]; prev != nil && prev.state == mSpanFree && !prev.scavenged {
			h.removeFree(prev)
			h.clearSpans(prev)
			base = prev.base
			npages += prev.npages
			h.putSpan(prev)
		}
	}
	if end := first + s.npages; end < uintptr(len(h.spans)) {
		if next := h.spans[end]; next != nil && next.state == mSpanFree && !next.scavenged {
			h.removeFree(next)
			h.clearSpans(next)
			npages += next.npages
			h.putSpan(next)
		}
	}
	h.insertFree(h.newSpan(base, npages))
}

// insertFree adds the free run s to the page heap. Only the page table
// entries of its first and last pages name it, which is all that merging
// with a neighbour needs; the pages between name nothing.
func (h *mheapT) insertFree(s *mspan) {
	s.state = mSpanFree
	s.index = len(h.free)
	h.free = append(h.free, s)
	first := (s.base - h.heapStart) / pageSize
	for uintptr(len(h.spans)) < first+s.npages {
		h.spans = append(h.spans, nil)
	}
	h.spans[first] = s
	h.spans[first+s.npages-1] = s
	if s.scavenged {
		h.released += s.npages * pageSize
	}
}

func (h *mheapT) removeFree(s *mspan) {
	last := h.free[len(h.free)-1]
	last.index = s.index
	h.free[s.index] = last
	h.free = h.free[:len(h.free)-1]
	if s.scavenged {
		h.released -= s.npages * pageSize
	}
}

// spanOf returns the span holding p, or nil.
func (h *mheapT) spanOf(p uintptr) *mspan {
	if p < h.heapStart || p >= h.next {
		return nil
	}
	return h.spans[(p-h.heapStart)/pageSize]
}

// findObject returns the allocated heap object that holds p: its start
// and its span, or 0 if p is in no allocated object.
func (h *mheapT) findObject(p uintptr) (uintptr, *mspan) {
	s := h.spanOf(p)
	if s == nil || s.state != mSpanInUse {
		return 0, nil
	}
	i := s.objIndex(p)
	if i >= s.nelems || !s.isAllocated(i) {
		return 0, nil
	}
	return s.base + i*s.elemsize, s
}

// cacheSpan gets a span with free objects of span class spc: one swept
// with room, else one of the class's unswept spans that sweeping leaves
// with room (up to 100 tries, as the real one), else a fresh one.
func (c *mcentral) cacheSpan(mp *m, spc uint8) *mspan {
	deductSweepCredit(mp)
	lock(mp, &c.lock)
	if n := len(c.partial); n > 0 {
		s := c.partial[n-1]
		c.partial = c.partial[:n-1]
		unlock(mp, &c.lock)
		return s
	}
	unlock(mp, &c.lock)
	for range 100 {
		s := c.unswept.pop(c.heap.sweepgen)
		if s == nil {
			break
		}
		if sweepSpan(mp, s) {
			return s
		}
	}
	class := spc >> 1
	s := c.heap.allocSpan(mp, uintptr(classPages[class]), mSpanInUse)
	s.spanclass = spc
	s.elemsize = uintptr(classSize[class])
	spanBytes := s.npages * pageSize
	if spc&1 == 0 && s.elemsize <= minSizeForMallocHeader {
		// The span's tail holds its heap bits, one per word.
		bitmap := spanBytes / 64
		s.heapBits = s.base + spanBytes - bitmap
		spanBytes -= bitmap
	}
	s.nelems = spanBytes / s.elemsize
	s.divMul = ^uint32(0)/uint32(s.elemsize) + 1
	words := int((s.nelems + 63) / 64)
	s.allocBits = grow(s.allocBits, words)
	s.gcmarkBits = grow(s.gcmarkBits, words)
	s.resetAllocCache()
	if spc&1 == 0 && s.heapBits == 0 {
		s.types = grow(s.types, int(s.nelems))
	}
	c.swept.spans = append(c.swept.spans, s)
	return s
}

// grow returns b with length n and every element zero, in its own memory
// if it holds enough.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// refill replaces the mcache's span for spc with one that has room.
func (c *mcache) refill(mp *m, spc uint8) *mspan {
	s := c.heap.central[spc].cacheSpan(mp, spc)
	c.alloc[spc] = s
	return s
}

// releaseAll drops the mcache's spans and tiny block, as the real one does
// before a cycle: the sweeper sees every span, and hands those with room
// back through the mcentrals.
func (c *mcache) releaseAll() {
	c.alloc = [len(c.alloc)]*mspan{}
	c.tiny, c.tinyoffset = 0, 0
}

// mallocgc allocates a zeroed object of size bytes and type typ (nil for
// untyped memory such as a string's bytes).
func mallocgc(mp *m, size uintptr, typ *bytecode.Type) uintptr {
	if size == 0 {
		return mp.vm.zerobase
	}
	c := mp.p.mcache
	noscan := typ == nil || !typ.HasPtrs
	var p uintptr
	switch {
	case noscan && size < tinySize:
		// The tiny allocator: pack small pointer-free objects into one
		// 16-byte block, aligned as their size requires.
		off := c.tinyoffset
		switch {
		case size&7 == 0:
			off = alignUp(off, 8)
		case size&3 == 0:
			off = alignUp(off, 4)
		case size&1 == 0:
			off = alignUp(off, 2)
		}
		if off+size <= tinySize && c.tiny != 0 {
			p = c.tiny + off
			c.tinyoffset = off + size
			c.stats.tinyAllocs++
			return p
		}
		p = c.allocSmall(mp, tinySize, true, nil)
		c.tiny = p
		c.tinyoffset = size
	case size <= maxSmallSize:
		p = c.allocSmall(mp, size, noscan, typ)
	default:
		p = c.allocLarge(mp, size, noscan, typ)
	}
	if typ != nil && typ == mp.vm.abiType {
		mp.vm.abiTypeObjs[p] = true
	}
	gcAllocated(mp, size)
	return p
}

func (c *mcache) allocSmall(mp *m, size uintptr, noscan bool, typ *bytecode.Type) uintptr {
	spc := sizeToClass(size) << 1
	if noscan {
		spc |= 1
	}
	s := c.alloc[spc]
	if s == nil || s.nextFreeIndex() == s.nelems {
		s = c.refill(mp, spc)
		s.nextFreeIndex()
	}
	i := s.takeFree()
	p := s.base + i*s.elemsize
	vm := mp.vm
	if vm.gcController.phase != _GCoff {
		s.setMarked(i) // allocated black while the collector marks
		vm.gcWork.bytesMarked += uint64(s.elemsize)
	}
	if s.needzero && !vm.mem.Memclr(p, s.elemsize) {
		throw("mallocgc: a slot outside the arena")
	}
	switch {
	case s.heapBits != 0:
		c.writeHeapBits(mp, s, i, typ, size)
	case len(s.types) > 0:
		s.types[i] = typ
	}
	c.stats.smallAllocCount[spc>>1]++
	vm.gcController.heapLive += uint64(s.elemsize)
	// The heap profile's sampling (mprof.go) counts whole slots, as the
	// sweeper frees them. An object the tiny allocator packs into its
	// current block is not counted: the block was when it was taken, as
	// in the real runtime.
	if c.nextSample -= int64(s.elemsize); c.nextSample < 0 || c.memProfRate != vm.memProfileRate() {
		profilealloc(mp, c, s, i)
	}
	return p
}

func (c *mcache) allocLarge(mp *m, size uintptr, noscan bool, typ *bytecode.Type) uintptr {
	npages := (size + pageSize - 1) / pageSize
	deductSweepCredit(mp)
	s := mp.vm.mheap.allocSpan(mp, npages, mSpanInUse)
	s.elemsize = npages * pageSize
	s.nelems = 1
	s.freeindex = 1
	s.allocCount = 1
	s.allocBits = append(grow(s.allocBits, 1)[:0], 1)
	s.gcmarkBits = grow(s.gcmarkBits, 1)
	if mp.vm.gcController.phase != _GCoff {
		s.setMarked(0)
		mp.vm.gcWork.bytesMarked += uint64(s.elemsize)
	}
	if noscan {
		s.spanclass = 1
	} else {
		s.largeType, s.largeSize = typ, size
	}
	mp.vm.mheap.sweptLarge.spans = append(mp.vm.mheap.sweptLarge.spans, s)
	c.stats.largeAlloc += uint64(s.elemsize)
	c.stats.largeAllocCount++
	mp.vm.gcController.heapLive += uint64(s.elemsize)
	if c.nextSample -= int64(s.elemsize); c.nextSample < 0 || c.memProfRate != mp.vm.memProfileRate() {
		profilealloc(mp, c, s, 0)
	}
	return s.base
}

// writeHeapBits records where the pointers of slot i of s are: typ's mask,
// repeated for each element of an array of size bytes, and no pointer in
// the rest of the slot.
func (c *mcache) writeHeapBits(mp *m, s *mspan, i uintptr, typ *bytecode.Type, size uintptr) {
	words := s.elemsize / 8 // at most 64
	var bitsOf uint64
	if m := c.maskOf(mp, typ); m != nil {
		one := m.bits[0]
		for off := uintptr(0); off+m.nwords <= words && off < size/8; off += m.nwords {
			bitsOf |= one << off
		}
	}
	vm := mp.vm
	w := i * words // the slot's first word in the span
	addr := s.heapBits + w/64*8
	shift := w % 64
	var keep uint64 = ^uint64(0)
	if words < 64 {
		keep = ^((uint64(1)<<words - 1) << shift)
	} else {
		keep = 0
	}
	old := vm.ld(addr)
	vm.st(addr, old&keep|bitsOf<<shift)
	if shift+words > 64 {
		// The slot's bits continue in the next word.
		n := shift + words - 64
		old := vm.ld(addr + 8)
		vm.st(addr+8, old&^(uint64(1)<<n-1)|bitsOf>>(64-shift))
	}
}

// maskOf returns typ's pointer mask, through the mcache's one-entry cache.
func (c *mcache) maskOf(mp *m, typ *bytecode.Type) *ptrMask {
	if typ == c.lastType && c.lastMask != nil {
		return c.lastMask
	}
	m := typePtrMask(mp.vm, typ)
	c.lastType, c.lastMask = typ, m
	return m
}

func alignUp(n, a uintptr) uintptr { return (n + a - 1) &^ (a - 1) }

// newobject allocates a zeroed value of type t.
func newobject(mp *m, t *bytecode.Type) uintptr { return mallocgc(mp, t.Size, t) }

// newarray allocates n zeroed elements of type t; the caller has checked
// that the size does not overflow.
func newarray(mp *m, t *bytecode.Type, n uintptr) uintptr { return mallocgc(mp, t.Size*n, t) }

// roundupsize is the size the real mallocgc hands out for a request of
// size bytes: its size class, or whole pages for a large object. Where gc
// puts an 8-byte malloc header in front of a pointerful object larger than
// minSizeForMallocHeader, the header's word is not the program's: the
// class is the one size+8 needs, less the header. gort keeps that word on
// the host side instead, but sizes slices as gc does, so that append's
// capacities are gc's.
func roundupsize(size uintptr, noscan bool) uintptr {
	if size > maxSmallSize-mallocHeaderSize {
		return alignUp(size, pageSize)
	}
	req := size
	if !noscan && size > minSizeForMallocHeader {
		req += mallocHeaderSize
	}
	return uintptr(classSize[sizeToClass(req)]) - (req - size)
}
