package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Container struct {
	mu       sync.Mutex
	counters map[string]int
}

func (c *Container) inc(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counters[name]++
}

type SafeCache struct {
	mu   sync.RWMutex
	data map[int]int
}

func (s *SafeCache) Get(k int) (int, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.data[k]
	return v, ok
}

func (s *SafeCache) Set(k, v int) {
	s.mu.Lock()
	s.data[k] = v
	s.mu.Unlock()
}

func main() {
	c := Container{counters: map[string]int{"a": 0, "b": 0}}
	var wg sync.WaitGroup
	doIncrement := func(name string, n int) {
		for i := 0; i < n; i++ {
			c.inc(name)
		}
		wg.Done()
	}
	wg.Add(3)
	go doIncrement("a", 1000)
	go doIncrement("a", 1000)
	go doIncrement("b", 1000)
	wg.Wait()
	fmt.Println(c.counters["a"], c.counters["b"])

	var ops atomic.Uint64
	var old int64
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 100; c++ {
				ops.Add(1)
				atomic.AddInt64(&old, 2)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops.Load(), "old:", atomic.LoadInt64(&old))

	var flag atomic.Bool
	fmt.Println(flag.CompareAndSwap(false, true), flag.CompareAndSwap(false, true), flag.Load())
	var p atomic.Pointer[string]
	s := "hello"
	p.Store(&s)
	fmt.Println(*p.Load())
	var v atomic.Value
	v.Store([]int{1, 2, 3})
	fmt.Println(v.Load().([]int))
	var i32 int32 = 5
	old32 := atomic.SwapInt32(&i32, 9)
	mid := i32
	fmt.Println(old32, mid, atomic.CompareAndSwapInt32(&i32, 9, 10), i32)

	sc := &SafeCache{data: map[int]int{}}
	for i := 0; i < 10; i++ {
		wg.Add(2)
		go func(i int) { defer wg.Done(); sc.Set(i, i*i) }(i)
		go func(i int) { defer wg.Done(); sc.Get(i) }(i)
	}
	wg.Wait()
	sum := 0
	for i := 0; i < 10; i++ {
		v, _ := sc.Get(i)
		sum += v
	}
	fmt.Println("cache sum:", sum)

	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	ov := sync.OnceValue(func() int { fmt.Println("computing"); return 7 })
	fmt.Println(ov(), ov())
	ovs := sync.OnceValues(func() (string, error) { return "x", nil })
	a, err := ovs()
	fmt.Println(a, err)
}
