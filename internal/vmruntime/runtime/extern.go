//go:build gort

package runtime

// The target gort emulates: a program sees the platform and toolchain that
// `go build` targets on this machine.
const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)

// Caller reports the function invocation skip frames up the calling
// goroutine's stack (0: the caller of Caller): the pc of its call, and the
// file and line of that call (a native).
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills pc with the return program counters of the calling
// goroutine's frames, skipping skip of them (0: Callers itself), and returns
// how many it wrote (a native). CallersFrames turns them into frames.
func Callers(skip int, pc []uintptr) int

// GOROOT returns the root of the Go tree: $GOROOT if set, else the one the
// toolchain that built gort uses (a native).
func GOROOT() string

// Version returns the Go tree's version string, as the toolchain spells it
// (a native).
func Version() string
