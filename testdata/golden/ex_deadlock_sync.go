package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	rw.Lock()
	mu.Lock()
	c := sync.NewCond(&sync.Mutex{})
	go func() { mu.Lock() }()
	go func() { rw.RLock() }()
	go func() { rw.Lock() }()
	go func() { c.L.Lock(); c.Wait() }()
	go func() { select {} }()
	time.Sleep(10 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
