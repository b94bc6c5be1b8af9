package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	cap   int
}

func NewQueue(n int) *Queue {
	q := &Queue{cap: n}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	for len(q.items) == q.cap {
		q.cond.Wait()
	}
	q.items = append(q.items, v)
	q.cond.Broadcast()
	q.mu.Unlock()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.cond.Broadcast()
	q.mu.Unlock()
	return v
}

func main() {
	q := NewQueue(3)
	var wg sync.WaitGroup
	results := make([]int, 0)
	var rmu sync.Mutex
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				v := q.Get()
				rmu.Lock()
				results = append(results, v)
				rmu.Unlock()
			}
		}()
	}
	for i := 0; i < 30; i++ {
		q.Put(i)
	}
	wg.Wait()
	sum := 0
	for _, v := range results {
		sum += v
	}
	fmt.Println(len(results), sum)

	// semaphore via buffered channel
	sem := make(chan struct{}, 2)
	var active, maxActive int
	var mu sync.Mutex
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			mu.Lock()
			active++
			if active > maxActive {
				maxActive = active
			}
			mu.Unlock()
			for j := 0; j < 1000; j++ {
			}
			mu.Lock()
			active--
			mu.Unlock()
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println("max active <= 2:", maxActive <= 2)
	// sync.Map
	var m sync.Map
	for i := 0; i < 5; i++ {
		m.Store(i, fmt.Sprint("v", i))
	}
	v, ok := m.Load(3)
	fmt.Println(v, ok)
	act, loaded := m.LoadOrStore(3, "new")
	fmt.Println(act, loaded)
	m.Delete(3)
	_, ok = m.Load(3)
	fmt.Println(ok)
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println("entries:", n)
}
