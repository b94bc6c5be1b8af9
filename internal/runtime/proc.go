package runtime

import (
	"container/heap"
	"io"
	"os"
	goruntime "runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

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
	Arena *arena.Arena
	Args  []string // os.Args of the program
	Env   []string // the environment it sees (os.Environ), "key=value" each
	Seed  uint64   // every random choice of the run derives from it
	// Parallel runs the program on as many Ms as it can use, with
	// GOMAXPROCS Ps (Procs if not 0, else the program's GOMAXPROCS
	// variable, else the host's CPU count as its runtime counts it,
	// cgroup limits included) and sysmon, as the binary gc builds does.
	// Otherwise the run is deterministic: one M, one P, preemption by a
	// count of calls and back edges, so the same Seed replays it.
	Parallel bool
	Procs    int
	Stdout   io.Writer // file descriptor 1 of the program
	Stderr   io.Writer // where print and println, panics and fatal errors go (fd 2)
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
	defer closeHostFds(vm)
	defer func() {
		if r := recover(); r != nil {
			if !mp.holdsRT {
				mp.lockRT()
			}
			status = ended(mp, r)
		}
		if mp.holdsRT {
			waitMs(mp)
			mp.unlockRT()
		}
		status = vm.exitCode
	}()
	mp.lockRT()
	// The image is written: from here on its read-only data is.
	vm.mem.SetReadOnly(p.RODataEnd)
	vm.mem.SetInUse(p.HeapStart)
	if err := bindNatives(vm); err != nil {
		io.WriteString(vm.stderr, err.Error()+"\n")
		return 2, vm
	}
	schedinit(vm, opts)
	initsig(vm)
	defer sigexit(vm)
	acquirep(mp, pidleget(vm))
	// The real rt0 queues runtime.main with newproc; gort's runtime.main
	// takes arguments that the host builds, so they are written straight
	// into its frame.
	vm.mainG = newproc1(mp, nil, p.Funcs[p.RuntimeMain], 0, 0, 0)
	mainArgs(mp, vm.mainG.fp)
	runqput(mp.p, vm.mainG, true)
	if vm.parallel {
		go sysmon(vm)
	}
	schedule(mp)
	flushOutput(vm)
	return vm.exitCode, vm
}

// schedinit initialises the runtime in the real order, for the parts gort
// has: lock ranks, the heap, hash seeds, the itab table, GODEBUG, and
// procresize.
func schedinit(vm *vm, opts Options) {
	vm.sched.lock.rank = lockRankSched
	mcommoninit(vm, &vm.m0)
	mallocinit(&vm.mheap, vm.mem, vm.prog.HeapStart)
	gcinit(vm)
	parseGODEBUG(vm, vm.getenv("GODEBUG"))
	itabsinit(vm)
	procs := int32(1)
	if vm.parallel {
		procs = int32(goruntime.GOMAXPROCS(0))
		if n, err := strconv.Atoi(vm.getenv("GOMAXPROCS")); err == nil && n > 0 {
			procs = int32(n)
		}
		if opts.Procs > 0 {
			procs = int32(opts.Procs)
		}
		procs = min(procs, maxProcs)
	}
	procresize(vm, nil, procs)
	vm.zerobase = vm.prog.ZeroBase
}

// procsSetting is what runtime.GOMAXPROCS reports: the number of Ps, or
// in deterministic mode the last setting (one P runs it all).
func (vm *vm) procsSetting() int32 {
	if !vm.parallel && vm.procsRecorded > 0 {
		return vm.procsRecorded
	}
	return vm.gomaxprocs
}

// maxProcs bounds GOMAXPROCS, as the real runtime's _MaxGomaxprocs.
const maxProcs = 1024

// mcommoninit gives a new M its id and note and counts it.
func mcommoninit(vm *vm, mp *m) {
	mp.vm = vm
	mp.id = int64(vm.sched.mcount)
	mp.wake = make(chan struct{}, 1)
	vm.sched.mcount++
	vm.allm = append(vm.allm, mp)
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
			case "schedtrace":
				n, _ := strconv.ParseInt(v, 10, 32)
				vm.debug.schedtrace = max(n, 0) * 1e6
			case "scheddetail":
				vm.debug.scheddetail = v == "1"
			}
		}
	}
}

// procresize makes the number of Ps n, with the world stopped (or before
// it starts, mp nil), as the real one: new Ps are made idle, Ps past n give
// their goroutines to the global queue, their timers to P 0 and their
// cached spans back, and stop (they are kept, dead, for a later increase).
// mp's P stays its own if it survives, else mp takes P 0.
func procresize(vm *vm, mp *m, n int32) {
	for i := int32(len(vm.allp)); i < n; i++ {
		pp := &p{id: i, vm: vm, mcache: &mcache{heap: &vm.mheap}, status: _Pgcstop}
		pp.rand.state = vm.seed*0x9e3779b97f4a7c15 + uint64(i) + 1
		pp.mcache.memProfRate = vm.memProfileRate()
		pp.mcache.nextSample = nextSample(pp.mcache.memProfRate, &pp.rand)
		vm.allp = append(vm.allp, pp)
	}
	for _, pp := range vm.allp[n:] {
		if pp.status == _Pdead {
			continue
		}
		for gp := runqget(pp); gp != nil; gp = runqget(pp) {
			globrunqputLocked(vm, gp)
		}
		for len(pp.timers) > 0 {
			t := heap.Pop(&pp.timers).(*timer)
			t.add(vm.allp[0])
		}
		pp.mcache.releaseAll()
		switch {
		case mp != nil && pp == mp.p:
			releasep(mp)
		case pp.m != nil:
			// An M stopped for the world holds it: it finds itself
			// without a P when the world starts (gcstopHere).
			pp.m.p, pp.m = nil, nil
		case pp.status == _Pidle:
			pidleremove(vm, pp)
		}
		pp.status = _Pdead
	}
	vm.gomaxprocs = n
	if mp != nil && mp.p == nil {
		for _, pp := range vm.allp[:n] {
			if pp.m == nil && pp.status != _Psyscall {
				pp.status = _Pidle
				acquirep(mp, pp)
				break
			}
		}
	}
	// Every live P not held becomes idle.
	vm.sched.pidle = nil
	vm.sched.npidle.Store(0)
	for i := n - 1; i >= 0; i-- {
		if pp := vm.allp[i]; pp.m == nil && pp.status != _Psyscall {
			pp.status = _Pidle
			pidleput(vm, pp)
		}
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
	wakep(mp)
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
// the old runnext to the tail. Only pp's M puts to its queue; stealers
// take from its head (runqgrab), so the tail is a plain store published
// by the atomic one.
func runqput(pp *p, gp *g, next bool) {
	if next {
		old := pp.runnext.Swap(gp)
		if old == nil {
			return
		}
		gp = old
	}
	for {
		h := pp.runqhead.Load()
		t := pp.runqtail.Load()
		if t-h < uint32(len(pp.runq)) {
			pp.runq[t%uint32(len(pp.runq))] = gp
			pp.runqtail.Store(t + 1)
			return
		}
		if runqputslow(pp, gp, h, t) {
			return
		}
		// A stealer took some: the queue has room now.
	}
}

// runqputslow moves half of the full local queue and gp to the global
// queue. It fails if a stealer moved the head meanwhile.
func runqputslow(pp *p, gp *g, h, t uint32) bool {
	n := (t - h) / 2
	var batch [len(p{}.runq)/2 + 1]*g
	for i := uint32(0); i < n; i++ {
		batch[i] = pp.runq[(h+i)%uint32(len(pp.runq))]
	}
	if !pp.runqhead.CompareAndSwap(h, h+n) {
		return false
	}
	batch[n] = gp
	vm := pp.vm
	lock(pp.m, &vm.sched.lock)
	for _, gp := range batch[:n+1] {
		globrunqputLocked(vm, gp)
	}
	unlock(pp.m, &vm.sched.lock)
	return true
}

// runqget takes the next goroutine of pp's queue: runnext first, then
// the head, by CAS since a stealer may take it at the same time.
func runqget(pp *p) *g {
	if gp := pp.runnext.Load(); gp != nil && pp.runnext.CompareAndSwap(gp, nil) {
		return gp
	}
	for {
		h := pp.runqhead.Load()
		t := pp.runqtail.Load()
		if h == t {
			return nil
		}
		gp := pp.runq[h%uint32(len(pp.runq))]
		if pp.runqhead.CompareAndSwap(h, h+1) {
			return gp
		}
	}
}

// runqempty reports whether pp has no goroutine queued.
func runqempty(pp *p) bool {
	return pp.runqhead.Load() == pp.runqtail.Load() && pp.runnext.Load() == nil
}

// runqsteal moves half of victim's queue to pp's and returns one of them
// to run, as the real runqsteal: the victim's runnext is taken last, only
// when its queue is empty, since the victim is about to run it.
func runqsteal(pp, victim *p) *g {
	t := pp.runqtail.Load()
	for {
		h := victim.runqhead.Load()
		vt := victim.runqtail.Load()
		n := vt - h
		n -= n / 2
		if n == 0 {
			next := victim.runnext.Load()
			if next == nil || !victim.runnext.CompareAndSwap(next, nil) {
				return nil
			}
			return next
		}
		if n > uint32(len(victim.runq))/2 {
			continue // an inconsistent snapshot: read again
		}
		for i := uint32(0); i < n; i++ {
			pp.runq[(t+i)%uint32(len(pp.runq))] = victim.runq[(h+i)%uint32(len(victim.runq))]
		}
		if !victim.runqhead.CompareAndSwap(h, h+n) {
			continue
		}
		n--
		gp := pp.runq[(t+n)%uint32(len(pp.runq))]
		if n > 0 {
			pp.runqtail.Store(t + n)
		}
		return gp
	}
}

func globrunqget(mp *m) *g {
	sched := &mp.vm.sched
	if sched.runqsize == 0 {
		return nil
	}
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
	globrunqputLocked(mp.vm, gp)
	unlock(mp, &sched.lock)
}

func globrunqputLocked(vm *vm, gp *g) {
	vm.sched.runq.pushBack(gp)
	vm.sched.runqsize++
}

// schedule runs goroutines on mp until the program exits.
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
			return // the program is over
		}
		// An M that was looking for work found some: another M looks
		// for more.
		resetspinning(mp)
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

// findRunnable returns the next goroutine for mp to run, waiting for one
// if there is none: it returns nil only once the program is over. In
// order: timers, the finalizer goroutine, the collector's worker, the
// global queue every 61st tick, the local queue, the global queue, then
// (with more than one P) other Ps' timers and queues; then mp's P goes
// idle and mp sleeps until there is work.
func findRunnable(mp *m) *g {
	vm := mp.vm
top:
	if vm.exited {
		return nil
	}
	if mp.p == nil {
		stopm(mp)
		goto top
	}
	if vm.sched.gcwaiting.Load() {
		gcstopHere(mp)
		goto top
	}
	pp := mp.p
	if !vm.parallel {
		maybeSchedtrace(vm)
	}
	checkTimers(mp, pp)
	netpollSysmon(mp)
	sigready(mp)
	if len(vm.finq) > 0 && (vm.fing == nil || vm.fingWaiting) {
		wakefing(mp)
	}
	if gp := gcFindWorker(mp, false); gp != nil {
		return gp
	}
	pp.schedtick++
	if pp.schedtick%61 == 0 && vm.sched.runqsize > 0 {
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
	if gp := netpollFindRunnable(mp); gp != nil {
		return gp
	}
	if vm.parallel {
		if gp := stealWork(mp); gp != nil {
			return gp
		}
	}
	// Nothing else can run: the worker marks in the idle time.
	if gp := gcFindWorker(mp, true); gp != nil {
		return gp
	}
	if bgsweep(mp) {
		goto top // swept in the idle time: look again
	}
	if !vm.parallel {
		if netpollIdle(mp) {
			goto top // polled the network until an event or a timer
		}
		if sleepUntilTimer(mp) {
			goto top // a timer is due: run it
		}
		if sigidle(mp) {
			goto top // a signal arrived for a goroutine that waits
		}
		checkdead(vm)
		return nil
	}
	// mp's P goes idle, and mp sleeps until it is handed one (stopm). A
	// goroutine made runnable since the queues were looked at woke an
	// idle M through wakep, or is found by the check below.
	releasep(mp)
	pidleput(vm, pp)
	for _, p2 := range vm.allp[:vm.gomaxprocs] {
		if !runqempty(p2) || vm.sched.runqsize > 0 {
			if pp := pidleget(vm); pp != nil {
				acquirep(mp, pp)
				goto top
			}
			break
		}
	}
	stopm(mp)
	goto top
}

// stealWork looks at the other Ps, in a random order that the P's source
// draws: it runs their due timers, and takes half of the first non-empty
// run queue (runqsteal). At most half of the busy Ps' Ms look at once
// (the real spinning limit), so stealing does not swamp the queues.
func stealWork(mp *m) *g {
	vm := mp.vm
	pp := mp.p
	n := uint32(vm.gomaxprocs)
	if n == 1 {
		return nil
	}
	start := pp.rand.uint32n(n)
	for i := uint32(0); i < n; i++ {
		victim := vm.allp[(start+i)%n]
		if victim == pp {
			continue
		}
		checkTimers(mp, victim)
		if gp := runqget(pp); gp != nil {
			return gp // a timer of the victim made one runnable here
		}
		if gp := runqsteal(pp, victim); gp != nil {
			return gp
		}
	}
	return nil
}

// gopark parks gp, the goroutine mp is running: the operation that calls
// it has registered gp where a waker will find it, and returns stStop, so
// the interpreter leaves gp. Only then, in schedule (parkCommit, the real
// park_m), does gp become waiting: a waker can never make runnable a
// goroutine whose M is still on its stack (DESIGN.md §4.1, item 3).
func gopark(mp *m, gp *g, reason string) {
	if mp.yielding != nil || mp.parking != nil || gp != mp.curg {
		throw("gopark: the M is already leaving its goroutine (" + reason + ")")
	}
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
// does, so a woken goroutine runs soon, and wakes an idle P for it.
func goready(mp *m, gp *g) {
	if !gp.atomicstatus.CompareAndSwap(_Gwaiting, _Grunnable) {
		throw("goready: the goroutine is not waiting")
	}
	runqput(mp.p, gp, true)
	wakep(mp)
}

// gosched yields gp, the goroutine mp is running, whose operation then
// returns stStop. As with gopark, gp becomes runnable, on the global
// queue, only in schedule (yieldCommit, the real gosched_m), once the M
// has left it.
func gosched(mp *m, gp *g) {
	if mp.yielding != nil || mp.parking != nil || gp != mp.curg {
		throw("gosched: the M is already leaving its goroutine")
	}
	mp.yielding = gp
}

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
// (a GC trigger, a stop-the-world, the end of the program, sysmon's
// preemption). A stop-the-world stops the M here, and a due cycle runs
// here; then gp yields if its time slice is over (in deterministic mode a
// count of calls and back edges, else sysmon's 10 ms: gp.preempt), and
// goes on otherwise (stContinue), so a cycle never changes the schedule:
// a program runs the same with the collector's knobs as without.
func goschedPreempt(mp *m, gp *g, spc int32) int {
	gp.stopPC = spc + 1
	vm := mp.vm
	if vm.sched.gcwaiting.Load() && !gcstopHere(mp) {
		gosched(mp, gp) // GOMAXPROCS took mp's P: gp runs on another
		return stStop
	}
	if vm.exited {
		return stStop // the program is over: nothing of it runs past here
	}
	gcSafepoint(mp, gp)
	if gp.stackguard0.Load() == stackPreempt {
		gp.stackguard0.Store(gp.stack.hi)
	}
	if mp.budget > 0 && !gp.preempt {
		gp.stopPC = 0
		return stContinue
	}
	gp.preempt = false
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
// woken. With several Ms it runs when an M goes idle: while another M runs
// Go code, or waits in a system call, or a timer is pending, the program
// can still go on (the real checkdead's count of running Ms). Goroutines
// waiting in the network poller are no deadlock: a descriptor may become
// ready.
func checkdead(vm *vm) {
	if vm.exited || netpollWaiting(vm) {
		return
	}
	if vm.parallel {
		if vm.sched.mcount-vm.sched.nmidle-vm.sched.nmsys > 0 || vm.sig.recvG != nil {
			return // sysmon hands a signal to an idle M (sigwake)
		}
		if _, ok := nextTimer(vm); ok {
			return
		}
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

// setExit ends the program with status code. The other Ms stop: idle
// ones are woken to leave, and running goroutines are asked to stop at
// their next safepoint, past which none runs (goschedPreempt), and no
// system call is made once the program is over.
func setExit(vm *vm, code int) {
	if vm.exited {
		return
	}
	vm.exited = true
	vm.exitCode = code
	if !vm.parallel {
		return
	}
	for _, mp := range vm.allm {
		if gp := mp.curg; gp != nil {
			gp.stackguard0.Store(stackPreempt)
		}
		notewakeup(mp)
	}
	if vm.sched.polling {
		netpollBreak(vm)
	}
	vm.rt.cond.Broadcast()
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

// Ms and Ps. An M is a host goroutine locked to its OS thread, running
// schedule with a P; idle Ms sleep on their note (m.wake) on sched.midle,
// idle Ps wait on sched.pidle. A goroutine made runnable while a P is idle
// and no M is spinning starts an M on that P (wakep), which spins: it
// looks for work to steal, and when it finds some wakes the next.

// acquirep makes pp mp's P.
func acquirep(mp *m, pp *p) {
	if pp.m != nil || mp.p != nil {
		throw("acquirep: the P or the M is taken")
	}
	mp.p, pp.m = pp, mp
	pp.status = _Prunning
}

// releasep takes mp's P from it.
func releasep(mp *m) *p {
	pp := mp.p
	mp.p, pp.m = nil, nil
	pp.status = _Pidle
	return pp
}

// pidleput puts pp on the idle list.
func pidleput(vm *vm, pp *p) {
	pp.status = _Pidle
	pp.link = vm.sched.pidle
	vm.sched.pidle = pp
	vm.sched.npidle.Add(1)
	if vm.parallel {
		vm.rt.cond.Broadcast() // an M may wait for a P (stopTheWorld)
	}
}

// pidleget takes a P off the idle list, or returns nil. No P is handed
// out while the world is being stopped.
func pidleget(vm *vm) *p {
	pp := vm.sched.pidle
	if pp == nil || vm.sched.gcwaiting.Load() {
		return nil
	}
	vm.sched.pidle = pp.link
	pp.link = nil
	vm.sched.npidle.Add(-1)
	return pp
}

// pidleremove takes pp, which is idle, off the idle list.
func pidleremove(vm *vm, pp *p) {
	for l := &vm.sched.pidle; *l != nil; l = &(*l).link {
		if *l == pp {
			*l = pp.link
			pp.link = nil
			vm.sched.npidle.Add(-1)
			return
		}
	}
	throw("pidleremove: the P is not idle")
}

// notewakeup wakes mp if it sleeps on its note (or makes its next sleep
// return at once).
func notewakeup(mp *m) {
	select {
	case mp.wake <- struct{}{}:
	default:
	}
}

// stopm puts mp, which has no P, on the idle list and sleeps until an M
// hands it a P (startm) or the program ends. The idle M that finds timers
// pending and no other M waiting for them sleeps only until the first is
// due, then takes an idle P, if any, to run it; the deadlock check runs
// as the last M goes idle.
func stopm(mp *m) {
	vm := mp.vm
	if mp.p != nil {
		throw("stopm: the M holds a P")
	}
	if mp.spinning {
		mp.spinning = false
		vm.sched.nmspinning.Add(-1)
	}
	if netpollWaiting(vm) && !vm.sched.polling {
		// Goroutines wait in the poller and no M blocks in it: mp
		// does, until a descriptor is ready or the first timer is due
		// (the real findRunnable's blocking netpoll).
		pollm(mp)
		return
	}
	mp.schedlink = vm.sched.midle
	vm.sched.midle = mp
	vm.sched.nmidle++
	checkdead(vm)
	var timeout <-chan time.Time
	var timer *time.Timer
	if when, ok := nextTimer(vm); ok && vm.sched.timerSleeper == nil {
		vm.sched.timerSleeper, vm.sched.sleepUntil = mp, when
		timer = time.NewTimer(time.Duration(max(when-nanotime(vm), 0)))
		timeout = timer.C
	}
	mp.unlockRT()
	select {
	case <-mp.wake:
	case <-timeout:
	}
	if timer != nil {
		timer.Stop()
	}
	mp.lockRT()
	if vm.sched.timerSleeper == mp {
		vm.sched.timerSleeper = nil
	}
	select {
	case <-mp.wake: // a wakeup that crossed the timeout
	default:
	}
	if pp := mp.nextp; pp != nil {
		// startm took mp off the idle list and gave it pp.
		mp.nextp = nil
		acquirep(mp, pp)
		return
	}
	// A timeout or the end of the program: mp leaves the idle list, and
	// takes an idle P if there is one.
	mremove(vm, mp)
	if pp := pidleget(vm); pp != nil {
		acquirep(mp, pp)
	}
}

// pollm is stopm's sleep in the network poller: mp, without a P, blocks
// in netpoll (the runtime lock let go meanwhile) until the first timer is
// due; then it takes an idle P for the goroutines the poll made ready, or
// queues them globally if there is none.
func pollm(mp *m) {
	vm := mp.vm
	vm.sched.polling = true
	delay := int64(-1)
	if when, ok := nextTimer(vm); ok {
		delay = max(when-nanotime(vm), 0)
		vm.sched.pollUntil = when
	}
	list := netpoll(mp, delay)
	vm.sched.polling, vm.sched.pollUntil = false, 0
	if pp := pidleget(vm); pp != nil {
		acquirep(mp, pp)
		injectglist(mp, &list)
		return
	}
	for gp := list.pop(); gp != nil; gp = list.pop() {
		if !gp.atomicstatus.CompareAndSwap(_Gwaiting, _Grunnable) {
			throw("pollm: a polled goroutine is not waiting")
		}
		globrunqput(mp, gp)
	}
}

// mget takes an M off the idle list, or returns nil.
func mget(vm *vm) *m {
	mp := vm.sched.midle
	if mp != nil {
		vm.sched.midle = mp.schedlink
		mp.schedlink = nil
		vm.sched.nmidle--
	}
	return mp
}

// mremove takes mp off the idle list if it is on it.
func mremove(vm *vm, mp *m) {
	for l := &vm.sched.midle; *l != nil; l = &(*l).schedlink {
		if *l == mp {
			*l = mp.schedlink
			mp.schedlink = nil
			vm.sched.nmidle--
			return
		}
	}
}

// startm runs pp (an idle P if nil; if there is none, nothing happens) on
// an idle M, or on a new one. spinning marks the M as looking for work,
// counted in nmspinning by the caller.
func startm(mp *m, pp *p, spinning bool) {
	vm := mp.vm
	if pp == nil {
		if pp = pidleget(vm); pp == nil {
			if spinning {
				vm.sched.nmspinning.Add(-1)
			}
			return
		}
	}
	nmp := mget(vm)
	if nmp == nil {
		nmp = newm(vm)
	}
	nmp.spinning = spinning
	nmp.nextp = pp
	notewakeup(nmp)
}

// wakep starts a spinning M on an idle P when a goroutine has become
// runnable and no M is looking for work already.
func wakep(mp *m) {
	vm := mp.vm
	if !vm.parallel || vm.sched.npidle.Load() == 0 || vm.sched.nmspinning.Load() != 0 ||
		!vm.sched.nmspinning.CompareAndSwap(0, 1) {
		return
	}
	startm(mp, nil, true)
}

// resetspinning ends mp's spinning once it found work, and wakes another
// M to look for more: the real runtime's chain of spinning Ms.
func resetspinning(mp *m) {
	if !mp.spinning {
		return
	}
	mp.spinning = false
	mp.vm.sched.nmspinning.Add(-1)
	wakep(mp)
}

// newm makes an M, which starts idle (as if stopped) and waits for the
// P its starter hands it.
func newm(vm *vm) *m {
	mp := &m{}
	mcommoninit(vm, mp)
	go mstart(mp)
	return mp
}

// mstart is an M's host goroutine: the thread of a VM's M, running
// schedule until the program ends. Whatever ends it (a fault, a fatal
// error, a bug in gort) is reported as Run reports it on m0.
func mstart(mp *m) {
	goruntime.LockOSThread()
	vm := mp.vm
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if !mp.holdsRT {
				mp.lockRT()
			}
			ended(mp, r)
		}
		if mp.holdsRT {
			mp.exitm()
			mp.unlockRT()
		}
	}()
	mp.lockRT()
	for mp.nextp == nil && !vm.exited {
		mp.unlockRT()
		<-mp.wake
		mp.lockRT()
	}
	if pp := mp.nextp; pp != nil {
		mp.nextp = nil
		acquirep(mp, pp)
	}
	schedule(mp)
}

// exitm is an M's end, once the program is over: it lets its P go, and
// the M waiting in Run counts one M less.
func (mp *m) exitm() {
	vm := mp.vm
	if mp.p != nil {
		releasep(mp)
	}
	mremove(vm, mp)
	vm.sched.mexited++
	vm.rt.cond.Broadcast()
}

// waitMs is Run's end in m0: it waits for every other M to leave the
// program, except those blocked in a system call, which leave when the
// call returns without touching the VM again (exitsyscall).
func waitMs(mp *m) {
	vm := mp.vm
	if !vm.parallel {
		return
	}
	setExit(vm, vm.exitCode) // no-op if over; else (a host panic in m0) stop the rest
	for vm.sched.mcount-vm.sched.nmsys-1-vm.sched.mexited-vm.sched.nsyscall > 0 {
		mp.waitRT()
	}
}

// Stopping the world. The stopper, holding the runtime lock at a
// safepoint of its goroutine, sets gcwaiting and asks every running
// goroutine to stop; idle Ps and those in system calls are stopped at
// once, and each M running a P stops at its goroutine's next safepoint or
// its next look for work (gcstopHere), keeping its P and its goroutine, so
// the world's stop changes no goroutine's place in the schedule. The
// stopper waits until sched.stopwait is zero: then no other M runs
// anything, and every goroutine's registers are saved in its g.

// stopTheWorld stops every other P. If another M is stopping the world,
// mp stops for it first and then stops the world itself.
func stopTheWorld(mp *m) {
	vm := mp.vm
	if !vm.parallel {
		return
	}
	for vm.sched.gcwaiting.Load() && !vm.exited {
		if !gcstopHere(mp) {
			// GOMAXPROCS took mp's P: mp waits for an idle one.
			for mp.p == nil && !vm.exited {
				if pp := pidleget(vm); pp != nil {
					acquirep(mp, pp)
				} else {
					mp.waitRT()
				}
			}
		}
	}
	// The idle Ps stop at once. A P taken off the idle list for an M
	// that has not started on it yet counts as running: its M stops as
	// soon as it looks for work.
	for pp := pidleget(vm); pp != nil; pp = pidleget(vm) {
		pp.status = _Pgcstop
	}
	vm.sched.gcwaiting.Store(true)
	vm.sched.stopwait = 0
	for _, pp := range vm.allp[:vm.gomaxprocs] {
		switch {
		case pp == mp.p, pp.status == _Pgcstop:
		case pp.status == _Psyscall:
			pp.status = _Pgcstop
		default:
			vm.sched.stopwait++
			if pp.m != nil && pp.m.curg != nil {
				pp.m.curg.stackguard0.Store(stackPreempt)
			}
		}
	}
	for vm.sched.stopwait > 0 && !vm.exited {
		mp.waitRT()
	}
}

// startTheWorld lets the stopped Ps run again: those whose M stopped
// holding them go on, the others become idle, and an M is woken for them
// if there is work.
func startTheWorld(mp *m) {
	vm := mp.vm
	if !vm.parallel {
		return
	}
	vm.sched.gcwaiting.Store(false)
	for _, pp := range vm.allp[:vm.gomaxprocs] {
		if pp == mp.p || pp.status != _Pgcstop {
			continue
		}
		if pp.m != nil {
			pp.status = _Prunning
		} else {
			pidleput(vm, pp)
		}
	}
	vm.rt.cond.Broadcast()
	wakep(mp)
}

// gcstopHere stops mp for a stop-the-world, where mp's goroutine (if any)
// is at a safepoint with its registers saved: mp keeps its P, marked
// stopped, until startTheWorld sets it running again. It reports false if
// mp lost its P meanwhile (GOMAXPROCS removed it).
func gcstopHere(mp *m) bool {
	vm := mp.vm
	pp := mp.p
	pp.status = _Pgcstop
	mp.gcstopped = true
	if vm.sched.stopwait--; vm.sched.stopwait == 0 {
		vm.rt.cond.Broadcast()
	}
	for pp.status == _Pgcstop && !vm.exited {
		mp.waitRT()
	}
	mp.gcstopped = false
	return mp.p != nil
}

// scannable reports whether gp's stack may be read now, by the M that
// holds the runtime lock: gp is not running, or its M is that one (gp is
// stopped where it called the runtime), or its M is stopped for the world.
func scannable(gp *g) bool {
	if gp.atomicstatus.Load() != _Grunning {
		return true
	}
	mp := gp.m
	return mp == nil || mp.holdsRT || mp.gcstopped
}

// schedtrace prints the scheduler's state in the real runtime's format
// (GODEBUG=schedtrace=N: every N ms, from sysmon or, in deterministic
// mode, from the scheduler's search for work; scheddetail=1 adds every P,
// M and G).
func schedtrace(vm *vm, detailed bool) {
	now := nanotime(vm)
	sched := &vm.sched
	line := "SCHED " + itoa(now/1e6) + "ms: gomaxprocs=" + itoa(int64(vm.gomaxprocs)) +
		" idleprocs=" + itoa(int64(sched.npidle.Load())) + " threads=" + itoa(int64(sched.mcount)) +
		" spinningthreads=" + itoa(int64(sched.nmspinning.Load())) + " needspinning=0 idlethreads=" +
		itoa(int64(sched.nmidle)) + " runqueue=" + itoa(int64(sched.runqsize))
	if detailed {
		line += " gcwaiting=" + strconv.FormatBool(sched.gcwaiting.Load()) + " nmidlelocked=0 stopwait=" +
			itoa(int64(sched.stopwait)) + " sysmonwait=false\n"
	}
	ps := vm.allp[:vm.gomaxprocs]
	for i, pp := range ps {
		n := int64(pp.runqtail.Load() - pp.runqhead.Load())
		if detailed {
			m := "nil"
			if pp.m != nil {
				m = itoa(pp.m.id)
			}
			line += "  P" + itoa(int64(i)) + ": status=" + itoa(int64(pp.status)) + " schedtick=" + itoa(int64(pp.schedtick)) +
				" syscalltick=" + itoa(int64(pp.syscalltick)) + " m=" + m + " runqsize=" + itoa(n) +
				" gfreecnt=" + itoa(int64(pp.gFree.n)) + " timerslen=" + itoa(int64(len(pp.timers))) + "\n"
			continue
		}
		if i == 0 {
			line += " ["
		}
		line += " " + itoa(n)
		if i == len(ps)-1 {
			line += " ]"
		}
	}
	if !detailed {
		line += " schedticks=[ "
		for _, pp := range ps {
			line += itoa(int64(pp.schedtick)) + " "
		}
		printstr(vm, line+"]\n")
		flushOutput(vm)
		return
	}
	for _, mp := range vm.allm {
		p, curg := "nil", "nil"
		if mp.p != nil {
			p = itoa(int64(mp.p.id))
		}
		if mp.curg != nil {
			curg = itoa(mp.curg.goid)
		}
		line += "  M" + itoa(mp.id) + ": p=" + p + " curg=" + curg + " mallocing=0 throwing=0 preemptoff= locks=" +
			itoa(int64(mp.nlocksHeld)) + " dying=0 spinning=" + strconv.FormatBool(mp.spinning) + " blocked=" +
			strconv.FormatBool(mp.schedlink != nil || vm.sched.midle == mp) + " lockedg=nil\n"
	}
	for _, gp := range vm.allgs {
		st := gp.atomicstatus.Load()
		if st == _Gdead {
			continue
		}
		m := "nil"
		if gp.m != nil && (st == _Grunning || st == _Gsyscall) {
			m = itoa(gp.m.id)
		}
		reason := ""
		if st == _Gwaiting {
			reason = gp.waitreason
		}
		line += "  G" + itoa(gp.goid) + ": status=" + itoa(int64(st)) + "(" + reason + ") m=" + m + " lockedm=nil\n"
	}
	printstr(vm, line)
	flushOutput(vm)
}

// maybeSchedtrace prints the trace if its period has passed.
func maybeSchedtrace(vm *vm) {
	if vm.debug.schedtrace <= 0 {
		return
	}
	if now := nanotime(vm); vm.lastSchedtrace == 0 || now-vm.lastSchedtrace >= vm.debug.schedtrace {
		vm.lastSchedtrace = now
		schedtrace(vm, vm.debug.scheddetail)
	}
}
