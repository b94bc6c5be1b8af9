package runtime

import "sync"

// The runtime lock. The host side of the runtime (the scheduler's queues,
// the heap's metadata, channels' and semaphores' wait queues, the
// collector's queue, timers, the VM's tables) is shared by every M, and an
// M touches it only while it holds vm.rt. An M holds it whenever it runs
// host runtime code and lets it go only where it runs none:
//
//   - in the interpreter's fast loop (execute), which touches only arena
//     memory, its own g and m, and what the image fixes at load; every exit
//     from the loop to the runtime takes the lock again;
//   - in a host call that may block (blockingCall: entersyscall and
//     exitsyscall around it);
//   - while it is idle (stopm) or stopped for the world (gcstopm).
//
// So goroutines run in parallel on the Ms, and runtime operations run one
// at a time. The real runtime has a lock per structure instead (sched.lock,
// mheap.lock, each hchan's lock, each semaphore root's); gort keeps those,
// ranked and checked (lock.go), inside the runtime lock, so that what the
// runtime lock serialises can be narrowed one structure at a time.
//
// A VM in deterministic mode runs one M and no sysmon, and nothing else
// touches its runtime: there the lock is not taken at all (vm.parallel is
// false), which leaves the single-M interpreter as it was.
type rtLock struct {
	mu sync.Mutex
	// cond is signalled when a stop-the-world's last P stops
	// (sched.stopwait reaches zero) and when the world starts again.
	cond sync.Cond
}

// lockRT takes the runtime lock for mp.
func (mp *m) lockRT() {
	if mp.vm.parallel {
		mp.vm.rt.mu.Lock()
	}
	mp.holdsRT = true
}

// unlockRT lets the runtime lock go.
func (mp *m) unlockRT() {
	mp.holdsRT = false
	if mp.vm.parallel {
		mp.vm.rt.mu.Unlock()
	}
}

// waitRT waits on the runtime lock's condition, letting the lock go
// meanwhile. Only parallel VMs wait: with one M there is no one to wait for.
func (mp *m) waitRT() {
	mp.holdsRT = false
	mp.vm.rt.cond.Wait()
	mp.holdsRT = true
}
