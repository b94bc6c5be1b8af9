// uncaught sends itself SIGTERM without asking for it: the process dies of
// the signal, as a native binary does.
package main

import (
	"fmt"
	"syscall"
	"time"
)

func main() {
	fmt.Println("before")
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
