package runtime

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The garbage collector: a mark-sweep collector over the heap's spans,
// with roots from goroutine stacks (their safepoint maps), the program's
// data, and the arena pointers host code holds (roots.go).
//
// The real collector marks concurrently with the program, behind the
// hybrid write barrier, and sweeps lazily. gort's collector today stops the
// world for the whole cycle: it marks from the roots, sweeps every span,
// and resumes. The cycle runs at a safepoint, as the real one's phase
// changes do, so the native contract (DESIGN.md §4.1, item 5) fixes where:
//
//   - mallocgc may run inside a native or a runtime helper, between two of
//     its allocations, while the first object is known only to a host local
//     that no GC can see. So mallocgc never starts a cycle: it only records
//     that one is due (gcRecordTrigger) and asks the running goroutine to
//     stop at its next safepoint, as a preemption request does
//     (stackguard0 = stackPreempt).
//   - The interpreter reaches a safepoint at a call's prologue check or a
//     loop back-edge, with the goroutine's registers saved in the g and every
//     live pointer in a frame slot the compiler's maps describe. There,
//     and only there, gcSafepoint runs the cycle; runtime.GC, a native
//     called from a safepoint with nothing in host locals, runs it too.
//
// Marking is the classic object-based mark of the pre-1.26 runtime, not
// Green Tea's span-based one: Green Tea pays for itself by scanning the
// objects of one span together while the span's memory is in cache,
// which a collector that reaches memory through checked accessors and
// stops the world cannot measure yet; the object queue is the simpler
// design to make correct first.
//
// The pacer sets the next cycle's goal as the real one does (GOGC and
// GOMEMLIMIT, gcControllerState.heapGoal); with a stop-the-world cycle
// there is no runway to leave for concurrent marking, so the trigger is
// the goal itself.
//
// GODEBUG knobs: gctrace=1 prints a line per cycle in the real format;
// gortgctrigger=1 records a trigger at every allocation, so that the path
// from an allocation inside a native to the safepoint is taken as often as
// it can be; gortgcstress=N starts a cycle every N allocations;
// gortgcpoison=1 fills freed memory with a pattern that faults when used
// as a pointer. A program must print the same with each knob as without.

const (
	heapMinimum = 4 << 20 // the goal's floor at GOGC=100, as the real heapMinimum
	// poisonWord fills freed memory under gortgcpoison: not an address in
	// any arena, so a dangling pointer read from freed memory faults.
	poisonWord = 0xdeaddeaddeaddead
)

// gcControllerState is the pacer's state and the collector's statistics.
type gcControllerState struct {
	triggerPending bool
	triggers       uint64 // allocations that recorded a trigger
	cycles         uint64 // cycles run, each at a safepoint

	gcPercent   int32 // GOGC; -1 is off
	memoryLimit int64 // GOMEMLIMIT, in bytes

	// heapLive is the bytes of the slots allocated since the last cycle
	// plus those it found marked; heapMarked is the latter.
	heapLive, heapMarked uint64
	heapGoal             uint64
	trigger              uint64
	// The last cycle's scan work: the bytes of stack and of data it
	// scanned, which the goal counts as real 1.18+ does.
	lastStackScan, globalsScan uint64

	// The stress knob: a cycle every stressEvery allocations.
	stressEvery, stressCount uint64
	poison                   bool
	trace                    bool

	// Statistics for ReadMemStats and runtime/metrics.
	numForced      uint32
	pauseTotal     uint64
	pauseNs        [256]uint64
	pauseEnd       [256]uint64
	lastGC         uint64 // wall clock, ns since 1970
	frees          uint64 // objects freed, tiny blocks as one
	freedBytes     uint64
	smallFreeCount [len(classSize)]uint64
}

// gcinit reads GOGC and GOMEMLIMIT and sets the first goal.
func gcinit(vm *vm) {
	c := &vm.gcController
	c.gcPercent = readGOGC(vm.getenv("GOGC"))
	c.memoryLimit = readMemLimit(vm.getenv("GOMEMLIMIT"))
	c.commit(vm)
}

// readGOGC parses GOGC as the real readGOGC does: "off" is -1, and
// anything that is not a number is the default 100.
func readGOGC(s string) int32 {
	if s == "off" {
		return -1
	}
	if n, err := strconv.ParseInt(s, 10, 32); err == nil {
		return max(int32(n), -1)
	}
	return 100
}

// readMemLimit parses GOMEMLIMIT: a byte count with an optional B, KiB,
// MiB, GiB or TiB suffix, or "off"; the default is no limit.
func readMemLimit(s string) int64 {
	const none = 1<<63 - 1
	if s == "" || s == "off" {
		return none
	}
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return none
	}
	return n * mult
}

// commit recomputes the heap goal and the trigger from the last cycle's
// marked heap, GOGC and the memory limit: the goal is the marked heap
// grown by GOGC percent of the heap, stacks and globals that the cycle
// scanned, at least heapMinimum scaled by GOGC, and at most what the
// memory limit leaves once the memory the heap does not hold is counted.
func (c *gcControllerState) commit(vm *vm) {
	goal := uint64(1<<63 - 1)
	if c.gcPercent >= 0 {
		gp := uint64(c.gcPercent)
		goal = c.heapMarked + (c.heapMarked+c.lastStackScan+c.globalsScan)*gp/100
		goal = max(goal, heapMinimum*gp/100)
	}
	if c.memoryLimit < 1<<62 {
		h := &vm.mheap
		nonHeap := uint64(h.stackInuse) + uint64(vm.prog.HeapStart-vm.mem.Lo())
		limit := uint64(0)
		if uint64(c.memoryLimit) > nonHeap {
			limit = uint64(c.memoryLimit) - nonHeap
		}
		// The real limit-based goal leaves headroom of 3% or 1 MiB.
		limit -= min(limit, max(limit/32, 1<<20))
		goal = min(goal, max(limit, c.heapMarked+pageSize))
	}
	c.heapGoal = goal
	c.trigger = goal
}

// gcAllocated is mallocgc's check after each allocation: it records a
// trigger once the heap reaches the pacer's trigger, or at the stress
// knob's count.
func gcAllocated(mp *m) {
	vm := mp.vm
	c := &vm.gcController
	if c.heapLive >= c.trigger || vm.debug.gcTrigger {
		gcRecordTrigger(mp)
	} else if c.stressEvery != 0 {
		if c.stressCount++; c.stressCount >= c.stressEvery {
			c.stressCount = 0
			gcRecordTrigger(mp)
		}
	}
}

// gcRecordTrigger is mallocgc's half of the contract. It never runs the
// collector.
func gcRecordTrigger(mp *m) {
	mp.vm.gcController.triggers++
	mp.vm.gcController.triggerPending = true
	if gp := mp.curg; gp != nil {
		gp.stackguard0.Store(stackPreempt)
	}
}

// gcSafepoint is the interpreter's half: it runs where a goroutine yields
// at a safepoint (goschedPreempt), with gp's registers saved.
func gcSafepoint(mp *m, gp *g) {
	if !mp.vm.gcController.triggerPending {
		return
	}
	if gp.fp < gp.stack.lo || gp.fp >= gp.stack.hi {
		throw("gcSafepoint: goroutine's frame is not on its stack")
	}
	gcStart(mp, false)
}

// gcStart runs one whole cycle with the world stopped: every goroutine
// but the one at this safepoint is parked or runnable, at a safepoint of
// its own.
func gcStart(mp *m, forced bool) {
	vm := mp.vm
	c := &vm.gcController
	c.triggerPending = false
	c.cycles++
	if forced {
		c.numForced++
	}
	start := time.Now()
	heap0 := c.heapLive

	// Sweep termination: the mcaches give their spans back, the sudog
	// caches are dropped (the real clearpools), and every span in use
	// starts the cycle unmarked.
	for _, pp := range vm.allp {
		pp.mcache.releaseAll()
		pp.sudogcache = pp.sudogcache[:0]
	}
	for i := range vm.mheap.central {
		vm.mheap.central[i].partial = vm.mheap.central[i].partial[:0]
	}
	for _, s := range vm.mheap.allspans {
		clear(s.gcmarkBits)
	}

	w := &vm.gcWork
	w.vm = vm
	w.stackScan, w.globalsScan = 0, 0
	markroots(w)
	w.drain()
	if vm.debug.gcCheckmark {
		checkmark(vm, w)
	}
	tMark := time.Now()

	// Mark termination: weak pointers to what died are cleared, then
	// the objects with finalizers that died are resurrected for their
	// finalizers (their referents were marked by markroots), then
	// cleanups of dead objects are queued.
	clearWeakHandles(w)
	for p := range vm.abiTypeObjs {
		if !vm.mheap.marked(p) {
			delete(vm.abiTypeObjs, p)
		}
	}
	queueFinalizers(mp, w)
	queueCleanups(mp, w)
	c.lastStackScan, c.globalsScan = w.stackScan, w.globalsScan
	if !vm.debug.gcShrinkStackOff {
		for _, gp := range vm.allgs {
			if s := gp.atomicstatus.Load(); s == _Grunnable || s == _Gwaiting {
				shrinkstack(mp, gp)
			}
		}
	}

	marked := sweep(mp)
	c.heapMarked = marked
	c.heapLive = marked
	c.commit(vm)
	scavenge(mp, false)
	end := time.Now()

	pause := uint64(end.Sub(start))
	i := (c.cycles - 1) % uint64(len(c.pauseNs))
	c.pauseNs[i] = pause
	c.pauseEnd[i] = uint64(end.UnixNano())
	c.pauseTotal += pause
	c.lastGC = uint64(end.UnixNano())
	if c.trace {
		// Nothing is allocated while the world is stopped: the heap at
		// mark termination is the heap at the start.
		gcTraceLine(vm, start, tMark, end, heap0, heap0, marked, forced)
	}
	// findRunnable readies the finalizer goroutine for what was queued
	// (wakefing), as the real one does.
}

// checkmark is GODEBUG=gccheckmark=1: a second mark from the roots, from
// scratch, with the world stopped, that must find no object the cycle's
// mark left unmarked. Today's mark stops the world too, so the check
// guards the mark's own bookkeeping; once marking runs concurrently with
// the program, it is what catches a missing barrier.
func checkmark(vm *vm, w *gcWork) {
	stackScan, heapScan := w.stackScan, w.heapScan
	defer func() { w.stackScan, w.heapScan = stackScan, heapScan }()
	spans := vm.mheap.allspans
	first := make([][]uint64, len(spans))
	for i, s := range spans {
		first[i] = slices.Clone(s.gcmarkBits)
		clear(s.gcmarkBits)
	}
	markroots(w)
	w.drain()
	for i, s := range spans {
		for k, word := range s.gcmarkBits {
			if missed := word &^ first[i][k]; missed != 0 && s.state == mSpanInUse {
				j := uintptr(k)*64 + uintptr(bits.TrailingZeros64(missed))
				throw("gccheckmark: the mark missed the object at " + hex(uint64(s.base+j*s.elemsize)))
			}
			s.gcmarkBits[k] |= first[i][k]
		}
	}
}

// gcTraceLine prints GODEBUG=gctrace=1's line for the cycle, in the real
// format. The whole cycle is one stop-the-world pause: gort reports it as
// the first phase (sweep termination and marking) and mark termination,
// with no concurrent part.
func gcTraceLine(vm *vm, start, tMark, end time.Time, heap0, heap1, heap2 uint64, forced bool) {
	c := &vm.gcController
	var b strings.Builder
	b.WriteString("gc ")
	b.WriteString(strconv.FormatUint(c.cycles, 10))
	b.WriteString(" @")
	b.WriteString(fmtSeconds3(start.Sub(vm.start)))
	b.WriteString("s ")
	b.WriteString(strconv.Itoa(int(100 * float64(c.pauseTotal) / float64(max(end.Sub(vm.start), 1)))))
	b.WriteString("%: ")
	stw1, conc, stw2 := tMark.Sub(start), time.Duration(0), end.Sub(tMark)
	b.WriteString(fmtNSAsMS(stw1) + "+" + fmtNSAsMS(conc) + "+" + fmtNSAsMS(stw2) + " ms clock, ")
	b.WriteString(fmtNSAsMS(stw1) + "+0/0/0+" + fmtNSAsMS(stw2) + " ms cpu, ")
	mb := func(n uint64) string { return strconv.FormatUint(n>>20, 10) }
	b.WriteString(mb(heap0) + "->" + mb(heap1) + "->" + mb(heap2) + " MB, ")
	b.WriteString(mb(c.heapGoal) + " MB goal, ")
	b.WriteString(mb(c.lastStackScan) + " MB stacks, ")
	b.WriteString(mb(c.globalsScan) + " MB globals, ")
	b.WriteString(strconv.Itoa(len(vm.allp)) + " P")
	if forced {
		b.WriteString(" (forced)")
	}
	b.WriteString("\n")
	printstr(vm, b.String())
	flushOutput(vm)
}

// fmtSeconds3 is d in seconds with three decimals, as itoaDiv(..., 3)
// prints the milliseconds since start.
func fmtSeconds3(d time.Duration) string {
	ms := d.Milliseconds()
	return strconv.FormatInt(ms/1000, 10) + "." + leftPad(strconv.FormatInt(ms%1000, 10), 3)
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// fmtNSAsMS formats ns as milliseconds the way the real fmtNSAsMS does:
// whole milliseconds at or above 10 ms, otherwise two significant digits.
func fmtNSAsMS(d time.Duration) string {
	ns := uint64(d)
	if ns >= 10e6 {
		return strconv.FormatUint(ns/1e6, 10)
	}
	x := ns / 1e3
	if x == 0 {
		return "0"
	}
	dec := 3
	for x >= 100 {
		x /= 10
		dec--
	}
	s := strconv.FormatUint(x, 10)
	if dec == 0 {
		return s
	}
	for len(s) <= dec {
		s = "0" + s
	}
	return s[:len(s)-dec] + "." + s[len(s)-dec:]
}

func init() {
	// GC() runs a whole cycle. The native is called from a safepoint (its
	// call), and holds nothing in host locals. The caller then yields, as
	// the real GC blocks its caller while the cycle runs and other
	// goroutines go on: a goroutine that calls GC in a loop lets the
	// others run, and the finalizer goroutine runs what was queued.
	nativeTable["runtime.GC"] = func(mp *m, gp *g, fp uintptr) int {
		gcStart(mp, true)
		gosched(mp, gp)
		return stStop
	}
	nativeTable["runtime.nextFinalizer"] = nativeNextFinalizer
	nativeTable["runtime.addCleanup"] = nativeAddCleanup
	nativeTable["runtime.stopCleanup"] = nativeStopCleanup
	// setGCPercent(in int32) (out int32)
	nativeTable["runtime.setGCPercent"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		c := &vm.gcController
		out := c.gcPercent
		c.gcPercent = max(int32(vm.ld32(fp)), -1)
		c.commit(vm)
		vm.mem.MustStore32(fp+8, uint32(out))
		if c.heapLive >= c.trigger {
			gcRecordTrigger(mp)
		}
		return stContinue
	}
	// setMemoryLimit(in int64) (out int64)
	nativeTable["runtime.setMemoryLimit"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		c := &vm.gcController
		out := c.memoryLimit
		if in := int64(vm.ld(fp)); in >= 0 {
			c.memoryLimit = in
			c.commit(vm)
		}
		vm.st(fp+8, uint64(out))
		return stContinue
	}
	nativeTable["runtime.freeOSMemory"] = func(mp *m, gp *g, fp uintptr) int {
		gcStart(mp, true)
		scavenge(mp, true)
		return stContinue
	}
	// readGCStatsLen() int: how many pauses readGCStats reports.
	nativeTable["runtime.readGCStatsLen"] = func(mp *m, gp *g, fp uintptr) int {
		mp.vm.st(fp, min(mp.vm.gcController.cycles, uint64(len(mp.vm.gcController.pauseNs))))
		return stContinue
	}
	// readGCStats(p unsafe.Pointer): the pauses, most recent first, their
	// ends, then the last cycle's time, the cycle count and the total
	// pause, as the real readGCStats_m.
	nativeTable["runtime.readGCStats"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		c := &vm.gcController
		p := uintptr(vm.ld(fp))
		k := uint64(len(c.pauseNs))
		n := min(c.cycles, k)
		words := make([]uint64, 2*n+3)
		for i := uint64(0); i < n; i++ {
			j := (c.cycles - 1 - i) % k
			words[i], words[n+i] = c.pauseNs[j], c.pauseEnd[j]
		}
		words[2*n], words[2*n+1], words[2*n+2] = c.lastGC, c.cycles, c.pauseTotal
		vm.mem.MustWriteWords(p, words)
		return stContinue
	}
}
