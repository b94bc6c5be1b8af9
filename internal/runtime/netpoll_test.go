package runtime_test

import (
	"syscall"
	"testing"
	"time"

	"gort/internal/runtime"
)

func pipe(t *testing.T) (r, w int) {
	t.Helper()
	var p [2]int
	if err := syscall.Pipe2(p[:], syscall.O_NONBLOCK|syscall.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	return p[0], p[1]
}

// TestNetpollReady checks that an event readies the goroutine parked on
// its descriptor's side, and only that one, and that an event nobody waits
// for is kept for the next wait (edge-triggered: it is not repeated).
func TestNetpollReady(t *testing.T) {
	np := runtime.NewNetpoller()
	defer np.Close()
	r, w := pipe(t)
	hr, e1 := np.Open(r)
	hw, e2 := np.Open(w)
	if e1 != 0 || e2 != 0 {
		t.Fatal(e1, e2)
	}
	// The write side is ready at once (room in the pipe), with nobody
	// waiting: no goroutine comes back.
	if gs := np.Poll(0); len(gs) != 0 {
		t.Fatalf("poll with no waiter returned %d goroutines", len(gs))
	}
	reader := np.Park(hr, 'r')
	if gs := np.Poll(0); len(gs) != 0 {
		t.Fatalf("poll before any data returned %d goroutines", len(gs))
	}
	syscall.Write(w, []byte("x"))
	gs := np.Poll(-1)
	if len(gs) != 1 || gs[0] != reader {
		t.Fatalf("poll after a write returned %v, want the reader", gs)
	}
	if np.Waiting() != 0 {
		t.Fatalf("%d waiters left", np.Waiting())
	}
	np.Unblock(hr)
	np.Unblock(hw)
	np.Free(hr)
	np.Free(hw)
}

// TestNetpollBreak checks that netpollBreak ends a blocked netpoll from
// another thread, and that breaks made before the wait coalesce: the wait
// after the one they end blocks again, here until its timeout. (A signal
// to the host thread can end a wait early, so each wait is retried until
// it has lasted or been broken.)
func TestNetpollBreak(t *testing.T) {
	np := runtime.NewNetpoller()
	defer np.Close()
	go func() {
		time.Sleep(20 * time.Millisecond)
		np.Break()
	}()
	start := time.Now()
	np.Poll(-1)
	if d := time.Since(start); d < 10*time.Millisecond {
		t.Logf("netpoll(-1) returned after %v, before the break (a signal?)", d)
	}
	np.Break()
	np.Break()
	np.Poll(-1) // ends at once: a break is pending
	for try := 0; ; try++ {
		start = time.Now()
		np.Poll(int64(30 * time.Millisecond))
		if d := time.Since(start); d >= 20*time.Millisecond {
			break
		} else if try == 5 {
			t.Fatalf("netpoll(30ms) after a drained break keeps returning early (%v)", d)
		}
	}
}

// TestPollHandles checks that a handle names its record only until
// pollClose frees it, also once the record is reused, and that forged
// handles name nothing.
func TestPollHandles(t *testing.T) {
	np := runtime.NewNetpoller()
	defer np.Close()
	r, _ := pipe(t)
	h, e := np.Open(r)
	if e != 0 {
		t.Fatal(e)
	}
	if !np.Valid(h) {
		t.Fatal("a fresh handle is not valid")
	}
	np.Unblock(h)
	np.Free(h)
	h2, e := np.Open(r)
	if e != 0 {
		t.Fatal(e)
	}
	if np.Valid(h) {
		t.Fatal("a freed handle still names a record after its reuse")
	}
	if !np.Valid(h2) || uint32(h2) != uint32(h) {
		t.Fatalf("the reused record's handle %#x is not valid, or not the same slot as %#x", h2, h)
	}
	for _, forged := range []uintptr{0, h2 + 1, h2 ^ 1<<40, 1 << 63, ^uintptr(0)} {
		if np.Valid(forged) {
			t.Errorf("forged handle %#x names a record", forged)
		}
	}
	// A regular file is not pollable: epoll refuses it with EPERM, and
	// internal/poll then does blocking I/O.
	f, err := syscall.Open("/proc/self/stat", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		t.Skip(err)
	}
	if _, e := np.Open(f); e != syscall.EPERM {
		t.Errorf("pollOpen of a regular file: errno %v, want EPERM", e)
	}
}
