// Stateful goroutines: one goroutine owns a map and serves reads and
// writes over channels; atomic counters count the operations; a mutex
// version is compared; WaitGroup.Go runs the clients.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key, val int
	resp     chan bool
}

type counter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *counter) inc(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[name]++
}

func main() {
	var readOps, writeOps atomic.Uint64
	reads := make(chan readOp)
	writes := make(chan writeOp)
	quit := make(chan struct{})
	final := make(chan map[int]int)
	go func() {
		state := map[int]int{}
		for {
			select {
			case r := <-reads:
				r.resp <- state[r.key]
			case w := <-writes:
				state[w.key] += w.val
				w.resp <- true
			case <-quit:
				final <- state
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for r := range 10 {
		wg.Go(func() {
			for i := range 20 {
				op := readOp{key: (r + i) % 5, resp: make(chan int)}
				reads <- op
				<-op.resp
				readOps.Add(1)
			}
		})
	}
	for w := range 5 {
		wg.Go(func() {
			for i := range 10 {
				op := writeOp{key: i % 5, val: w + 1, resp: make(chan bool)}
				writes <- op
				<-op.resp
				writeOps.Add(1)
			}
		})
	}
	wg.Wait()
	close(quit)
	state := <-final
	fmt.Println("reads:", readOps.Load(), "writes:", writeOps.Load())
	for k := range 5 {
		fmt.Printf("key %d = %d\n", k, state[k])
	}

	c := counter{m: map[string]int{}}
	var wg2 sync.WaitGroup
	for _, name := range []string{"a", "b", "a", "c", "a", "b"} {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for range 1000 {
				c.inc(name)
			}
		}()
	}
	wg2.Wait()
	fmt.Println(c.m["a"], c.m["b"], c.m["c"])

	var ops atomic.Int64
	var flag atomic.Bool
	var ptr atomic.Pointer[string]
	var val atomic.Value
	var wg3 sync.WaitGroup
	for range 50 {
		wg3.Go(func() {
			for range 100 {
				ops.Add(2)
			}
			flag.CompareAndSwap(false, true)
		})
	}
	wg3.Wait()
	s := "hello"
	ptr.Store(&s)
	val.Store([]int{1, 2})
	old := ops.Swap(7)
	fmt.Println(old, ops.Load(), flag.Load(), *ptr.Load(), val.Load(), ops.CompareAndSwap(7, 8), ops.Load())
	var u32 uint32
	atomic.AddUint32(&u32, ^uint32(0))
	fmt.Println(u32, atomic.LoadUint32(&u32))
	var raw int32 = 5
	swapped := atomic.CompareAndSwapInt32(&raw, 4, 9)
	prev := atomic.SwapInt32(&raw, 1)
	fmt.Println(swapped, prev, raw)
	prev = atomic.OrInt32(&raw, 6)
	fmt.Println(prev, raw)
	prev = atomic.AndInt32(&raw, 3)
	fmt.Println(prev, raw)
}
