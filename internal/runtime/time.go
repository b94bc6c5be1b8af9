package runtime

import "time"

// The clocks: time.now (walltime and nanotime together) and the monotonic
// nanotime, on the host's clocks. Per-P timers (time.Sleep, Timer, Ticker)
// come with the parallel scheduler.

// nanotime is the monotonic clock in nanoseconds, counted from the VM's
// start (plus one, so that it is never zero, as real clocks are not).
func nanotime(vm *vm) int64 { return int64(time.Since(vm.start)) + 1 }

func init() {
	// now() (sec int64, nsec int32, mono int64)
	now := func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := time.Now()
		vm.st(fp, uint64(t.Unix()))
		vm.mem.MustStore32(fp+8, uint32(t.Nanosecond()))
		vm.st(fp+16, uint64(nanotime(vm)))
		return stContinue
	}
	nativeTable["time.now"] = now
	nativeTable["time.runtimeNow"] = now
	nativeTable["time.runtimeNano"] = func(mp *m, gp *g, fp uintptr) int {
		mp.vm.st(fp, uint64(nanotime(mp.vm)))
		return stContinue
	}
	nativeTable["runtime.nanotime"] = nativeTable["time.runtimeNano"]
	// internal/sync's nanotime (Mutex starvation), the same clock. An alias
	// is made here, after its target, not in another file's init.
	nativeTable["internal/sync.runtime_nanotime"] = nativeTable["time.runtimeNano"]
	// No synctest bubbles.
	nativeTable["time.runtimeIsBubbled"] = func(mp *m, gp *g, fp uintptr) int {
		mp.vm.st8(fp, 0)
		return stContinue
	}
}
