//go:build gort

package runtime

// The target gort emulates: a program sees the platform and toolchain that
// `go build` targets on this machine.
const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)
