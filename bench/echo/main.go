// echo: 1000 TCP connections on the loopback, each making 100 round trips
// of a 64-byte message through an echo server with a goroutine per
// connection: the network poller, with a thousand goroutines parked in it.
package main

import (
	"io"
	"net"
	"sync"
)

const (
	conns  = 1000
	rounds = 100
	size   = 64
)

func serve(c net.Conn) {
	defer c.Close()
	buf := make([]byte, size)
	for {
		if _, err := io.ReadFull(c, buf); err != nil {
			return
		}
		if _, err := c.Write(buf); err != nil {
			return
		}
	}
}

func client(addr string, id int) uint64 {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	out, in := make([]byte, size), make([]byte, size)
	var sum uint64
	for r := range rounds {
		for i := range out {
			out[i] = byte(id*31 + r*7 + i)
		}
		if _, err := c.Write(out); err != nil {
			panic(err)
		}
		if _, err := io.ReadFull(c, in); err != nil {
			panic(err)
		}
		for _, b := range in {
			sum = sum*1000003 + uint64(b)
		}
	}
	return sum
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	sums := make([]uint64, conns)
	var wg sync.WaitGroup
	for id := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[id] = client(ln.Addr().String(), id)
		}()
	}
	wg.Wait()
	ln.Close()
	var total uint64
	for _, s := range sums {
		total ^= s
	}
	println("echo", conns, rounds, total)
}
