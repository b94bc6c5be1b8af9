// A TCP connection given the poll descriptor word of another one that has
// been closed: the handle names a freed record, which the poller must
// refuse rather than wait on (or wake) whatever reuses it.
//
// want: stop
package main

import (
	"net"
	"unsafe"
)

func ctxOf(c net.Conn) *uintptr {
	fd := *(*uintptr)(unsafe.Pointer(c.(*net.TCPConn)))
	return (*uintptr)(unsafe.Pointer(fd + 32))
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		println("mark: no listener:", err.Error())
		return
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("x"))
		}
	}()
	a, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		println("mark: no connection:", err.Error())
		return
	}
	old := *ctxOf(a)
	a.Close()
	b, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		println("mark: no connection:", err.Error())
		return
	}
	// Closing the listener frees its record too; b's own stays valid.
	println("mark: before")
	*ctxOf(b) = old
	buf := make([]byte, 1)
	n, err := b.Read(buf)
	println("mark: read", n, err != nil)
	println("mark: after")
}
