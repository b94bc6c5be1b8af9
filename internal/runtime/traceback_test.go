package runtime_test

import (
	"os"
	"strings"
	"testing"

	"gort/internal/runtime"
)

// Every frame of the real runtime that gort's tracebacks show is found in
// the toolchain's source, at a line that makes the call.
func TestRuntimeCallSites(t *testing.T) {
	for _, site := range []struct{ file, fn, after, stmt string }{
		{"panic.go", "gopanic", "", "fn()"},
		{"panic.go", "Goexit", "", "fn()"},
		{"panic.go", "throw", "", "fatalthrow("},
		{"signal_unix.go", "sigpanic", "case _SIGSEGV:", `throw("fault")`},
		{"proc.go", "main", "", "fn()"},
		{"proc.go", "main", "", "doInit(m.inittasks)"},
		{"proc.go", "doInit", "", "doInit1(t)"},
		{"proc.go", "doInit1", "", "f()"},
		{"proc.go", "gopark", "", "mcall(park_m)"},
		{"asm_amd64.s", "runtime·goexit", "", "BYTE $0x90"},
	} {
		path, line := runtime.RuntimeCallSite(site.file, site.fn, site.after, site.stmt)
		if line == 0 {
			t.Errorf("%s: no %q in %s", path, site.stmt, site.fn)
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(strings.Split(string(src), "\n")[line-1]), " ")
		if !strings.HasPrefix(got, site.stmt) {
			t.Errorf("%s:%d is %q, want %q", path, line, got, site.stmt)
		}
	}
}
