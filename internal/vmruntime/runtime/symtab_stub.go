//go:build gort

package runtime

// Temporary: the signatures the standard library type-checks against,
// until the runtime API lands.

func Caller(skip int) (pc uintptr, file string, line int, ok bool)

type Func struct{ opaque struct{} }

func FuncForPC(pc uintptr) *Func

func (f *Func) Name() string

func Callers(skip int, pc []uintptr) int

type Frames struct{ frames []Frame }

type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

func CallersFrames(callers []uintptr) *Frames { return &Frames{} }

func (ci *Frames) Next() (frame Frame, more bool) { return }

func GOROOT() string

func SetFinalizer(obj any, finalizer any) {}

type Cleanup struct{ id uint64 }

func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup { return Cleanup{} }

func (c Cleanup) Stop() {}

func LockOSThread()

func UnlockOSThread()
