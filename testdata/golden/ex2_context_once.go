// context and sync.Once*: cancellation propagating to workers, a timeout
// that expires, WithValue lookups through a chain, WithCancelCause,
// AfterFunc, WithoutCancel, and OnceFunc/OnceValue/OnceValues.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

func worker(ctx context.Context, id int, out chan<- string) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-time.After(time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	for i := range 3 {
		go worker(ctx, i, out)
	}
	time.Sleep(5 * time.Millisecond)
	cancel()
	got := map[string]bool{}
	for range 3 {
		got[<-out] = true
	}
	fmt.Println(len(got), got["worker 1 stopped: context canceled"])
	cancel()

	tctx, tcancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer tcancel()
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	case <-time.After(5 * time.Second):
		fmt.Println("no timeout")
	}
	_, hasDeadline := tctx.Deadline()
	fmt.Println("deadline set:", hasDeadline)

	vctx := context.WithValue(context.Background(), ctxKey("user"), "ann")
	vctx = context.WithValue(vctx, ctxKey("req"), 42)
	child, ccancel := context.WithCancel(vctx)
	fmt.Println(child.Value(ctxKey("user")), child.Value(ctxKey("req")), child.Value(ctxKey("none")), child.Value("user"))
	ccancel()
	fmt.Println(vctx.Err(), child.Err())

	cctx, ccause := context.WithCancelCause(context.Background())
	ccause(errors.New("shutdown requested"))
	fmt.Println(cctx.Err(), context.Cause(cctx))
	dctx, dcancel := context.WithDeadlineCause(context.Background(), time.Now().Add(-time.Second), errors.New("too late"))
	defer dcancel()
	fmt.Println(dctx.Err(), context.Cause(dctx))

	actx, acancel := context.WithCancel(context.Background())
	ran := make(chan bool, 1)
	stop := context.AfterFunc(actx, func() { ran <- true })
	acancel()
	fmt.Println("afterfunc ran:", <-ran, "stop after run:", stop())
	wc := context.WithoutCancel(actx)
	fmt.Println(actx.Err(), wc.Err(), wc.Done() == nil)
	fmt.Println(context.Background(), context.TODO())

	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once.Do body") })
	}
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("OnceFunc body") })
	f()
	f()
	v := sync.OnceValue(func() int { calls++; return 6 * 7 })
	fmt.Println(v(), v(), calls)
	vs := sync.OnceValues(func() (string, error) { calls++; return "cfg", errors.New("partial") })
	s1, e1 := vs()
	s2, e2 := vs()
	fmt.Println(s1, e1, s2, e2, calls)
	p := sync.OnceFunc(func() { panic("once panic") })
	for range 2 {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			p()
		}()
	}
}
