package runtime

import (
	"encoding/binary"
	"syscall"
	"unsafe"
)

// The syscall table's descriptor calls beyond files (syscall.go): sockets,
// pipes, eventfds, dup, scatter-gather I/O and splice, what net, os.Pipe
// and internal/poll make. The rules are the table's:
//
//   - Every descriptor the kernel hands the program (socket, accept, pipe,
//     socketpair, eventfd, dup, a descriptor received in an SCM_RIGHTS
//     message) is recorded in vm.fds and made close-on-exec, as openat's
//     are; every descriptor the program names must be in vm.fds. So the
//     program can neither reach gort's own descriptors (the poller's) nor
//     another VM's, nor send one of them over a socket, nor dup onto one.
//   - Every buffer is validated against the arena, and a structure that
//     holds further pointers (msghdr and its iovecs, iovec arrays, a
//     socket filter program) is copied to the host, validated there and
//     handed to the kernel as the host's copy, so that another goroutine
//     rewriting it after the check cannot point the kernel elsewhere.
//     Where the kernel writes a length back before the data it bounds (a
//     sockaddr's, an option's), it writes into a host buffer, copied to
//     the arena after.
//   - Otherwise the kernel decides: no address family, option or flag is
//     refused for being unusual, only those that would let the kernel
//     touch memory the table cannot validate.
//
// The epoll calls are not in the table: the runtime's poller is the only
// user of epoll, and the program reaches it through internal/poll.

const (
	sysReadv       = 19
	sysWritev      = 20
	sysPipe        = 22
	sysDup         = 32
	sysDup2        = 33
	sysSendfile    = 40
	sysSocket      = 41
	sysConnect     = 42
	sysAccept      = 43
	sysSendto      = 44
	sysRecvfrom    = 45
	sysSendmsg     = 46
	sysRecvmsg     = 47
	sysShutdown    = 48
	sysBind        = 49
	sysListen      = 50
	sysGetsockname = 51
	sysGetpeername = 52
	sysSocketpair  = 53
	sysSetsockopt  = 54
	sysGetsockopt  = 55
	sysSplice      = 275
	sysAccept4     = 288
	sysEventfd2    = 290
	sysDup3        = 292
)

const (
	sockaddrMax = 128     // sizeof(struct sockaddr_storage): the kernel's bound
	iovMax      = 1024    // UIO_MAXIOV
	iovecSize   = 16      // struct iovec
	msghdrSize  = 56      // struct msghdr
	optMax      = 1 << 20 // the largest socket option value the table copies
	controlMax  = 1 << 20 // the largest control buffer (the kernel's optmem bound is lower)

	fDupfd        = 0
	fDupfdCloexec = syscall.F_DUPFD_CLOEXEC
	fSetPipeSz    = syscall.F_SETPIPE_SZ
	fGetPipeSz    = syscall.F_GETPIPE_SZ

	// Socket options whose value holds a pointer or a descriptor.
	soAttachFilter          = 26 // SOL_SOCKET: struct sock_fprog
	soAttachBPF             = 50 // SOL_SOCKET: a BPF program's descriptor
	soAttachReuseportCBPF   = 51
	soAttachReuseportEBPF   = 52
	packetFanoutData        = 22 // SOL_PACKET: struct sock_fprog
	tcpZerocopyReceive      = 35 // IPPROTO_TCP: maps pages at an address it holds
	solPacket               = 263
	solXDP                  = 283
	xdpUmemReg              = 4 // SOL_XDP: pins the user memory it names
	netfilterReplace        = 64
	netfilterArpReplace     = 96
	netfilterEbtFirst       = 128 // ebtables' controls hold user pointers both ways
	netfilterEbtLast        = 135
	sockFprogSize           = 16
	sockFilterSize          = 8
	xdpUmemRegSize          = 16 // addr, len: the part that names memory
	msgCmsgCloexec          = syscall.MSG_CMSG_CLOEXEC
	closeOnExecSocketFlag   = syscall.SOCK_CLOEXEC
	closeOnExecFileFlag     = syscall.O_CLOEXEC
	closeOnExecEventfdFlag  = syscall.O_CLOEXEC // EFD_CLOEXEC
	closeOnExecDupFlagValue = syscall.O_CLOEXEC
)

// result converts a raw host call's outcome.
func result(r1, r2 uintptr, e syscall.Errno) sysResult {
	if e != 0 {
		return sysErr(e)
	}
	return sysResult{r1, r2, 0}
}

// sysScratch is an M's host memory for the structures the table copies
// for the kernel. It is one heap object, made once per M, so its address
// never moves: a host address handed to the kernel as a word (inside a
// msghdr, an iovec array, a filter program) stays good for the call.
type sysScratch struct {
	addr    [sockaddrMax]byte
	addrLen uint32
	fds     [2]int32
	msg     rawMsghdr
	iov     []uint64 // base, len pairs
	val     []byte   // an option's value, a control buffer
	filter  []byte   // a socket filter's instructions
}

// rawMsghdr is struct msghdr as the kernel reads it, with every address a
// plain word: arena buffers, or the scratch's own.
type rawMsghdr struct {
	name       uint64
	namelen    uint32
	_          uint32
	iov        uint64
	iovlen     uint64
	control    uint64
	controllen uint64
	flags      int32
	_          int32
}

func (mp *m) scratch() *sysScratch {
	if mp.sysScratch == nil {
		mp.sysScratch = new(sysScratch)
	}
	return mp.sysScratch
}

// scratchBuf returns (*b)[:n], reallocating it if it is shorter; it always has
// a first byte, so its address can be taken when n is 0.
func scratchBuf(b *[]byte, n uintptr) []byte {
	if uintptr(cap(*b)) < n+1 {
		*b = make([]byte, n+1)
	}
	return (*b)[:n]
}

// addrOf is the host address of b's first byte (b has one, from grow).
func addrOf(b []byte) uint64 { return uint64(uintptr(unsafe.Pointer(unsafe.SliceData(b[:1])))) }

// newFd records the descriptor a successful call returned as the program's.
func (vm *vm) newFd(r sysResult) sysResult {
	if r.errno == 0 {
		vm.fds[r.r1] = true
	}
	return r
}

// sockaddrIn validates a sockaddr the kernel reads: n bytes at p.
func (vm *vm) sockaddrIn(p, n uintptr) syscall.Errno {
	n = uintptr(uint32(n)) // socklen_t
	if n > sockaddrMax {
		return syscall.EINVAL // as the kernel answers, before it reads
	}
	if _, ok := vm.sysBuf(p, n, false); !ok {
		return syscall.EFAULT
	}
	return 0
}

// sockaddrOut is a sockaddr the kernel writes, with the socklen_t at lenp
// that bounds it on the way in and holds its full length on the way out.
// The kernel writes into the M's scratch; done copies to the program what
// its buffer holds.
type sockaddrOut struct {
	addr, lenp uintptr
	ulen       uint32
	sc         *sysScratch
}

// prepare validates the program's buffer. A nil addr leaves the call
// without one (the kernel then skips the address, or fails as it decides).
func (s *sockaddrOut) prepare(mp *m, addr, lenp uintptr) syscall.Errno {
	vm := mp.vm
	*s = sockaddrOut{addr: addr, lenp: lenp, sc: mp.scratch()}
	if addr == 0 {
		return 0
	}
	if !vm.mem.Writable(lenp, 4) {
		return syscall.EFAULT
	}
	l, _ := vm.mem.Load32(lenp)
	if int32(l) < 0 {
		return syscall.EINVAL
	}
	s.ulen = l
	if _, ok := vm.sysBuf(addr, uintptr(min(l, sockaddrMax)), true); !ok {
		return syscall.EFAULT
	}
	s.sc.addrLen = sockaddrMax
	return 0
}

// args are the address and length arguments for the host call.
func (s *sockaddrOut) args() (addr, lenp uintptr) {
	if s.addr == 0 {
		return 0, 0
	}
	return uintptr(unsafe.Pointer(&s.sc.addr)), uintptr(unsafe.Pointer(&s.sc.addrLen))
}

// done copies the address the kernel wrote to the program, truncated to
// its buffer, and its full length, as the kernel would have.
func (s *sockaddrOut) done(vm *vm) {
	if s.addr == 0 {
		return
	}
	n := min(s.ulen, s.sc.addrLen, sockaddrMax)
	vm.mem.WriteBytes(s.addr, s.sc.addr[:n])
	vm.mem.Store32(s.lenp, s.sc.addrLen)
}

// iovecs copies and validates the count iovecs at p (each buffer writable
// when the kernel writes it) into the M's scratch, and returns the host
// array's address (0 for none).
func (mp *m) iovecs(p, count uintptr, write bool) (uint64, syscall.Errno) {
	vm := mp.vm
	if count > iovMax {
		return 0, syscall.EINVAL
	}
	if count == 0 {
		return 0, 0
	}
	raw, ok := vm.mem.Bytes(p, count*iovecSize)
	if !ok {
		return 0, syscall.EFAULT
	}
	sc := mp.scratch()
	if uintptr(cap(sc.iov)) < 2*count {
		sc.iov = make([]uint64, 2*iovMax)
	}
	iov := sc.iov[:2*count]
	for i := range count {
		base := binary.LittleEndian.Uint64(raw[16*i:])
		n := binary.LittleEndian.Uint64(raw[16*i+8:])
		if _, ok := vm.sysBuf(uintptr(base), uintptr(n), write); !ok {
			return 0, syscall.EFAULT
		}
		iov[2*i], iov[2*i+1] = base, n
	}
	return uint64(uintptr(unsafe.Pointer(&iov[0]))), 0
}

// sysNet serves the calls of this file; ok is false for a call it does
// not know.
func sysNet(mp *m, num uintptr, a []uintptr) (r sysResult, ok bool) {
	vm := mp.vm
	switch num {
	case sysSocket:
		return vm.newFd(vm.hostCall(num, a[0], a[1]|closeOnExecSocketFlag, a[2], 0, 0, 0)), true
	case sysSocketpair:
		if !vm.mem.Writable(a[3], 8) {
			return sysErr(syscall.EFAULT), true
		}
		sc := mp.scratch()
		r := result(syscall.RawSyscall6(num, a[0], a[1]|closeOnExecSocketFlag, a[2], uintptr(unsafe.Pointer(&sc.fds)), 0, 0))
		return vm.fdPair(r, a[3], sc.fds), true
	case sysPipe, sysPipe2:
		flags := uintptr(0)
		if num == sysPipe2 {
			flags = a[1]
		}
		if !vm.mem.Writable(a[0], 8) {
			return sysErr(syscall.EFAULT), true
		}
		sc := mp.scratch()
		r := result(syscall.RawSyscall(sysPipe2, uintptr(unsafe.Pointer(&sc.fds)), flags|closeOnExecFileFlag, 0))
		return vm.fdPair(r, a[0], sc.fds), true
	case sysEventfd2:
		return vm.newFd(vm.hostCall(num, a[0], a[1]|closeOnExecEventfdFlag, 0, 0, 0, 0)), true
	case sysDup:
		return vm.newFd(vm.fdCall(sysFcntl, a[0], fDupfdCloexec, 0)), true
	case sysDup2, sysDup3:
		// The target must be the program's too: dup onto a descriptor
		// closes it, and any other is gort's or another VM's, or the
		// VM's standard streams, which are its writers.
		old, newfd := a[0], a[1]
		if !vm.fds[old] || !vm.fds[newfd] {
			return sysErr(syscall.EBADF), true
		}
		if num == sysDup2 && old == newfd {
			return sysResult{r1: newfd}, true
		}
		flags := uintptr(0)
		if num == sysDup3 {
			flags = a[2]
		}
		return vm.hostCall(sysDup3, old, newfd, flags|closeOnExecDupFlagValue, 0, 0, 0), true
	case sysBind, sysConnect:
		if e := vm.sockaddrIn(a[1], a[2]); e != 0 {
			return sysErr(e), true
		}
		return vm.fdCall(num, a[0], a[1], a[2]), true
	case sysListen, sysShutdown:
		return vm.fdCall(num, a[0], a[1]), true
	case sysAccept, sysAccept4:
		if !vm.fds[a[0]] {
			return sysErr(syscall.EBADF), true
		}
		flags := uintptr(0)
		if num == sysAccept4 {
			flags = a[3]
		}
		var sa sockaddrOut
		if e := sa.prepare(mp, a[1], a[2]); e != 0 {
			return sysErr(e), true
		}
		addr, lenp := sa.args()
		r := vm.hostCall(sysAccept4, a[0], addr, lenp, flags|closeOnExecSocketFlag, 0, 0)
		if r.errno == 0 {
			sa.done(vm)
		}
		return vm.newFd(r), true
	case sysGetsockname, sysGetpeername:
		if !vm.fds[a[0]] {
			return sysErr(syscall.EBADF), true
		}
		var sa sockaddrOut
		if e := sa.prepare(mp, a[1], a[2]); e != 0 {
			return sysErr(e), true
		}
		addr, lenp := sa.args()
		r := vm.hostCall(num, a[0], addr, lenp, 0, 0, 0)
		if r.errno == 0 {
			sa.done(vm)
		}
		return r, true
	case sysSendto:
		if _, ok := vm.sysBuf(a[1], a[2], false); !ok {
			return sysErr(syscall.EFAULT), true
		}
		if a[4] != 0 {
			if e := vm.sockaddrIn(a[4], a[5]); e != 0 {
				return sysErr(e), true
			}
		}
		return vm.fdCall(num, a[0], a[1], a[2], a[3], a[4], a[5]), true
	case sysRecvfrom:
		if !vm.fds[a[0]] {
			return sysErr(syscall.EBADF), true
		}
		if _, ok := vm.sysBuf(a[1], a[2], true); !ok {
			return sysErr(syscall.EFAULT), true
		}
		var sa sockaddrOut
		if e := sa.prepare(mp, a[4], a[5]); e != 0 {
			return sysErr(e), true
		}
		addr, lenp := sa.args()
		r := vm.hostCall(num, a[0], a[1], a[2], a[3], addr, lenp)
		if r.errno == 0 {
			sa.done(vm)
		}
		return r, true
	case sysSendmsg:
		return mp.sendmsg(a[0], a[1], a[2]), true
	case sysRecvmsg:
		return mp.recvmsg(a[0], a[1], a[2]), true
	case sysSetsockopt:
		return mp.setsockopt(a[0], a[1], a[2], a[3], a[4]), true
	case sysGetsockopt:
		return mp.getsockopt(a[0], a[1], a[2], a[3], a[4]), true
	case sysReadv, sysWritev:
		return mp.readvWritev(num, a[0], a[1], a[2]), true
	case sysSplice:
		// splice(in, off_in *loff_t, out, off_out *loff_t, len, flags)
		if !vm.fds[a[0]] || !vm.fds[a[2]] {
			return sysErr(syscall.EBADF), true
		}
		if a[1] != 0 && !vm.mem.Writable(a[1], 8) || a[3] != 0 && !vm.mem.Writable(a[3], 8) {
			return sysErr(syscall.EFAULT), true
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], a[4], a[5]), true
	case sysSendfile:
		// sendfile(out, in, offset *off_t, count)
		if !vm.fds[a[0]] || !vm.fds[a[1]] {
			return sysErr(syscall.EBADF), true
		}
		if a[2] != 0 && !vm.mem.Writable(a[2], 8) {
			return sysErr(syscall.EFAULT), true
		}
		return vm.hostCall(num, a[0], a[1], a[2], a[3], 0, 0), true
	}
	return sysResult{}, false
}

// fdPair records the two descriptors a pipe or socketpair made and writes
// them to the program's int[2] at p.
func (vm *vm) fdPair(r sysResult, p uintptr, fds [2]int32) sysResult {
	if r.errno != 0 {
		return r
	}
	vm.fds[uintptr(fds[0])] = true
	vm.fds[uintptr(fds[1])] = true
	vm.mem.Store32(p, uint32(fds[0]))
	vm.mem.Store32(p+4, uint32(fds[1]))
	return sysResult{}
}

// readvWritev serves readv and writev through the host's copy of the
// iovecs; writev on the standard output streams goes to the VM's writers.
func (mp *m) readvWritev(num, fd, p, count uintptr) sysResult {
	vm := mp.vm
	iov, e := mp.iovecs(p, count, num == sysReadv)
	if e != 0 {
		return sysErr(e)
	}
	if w := vm.stdWriter(fd); w != nil && num == sysWritev {
		total := 0
		sc := mp.scratch()
		for i := range count {
			b, _ := vm.mem.Bytes(uintptr(sc.iov[2*i]), uintptr(sc.iov[2*i+1]))
			n, err := w.Write(b)
			total += n
			if err != nil {
				if total == 0 {
					return sysErr(syscall.EIO)
				}
				break
			}
		}
		return sysResult{r1: uintptr(total)}
	}
	if !(fd == 0 && num == sysReadv) && !vm.fds[fd] {
		if fd <= 2 {
			return sysErr(syscall.EINVAL)
		}
		return sysErr(syscall.EBADF)
	}
	return vm.hostCall(num, fd, uintptr(iov), count, 0, 0, 0)
}

// msghdr is a struct msghdr read from the arena, by its fields.
type msghdr struct {
	name, namelen, iov, iovlen, control, controllen uintptr
}

func (vm *vm) loadMsghdr(p uintptr, write bool) (msghdr, bool) {
	if _, ok := vm.sysBuf(p, msghdrSize, write); !ok {
		return msghdr{}, false
	}
	b, _ := vm.mem.Bytes(p, msghdrSize)
	w := func(off int) uintptr { return uintptr(binary.LittleEndian.Uint64(b[off:])) }
	return msghdr{name: w(0), namelen: uintptr(binary.LittleEndian.Uint32(b[8:])), iov: w(16),
		iovlen: w(24), control: w(32), controllen: w(40)}, true
}

// sendmsg sends the message at p from the host's copy of its msghdr. Its
// control messages are checked on the host's copy too: a descriptor passed
// in SCM_RIGHTS must be the program's.
func (mp *m) sendmsg(fd, p, flags uintptr) sysResult {
	vm := mp.vm
	if !vm.fds[fd] {
		return sysErr(syscall.EBADF)
	}
	mh, ok := vm.loadMsghdr(p, false)
	if !ok {
		return sysErr(syscall.EFAULT)
	}
	sc := mp.scratch()
	var h rawMsghdr
	if mh.name != 0 && mh.namelen != 0 {
		if e := vm.sockaddrIn(mh.name, mh.namelen); e != 0 {
			return sysErr(e)
		}
		h.name, h.namelen = uint64(mh.name), uint32(mh.namelen)
	}
	iov, e := mp.iovecs(mh.iov, mh.iovlen, false)
	if e == syscall.EINVAL {
		e = syscall.EMSGSIZE // sendmsg's answer to too many iovecs
	}
	if e != 0 {
		return sysErr(e)
	}
	h.iov, h.iovlen = iov, uint64(mh.iovlen)
	if mh.controllen != 0 {
		if mh.controllen > controlMax {
			return sysErr(syscall.ENOBUFS)
		}
		b, ok := vm.mem.Bytes(mh.control, mh.controllen)
		if !ok {
			return sysErr(syscall.EFAULT)
		}
		control := scratchBuf(&sc.val, mh.controllen)
		copy(control, b)
		msgs, err := syscall.ParseSocketControlMessage(control)
		if err != nil {
			return sysErr(syscall.EINVAL)
		}
		for _, m := range msgs {
			if m.Header.Level != syscall.SOL_SOCKET || m.Header.Type != syscall.SCM_RIGHTS {
				continue
			}
			fds, err := syscall.ParseUnixRights(&m)
			if err != nil {
				return sysErr(syscall.EINVAL)
			}
			for _, f := range fds {
				if !vm.fds[uintptr(f)] {
					return sysErr(syscall.EBADF)
				}
			}
		}
		h.control, h.controllen = addrOf(control), uint64(len(control))
	}
	sc.msg = h
	return vm.hostCall(sysSendmsg, fd, uintptr(unsafe.Pointer(&sc.msg)), flags, 0, 0, 0)
}

// recvmsg receives a message for the msghdr at p: the data straight into
// its validated buffers, the address and the control messages through the
// M's scratch, copied back with the lengths the kernel wrote. Descriptors
// received in SCM_RIGHTS become the program's (close-on-exec).
func (mp *m) recvmsg(fd, p, flags uintptr) sysResult {
	vm := mp.vm
	if !vm.fds[fd] {
		return sysErr(syscall.EBADF)
	}
	mh, ok := vm.loadMsghdr(p, true)
	if !ok {
		return sysErr(syscall.EFAULT)
	}
	sc := mp.scratch()
	var h rawMsghdr
	nameLen := min(uint32(mh.namelen), sockaddrMax)
	if mh.name != 0 {
		if _, ok := vm.sysBuf(mh.name, uintptr(nameLen), true); !ok {
			return sysErr(syscall.EFAULT)
		}
		h.name, h.namelen = uint64(uintptr(unsafe.Pointer(&sc.addr))), sockaddrMax
	}
	iov, e := mp.iovecs(mh.iov, mh.iovlen, true)
	if e == syscall.EINVAL {
		e = syscall.EMSGSIZE
	}
	if e != 0 {
		return sysErr(e)
	}
	h.iov, h.iovlen = iov, uint64(mh.iovlen)
	var control []byte
	if mh.controllen != 0 {
		n := min(mh.controllen, controlMax)
		if _, ok := vm.sysBuf(mh.control, n, true); !ok {
			return sysErr(syscall.EFAULT)
		}
		control = scratchBuf(&sc.val, n)
		h.control, h.controllen = addrOf(control), uint64(n)
	}
	sc.msg = h
	r := vm.hostCall(sysRecvmsg, fd, uintptr(unsafe.Pointer(&sc.msg)), flags|msgCmsgCloexec, 0, 0, 0)
	if r.errno != 0 {
		return r
	}
	h = sc.msg
	if mh.name != 0 {
		vm.mem.WriteBytes(mh.name, sc.addr[:min(nameLen, h.namelen)])
		vm.mem.Store32(p+8, h.namelen)
	}
	if control != nil {
		control = control[:min(uint64(len(control)), h.controllen)]
		vm.mem.WriteBytes(mh.control, control)
		if msgs, err := syscall.ParseSocketControlMessage(control); err == nil {
			for _, m := range msgs {
				if m.Header.Level == syscall.SOL_SOCKET && m.Header.Type == syscall.SCM_RIGHTS {
					fds, _ := syscall.ParseUnixRights(&m)
					for _, f := range fds {
						vm.fds[uintptr(f)] = true
					}
				}
			}
		}
	}
	vm.mem.Store64(p+40, h.controllen)
	// The kernel echoes MSG_CMSG_CLOEXEC in the flags; the program sees
	// only what it asked for.
	vm.mem.Store32(p+48, uint32(h.flags)&^msgCmsgCloexec|uint32(flags)&msgCmsgCloexec)
	return r
}

// setsockopt sets an option from the host's copy of its value. The options
// whose value names memory or a descriptor are checked: a socket filter's
// instructions are copied too and the copy's address handed over, an XDP
// umem must lie in the arena, a BPF program's descriptor must be the
// program's, and the netfilter table replacements, whose values hold
// pointers the kernel writes through, are refused.
func (mp *m) setsockopt(fd, level, name, p, n uintptr) sysResult {
	vm := mp.vm
	if !vm.fds[fd] {
		return sysErr(syscall.EBADF)
	}
	lvl, opt := int32(level), int32(name)
	if int32(n) < 0 || uint32(n) > optMax {
		return sysErr(syscall.EINVAL)
	}
	n = uintptr(uint32(n))
	b, ok := vm.sysBuf(p, n, false)
	if !ok {
		return sysErr(syscall.EFAULT)
	}
	sc := mp.scratch()
	val := scratchBuf(&sc.val, n)
	copy(val, b)
	switch {
	case lvl == syscall.SOL_SOCKET && (opt == soAttachFilter || opt == soAttachReuseportCBPF),
		lvl == solPacket && opt == packetFanoutData:
		if len(val) < sockFprogSize {
			return sysErr(syscall.EINVAL)
		}
		count := uintptr(binary.LittleEndian.Uint16(val))
		insns := uintptr(binary.LittleEndian.Uint64(val[8:]))
		fb, ok := vm.sysBuf(insns, count*sockFilterSize, false)
		if !ok {
			return sysErr(syscall.EFAULT)
		}
		filter := scratchBuf(&sc.filter, count*sockFilterSize)
		copy(filter, fb)
		binary.LittleEndian.PutUint64(val[8:], addrOf(filter))
	case lvl == syscall.SOL_SOCKET && (opt == soAttachBPF || opt == soAttachReuseportEBPF):
		if len(val) >= 4 && !vm.fds[uintptr(binary.LittleEndian.Uint32(val))] {
			return sysErr(syscall.EBADF)
		}
	case lvl == solXDP && opt == xdpUmemReg:
		if len(val) >= xdpUmemRegSize {
			addr := uintptr(binary.LittleEndian.Uint64(val))
			size := uintptr(binary.LittleEndian.Uint64(val[8:]))
			if _, ok := vm.sysBuf(addr, size, true); !ok {
				return sysErr(syscall.EFAULT)
			}
		}
	case (lvl == syscall.SOL_IP || lvl == syscall.SOL_IPV6) &&
		(opt == netfilterReplace || opt == netfilterArpReplace || opt >= netfilterEbtFirst && opt <= netfilterEbtLast):
		return sysErr(syscall.EPERM)
	}
	return vm.hostCall(sysSetsockopt, fd, level, name, uintptr(addrOf(val)), n, 0)
}

// getsockopt reads an option into the M's scratch, sized by the program's
// length, and copies back what the kernel wrote. TCP_ZEROCOPY_RECEIVE,
// which maps pages at an address its value holds, and the ebtables
// controls, whose values hold pointers, are refused.
func (mp *m) getsockopt(fd, level, name, p, lenp uintptr) sysResult {
	vm := mp.vm
	if !vm.fds[fd] {
		return sysErr(syscall.EBADF)
	}
	lvl, opt := int32(level), int32(name)
	if lvl == syscall.IPPROTO_TCP && opt == tcpZerocopyReceive ||
		(lvl == syscall.SOL_IP || lvl == syscall.SOL_IPV6) && opt >= netfilterEbtFirst && opt <= netfilterEbtLast {
		return sysErr(syscall.EPERM)
	}
	if !vm.mem.Writable(lenp, 4) {
		return sysErr(syscall.EFAULT)
	}
	l, _ := vm.mem.Load32(lenp)
	if int32(l) < 0 {
		return sysErr(syscall.EINVAL)
	}
	l = min(l, optMax)
	if _, ok := vm.sysBuf(p, uintptr(l), true); !ok {
		return sysErr(syscall.EFAULT)
	}
	sc := mp.scratch()
	buf := scratchBuf(&sc.val, uintptr(l))
	sc.addrLen = l
	r := vm.hostCall(sysGetsockopt, fd, level, name, uintptr(addrOf(buf)), uintptr(unsafe.Pointer(&sc.addrLen)), 0)
	if r.errno != 0 {
		return r
	}
	vm.mem.WriteBytes(p, buf[:min(sc.addrLen, l)])
	vm.mem.Store32(lenp, sc.addrLen)
	return r
}

// closeHostFds closes, when the VM ends, the descriptors the program left
// open and the poller's, as the process's exit would: a VM never leaves
// a host descriptor behind.
func closeHostFds(vm *vm) {
	netpollFini(vm)
	for fd := range vm.fds {
		syscall.Close(int(fd))
	}
	clear(vm.fds)
}
