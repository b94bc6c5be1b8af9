package runtime

import "math/bits"

// Sweeping and scavenging. As the real sweeper, gort's sweeps lazily: mark
// termination only bumps the heap's sweep generation, which makes every
// span in use unswept at once, and swaps each class's lists of spans. A span
// is then swept when the allocator needs a span of its class (cacheSpan),
// in proportion to allocation so that sweeping is done before the next
// cycle is due (deductSweepCredit), when nothing else can run (bgsweep),
// and whatever is left before the next cycle starts (finishSweep).
//
// Sweeping a span makes its mark bits its alloc bits, as the real one swaps
// gcmarkBits into allocBits, and clears its mark bits for the next cycle;
// a span with nothing marked goes back to the page heap, a span with free
// slots to its mcentral, and the freed slots are reused (cleared when
// handed out). A freed object the heap profile sampled is counted freed in
// its bucket (mprof.go), as the real sweeper frees its profile special.
// Until its span is swept, a dead object still counts as allocated, as in
// the real runtime.
//
// Sweep generations are the real ones': a span whose sweepgen is the
// heap's is swept, one two behind is not; with one M no span is ever
// being swept by another, so the odd states are not needed.

// sweepList holds spans of one span class, or large objects' spans: those
// swept this cycle, or those left to sweep.
type sweepList struct {
	spans []*mspan
}

// pop returns the next span of the list that is still unswept, or nil.
func (l *sweepList) pop(sg uint32) *mspan {
	for n := len(l.spans); n > 0; n = len(l.spans) {
		s := l.spans[n-1]
		l.spans = l.spans[:n-1]
		if s.state == mSpanInUse && s.sweepgen == sg-2 {
			return s
		}
	}
	return nil
}

// prepareSweep is mark termination's part of the sweep: bumping the
// sweep generation makes every span in use unswept, and each list of the
// spans swept last cycle, which holds every span in use of its class,
// becomes the list to sweep, as the real mcentral swaps its swept and
// unswept span sets. The pages to sweep are paced over the allocation left
// before the next trigger.
func prepareSweep(vm *vm) {
	h := &vm.mheap
	h.sweepgen += 2
	for i := range h.central {
		c := &h.central[i]
		c.unswept.spans, c.swept.spans = c.swept.spans, c.unswept.spans[:0]
	}
	h.sweepLarge.spans, h.sweptLarge.spans = h.sweptLarge.spans, h.sweepLarge.spans[:0]
	c := &vm.gcController
	h.pagesSwept = 0
	h.sweepHeapLiveBasis = c.heapLive
	h.sweepPagesPerByte = float64(h.pagesInUse) / float64(max(c.trigger-min(c.trigger, c.heapLive), 1))
	h.sweepClass = 0
}

// sweepone sweeps one unswept span, any class, and reports whether there
// was one.
func sweepone(mp *m) bool {
	h := &mp.vm.mheap
	for ; h.sweepClass < len(h.central); h.sweepClass++ {
		if s := h.central[h.sweepClass].unswept.pop(h.sweepgen); s != nil {
			if sweepSpan(mp, s) {
				central := &h.central[s.spanclass]
				central.partial = append(central.partial, s)
			}
			return true
		}
	}
	if s := h.sweepLarge.pop(h.sweepgen); s != nil {
		sweepSpan(mp, s)
		return true
	}
	return false
}

// finishSweep sweeps every span left, as the real finishsweep_m before a
// cycle starts, and runtime.GC's eager sweep.
func finishSweep(mp *m) {
	for sweepone(mp) {
	}
	scavenge(mp, false)
}

// deductSweepCredit sweeps, before the allocator takes a span, as many
// pages as the heap's growth since the cycle asks (the real proportional
// sweep), so that the sweep is done by the time the next cycle is due.
func deductSweepCredit(mp *m) {
	h := &mp.vm.mheap
	c := &mp.vm.gcController
	if h.sweepPagesPerByte == 0 {
		return
	}
	target := uintptr(h.sweepPagesPerByte * float64(c.heapLive-min(c.heapLive, h.sweepHeapLiveBasis)))
	for h.pagesSwept < target {
		if !sweepone(mp) {
			h.sweepPagesPerByte = 0 // all swept
			scavenge(mp, false)
			return
		}
	}
}

// bgsweep is the background sweeper's turn, which the real runtime gives
// a goroutine of low priority: when nothing else can run, the scheduler
// sweeps a batch of spans. It reports whether it swept any.
func bgsweep(mp *m) bool {
	swept := false
	for i := 0; i < 64 && sweepone(mp); i++ {
		swept = true
	}
	if !swept && mp.vm.mheap.sweepPagesPerByte != 0 {
		mp.vm.mheap.sweepPagesPerByte = 0
		scavenge(mp, false)
	}
	return swept
}

// sweepSpan sweeps s: it frees the slots the cycle did not mark, and
// returns s's pages to the page heap if nothing was. It reports whether s
// is left in use with free slots (its caller hands it out or lists it in
// its mcentral).
func sweepSpan(mp *m, s *mspan) bool {
	vm := mp.vm
	h := &vm.mheap
	c := &vm.gcController
	s.sweepgen = h.sweepgen
	h.pagesSwept += s.npages
	if s.nelems == 1 && s.spanclass>>1 == 0 {
		// A large object.
		if s.isMarked(0) {
			s.allocBits, s.gcmarkBits = s.gcmarkBits, s.allocBits
			clear(s.gcmarkBits)
			h.sweptLarge.spans = append(h.sweptLarge.spans, s)
			return false
		}
		c.frees++
		c.freedBytes += uint64(s.elemsize)
		if len(s.profile) > 0 && s.profile[0] != nil {
			mProf_Free(vm, s.profile[0], s.elemsize)
		}
		if c.poison {
			poison(vm, s.base, s.elemsize)
		}
		h.freeSpan(mp, s)
		return false
	}
	var nmarked uintptr
	for i, mw := range s.gcmarkBits {
		nmarked += uintptr(bits.OnesCount64(mw))
		freed := s.allocBits[i] &^ mw
		if freed == 0 {
			continue
		}
		n := uint64(bits.OnesCount64(freed))
		c.frees += n
		c.smallFreeCount[s.spanclass>>1] += n
		c.freedBytes += n * uint64(s.elemsize)
		for freed != 0 {
			j := uintptr(i)*64 + uintptr(bits.TrailingZeros64(freed))
			freed &= freed - 1
			if len(s.types) > 0 {
				s.types[j] = nil
			}
			if len(s.profile) > 0 {
				if b := s.profile[j]; b != nil {
					s.profile[j] = nil
					mProf_Free(vm, b, s.elemsize)
				}
			}
			if c.poison {
				poison(vm, s.base+j*s.elemsize, s.elemsize)
			}
		}
		s.needzero = true
	}
	if nmarked == 0 {
		h.freeSpan(mp, s)
		return false
	}
	s.allocBits, s.gcmarkBits = s.gcmarkBits, s.allocBits
	clear(s.gcmarkBits)
	central := &h.central[s.spanclass]
	central.swept.spans = append(central.swept.spans, s)
	s.allocCount = nmarked
	s.resetAllocCache()
	return nmarked < s.nelems
}

// poison fills n bytes at p with poisonWord.
func poison(vm *vm, p, n uintptr) {
	for off := uintptr(0); off+8 <= n; off += 8 {
		vm.mem.Store64(p+off, poisonWord)
	}
}

// scavenge returns the pages of free runs to the kernel, as the real
// background scavenger does, until the pages the heap keeps are at most
// 10% above the heap goal; with all, every free page goes back
// (debug.FreeOSMemory).
func scavenge(mp *m, all bool) {
	vm := mp.vm
	h := &vm.mheap
	retained := uint64(h.next-h.heapStart) - uint64(h.released)
	goal := vm.gcController.heapGoal
	keep := goal + goal/10
	if all {
		keep = 0
	}
	for i := 0; i < len(h.free) && retained > keep; i++ {
		s := h.free[i]
		if s.scavenged {
			continue
		}
		size := s.npages * pageSize
		if !vm.mem.Release(s.base, size) {
			continue
		}
		s.scavenged = true
		h.released += size
		retained -= uint64(size)
	}
}
