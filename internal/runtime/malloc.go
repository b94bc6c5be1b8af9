package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

// The allocator follows malloc.go's design: size classes; per-P mcaches
// holding one span per span class; mcentrals handing out spans with free
// space; and mheap, which carves spans out of the arena's heap region a page
// at a time. Objects smaller than 16 bytes without pointers share 16-byte
// blocks through the tiny allocator.
//
// Every heap object's type is recorded in its span, so the collector (a
// later change) can find each object's pointers. Until it lands nothing is
// freed, except stacks, which return to the stack pool.

// mspan is a run of pages holding objects of one size class, or one large
// object.
type mspan struct {
	base      uintptr
	npages    uintptr
	spanclass uint8 // size class << 1 | noscan
	elemsize  uintptr
	nelems    uintptr
	freeindex uintptr
	types     []*bytecode.Type // the type of each allocated object
}

// mcache is a P's private cache of spans: no lock on the fast path.
type mcache struct {
	heap       *mheapT
	alloc      [2 * len(classSize)]*mspan
	tiny       uintptr
	tinyoffset uintptr
	stats      allocStats // for ReadMemStats (mstats.go)
}

// mcentral hands spans of one span class to mcaches.
type mcentral struct {
	heap    *mheapT
	lock    mutex
	partial []*mspan
}

// mheap owns the heap region of the arena.
type mheapT struct {
	lock      mutex
	next      uintptr // first page never handed out
	end       uintptr
	spans     []*mspan // by page number from heapStart
	central   [2 * len(classSize)]mcentral
	heapStart uintptr
	// inuse counts the bytes in spans handed out.
	inuse uintptr
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

// allocSpan takes npages fresh pages from the heap.
func (h *mheapT) allocSpan(mp *m, npages uintptr) *mspan {
	lock(mp, &h.lock)
	defer unlock(mp, &h.lock)
	base := h.next
	size := npages * pageSize
	if base+size > h.end || base+size < base {
		// The program asked for more than the arena holds: its error,
		// worded as the real mcache's.
		panic(fatalError{msg: "out of memory", before: "runtime: out of memory: cannot allocate " +
			itoa(int64(size)) + "-byte block (" + itoa(int64(h.inuse)) + " in use)\n"})
	}
	h.next += size
	mp.vm.mem.SetInUse(h.next) // before the pages are handed out
	s := &mspan{base: base, npages: npages}
	first := (base - h.heapStart) / pageSize
	for uintptr(len(h.spans)) < first+npages {
		h.spans = append(h.spans, nil)
	}
	for i := uintptr(0); i < npages; i++ {
		h.spans[first+i] = s
	}
	h.inuse += size
	return s
}

// spanOf returns the span holding p, or nil.
func (h *mheapT) spanOf(p uintptr) *mspan {
	if p < h.heapStart || p >= h.next {
		return nil
	}
	return h.spans[(p-h.heapStart)/pageSize]
}

// objectType returns the type of the heap object that starts at p, and
// whether one does: the allocator's own record, which the program cannot
// forge, of what an arena address holds.
func (h *mheapT) objectType(p uintptr) (*bytecode.Type, bool) {
	s := h.spanOf(p)
	if s == nil || s.elemsize == 0 {
		return nil, false
	}
	off := p - s.base
	if off%s.elemsize != 0 || off/s.elemsize >= s.freeindex {
		return nil, false
	}
	return s.types[off/s.elemsize], true
}

// cacheSpan gets a span with free objects of span class spc.
func (c *mcentral) cacheSpan(mp *m, spc uint8) *mspan {
	lock(mp, &c.lock)
	if n := len(c.partial); n > 0 {
		s := c.partial[n-1]
		c.partial = c.partial[:n-1]
		unlock(mp, &c.lock)
		return s
	}
	unlock(mp, &c.lock)
	class := spc >> 1
	s := c.heap.allocSpan(mp, uintptr(classPages[class]))
	s.spanclass = spc
	s.elemsize = uintptr(classSize[class])
	s.nelems = s.npages * pageSize / s.elemsize
	s.types = make([]*bytecode.Type, s.nelems)
	return s
}

// refill replaces the mcache's span for spc with one that has room.
func (c *mcache) refill(mp *m, spc uint8) *mspan {
	s := c.heap.central[spc].cacheSpan(mp, spc)
	c.alloc[spc] = s
	return s
}

// mallocgc allocates a zeroed object of size bytes and type typ (nil for
// untyped memory such as a string's bytes).
func mallocgc(mp *m, size uintptr, typ *bytecode.Type) uintptr {
	if mp.vm.debug.gcTrigger {
		gcRecordTrigger(mp)
	}
	if size == 0 {
		return mp.vm.zerobase
	}
	c := mp.p.mcache
	noscan := typ == nil || !typ.HasPtrs
	if noscan && size < tinySize {
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
			p := c.tiny + off
			c.tinyoffset = off + size
			c.stats.tinyAllocs++
			return p
		}
		p := c.allocSmall(mp, tinySize, true, nil)
		c.tiny = p
		c.tinyoffset = size
		return p
	}
	if size <= maxSmallSize {
		return c.allocSmall(mp, size, noscan, typ)
	}
	npages := (size + pageSize - 1) / pageSize
	s := mp.vm.mheap.allocSpan(mp, npages)
	s.elemsize = npages * pageSize
	s.nelems = 1
	s.freeindex = 1
	s.types = []*bytecode.Type{typ}
	c.stats.largeAlloc += uint64(s.elemsize)
	c.stats.largeAllocCount++
	return s.base
}

func (c *mcache) allocSmall(mp *m, size uintptr, noscan bool, typ *bytecode.Type) uintptr {
	spc := sizeToClass(size) << 1
	if noscan {
		spc |= 1
	}
	s := c.alloc[spc]
	if s == nil || s.freeindex == s.nelems {
		s = c.refill(mp, spc)
	}
	i := s.freeindex
	s.freeindex++
	s.types[i] = typ
	c.stats.smallAllocCount[spc>>1]++
	return s.base + i*s.elemsize
}

func alignUp(n, a uintptr) uintptr { return (n + a - 1) &^ (a - 1) }

// newobject allocates a zeroed value of type t.
func newobject(mp *m, t *bytecode.Type) uintptr { return mallocgc(mp, t.Size, t) }

// newarray allocates n zeroed elements of type t; the caller has checked
// that the size does not overflow.
func newarray(mp *m, t *bytecode.Type, n uintptr) uintptr { return mallocgc(mp, t.Size*n, t) }

// roundupsize is the size mallocgc really allocates for a request of size
// bytes: its size class, or whole pages for a large object.
func roundupsize(size uintptr) uintptr {
	if size <= maxSmallSize {
		return uintptr(classSize[sizeToClass(size)])
	}
	return alignUp(size, pageSize)
}
