package runtime

import (
	"io"
	"sync"
	"sync/atomic"
	"time"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/runtime/maps"
)

// A vm is one program running: its linked image and every piece of the
// runtime's state that the real runtime keeps in globals. Nothing mutable
// lives in a package variable (vm_test.go checks it), so one process can
// run several VMs, one after another or at once; an M reaches its VM
// through m.vm, and everything else through its M.
type vm struct {
	mem     *arena.Arena // the VM's memory: every VM address is in it
	prog    *bytecode.Program
	natives []nativeFunc // by function index; nil for interpreted ones
	// nativeUnlocked marks the natives called without the runtime lock
	// (unlockedNatives), by function index.
	nativeUnlocked []bool

	sched schedt
	allgs []*g
	allp  []*p // every P made; the first gomaxprocs are live
	m0    m
	allm  []*m // every M, m0 first
	// gomaxprocs is the number of live Ps; procsRecorded, in
	// deterministic mode, the last runtime.GOMAXPROCS setting.
	gomaxprocs    int32
	procsRecorded int32
	// parallel is whether the VM runs on many Ms (Options.Parallel);
	// then rt is the runtime lock (rtlock.go).
	parallel bool
	rt       rtLock
	mainG    *g // runtime.main's goroutine, until it exits

	// The program's end: exited is set once, with its status.
	exited       bool
	exitCode     int
	mainGoexited bool

	seed  uint64
	debug struct {
		// moveStack is GODEBUG=gortmovestack=1: every call moves the
		// goroutine's stack, to test that nothing holds a stale stack
		// address.
		moveStack bool
		// gcTrigger is GODEBUG=gortgctrigger=1 (mgc.go).
		gcTrigger bool
		// gcShrinkStackOff is GODEBUG=gcshrinkstackoff=1: the
		// collector leaves stacks their size (stack.go).
		gcShrinkStackOff bool
		// gcCheckmark is GODEBUG=gccheckmark=1 (mgc.go).
		gcCheckmark bool
		// schedtrace is GODEBUG=schedtrace's period in ns, and
		// scheddetail whether each trace lists every P, M and G.
		schedtrace  int64
		scheddetail bool
	}
	lastSchedtrace int64

	mheap        mheapT
	zerobase     uintptr // the address of every zero-sized allocation
	stackpool    map[uintptr][]uintptr
	sizedTypes   sizedTypeCache
	gcController gcControllerState
	// writeBarrier is on while the collector marks (mbarrier.go), as the
	// real writeBarrier.enabled. Ms read it outside the runtime lock, in
	// the interpreter's pointer stores; it changes only with the world
	// stopped.
	writeBarrier atomic.Bool
	itabs        itabTableT
	mapTypes     map[*bytecode.Type]*maps.Type
	nsudog       uint64 // sudogs ever made: no wait queue is longer
	symtab       symtab // the pc table (symtab.go)
	// types holds descriptors' views and the types derived from them
	// (typeview.go).
	types typeCache
	// finalizers holds the finalizer of each object that has one, and
	// cleanups the AddCleanup records by id (mfinal.go); finq is the
	// calls queued for the finalizer goroutine fing.
	finalizers map[uintptr]*finalizer
	cleanups   map[uint64]*cleanup
	cleanupID  uint64
	finq       []finalizer
	fing       *g
	nsystem    int // the runtime's own goroutines (g.system)
	// panicFree are panic records to reuse (newPanic).
	panicFree   []*_panic
	fingWaiting bool
	// gcWork is the collector's mark queue, kept between cycles;
	// gcmasks the pointer masks of the types allocated (mbitmap.go).
	gcWork  gcWork
	gcmasks map[*bytecode.Type]*ptrMask
	// abiTypeObjs are the live heap objects allocated as an abi.Type
	// (the image's type abiType): reflect's frame descriptors, which
	// runtimeDescType accepts only from here.
	abiType     *bytecode.Type
	abiTypeObjs map[uintptr]bool
	// memProf is the heap profile (mprof.go).
	memProf memProfileState

	// printBuf gathers one print statement's output for stderr, written
	// with one write as the real printlock section does.
	printBuf []byte
	stderr   io.Writer
	stdout   io.Writer

	args, env []string // the program's, as Options gave them
	// fds are the host file descriptors the program opened (syscall.go):
	// the only ones besides its standard streams that it may use.
	fds map[uintptr]bool
	// children are the processes the program started (exec_linux.go),
	// by pid, until it has waited for them.
	children map[int]bool
	// childOutputs copy each child's standard streams into the VM's
	// writers, pipes are the descriptors in fds that are pipes, and
	// stdLock serialises the writers' use (exec_linux.go).
	childOutputs map[int][]*childOutput
	pipes        map[uintptr]bool
	stdLock      sync.Mutex
	// timers are the time package's timers, by handle (timers.go), and
	// runTimer the runtime function that runs a fired one's callback.
	timers   []*timer
	runTimer *bytecode.Func
	// netpoll is the network poller (netpoll.go).
	netpoll netpollState
	// weakHandles maps an object's address to its weak pointer handle
	// (weak.go).
	weakHandles map[uintptr]uintptr
	// semtable holds the goroutines waiting on each semaphore (sema.go).
	semtable map[uintptr]*semaRoot
	// notifyWaiters are the goroutines waiting on each sync.Cond's
	// notifyList, by its address (sema.go).
	notifyWaiters map[uintptr][]notifyWaiter
	// staticuint64s is the table of the values 0 to 255 (reflect's
	// getStaticuint64s), made on first use.
	staticuint64s uintptr
	// reflectStubs serve reflect's calls (reflectcall.go).
	reflectStubs reflectStubs
	runtimeTypes map[uintptr]*bytecode.Type // views of run-time descriptors
	// sig is the program's signal state (signal_unix.go).
	sig sigState
	// start is when the VM started: the origin of its monotonic clock.
	start time.Time

	// runtimeSource caches the lines of the real runtime's source files
	// that tracebacks name ($GOROOT/src/runtime), nil if unreadable.
	runtimeSource struct {
		lock  sync.Mutex // a host cache's, outside the runtime's lock ranks
		files map[string][]string
	}
}

func newVM(p *bytecode.Program, opts Options) *vm {
	v := &vm{mem: opts.Arena, prog: p, seed: opts.Seed, stderr: opts.Stderr, stdout: opts.Stdout, args: opts.Args, env: opts.Env, fds: map[uintptr]bool{}, children: map[int]bool{}, childOutputs: map[int][]*childOutput{}, pipes: map[uintptr]bool{}, semtable: map[uintptr]*semaRoot{}, notifyWaiters: map[uintptr][]notifyWaiter{}, weakHandles: map[uintptr]uintptr{}, start: time.Now()}
	v.symtab = newSymtab(p)
	v.runTimer = runTimerFunc(p)
	v.m0.vm = v
	v.parallel = opts.Parallel
	v.rt.cond.L = &v.rt.mu
	v.stackpool = map[uintptr][]uintptr{}
	v.sizedTypes.lock.rank = lockRankRuntimeTypes
	v.sizedTypes.types = map[sizedKey]*bytecode.Type{}
	v.itabs.lock.rank = lockRankItab
	v.itabs.table = map[[2]uintptr]uintptr{}
	v.itabs.missing = map[[2]uintptr]string{}
	v.mapTypes = map[*bytecode.Type]*maps.Type{}
	v.types.init()
	v.abiTypeObjs = map[uintptr]bool{}
	for _, t := range p.Types {
		if t.String == "abi.Type" && t.PkgPath == "internal/abi" {
			v.abiType = t
		}
	}
	return v
}
