//go:build gort

package runtime

// Temporary: the signatures the standard library type-checks against,
// until the runtime API lands.

func Caller(skip int) (pc uintptr, file string, line int, ok bool)

type Func struct{ opaque struct{} }

func FuncForPC(pc uintptr) *Func

func (f *Func) Name() string
