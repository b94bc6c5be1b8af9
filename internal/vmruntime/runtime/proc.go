//go:build gort

package runtime

// main is the first goroutine. The runtime's boot path (rt0, schedinit,
// newproc) starts it with the program's init tasks in the linker's order and
// main.main.
func main(inits []func(), mainMain func()) {
	setMemProfileRateAddr(&MemProfileRate)
	for _, f := range inits {
		f()
	}
	mainMain()
	exit(0)
}

// exit ends the process with the given status (a native).
func exit(code int32)

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit runs all deferred calls of the calling goroutine and then ends it.
func Goexit()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// GC runs a garbage collection.
func GC()

// GOMAXPROCS sets the number of Ps and returns the previous setting.
func GOMAXPROCS(n int) int

// KeepAlive marks its argument as reachable up to this point.
func KeepAlive(x any) {}

// Breakpoint executes a breakpoint trap.
func Breakpoint()

// LockOSThread wires the calling goroutine to its thread. gort's Ms hold no
// per-thread state a program can observe (no thread-local kernel state
// reaches the VM: the syscall table refuses the calls that would change
// it), so the wiring is not recorded.
func LockOSThread() {}

// UnlockOSThread undoes LockOSThread.
func UnlockOSThread() {}
