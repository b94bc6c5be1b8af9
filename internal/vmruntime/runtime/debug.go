//go:build gort

package runtime

// NumCPU returns the number of logical CPUs usable by the process (a
// native).
func NumCPU() int

// NumCgoCall returns the number of cgo calls the process has made: gort
// runs no cgo.
func NumCgoCall() int64 { return 0 }
