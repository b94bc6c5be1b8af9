package runtime

import "gort/internal/arena"

// Semaphores, as sema.go provides them to sync and internal/poll: a 32-bit
// count in the arena and, on the host, the queue of goroutines waiting on
// each address (the real runtime's semaTable, a treap per address, is a
// map here). semacquire takes a unit if there is one and otherwise parks;
// semrelease adds one and readies the first waiter, which runs the
// acquire again, as the real runtime's loop does.
//
// A parked acquire runs again from its call: the native sets the
// goroutine's pc back to the call before parking, so that when it is
// readied it retries with its arguments as they were.

// semaRoot holds the goroutines waiting on one address, in order.
type semaRoot struct {
	waiters []*g
}

func (vm *vm) semaRoot(addr uintptr) *semaRoot {
	r := vm.semtable[addr]
	if r == nil {
		r = &semaRoot{}
		vm.semtable[addr] = r
	}
	return r
}

// cansemacquire takes a unit of the semaphore at addr if it has one.
func cansemacquire(vm *vm, addr uintptr) bool {
	for {
		v, ok := vm.mem.LoadAtomic32(addr)
		if !ok {
			panic(arena.Fault{Addr: addr})
		}
		if v == 0 {
			return false
		}
		if swapped, ok := vm.mem.Cas32(addr, v, v-1); !ok {
			panic(arena.Fault{Addr: addr})
		} else if swapped {
			return true
		}
	}
}

// semacquire is the acquire native for waitreason: the address at fp, and
// lifo (queue at the front) at fp+8 if hasLifo.
func semacquire(reason string, hasLifo bool) nativeFunc {
	return func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		addr := uintptr(vm.ld(fp))
		if cansemacquire(vm, addr) {
			return stContinue
		}
		r := vm.semaRoot(addr)
		if hasLifo && vm.ld8(fp+8) != 0 {
			r.waiters = append([]*g{gp}, r.waiters...)
		} else {
			r.waiters = append(r.waiters, gp)
		}
		gp.pc-- // run the acquire again when readied
		gopark(mp, gp, reason)
		return stStop
	}
}

// semrelease adds a unit to the semaphore at fp and readies its first
// waiter.
func semrelease(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	addr := uintptr(vm.ld(fp))
	if _, ok := vm.mem.Xadd32(addr, 1); !ok {
		panic(arena.Fault{Addr: addr})
	}
	if r := vm.semtable[addr]; r != nil && len(r.waiters) > 0 {
		w := r.waiters[0]
		r.waiters = r.waiters[1:]
		if len(r.waiters) == 0 {
			delete(vm.semtable, addr)
		}
		goready(mp, w)
	}
	return stContinue
}

func init() {
	for name, f := range map[string]nativeFunc{
		"sync.runtime_Semacquire":               semacquire("semacquire", false),
		"sync.runtime_SemacquireWaitGroup":      semacquire("sync.WaitGroup.Wait", false),
		"sync.runtime_SemacquireRWMutexR":       semacquire("sync.RWMutex.RLock", true),
		"sync.runtime_SemacquireRWMutex":        semacquire("sync.RWMutex.Lock", true),
		"internal/sync.runtime_SemacquireMutex": semacquire("sync.Mutex.Lock", true),
		"internal/poll.runtime_Semacquire":      semacquire("semacquire", false),
		"sync.runtime_Semrelease":               semrelease,
		"internal/sync.runtime_Semrelease":      semrelease,
		"internal/poll.runtime_Semrelease":      semrelease,
		// One M: spinning can never see the holder release the lock.
		"internal/sync.runtime_canSpin": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st8(fp+8, 0)
			return stContinue
		},
		"internal/sync.runtime_doSpin": func(mp *m, gp *g, fp uintptr) int { return stContinue },
		// sync's unrecoverable errors ("sync: unlock of unlocked mutex").
		"internal/sync.fatal": func(mp *m, gp *g, fp uintptr) int {
			fatal(loadString(mp.vm, fp))
			return stStop
		},
		"internal/sync.throw": func(mp *m, gp *g, fp uintptr) int {
			fatal(loadString(mp.vm, fp))
			return stStop
		},
		"sync.fatal": func(mp *m, gp *g, fp uintptr) int {
			fatal(loadString(mp.vm, fp))
			return stStop
		},
		"sync.throw": func(mp *m, gp *g, fp uintptr) int {
			fatal(loadString(mp.vm, fp))
			return stStop
		},
	} {
		nativeTable[name] = f
	}
}

// notifyList is sync.Cond's wait list (the real runtime's notifyList):
// tickets handed out by notifyListAdd, and the ticket of the next waiter
// to notify, in the arena at the layout sync.notifyList mirrors (wait,
// notify); the goroutines waiting for their ticket are the host's.
type notifyWaiter struct {
	gp     *g
	ticket uint32
}

const (
	nlWait   = 0 // atomic.Uint32: the next ticket
	nlNotify = 4 // the next ticket to notify
)

// lessTicket compares tickets modulo wrap-around, as the real less does.
func lessTicket(a, b uint32) bool { return int32(a-b) < 0 }

func notifyListLoad(vm *vm, l uintptr) (wait, notify uint32) {
	w, ok := vm.mem.LoadAtomic32(l + nlWait)
	if !ok {
		panic(arena.Fault{Addr: l})
	}
	n, ok := vm.mem.LoadAtomic32(l + nlNotify)
	if !ok {
		panic(arena.Fault{Addr: l + nlNotify})
	}
	return w, n
}

func init() {
	// notifyListAdd(l *notifyList) uint32
	nativeTable["sync.runtime_notifyListAdd"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		l := uintptr(vm.ld(fp))
		t, ok := vm.mem.Xadd32(l+nlWait, 1)
		if !ok {
			panic(arena.Fault{Addr: l})
		}
		vm.mem.MustStore32(fp+8, t-1)
		return stContinue
	}
	// notifyListWait(l *notifyList, t uint32)
	nativeTable["sync.runtime_notifyListWait"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		l, t := uintptr(vm.ld(fp)), vm.ld32(fp+8)
		if _, notify := notifyListLoad(vm, l); lessTicket(t, notify) {
			return stContinue // already notified
		}
		vm.notifyWaiters[l] = append(vm.notifyWaiters[l], notifyWaiter{gp, t})
		gopark(mp, gp, "sync.Cond.Wait")
		return stStop
	}
	// notifyListNotifyAll(l *notifyList)
	nativeTable["sync.runtime_notifyListNotifyAll"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		l := uintptr(vm.ld(fp))
		wait, notify := notifyListLoad(vm, l)
		if wait == notify {
			return stContinue
		}
		vm.mem.MustStore32(l+nlNotify, wait)
		ws := vm.notifyWaiters[l]
		delete(vm.notifyWaiters, l)
		for _, w := range ws {
			goready(mp, w.gp)
		}
		return stContinue
	}
	// notifyListNotifyOne(l *notifyList)
	nativeTable["sync.runtime_notifyListNotifyOne"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		l := uintptr(vm.ld(fp))
		wait, notify := notifyListLoad(vm, l)
		if wait == notify {
			return stContinue
		}
		vm.mem.MustStore32(l+nlNotify, notify+1)
		ws := vm.notifyWaiters[l]
		for i, w := range ws {
			if w.ticket == notify {
				vm.notifyWaiters[l] = append(ws[:i:i], ws[i+1:]...)
				if len(vm.notifyWaiters[l]) == 0 {
					delete(vm.notifyWaiters, l)
				}
				goready(mp, w.gp)
				break
			}
		}
		return stContinue
	}
}
