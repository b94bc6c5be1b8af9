// os.Pipe between goroutines, through the network poller: a reader that
// waits for the writer, a read deadline, a reader unblocked by Close, and
// a writer that waits for room in a full pipe.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	go func() {
		for i := range 3 {
			fmt.Fprintf(w, "line %d\n", i)
			time.Sleep(5 * time.Millisecond)
		}
		w.Close()
	}()
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, err)
	r.Close()

	r, w, _ = os.Pipe()
	r.SetReadDeadline(time.Now().Add(10 * time.Millisecond))
	_, err = r.Read(make([]byte, 1))
	fmt.Println(os.IsTimeout(err), err)
	r.SetReadDeadline(time.Time{})
	done := make(chan error)
	go func() {
		_, err := r.Read(make([]byte, 1))
		done <- err
	}()
	time.Sleep(5 * time.Millisecond)
	r.Close()
	fmt.Println(<-done)
	w.Close()

	// More than a pipe holds: the writer parks until the reader drains.
	r, w, _ = os.Pipe()
	big := strings.Repeat("x", 1<<20)
	go func() {
		n, err := io.WriteString(w, big)
		fmt.Println("wrote", n, err)
		w.Close()
	}()
	b, err = io.ReadAll(r)
	fmt.Println("read", len(b), err)
	r.Close()
}
