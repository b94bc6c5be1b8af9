package runtime

import "math/bits"

// Sweeping and scavenging. gort sweeps every span at the end of the
// cycle, while the world is still stopped, rather than lazily as the real
// sweeper does: a span's mark bits become its alloc bits, a span with
// nothing marked goes back to the page heap, a span with free slots to its
// mcentral, and the freed slots are reused (cleared when handed out).

// sweep frees what the cycle did not mark and returns the bytes of the
// marked objects.
func sweep(mp *m) uint64 {
	vm := mp.vm
	h := &vm.mheap
	c := &vm.gcController
	var marked uint64
	// freeSpan reorders allspans by moving the last span into the freed
	// one's place: walking down from the end visits each span once.
	for k := len(h.allspans) - 1; k >= 0; k-- {
		if k >= len(h.allspans) {
			continue
		}
		s := h.allspans[k]
		if s.state != mSpanInUse {
			continue
		}
		if s.nelems == 1 && s.spanclass>>1 == 0 {
			// A large object.
			if s.isMarked(0) {
				s.allocBits, s.gcmarkBits = s.gcmarkBits, s.allocBits
				marked += uint64(s.elemsize)
				continue
			}
			c.frees++
			c.freedBytes += uint64(s.elemsize)
			if c.poison {
				poison(vm, s.base, s.elemsize)
			}
			h.freeSpan(mp, s)
			continue
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
				if c.poison {
					poison(vm, s.base+j*s.elemsize, s.elemsize)
				}
			}
			s.needzero = true
		}
		if nmarked == 0 {
			h.freeSpan(mp, s)
			continue
		}
		s.allocBits, s.gcmarkBits = s.gcmarkBits, s.allocBits
		s.allocCount = nmarked
		s.resetAllocCache()
		marked += uint64(nmarked) * uint64(s.elemsize)
		if nmarked < s.nelems {
			central := &h.central[s.spanclass]
			central.partial = append(central.partial, s)
		}
	}
	return marked
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
