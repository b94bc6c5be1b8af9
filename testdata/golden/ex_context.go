package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func producer(ctx context.Context, out chan<- int) {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case out <- i:
			time.Sleep(time.Millisecond)
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	fmt.Println(slowOp(ctx, time.Millisecond))
	err := slowOp(ctx, time.Second)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	_, hasDeadline := ctx.Deadline()
	fmt.Println(hasDeadline)

	ctx2, cancel2 := context.WithCancel(context.Background())
	ch := make(chan int)
	go producer(ctx2, ch)
	sum := 0
	for v := range ch {
		sum += v
		if v == 10 {
			cancel2()
			break
		}
	}
	for range ch {
	}
	fmt.Println("sum", sum, ctx2.Err())

	vctx := context.WithValue(context.Background(), ctxKey("user"), "ann")
	vctx = context.WithValue(vctx, ctxKey("role"), "admin")
	fmt.Println(vctx.Value(ctxKey("user")), vctx.Value(ctxKey("role")), vctx.Value(ctxKey("none")), vctx.Value("user"))

	cctx, ccancel := context.WithCancelCause(context.Background())
	ccancel(errors.New("shutdown requested"))
	fmt.Println(cctx.Err(), context.Cause(cctx))

	parent, pcancel := context.WithCancel(context.Background())
	child, chcancel := context.WithTimeout(parent, time.Hour)
	defer chcancel()
	pcancel()
	<-child.Done()
	fmt.Println("child:", child.Err())

	var wg sync.WaitGroup
	gctx, gcancel := context.WithTimeout(context.Background(), 15*time.Millisecond)
	defer gcancel()
	results := make([]string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			d := time.Duration(i*10) * time.Millisecond
			if err := slowOp(gctx, d); err != nil {
				results[i] = fmt.Sprintf("task %d: %v", i, err)
				return
			}
			results[i] = fmt.Sprintf("task %d: done", i)
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	stop := context.AfterFunc(ctx2, func() { fmt.Println("afterfunc ran") })
	time.Sleep(5 * time.Millisecond)
	fmt.Println("stop:", stop())
	tctx, tcancel := context.WithTimeoutCause(context.Background(), time.Millisecond, errors.New("too slow"))
	defer tcancel()
	<-tctx.Done()
	fmt.Println(tctx.Err(), context.Cause(tctx))
	wctx := context.WithoutCancel(ctx2)
	fmt.Println(wctx.Err(), ctx2.Err())
	fmt.Println(context.Background(), context.TODO())
}
