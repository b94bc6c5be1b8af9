//go:build gort

package runtime

// SetFinalizer sets the finalizer of the object obj points to, or clears it
// for a nil finalizer. It makes the real checks, and a misuse is the same
// fatal error (a native). gort has no collector yet, so no object becomes
// unreachable and no finalizer runs.
func SetFinalizer(obj any, finalizer any)
