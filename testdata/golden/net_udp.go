// UDP on the loopback: ReadFrom, WriteTo, a connected socket, and
// ReadMsgUDP (recvmsg with a control buffer).
package main

import (
	"fmt"
	"net"
)

func main() {
	a, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	done := make(chan bool)
	go func() {
		buf := make([]byte, 100)
		for range 3 {
			n, from, err := a.ReadFrom(buf)
			if err != nil {
				fmt.Println("read:", err)
				break
			}
			fmt.Printf("a got %q from b: %v\n", buf[:n], from.String() == b.LocalAddr().String())
			a.WriteTo([]byte("ack "+string(buf[:n])), from)
		}
		done <- true
	}()
	buf := make([]byte, 100)
	for i := range 3 {
		b.WriteTo([]byte(fmt.Sprint("msg", i)), a.LocalAddr())
		n, _, _ := b.ReadFrom(buf)
		fmt.Printf("b got %q\n", buf[:n])
	}
	<-done
	uc := a.(*net.UDPConn)
	c, err := net.DialUDP("udp", nil, uc.LocalAddr().(*net.UDPAddr))
	if err != nil {
		fmt.Println(err)
		return
	}
	c.Write([]byte("via msg"))
	n, oobn, flags, addr, err := uc.ReadMsgUDP(buf, make([]byte, 64))
	fmt.Println(string(buf[:n]), oobn, flags, addr.String() == c.LocalAddr().String(), err)
	c.Close()
	a.Close()
	_, _, err = a.ReadFrom(buf)
	fmt.Println(err != nil)
}
