package runtime

import (
	"sync/atomic"

	"gort/internal/bytecode"
)

// The scheduler's structures, as in the real runtime2.go: a g is a
// goroutine, an m an OS thread running the interpreter, a p the resources
// (run queue, mcache, timers) an m needs to run Go code.
//
// These are host structures: VM memory never points at them. Where arena
// memory must name a goroutine (a sudog's g), it holds the goroutine's
// gword: its index in vm.allgs and its generation, validated on use (gword and
// gFromWord in proc.go).

// Goroutine states, numbered as in the real runtime.
const (
	_Gidle = iota
	_Grunnable
	_Grunning
	_Gsyscall
	_Gwaiting
	_Gdead = 6
)

type stack struct {
	lo, hi uintptr
}

type g struct {
	stack       stack
	stackguard0 atomic.Uintptr // the prologue compares frame ends with this; stackPreempt asks for a yield

	// The VM registers while the goroutine is not running.
	fn *bytecode.Func
	pc int32
	fp uintptr
	// stopPC, if not 0, is one past the safepoint instruction where the
	// goroutine yielded when that is not the instruction before pc: a
	// back edge (pc is the loop header) or a call it will re-run (pc is
	// the call). The collector reads the top frame's map there.
	stopPC int32
	// system marks a goroutine the runtime runs for itself (the
	// finalizer goroutine, the mark worker): NumGoroutine and tracebacks
	// leave it out.
	system bool
	// gcscandone marks a goroutine whose stack the cycle marking has
	// scanned: its stack is black, and is not scanned again.
	gcscandone bool
	// gcAssistBytes is the goroutine's mark-assist credit, in bytes of
	// allocation, while the collector marks: mallocgc charges it, and a
	// goroutine in debt does mark work at its next safepoint.
	gcAssistBytes int64

	atomicstatus atomic.Uint32
	goid         int64
	index        int32 // in vm.allgs, fixed for the g's whole existence
	// gen counts the goroutines this g has been: gfget bumps it each time
	// it hands the g out again, so a gword made for an earlier goroutine
	// no longer names it.
	gen        uint32
	m          *m
	schedlink  *g
	waitreason string
	preempt    bool
	// dying marks a goroutine printing its fatal panic: its time slice
	// never ends, so no other goroutine runs (and prints) in between, as
	// none does once the real runtime has started to die. It may still
	// block, in a panic value's Error or String method.
	dying bool

	// param is what the waker passes to a parked goroutine: the sudog
	// that completed, for channel operations.
	param uintptr
	// resume is the second phase of a blocking operation, run when the
	// goroutine next runs (DESIGN.md §4.1).
	resume resumeState
	// waiting holds the records of the sudogs the goroutine queued while
	// it blocks in select, in case order (the real g.waiting list, kept
	// on the host where the program cannot rewrite it).
	waiting    []waiter
	selectDone atomic.Uint32

	_defer uintptr // top defer record (arena address)
	ndefer int     // records on the chain: no walk of it pops more
	_panic *_panic // innermost panic

	// fipsIndicator is crypto/internal/fips140's service indicator, which
	// the real runtime keeps per goroutine.
	fipsIndicator uint8

	// The go statement that created the goroutine, for the "created by"
	// line of tracebacks: its function and the pc after it, and the
	// creating goroutine. parentGoid is 0 for goroutines the runtime starts.
	gopcFn     *bytecode.Func
	gopc       int32
	parentGoid int64
}

type m struct {
	ctxt uintptr // closure context of the native being called
	// deferArgs is the size of a deferred native's argument block.
	deferArgs uintptr
	// deferReturn is set while a deferred native runs from its deferring
	// function's return rather than from a panic.
	deferReturn bool
	// deferArgBuf holds the arguments of the deferred call being made
	// (popDefer), reused so that defers allocate nothing on the host.
	deferArgBuf []byte
	id          int64
	g0          *g // the goroutine the m is running, or nil while scheduling
	curg        *g
	p           *p
	// budget counts down the calls and back edges the running goroutine
	// may make before it is preempted (see timeSlice).
	budget int32
	// sigpanicNext marks the next panic as raised by a fault at address
	// sigaddrNext, which the fatal report follows with a [signal
	// SIGSEGV ...] line.
	sigpanicNext bool
	sigaddrNext  uintptr
	vm           *vm // the VM this M runs
	// parking and yielding are the goroutine the M is leaving to park
	// (gopark) or to yield (gosched), until schedule commits it.
	parking, yielding *g
	// locksHeld are the runtime locks the M holds, in rank order.
	locksHeld  [maxLocksHeld]*mutex
	nlocksHeld int

	// holdsRT is whether the M holds the runtime lock (rtlock.go).
	holdsRT bool
	// wake is the M's note: an idle M sleeps on it (stopm) until startm
	// hands it a P in nextp, or its timeout passes.
	wake  chan struct{}
	nextp *p
	// schedlink links the idle Ms (sched.midle).
	schedlink *m
	// spinning marks an M looking for work to steal, with a P.
	spinning bool
	// gcstopped marks an M stopped for a stop-the-world at a safepoint
	// of its goroutine, whose stack the stopper may then read.
	gcstopped bool
	// oldp is the P the M held when it entered a system call, which
	// exitsyscall's fast path takes back if sysmon has not retaken it.
	oldp *p
	// sysScratch is the M's host memory for what the syscall table
	// copies for the kernel (syscall_net.go), made on first use.
	sysScratch *sysScratch
}

// P states, as the real runtime's.
const (
	_Pidle = iota
	_Prunning
	_Psyscall
	_Pgcstop
	_Pdead
)

// p is a processor: run queue, free gs, mcache and random source.
type p struct {
	id        int32
	vm        *vm // the VM this P belongs to
	status    uint32
	schedtick uint32
	runqhead  atomic.Uint32
	runqtail  atomic.Uint32
	runq      [256]*g
	runnext   atomic.Pointer[g]
	// gFree holds dead gs for newproc1 to reuse (gfput, gfget); past
	// gFreeMax it spills half to sched.gFree.
	gFree  gList
	mcache *mcache
	// sudogcache holds free sudogs (acquireSudog, releaseSudog).
	sudogcache []uintptr // arena addresses
	// timers are the P's timers, the earliest first (timers.go).
	timers timerHeap
	rand   rng
	m      *m
	// link chains the idle Ps (sched.pidle).
	link *p
	// syscalltick counts the system calls made on the P; sysmon
	// compares it (and schedtick) with what it saw last, in sysmontick.
	syscalltick uint32
	sysmontick  sysmontick
}

// sysmontick is what sysmon last saw of a P.
type sysmontick struct {
	schedtick   uint32
	schedwhen   int64
	syscalltick uint32
	syscallwhen int64
}

// schedt is the global scheduler state.
type schedt struct {
	lock     mutex
	runq     gQueue
	runqsize int32
	goidgen  atomic.Int64
	// The idle Ms and Ps, and the Ms that exist: mcount, of which nmsys
	// (sysmon) run no Go code; nmspinning are looking for work.
	midle      *m
	nmidle     int32
	mcount     int32
	nmsys      int32
	pidle      *p
	npidle     atomic.Int32
	nmspinning atomic.Int32
	// gcwaiting is set while a stop-the-world is in progress;
	// stopwait counts the Ps still to stop.
	gcwaiting atomic.Bool
	stopwait  int32
	// timerSleeper is the idle M sleeping until the first timer is
	// due, if any; the others sleep until woken.
	timerSleeper *m
	sleepUntil   int64
	// polling is set while an idle M blocks in netpoll, until
	// pollUntil (0: no timer).
	polling   bool
	pollUntil int64
	// mexited counts the Ms that ran Go code and left the program
	// (sysmon is not one), nsyscall those in a
	// system call (Run waits for the others).
	mexited  int32
	nsyscall int32
	// gFree is the global list of dead gs, under lock: those that still
	// own a standard-size stack, and those whose stack was freed.
	gFree struct {
		stack   gList
		noStack gList
	}
}

// gQueue is a queue of gs linked through schedlink.
type gQueue struct {
	head, tail *g
}

func (q *gQueue) empty() bool { return q.head == nil }

func (q *gQueue) pushBack(gp *g) {
	gp.schedlink = nil
	if q.tail != nil {
		q.tail.schedlink = gp
	} else {
		q.head = gp
	}
	q.tail = gp
}

func (q *gQueue) pop() *g {
	gp := q.head
	if gp != nil {
		q.head = gp.schedlink
		if q.head == nil {
			q.tail = nil
		}
		gp.schedlink = nil
	}
	return gp
}

// gList is a stack of gs linked through schedlink, with its length, so the
// free lists know their size without walking them.
type gList struct {
	head *g
	n    int32
}

func (l *gList) empty() bool { return l.head == nil }

func (l *gList) push(gp *g) {
	gp.schedlink = l.head
	l.head = gp
	l.n++
}

func (l *gList) pop() *g {
	gp := l.head
	if gp != nil {
		l.head = gp.schedlink
		gp.schedlink = nil
		l.n--
	}
	return gp
}

// rng is a per-P random source (wyrand), seeded from the run's seed so that
// the same seed gives the same run.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0xa0761d6478bd642f
	hi, lo := mul64(r.state, r.state^0xe7037ed1a0b428db)
	return hi ^ lo
}

func mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1, w2 := t&mask32, t>>32
	w1 += x0 * y1
	return x1*y1 + w2 + w1>>32, x * y
}

// uint32n returns a random number in [0, n).
func (r *rng) uint32n(n uint32) uint32 {
	return uint32((uint64(uint32(r.next())) * uint64(n)) >> 32)
}

// resumeState describes the second phase of a blocking operation: what to
// do when the parked goroutine runs again. It is plain data so parking
// allocates nothing on the host heap.
type resumeState struct {
	kind  uint8
	w     waiter // a send's or receive's sudog
	dst   int32  // frame offset of the result
	okOff int32  // frame offset of the ok result, or -1
	t     *bytecode.Type
	aux   []int32 // select's case table
}

const (
	resumeNone = iota
	resumeSend
	resumeRecv
	resumeSelect
	resumeReflectSelect // reflect.Select (reflectchan.go)
	resumeFinalizer     // the finalizer goroutine's nextFinalizer (mfinal.go)
)
