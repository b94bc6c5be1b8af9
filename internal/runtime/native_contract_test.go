package runtime_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gort/internal/runtime"
)

// The native contract (DESIGN.md §4.1), tested on programs whose expected
// output testdata/golden/record.sh recorded from the real toolchain:
//
//   - defer_block_panicking: a deferred call parks on a channel, several
//     times, while its goroutine panics, then recovers; and a deferred call
//     that parks and then panics again.
//   - init_block: a variable initialiser and two init functions park on
//     channels fed by goroutines they started.
//   - gc_trigger_natives: runtime helpers that allocate more than once per
//     call (concatenation, append growth, map growth, closures, boxing).
//
// Each runs plainly and with GODEBUG=gortgctrigger=1, which records a GC
// trigger at every allocation, natives and runtime helpers included; the
// triggers must be paid only at safepoints, and the output must not change.
func TestNativeContract(t *testing.T) {
	for _, name := range []string{"defer_block_panicking", "init_block", "gc_trigger_natives"} {
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
			for _, knob := range []bool{false, true} {
				var env []string
				if knob {
					env = []string{"GODEBUG=gortgctrigger=1"}
				}
				r := runProg(t, base+".go", env...)
				if r.out != string(want) || r.exit != wantExit {
					t.Errorf("%v: exit %d, output:\n%s\nwant exit %d, output:\n%s", env, r.exit, r.out, wantExit, want)
				}
				switch {
				case !knob && (r.triggers != 0 || r.cycles != 0):
					t.Errorf("without the knob: %d triggers, %d cycles; want none", r.triggers, r.cycles)
				case knob && (r.cycles == 0 || r.cycles > r.triggers):
					t.Errorf("with the knob: %d triggers, %d cycles; want at least one cycle, and no more cycles than triggers", r.triggers, r.cycles)
				}
				if knob {
					t.Logf("%d triggers recorded, %d cycles started at safepoints", r.triggers, r.cycles)
				}
			}
		})
	}
}

// TestTriggerWaitsForSafepoint: two allocations in a row, as inside a
// native, record the trigger and ask the goroutine to stop but start no
// cycle; the next safepoint starts exactly one.
func TestTriggerWaitsForSafepoint(t *testing.T) {
	during, atSafepoint, stop := runtime.AllocTwiceThenSafepoint()
	if during != 0 {
		t.Errorf("%d cycles started inside the allocating code; want 0", during)
	}
	if !stop {
		t.Error("the allocations did not ask the goroutine to stop at its next safepoint")
	}
	if atSafepoint != 1 {
		t.Errorf("%d cycles started at the safepoint; want 1", atSafepoint)
	}
}

// TestNoNilNatives: a bodyless function bound to nil would crash the host
// when called (the table is filled by init functions in file order).
func TestNoNilNatives(t *testing.T) {
	if names := runtime.NilNatives(); len(names) > 0 {
		t.Fatalf("natives bound to nil: %v", names)
	}
}
