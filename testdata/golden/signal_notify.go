// signal_notify: os/signal delivery of signals a program sends itself
// (Notify, Ignore, Stop, Reset), and a goroutine blocked on a signal
// channel waits for the signal rather than reporting a deadlock.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	for _, s := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		if err := syscall.Kill(syscall.Getpid(), s); err != nil {
			fmt.Println("kill:", err)
		}
		fmt.Println("got", <-c)
	}

	signal.Ignore(syscall.SIGHUP)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGTERM))
	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	select {
	case s := <-c:
		fmt.Println("unexpected", s)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("SIGHUP ignored")
	}

	signal.Stop(c)
	d := make(chan os.Signal, 1)
	signal.Notify(d, syscall.SIGUSR1)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR1)
	fmt.Println("got", <-d, "after Stop")
	select {
	case s := <-c:
		fmt.Println("unexpected on stopped", s)
	default:
		fmt.Println("stopped channel quiet")
	}

	signal.Reset(syscall.SIGHUP)
	fmt.Println("after reset ignored:", signal.Ignored(syscall.SIGHUP))

	// Blocking on a signal is not a deadlock.
	e := make(chan os.Signal, 1)
	signal.Notify(e, syscall.SIGTERM)
	go func() {
		time.Sleep(20 * time.Millisecond)
		syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	}()
	fmt.Println("waited for", <-e)
	signal.Reset()
	fmt.Println("reset all, ignored:", signal.Ignored(syscall.SIGHUP))
}
