package runtime

import (
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// The scheduler follows proc.go's design. Goroutines (g) are run by Ms,
// each holding a P; a P has a 256-slot run queue plus runnext, and
// overflow goes to the global queue. findRunnable looks at runnext, the
// local queue, and every 61st schedule tick the global queue first so it
// cannot starve. This change runs one M and one P, but the structures are
// the parallel scheduler's own, so more Ms only add threads.
//
// Every random choice (select order, map seeds, iteration order) draws
// from the P's seeded source: the same seed gives the same run.
//
// Goroutines are reused, as in the real runtime. goexit0 puts a dead g on
// its P's free list (gfput), which spills half of itself to the global list
// in sched when it reaches gFreeMax; newproc1 takes a g from there (gfget)
// before it allocates one. A g keeps its stack across lives only if the
// stack has the starting size. vm.allgs holds every g ever allocated and never
// shrinks; a g's index in it is fixed, and its generation counts its lives,
// so arena memory names one goroutine, not one g, by the pair (gword).

// Options configure one run.
type Options struct {
	// Arena is the VM's memory, which the program image was compiled
	// into (required). One VM at a time runs over an arena.
	Arena  *arena.Arena
	Args   []string  // os.Args of the program
	Env    []string  // the environment it sees (os.Environ), "key=value" each
	Seed   uint64    // every random choice of the run derives from it
	Stdout io.Writer // file descriptor 1 of the program
	Stderr io.Writer // where print and println, panics and fatal errors go (fd 2)
}

// Run boots the program image and runs it to completion, returning the
// process exit status. It follows the real boot path: schedinit, newproc
// of runtime.main, mstart, schedule.
//
// Whatever the program does, Run returns: a fault, a fatal error or a throw
// unwinds the host stack to here (exitVM), and so does a host panic in the
// interpreter or the runtime, which is reported as gort's internal error.
func Run(p *bytecode.Program, opts Options) int {
	status, _ := run(p, opts)
	return status
}

// run is Run, returning the VM as well for tests.
func run(p *bytecode.Program, opts Options) (status int, vm *vm) {
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Arena == nil {
		io.WriteString(opts.Stderr, "gort: internal error: Run without an arena\n")
		return 2, nil
	}
	vm = newVM(p, opts)
	mp := &vm.m0
	// A host memory fault in gort's own code becomes a host panic, caught
	// below, rather than killing the process.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			status = ended(mp, r)
		}
	}()
	// The image is written: from here on its read-only data is.
	vm.mem.SetReadOnly(p.RODataEnd)
	vm.mem.SetInUse(p.HeapStart)
	if err := bindNatives(vm); err != nil {
		io.WriteString(vm.stderr, err.Error()+"\n")
		return 2, vm
	}
	schedinit(vm)
	initsig(vm)
	defer sigexit(vm)
	mp.p = vm.allp[0]
	vm.allp[0].m = mp
	// The real rt0 queues runtime.main with newproc; gort's runtime.main
	// takes arguments that the host builds, so they are written straight
	// into its frame.
	vm.mainG = newproc1(mp, nil, p.Funcs[p.RuntimeMain], 0, 0, 0)
	mainArgs(mp, vm.mainG.fp)
	runqput(mp.p, vm.mainG, true)
	schedule(mp)
	flushOutput(vm)
	return vm.exitCode, vm
}

// schedinit initialises the runtime in the real order, for the parts gort
// has: lock ranks, the heap, hash seeds, the itab table, GODEBUG, and
// procresize.
func schedinit(vm *vm) {
	vm.sched.lock.rank = lockRankSched
	mallocinit(&vm.mheap, vm.mem, vm.prog.HeapStart)
	gcinit(vm)
	parseGODEBUG(vm, vm.getenv("GODEBUG"))
	itabsinit(vm)
	procresize(vm, 1)
	vm.zerobase = vm.prog.ZeroBase
}

// getenv returns the program's environment variable key, as the real
// runtime's gogetenv reads it at start-up: the runtime's knobs (GOGC,
// GOMEMLIMIT, GODEBUG) are the program's, not the host process's.
func (vm *vm) getenv(key string) string {
	for i := len(vm.env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(vm.env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

func parseGODEBUG(vm *vm, s string) {
	for len(s) > 0 {
		kv := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			kv, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if i := strings.IndexByte(kv, '='); i >= 0 {
			k, v := kv[:i], kv[i+1:]
			switch k {
			case "gortmovestack":
				vm.debug.moveStack = v == "1"
			case "gortgctrigger":
				vm.debug.gcTrigger = v == "1"
			case "gccheckmark":
				vm.debug.gcCheckmark = v == "1"
			case "gcshrinkstackoff":
				vm.debug.gcShrinkStackOff = v == "1"
			case "gctrace":
				vm.gcController.trace = v != "" && v != "0"
			case "gortgcstress":
				n, _ := strconv.ParseUint(v, 10, 64)
				vm.gcController.stressEvery = n
			case "gortgcpoison":
				vm.gcController.poison = v == "1"
			}
		}
	}
}

// procresize creates the Ps.
func procresize(vm *vm, n int32) {
	for i := int32(len(vm.allp)); i < n; i++ {
		pp := &p{id: i, vm: vm, mcache: &mcache{heap: &vm.mheap}}
		pp.rand.state = vm.seed*0x9e3779b97f4a7c15 + uint64(i) + 1
		pp.mcache.memProfRate = vm.memProfileRate()
		pp.mcache.nextSample = nextSample(pp.mcache.memProfRate, &pp.rand)
		vm.allp = append(vm.allp, pp)
	}
}

// mainArgs writes runtime.main's arguments at argp: the init functions as
// a []func() and main.main as a func().
func mainArgs(mp *m, argp uintptr) {
	prog := mp.vm.prog
	n := len(prog.InitFuncs)
	var arr uintptr
	if n > 0 {
		arr = mallocgc(mp, uintptr(8*n), conservativeType(mp, "[]func()", uintptr(8*n)))
		for i, fi := range prog.InitFuncs {
			mp.vm.mem.Store64(arr+uintptr(8*i), uint64(prog.FuncVal[fi]))
		}
	}
	mp.vm.mem.Store64(argp, uint64(arr))
	mp.vm.mem.Store64(argp+8, uint64(n))
	mp.vm.mem.Store64(argp+16, uint64(n))
	mp.vm.mem.Store64(argp+24, uint64(prog.FuncVal[prog.MainMain]))
}

// newproc runs a go statement: it starts a goroutine running fn with
// closure context ctxt and the narg-byte argument block (ABI0 layout) at
// argp in the parent's frame, and puts it in the current P's runnext, as
// the real newproc does.
func newproc(mp *m, parent *g, fn *bytecode.Func, argp, narg, ctxt uintptr) {
	newg := newproc1(mp, parent, fn, argp, narg, ctxt)
	runqput(mp.p, newg, true)
}

// newproc1 makes a runnable goroutine that will call fn with ctxt and a
// copy of the narg bytes at argp (an arena address), and returns it
// without queueing it. parent is the goroutine whose go statement created
// it, or nil for one the runtime starts. The copy is arena to arena: a go
// statement allocates nothing on the host heap once the free lists have a
// g for it.
func newproc1(mp *m, parent *g, fn *bytecode.Func, argp, narg, ctxt uintptr) *g {
	vm := mp.vm
	size := uintptr(fixedStack)
	for size < max(uintptr(fn.FrameSize), narg)+2*bytecode.HeaderSize {
		size *= 2
	}
	newg := gfget(mp, mp.p)
	if newg == nil {
		newg = malg(mp, size)
		allgadd(mp.vm, newg)
	} else if newg.stack.hi-newg.stack.lo < size {
		// fn's first frame does not fit the starting stack.
		stackfree(mp, newg.stack)
		newg.stack = stackalloc(mp, size)
	}
	newg.stackguard0.Store(newg.stack.hi)
	newg.goid = mp.vm.sched.goidgen.Add(1)
	newg.fp = newg.stack.lo + bytecode.HeaderSize
	vm.mem.Store64(newg.fp-24, uint64(ctxt))
	vm.mem.Store64(newg.fp-16, 0)
	vm.mem.Store64(newg.fp-8, uint64(noCaller)<<32|retGoexit)
	if !vm.mem.Memmove(newg.fp, argp, narg) {
		throw("newproc1: argument block outside the arena")
	}
	copyConsts(vm, newg.fp, fn)
	newg.fn = fn
	if parent != nil {
		newg.parentGoid = parent.goid
		newg.gopcFn, newg.gopc = parent.fn, parent.pc
	}
	if tr := trampolineOf(fn); tr != nil {
		// A function made by reflect (go f() of a MakeFunc function):
		// the goroutine starts in the function its stub enters.
		tr(mp, newg, newg.fp, newg.fp+narg, ctxt, uint64(noCaller)<<32|retGoexit)
	}
	newg.atomicstatus.Store(_Grunnable)
	return newg
}

// malg allocates a new g with a stack of the given size. It is dead until
// newproc1 gives it a goroutine.
func malg(mp *m, size uintptr) *g {
	newg := &g{stack: stackalloc(mp, size)}
	newg.atomicstatus.Store(_Gdead)
	return newg
}

// allgadd records a newly allocated g in vm.allgs, which fixes its index.
func allgadd(vm *vm, gp *g) {
	if len(vm.allgs) >= 1<<31-1 {
		throw("allgadd: too many goroutines")
	}
	gp.index = int32(len(vm.allgs))
	vm.allgs = append(vm.allgs, gp)
}

// gword returns the word by which arena memory (a sudog's g field, for
// one) names gp's current goroutine: its generation in the high half and
// its vm.allgs index plus one in the low half. It is never zero, so a zero
// word names no goroutine. The word stops naming anything once the
// goroutine exits, even after its g is reused.
func gword(gp *g) uint64 {
	return uint64(gp.gen)<<32 | uint64(uint32(gp.index)+1)
}

// gFromWord returns the goroutine that a word read from the arena names.
// A program can write any word of the arena, so the word is validated:
// ok is false if its index is outside vm.allgs, if the g has since been reused
// (its generation moved on), or if the goroutine it named has exited.
func gFromWord(vm *vm, w uint64) (gp *g, ok bool) {
	i := uint32(w) - 1 // a zero low half wraps out of range
	if uint64(i) >= uint64(len(vm.allgs)) {
		return nil, false
	}
	gp = vm.allgs[i]
	if gp.gen != uint32(w>>32) || gp.atomicstatus.Load() == _Gdead {
		return nil, false
	}
	return gp, true
}

// gFreeMax is how many dead gs a P keeps; gfput moves half of them to the
// global list when the P's list reaches it, and gfget refills an empty
// P's list with up to half of it.
const gFreeMax = 64

// gfput puts the dead gp on pp's free list. A stack of other than the
// starting size is freed rather than kept for the next goroutine, which
// starts small again.
func gfput(pp *p, gp *g) {
	if gp.atomicstatus.Load() != _Gdead {
		throw("gfput: goroutine is not dead")
	}
	if gp.stack.hi-gp.stack.lo != fixedStack {
		stackfree(pp.m, gp.stack)
		gp.stack = stack{}
		gp.stackguard0.Store(0)
	}
	pp.gFree.push(gp)
	if pp.gFree.n < gFreeMax {
		return
	}
	sched := &pp.vm.sched
	lock(pp.m, &sched.lock)
	for pp.gFree.n >= gFreeMax/2 {
		gp := pp.gFree.pop()
		if gp.stack.lo == 0 {
			sched.gFree.noStack.push(gp)
		} else {
			sched.gFree.stack.push(gp)
		}
	}
	unlock(pp.m, &sched.lock)
}

// gfget takes a dead g from pp's free list for a new goroutine, refilling
// the list from the global one when it is empty; it returns nil when no
// dead g is left anywhere. The g comes with a starting-size stack and its
// generation bumped: no gword made for its last goroutine names it now.
func gfget(mp *m, pp *p) *g {
	sched := &mp.vm.sched
	if pp.gFree.empty() && (!sched.gFree.stack.empty() || !sched.gFree.noStack.empty()) {
		lock(mp, &sched.lock)
		for pp.gFree.n < gFreeMax/2 {
			gp := sched.gFree.stack.pop() // gs with a stack first
			if gp == nil {
				if gp = sched.gFree.noStack.pop(); gp == nil {
					break
				}
			}
			pp.gFree.push(gp)
		}
		unlock(mp, &sched.lock)
	}
	gp := pp.gFree.pop()
	if gp == nil {
		return nil
	}
	if gp.stack.lo == 0 {
		gp.stack = stackalloc(mp, fixedStack)
		gp.stackguard0.Store(gp.stack.hi)
	}
	gp.gen++
	return gp
}

// gcount is the number of live goroutines: every g ever allocated, less
// the dead ones, all of which wait on a free list.
func gcount(vm *vm) int {
	n := len(vm.allgs) - int(vm.sched.gFree.stack.n) - int(vm.sched.gFree.noStack.n)
	for _, pp := range vm.allp {
		n -= int(pp.gFree.n)
	}
	return n
}

// runqput puts gp on pp's local run queue; with next, in runnext, kicking
// the old runnext to the tail.
func runqput(pp *p, gp *g, next bool) {
	if next {
		old := pp.runnext.Swap(gp)
		if old == nil {
			return
		}
		gp = old
	}
	h := pp.runqhead.Load()
	t := pp.runqtail.Load()
	if t-h < uint32(len(pp.runq)) {
		pp.runq[t%uint32(len(pp.runq))] = gp
		pp.runqtail.Store(t + 1)
		return
	}
	runqputslow(pp, gp, h, t)
}

// runqputslow moves half of the full local queue and gp to the global
// queue.
func runqputslow(pp *p, gp *g, h, t uint32) {
	n := (t - h) / 2
	sched := &pp.vm.sched
	lock(pp.m, &sched.lock)
	for i := uint32(0); i < n; i++ {
		sched.runq.pushBack(pp.runq[(h+i)%uint32(len(pp.runq))])
		sched.runqsize++
	}
	pp.runqhead.Store(h + n)
	sched.runq.pushBack(gp)
	sched.runqsize++
	unlock(pp.m, &sched.lock)
}

func runqget(pp *p) *g {
	if gp := pp.runnext.Swap(nil); gp != nil {
		return gp
	}
	h := pp.runqhead.Load()
	t := pp.runqtail.Load()
	if h == t {
		return nil
	}
	gp := pp.runq[h%uint32(len(pp.runq))]
	pp.runqhead.Store(h + 1)
	return gp
}

func globrunqget(mp *m) *g {
	sched := &mp.vm.sched
	lock(mp, &sched.lock)
	defer unlock(mp, &sched.lock)
	gp := sched.runq.pop()
	if gp != nil {
		sched.runqsize--
	}
	return gp
}

func globrunqput(mp *m, gp *g) {
	sched := &mp.vm.sched
	lock(mp, &sched.lock)
	sched.runq.pushBack(gp)
	sched.runqsize++
	unlock(mp, &sched.lock)
}

// schedule runs goroutines until the program exits.
func schedule(mp *m) {
	// again is a dying goroutine (g.dying) that stopped at a safepoint
	// for the collector: it runs on before any other.
	var again *g
	for !mp.vm.exited {
		gp := again
		again = nil
		if gp == nil {
			gp = findRunnable(mp)
		}
		if gp == nil {
			if bgsweep(mp) {
				continue // swept in the idle time: look again
			}
			if sleepUntilTimer(mp) {
				continue // a timer is due: run it
			}
			if sigidle(mp) {
				continue // a signal arrived for a goroutine that waits
			}
			checkdead(mp.vm)
			return
		}
		execute(mp, gp)
		mp.curg = nil
		if mp.parking != nil {
			parkCommit(mp)
		}
		if y := mp.yielding; y != nil && y.dying {
			mp.yielding = nil
			if !y.atomicstatus.CompareAndSwap(_Grunning, _Grunnable) {
				throw("schedule: a yielding goroutine is not running")
			}
			again = y
		} else if y != nil {
			yieldCommit(mp)
		}
	}
}

// findRunnable returns the next goroutine to run, or nil if none can run.
func findRunnable(mp *m) *g {
	pp := mp.p
	checkTimers(mp)
	sigready(mp)
	if vm := mp.vm; len(vm.finq) > 0 && (vm.fing == nil || vm.fingWaiting) {
		wakefing(mp)
	}
	if gp := gcFindWorker(mp, false); gp != nil {
		return gp
	}
	pp.schedtick++
	if pp.schedtick%61 == 0 && mp.vm.sched.runqsize > 0 {
		if gp := globrunqget(mp); gp != nil {
			return gp
		}
	}
	if gp := runqget(pp); gp != nil {
		return gp
	}
	if gp := globrunqget(mp); gp != nil {
		return gp
	}
	// Nothing else can run: the worker marks in the idle time.
	return gcFindWorker(mp, true)
}

// gopark parks gp, the goroutine mp is running: the operation that calls
// it has registered gp where a waker will find it, and returns stStop, so
// the interpreter leaves gp. Only then, in schedule (parkCommit, the real
// park_m), does gp become waiting: a waker can never make runnable a
// goroutine whose M is still on its stack (DESIGN.md §4.1, item 3).
func gopark(mp *m, gp *g, reason string) {
	gp.waitreason = reason
	mp.parking = gp
}

// parkCommit completes the park of the goroutine mp has just left.
func parkCommit(mp *m) {
	gp := mp.parking
	mp.parking = nil
	if !gp.atomicstatus.CompareAndSwap(_Grunning, _Gwaiting) {
		throw("parkCommit: a parking goroutine is not running")
	}
}

// goready makes a parked goroutine runnable, in runnext as the real one
// does, so a woken goroutine runs soon.
func goready(mp *m, gp *g) {
	if !gp.atomicstatus.CompareAndSwap(_Gwaiting, _Grunnable) {
		throw("goready: the goroutine is not waiting")
	}
	runqput(mp.p, gp, true)
}

// gosched yields gp, the goroutine mp is running, whose operation then
// returns stStop. As with gopark, gp becomes runnable, on the global
// queue, only in schedule (yieldCommit, the real gosched_m), once the M
// has left it.
func gosched(mp *m, gp *g) { mp.yielding = gp }

// yieldCommit completes the yield of the goroutine mp has just left.
func yieldCommit(mp *m) {
	gp := mp.yielding
	mp.yielding = nil
	if !gp.atomicstatus.CompareAndSwap(_Grunning, _Grunnable) {
		throw("yieldCommit: a yielding goroutine is not running")
	}
	globrunqput(mp, gp)
}

// goschedPreempt runs at the safepoint instruction spc where gp stopped
// because its time slice is over or because the runtime asked it to stop
// (a GC trigger). A due cycle runs here; then gp yields if its time slice
// is over, and goes on otherwise (stContinue), so a cycle never changes
// the schedule: a program runs the same with the collector's knobs as
// without.
func goschedPreempt(mp *m, gp *g, spc int32) int {
	gp.stopPC = spc + 1
	gcSafepoint(mp, gp)
	if gp.stackguard0.Load() == stackPreempt {
		gp.stackguard0.Store(gp.stack.hi)
	}
	if mp.budget > 0 {
		gp.stopPC = 0
		return stContinue
	}
	gosched(mp, gp)
	return stStop
}

// goexit0 ends gp's goroutine and puts the g on mp's P's free list. Every
// per-goroutine field is cleared here, so that nothing of this goroutine
// (its defer chain, panics, resume state, param, creator) reaches the next
// one or keeps host memory alive; the g keeps only its identity in vm.allgs,
// its generation and its stack.
func goexit0(mp *m, gp *g) {
	if vm := mp.vm; gp == vm.mainG {
		// main.main returned through runtime.main's exit(0), never here;
		// reaching here means main called Goexit.
		vm.mainGoexited = true
		vm.mainG = nil
	}
	gdestroy(gp)
	gfput(mp.p, gp)
}

// gdestroy marks gp dead and resets it to a fresh g's state.
func gdestroy(gp *g) {
	stk, index, gen := gp.stack, gp.index, gp.gen
	*gp = g{stack: stk, index: index, gen: gen}
	gp.stackguard0.Store(stk.hi)
	gp.atomicstatus.Store(_Gdead)
}

// checkdead reports a deadlock: no goroutine can run, and none will be
// woken (gort has no timers, syscalls or network yet that could wake one).
func checkdead(vm *vm) {
	if vm.exited {
		return
	}
	if vm.mainGoexited {
		alive := false
		for _, gp := range vm.allgs {
			if s := gp.atomicstatus.Load(); s != _Gdead && !gp.system {
				alive = true
			}
		}
		if !alive {
			fatal("no goroutines (main called runtime.Goexit) - deadlock!")
		}
	}
	fatal("all goroutines are asleep - deadlock!")
}

// setExit ends the program with status code.
func setExit(vm *vm, code int) {
	if !vm.exited {
		vm.exited = true
		vm.exitCode = code
	}
}

// fatal reports a condition the program caused that cannot be recovered
// (a deadlock, concurrent map writes, a runaway stack), in the real
// fatal's words: Run prints "fatal error: msg" and the traceback, of the
// running goroutine or, when none is running, of every goroutine. It ends
// the VM and does not return.
func fatal(msg string) { panic(fatalError{msg: msg}) }

// throw reports a bug in gort itself: a state that the runtime's own
// invariants exclude whatever the program does. The program's words reach
// the runtime only through validated accessors, which fault, so a throw is
// never the program's fault. Run prints it with the VM traceback and ends
// the VM; GODEBUG=gortpanic=1 adds the host stack.
func throw(msg string) { panic(internalError{msg}) }

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
