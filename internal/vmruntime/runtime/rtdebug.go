//go:build gort

package runtime

import "unsafe"

// The hooks of runtime/debug.

var (
	maxStackSize = 1000000000 // gc's default on 64-bit systems: 1e9, not 1 GiB
	maxThreads   = 10000
	panicOnFault bool
)

// The collector's settings are the pacer's (natives): each setter returns
// the previous value, a negative percent turns the collector off, and a
// negative limit only reads it.
//
//go:linkname debug_setGCPercent runtime/debug.setGCPercent
func debug_setGCPercent(in int32) (out int32) { return setGCPercent(in) }

//go:linkname debug_setMemoryLimit runtime/debug.setMemoryLimit
func debug_setMemoryLimit(in int64) (out int64) { return setMemoryLimit(in) }

func setGCPercent(in int32) (out int32)
func setMemoryLimit(in int64) (out int64)

//go:linkname debug_setMaxStack runtime/debug.setMaxStack
func debug_setMaxStack(in int) (out int) {
	out = maxStackSize
	maxStackSize = in
	return out
}

//go:linkname debug_setMaxThreads runtime/debug.setMaxThreads
func debug_setMaxThreads(in int) (out int) {
	out = maxThreads
	maxThreads = in
	return out
}

//go:linkname debug_setPanicOnFault runtime/debug.setPanicOnFault
func debug_setPanicOnFault(new bool) (old bool) {
	old = panicOnFault
	panicOnFault = new
	return old
}

// freeOSMemory runs a cycle and returns every free page to the OS.
//
//go:linkname debug_freeOSMemory runtime/debug.freeOSMemory
func debug_freeOSMemory() { freeOSMemory() }

func freeOSMemory()

// readGCStats fills *pauses as the real one does: up to 256 recent pause
// times, as many end times, then the last GC time, the total pause time
// and the number of cycles (a native).
//
//go:linkname debug_readGCStats runtime/debug.readGCStats
func debug_readGCStats(pauses *[]uint64) {
	n := readGCStatsLen()
	p := (*pauses)[:0]
	for i := 0; i < 2*n+3; i++ {
		p = append(p, 0)
	}
	readGCStats(unsafe.Pointer(&p[0]))
	*pauses = p
}

func readGCStatsLen() int
func readGCStats(p unsafe.Pointer)

// modinfo is the build information the go command links into a binary;
// gort records none, so debug.ReadBuildInfo reports ok == false.
//
//go:linkname debug_modinfo runtime/debug.modinfo
func debug_modinfo() string { return "" }

//go:linkname syscall_Getpagesize syscall.Getpagesize
func syscall_Getpagesize() int { return 4096 }
