package runtime

import (
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// Process creation, for os.StartProcess and os/exec. The real
// syscall.forkExec clones the process in forkAndExecInChild, and the child
// sets up its descriptors and execs. A VM cannot be cloned, so gort binds
// syscall.forkAndExecInChild (a function with a Go body, compiled as an
// intrinsic) to a native that reads what the child would have used (argv,
// envv, dir, attr.Files, attr.Sys) from the arena, validates every word,
// and starts the process with the host's syscall.ForkExec. The rest of
// forkExec runs as written: it closes the status pipe's write end and reads
// EOF from it, which means the exec succeeded; a failure to start is the
// native's errno.
//
// The child's descriptors are the VM's: entry i of attr.Files names a
// descriptor the program may use, and becomes the child's descriptor i.
// Descriptor 0 is the host's standard input, as the VM's reads of fd 0 are.
// Descriptors 1 and 2 are the VM's standard streams (Options.Stdout and
// Stderr): a host *os.File is passed as its descriptor; any other writer
// gets a host pipe whose read end a host goroutine copies into the writer
// (serialised with the VM's own writes by stdLock) until EOF, and the wait
// that reaps the child waits for that copy, so the child's output comes
// before whatever the program writes after Wait. Any other descriptor must
// be one the program opened (vm.fds).
//
// The program may wait only for, and signal only, processes it started
// (vm.children). A wait for a child, and a read or write of a pipe the
// program made, would block the one M that runs every goroutine; until the
// netpoller and parallel Ms take them, such a call that is not ready
// yields and is made again (sysMustWait), and when no other goroutine can
// run the M sleeps a little in the host (blockingCall) before it retries.

// Linux amd64 system call numbers of process creation and pipes.
const (
	sysWait4  = 61
	sysWaitid = 247
	sysPipe2  = 293
)

const (
	rusageSize   = 144
	siginfoSize  = 128
	maxArgStrlen = 128 << 10 // the kernel's MAX_ARG_STRLEN
	maxArgs      = 1 << 16
	maxArgBytes  = 32 << 20 // all of argv and envv together
	pPID         = 1        // waitid's P_PID
)

// childOutput is a host goroutine copying a child's output into a VM
// writer; done closes when it has copied everything.
type childOutput struct{ done chan struct{} }

// lockedWriter serialises the VM's writes to a standard stream with a
// child's copier.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func init() {
	nativeTable["syscall.forkAndExecInChild"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		pid, errno := forkAndExec(mp, fp)
		vm.mem.MustWriteWords(fp+96, []uint64{uint64(pid), uint64(errno)})
		return stContinue
	}
}

// forkAndExec starts the process that forkAndExecInChild's arguments at fp
// describe:
//
//	argv0 *byte, argv, envv []*byte, chroot, dir *byte, attr *ProcAttr,
//	sys *SysProcAttr, pipe int
func forkAndExec(mp *m, fp uintptr) (int, syscall.Errno) {
	vm := mp.vm
	w := func(off uintptr) uintptr { return uintptr(vm.ld(fp + off)) }
	argv0, ok := vm.cString(w(0), pathMax)
	if !ok {
		return 0, syscall.EFAULT
	}
	argv, ok1 := vm.cStrings(w(8), w(16))
	env, ok2 := vm.cStrings(w(32), w(40))
	if !ok1 || !ok2 {
		return 0, syscall.EFAULT
	}
	if w(56) != 0 {
		return 0, syscall.EPERM // chroot is the host's business
	}
	var dir string
	if p := w(64); p != 0 {
		if dir, ok = vm.cString(p, pathMax); !ok {
			return 0, syscall.EFAULT
		}
	}
	sys, errno := vm.sysProcAttr(w(80))
	if errno != 0 {
		return 0, errno
	}
	attr := w(72)
	files, ok := vm.words(attr+40, 2)
	if attr == 0 || !ok || files[1] > maxArgs {
		return 0, syscall.EFAULT
	}
	vmFds, ok := vm.words(uintptr(files[0]), int(files[1]))
	if !ok {
		return 0, syscall.EFAULT
	}
	hostFds := make([]uintptr, len(vmFds))
	var outputs []*childOutput
	var parentEnds []*os.File
	for i, f := range vmFds {
		fd := uintptr(f)
		switch {
		case int(fd) == -1:
			hostFds[i] = fd
		case fd == 0:
			hostFds[i] = 0
		case fd == 1 || fd == 2:
			hfd, out, wend, err := vm.childStream(fd)
			if err != 0 {
				for _, f := range parentEnds {
					f.Close()
				}
				return 0, err
			}
			hostFds[i] = hfd
			if out != nil {
				outputs = append(outputs, out)
				parentEnds = append(parentEnds, wend)
			}
		case vm.fds[fd]:
			hostFds[i] = fd
		default:
			return 0, syscall.EBADF
		}
	}
	flushOutput(vm)
	pid, err := syscall.ForkExec(argv0, argv, &syscall.ProcAttr{Dir: dir, Env: env, Files: hostFds, Sys: sys})
	for _, f := range parentEnds {
		f.Close()
	}
	if err != nil {
		for _, o := range outputs {
			<-o.done // the write end is closed: the copier ends at once
		}
		var e syscall.Errno
		if !errors.As(err, &e) {
			e = syscall.EINVAL
		}
		return 0, e
	}
	vm.children[pid] = true
	vm.childOutputs[pid] = outputs
	return pid, 0
}

// childStream returns the host descriptor a child gets for the VM's
// standard stream fd (1 or 2); for a writer that is not a host file, a
// pipe's write end, whose parent copy the caller closes once the child has
// it, and the copier of the read end.
func (vm *vm) childStream(fd uintptr) (uintptr, *childOutput, *os.File, syscall.Errno) {
	w := vm.stdWriter(fd)
	if l, ok := w.(*lockedWriter); ok {
		w = l.w
	}
	if f, ok := w.(*os.File); ok {
		var hfd uintptr
		rc, err := f.SyscallConn()
		if err == nil {
			err = rc.Control(func(d uintptr) { hfd = d })
		}
		if err != nil {
			return 0, nil, nil, syscall.EBADF
		}
		return hfd, nil, nil, 0
	}
	r, wend, err := os.Pipe()
	if err != nil {
		return 0, nil, nil, syscall.EMFILE
	}
	// From now on the VM's writes to both streams and the copier's go
	// through one lock.
	if _, ok := vm.stdout.(*lockedWriter); !ok {
		vm.stdout = &lockedWriter{&vm.stdLock, vm.stdout}
	}
	if _, ok := vm.stderr.(*lockedWriter); !ok {
		vm.stderr = &lockedWriter{&vm.stdLock, vm.stderr}
	}
	out := &childOutput{done: make(chan struct{})}
	dst := vm.stdWriter(fd)
	go func() {
		io.Copy(dst, r)
		r.Close()
		close(out.done)
	}()
	return wend.Fd(), out, wend, 0
}

// sysProcAttr reads the program's *SysProcAttr at p. Only the fields that
// shape the child's session and lifetime are honoured (Setsid, Setpgid,
// Pgid, Pdeathsig); any other that is set (credentials, namespaces,
// ptrace, a terminal, chroot) is refused, as the syscall policy does not
// let the program change what the host's process is. The layout is the
// host's own struct's: both come from the same toolchain's source for
// linux/amd64.
func (vm *vm) sysProcAttr(p uintptr) (*syscall.SysProcAttr, syscall.Errno) {
	if p == 0 {
		return nil, 0
	}
	var h syscall.SysProcAttr
	size := unsafe.Sizeof(h)
	b, ok := vm.mem.Bytes(p, size)
	if !ok {
		return nil, syscall.EFAULT
	}
	type field struct{ off, size uintptr }
	allowed := []field{
		{unsafe.Offsetof(h.Setsid), 1},
		{unsafe.Offsetof(h.Setpgid), 1},
		{unsafe.Offsetof(h.Pgid), 8},
		{unsafe.Offsetof(h.Pdeathsig), 8},
	}
	for i := range b {
		in := false
		for _, f := range allowed {
			if uintptr(i) >= f.off && uintptr(i) < f.off+f.size {
				in = true
			}
		}
		if !in && b[i] != 0 {
			return nil, syscall.EPERM
		}
	}
	le := func(off uintptr) uint64 {
		var v uint64
		for i := uintptr(0); i < 8; i++ {
			v |= uint64(b[off+i]) << (8 * i)
		}
		return v
	}
	h.Setsid = b[unsafe.Offsetof(h.Setsid)] != 0
	h.Setpgid = b[unsafe.Offsetof(h.Setpgid)] != 0
	h.Pgid = int(le(unsafe.Offsetof(h.Pgid)))
	h.Pdeathsig = syscall.Signal(le(unsafe.Offsetof(h.Pdeathsig)))
	if h.Pdeathsig < 0 || h.Pdeathsig >= nsig {
		return nil, syscall.EINVAL
	}
	return &h, 0
}

// cString reads the NUL-terminated string at p, of at most max bytes.
func (vm *vm) cString(p uintptr, max int) (string, bool) {
	var s []byte
	for i := 0; i < max; i++ {
		c, ok := vm.mem.Load8(p + uintptr(i))
		if !ok {
			return "", false
		}
		if c == 0 {
			return string(s), true
		}
		s = append(s, c)
	}
	return "", false
}

// cStrings reads the strings of a []*byte whose data is at p and length n,
// ended by a nil entry as syscall.SlicePtrFromStrings makes it.
func (vm *vm) cStrings(p, n uintptr) ([]string, bool) {
	if n > maxArgs {
		return nil, false
	}
	ptrs, ok := vm.words(p, int(n))
	if !ok {
		return nil, false
	}
	var ss []string
	total := 0
	for _, q := range ptrs {
		if q == 0 {
			return ss, true
		}
		s, ok := vm.cString(uintptr(q), maxArgStrlen)
		if total += len(s); !ok || total > maxArgBytes {
			return nil, false
		}
		ss = append(ss, s)
	}
	return nil, false
}

// words reads n words at p.
func (vm *vm) words(p uintptr, n int) ([]uint64, bool) {
	ws := make([]uint64, n)
	for i := range ws {
		v, ok := vm.mem.Load64(p + uintptr(8*i))
		if !ok {
			return nil, false
		}
		ws[i] = v
	}
	return ws, true
}

// sysProcess serves the system calls of pipes and child processes; ok
// reports that num is one of them.
func sysProcess(mp *m, num uintptr, a []uintptr) (r sysResult, ok bool) {
	vm := mp.vm
	switch num {
	case sysPipe2:
		if a[1]&^uintptr(syscall.O_CLOEXEC|syscall.O_NONBLOCK) != 0 {
			return sysErr(syscall.EINVAL), true
		}
		if _, ok := vm.sysBuf(a[0], 8, true); !ok {
			return sysErr(syscall.EFAULT), true
		}
		r := vm.hostCall(num, a[0], a[1]|syscall.O_CLOEXEC, 0, 0, 0, 0)
		if r.errno == 0 {
			for i := uintptr(0); i < 2; i++ {
				fd := uintptr(vm.ld32(a[0] + 4*i))
				vm.fds[fd] = true
				vm.pipes[fd] = true
			}
		}
		return r, true
	case sysWait4:
		pid := int(int32(a[0]))
		if !vm.children[pid] {
			return sysErr(syscall.ECHILD), true
		}
		if _, ok := vm.sysBuf(a[1], 4, true); a[1] != 0 && !ok {
			return sysErr(syscall.EFAULT), true
		}
		if _, ok := vm.sysBuf(a[3], rusageSize, true); a[3] != 0 && !ok {
			return sysErr(syscall.EFAULT), true
		}
		var r sysResult
		blockingCall(mp, func() { r = vm.hostCall(num, uintptr(pid), a[1], a[2], a[3], 0, 0) })
		if r.errno == 0 && int(r.r1) == pid {
			reaped := true
			if a[1] != 0 {
				ws := syscall.WaitStatus(vm.ld32(a[1]))
				reaped = ws.Exited() || ws.Signaled()
			}
			if reaped {
				childReaped(mp, pid)
			}
		}
		return r, true
	case sysWaitid:
		pid := int(int32(a[1]))
		if a[0] != pPID || !vm.children[pid] {
			return sysErr(syscall.ECHILD), true
		}
		if _, ok := vm.sysBuf(a[2], siginfoSize, true); !ok {
			return sysErr(syscall.EFAULT), true
		}
		if _, ok := vm.sysBuf(a[4], rusageSize, true); a[4] != 0 && !ok {
			return sysErr(syscall.EFAULT), true
		}
		var r sysResult
		blockingCall(mp, func() { r = vm.hostCall(num, pPID, uintptr(pid), a[2], a[3], a[4], 0) })
		if r.errno == 0 && a[3]&syscall.WNOWAIT == 0 && a[3]&syscall.WEXITED != 0 {
			// si_pid, at offset 16 of siginfo, is 0 if nothing was
			// waited for (WNOHANG).
			if p, _ := vm.mem.Load32(a[2] + 16); int(int32(p)) == pid {
				childReaped(mp, pid)
			}
		}
		return r, true
	}
	return sysResult{}, false
}

// childReaped forgets a child the program has waited for, once its
// output has been copied.
func childReaped(mp *m, pid int) {
	vm := mp.vm
	delete(vm.children, pid)
	outs := vm.childOutputs[pid]
	delete(vm.childOutputs, pid)
	for _, o := range outs {
		blockingCall(mp, func() { <-o.done })
	}
}

// sysMustWait reports whether the call would block the M until another
// process acts (a read or write of a pipe, a wait for a child) and should
// be made again after the other goroutines have run. When none can run, it
// first waits a little on the host for the call to become ready.
//
// With parallel Ms a blocking call lets the P go (blockingCall), so no call
// needs to wait.
func sysMustWait(mp *m, num uintptr, a []uintptr) bool {
	vm := mp.vm
	if vm.parallel {
		return false
	}
	var ready func(timeout int) bool
	switch num {
	case sysRead, sysWrite:
		fd := a[0]
		if !vm.pipes[fd] {
			return false
		}
		events := int16(pollIn)
		if num == sysWrite {
			events = pollOut
		}
		ready = func(timeout int) bool { return pollFd(fd, events, timeout) }
		if fl := vm.hostCall(sysFcntl, fd, syscall.F_GETFL, 0, 0, 0, 0); fl.errno != 0 || fl.r1&syscall.O_NONBLOCK != 0 {
			return false // the program's own non-blocking descriptor
		}
	case sysWait4, sysWaitid:
		pid, opts := int(int32(a[0])), a[2]
		if num == sysWaitid {
			pid, opts = int(int32(a[1])), a[3]
		}
		if !vm.children[pid] || opts&syscall.WNOHANG != 0 {
			return false
		}
		ready = func(timeout int) bool {
			for {
				if childWaitable(pid) {
					return true
				}
				if timeout <= 0 {
					return false
				}
				time.Sleep(time.Millisecond)
				timeout--
			}
		}
	default:
		return false
	}
	if ready(0) {
		return false
	}
	if !otherWork(mp) {
		var ok bool
		blockingCall(mp, func() { ok = ready(idleWaitMs(vm)) })
		return !ok
	}
	return true
}

// childWaitable reports whether pid has exited, without reaping it.
func childWaitable(pid int) bool {
	var info [siginfoSize]byte
	_, _, e := syscall.Syscall6(sysWaitid, pPID, uintptr(pid), uintptr(unsafe.Pointer(&info[0])), syscall.WEXITED|syscall.WNOHANG|syscall.WNOWAIT, 0, 0)
	// si_pid is nonzero once the child can be waited for.
	return e != 0 || info[16]|info[17]|info[18]|info[19] != 0
}

const (
	pollIn  = 0x1
	pollOut = 0x4
)

// pollFd waits up to timeout milliseconds for fd to be ready for events
// (or hung up, or in error: then the call is ready to fail).
func pollFd(fd uintptr, events int16, timeout int) bool {
	type pollfd struct {
		fd             int32
		events, revent int16
	}
	pfd := pollfd{fd: int32(fd), events: events}
	n, _, e := syscall.Syscall(syscall.SYS_POLL, uintptr(unsafe.Pointer(&pfd)), 1, uintptr(timeout))
	return e != 0 && e != syscall.EINTR || n > 0
}

// otherWork reports whether anything but the calling goroutine can run
// now: a queued goroutine, a due timer, or a signal for the goroutine that
// waits for one.
func otherWork(mp *m) bool {
	vm := mp.vm
	for _, pp := range vm.allp {
		if pp.runnext.Load() != nil || pp.runqhead.Load() != pp.runqtail.Load() {
			return true
		}
	}
	if vm.sched.runqsize > 0 || vm.sig.recvG != nil && vm.sig.anyPending() || vm.sig.quit.Load() {
		return true
	}
	when, ok := nextTimer(vm)
	return ok && when <= nanotime(vm)
}

// idleWaitMs is how long an idle M waits in the host for a pipe or a child
// before it looks at the VM again: short, and never past the next timer.
func idleWaitMs(vm *vm) int {
	d := 10
	if when, ok := nextTimer(vm); ok {
		if ms := int((when - nanotime(vm)) / 1e6); ms < d {
			d = max(ms, 0)
		}
	}
	return d
}
