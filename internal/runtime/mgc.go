package runtime

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The garbage collector: a concurrent mark-sweep collector over the
// heap's spans, with roots from goroutine stacks (their safepoint maps),
// the program's data, and the arena pointers host code holds (roots.go).
// Its cycle is the real one's:
//
//  1. Sweep termination and mark setup, with the world stopped (gcStart):
//     what the last cycle left unswept is swept, the mcaches give their
//     spans back, the root jobs are listed, the write barrier goes on, and
//     the roots the runtime holds are shaded.
//  2. Concurrent mark: the program runs, behind the hybrid barrier
//     (mbarrier.go), allocating black, while the root jobs and the grey
//     objects are worked off in bounded turns (gcWork.drainN) by the
//     background mark worker, a goroutine (gcBgMarkWorker), and by the
//     goroutines that allocate, as assists paid at their safepoints. Each
//     goroutine's stack is scanned once, where it stopped; none is
//     rescanned.
//  3. Mark termination, with the world stopped (gcMarkTermination), once
//     no root job and no grey object is left: the goroutines created
//     since the cycle began are scanned and the runtime's own roots again,
//     what little that shades is drained, weak pointers to what died are
//     cleared, finalizers and cleanups queued, and the sweep set up: spans
//     are swept lazily from then on (mgcsweep.go).
//
// Every phase change runs at a safepoint, as the real one's do, and the
// native contract (DESIGN.md §4.1, item 5) fixes where:
//
//   - mallocgc may run inside a native or a runtime helper, between two of
//     its allocations, while the first object is known only to a host local
//     that no GC can see. So mallocgc never starts a cycle or marks: it
//     records that a cycle is due (gcRecordTrigger), or charges the
//     goroutine's assist debt, and asks the running goroutine to stop at
//     its next safepoint, as a preemption request does (stackguard0 =
//     stackPreempt).
//   - The interpreter reaches a safepoint at a call's prologue check or a
//     loop back-edge, with the goroutine's registers saved in the g and every
//     live pointer in a frame slot the compiler's maps describe. There,
//     and only there, gcSafepoint starts a cycle or pays an assist; the
//     natives that mark (the worker's turn, runtime.GC) are called from
//     safepoints and hold nothing in host locals.
//
// With one M, "concurrent" means interleaved: while one goroutine marks,
// every other is stopped at a safepoint of its own, so a stack is scanned
// while its goroutine is parked or by the goroutine itself. The barrier,
// the black allocation and the once-only stack scans are what make the
// interleaving safe, and they are what parallel Ms will rely on.
//
// Marking is the classic object-based mark of the pre-1.26 runtime, not
// Green Tea's span-based one: Green Tea pays for itself by scanning the
// objects of one span together while the span's memory is in cache,
// which a collector that reaches memory through checked accessors cannot
// measure yet; the object queue is the simpler design to make correct
// first.
//
// The pacer (commit, revise) follows the real gcControllerState: the goal
// from GOGC and GOMEMLIMIT, the trigger from the runway the last cycles'
// cons/mark ratio asks for, and the assist ratio from the scan work left
// and the heap left before the goal. The worker takes its quarter of the
// time by the clock, as the real fractional worker does, so when a mark
// ends varies from run to run as it does natively; the program's own
// schedule does not, since the worker runs outside the run queues and a
// goroutine that stops for the collector does not yield.
//
// GODEBUG knobs: gctrace=1 prints a line per cycle in the real format;
// gortgctrigger=1 records a trigger at every allocation, so that the path
// from an allocation inside a native to the safepoint is taken as often as
// it can be; gortgcstress=N starts a cycle every N allocations, and ends
// the mark of the one running N allocations later; gortgcpoison=1 fills
// freed memory with a pattern that faults when used as a pointer. A
// program must print the same with each knob as without.

const (
	heapMinimum = 4 << 20 // the goal's floor at GOGC=100, as the real heapMinimum
	// poisonWord fills freed memory under gortgcpoison: not an address in
	// any arena, so a dangling pointer read from freed memory faults.
	poisonWord = 0xdeaddeaddeaddead

	// gcGoalUtilization is the share of the program's time the
	// collector aims to take while it marks, the real
	// gcBackgroundUtilization: the background worker's.
	gcGoalUtilization = 0.25
	// gcWorkerChunk is the scan work the worker does between looks at
	// the clock, and gcMinWorkerTurn the least time owed to it that is
	// worth a turn.
	gcWorkerChunk   = 64 << 10
	gcMinWorkerTurn = 50 * time.Microsecond
	// gcOverAssistWork is the least an assist does, so that a goroutine
	// in debt pays ahead instead of stopping at every safepoint (the real
	// one's 64 KiB).
	gcOverAssistWork = 64 << 10
	// gcIdleTurn is the length of one turn of the worker when nothing
	// else can run (the real idle mark worker's): it then looks again
	// for a goroutine or a timer.
	gcIdleTurn = time.Millisecond
)

// The collector's phases, as the real gcphase.
const (
	_GCoff             = iota // sweeping or idle; no barrier
	_GCmark                   // marking, the write barrier on
	_GCmarktermination        // mark termination, the world stopped
)

// gcControllerState is the pacer's state and the collector's statistics.
type gcControllerState struct {
	phase uint8
	// triggerPending is a phase change due at the next safepoint: a
	// cycle to start or, under the stress knobs, a mark to finish.
	triggerPending bool
	triggers       uint64 // allocations that recorded a trigger
	started        uint64 // cycles started, each at a safepoint
	cycles         uint64 // cycles completed

	gcPercent   int32 // GOGC; -1 is off
	memoryLimit int64 // GOMEMLIMIT, in bytes

	// heapLive is the bytes of the slots allocated since the last cycle
	// plus those it found marked; heapMarked is the latter.
	heapLive, heapMarked uint64
	heapGoal             uint64
	trigger              uint64
	// The last cycle's scan work: the bytes of heap, of stack and of
	// data it scanned, which the goal and the runway count as real
	// 1.18+ does.
	lastHeapScan, lastStackScan, globalsScan uint64
	// consMark is the highest of the last cycles' ratios of allocation
	// to scan work during the mark (consMarkHistory), and runway the
	// allocation the next mark is expected to let through.
	consMark        float64
	consMarkHistory [4]float64
	runway          uint64

	// The cycle marking: the heap when it was triggered, its scan work
	// so far, the assist ratio (revise), and the background credit the
	// worker left for assists to steal.
	triggeredHeapLive  uint64
	scanWork           int64
	assistWorkPerByte  float64
	assistBytesPerWork float64
	bgScanCredit       int64

	// The worker: its goroutine, parked between turns (workerIdle), and
	// the kind of turn findRunnable gave it.
	worker     *g
	workerIdle bool
	workerTurn uint8

	// The cycle's clock: its start, the end of the first pause, the
	// start of mark termination, and the time marking took in assists,
	// in the worker's share and in the worker's idle turns.
	cycleStart, markStart, termStart time.Time
	assistTime, bgTime, idleTime     time.Duration
	totalGCTime                      time.Duration
	// The same, summed over the completed cycles (runtime/metrics).
	cumAssistTime, cumBgTime, cumIdleTime time.Duration
	cycleForced                           bool

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
	lastGCMono     int64  // nanotime of the last cycle's end, for sysmon's forced cycle
	frees          uint64 // objects freed, tiny blocks as one
	freedBytes     uint64
	smallFreeCount [len(classSize)]uint64
}

// The worker's turns (findRunnable's choice, the real gcMarkWorkerMode).
const (
	workerNone       = iota
	workerFractional // its share of the program's time
	workerIdleTurn   // nothing else can run
)

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
// The trigger leaves the runway before the goal, kept between 70% and 95%
// of the way from the marked heap to the goal, as the real trigger is.
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

	c.runway = uint64(c.consMark * (1 - gcGoalUtilization) / gcGoalUtilization *
		float64(c.lastHeapScan+c.lastStackScan+c.globalsScan))
	if goal <= c.heapMarked {
		c.trigger = goal
		return
	}
	gap := goal - c.heapMarked
	minTrigger := c.heapMarked + gap/10*7
	maxTrigger := c.heapMarked + gap/20*19
	if goal > heapMinimum && goal-heapMinimum > maxTrigger {
		maxTrigger = goal - heapMinimum
	}
	maxTrigger = max(maxTrigger, minTrigger)
	trigger := minTrigger
	if c.runway < goal {
		trigger = goal - c.runway
	}
	c.trigger = min(max(trigger, minTrigger), maxTrigger)
}

// revise recomputes the assist ratio from the scan work the cycle still
// expects and the heap left before the goal, as the real revise: an
// assist pays for each byte allocated with assistWorkPerByte bytes of
// scan work, so that marking ends as the heap reaches the goal. Once the
// cycle has scanned more than the last one, it plans for the worst, all
// of the heap, against a goal 10% further.
func (c *gcControllerState) revise() {
	goal := int64(c.heapGoal)
	expected := int64(c.lastHeapScan + c.lastStackScan + c.globalsScan)
	if c.scanWork > expected {
		expected = int64(c.heapLive + c.lastStackScan + c.globalsScan)
		goal += goal / 10
	}
	work := max(expected-c.scanWork, 1000)
	heap := max(goal-int64(c.heapLive), 1)
	c.assistWorkPerByte = float64(work) / float64(heap)
	c.assistBytesPerWork = float64(heap) / float64(work)
}

// gcAllocated is mallocgc's check after each allocation of size bytes:
// with no cycle running, it records a trigger once the heap reaches the
// pacer's trigger, or at the stress knob's count; while one marks, it
// charges the allocating goroutine's assist credit.
func gcAllocated(mp *m, size uintptr) {
	vm := mp.vm
	c := &vm.gcController
	if c.phase == _GCmark {
		if gp := mp.curg; gp != nil {
			debt := gp.gcAssistBytes < 0
			gp.gcAssistBytes -= int64(size)
			if gp.gcAssistBytes < 0 && !debt {
				gp.stackguard0.Store(stackPreempt)
			}
		}
	}
	switch {
	case c.phase == _GCoff && c.heapLive >= c.trigger, vm.debug.gcTrigger:
		gcRecordTrigger(mp)
	case c.stressEvery != 0:
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

// gcSafepoint is the interpreter's half: it runs where a goroutine stops
// at a safepoint (goschedPreempt), with gp's registers saved. A due
// trigger starts a cycle, or under the stress knobs ends the mark of the
// one running; then a goroutine in assist debt pays it.
func gcSafepoint(mp *m, gp *g) {
	c := &mp.vm.gcController
	if !c.triggerPending && (c.phase != _GCmark || gp.gcAssistBytes >= 0 && gp.gcscandone) {
		return
	}
	if gp.fp < gp.stack.lo || gp.fp >= gp.stack.hi {
		throw("gcSafepoint: goroutine's frame is not on its stack")
	}
	if c.phase == _GCmark && !gp.gcscandone {
		// The mark found gp running on another M and asked it to stop
		// (markrootNext): it scans its own stack here, as a goroutine
		// the real runtime suspends for its scan does.
		mp.vm.gcWork.markrootStack(gp)
	}
	if c.triggerPending {
		c.triggerPending = false
		if c.phase == _GCoff {
			gcStart(mp, false)
		} else {
			gcMarkFinish(mp)
		}
	}
	if c.phase == _GCmark && gp.gcAssistBytes < 0 {
		gcAssistAlloc(mp, gp)
	}
}

// gcStart begins a cycle with the world stopped: every goroutine but the
// one at this safepoint (or in the native that asked) is parked or
// runnable, at a safepoint of its own. It is the real gcStart's sweep
// termination and mark setup; marking then runs with the program.
func gcStart(mp *m, forced bool) {
	vm := mp.vm
	c := &vm.gcController
	start := time.Now()
	stopTheWorld(mp)
	defer startTheWorld(mp)
	if c.phase != _GCoff {
		return // another M started the cycle while this one stopped for it
	}
	c.started++
	c.cycleStart, c.cycleForced = start, forced
	c.triggeredHeapLive = c.heapLive

	// Sweep termination: what the last cycle left unswept is swept, so
	// that every span in use starts this one unmarked; the mcaches give
	// their spans back, those with room to their mcentrals, and the sudog
	// caches are dropped (the real clearpools).
	finishSweep(mp)
	releaseMcaches(vm, true)
	for _, pp := range vm.allp {
		pp.sudogcache = pp.sudogcache[:0]
	}

	// Mark setup: the roots, the barrier, and the assists' books.
	w := &vm.gcWork
	w.vm = vm
	w.prepareRoots()
	c.scanWork, c.bgScanCredit = 0, 0
	c.assistTime, c.bgTime, c.idleTime = 0, 0, 0
	for _, gp := range vm.allgs {
		gp.gcscandone = false
		gp.gcAssistBytes = 0
	}
	c.phase = _GCmark
	vm.writeBarrier.Store(true)
	w.markrootRuntime()
	c.revise()
	c.markStart = time.Now()
	c.recordPause(c.markStart.Sub(start), true)
}

// releaseMcaches takes the spans back from every P's mcache. At the
// start of a cycle a span with room goes back to its mcentral (toCentral),
// so that the program allocates into it while the cycle marks; before the
// sweep, the sweep hands them out again itself.
func releaseMcaches(vm *vm, toCentral bool) {
	for _, pp := range vm.allp {
		if toCentral {
			for spc, s := range pp.mcache.alloc {
				if s != nil && s.allocCount < s.nelems {
					central := &vm.mheap.central[spc]
					central.partial = append(central.partial, s)
				}
			}
		}
		pp.mcache.releaseAll()
	}
}

// gcBgMarkStartWorker starts the background mark worker, parked until
// findRunnable hands it a turn, when the first cycle looks for it (the
// real gcStart starts the workers). The real runtime starts one per P,
// each able to run at once; with one M, one worker takes the collector's
// share.
func gcBgMarkStartWorker(mp *m) {
	vm := mp.vm
	fn := funcNamed(vm, "runtime.gcBgMarkWorker")
	if fn == nil {
		throw("runtime.gcBgMarkWorker is not in the image")
	}
	gp := newproc1(mp, nil, fn, 0, 0, 0)
	gp.system = true
	vm.nsystem++
	gp.waitreason = "GC worker (idle)"
	gp.atomicstatus.Store(_Gwaiting)
	c := &vm.gcController
	c.worker, c.workerIdle = gp, true
}

// gcFindWorker is findRunnable's question to the collector, the real
// findRunnableGCWorker: while the cycle marks, whether the worker should
// run now, for its share of the time or, with idle, because nothing else
// can. It returns the worker, made runnable, or nil.
func gcFindWorker(mp *m, idle bool) *g {
	c := &mp.vm.gcController
	if c.phase != _GCmark {
		return nil
	}
	if c.worker == nil {
		gcBgMarkStartWorker(mp)
	}
	if !c.workerIdle {
		return nil
	}
	turn := workerIdleTurn
	if !idle {
		if c.owedBgTime() < gcMinWorkerTurn {
			return nil
		}
		turn = workerFractional
	}
	c.workerIdle, c.workerTurn = false, uint8(turn)
	if !c.worker.atomicstatus.CompareAndSwap(_Gwaiting, _Grunnable) {
		throw("gcFindWorker: the mark worker is not parked")
	}
	return c.worker
}

// owedBgTime is how long the worker should mark now to have had its
// share of the time since marking began: d with bgTime+d a quarter of
// the time the mark has run by then.
func (c *gcControllerState) owedBgTime() time.Duration {
	elapsed := time.Since(c.markStart)
	return time.Duration((gcGoalUtilization*float64(elapsed) - float64(c.bgTime)) / (1 - gcGoalUtilization))
}

// nativeGCMarkWorkerRun is the worker's turn (runtime.gcMarkWorkerRun):
// marking for the time it is owed, or an idle turn's, then mark
// termination if that finished the marking; then it parks until
// findRunnable hands it the next turn. The native is called from the
// worker's loop, a safepoint.
func nativeGCMarkWorkerRun(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	c := &vm.gcController
	if c.phase == _GCmark && c.workerTurn != workerNone {
		start := time.Now()
		turn := gcIdleTurn
		if c.workerTurn == workerFractional {
			turn = c.owedBgTime()
		}
		for !vm.gcWork.markDone() && time.Since(start) < turn {
			done := vm.gcWork.drainN(gcWorkerChunk)
			c.bgScanCredit += done
			if done == 0 {
				break // only running goroutines' stacks are left
			}
		}
		if d := time.Since(start); c.workerTurn == workerIdleTurn {
			c.idleTime += d
		} else {
			c.bgTime += d
		}
		if vm.gcWork.markDone() {
			gcMarkTermination(mp)
		}
	}
	c.workerIdle, c.workerTurn = true, workerNone
	gopark(mp, gp, "GC worker (idle)")
	return stStop
}

// gcAssistAlloc pays gp's assist debt at its safepoint, as the real one:
// the scan work the debt is worth (at least gcOverAssistWork), first from
// the worker's background credit, then by marking. If that finishes the
// marking, mark termination runs here.
func gcAssistAlloc(mp *m, gp *g) {
	vm := mp.vm
	c := &vm.gcController
	c.revise()
	work := max(int64(c.assistWorkPerByte*float64(-gp.gcAssistBytes)), gcOverAssistWork)
	if stolen := min(c.bgScanCredit, work); stolen > 0 {
		c.bgScanCredit -= stolen
		work -= stolen
		gp.gcAssistBytes += int64(c.assistBytesPerWork * float64(stolen))
		if gp.gcAssistBytes >= 0 {
			return
		}
	}
	start := time.Now()
	done := vm.gcWork.drainN(work)
	gp.gcAssistBytes += int64(c.assistBytesPerWork * float64(done))
	c.assistTime += time.Since(start)
	if vm.gcWork.markDone() {
		gcMarkTermination(mp)
	}
}

// gcMarkFinish marks whatever is left of the cycle with the world stopped
// and ends it: runtime.GC's wait for the cycle, and the stress knobs'.
func gcMarkFinish(mp *m) {
	vm := mp.vm
	vm.gcWork.drainN(1<<63 - 1)
	gcMarkTermination(mp)
}

// gcFull runs a whole cycle before it returns, as runtime.GC does: the
// one marking, if any, is finished first, then a new one is run to its
// end, and swept.
func gcFull(mp *m) {
	c := &mp.vm.gcController
	if c.phase == _GCmark {
		gcMarkFinish(mp)
	}
	gcStart(mp, true)
	if c.phase == _GCmark {
		gcMarkFinish(mp)
	}
	finishSweep(mp)
	// Every free of the cycle has happened: the heap profile can show
	// the heap as of its mark termination.
	mProf_PostSweep(mp.vm)
}

// gcMarkTermination ends the cycle with the world stopped: the stacks of
// the goroutines the mark has not scanned (those created since the cycle
// began) and the runtime's own roots are scanned, which the barrier and
// the black allocation leave little to find, and the queue drained; then
// weak pointers to what died are cleared, the objects with finalizers
// that died are resurrected for their finalizers, cleanups of dead
// objects are queued, and the sweep is set up.
func gcMarkTermination(mp *m) {
	vm := mp.vm
	c := &vm.gcController
	start := time.Now()
	stopTheWorld(mp)
	defer startTheWorld(mp)
	if c.phase != _GCmark {
		return // another M ended the mark while this one stopped for it
	}
	c.termStart = start
	c.phase = _GCmarktermination
	heap1 := c.heapLive
	w := &vm.gcWork
	for _, gp := range vm.allgs {
		if !gp.gcscandone && gp.atomicstatus.Load() != _Gdead {
			w.markrootStack(gp)
		}
	}
	w.markrootRuntime()
	w.drainN(1<<63 - 1)
	if vm.debug.gcCheckmark {
		checkmark(vm, w)
	}
	vm.writeBarrier.Store(false)
	c.cycles++
	if c.cycleForced {
		c.numForced++
	}

	clearWeakHandles(w)
	for p := range vm.abiTypeObjs {
		if !vm.mheap.marked(p) {
			delete(vm.abiTypeObjs, p)
		}
	}
	queueFinalizers(mp, w)
	queueCleanups(mp, w)
	c.lastHeapScan, c.lastStackScan, c.globalsScan = w.heapScan, w.stackScan, w.globalsScan
	if !vm.debug.gcShrinkStackOff {
		for _, gp := range vm.allgs {
			if s := gp.atomicstatus.Load(); s == _Grunnable || s == _Gwaiting {
				shrinkstack(mp, gp)
			}
		}
	}

	// The sweep, with the mcaches' spans and the mcentrals' lists taken
	// back: it hands out again every span with room.
	releaseMcaches(vm, false)
	for i := range vm.mheap.central {
		vm.mheap.central[i].partial = vm.mheap.central[i].partial[:0]
	}
	marked := w.bytesMarked
	c.updateConsMark(heap1)
	c.heapMarked = marked
	c.heapLive = marked
	c.phase = _GCoff
	c.commit(vm)
	prepareSweep(vm)
	// The heap profile's cycle ends here: allocations from now on count
	// towards a later one, and the cycle just finished is published
	// (mprof.go).
	mProf_NextCycle(vm)
	mProf_Flush(vm)
	end := time.Now()

	c.recordPause(end.Sub(start), false)
	c.pauseEnd[(c.cycles-1)%uint64(len(c.pauseEnd))] = uint64(end.UnixNano())
	c.lastGC = uint64(end.UnixNano())
	c.lastGCMono = nanotime(vm)
	c.totalGCTime += c.assistTime + c.bgTime + c.idleTime
	c.cumAssistTime += c.assistTime
	c.cumBgTime += c.bgTime
	c.cumIdleTime += c.idleTime
	if c.trace {
		gcTraceLine(vm, end, c.triggeredHeapLive, heap1, marked)
	}
	// findRunnable readies the finalizer goroutine for what was queued
	// (wakefing), as the real one does.
}

// recordPause adds a stop-the-world pause, the cycle's first or its
// second, to the cycle's, which ReadMemStats reports as one (the real
// pauseNS sums both of a cycle's).
func (c *gcControllerState) recordPause(d time.Duration, first bool) {
	i := (c.started - 1) % uint64(len(c.pauseNs))
	if first {
		c.pauseNs[i] = 0
	}
	c.pauseNs[i] += uint64(d)
	c.pauseTotal += uint64(d)
	c.totalGCTime += d
}

// updateConsMark measures the cycle's cons/mark ratio, the heap the
// program allocated while it marked per byte of scan work, scaled by the
// share of the time the collector took (the worker's quarter and the
// assists'), and keeps the highest of the last four, as the real one
// does.
func (c *gcControllerState) updateConsMark(heapAtTermination uint64) {
	work := max(c.scanWork, 1)
	u := gcGoalUtilization
	if d := c.termStart.Sub(c.markStart); d > 0 {
		u += float64(c.assistTime) / float64(d)
	}
	u = min(u, 0.95)
	cur := float64(heapAtTermination-min(heapAtTermination, c.triggeredHeapLive)) * u / (float64(work) * (1 - u))
	copy(c.consMarkHistory[1:], c.consMarkHistory[:])
	c.consMarkHistory[0] = cur
	c.consMark = 0
	for _, v := range c.consMarkHistory {
		c.consMark = max(c.consMark, v)
	}
}

// checkmark is GODEBUG=gccheckmark=1: a second mark from the roots, from
// scratch, with the world stopped, that must find no object the cycle's
// mark left unmarked: what it would find is what a missing barrier lost.
func checkmark(vm *vm, w *gcWork) {
	heapScan, stackScan, globalsScan, bytesMarked := w.heapScan, w.stackScan, w.globalsScan, w.bytesMarked
	defer func() {
		w.heapScan, w.stackScan, w.globalsScan, w.bytesMarked = heapScan, stackScan, globalsScan, bytesMarked
	}()
	spans := vm.mheap.allspans
	first := make([][]uint64, len(spans))
	for i, s := range spans {
		first[i] = slices.Clone(s.gcmarkBits)
		clear(s.gcmarkBits)
	}
	markroots(w)
	w.drainN(1<<63 - 1)
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

// gcTraceLine prints GODEBUG=gctrace=1's line for the cycle that ended
// at end, in the real format: the clock of the first pause, the
// concurrent mark and mark termination; their CPU time, the mark's split
// into assists, the worker's share and its idle turns; the heap when the
// cycle was triggered, at mark termination and marked.
func gcTraceLine(vm *vm, end time.Time, heap0, heap1, heap2 uint64) {
	c := &vm.gcController
	var b strings.Builder
	b.WriteString("gc ")
	b.WriteString(strconv.FormatUint(c.cycles, 10))
	b.WriteString(" @")
	b.WriteString(fmtSeconds3(c.cycleStart.Sub(vm.start)))
	b.WriteString("s ")
	b.WriteString(strconv.Itoa(int(100 * float64(c.totalGCTime) / float64(max(end.Sub(vm.start), 1)))))
	b.WriteString("%: ")
	stw1, conc, stw2 := c.markStart.Sub(c.cycleStart), c.termStart.Sub(c.markStart), end.Sub(c.termStart)
	b.WriteString(fmtNSAsMS(stw1) + "+" + fmtNSAsMS(conc) + "+" + fmtNSAsMS(stw2) + " ms clock, ")
	b.WriteString(fmtNSAsMS(stw1) + "+" + fmtNSAsMS(c.assistTime) + "/" + fmtNSAsMS(c.bgTime) + "/" +
		fmtNSAsMS(c.idleTime) + "+" + fmtNSAsMS(stw2) + " ms cpu, ")
	mb := func(n uint64) string { return strconv.FormatUint(n>>20, 10) }
	b.WriteString(mb(heap0) + "->" + mb(heap1) + "->" + mb(heap2) + " MB, ")
	b.WriteString(mb(c.heapGoal) + " MB goal, ")
	b.WriteString(mb(c.lastStackScan) + " MB stacks, ")
	b.WriteString(mb(c.globalsScan) + " MB globals, ")
	b.WriteString(strconv.Itoa(len(vm.allp)) + " P")
	if c.cycleForced {
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
		gcFull(mp)
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
	nativeTable["runtime.gcMarkWorkerRun"] = nativeGCMarkWorkerRun
	nativeTable["runtime.freeOSMemory"] = func(mp *m, gp *g, fp uintptr) int {
		gcFull(mp)
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
