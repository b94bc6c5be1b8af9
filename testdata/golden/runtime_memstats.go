package main

import (
	"runtime"
	"unsafe"
)

// ReadMemStats: the real MemStats layout, and counters that move as the
// program allocates. Absolute numbers differ between implementations, so
// only what must hold everywhere is printed.

var sink []*[64]byte

func main() {
	var m runtime.MemStats
	println("size", unsafe.Sizeof(m))
	println("Alloc", unsafe.Offsetof(m.Alloc), "Mallocs", unsafe.Offsetof(m.Mallocs))
	println("HeapAlloc", unsafe.Offsetof(m.HeapAlloc), "HeapObjects", unsafe.Offsetof(m.HeapObjects))
	println("StackInuse", unsafe.Offsetof(m.StackInuse), "OtherSys", unsafe.Offsetof(m.OtherSys))
	println("NextGC", unsafe.Offsetof(m.NextGC), "PauseNs", unsafe.Offsetof(m.PauseNs))
	println("PauseEnd", unsafe.Offsetof(m.PauseEnd), "NumGC", unsafe.Offsetof(m.NumGC))
	println("NumForcedGC", unsafe.Offsetof(m.NumForcedGC), "GCCPUFraction", unsafe.Offsetof(m.GCCPUFraction))
	println("EnableGC", unsafe.Offsetof(m.EnableGC), "DebugGC", unsafe.Offsetof(m.DebugGC))
	println("BySize", unsafe.Offsetof(m.BySize), len(m.BySize), unsafe.Sizeof(m.BySize[0]))

	runtime.ReadMemStats(&m)
	before := m
	for i := 0; i < 100; i++ {
		sink = append(sink, new([64]byte))
	}
	runtime.ReadMemStats(&m)
	println("mallocs grew by at least 100:", m.Mallocs-before.Mallocs >= 100)
	println("total alloc grew by at least 6400:", m.TotalAlloc-before.TotalAlloc >= 6400)
	println("heap alloc positive:", m.HeapAlloc > 0, "sys positive:", m.Sys > 0)
	println("heap in use within heap sys:", m.HeapInuse <= m.HeapSys)
	println("objects at most mallocs:", m.HeapObjects <= m.Mallocs)
	println("frees at most mallocs:", m.Frees <= m.Mallocs)
	println("enable gc:", m.EnableGC, "debug gc:", m.DebugGC)
	println("64-byte class grew:", m.BySize[6].Mallocs-before.BySize[6].Mallocs >= 100)
	for _, i := range []int{0, 1, 2, 3, 6, 16, 32, 60} {
		println("class", i, m.BySize[i].Size)
	}

	defer func() { println("nil:", recover().(runtime.Error).Error()) }()
	runtime.ReadMemStats(nil)
}
