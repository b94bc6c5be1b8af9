package runtime

import (
	"errors"
	"io"
	"syscall"
)

// The syscall path (DESIGN.md §3): every system call a program makes
// reaches internal/runtime/syscall/linux.Syscall6 (syscall.Syscall,
// RawSyscall and the rest are Go around it), which is this table. Each
// entry validates every pointer and length against the arena before the
// host makes the call, and a call the table does not list fails with
// ENOSYS: the table is the syscall policy of an embedding host.
//
// A VM pointer is a host address inside the arena (DESIGN §3), so a
// validated buffer is passed to the kernel as it is. File descriptors are
// the VM's own: 0, 1 and 2 are the VM's standard streams (Options), and any
// other is one the program opened, which the VM tracks, so a program can
// never reach a host descriptor it was not given.

// Linux amd64 system call numbers the table serves.
const (
	sysRead       = 0
	sysWrite      = 1
	sysClose      = 3
	sysFstat      = 5
	sysLseek      = 8
	sysPread64    = 17
	sysPwrite64   = 18
	sysSchedYield = 24
	sysGetpid     = 39
	sysExit       = 60
	sysKill       = 62
	sysUname      = 63
	sysFcntl      = 72
	sysFsync      = 74
	sysTruncate   = 76
	sysFtruncate  = 77
	sysGetcwd     = 79
	sysChdir      = 80
	sysFchmod     = 91
	sysFchown     = 93
	sysGetuid     = 102
	sysGetgid     = 104
	sysGeteuid    = 107
	sysGetegid    = 108
	sysGetppid    = 110
	sysGettid     = 186
	sysGetdents64 = 217
	sysClockGet   = 228
	sysExitGroup  = 231
	sysOpenat     = 257
	sysMkdirat    = 258
	sysNewfstatat = 262
	sysUnlinkat   = 263
	sysRenameat   = 264
	sysFchownat   = 260
	sysLinkat     = 265
	sysSymlinkat  = 266
	sysReadlinkat = 267
	sysFchmodat   = 268
	sysFaccessat  = 269
	sysUtimensat  = 280
	sysFlock      = 73
	sysFdatasync  = 75
	sysPrlimit64  = 302
	sysGetrandom  = 318
	sysFaccessat2 = 439
	sysFchmodat2  = 452
)

const (
	statSize    = 144 // struct stat on amd64
	utsnameSize = 390
	timespecSz  = 16
	rlimitSize  = 16
	pathMax     = 4096
	atFDCWD     = -100
)

// sysResult is a system call's outcome in the kernel's convention.
type sysResult struct{ r1, r2, errno uintptr }

func sysErr(e syscall.Errno) sysResult { return sysResult{^uintptr(0), 0, uintptr(e)} }

func init() {
	// Syscall6(num, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, errno uintptr)
	nativeTable["internal/runtime/syscall/linux.Syscall6"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		var a [7]uintptr
		for i := range a {
			a[i] = uintptr(vm.ld(fp + uintptr(8*i)))
		}
		if sysMustWait(mp, a[0], a[1:]) {
			gp.pc-- // make the call again when the goroutine next runs
			gosched(mp, gp)
			return stStop
		}
		r, stop := doSyscall(mp, a[0], a[1:])
		if stop {
			return stStop
		}
		vm.mem.MustWriteWords(fp+56, []uint64{uint64(r.r1), uint64(r.r2), uint64(r.errno)})
		return stContinue
	}
	// rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr)
	nativeTable["syscall.rawSyscallNoError"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		r, stop := doSyscall(mp, uintptr(vm.ld(fp)), []uintptr{uintptr(vm.ld(fp + 8)), uintptr(vm.ld(fp + 16)), uintptr(vm.ld(fp + 24)), 0, 0, 0})
		if stop {
			return stStop
		}
		vm.mem.MustWriteWords(fp+32, []uint64{uint64(r.r1), uint64(r.r2)})
		return stContinue
	}
	// runtime.fcntl(fd, cmd, arg int32) (ret int32, errno int32), which
	// internal/syscall/unix pulls.
	nativeTable["runtime.fcntl"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		a := []uintptr{uintptr(int32(vm.ld32(fp))), uintptr(int32(vm.ld32(fp + 4))), uintptr(int32(vm.ld32(fp + 8))), 0, 0, 0}
		r, _ := doSyscall(mp, sysFcntl, a)
		vm.mem.MustStore32(fp+16, uint32(r.r1))
		vm.mem.MustStore32(fp+20, uint32(r.errno))
		return stContinue
	}
	// A VM is never cloned: forkAndExecInChild is a native that starts
	// the child on the host (exec_linux.go), so the fork hooks have
	// nothing to hold, and the clone of rawVforkSyscall(trap, a1, a2, a3)
	// (r1, err), which nothing reaches any more, fails with ENOSYS.
	for _, name := range []string{"syscall.runtime_BeforeFork", "syscall.runtime_AfterFork",
		"syscall.runtime_AfterForkInChild", "syscall.runtime_BeforeExec", "syscall.runtime_AfterExec"} {
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int { return stContinue }
	}
	nativeTable["syscall.rawVforkSyscall"] = func(mp *m, gp *g, fp uintptr) int {
		mp.vm.mem.MustWriteWords(fp+32, []uint64{^uint64(0), uint64(syscall.ENOSYS)})
		return stContinue
	}
	// One M runs everything, so there is no P to hand off while a call
	// blocks: entersyscall and exitsyscall mark nothing yet.
	nativeTable["runtime.entersyscall"] = func(mp *m, gp *g, fp uintptr) int { return stContinue }
	nativeTable["runtime.exitsyscall"] = func(mp *m, gp *g, fp uintptr) int { return stContinue }
}

// doSyscall runs system call num with arguments a through the table. stop
// reports that the call ended the program (exit).
func doSyscall(mp *m, num uintptr, a []uintptr) (r sysResult, stop bool) {
	vm := mp.vm
	if r, ok := sysProcess(mp, num, a); ok {
		return r, false
	}
	switch num {
	case sysWrite:
		buf, ok := vm.sysBuf(a[1], a[2], false)
		if !ok {
			return sysErr(syscall.EFAULT), false
		}
		if w := vm.stdWriter(a[0]); w != nil {
			var n int
			var err error
			blockingCall(mp, func() { n, err = w.Write(buf) })
			if err != nil && n == 0 {
				// A host file's errno is the program's (EPIPE for a
				// closed pipe, which os turns into SIGPIPE on fd 1
				// and 2); any other writer's failure is EIO.
				var e syscall.Errno
				if !errors.As(err, &e) {
					e = syscall.EIO
				}
				return sysErr(e), false
			}
			return sysResult{r1: uintptr(n)}, false
		}
		return mp.blockingFdCall(syscall.SYS_WRITE, a[0], a[1], a[2], 0), false
	case sysRead, sysPread64, sysPwrite64:
		if _, ok := vm.sysBuf(a[1], a[2], num != sysPwrite64); !ok {
			return sysErr(syscall.EFAULT), false
		}
		if a[0] == 0 && num == sysRead {
			var r sysResult
			blockingCall(mp, func() { r = hostSyscall(num, 0, a[1], a[2], 0, 0, 0) })
			return r, false
		}
		return mp.blockingFdCall(num, a[0], a[1], a[2], a[3]), false
	case sysClose:
		fd := a[0]
		if fd <= 2 {
			return sysResult{}, false
		}
		if !vm.fds[fd] {
			return sysErr(syscall.EBADF), false
		}
		delete(vm.fds, fd)
		delete(vm.pipes, fd)
		return vm.hostCall(num, fd, 0, 0, 0, 0, 0), false
	case sysFstat:
		if _, ok := vm.sysBuf(a[1], statSize, true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.fdCall(num, a[0], a[1]), false
	case sysLseek, sysFsync, sysFtruncate, sysFlock, sysFdatasync:
		return vm.fdCall(num, a[0], a[1], a[2]), false
	case sysFcntl:
		switch a[1] {
		case syscall.F_GETFD, syscall.F_SETFD, syscall.F_GETFL, syscall.F_SETFL, fGetPipeSz, fSetPipeSz:
			return vm.fdCall(num, a[0], a[1], a[2]), false
		case fDupfd, fDupfdCloexec:
			// A new descriptor of the program's, close-on-exec as all
			// of them are (syscall_net.go).
			return vm.newFd(vm.fdCall(num, a[0], fDupfdCloexec, a[2])), false
		}
		return sysErr(syscall.EINVAL), false
	case sysGetdents64:
		if _, ok := vm.sysBuf(a[1], a[2], true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.fdCall(num, a[0], a[1], a[2]), false
	case sysOpenat:
		if !vm.sysDirfd(a[0]) {
			return sysErr(syscall.EBADF), false
		}
		if !vm.sysPath(a[1]) {
			return sysErr(syscall.EFAULT), false
		}
		r := vm.hostCall(num, a[0], a[1], a[2]|syscall.O_CLOEXEC, a[3], 0, 0)
		if r.errno == 0 {
			vm.fds[r.r1] = true
		}
		return r, false
	case sysNewfstatat:
		if !vm.sysDirfd(a[0]) || !vm.sysPath(a[1]) {
			return sysErr(syscall.EFAULT), false
		}
		if _, ok := vm.sysBuf(a[2], statSize, true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], 0, 0), false
	case sysMkdirat, sysUnlinkat:
		if !vm.sysDirfd(a[0]) || !vm.sysPath(a[1]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], 0, 0, 0), false
	case sysFchmod, sysFchown:
		return vm.fdCall(num, a[0], a[1], a[2]), false
	case sysChdir:
		// The working directory is the host process's: a VM that
		// changes it changes it for the host and every VM in it.
		if !vm.sysPath(a[0]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], 0, 0, 0, 0, 0), false
	case sysTruncate:
		if !vm.sysPath(a[0]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], 0, 0, 0, 0), false
	case sysFchmodat, sysFchmodat2, sysFaccessat, sysFaccessat2, sysFchownat:
		if !vm.sysDirfd(a[0]) || !vm.sysPath(a[1]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], a[4], 0), false
	case sysSymlinkat:
		if !vm.sysPath(a[0]) || !vm.sysDirfd(a[1]) || !vm.sysPath(a[2]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], 0, 0, 0), false
	case sysLinkat:
		if !vm.sysDirfd(a[0]) || !vm.sysPath(a[1]) || !vm.sysDirfd(a[2]) || !vm.sysPath(a[3]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], a[4], 0), false
	case sysUtimensat:
		// A nil path names the descriptor itself, nil times the
		// current time.
		if a[1] == 0 && !vm.fds[a[0]] || a[1] != 0 && (!vm.sysDirfd(a[0]) || !vm.sysPath(a[1])) {
			return sysErr(syscall.EFAULT), false
		}
		if _, ok := vm.sysBuf(a[2], 2*timespecSz, false); a[2] != 0 && !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], 0, 0), false
	case sysRenameat:
		if !vm.sysDirfd(a[0]) || !vm.sysPath(a[1]) || !vm.sysDirfd(a[2]) || !vm.sysPath(a[3]) {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], 0, 0), false
	case sysReadlinkat:
		if !vm.sysDirfd(a[0]) || !vm.sysPath(a[1]) {
			return sysErr(syscall.EFAULT), false
		}
		if _, ok := vm.sysBuf(a[2], a[3], true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], 0, 0), false
	case sysGetcwd:
		if _, ok := vm.sysBuf(a[0], a[1], true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], 0, 0, 0, 0), false
	case sysUname:
		if _, ok := vm.sysBuf(a[0], utsnameSize, true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], 0, 0, 0, 0, 0), false
	case sysClockGet:
		if _, ok := vm.sysBuf(a[1], timespecSz, true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, a[0], a[1], 0, 0, 0, 0), false
	case sysPrlimit64:
		// Reading a limit of this process only; setting one is the
		// host's business.
		if a[0] != 0 || a[2] != 0 {
			return sysErr(syscall.EPERM), false
		}
		if _, ok := vm.sysBuf(a[3], rlimitSize, true); !ok {
			return sysErr(syscall.EFAULT), false
		}
		return vm.hostCall(num, 0, a[1], 0, a[3], 0, 0), false
	case sysGetrandom:
		// From the VM's generator, so that a seeded run replays.
		buf, ok := vm.sysBuf(a[0], a[1], true)
		if !ok {
			return sysErr(syscall.EFAULT), false
		}
		for i := range buf {
			buf[i] = byte(mp.p.rand.next())
		}
		return sysResult{r1: uintptr(len(buf))}, false
	case sysGetpid, sysGetppid, sysGetuid, sysGeteuid, sysGetgid, sysGetegid, sysGettid:
		return vm.hostCall(num, 0, 0, 0, 0, 0, 0), false
	case sysSchedYield:
		return sysResult{}, false
	case sysKill:
		// A signal to this process (which reaches the program through
		// its registration, signal_unix.go) or to a child it started;
		// no other process is the program's to signal.
		pid, sig := int(int32(a[0])), a[1]
		if pid != syscall.Getpid() && !vm.children[pid] {
			return sysErr(syscall.EPERM), false
		}
		if sig >= nsig {
			return sysErr(syscall.EINVAL), false
		}
		return vm.hostCall(num, uintptr(pid), sig, 0, 0, 0, 0), false
	case sysExit, sysExitGroup:
		flushOutput(vm)
		setExit(vm, int(int32(a[0])))
		return sysResult{}, true
	}
	if r, ok := sysNet(mp, num, a); ok {
		return r, false
	}
	return sysErr(syscall.ENOSYS), false
}

// stdWriter is the VM's writer for a standard output descriptor.
func (vm *vm) stdWriter(fd uintptr) io.Writer {
	switch fd {
	case 1:
		return vm.stdout
	case 2:
		return vm.stderr
	}
	return nil
}

// sysBuf validates the buffer [p, p+n) of a system call (writable if the
// kernel writes it) and returns it.
func (vm *vm) sysBuf(p, n uintptr, write bool) ([]byte, bool) {
	if n == 0 {
		return nil, true
	}
	if write && !vm.mem.Writable(p, n) {
		return nil, false
	}
	b, ok := vm.mem.Bytes(p, n)
	return b, ok
}

// sysPath validates a NUL-terminated path in the arena.
func (vm *vm) sysPath(p uintptr) bool {
	for i := uintptr(0); i < pathMax; i++ {
		c, ok := vm.mem.Load8(p + i)
		if !ok {
			return false
		}
		if c == 0 {
			return true
		}
	}
	return false
}

// sysDirfd accepts AT_FDCWD or a directory the program opened.
func (vm *vm) sysDirfd(fd uintptr) bool { return int(int32(fd)) == atFDCWD || vm.fds[fd] }

// fdCall makes a call on a descriptor the program opened (or one of its
// standard streams other than through stdWriter).
func (vm *vm) fdCall(num, fd uintptr, rest ...uintptr) sysResult {
	if !vm.fds[fd] && fd > 2 {
		return sysErr(syscall.EBADF)
	}
	if fd <= 2 {
		// The standard streams are the VM's writers, not host files.
		return sysErr(syscall.EINVAL)
	}
	var a [5]uintptr
	copy(a[:], rest)
	return vm.hostCall(num, fd, a[0], a[1], a[2], a[3], a[4])
}

// blockingFdCall is fdCall for a call that may block (a read or write of
// a pipe or a terminal): the host call is made outside the runtime
// (blockingCall).
func (mp *m) blockingFdCall(num, fd, a1, a2, a3 uintptr) (r sysResult) {
	vm := mp.vm
	if !vm.fds[fd] && fd > 2 {
		return sysErr(syscall.EBADF)
	}
	if fd <= 2 {
		return sysErr(syscall.EINVAL)
	}
	blockingCall(mp, func() { r = hostSyscall(num, fd, a1, a2, a3, 0, 0) })
	return r
}

// hostCall makes the validated call on the host.
func (vm *vm) hostCall(num, a1, a2, a3, a4, a5, a6 uintptr) sysResult {
	return hostSyscall(num, a1, a2, a3, a4, a5, a6)
}

// hostSyscall makes a system call on the host. It touches no VM state,
// so it may run outside the runtime lock.
func hostSyscall(num, a1, a2, a3, a4, a5, a6 uintptr) sysResult {
	r1, r2, e := syscall.Syscall6(num, a1, a2, a3, a4, a5, a6)
	if e != 0 {
		return sysErr(e)
	}
	return sysResult{r1, r2, 0}
}

// blockingCall runs f, a host call that may block (a read of a pipe, a
// wait for a child, epoll_wait), the way the real runtime brackets a system
// call with entersyscall and exitsyscall: while f runs, the M holds neither
// the runtime's state nor its P, so the other goroutines run on. f must not
// touch runtime state (the VM's tables, the scheduler, the heap's
// metadata): only the arena buffers its caller validated and host
// descriptors.
func blockingCall(mp *m, f func()) {
	if !mp.vm.parallel {
		f()
		return
	}
	if mp.curg == nil {
		// An idle M (blocking in netpoll) has no goroutine and no P.
		mp.unlockRT()
		f()
		mp.lockRT()
		return
	}
	entersyscall(mp)
	f()
	exitsyscall(mp)
}

// entersyscall leaves the runtime for a system call: the goroutine is in
// _Gsyscall, its P in _Psyscall (sysmon may hand it to another M while the
// call lasts), and the runtime lock is let go. A stop-the-world in progress
// counts the P as stopped.
func entersyscall(mp *m) {
	vm := mp.vm
	gp := mp.curg
	if !gp.atomicstatus.CompareAndSwap(_Grunning, _Gsyscall) {
		throw("entersyscall: the goroutine is not running")
	}
	pp := mp.p
	pp.syscalltick++
	mp.oldp = pp
	mp.p, pp.m = nil, nil
	pp.status = _Psyscall
	if vm.sched.gcwaiting.Load() {
		pp.status = _Pgcstop
		if vm.sched.stopwait--; vm.sched.stopwait == 0 {
			vm.rt.cond.Broadcast()
		}
	}
	vm.sched.nsyscall++
	mp.unlockRT()
}

// exitsyscall comes back from a system call. The fast path takes the old P
// back if sysmon left it; else an idle P is taken; else the goroutine goes
// to the global queue once the M has left it (mp.yielding: the interpreter
// returns to schedule, which commits the yield, as exitsyscall0 does) and
// the M, without a P, goes idle. If the program ended meanwhile, the M
// leaves it at once, touching nothing of the VM: Run did not wait for it.
func exitsyscall(mp *m) {
	mp.lockRT()
	vm := mp.vm
	vm.sched.nsyscall--
	if vm.exited {
		vm.rt.cond.Broadcast()
		panic(vmExit{vm.exitCode})
	}
	gp := mp.curg
	pp := mp.oldp
	mp.oldp = nil
	if !gp.atomicstatus.CompareAndSwap(_Gsyscall, _Grunning) {
		throw("exitsyscall: the goroutine is not in a system call")
	}
	if pp.status == _Psyscall {
		acquirep(mp, pp)
		return
	}
	if pp := pidleget(vm); pp != nil {
		acquirep(mp, pp)
		return
	}
	mp.yielding = gp
}
