//go:build gort

package runtime

// runTimer runs a fired time package timer's function, in a goroutine of
// its own (see gort's internal/runtime/timers.go), unless the timer was
// stopped or reset since it fired.
func runTimer(h uintptr, gen uint64, f func(any, uintptr, int64), arg any, seq uintptr, delta int64) {
	if timerCurrent(h, gen) {
		f(arg, seq, delta)
	}
}

// timerCurrent reports whether timer h is still the one that fired.
func timerCurrent(h uintptr, gen uint64) bool
