// The socket calls with forged pointers, lengths and descriptors: each must
// fail with an errno (the kernel never sees a pointer outside the arena, a
// descriptor the program was not given, or a host descriptor to dup onto
// or pass over a socket), and the program runs on to its end.
package main

import (
	"syscall"
	"unsafe"
)

const wild = 0x7fff_0000_1000 // outside the arena and gc's heap

func check(what string, err syscall.Errno) {
	if err == 0 {
		println("mark: WRONG:", what, "succeeded")
		return
	}
	println("mark:", what, "fails:", err.Error())
}

func main() {
	fds := [2]int32{}
	if _, _, e := syscall.RawSyscall(syscall.SYS_SOCKETPAIR, syscall.AF_UNIX, syscall.SOCK_STREAM, 0); e == 0 {
		println("mark: WRONG: socketpair with a nil array succeeded")
	}
	_, _, e := syscall.RawSyscall6(syscall.SYS_SOCKETPAIR, syscall.AF_UNIX, syscall.SOCK_STREAM, 0, uintptr(unsafe.Pointer(&fds)), 0, 0)
	if e != 0 {
		println("mark: no socketpair:", e.Error())
		return
	}
	a, b := uintptr(fds[0]), uintptr(fds[1])
	println("mark: before")
	buf := make([]byte, 16)
	_, _, e = syscall.Syscall6(syscall.SYS_RECVFROM, a, wild, 100, syscall.MSG_DONTWAIT, 0, 0)
	check("recvfrom into a wild buffer", e)
	_, _, e = syscall.Syscall6(syscall.SYS_SENDTO, a, uintptr(unsafe.Pointer(&buf[0])), 1<<40, 0, 0, 0)
	check("sendto with a huge length", e)
	var l uint32 = 16
	_, _, e = syscall.RawSyscall(syscall.SYS_GETSOCKNAME, a, wild, uintptr(unsafe.Pointer(&l)))
	check("getsockname into a wild address", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_GETSOCKNAME, a, uintptr(unsafe.Pointer(&buf[0])), wild)
	check("getsockname with a wild length", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_BIND, a, wild, 16)
	check("bind from a wild address", e)
	// An iovec array whose second buffer is wild.
	iov := [2]syscall.Iovec{{Base: &buf[0], Len: 4}, {Len: 8}}
	*(*uintptr)(unsafe.Pointer(&iov[1].Base)) = wild
	_, _, e = syscall.Syscall(syscall.SYS_WRITEV, b, uintptr(unsafe.Pointer(&iov[0])), 2)
	check("writev with a wild iovec", e)
	_, _, e = syscall.Syscall(syscall.SYS_READV, a, uintptr(unsafe.Pointer(&iov[0])), 2)
	check("readv with a wild iovec", e)
	_, _, e = syscall.Syscall(syscall.SYS_READV, a, wild, 2)
	check("readv with a wild iovec array", e)
	// A msghdr whose iovec array, then control buffer, is wild.
	var msg syscall.Msghdr
	msg.Iovlen = 1
	*(*uintptr)(unsafe.Pointer(&msg.Iov)) = wild
	_, _, e = syscall.Syscall(syscall.SYS_SENDMSG, b, uintptr(unsafe.Pointer(&msg)), 0)
	check("sendmsg with a wild iovec array", e)
	msg.Iov = &iov[0]
	msg.Iovlen = 1
	*(*uintptr)(unsafe.Pointer(&msg.Control)) = wild
	msg.Controllen = 64
	_, _, e = syscall.Syscall(syscall.SYS_RECVMSG, a, uintptr(unsafe.Pointer(&msg)), syscall.MSG_DONTWAIT)
	check("recvmsg with a wild control buffer", e)
	_, _, e = syscall.Syscall(syscall.SYS_SENDMSG, b, wild, 0)
	check("sendmsg with a wild msghdr", e)
	// SCM_RIGHTS naming a descriptor the program does not have.
	rights := syscall.UnixRights(1000)
	msg = syscall.Msghdr{Iov: &iov[0], Iovlen: 1, Control: &rights[0], Controllen: uint64(len(rights))}
	_, _, e = syscall.Syscall(syscall.SYS_SENDMSG, b, uintptr(unsafe.Pointer(&msg)), 0)
	check("sendmsg passing a descriptor not the program's", e)
	// A socket filter whose instructions are wild.
	prog := [2]uint64{4, wild}
	_, _, e = syscall.Syscall6(syscall.SYS_SETSOCKOPT, a, syscall.SOL_SOCKET, syscall.SO_ATTACH_FILTER, uintptr(unsafe.Pointer(&prog)), 16, 0)
	check("SO_ATTACH_FILTER with wild instructions", e)
	_, _, e = syscall.Syscall6(syscall.SYS_GETSOCKOPT, a, syscall.SOL_SOCKET, syscall.SO_TYPE, wild, uintptr(unsafe.Pointer(&l)), 0)
	check("getsockopt into a wild buffer", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_PIPE2, wild, 0, 0)
	check("pipe2 into a wild array", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_DUP2, a, 1, 0)
	check("dup2 onto the standard output", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_DUP3, a, 1000, 0)
	check("dup3 onto a descriptor not the program's", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_EPOLL_CREATE1, 0, 0, 0)
	check("epoll_create1", e)
	_, _, e = syscall.RawSyscall6(syscall.SYS_EPOLL_CTL, 3, syscall.EPOLL_CTL_ADD, a, wild, 0, 0)
	check("epoll_ctl", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_ACCEPT4, a, wild, wild)
	check("accept4 into wild addresses", e)
	_, _, e = syscall.RawSyscall6(syscall.SYS_SPLICE, a, wild, b, 0, 16, 0)
	check("splice with a wild offset", e)
	_, _, e = syscall.RawSyscall(syscall.SYS_CLOSE, a, 0, 0)
	if e != 0 {
		println("mark: WRONG: the first close failed")
	}
	_, _, e = syscall.RawSyscall(syscall.SYS_CLOSE, a, 0, 0)
	check("a second close", e)
	for fd := uintptr(3); fd < 64; fd++ {
		if fd != b {
			syscall.RawSyscall(syscall.SYS_CLOSE, fd, 0, 0)
		}
	}
	_, _, e = syscall.RawSyscall(syscall.SYS_WRITE, b, uintptr(unsafe.Pointer(&buf[0])), 1)
	if e != syscall.EPIPE && e != syscall.ECONNRESET && e != 0 {
		println("mark: write after the peer closed:", e.Error())
	}
	println("mark: after")
}
