package runtime

import (
	"syscall"

	"gort/internal/arena"
)

// Netpoller is a scratch VM's poller, for tests of netpoll.go without a
// program: descriptors are registered as the program's, and goroutines are
// parked on them by hand, as pollWait parks them.
type Netpoller struct{ vm *vm }

func NewNetpoller() *Netpoller {
	v := scratchVM()
	netpollGenericInit(v)
	return &Netpoller{v}
}

// Close closes the poller's descriptors and those the test registered.
func (n *Netpoller) Close() { closeHostFds(n.vm) }

// Open registers fd as the program's and with the poller.
func (n *Netpoller) Open(fd int) (uintptr, syscall.Errno) {
	n.vm.fds[uintptr(fd)] = true
	return pollOpen(&n.vm.m0, uintptr(fd))
}

// Park parks a new waiting goroutine on handle h in mode ('r' or 'w').
func (n *Netpoller) Park(h uintptr, mode int) *G {
	gp := &g{}
	gp.atomicstatus.Store(_Gwaiting)
	n.vm.pollDescOf(h).side(mode).g = gp
	n.vm.netpoll.waiters++
	return gp
}

// Poll runs netpoll with delay and returns the goroutines it made ready.
func (n *Netpoller) Poll(delay int64) []*G {
	list := netpoll(&n.vm.m0, delay)
	var gs []*G
	for gp := list.pop(); gp != nil; gp = list.pop() {
		gs = append(gs, gp)
	}
	return gs
}

func (n *Netpoller) Break()       { netpollBreak(n.vm) }
func (n *Netpoller) Waiting() int { return n.vm.netpoll.waiters }

// Unblock and Free are internal/poll's pollUnblock and pollClose.
func (n *Netpoller) Unblock(h uintptr) {
	pd := n.vm.pollDescOf(h)
	pd.closing = true
	pd.r.wake(&n.vm.m0)
	pd.w.wake(&n.vm.m0)
}
func (n *Netpoller) Free(h uintptr) {
	pd := n.vm.pollDescOf(h)
	netpollclose(n.vm, pd.fd)
	pollFree(n.vm, pd)
}

// Valid reports whether h names a live record: pollDescOf faults
// otherwise.
func (n *Netpoller) Valid(h uintptr) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(arena.Fault); !fault {
				panic(r)
			}
			ok = false
		}
	}()
	n.vm.pollDescOf(h)
	return true
}
