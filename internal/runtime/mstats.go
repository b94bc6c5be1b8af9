package runtime

// Memory statistics: runtime.ReadMemStats. Each P's mcache counts what it
// allocates, as the real mcache does before it flushes to the heap's
// consistent stats (mstats.go, mcache.go): objects by size class, large
// objects and their bytes, and tiny allocations that share a block. The
// real ReadMemStats stops the world to sum them; gort runs one M, so the
// Ps' counters are still while the native runs.

// allocStats are one mcache's allocation counters.
type allocStats struct {
	tinyAllocs      uint64 // tiny objects placed in an existing block
	smallAllocCount [len(classSize)]uint64
	largeAlloc      uint64 // bytes
	largeAllocCount uint64
}

// readmemstats(s *heapStats): the words of runtime.heapStats, in order:
// mallocs, totalAlloc, heapSys, heapInuse, then per size class (61 of them,
// as MemStats.BySize) the class's size, then its object count.
func nativeReadmemstats(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	s := uintptr(vm.ld(fp))
	var sum allocStats
	for _, pp := range vm.allp {
		c := &pp.mcache.stats
		sum.tinyAllocs += c.tinyAllocs
		sum.largeAlloc += c.largeAlloc
		sum.largeAllocCount += c.largeAllocCount
		for i, n := range c.smallAllocCount {
			sum.smallAllocCount[i] += n
		}
	}
	mallocs := sum.largeAllocCount + sum.tinyAllocs
	total := sum.largeAlloc
	for i, n := range sum.smallAllocCount {
		mallocs += n
		total += n * uint64(classSize[i])
	}
	h := &vm.mheap
	vm.st(s, mallocs)
	vm.st(s+8, total)
	vm.st(s+16, uint64(h.next-h.heapStart))
	vm.st(s+24, uint64(h.inuse))
	const bySize = 61
	for i := uintptr(0); i < bySize; i++ {
		vm.st(s+32+8*i, uint64(classSize[i]))
		vm.st(s+32+8*bySize+8*i, sum.smallAllocCount[i])
	}
	return stContinue
}
