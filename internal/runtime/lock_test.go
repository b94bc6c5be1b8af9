package runtime_test

import (
	"testing"

	"gort/internal/runtime"
)

func TestLockRanks(t *testing.T) {
	if got, want := runtime.LockOutOfOrder(), "lock ordering problem: mheap held while taking sched"; got != want {
		t.Errorf("taking sched's lock under the heap's threw %q, want %q", got, want)
	}
	if n := runtime.LockInOrder(); n != 0 {
		t.Errorf("%d locks held after releasing both", n)
	}
}
