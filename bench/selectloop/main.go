// Selectloop measures select: a goroutine feeds two channels in turn and
// main receives with a select over both plus a quit channel.
package main

const n = 500_000

func main() {
	a := make(chan int)
	b := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < n; i++ {
			if i&1 == 0 {
				a <- i
			} else {
				b <- i
			}
		}
		quit <- true
	}()
	sa, sb := 0, 0
	for {
		select {
		case v := <-a:
			sa += v & 0xff
		case v := <-b:
			sb += v & 0xff
		case <-quit:
			println(sa, sb)
			return
		}
	}
}
