package runtime_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestReflectCallKnobs runs the goldens of calls through reflect (whose
// expected output testdata/golden/record.sh recorded from the real
// toolchain) with both knobs that stress what reflectcall.go relies on:
// gortmovestack=1 moves the stack at every call, so every stack address a
// callReflect or callMethod frame holds, in its arguments or passed on to
// its callees, must be adjusted (stack.go's list, item 3); gortgctrigger=1
// asks for a yield at every allocation, which the frames the runtime
// pushes must leave to a safepoint.
func TestReflectCallKnobs(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles reflect and fmt for each program")
	}
	for _, name := range []string{"reflect_abi", "reflect_call", "reflect_makefunc", "reflect_misc"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := filepath.Join("..", "..", "testdata", "golden", name)
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Fatal(err)
			}
			exitText, err := os.ReadFile(base + ".exit")
			if err != nil {
				t.Fatal(err)
			}
			wantExit, err := strconv.Atoi(strings.TrimSpace(string(exitText)))
			if err != nil {
				t.Fatal(err)
			}
			r := runProg(t, base+".go", "GODEBUG=gortmovestack=1,gortgctrigger=1")
			if r.out != string(want) || r.exit != wantExit {
				t.Errorf("exit %d, output:\n%s\nwant exit %d, output:\n%s", r.exit, r.out, wantExit, want)
			}
		})
	}
}
