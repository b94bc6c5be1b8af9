package runtime

import (
	"sync/atomic"
	"syscall"
	"unsafe"
)

// The poller on Linux, as netpoll_epoll.go has it: one epoll instance per
// VM, every descriptor registered edge-triggered for reading and writing
// at once, with its pollDesc's handle as the event's data, and an eventfd
// (data 0, which names no handle) that netpollBreak writes to wake an M
// blocked in epoll_wait. Both descriptors are gort's: they are never in
// vm.fds, so the program cannot read, write, close or register them (the
// syscall table refuses the epoll calls altogether: the runtime polls, a
// program does not).

// netpollBreakData is the event data of the break eventfd.
const netpollBreakData = 0

// netpollEventBatch is how many events one epoll_wait returns at most.
const netpollEventBatch = 128

// netpollGenericInit makes the VM's epoll instance and break eventfd, once.
func netpollGenericInit(vm *vm) {
	np := &vm.netpoll
	if np.inited {
		return
	}
	epfd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	if err != nil {
		fatal("runtime: netpollinit failed: epoll_create1: " + err.Error())
	}
	r, _, e := syscall.Syscall(syscall.SYS_EVENTFD2, 0, syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if e != 0 {
		syscall.Close(epfd)
		fatal("runtime: netpollinit failed: eventfd: " + e.Error())
	}
	ev := syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: netpollBreakData}
	if err := syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, int(r), &ev); err != nil {
		syscall.Close(epfd)
		syscall.Close(int(r))
		fatal("runtime: netpollinit failed: epoll_ctl: " + err.Error())
	}
	np.epfd, np.breakfd = epfd, int(r)
	np.events = make([]syscall.EpollEvent, netpollEventBatch)
	np.inited = true
}

// netpollopen registers the program's descriptor fd with the handle h.
func netpollopen(vm *vm, fd uintptr, h uint64) syscall.Errno {
	ev := syscall.EpollEvent{
		Events: syscall.EPOLLIN | syscall.EPOLLOUT | syscall.EPOLLRDHUP | -syscall.EPOLLET,
		Fd:     int32(uint32(h)),
		Pad:    int32(uint32(h >> 32)),
	}
	if err := syscall.EpollCtl(vm.netpoll.epfd, syscall.EPOLL_CTL_ADD, int(fd), &ev); err != nil {
		return err.(syscall.Errno)
	}
	return 0
}

// netpollclose removes fd from the epoll set. The program may have closed
// it already (the kernel then dropped it), so an error is no concern.
func netpollclose(vm *vm, fd uintptr) {
	var ev syscall.EpollEvent
	syscall.EpollCtl(vm.netpoll.epfd, syscall.EPOLL_CTL_DEL, int(fd), &ev)
}

// netpollBreak wakes an M blocked in netpoll. Any thread may call it.
func netpollBreak(vm *vm) {
	np := &vm.netpoll
	if !np.inited || !atomic.CompareAndSwapUint32(&np.breakPending, 0, 1) {
		return
	}
	one := uint64(1)
	for {
		_, _, e := syscall.Syscall(syscall.SYS_WRITE, uintptr(np.breakfd), uintptr(unsafe.Pointer(&one)), 8)
		if e != syscall.EINTR {
			return // EAGAIN: the counter is full, a wakeup is pending anyway
		}
	}
}

// netpoll returns the goroutines that descriptors made ready, still
// waiting, for the caller to make runnable (injectglist). delay is how long
// to wait for one: 0 polls, a negative delay blocks until an event or a
// netpollBreak, a positive one at most that many nanoseconds. A blocking
// wait is a blocking host call (blockingCall): with parallel Ms the P is
// free meanwhile. The wait may end early (a signal, a break) with an empty
// list; the scheduler then looks again.
func netpoll(mp *m, delay int64) gList {
	vm := mp.vm
	np := &vm.netpoll
	if !np.inited {
		return gList{}
	}
	var ms int
	switch {
	case delay < 0:
		ms = -1
	case delay == 0:
		ms = 0
	case delay < 1_000_000:
		ms = 1
	case delay < 1_000_000_000_000_000:
		ms = int(delay / 1_000_000)
	default:
		ms = 1_000_000_000 // about 11 days; the caller looks again
	}
	var n int
	var err error
	epfd, events := np.epfd, np.events
	if ms != 0 {
		// The blocking wait fills its own buffer: another M may poll
		// (into np.events) while it waits without the runtime lock.
		if np.waitEvents == nil {
			np.waitEvents = make([]syscall.EpollEvent, len(np.events))
		}
		events = np.waitEvents
	}
	if ms == 0 {
		n, err = syscall.EpollWait(epfd, events, 0)
	} else {
		blockingCall(mp, func() { n, err = syscall.EpollWait(epfd, events, ms) })
	}
	np.lastPoll = nanotime(vm)
	if err != nil {
		if err != syscall.EINTR {
			fatal("runtime: netpoll failed: epoll_wait: " + err.Error())
		}
		return gList{}
	}
	var list gList
	for _, ev := range events[:n] {
		h := uint64(uint32(ev.Fd)) | uint64(uint32(ev.Pad))<<32
		if h == netpollBreakData {
			if delay != 0 {
				// Drain the counter so the next wait blocks; a
				// poll leaves the break for the wait it is meant
				// to end.
				var buf [8]byte
				syscall.Read(np.breakfd, buf[:])
				atomic.StoreUint32(&np.breakPending, 0)
			}
			continue
		}
		// The handle is the host's own, but the record may have been
		// closed (and reused) since the event was queued.
		i := uint32(h) - 1
		if uint64(i) >= uint64(len(np.pds)) || np.pds[i].id != h {
			continue
		}
		pd := np.pds[i]
		e := ev.Events
		read := e&(syscall.EPOLLIN|syscall.EPOLLRDHUP|syscall.EPOLLHUP|syscall.EPOLLERR) != 0
		write := e&(syscall.EPOLLOUT|syscall.EPOLLHUP|syscall.EPOLLERR) != 0
		pd.netpollready(vm, &list, read, write, e == syscall.EPOLLERR)
	}
	return list
}

// netpollFini closes the poller's descriptors when the VM ends.
func netpollFini(vm *vm) {
	np := &vm.netpoll
	if np.inited {
		syscall.Close(np.epfd)
		syscall.Close(np.breakfd)
		np.inited = false
	}
}
