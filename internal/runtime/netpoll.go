package runtime

import (
	"syscall"

	"gort/internal/arena"
)

// The network poller, as netpoll.go builds it over the platform's poller
// (netpoll_epoll.go here): internal/poll registers each descriptor it can
// poll (sockets, pipes, eventfds; not regular files, which epoll refuses
// with EPERM, so internal/poll reads them blocking) with pollOpen, and a
// goroutine whose non-blocking read or write returned EAGAIN parks in
// pollWait until the descriptor is ready, its deadline passes or the
// descriptor is closed. The scheduler asks the poller for goroutines made
// ready: findRunnable without blocking before it gives up
// (netpollFindRunnable), every sysmonPollPeriod while goroutines keep the
// M busy (netpollSysmon, sysmon's poll), and an idle M blocks in it until
// the next timer is due (netpollIdle). Goroutines waiting in the poller are
// not a deadlock (checkdead asks netpollWaiting).
//
// A pollDesc is a host record, as time.Timer's is (timers.go): internal/poll
// keeps the handle pollOpen returns in its FD (runtimeCtx), which the
// program can overwrite, so every hook validates the word: its low half
// indexes vm.netpoll.pds, its high half is the record's generation, bumped
// when pollClose frees it, so a handle outlives neither its record nor
// the descriptor. A bad handle faults as gc does on a wild *pollDesc.
//
// Each direction (read, write) of a record is a pollSide: the goroutine
// parked on it, the edge-triggered readiness that arrived while nobody
// waited (the real pdReady), and its deadline with its timer. A goroutine
// parks in pollWait the way a semaphore acquire does (sema.go): it sets its
// pc back to the call and parks; whoever readies it (an event, a deadline,
// pollUnblock) clears pollSide.g, and the call runs again and finds the
// reason (ready, pollErrTimeout, pollErrClosing). So pollWait has one phase
// that may fault (a bad handle) and none that panics.

// Results of pollWait and pollReset, as internal/poll numbers them.
const (
	pollNoError        = 0
	pollErrClosing     = 1
	pollErrTimeout     = 2
	pollErrNotPollable = 3
)

// sysmonPollPeriod is how long goroutines may keep the M busy before the
// scheduler polls the network anyway, as sysmon does every 10 ms.
const sysmonPollPeriod = 10_000_000

// netpollState is the VM's poller: the platform poller's host descriptors
// and the pollDesc records.
type netpollState struct {
	inited bool
	epfd   int // the epoll instance, gort's own: never in vm.fds
	// breakfd is the eventfd netpollBreak writes to wake a blocked
	// netpoll; breakPending coalesces the wakeups into one write.
	breakfd      int
	breakPending uint32 // atomic
	events       []syscall.EpollEvent
	waitEvents   []syscall.EpollEvent // the blocking wait's (netpoll)
	// pds are the records by index; free lists the indices pollClose
	// freed, for pollOpen to reuse.
	pds  []*pollDesc
	free []uint32
	// waiters counts the goroutines parked in pollWait.
	waiters int
	// lastPoll is when the scheduler last polled (nanotime).
	lastPoll int64
}

// pollDesc is one registered descriptor.
type pollDesc struct {
	fd      uintptr
	id      uint64 // the handle: generation<<32 | index+1
	gen     uint32
	closing bool // pollUnblock ran: every wait fails with pollErrClosing
	// everr records an EPOLLERR: a read then reports pollErrNotPollable.
	everr bool
	r, w  pollSide
}

// pollSide is one direction of a pollDesc.
type pollSide struct {
	g     *g   // the goroutine parked in pollWait, or nil
	ready bool // an event arrived that no wait has consumed
	// deadline is 0 for none, negative once it has passed, and otherwise
	// the nanotime when it does; t fires then.
	deadline int64
	t        timer
}

func (pd *pollDesc) side(mode int) *pollSide {
	if mode == 'w' {
		return &pd.w
	}
	return &pd.r
}

// pollDescOf returns the record a handle from the arena names, faulting
// if it names none.
func (vm *vm) pollDescOf(h uintptr) *pollDesc {
	i := uint32(h) - 1 // a zero low half wraps out of range
	np := &vm.netpoll
	if uint64(i) >= uint64(len(np.pds)) || np.pds[i].id != uint64(h) {
		panic(arena.Fault{Addr: h})
	}
	return np.pds[i]
}

// checkerr is the error a wait or reset in mode reports now, if any.
func (pd *pollDesc) checkerr(mode int) int {
	if pd.closing {
		return pollErrClosing
	}
	if mode == 'r' && pd.r.deadline < 0 || mode == 'w' && pd.w.deadline < 0 {
		return pollErrTimeout
	}
	if mode == 'r' && pd.everr {
		return pollErrNotPollable
	}
	return pollNoError
}

// wake readies the goroutine parked on s, if any, for its pollWait to run
// again and find why.
func (s *pollSide) wake(mp *m) {
	if gp := s.g; gp != nil {
		s.g = nil
		mp.vm.netpoll.waiters--
		goready(mp, gp)
	}
}

// take is wake for netpoll, which hands the goroutine back in a list for
// the scheduler to inject rather than queueing it.
func (s *pollSide) take(vm *vm, list *gList) {
	if gp := s.g; gp != nil {
		s.g = nil
		vm.netpoll.waiters--
		list.push(gp)
	}
}

// setDeadline sets s's deadline d (0, negative, or a nanotime) and its
// timer; a deadline already passed wakes the waiter, to time out.
func (s *pollSide) setDeadline(mp *m, pd *pollDesc, d int64, mode int) {
	s.t.del()
	s.deadline = d
	if d > 0 {
		s.t = timer{when: d, pd: pd, pdMode: byte(mode), index: -1}
		s.t.add(mp.p)
	}
	if d < 0 {
		s.wake(mp)
	}
}

// netpollDeadline runs a fired deadline timer (fireTimer): the side's
// deadline has passed.
func netpollDeadline(mp *m, t *timer) {
	s := t.pd.side(int(t.pdMode))
	s.deadline = -1
	s.wake(mp)
}

// netpollready records an event of pd for the waits it makes ready,
// collecting the goroutines parked on them. err is an event that is an
// error alone (an EPOLLERR without data), which a read reports as
// pollErrNotPollable; any other event clears it.
func (pd *pollDesc) netpollready(vm *vm, list *gList, read, write, err bool) {
	pd.everr = err
	if read {
		pd.r.ready = true
		pd.r.take(vm, list)
	}
	if write {
		pd.w.ready = true
		pd.w.take(vm, list)
	}
}

// pollOpen registers fd, a descriptor of the program's, and returns its
// handle, or an errno (EPERM for one epoll cannot poll).
func pollOpen(mp *m, fd uintptr) (uintptr, syscall.Errno) {
	vm := mp.vm
	if !vm.fds[fd] {
		// The standard streams are the VM's writers, not host
		// descriptors: they are not pollable, like a regular file.
		if fd <= 2 {
			return 0, syscall.EPERM
		}
		return 0, syscall.EBADF
	}
	netpollGenericInit(vm)
	np := &vm.netpoll
	var pd *pollDesc
	if n := len(np.free); n > 0 {
		pd = np.pds[np.free[n-1]]
		np.free = np.free[:n-1]
	} else {
		if len(np.pds) >= 1<<31 {
			return 0, syscall.ENOMEM
		}
		pd = &pollDesc{id: uint64(len(np.pds) + 1)}
		np.pds = append(np.pds, pd)
	}
	*pd = pollDesc{fd: fd, gen: pd.gen, id: uint64(pd.gen)<<32 | uint64(uint32(pd.id)),
		r: pollSide{t: timer{index: -1}}, w: pollSide{t: timer{index: -1}}}
	if errno := netpollopen(vm, fd, pd.id); errno != 0 {
		pollFree(vm, pd)
		return 0, errno
	}
	return uintptr(pd.id), 0
}

// pollFree retires pd's handle and puts the record on the free list.
func pollFree(vm *vm, pd *pollDesc) {
	pd.gen++
	pd.id = uint64(pd.gen)<<32 | uint64(uint32(pd.id))
	vm.netpoll.free = append(vm.netpoll.free, uint32(pd.id)-1)
}

// pollWait is runtime_pollWait, and with ignoreErr runtime_pollWaitCanceled,
// which waits for readiness whatever else happens. It returns stStop when
// gp parked (its call runs again once it is readied) and otherwise writes
// the result at res, if res is not 0.
func pollWait(mp *m, gp *g, h uintptr, mode int, res uintptr, ignoreErr bool) int {
	vm := mp.vm
	pd := vm.pollDescOf(h)
	if err := pd.checkerr(mode); err != pollNoError && !ignoreErr {
		vm.st(res, uint64(err))
		return stContinue
	}
	s := pd.side(mode)
	if s.ready {
		s.ready = false
		if res != 0 {
			vm.st(res, pollNoError)
		}
		return stContinue
	}
	if s.g != nil {
		fatal("runtime: double wait")
	}
	s.g = gp
	vm.netpoll.waiters++
	gp.pc-- // run the wait again when readied
	gopark(mp, gp, "IO wait")
	return stStop
}

// netpollWaiting reports whether goroutines wait in the poller: then
// nothing runnable is not a deadlock, a descriptor may yet become ready.
func netpollWaiting(vm *vm) bool { return vm.netpoll.waiters > 0 }

// netpollFindRunnable is findRunnable's poll before it gives up: the
// goroutines whose descriptors are ready, the first to run now and the
// others queued.
func netpollFindRunnable(mp *m) *g {
	if !netpollWaiting(mp.vm) {
		return nil
	}
	list := netpoll(mp, 0)
	gp := list.pop()
	if gp == nil {
		return nil
	}
	injectglist(mp, &list)
	if !gp.atomicstatus.CompareAndSwap(_Gwaiting, _Grunnable) {
		throw("netpollFindRunnable: a polled goroutine is not waiting")
	}
	return gp
}

// netpollSysmon is sysmon's poll: while goroutines keep the M from going
// idle, the network is still polled every sysmonPollPeriod, so a program
// spinning on Gosched while it waits for a connection gets it.
func netpollSysmon(mp *m) {
	vm := mp.vm
	if !netpollWaiting(vm) || nanotime(vm)-vm.netpoll.lastPoll < sysmonPollPeriod {
		return
	}
	list := netpoll(mp, 0)
	injectglist(mp, &list)
}

// netpollIdle is what an idle M does while goroutines wait in the
// poller: block in netpoll until a descriptor is ready or the next timer
// is due (the real M's sleep in findRunnable). It reports false if nobody
// waits in the poller, for the caller to sleep on timers alone.
func netpollIdle(mp *m) bool {
	vm := mp.vm
	if !netpollWaiting(vm) {
		return false
	}
	delay := int64(-1)
	if when, ok := nextTimer(vm); ok {
		delay = max(when-nanotime(vm), 0)
	}
	list := netpoll(mp, delay)
	injectglist(mp, &list)
	return true
}

// injectglist makes the goroutines of list runnable on mp's P.
func injectglist(mp *m, list *gList) {
	for gp := list.pop(); gp != nil; gp = list.pop() {
		if !gp.atomicstatus.CompareAndSwap(_Gwaiting, _Grunnable) {
			throw("injectglist: a polled goroutine is not waiting")
		}
		runqput(mp.p, gp, false)
	}
}

func init() {
	for name, f := range map[string]nativeFunc{
		"internal/poll.runtime_pollServerInit": func(mp *m, gp *g, fp uintptr) int {
			netpollGenericInit(mp.vm)
			return stContinue
		},
		// pollOpen(fd uintptr) (uintptr, int)
		"internal/poll.runtime_pollOpen": func(mp *m, gp *g, fp uintptr) int {
			h, errno := pollOpen(mp, uintptr(mp.vm.ld(fp)))
			mp.vm.mem.MustWriteWords(fp+8, []uint64{uint64(h), uint64(errno)})
			return stContinue
		},
		// pollClose(ctx uintptr)
		"internal/poll.runtime_pollClose": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			pd := vm.pollDescOf(uintptr(vm.ld(fp)))
			if !pd.closing {
				fatal("runtime: close polldesc w/o unblock")
			}
			if pd.r.g != nil {
				fatal("runtime: blocked read on closing polldesc")
			}
			if pd.w.g != nil {
				fatal("runtime: blocked write on closing polldesc")
			}
			netpollclose(vm, pd.fd)
			pd.r.t.del()
			pd.w.t.del()
			pollFree(vm, pd)
			return stContinue
		},
		// pollReset(ctx uintptr, mode int) int
		"internal/poll.runtime_pollReset": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			pd := vm.pollDescOf(uintptr(vm.ld(fp)))
			mode := int(vm.ld(fp + 8))
			err := pd.checkerr(mode)
			if err == pollNoError {
				pd.side(mode).ready = false
			}
			vm.st(fp+16, uint64(err))
			return stContinue
		},
		// pollWait(ctx uintptr, mode int) int
		"internal/poll.runtime_pollWait": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			return pollWait(mp, gp, uintptr(vm.ld(fp)), int(vm.ld(fp+8)), fp+16, false)
		},
		// pollWaitCanceled(ctx uintptr, mode int)
		"internal/poll.runtime_pollWaitCanceled": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			return pollWait(mp, gp, uintptr(vm.ld(fp)), int(vm.ld(fp+8)), 0, true)
		},
		// pollSetDeadline(ctx uintptr, d int64, mode int)
		"internal/poll.runtime_pollSetDeadline": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			pd := vm.pollDescOf(uintptr(vm.ld(fp)))
			d, mode := int64(vm.ld(fp+8)), int(vm.ld(fp+16))
			if pd.closing {
				return stContinue
			}
			// d is relative; 0 clears the deadline and a negative one
			// has passed already.
			if d > 0 {
				if d += nanotime(vm); d <= 0 {
					d = 1<<63 - 1 // overflow: never
				}
			}
			if mode == 'r' || mode == 'r'+'w' {
				pd.r.setDeadline(mp, pd, d, 'r')
			}
			if mode == 'w' || mode == 'r'+'w' {
				pd.w.setDeadline(mp, pd, d, 'w')
			}
			return stContinue
		},
		// pollUnblock(ctx uintptr)
		"internal/poll.runtime_pollUnblock": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			pd := vm.pollDescOf(uintptr(vm.ld(fp)))
			if pd.closing {
				fatal("runtime: unblock on closing polldesc")
			}
			pd.closing = true
			pd.r.t.del()
			pd.w.t.del()
			pd.r.wake(mp)
			pd.w.wake(mp)
			return stContinue
		},
		// isPollServerDescriptor(fd uintptr) bool
		"internal/poll.runtime_isPollServerDescriptor": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			fd := uintptr(vm.ld(fp))
			np := &vm.netpoll
			vm.st8(fp+8, uint8(b2u(np.inited && (fd == uintptr(np.epfd) || fd == uintptr(np.breakfd)))))
			return stContinue
		},
	} {
		nativeTable[name] = f
	}
}
