// Deadlines on a TCP connection: a read that times out (with the error as
// Go prints it), a cleared deadline, a deadline already past, a read after
// Close, and an Accept ended by closing its listener.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	release := make(chan bool)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		<-release
		c.Write([]byte("late"))
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	buf := make([]byte, 10)
	_, err = c.Read(buf)
	var ne net.Error
	fmt.Println(errors.As(err, &ne) && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded))
	if op, ok := err.(*net.OpError); ok {
		fmt.Println(op.Op, op.Net, op.Err)
	}
	c.SetReadDeadline(time.Time{})
	release <- true
	n, err := c.Read(buf)
	fmt.Println(string(buf[:n]), err)
	_, err = c.Read(buf)
	fmt.Println(err)
	c.SetDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded))
	_, err = c.Write(buf)
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded))
	c.Close()
	_, err = c.Read(buf)
	fmt.Println(errors.Is(err, net.ErrClosed))
	done := make(chan error)
	go func() {
		_, err := ln.Accept()
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	ln.Close()
	fmt.Println(errors.Is(<-done, net.ErrClosed))
	// A deadline on a listener.
	ln, _ = net.Listen("tcp", "127.0.0.1:0")
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(10 * time.Millisecond))
	_, err = ln.Accept()
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded))
	ln.Close()
}
