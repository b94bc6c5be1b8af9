package runtime

import (
	"math"
	"time"
)

// Memory statistics: runtime.ReadMemStats. Each P's mcache counts what it
// allocates, as the real mcache does before it flushes to the heap's
// consistent stats (mstats.go, mcache.go): objects by size class, large
// objects and their bytes, and tiny allocations that share a block. The
// real ReadMemStats stops the world to sum them; gort runs one M, so the
// Ps' counters are still while the native runs. The collector counts what
// it frees and its cycles (gcControllerState).

// allocStats are one mcache's allocation counters.
type allocStats struct {
	tinyAllocs      uint64 // tiny objects placed in an existing block
	smallAllocCount [len(classSize)]uint64
	largeAlloc      uint64 // bytes
	largeAllocCount uint64
}

// heapTotals sums the Ps' counters: the objects allocated, their bytes
// (as the size classes round them) and the objects freed. A tiny object is
// freed with its block: the real runtime counts each one freed as it is
// allocated, so that the live objects are the blocks.
func heapTotals(vm *vm) (sum allocStats, mallocs, bytes, frees uint64) {
	for _, pp := range vm.allp {
		c := &pp.mcache.stats
		sum.tinyAllocs += c.tinyAllocs
		sum.largeAlloc += c.largeAlloc
		sum.largeAllocCount += c.largeAllocCount
		for i, n := range c.smallAllocCount {
			sum.smallAllocCount[i] += n
		}
	}
	mallocs = sum.largeAllocCount + sum.tinyAllocs
	bytes = sum.largeAlloc
	for i, n := range sum.smallAllocCount {
		mallocs += n
		bytes += n * uint64(classSize[i])
	}
	return sum, mallocs, bytes, vm.gcController.frees + sum.tinyAllocs
}

// readmemstats(s *heapStats): the words of runtime.heapStats, in order
// (internal/vmruntime/runtime/mstats.go).
func nativeReadmemstats(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	s := uintptr(vm.ld(fp))
	sum, mallocs, total, frees := heapTotals(vm)
	c := &vm.gcController
	h := &vm.mheap
	heapSys := uint64(h.next-h.heapStart) - uint64(h.stackInuse)
	words := []uint64{
		mallocs, frees, total, total - c.freedBytes,
		heapSys, uint64(h.inuse - h.stackInuse), uint64(h.released), uint64(h.stackInuse),
		c.heapGoal, c.lastGC, c.pauseTotal, c.cycles, uint64(c.numForced),
		math.Float64bits(gcCPUFraction(vm)), gcSys(vm),
	}
	words = append(words, c.pauseNs[:]...)
	words = append(words, c.pauseEnd[:]...)
	for i := range 61 {
		words = append(words, uint64(classSize[i]))
	}
	words = append(words, sum.smallAllocCount[:61]...)
	words = append(words, c.smallFreeCount[:61]...)
	vm.mem.MustWriteWords(s, words)
	return stContinue
}

// gcCPUFraction is the share of the program's time the collector took:
// its pauses and its marking.
func gcCPUFraction(vm *vm) float64 {
	return float64(vm.gcController.totalGCTime) / float64(max(time.Since(vm.start), 1))
}

// gcSys is the collector's metadata in the arena: the spans' heap bits.
func gcSys(vm *vm) uint64 {
	var n uint64
	for _, s := range vm.mheap.allspans {
		if s.heapBits != 0 {
			n += uint64(s.npages * pageSize / 64)
		}
	}
	return n
}
