package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for ready == 0 {
				c.Wait()
			}
			ready++
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = 1
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("ready", ready)
	queue := []int{}
	cond := sync.NewCond(&sync.Mutex{})
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			cond.L.Lock()
			for len(queue) == 0 {
				cond.Wait()
			}
			fmt.Println("got", queue[0])
			queue = queue[1:]
			cond.L.Unlock()
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		cond.L.Lock()
		queue = append(queue, i)
		cond.Signal()
		cond.L.Unlock()
	}
	<-done
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once") })
	}
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	var m sync.Map
	m.Store("a", 1)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	p := sync.Pool{New: func() any { return new(int) }}
	x := p.Get().(*int)
	p.Put(x)
	fmt.Println("pool ok")
}
