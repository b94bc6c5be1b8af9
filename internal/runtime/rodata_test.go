package runtime_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadOnlyDataFaults runs the golden programs that write to read-only
// data (a string constant, a type descriptor, a top-level func value's code
// word, a static itab) and checks that gort's output matches what
// testdata/golden/record.sh recorded from gc up to and including the
// "[signal SIGSEGV: ... code=0x2 ...]" line, addresses aside. TestGolden
// compares the whole output; it lists these programs as failing for the
// fatal-signal traceback, which this test does not look at.
func TestReadOnlyDataFaults(t *testing.T) {
	for _, name := range []string{"rodata_string_write", "rodata_type_write", "rodata_funcval_write", "rodata_itab_write"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := filepath.Join("..", "..", "testdata", "golden", name)
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Fatal(err)
			}
			r := runProg(t, base+".go")
			got, wantHead := faultHead(r.out), faultHead(string(want))
			if wantHead == "" || !strings.Contains(wantHead, "code=0x2") {
				t.Fatalf("%s.out has no read-only fault; re-record it", base)
			}
			if got != wantHead || r.exit != 2 {
				t.Errorf("exit %d, output up to the signal line:\n%s\nwant exit 2, output:\n%s", r.exit, got, wantHead)
			}
		})
	}
}

var faultAddr = regexp.MustCompile(`(fault address |addr=|pc=)0x[0-9a-f]+`)

// faultHead returns out up to and including its "[signal" line, with the
// fault's address and pc taken out, or "" if out has no such line.
func faultHead(out string) string {
	i := strings.Index(out, "\n[signal ")
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(out[i+1:], '\n')
	if j < 0 {
		j = len(out) - i - 1
	}
	return faultAddr.ReplaceAllString(out[:i+1+j], "${1}0x?")
}
