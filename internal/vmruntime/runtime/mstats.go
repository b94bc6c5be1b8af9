//go:build gort

package runtime

import "unsafe"

// MemStats records statistics about the memory allocator, with the real
// struct's fields in the real order (unsafe.Offsetof agrees with gc's).
//
// gort fills what its allocator and collector count: the objects
// allocated and freed and their bytes (by size class too), the heap's and
// the stacks' pages, and the collector's cycles and pauses. The host
// structures (spans, mcaches) are not arena memory and count nowhere.
type MemStats struct {
	// General statistics.
	Alloc      uint64 // bytes of allocated heap objects
	TotalAlloc uint64 // cumulative bytes allocated for heap objects
	Sys        uint64 // bytes of memory obtained from the OS
	Lookups    uint64 // pointer lookups by the runtime
	Mallocs    uint64 // cumulative count of heap objects allocated
	Frees      uint64 // cumulative count of heap objects freed

	// Heap memory statistics.
	HeapAlloc    uint64 // bytes of allocated heap objects
	HeapSys      uint64 // bytes of heap memory obtained from the OS
	HeapIdle     uint64 // bytes in idle (unused) spans
	HeapInuse    uint64 // bytes in in-use spans
	HeapReleased uint64 // bytes of physical memory returned to the OS
	HeapObjects  uint64 // number of allocated heap objects

	// Stack memory statistics.
	StackInuse uint64 // bytes in stack spans
	StackSys   uint64 // bytes of stack memory obtained from the OS

	// Off-heap memory statistics.
	MSpanInuse  uint64 // bytes of allocated mspan structures
	MSpanSys    uint64 // bytes obtained from the OS for mspan structures
	MCacheInuse uint64 // bytes of allocated mcache structures
	MCacheSys   uint64 // bytes obtained from the OS for mcache structures
	BuckHashSys uint64 // bytes of memory in profiling bucket hash tables
	GCSys       uint64 // bytes of memory in garbage collection metadata
	OtherSys    uint64 // bytes of other off-heap runtime allocations

	// Garbage collector statistics.
	NextGC        uint64      // target heap size of the next GC cycle
	LastGC        uint64      // when the last GC finished, in ns since 1970
	PauseTotalNs  uint64      // cumulative ns in GC stop-the-world pauses
	PauseNs       [256]uint64 // circular buffer of recent pause times
	PauseEnd      [256]uint64 // circular buffer of recent pause end times
	NumGC         uint32      // number of completed GC cycles
	NumForcedGC   uint32      // number of GC cycles forced by a GC call
	GCCPUFraction float64     // fraction of CPU time used by the GC
	EnableGC      bool        // always true
	DebugGC       bool        // currently unused

	// BySize reports per-size class allocation statistics.
	BySize [61]struct {
		Size    uint32 // the largest object size of the class
		Mallocs uint64 // cumulative count of objects allocated
		Frees   uint64 // cumulative count of objects freed
	}
}

// heapStats is what the allocator and the collector report
// (readmemstats): every word a uint64, in this order.
type heapStats struct {
	mallocs      uint64 // objects allocated, tiny ones included
	frees        uint64 // objects freed, tiny ones included
	totalAlloc   uint64 // bytes allocated, as the size classes round them
	heapAlloc    uint64 // bytes of the objects allocated and not freed
	heapSys      uint64 // heap pages handed out
	heapInuse    uint64 // in spans in use, stacks excluded
	heapReleased uint64 // free pages returned to the OS
	stackInuse   uint64 // in stack spans
	nextGC       uint64
	lastGC       uint64
	pauseTotal   uint64
	numGC        uint64
	numForcedGC  uint64
	gcCPU        uint64 // GCCPUFraction, as float64 bits
	gcSys        uint64 // the collector's metadata
	pauseNs      [256]uint64
	pauseEnd     [256]uint64
	classSize    [61]uint64
	classAlloc   [61]uint64 // objects allocated per size class
	classFree    [61]uint64 // objects freed per size class
}

// ReadMemStats fills m with the allocator's and the collector's
// statistics.
func ReadMemStats(m *MemStats) {
	_ = m.Alloc // a nil m faults before anything is read
	var s heapStats
	readmemstats(&s)
	m.Alloc = s.heapAlloc
	m.TotalAlloc = s.totalAlloc
	m.Sys = s.heapSys + s.stackInuse + s.gcSys
	m.Lookups = 0
	m.Mallocs = s.mallocs
	m.Frees = s.frees
	m.HeapAlloc = s.heapAlloc
	m.HeapSys = s.heapSys
	m.HeapIdle = s.heapSys - s.heapInuse
	m.HeapInuse = s.heapInuse
	m.HeapReleased = s.heapReleased
	m.HeapObjects = s.mallocs - s.frees
	m.StackInuse = s.stackInuse
	m.StackSys = s.stackInuse
	m.MSpanInuse = 0
	m.MSpanSys = 0
	m.MCacheInuse = 0
	m.MCacheSys = 0
	m.BuckHashSys = 0
	m.GCSys = s.gcSys
	m.OtherSys = 0
	m.NextGC = s.nextGC
	m.LastGC = s.lastGC
	m.PauseTotalNs = s.pauseTotal
	m.PauseNs = s.pauseNs
	m.PauseEnd = s.pauseEnd
	m.NumGC = uint32(s.numGC)
	m.NumForcedGC = uint32(s.numForcedGC)
	m.GCCPUFraction = *(*float64)(unsafe.Pointer(&s.gcCPU))
	m.EnableGC = true
	m.DebugGC = false
	for i := range m.BySize {
		m.BySize[i].Size = uint32(s.classSize[i])
		m.BySize[i].Mallocs = s.classAlloc[i]
		m.BySize[i].Frees = s.classFree[i]
	}
}

// readmemstats reads the allocator's counters, summed over the Ps, and
// the collector's (a native).
func readmemstats(s *heapStats)
