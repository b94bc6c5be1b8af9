// A TCP connection whose poll descriptor word (internal/poll's
// pollDesc.runtimeCtx, the runtime's handle for it) is forged: the next
// Read hands it to the poller, which must refuse it as gc faults on a wild
// *pollDesc.
//
// want: stop
package main

import (
	"net"
	"unsafe"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		println("mark: no listener:", err.Error())
		return
	}
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Write([]byte("x"))
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		println("mark: no connection:", err.Error())
		return
	}
	// *net.TCPConn holds the *netFD first; the netFD starts with its
	// poll.FD, whose pollDesc is at offset 32 (fdMutex 16, Sysfd 8,
	// SysFile 8).
	fd := *(*uintptr)(unsafe.Pointer(c.(*net.TCPConn)))
	ctx := (*uintptr)(unsafe.Pointer(fd + 32))
	println("mark: before")
	*ctx = 0x7654_3210_0000_0042
	buf := make([]byte, 1)
	n, err := c.Read(buf)
	println("mark: read", n, err != nil)
	println("mark: after")
}
