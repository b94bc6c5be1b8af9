package runtime_test

import (
	"testing"

	"gort/internal/runtime"
)

// TestNoNilNatives checks that every name in the native table is bound to a
// function. Init funcs run in file order, so an alias that copies another
// file's entry can copy a nil one; a nil native is a host panic at its first
// call.
func TestNoNilNatives(t *testing.T) {
	for _, name := range runtime.NilNatives() {
		t.Errorf("native %s is bound to nil", name)
	}
}
