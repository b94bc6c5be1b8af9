package conformance

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A ratchet is a directory of programs judged one by one, with a list of
// the ones that fail today (failing) and why. A program not on the list
// must pass; a listed one that passes is reported; -update rewrites the
// list from the run. TestGolden and TestHostile are ratchets.
type ratchet struct {
	dir     string
	failing string // the list, relative to this package
	kind    string // "golden", "hostile": how the test's messages name a program
	header  string // the list's comment
}

// programs returns the programs of r.dir that -run-file selects and the
// list's reasons, checking that the list names only programs that exist.
func (r ratchet) programs(t *testing.T) (names []string, known map[string]string) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(r.dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range matches {
		names = append(names, filepath.Base(m))
	}
	names = filterFiles(names, *runFile)
	if len(names) == 0 {
		t.Skipf("no %s program matches -run-file=%q", r.kind, *runFile)
	}
	known = readReasons(t, r.failing)
	for name := range known {
		if _, err := os.Stat(filepath.Join(r.dir, name)); err != nil {
			t.Errorf("%s lists %s, which does not exist", r.failing, name)
		}
	}
	return names, known
}

// judge applies the ratchet to the verdicts: verdict(i) is program i's
// failure reason ("" if it passes) and the detail to report if it is not
// listed. It returns how many passed.
func (r ratchet) judge(t *testing.T, names []string, known map[string]string, verdict func(i int) (reason, detail string)) int {
	t.Helper()
	reasons := map[string]string{}
	for i, name := range names {
		reason, detail := verdict(i)
		_, listed := known[name]
		switch {
		case reason == "" && listed:
			t.Logf("%s passes now; run with -update to take it off %s", name, r.failing)
		case reason != "":
			reasons[name] = reason
			if !listed {
				report := t.Errorf
				if *update {
					report = t.Logf // -update lists it; the diff of the list shows it
				}
				report("%s: %s", name, detail)
			}
		}
	}
	if *update {
		for _, name := range names {
			delete(known, name)
			if reason, ok := reasons[name]; ok {
				known[name] = reason
			}
		}
		var lines []string
		for name, reason := range known {
			lines = append(lines, name+": "+reason)
		}
		slices.Sort(lines)
		writeList(t, r.failing, r.header, lines)
		t.Logf("wrote %s (%d files)", r.failing, len(lines))
	}
	return len(names) - len(reasons)
}
