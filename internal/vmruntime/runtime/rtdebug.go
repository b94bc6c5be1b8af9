//go:build gort

package runtime

import _ "unsafe" // for go:linkname

// The hooks of runtime/debug. There is no collector yet, so the GC and
// memory-limit settings are kept and reported back, as the real setters
// return the previous value, and take effect when the collector exists.

var (
	gcPercent    int32 = -2 // read from GOGC on first use
	memoryLimit  int64 = 1<<63 - 1
	maxStackSize       = 1000000000 // gc's default on 64-bit systems: 1e9, not 1 GiB
	maxThreads         = 10000
	panicOnFault bool
)

func readGOGC() int32 {
	s := gogetenv("GOGC")
	if s == "off" {
		return -1
	}
	if s == "" {
		return 100
	}
	n := int32(0)
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 100
		}
		n = n*10 + int32(s[i]-'0')
	}
	return n
}

//go:linkname debug_setGCPercent runtime/debug.setGCPercent
func debug_setGCPercent(in int32) (out int32) {
	if gcPercent == -2 {
		gcPercent = readGOGC()
	}
	out = gcPercent
	if in < 0 {
		in = -1
	}
	gcPercent = in
	return out
}

//go:linkname debug_setMemoryLimit runtime/debug.setMemoryLimit
func debug_setMemoryLimit(in int64) (out int64) {
	out = memoryLimit
	if in >= 0 {
		memoryLimit = in
	}
	return out
}

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

// No collector: nothing to free, and no cycle has run.
//
//go:linkname debug_freeOSMemory runtime/debug.freeOSMemory
func debug_freeOSMemory() {}

//go:linkname debug_readGCStats runtime/debug.readGCStats
func debug_readGCStats(pauses *[]uint64) {
	// The real layout: up to 256 pause times, then as many end times,
	// then the last GC time, the total pause time and NumGC: all zero.
	p := (*pauses)[:0]
	p = append(p, 0, 0, 0)
	*pauses = p
}

// modinfo is the build information the go command links into a binary;
// gort records none, so debug.ReadBuildInfo reports ok == false.
//
//go:linkname debug_modinfo runtime/debug.modinfo
func debug_modinfo() string { return "" }

//go:linkname syscall_Getpagesize syscall.Getpagesize
func syscall_Getpagesize() int { return 4096 }
