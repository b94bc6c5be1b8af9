package runtime

// Internals reached from the runtime_test package, as the real runtime's
// export_test.go does. Nothing here runs a program: a test that runs one does
// so in a subprocess (see run_helper_test.go), because the arena and the
// runtime's globals belong to the whole process.

import (
	"reflect"
	"sync"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

type (
	P = p
	G = g
)

// RunStats runs a program as Run does and returns, besides its exit
// status, the collector's counts (mgc.go): the allocations that recorded a
// trigger and the cycles started at a safepoint.
func RunStats(p *bytecode.Program, opts Options) (code int, triggers, cycles uint64) {
	code, vm := run(p, opts)
	return code, vm.gcController.triggers, vm.gcController.started
}

// The arenas of the test binary, by slot: a slot is mapped once a process,
// and tests that run VMs reuse it (Reset between programs).
var testArenas struct {
	sync.Mutex
	bySlot map[int]*arena.Arena
}

// ArenaAt returns the test binary's arena of the given slot, mapping
// it on first use.
func ArenaAt(slot int) (*arena.Arena, error) {
	testArenas.Lock()
	defer testArenas.Unlock()
	if a := testArenas.bySlot[slot]; a != nil {
		return a, nil
	}
	a, err := arena.Map(slot)
	if err != nil {
		return nil, err
	}
	if testArenas.bySlot == nil {
		testArenas.bySlot = map[int]*arena.Arena{}
	}
	testArenas.bySlot[slot] = a
	return a, nil
}

// scratchArena is slot 0's arena, for scratch VMs.
func scratchArena() *arena.Arena {
	a, err := ArenaAt(0)
	if err != nil {
		panic(err)
	}
	return a
}

// scratchVM is a VM with no program, one P and a fresh heap at the usual
// heap address of slot 0's arena, for tests of the runtime's structures.
// Nothing in it touches arena memory unless a test makes it.
func scratchVM() *vm {
	mem := scratchArena()
	v := newVM(&bytecode.Program{HeapStart: mem.Lo() + 1<<30}, Options{Arena: mem})
	mallocinit(&v.mheap, mem, v.prog.HeapStart)
	mcommoninit(v, &v.m0)
	procresize(v, nil, 1)
	acquirep(&v.m0, pidleget(v))
	return v
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
	mp := &scratchVM().m0
	et := &bytecode.Type{Size: elemSize, Align: 8, HasPtrs: hasPtrs}
	_, c := growslice(mp, 0, 0, oldCap, need, et)
	return c
}

const (
	FixedStack   = fixedStack
	MaxStackSize = maxStackSize
)

// AllocTwiceThenSafepoint does what a native does under
// GODEBUG=gortgctrigger=1, two allocations in a row on a running goroutine,
// and then what the interpreter does at its next call or back-edge check.
// It reports the cycles started during the allocations and at the
// safepoint, and whether the allocations asked the goroutine to stop. It
// uses a fresh heap and leaves the global run queue as it found it.
func AllocTwiceThenSafepoint() (during, atSafepoint uint64, stopRequested bool) {
	vm := scratchVM()
	vm.debug.gcTrigger = true
	gp := &g{stack: stack{lo: arena.Base + 1<<20, hi: arena.Base + 1<<20 + fixedStack}}
	gp.fp = gp.stack.lo + 64
	gp.stackguard0.Store(gp.stack.hi)
	mp := &vm.m0
	mp.curg = gp
	gp.atomicstatus.Store(_Grunning) // as execute does

	mallocgc(mp, 48, nil)
	mallocgc(mp, 4096, nil)
	during = vm.gcController.started
	stopRequested = gp.stackguard0.Load() == stackPreempt

	goschedPreempt(mp, gp, gp.pc)
	yieldCommit(mp) // as schedule does once execute returns
	atSafepoint = vm.gcController.started - during
	if globrunqget(mp) != gp {
		panic("goschedPreempt did not queue the goroutine")
	}
	return during, atSafepoint, stopRequested
}

// Goroutine reuse (proc.go). ScratchGs gives a test a VM of its own with
// one P, which it returns. The gs a test makes have stacks at made-up arena
// addresses (ScratchStack) that nothing reads or writes.
func ScratchGs(t interface{ Cleanup(func()) }) *P { return scratchVM().allp[0] }

// ScratchStack is the made-up address of the i'th test stack.
func ScratchStack(i int) uintptr { return arena.Base + 1<<20 + uintptr(i)<<16 }

// NewDeadG adds to pp's VM's allgs a dead g that owns a stack of size
// bytes at lo, as malg and allgadd do.
func NewDeadG(pp *P, lo, size uintptr) *G {
	gp := &g{stack: stack{lo: lo, hi: lo + size}}
	gp.atomicstatus.Store(_Gdead)
	allgadd(pp.vm, gp)
	return gp
}

// StackLo and StackSize describe gp's stack; 0, 0 if it has none.
func StackLo(gp *G) uintptr   { return gp.stack.lo }
func StackSize(gp *G) uintptr { return gp.stack.hi - gp.stack.lo }

// Start makes the dead gp a running goroutine, as newproc1 and execute do.
func Start(gp *G) { gp.atomicstatus.Store(_Grunning) }

// Exit ends gp's goroutine on pp, as goexit0 does.
func Exit(pp *P, gp *G) { goexit0(&m{p: pp, vm: pp.vm}, gp) }

// SetSome gives gp per-goroutine state that must not survive its exit.
func SetSome(gp *G) {
	gp.pc, gp.fp = 7, gp.stack.lo+64
	gp.waitreason = "chan receive"
	gp.preempt = true
	gp.param = 0x1000
	gp.resume = resumeState{kind: resumeSelect, w: waiter{sg: 0x2000}, dst: 8, okOff: 16, aux: []int32{1}}
	gp.waiting = []waiter{{sg: 0x3000}}
	gp.ndefer = 1
	gp.selectDone.Store(1)
	gp._defer = 0x4000
	gp._panic = &_panic{}
	gp.gopcFn, gp.gopc, gp.parentGoid = &bytecode.Func{}, 3, 1
	gp.goid = 99
}

// FieldsLeft names gp's fields that hold anything other than a fresh g's
// zero value, besides the ones a g keeps across goroutines: its stack,
// stack guard, status, allgs index and generation.
func FieldsLeft(gp *G) []string {
	keep := map[string]bool{"stack": true, "stackguard0": true, "atomicstatus": true, "index": true, "gen": true}
	var left []string
	v := reflect.ValueOf(gp).Elem()
	for i := 0; i < v.NumField(); i++ {
		if name := v.Type().Field(i).Name; !keep[name] && !v.Field(i).IsZero() {
			left = append(left, name)
		}
	}
	return left
}

func GWord(gp *G) uint64                   { return gword(gp) }
func GFromWord(pp *P, w uint64) (*G, bool) { return gFromWord(pp.vm, w) }
func Gen(gp *G) uint32                     { return gp.gen }
func Gfput(pp *P, gp *G)                   { gfput(pp, gp) }
func Gfget(pp *P) *G                       { return gfget(&m{p: pp, vm: pp.vm}, pp) }
func Gcount(pp *P) int                     { return gcount(pp.vm) }
func FreeStack(pp *P, lo, size uintptr)    { stackfree(&m{p: pp, vm: pp.vm}, stack{lo, lo + size}) }
func PFreeLen(pp *P) int                   { return int(pp.gFree.n) }
func SchedFreeLen(pp *P) (stack, noStack int) {
	return int(pp.vm.sched.gFree.stack.n), int(pp.vm.sched.gFree.noStack.n)
}

const GFreeMax = gFreeMax

// RuntimeCallSite finds a call in the real runtime's source, for the
// frames of it that tracebacks show.
func RuntimeCallSite(file, fn, after, stmt string) (string, int) {
	return runtimeCallSite(scratchVM(), file, fn, after, stmt)
}

// LockOutOfOrder takes the heap's lock and then sched's, which ranks
// below it, and returns what the rank check threw ("" if nothing).
func LockOutOfOrder() (thrown string) {
	mp := &scratchVM().m0
	heap, sched := &mutex{rank: lockRankMheap}, &mutex{rank: lockRankSched}
	defer func() {
		if e, ok := recover().(internalError); ok {
			thrown = e.msg
		}
	}()
	lock(mp, heap)
	lock(mp, sched)
	return ""
}

// LockInOrder takes sched's lock, then the heap's, releases them out of
// order and reports how many locks the M still holds.
func LockInOrder() int {
	mp := &scratchVM().m0
	heap, sched := &mutex{rank: lockRankMheap}, &mutex{rank: lockRankSched}
	lock(mp, sched)
	lock(mp, heap)
	unlock(mp, sched)
	unlock(mp, heap)
	return mp.nlocksHeld
}

// NilNatives lists the names bound in the native table to a nil function: an
// alias taken in an init func before its target's init ran.
func NilNatives() []string {
	var names []string
	for name, f := range nativeTable {
		if f == nil {
			names = append(names, name)
		}
	}
	return names
}

// NextSamples draws n sampling distances at rate from a random source
// seeded with seed (mprof.go's nextSample).
func NextSamples(rate int64, seed uint64, n int) []int64 {
	r := rng{state: seed}
	out := make([]int64, n)
	for i := range out {
		out[i] = nextSample(rate, &r)
	}
	return out
}
