package runtime_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestExecBufferedStreams runs the exec goldens with the program's standard
// streams a buffer rather than host files: a child's standard output then
// goes through a host pipe and a copier, which must deliver it in order,
// before what the program prints after waiting for the child.
func TestExecBufferedStreams(t *testing.T) {
	for _, name := range []string{"exec_basic", "exec_pipes"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := filepath.Join("..", "..", "testdata", "golden", name)
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Fatal(err)
			}
			r := runProg(t, base+".go", "GORT_RUNTIME_TEST_BUFFERED=1")
			if r.out != string(want) || r.exit != 0 {
				t.Errorf("exit %d, output:\n%s\nwant exit 0, output:\n%s", r.exit, r.out, want)
			}
		})
	}
}
