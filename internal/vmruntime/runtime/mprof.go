//go:build gort

package runtime

// Stack formats a traceback of the calling goroutine into buf, and with all
// set the tracebacks of every other goroutine after it, as a panic prints
// them; it returns the number of bytes written (a native).
func Stack(buf []byte, all bool) int
