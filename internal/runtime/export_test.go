package runtime

// Internals reached from the runtime_test package, as the real runtime's
// export_test.go does. Nothing here runs a program: a test that runs one does
// so in a subprocess (see run_helper_test.go), because the arena and the
// runtime's globals belong to the whole process.

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
)

type (
	P = p
	G = g
)

// RunqSize is the length of a P's local run queue.
const RunqSize = len(p{}.runq)

func NewP() *P { return &p{mcache: &mcache{}} }

func NewG(goid int64) *G { return &g{goid: goid} }

func Goid(gp *G) int64 { return gp.goid }

func Runqput(pp *P, gp *G, next bool) { runqput(pp, gp, next) }

func Runqget(pp *P) *G { return runqget(pp) }

// RunqLen is the number of goroutines in pp's local queue, runnext excluded.
func RunqLen(pp *P) int { return int(pp.runqtail.Load() - pp.runqhead.Load()) }

func Runnext(pp *P) *G { return pp.runnext.Load() }

func Globrunqget() *G { return globrunqget() }

func Globrunqsize() int { return int(sched.runqsize) }

// ResetGlobrunq empties the global run queue between tests.
func ResetGlobrunq() {
	lock(&sched.lock)
	sched.runq = gQueue{}
	sched.runqsize = 0
	unlock(&sched.lock)
}

const (
	MaxSmallSize = maxSmallSize
	PageSize     = pageSize
)

// ClassSize and ClassPages are the size-class tables (class 0 is "large").
func ClassSize() []uint32 { return classSize[:] }
func ClassPages() []uint8 { return classPages[:] }

func SizeToClass(size uintptr) uint8 { return sizeToClass(size) }

func NextSliceCap(newLen, oldCap uintptr) uintptr { return nextslicecap(newLen, oldCap) }

// GrowsliceCap returns the capacity growslice gives a slice of elements of
// elemSize bytes (with pointers or not) that holds oldCap elements and must
// hold need. The slice is empty, so growslice copies nothing: only the heap's
// bookkeeping runs, on a fresh heap each time, and no arena memory is touched.
func GrowsliceCap(oldCap, need, elemSize uintptr, hasPtrs bool) uintptr {
	mheap_ = mheapT{}
	mallocinit(arena.Base + 1<<30)
	mp := &m{p: &p{mcache: &mcache{}}}
	et := &bytecode.Type{Size: elemSize, Align: 8, HasPtrs: hasPtrs}
	_, c := growslice(mp, 0, 0, oldCap, need, et)
	return c
}

const (
	FixedStack   = fixedStack
	MaxStackSize = maxStackSize
)

// GCTriggers and GCCycles are the collector's counts (mgc.go): allocations
// that recorded a trigger, and cycles started at a safepoint.
func GCTriggers() uint64 { return gcController.triggers }
func GCCycles() uint64   { return gcController.cycles }

// AllocTwiceThenSafepoint does what a native does under
// GODEBUG=gortgctrigger=1, two allocations in a row on a running goroutine,
// and then what the interpreter does at its next call or back-edge check.
// It reports the cycles started during the allocations and at the
// safepoint, and whether the allocations asked the goroutine to stop. It
// uses a fresh heap and leaves the global run queue as it found it.
func AllocTwiceThenSafepoint() (during, atSafepoint uint64, stopRequested bool) {
	mheap_ = mheapT{}
	mallocinit(arena.Base + 1<<30)
	gcController.triggerPending = false
	defer func(on bool) { gcTriggerEveryAlloc = on }(gcTriggerEveryAlloc)
	gcTriggerEveryAlloc = true

	gp := &g{stack: stack{lo: arena.Base + 1<<20, hi: arena.Base + 1<<20 + fixedStack}}
	gp.fp = gp.stack.lo + 64
	gp.stackguard0.Store(gp.stack.hi)
	mp := &m{p: &p{mcache: &mcache{}}, curg: gp}

	start := gcController.cycles
	mallocgc(mp, 48, nil)
	mallocgc(mp, 4096, nil)
	during = gcController.cycles - start
	stopRequested = gp.stackguard0.Load() == stackPreempt

	goschedPreempt(mp, gp)
	atSafepoint = gcController.cycles - start - during
	if globrunqget() != gp {
		panic("goschedPreempt did not queue the goroutine")
	}
	return during, atSafepoint, stopRequested
}

// RuntimeCallSite finds a call in the real runtime's source, for the
// frames of it that tracebacks show.
var RuntimeCallSite = runtimeCallSite
