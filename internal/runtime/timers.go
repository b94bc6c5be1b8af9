package runtime

import (
	"container/heap"
	"time"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// Timers, as time.go keeps them: a heap of timers per P ordered by when
// they fire, checked by the scheduler each time it looks for work
// (findRunnable) and, when nothing can run, slept on until the first one is
// due. A timer is one of:
//
//   - a sleeping goroutine (time.Sleep), readied when it fires;
//   - a time package timer (time.Timer, Ticker, After, AfterFunc), made by
//     newTimer with the function f(arg, seq, delta) that the time package
//     gives it: sendTime, a non-blocking send on the timer's channel, or
//     goFunc, which starts the AfterFunc goroutine.
//
// The real runtime calls f on the M that runs the timer. A native cannot
// call Go (DESIGN.md §4.1), so a fired timer's f runs in a new goroutine,
// through the runtime's runTimer, which first asks whether the timer is
// still the one that fired: a Stop or Reset since (gen) cancels the call,
// which keeps Go 1.23's rule that no value sent before a Stop or Reset is
// received after it. Stop and Reset of a channel timer also drain its
// channel, for the same rule.
//
// The time package's Timer and Ticker are the first 16 bytes of the object
// newTimer returns (C and the init flag); the word after them names the
// host's timer record (its index in vm.timers, plus one), which the
// program can overwrite, so it is checked against the record's object.

const (
	timerObjSize = 24 // C, initTimer, the timer's handle
	timerHandle  = 16
)

type timer struct {
	when, period int64
	gp           *g      // the goroutine a time.Sleep readies, or nil
	obj          uintptr // the *time.Timer, for a time package timer
	f            uint64  // f's funcval
	arg          [2]uint64
	seq          uint64
	isChan       bool   // a channel timer (newTimer's cp was not nil)
	gen          uint64 // bumped by every Stop and Reset
	inFlight     int    // fired, and its runTimer has not run yet
	pp           *p     // whose heap holds it
	id           uint64 // its handle: index in vm.timers plus one
	index        int    // in pp.timers, -1 when not pending
	// pd is the poll descriptor whose deadline in direction pdMode ('r'
	// or 'w') this timer is (netpoll.go), or nil.
	pd     *pollDesc
	pdMode byte
}

// timerHeap is a P's timers, the earliest first.
type timerHeap []*timer

func (h timerHeap) Len() int           { return len(h) }
func (h timerHeap) Less(i, j int) bool { return h[i].when < h[j].when }
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

func (t *timer) add(pp *p) {
	t.pp = pp
	heap.Push(&pp.timers, t)
	wakeTimerSleeper(pp.vm, t.when)
}

// wakeTimerSleeper makes sure that an idle M sleeps until a timer added for
// when, the real wakeNetPoller: the M sleeping for the first timer is woken
// if this one is earlier, or an idle M if none sleeps for a timer (each
// then sleeps again until the new first timer).
func wakeTimerSleeper(vm *vm, when int64) {
	if !vm.parallel {
		return
	}
	if vm.sched.polling && (vm.sched.pollUntil == 0 || when < vm.sched.pollUntil) {
		netpollBreak(vm) // the M in the poller sleeps past it
	}
	if mp := vm.sched.timerSleeper; mp != nil {
		if when < vm.sched.sleepUntil {
			notewakeup(mp)
		}
	} else if mp := vm.sched.midle; mp != nil {
		notewakeup(mp)
	}
}

// del takes t off its heap and reports whether it was pending.
func (t *timer) del() bool {
	if t.index < 0 {
		return false
	}
	heap.Remove(&t.pp.timers, t.index)
	return true
}

// checkTimers runs the timers of pp that are due, on mp: mp's P or, when
// mp steals work, another one.
func checkTimers(mp *m, pp *p) {
	if len(pp.timers) == 0 {
		return
	}
	now := nanotime(mp.vm)
	for len(pp.timers) > 0 && pp.timers[0].when <= now {
		t := heap.Pop(&pp.timers).(*timer)
		fireTimer(mp, t, now)
	}
}

func fireTimer(mp *m, t *timer, now int64) {
	if t.pd != nil {
		netpollDeadline(mp, t)
		return
	}
	if t.gp != nil {
		goready(mp, t.gp)
		return
	}
	delta := now - t.when
	if t.period > 0 {
		// A ticker: the next tick, skipping those already missed.
		t.when += t.period * (1 + delta/t.period)
		t.add(t.pp)
	}
	vm := mp.vm
	fn := vm.runTimer
	if fn == nil {
		throw("runtime.runTimer is not in the image")
	}
	// runTimer(h uintptr, gen uint64, f func(any, uintptr, int64), arg any, seq uintptr, delta int64)
	args := mallocgc(mp, 56, conservativeType(mp, "runtime.runTimer args", 56))
	vm.mem.MustWriteWords(args, []uint64{t.id, t.gen, t.f, t.arg[0], t.arg[1], t.seq, uint64(delta)})
	t.inFlight++
	newg := newproc1(mp, nil, fn, args, 56, 0)
	runqput(mp.p, newg, false)
}

// timerOf returns the timer of the time.Timer object at obj.
func (vm *vm) timerOf(obj uintptr) *timer {
	id := vm.ld(obj + timerHandle)
	if id == 0 || id > uint64(len(vm.timers)) {
		panic(arena.Fault{Addr: obj + timerHandle})
	}
	t := vm.timers[id-1]
	if t.obj != obj {
		panic(arena.Fault{Addr: obj + timerHandle})
	}
	return t
}

// nextTimer is when the first timer of any P is due, and whether there is
// one.
func nextTimer(vm *vm) (int64, bool) {
	var when int64
	ok := false
	for _, pp := range vm.allp[:vm.gomaxprocs] {
		if len(pp.timers) > 0 && (!ok || pp.timers[0].when < when) {
			when, ok = pp.timers[0].when, true
		}
	}
	return when, ok
}

// sleepUntilTimer is what an idle M does while timers are pending: sleep
// until the first is due (the real M sleeps in netpoll with that timeout).
// It reports false if there is no timer to wait for.
func sleepUntilTimer(mp *m) bool {
	when, ok := nextTimer(mp.vm)
	if !ok {
		return false
	}
	if d := when - nanotime(mp.vm); d > 0 {
		sigsleep(mp.vm, time.Duration(d))
	}
	return true
}

// stopped is the common part of Stop and Reset: it takes t off its heap,
// cancels a fired call not yet made, empties a channel timer's channel, and
// reports whether the timer was running. For a channel timer that includes
// having fired without its value being received, as Go 1.23's synchronous
// timer channels count it.
func (t *timer) stopped(vm *vm) bool {
	running := t.del()
	t.gen++
	if t.isChan {
		running = drainTimerChan(vm, t) || t.inFlight > 0 || running
	}
	return running
}

// drainTimerChan empties a channel timer's buffer and reports whether it
// held a value.
func drainTimerChan(vm *vm, t *timer) bool {
	if t.arg[1] == 0 {
		return false
	}
	drained := false
	c := hchan{vm.mem, uintptr(t.arg[1])}
	elem := typeAt(vm, uintptr(vm.ld(c.p+hcElemtype)))
	for q := c.count(); q > 0; q = c.count() {
		rx := c.recvx()
		typedmemclr(vm, c.slot(rx, elem.Size), elem.Size)
		if rx++; rx == c.dataqsiz() {
			rx = 0
		}
		c.setRecvx(rx)
		c.setQcount(q - 1)
		drained = true
	}
	return drained
}

func init() {
	// Sleep(ns int64)
	nativeTable["time.Sleep"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		ns := int64(vm.ld(fp))
		if ns <= 0 {
			return stContinue
		}
		t := &timer{when: nanotime(vm) + ns, gp: gp, index: -1}
		if t.when < 0 {
			t.when = 1<<63 - 1 // overflow: forever
		}
		t.add(mp.p)
		gopark(mp, gp, "sleep")
		return stStop
	}
	// newTimer(when, period int64, f func(any, uintptr, int64), arg any, cp unsafe.Pointer) *Timer
	nativeTable["time.newTimer"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		when, period := int64(vm.ld(fp)), int64(vm.ld(fp+8))
		if when <= 0 {
			when = nanotime(vm)
		}
		obj := mallocgc(mp, timerObjSize, conservativeType(mp, "time.Timer", timerObjSize))
		t := &timer{when: when, period: max(period, 0), obj: obj, f: vm.ld(fp + 16),
			arg: [2]uint64{vm.ld(fp + 24), vm.ld(fp + 32)}, isChan: vm.ld(fp+40) != 0, index: -1}
		vm.timers = append(vm.timers, t)
		t.id = uint64(len(vm.timers))
		vm.st8(obj+8, 1) // initTimer: made by newTimer, not a zero Timer
		vm.st(obj+timerHandle, t.id)
		t.add(mp.p)
		vm.st(fp+48, uint64(obj))
		return stContinue
	}
	// stopTimer(*Timer) bool
	nativeTable["time.stopTimer"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := vm.timerOf(uintptr(vm.ld(fp)))
		vm.st8(fp+8, uint8(b2u(t.stopped(vm))))
		return stContinue
	}
	// resetTimer(t *Timer, when, period int64) bool
	nativeTable["time.resetTimer"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		t := vm.timerOf(uintptr(vm.ld(fp)))
		pending := t.stopped(vm)
		t.when, t.period = int64(vm.ld(fp+8)), max(int64(vm.ld(fp+16)), 0)
		if t.when <= 0 {
			t.when = nanotime(vm)
		}
		t.add(mp.p)
		vm.st8(fp+24, uint8(b2u(pending)))
		return stContinue
	}
	// timerCurrent(h uintptr, gen uint64) bool: whether the fired timer h
	// has not been stopped or reset since.
	nativeTable["runtime.timerCurrent"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		h, gen := vm.ld(fp), vm.ld(fp+8)
		ok := false
		if h > 0 && h <= uint64(len(vm.timers)) {
			t := vm.timers[h-1]
			if t.inFlight > 0 {
				t.inFlight--
			}
			ok = t.gen == gen
		}
		vm.st8(fp+16, uint8(b2u(ok)))
		return stContinue
	}
}

// runTimerFunc finds the runtime's runTimer in the image.
func runTimerFunc(p *bytecode.Program) *bytecode.Func {
	for _, f := range p.Funcs {
		if f.Name == "runtime.runTimer" {
			return f
		}
	}
	return nil
}
