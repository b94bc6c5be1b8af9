//go:build gort

package runtime

import "unsafe"

// SetFinalizer sets the finalizer of the object obj points to, or clears it
// for a nil finalizer. It makes the real checks, and a misuse is the same
// fatal error (a native); the collector queues the finalizer when the
// object becomes unreachable, and runfinq runs it.
func SetFinalizer(obj any, finalizer any)

// runfinq is the finalizer goroutine: it runs the queued finalizers and
// cleanups one at a time, each through reflectcall with the argument block
// the runtime made.
func runfinq() {
	for {
		fn, frame, size := nextFinalizer()
		reflectcall(nil, fn, frame, size, size, size, nil)
	}
}

// nextFinalizer returns the next queued call: its funcval and its
// argument block of size bytes. It parks while none is queued (a native).
func nextFinalizer() (fn, frame unsafe.Pointer, size uint32)
