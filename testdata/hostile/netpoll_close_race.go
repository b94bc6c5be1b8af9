// Goroutines blocked in the poller while their descriptors are closed under
// them: through net (Close unblocks the waiter), and behind internal/poll's
// back (syscall.Close of the raw descriptor, then a deadline to end the
// wait). No wait may hang, none may crash the runtime, and the program
// runs to its end.
package main

import (
	"net"
	"os"
	"syscall"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		println("mark: no listener:", err.Error())
		return
	}
	go func() {
		for {
			if _, err := ln.Accept(); err != nil {
				return
			}
		}
	}()
	println("mark: before")
	const n = 20
	done := make(chan error, n)
	var conns []net.Conn
	for range n {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			println("mark: no connection:", err.Error())
			return
		}
		conns = append(conns, c)
		go func() {
			_, err := c.Read(make([]byte, 1))
			done <- err
		}()
	}
	time.Sleep(10 * time.Millisecond)
	for i, c := range conns {
		if i%2 == 0 {
			c.Close()
			continue
		}
		// Close the descriptor itself: the reader never hears of it
		// from the poller, so a deadline ends its wait.
		raw, _ := c.(*net.TCPConn).SyscallConn()
		raw.Control(func(fd uintptr) { syscall.Close(int(fd)) })
		c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	}
	for range n {
		if err := <-done; err == nil {
			println("mark: WRONG: a read on a closed connection succeeded")
		}
	}
	for _, c := range conns {
		c.Close()
	}
	// A pipe closed while read, and a deadline changed while waiting.
	r, w, err := os.Pipe()
	if err == nil {
		go func() {
			_, err := r.Read(make([]byte, 1))
			done <- err
		}()
		r.SetReadDeadline(time.Now().Add(time.Hour))
		time.Sleep(5 * time.Millisecond)
		r.SetReadDeadline(time.Now().Add(-time.Second))
		if err := <-done; err == nil {
			println("mark: WRONG: a read past its deadline succeeded")
		}
		r.Close()
		r.Close()
		w.Close()
	}
	ln.Close()
	println("mark: after")
}
