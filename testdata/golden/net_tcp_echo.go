// A TCP echo server on the loopback and several clients at once: accept,
// connect, reads and writes that park in the network poller.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
	"sync"
)

func serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		io.WriteString(c, strings.ToUpper(line))
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
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
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				fmt.Println("dial:", err)
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			for j := range 5 {
				fmt.Fprintf(c, "client %d line %d\n", i, j)
				line, err := r.ReadString('\n')
				if err != nil {
					fmt.Println("read:", err)
					return
				}
				mu.Lock()
				got = append(got, strings.TrimSpace(line))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	sort.Strings(got)
	for _, l := range got {
		fmt.Println(l)
	}
	// A large write the peer reads in pieces: the writer waits for room.
	c, _ := net.Dial("tcp", ln.Addr().String())
	big := strings.Repeat("abcdefghij", 100000) + "\n"
	go io.WriteString(c, big)
	line, err := bufio.NewReader(c).ReadString('\n')
	fmt.Println(len(line), err, line[:10])
	c.Close()
	ln.Close()
	_, err = ln.Accept()
	fmt.Println(err != nil)
}
