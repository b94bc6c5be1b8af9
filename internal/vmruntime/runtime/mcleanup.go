//go:build gort

package runtime

import "unsafe"

// AddCleanup attaches cleanup(arg) to ptr's object, to run once the object
// is unreachable. It makes the real checks and panics as the real one
// does. The closure that calls cleanup(arg) is the collector's root, not
// ptr's object.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		panic("runtime.AddCleanup: ptr is nil")
	}
	usptr := uintptr(unsafe.Pointer(ptr))
	kind, _ := efacekind(arg)
	argIsPointer := kind == kindPointer || kind == kindUnsafePointer
	var argPtr uintptr
	if argIsPointer {
		argPtr = *(*uintptr)(unsafe.Pointer(&arg))
		if argPtr == usptr {
			panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
		}
	}
	base, end, tiny, static := findObject(usptr)
	if base == 0 {
		if static {
			return Cleanup{} // no heap object: nothing to clean up after
		}
		panic("runtime.AddCleanup: ptr not in allocated block")
	}
	if argIsPointer && argPtr >= base && argPtr < end && !tiny {
		panic("runtime.AddCleanup: ptr is within arg, cleanup will never run")
	}
	if closesOver(*(*uintptr)(unsafe.Pointer(&cleanup)), base, end) {
		panic("runtime.AddCleanup: cleanup function closes over ptr, cleanup will never run")
	}
	id := addCleanup(unsafe.Pointer(ptr), func() { cleanup(arg) })
	return Cleanup{id: id, ptr: usptr}
}

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id  uint64  // 0 for a cleanup that will never be needed
	ptr uintptr // the object
}

// Stop cancels the cleanup call, if it has not been queued yet.
func (c Cleanup) Stop() {
	if c.id != 0 {
		stopCleanup(c.id)
	}
}

// addCleanup records that fn is to run once ptr's object is unreachable,
// and returns the record's id (a native).
func addCleanup(ptr unsafe.Pointer, fn func()) uint64

// stopCleanup drops the record id if it is not queued yet (a native).
func stopCleanup(id uint64)

// Natives for AddCleanup's checks.

// findObject returns the heap object holding p, [base, end), and whether
// it lies in a block the tiny allocator shares; base is 0 if p is in no
// heap object, and static says whether p is still a Go pointer then (into
// the program's static data).
func findObject(p uintptr) (base, end uintptr, tiny, static bool)

// closesOver reports whether the closure object fv holds a pointer into
// [base, end).
func closesOver(fv, base, end uintptr) bool
