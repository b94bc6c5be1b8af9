// runtime/debug's setters return the previous setting, starting from gc's
// defaults; with no collection yet, GC stats are empty.
package main

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
)

func main() {
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(-1), debug.SetGCPercent(100))
	fmt.Println(debug.SetMaxStack(1<<20), debug.SetMaxStack(1<<30))
	fmt.Println(debug.SetMaxThreads(500), debug.SetMaxThreads(10000))
	fmt.Println(debug.SetMemoryLimit(-1) == math.MaxInt64, debug.SetPanicOnFault(true), debug.SetPanicOnFault(false))
	fmt.Println(os.Getpagesize())
}
