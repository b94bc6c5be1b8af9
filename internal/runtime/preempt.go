package runtime

import "time"

// sysmon is the system monitor, as the real one: an M without a P that
// wakes every 20 µs (backing off to 10 ms while nothing happens) and, under
// the runtime lock,
//
//   - preempts a goroutine that has run for more than 10 ms (forcePreemptNS)
//     by setting its stackguard0 to stackPreempt and its preempt flag, so
//     that it yields at its next call or loop back edge;
//   - retakes a P whose M has been in a system call for more than a tick,
//     when there is work for it or no M is looking for work (handoffp);
//   - starts a forced GC cycle when none has run for two minutes.
//
// Only parallel VMs have one: in deterministic mode preemption is a count
// of calls and back edges, so runs replay.
func sysmon(vm *vm) {
	mp := &m{vm: vm}
	defer func() {
		// A bug in sysmon ends the VM as one in an M does, never the
		// host process.
		if r := recover(); r != nil {
			if !mp.holdsRT {
				mp.lockRT()
			}
			ended(mp, r)
			vm.rt.cond.Broadcast()
			mp.unlockRT()
		}
	}()
	mp.lockRT()
	mcommoninit(vm, mp)
	vm.sched.nmsys++
	mp.unlockRT()
	delay := time.Duration(0)
	idle := 0
	for {
		if idle == 0 {
			delay = 20 * time.Microsecond
		} else if idle > 50 {
			delay *= 2
		}
		delay = min(delay, 10*time.Millisecond)
		if t := vm.debug.schedtrace; t > 0 {
			delay = min(delay, time.Duration(t))
		}
		time.Sleep(delay)
		mp.lockRT()
		if vm.exited {
			// Run does not wait for sysmon (it counts in nmsys):
			// sysmon touches no arena memory.
			mp.unlockRT()
			return
		}
		now := nanotime(vm)
		maybeSchedtrace(vm)
		sigwake(vm)
		if retake(mp, now) > 0 {
			idle = 0
		} else {
			idle++
		}
		if c := &vm.gcController; c.phase == _GCoff && !c.triggerPending && now-c.lastGCMono > forcegcperiod {
			// The real sysmon wakes the forcegc goroutine; here the
			// trigger is recorded and the running goroutines stop at
			// their next safepoint, where the cycle starts.
			c.triggers++
			c.triggerPending = true
			c.lastGCMono = now
			for _, pp := range vm.allp[:vm.gomaxprocs] {
				if pp.m != nil && pp.m.curg != nil {
					pp.m.curg.stackguard0.Store(stackPreempt)
				}
			}
		}
		mp.unlockRT()
	}
}

const (
	forcePreemptNS = int64(10 * time.Millisecond)
	forcegcperiod  = int64(2 * time.Minute)
)

// retake preempts the long runners and takes back the Ps held in system
// calls, and returns how many Ps it retook or preempted.
func retake(mp *m, now int64) int {
	vm := mp.vm
	n := 0
	for _, pp := range vm.allp[:vm.gomaxprocs] {
		pd := &pp.sysmontick
		switch pp.status {
		case _Prunning:
			if t := pp.schedtick; pd.schedtick != t {
				pd.schedtick, pd.schedwhen = t, now
			} else if pd.schedwhen+forcePreemptNS <= now {
				if preemptone(pp) {
					n++
				}
				pd.schedwhen = now
			}
		case _Psyscall:
			if t := pp.syscalltick; pd.syscalltick != t {
				pd.syscalltick, pd.syscallwhen = t, now
				continue
			}
			// A P with nothing to do is left to its M for up to 10 ms,
			// if some M is looking for work or idle anyway.
			if runqempty(pp) && vm.sched.nmspinning.Load()+vm.sched.npidle.Load() > 0 &&
				pd.syscallwhen+10*int64(time.Millisecond) > now {
				continue
			}
			pp.status = _Pidle
			pp.syscalltick++
			handoffp(mp, pp)
			n++
		}
	}
	return n
}

// preemptone asks the goroutine running on pp to yield.
func preemptone(pp *p) bool {
	mp := pp.m
	if mp == nil || mp.curg == nil {
		return false
	}
	gp := mp.curg
	gp.preempt = true
	gp.stackguard0.Store(stackPreempt)
	return true
}

// handoffp passes pp, taken from an M in a system call (or left by one),
// on: to a new M if there is work for it, else to the idle list (or the
// stop-the-world in progress).
func handoffp(mp *m, pp *p) {
	vm := mp.vm
	if vm.sched.gcwaiting.Load() {
		pp.status = _Pgcstop
		if vm.sched.stopwait--; vm.sched.stopwait == 0 {
			vm.rt.cond.Broadcast()
		}
		return
	}
	if !runqempty(pp) || vm.sched.runqsize > 0 || len(pp.timers) > 0 ||
		vm.gcController.phase == _GCmark {
		startm(mp, pp, false)
		return
	}
	if vm.sched.nmspinning.Load()+vm.sched.npidle.Load() == 0 && vm.sched.nmspinning.CompareAndSwap(0, 1) {
		startm(mp, pp, true) // no one looks for work: this P does
		return
	}
	pidleput(vm, pp)
}

// sigwake is sysmon's part in signal delivery: the host's forwarder only
// records a signal (signal_unix.go), so when one waits for the goroutine in
// signal_recv, or a SIGQUIT for its dump, sysmon wakes an idle M to run
// sigready in findRunnable, or, if every M is busy, asks the goroutine on
// P 0 to yield so that its M looks there.
func sigwake(vm *vm) {
	s := &vm.sig
	if !s.quit.Load() && (s.recvG == nil || !s.anyPending()) {
		return
	}
	if mp := vm.sched.midle; mp != nil {
		notewakeup(mp)
		return
	}
	preemptone(vm.allp[0])
}
