package runtime

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"
)

// Signals, as signal_unix.go and sigqueue.go provide them: the runtime side
// of os/signal, the SIGQUIT dump and the SIGPIPE rule.
//
// A VM has no signal handler of its own: signals reach gort's host
// process, and the host's os/signal is the only way to receive them. So a
// VM registers a host channel with signal.Notify for exactly the signals
// its program enabled or ignored, plus SIGQUIT for the goroutine dump, and
// a host goroutine (the forwarder) moves each signal that arrives into the
// VM's pending mask, atomically. That registration is the one piece of
// process-wide state: os/signal keeps it in its package globals, per
// channel, so VMs that run one after another or at once do not disturb
// each other or the host's own Notify calls; each VM owns its channel and
// stops it when Run ends (sigexit). A signal the program neither enabled
// nor ignored is not registered, so it has the host's default action, which
// is the native binary's: an uncaught SIGINT, SIGTERM or SIGHUP kills the
// process by that signal, and the shell sees 128+signal.
//
// The goroutine that os/signal parks in signal_recv is readied by the
// scheduler (sigready, called from findRunnable), never by the forwarder,
// which touches nothing but atomics and a channel. While such a goroutine
// waits, an idle M waits for a signal as well as for its next timer
// (sigsleep, sigidle) instead of reporting a deadlock: as in gc, a program
// that called signal.Notify and blocks waits to be signalled.
//
// SIGQUIT, unless the program asked for it, dumps every goroutine as gc
// does and exits with status 2. The forwarder only raises a flag: the dump
// is printed by the scheduler, between goroutines, where no M runs a stack.
// A running goroutine reaches the scheduler within a time slice (timeSlice
// calls and back edges), so no further request to stop it is needed while
// one M runs everything; one that blocks in a host call is dumped when the
// call returns.

// nsig is the number of signals the masks hold (_NSIG, rounded up to
// whole words).
const nsig = 96

type sigState struct {
	// wanted and ignored are the program's choices, by signal number:
	// written by the natives, read by the forwarder.
	wanted, ignored [nsig / 32]atomic.Uint32
	// pending are the signals the forwarder received for the program and
	// signal_recv has not returned yet.
	pending [nsig / 32]atomic.Uint32
	// inuse is set by the first signal_enable: os/signal's watcher
	// goroutine exists from then on and waits in signal_recv.
	inuse bool
	// recvG is the goroutine parked in signal_recv, if any.
	recvG *g
	// quit is a SIGQUIT that the scheduler must answer with the dump.
	quit atomic.Bool
	// wake tells an idle M that a signal arrived (capacity 1: one
	// wake-up stands for any number of signals).
	wake chan struct{}
	// idle is the idle M's reusable timer (sigsleep).
	idle *time.Timer
	// host is the channel registered with the host's os/signal, and
	// hostSet the signals it is registered for.
	host    chan os.Signal
	hostSet [nsig / 32]uint32
}

// initsig registers the VM for SIGQUIT and records which signals the host
// process was started with ignored, as the real initsig does for SIGHUP
// and SIGINT (a program run under nohup keeps them ignored).
func initsig(vm *vm) {
	s := &vm.sig
	s.wake = make(chan struct{}, 1)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT} {
		if signal.Ignored(sig) {
			s.ignored[sig/32].Or(1 << (sig % 32))
		}
	}
	sigrebind(vm)
}

// sigexit undoes the VM's registration: from here on the host's os/signal
// sends it nothing.
func sigexit(vm *vm) {
	if s := &vm.sig; s.host != nil {
		signal.Stop(s.host)
		close(s.host)
		s.host = nil
	}
}

// sigrebind registers the VM with the host's os/signal for the signals it
// now handles. A new channel is registered before the old one is stopped,
// so that no signal the program still wants falls to the default action in
// between; the old forwarder drains what its channel holds and ends.
func sigrebind(vm *vm) {
	s := &vm.sig
	var set [nsig / 32]uint32
	set[syscall.SIGQUIT/32] |= 1 << (syscall.SIGQUIT % 32)
	for i := range set {
		set[i] |= s.wanted[i].Load() | s.ignored[i].Load()
	}
	if s.host != nil && set == s.hostSet {
		return
	}
	var sigs []os.Signal
	for i := range nsig {
		if set[i/32]&(1<<(i%32)) != 0 {
			sigs = append(sigs, syscall.Signal(i))
		}
	}
	ch := make(chan os.Signal, 16)
	signal.Notify(ch, sigs...)
	go sigforward(s, ch)
	sigexit(vm)
	s.host, s.hostSet = ch, set
}

// sigforward is the host goroutine that moves the signals arriving on ch
// into the VM. It reads only the atomic masks and writes only the pending
// mask, the quit flag and the wake channel.
func sigforward(s *sigState, ch chan os.Signal) {
	for sig := range ch {
		n, ok := sig.(syscall.Signal)
		if !ok || n <= 0 || n >= nsig {
			continue
		}
		bit := uint32(1) << (n % 32)
		switch {
		case s.wanted[n/32].Load()&bit != 0:
			s.pending[n/32].Or(bit)
		case s.ignored[n/32].Load()&bit != 0:
			continue
		case n == syscall.SIGQUIT:
			s.quit.Store(true)
		default:
			// Disabled after it was sent: the program has let it go.
			continue
		}
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
}

// takeSignal removes the lowest pending signal from the mask.
func (s *sigState) takeSignal() (uint32, bool) {
	for i := range s.pending {
		for {
			v := s.pending[i].Load()
			if v == 0 {
				break
			}
			low := v & -v
			if s.pending[i].CompareAndSwap(v, v&^low) {
				n := uint32(i * 32)
				for low > 1 {
					low >>= 1
					n++
				}
				return n, true
			}
		}
	}
	return 0, false
}

func (s *sigState) anyPending() bool {
	for i := range s.pending {
		if s.pending[i].Load() != 0 {
			return true
		}
	}
	return false
}

// sigready is the scheduler's hook: it answers a SIGQUIT with the dump and
// readies the goroutine waiting in signal_recv once a signal is pending.
func sigready(mp *m) {
	vm := mp.vm
	s := &vm.sig
	if s.quit.Load() {
		sigquitDump(mp)
	}
	if gp := s.recvG; gp != nil && s.anyPending() {
		s.recvG = nil
		goready(mp, gp)
	}
}

// sigsleep is the idle M's sleep of d until its next timer, cut short by a
// signal.
func sigsleep(vm *vm, d time.Duration) {
	s := &vm.sig
	if s.idle == nil {
		s.idle = time.NewTimer(d)
	} else {
		s.idle.Reset(d)
	}
	select {
	case <-s.idle.C:
	case <-s.wake:
		s.idle.Stop()
	}
}

// sigidle is what an idle M with no timer does while a goroutine waits in
// signal_recv: wait for a signal. It reports false, for a deadlock, if no
// goroutine waits for one.
func sigidle(mp *m) bool {
	s := &mp.vm.sig
	if s.recvG == nil && !s.quit.Load() {
		return false
	}
	<-s.wake
	return true
}

// sigquitDump prints what gc prints for a SIGQUIT, at the system level
// (every goroutine, with frame addresses), and ends the program with
// status 2. It runs between goroutines, so no goroutine is running: the
// goroutine that was is runnable, as gc's dump shows a goroutine its signal
// stopped. gort has no machine registers, so the report has no pc of its
// own and no register dump, and no M's g0 stack.
func sigquitDump(mp *m) {
	vm := mp.vm
	stopTheWorld(mp) // with parallel Ms, every goroutine stops first
	flushOutput(vm)
	printstr(vm, "SIGQUIT: quit\nPC=0x0 m="+itoa(mp.id)+" sigcode=0\n")
	printTraceback(vm, func() { printOtherGoroutines(vm, nil, tracebackSystem) })
	printstr(vm, "\n")
	flushOutput(vm)
	exitVM(2)
}

// sigbit returns the word and bit of signal n, and false if the masks do
// not hold it.
func sigbit(n uint32) (int, uint32, bool) {
	if n >= nsig {
		return 0, 0, false
	}
	return int(n / 32), 1 << (n % 32), true
}

func init() {
	// signal_enable(s uint32)
	nativeTable["os/signal.signal_enable"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		vm.sig.inuse = true
		if w, bit, ok := sigbit(vm.ld32(fp)); ok {
			vm.sig.wanted[w].Or(bit)
			vm.sig.ignored[w].And(^bit)
			sigrebind(vm)
		}
		return stContinue
	}
	// signal_disable(s uint32)
	nativeTable["os/signal.signal_disable"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		if w, bit, ok := sigbit(vm.ld32(fp)); ok {
			vm.sig.wanted[w].And(^bit)
			sigrebind(vm)
		}
		return stContinue
	}
	// signal_ignore(s uint32)
	nativeTable["os/signal.signal_ignore"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		if w, bit, ok := sigbit(vm.ld32(fp)); ok {
			vm.sig.wanted[w].And(^bit)
			vm.sig.ignored[w].Or(bit)
			sigrebind(vm)
		}
		return stContinue
	}
	// signal_ignored(s uint32) bool
	nativeTable["os/signal.signal_ignored"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		w, bit, ok := sigbit(vm.ld32(fp))
		vm.st8(fp+8, b2u8(ok && vm.sig.ignored[w].Load()&bit != 0))
		return stContinue
	}
	// signal_recv() uint32 returns the next pending signal, parking until
	// there is one; a parked call runs again when readied (sigready).
	nativeTable["os/signal.signal_recv"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		if n, ok := vm.sig.takeSignal(); ok {
			vm.mem.MustStore32(fp, n)
			return stContinue
		}
		vm.sig.recvG = gp
		gp.pc--
		gopark(mp, gp, "syscall")
		return stStop
	}
	// signalWaitUntilIdle waits until os/signal's watcher is back in
	// signal_recv, so that a signal delivered before a Stop or Reset
	// reached its channel.
	nativeTable["os/signal.signalWaitUntilIdle"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		if !vm.sig.inuse || vm.sig.recvG != nil && !vm.sig.anyPending() {
			return stContinue
		}
		gp.pc--
		gosched(mp, gp)
		return stStop
	}
	// os's sigpipe: a write to fd 1 or 2 failed with EPIPE. The program
	// dies of SIGPIPE unless it asked for the signal or ignores it; as
	// that death is the VM's, not the host process's, Run returns the
	// status a shell shows for it.
	nativeTable["os.sigpipe"] = func(mp *m, gp *g, fp uintptr) int {
		s := &mp.vm.sig
		w, bit := int(syscall.SIGPIPE/32), uint32(1)<<(syscall.SIGPIPE%32)
		switch {
		case s.wanted[w].Load()&bit != 0:
			s.pending[w].Or(bit)
			return stContinue
		case s.ignored[w].Load()&bit != 0:
			return stContinue
		}
		flushOutput(mp.vm)
		exitVM(128 + int(syscall.SIGPIPE))
		return stStop
	}
}

func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
