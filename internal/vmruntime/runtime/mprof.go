//go:build gort

package runtime

// Stack formats a traceback of the calling goroutine into buf, and with all
// set the tracebacks of every other goroutine after it, as a panic prints
// them; it returns the number of bytes written (a native).
func Stack(buf []byte, all bool) int

// Profiling. The heap profile is the real one's: the allocator samples
// about one allocation per MemProfileRate bytes and the sweeper counts the
// sampled objects it frees (the host's mprof.go). The block and mutex
// profiles and the CPU profiler are to come with the parallel scheduler:
// they are empty, their setters are kept and have no effect, and the
// execution tracer cannot be started.

// MemProfileRate is the allocation profiling rate (one sample per this
// many bytes on average; 1 samples every allocation, 0 none), which
// programs may set: the allocator reads it at every allocation it counts.
var MemProfileRate int = 512 * 1024

// setMemProfileRateAddr tells the allocator where MemProfileRate is
// (a native, which runtime.main calls before any program code runs).
func setMemProfileRateAddr(p *int)

// A StackRecord is one stack of a profile, ending at the first zero pc.
type StackRecord struct {
	Stack0 [32]uintptr
}

// Stack is the record's stack, up to its first zero pc.
func (r *StackRecord) Stack() []uintptr { return stack0(r.Stack0[:]) }

// A MemProfileRecord is one allocation site of the memory profile.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr
}

// InUseBytes is the bytes allocated and not yet freed.
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects is the objects allocated and not yet freed.
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack is the record's stack, up to its first zero pc.
func (r *MemProfileRecord) Stack() []uintptr { return stack0(r.Stack0[:]) }

// A BlockProfileRecord is one site of the block or mutex profile.
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

func stack0(pcs []uintptr) []uintptr {
	for i, pc := range pcs {
		if pc == 0 {
			return pcs[:i]
		}
	}
	return pcs
}

var blockProfileRate, mutexProfileFraction int

// MemProfile reports the heap profile as of the last completed collection:
// the number of allocation sites with bytes in use (every site with
// inuseZero), and when p holds them all, ok and the records in p (a
// native).
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool)

// BlockProfile reports the blocking profile: empty.
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// MutexProfile reports the mutex contention profile: empty.
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// ThreadCreateProfile reports the stacks that created threads: gort's one
// M was created by no program code.
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return 0, true }

// GoroutineProfile reports one record per goroutine; gort records their
// count, without their stacks.
func GoroutineProfile(p []StackRecord) (n int, ok bool) {
	n = NumGoroutine()
	if len(p) < n {
		return n, false
	}
	for i := range n {
		p[i] = StackRecord{}
	}
	return n, true
}

// SetBlockProfileRate sets the block profile's rate (kept, unused).
func SetBlockProfileRate(rate int) { blockProfileRate = rate }

// SetMutexProfileFraction sets the mutex profile's fraction and returns
// the previous one; a negative rate only reads it.
func SetMutexProfileFraction(rate int) int {
	old := mutexProfileFraction
	if rate >= 0 {
		mutexProfileFraction = rate
	}
	return old
}

// SetCPUProfileRate sets the CPU profiler's rate; gort has no profiler.
func SetCPUProfileRate(hz int) {}

// CPUProfile is deprecated and always returns nil.
func CPUProfile() []byte { return nil }

// StartTrace starts the execution tracer, which gort does not have yet.
func StartTrace() error { return tracingUnsupported{} }

// StopTrace stops the execution tracer (never started).
func StopTrace() {}

// ReadTrace returns the next chunk of trace data: there is none.
func ReadTrace() []byte { return nil }

type tracingUnsupported struct{}

func (tracingUnsupported) Error() string { return "gort: the execution tracer is not supported yet" }
