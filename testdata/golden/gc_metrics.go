// Gc_metrics reads the collector's runtime/metrics samples around forced
// cycles and prints only facts that hold on any run: the kinds, and how
// the counts move.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

var sink []*[64]byte

func read(names ...string) []metrics.Sample {
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	return s
}

func main() {
	names := []string{
		"/gc/cycles/total:gc-cycles",
		"/gc/cycles/forced:gc-cycles",
		"/gc/heap/allocs:objects",
		"/gc/heap/frees:objects",
		"/gc/heap/goal:bytes",
		"/gc/gogc:percent",
		"/no/such:metric",
	}
	before := read(names...)
	for _, s := range before {
		fmt.Println(s.Name, s.Value.Kind())
	}
	for i := 0; i < 10000; i++ {
		sink = append(sink, new([64]byte))
	}
	sink = nil
	runtime.GC()
	runtime.GC()
	after := read(names...)
	fmt.Println("forced cycles grew by at least 2:", after[1].Value.Uint64()-before[1].Value.Uint64() >= 2)
	fmt.Println("total cycles at least forced:", after[0].Value.Uint64() >= after[1].Value.Uint64())
	fmt.Println("allocated at least 10000 more objects:", after[2].Value.Uint64()-before[2].Value.Uint64() >= 10000)
	fmt.Println("freed at least 10000 more objects:", after[3].Value.Uint64()-before[3].Value.Uint64() >= 10000)
	fmt.Println("frees at most allocs:", after[3].Value.Uint64() <= after[2].Value.Uint64())
	fmt.Println("goal positive:", after[4].Value.Uint64() > 0)
	fmt.Println("gogc:", after[5].Value.Uint64())
	debug.SetGCPercent(50)
	fmt.Println("gogc after SetGCPercent(50):", read("/gc/gogc:percent")[0].Value.Uint64())
}
