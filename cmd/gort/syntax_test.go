package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSyntaxErrors: a program that does not parse gets go build's report,
// byte for byte: the compiler's words for errors in the code, go/build's
// for errors in the package clause and imports. Each case in
// testdata/syntax is a directory of files kept as NAME.go.txt (gofmt -l .
// would reject them as Go files); the test copies them to a temporary
// directory as NAME.go and runs `gort run` on all of them there, as
// testdata/record.sh ran go build to record CASE.out and CASE.exit.
func TestSyntaxErrors(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "syntax", "*", "*.go.txt"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in testdata/syntax: %v", err)
	}
	byCase := map[string][]string{}
	for _, f := range cases {
		byCase[filepath.Dir(f)] = append(byCase[filepath.Dir(f)], f)
	}
	for caseDir, srcs := range byCase {
		t.Run(filepath.Base(caseDir), func(t *testing.T) {
			dir := t.TempDir()
			var files []string
			for _, src := range srcs {
				text, err := os.ReadFile(src)
				if err != nil {
					t.Fatal(err)
				}
				name := strings.TrimSuffix(filepath.Base(src), ".txt")
				if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
					t.Fatal(err)
				}
				files = append(files, name)
			}
			sort.Strings(files)
			want, wantExit := readExpected(t, caseDir)
			r := gort(t, dir, nil, append([]string{"run"}, files...)...)
			checkNoHostCrash(t, r)
			if r.exit != wantExit || r.stderr != want || r.stdout != "" {
				t.Errorf("got exit %d, stdout %q, stderr:\n%s\nwant exit %d, stderr:\n%s", r.exit, r.stdout, r.stderr, wantExit, want)
			}
		})
	}
}
