package runtime

import (
	"os"
	"strconv"

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

var (
	prog     *bytecode.Program
	natives  []nativeFunc
	sched    schedt
	allgs    []*g
	allp     []*p
	m0       m
	exitCode int
	exited   bool
	// moveStackEveryCall is GODEBUG=gortmovestack=1: every call moves the
	// goroutine's stack, to test that nothing holds a stale stack address.
	moveStackEveryCall bool
	runSeed            uint64
	mainG              *g
)

// Options configure one run.
type Options struct {
	Args []string // os.Args of the program
	Seed uint64
}

// Run boots the program image and runs it to completion, returning the
// process exit status. It follows the real boot path: schedinit, newproc
// of runtime.main, mstart, schedule.
func Run(p *bytecode.Program, opts Options) int {
	prog = p
	arena.SetReadOnly(p.RODataEnd)
	runSeed = opts.Seed
	if err := bindNatives(); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 2
	}
	schedinit()
	mp := &m0
	mp.p = allp[0]
	allp[0].m = mp
	newproc(mp, nil, prog.Funcs[prog.RuntimeMain], mainArgs(mp))
	mainG = allgs[0]
	schedule(mp)
	flushOutput()
	return exitCode
}

// schedinit initialises the runtime in the real order, for the parts gort
// has: lock ranks, the heap, hash seeds, the itab table, GODEBUG, and
// procresize.
func schedinit() {
	sched.lock.rank = lockRankSched
	mallocinit(prog.HeapStart)
	parseGODEBUG(os.Getenv("GODEBUG"))
	itabsinit()
	procresize(1)
	zerobase = prog.ZeroBase
}

// m0withP lets schedinit allocate before m0 owns a P.
var m0withP m

func parseGODEBUG(s string) {
	for len(s) > 0 {
		kv := s
		if i := indexByte(s, ','); i >= 0 {
			kv, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if i := indexByte(kv, '='); i >= 0 {
			k, v := kv[:i], kv[i+1:]
			switch k {
			case "gortmovestack":
				moveStackEveryCall = v == "1"
			case "gortgctrigger":
				gcTriggerEveryAlloc = v == "1"
			}
		}
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// procresize creates the Ps.
func procresize(n int32) {
	for i := int32(len(allp)); i < n; i++ {
		pp := &p{id: i, mcache: &mcache{}}
		pp.rand.state = runSeed*0x9e3779b97f4a7c15 + uint64(i) + 1
		allp = append(allp, pp)
	}
	m0withP.p = allp[0]
}

// mainArgs lays out runtime.main's arguments: the init functions as a
// []func() and main.main as a func().
func mainArgs(mp *m) []byte {
	n := len(prog.InitFuncs)
	var arr uintptr
	if n > 0 {
		arr = mallocgc(mp, uintptr(8*n), conservativeType("[]func()", uintptr(8*n)))
		for i, fi := range prog.InitFuncs {
			arena.Store64(arr+uintptr(8*i), uint64(prog.FuncVal[fi]))
		}
	}
	args := make([]byte, 32)
	putWord(args[0:], uint64(arr))
	putWord(args[8:], uint64(n))
	putWord(args[16:], uint64(n))
	putWord(args[24:], uint64(prog.FuncVal[prog.MainMain]))
	return args
}

func putWord(b []byte, v uint64) {
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

// newproc creates a goroutine running fn with the given argument block
// (ABI0 layout) and closure context, and puts it on the current P's
// runnext, as the real newproc does.
func newproc(mp *m, parent *g, fn *bytecode.Func, args []byte) *g {
	return newproc1(mp, parent, fn, args, 0)
}

func newproc1(mp *m, parent *g, fn *bytecode.Func, args []byte, ctxt uintptr) *g {
	need := uintptr(fn.FrameSize) + bytecode.HeaderSize
	size := uintptr(fixedStack)
	for size < need+bytecode.HeaderSize {
		size *= 2
	}
	gp := &g{stack: stackalloc(mp, size)}
	gp.stackguard0.Store(gp.stack.hi)
	gp.goid = sched.goidgen.Add(1)
	gp.index = int32(len(allgs))
	allgs = append(allgs, gp)
	gp.fp = gp.stack.lo + bytecode.HeaderSize
	arena.Store64(gp.fp-24, uint64(ctxt))
	arena.Store64(gp.fp-16, 0)
	arena.Store64(gp.fp-8, uint64(noCaller)<<32|retGoexit)
	arena.WriteBytes(gp.fp, args)
	copyConsts(gp.fp, fn)
	gp.fn = fn
	if parent != nil {
		gp.parentGoid = parent.goid
		gp.gopcFn, gp.gopc = parent.fn, parent.pc
	}
	gp.atomicstatus.Store(_Grunnable)
	runqput(mp.p, gp, true)
	return gp
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
	lock(&sched.lock)
	for i := uint32(0); i < n; i++ {
		sched.runq.pushBack(pp.runq[(h+i)%uint32(len(pp.runq))])
		sched.runqsize++
	}
	pp.runqhead.Store(h + n)
	sched.runq.pushBack(gp)
	sched.runqsize++
	unlock(&sched.lock)
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

func globrunqget() *g {
	lock(&sched.lock)
	defer unlock(&sched.lock)
	gp := sched.runq.pop()
	if gp != nil {
		sched.runqsize--
	}
	return gp
}

func globrunqput(gp *g) {
	lock(&sched.lock)
	sched.runq.pushBack(gp)
	sched.runqsize++
	unlock(&sched.lock)
}

// schedule runs goroutines until the program exits.
func schedule(mp *m) {
	for !exited {
		gp := findRunnable(mp)
		if gp == nil {
			checkdead()
			return
		}
		execute(mp, gp)
		mp.curg = nil
	}
}

// findRunnable returns the next goroutine to run, or nil if none can run.
func findRunnable(mp *m) *g {
	pp := mp.p
	pp.schedtick++
	if pp.schedtick%61 == 0 && sched.runqsize > 0 {
		if gp := globrunqget(); gp != nil {
			return gp
		}
	}
	if gp := runqget(pp); gp != nil {
		return gp
	}
	return globrunqget()
}

// gopark parks the running goroutine: it stops running and the M goes
// back to the scheduler. The caller has already registered gp where a
// waker will find it.
func gopark(gp *g, reason string) {
	gp.waitreason = reason
	gp.atomicstatus.Store(_Gwaiting)
}

// goready makes a parked goroutine runnable, in runnext as the real one
// does, so a woken goroutine runs soon.
func goready(mp *m, gp *g) {
	gp.atomicstatus.Store(_Grunnable)
	runqput(mp.p, gp, true)
}

// gosched yields: gp goes to the global queue.
func gosched(mp *m, gp *g) {
	gp.atomicstatus.Store(_Grunnable)
	globrunqput(gp)
}

// goschedPreempt yields because gp's time slice is over, or because the
// runtime asked it to stop at this safepoint (a GC trigger).
func goschedPreempt(mp *m, gp *g) {
	gcSafepoint(mp, gp)
	if gp.stackguard0.Load() == stackPreempt {
		gp.stackguard0.Store(gp.stack.hi)
	}
	gosched(mp, gp)
}

// goexit0 ends gp.
func goexit0(mp *m, gp *g) {
	gp.atomicstatus.Store(_Gdead)
	if gp == mainG {
		// main.main returned through runtime.main's exit(0), never here;
		// reaching here means main called Goexit.
		mainGoexited = true
	}
	stackfree(gp.stack)
	gp.stack = stack{}
}

var mainGoexited bool

// checkdead reports a deadlock: no goroutine can run, and none will be
// woken (gort has no timers, syscalls or network yet that could wake one).
func checkdead() {
	if exited {
		return
	}
	if mainGoexited {
		alive := false
		for _, gp := range allgs {
			if s := gp.atomicstatus.Load(); s != _Gdead {
				alive = true
			}
		}
		if !alive {
			fatal("no goroutines (main called runtime.Goexit) - deadlock!")
			return
		}
	}
	fatal("all goroutines are asleep - deadlock!")
	printAllGoroutines()
	setExit(2)
}

// setExit ends the program with status code.
func setExit(code int) {
	if !exited {
		exited = true
		exitCode = code
	}
}

// fatal prints a fatal error, as the runtime's fatal does: a user error
// that cannot be recovered.
func fatal(msg string) {
	printstr("fatal error: " + msg + "\n")
	setExit(2)
}

// throw reports a bug in gort itself and exits.
func throw(msg string) {
	flushOutput()
	os.Stderr.WriteString("fatal error: gort: " + msg + "\n")
	os.Exit(2)
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
