package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestModules: a program in a module runs with the packages the go command
// would build it with, and a module that cannot be resolved fails with the
// go command's words. Each module in testdata/modules is run the ways a
// user names it (a directory, ".", an import path, its files) and compared
// with CASE.out and CASE.exit, which testdata/record_modules.sh recorded
// from go build and the built binary. The network is off (GOPROXY=off), as
// it was for the recording: the modules come from a replace directory, a
// vendor directory and the module cache.
func TestModules(t *testing.T) {
	root := filepath.Join("testdata", "modules")
	tests := []struct {
		base string // CASE
		dir  string // where gort runs, below root
		args []string
		env  []string
	}{
		// example.com/app: a command, a package of its own module and
		// one of a dependency replaced by ../dep, whose go.mod says go
		// 1.13 where app's says 1.22: each package has its module's
		// loop-variable semantics.
		{"hello", "app", []string{"./cmd/hello"}, nil},
		{"hello", "app", []string{"example.com/app/cmd/hello"}, nil},
		{"hello", "app/cmd/hello", []string{"."}, nil},
		{"hello", "app/cmd/hello", []string{"main.go"}, nil},
		{"hello", "app/internal", []string{"../cmd/hello"}, nil},
		// A go 1.13 module: one variable per loop, except in the file
		// whose build constraint says go1.22; named as files, the package
		// is compiled at the toolchain's version, as the go command does.
		{"loop13", "loop13", []string{"."}, nil},
		{"loop13_files", "loop13", []string{"main.go", "later.go"}, nil},
		{"missing", "missing", []string{"."}, nil},
		{"missing_files", "missing", []string{"main.go"}, nil},
		// vendor/ holds an edited copy of example.com/dep: the go
		// command uses it unless told -mod=mod.
		{"vendored", "vendored", []string{"."}, nil},
		{"vendored_mod", "vendored", []string{"."}, []string{"GOFLAGS=-mod=mod"}},
		{"cache", "cache", []string{"."}, nil},
		{"typeerr", "typeerr", []string{"."}, nil},
	}
	cached := inModuleCache(t, "golang.org/x/mod@v0.42.0")
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.dir+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			if tt.base == "cache" && !cached {
				t.Skip("golang.org/x/mod@v0.42.0 is not in the module cache")
			}
			want, wantExit := readExpected(t, filepath.Join(root, tt.base))
			env := append([]string{"GOPROXY=off", "GOWORK=off", "GOFLAGS="}, tt.env...)
			r := gort(t, filepath.Join(root, tt.dir), env, append([]string{"run"}, tt.args...)...)
			checkNoHostCrash(t, r)
			if r.exit != wantExit || r.stdout+r.stderr != want {
				t.Errorf("got exit %d, output:\n%s\nwant exit %d, output:\n%s", r.exit, r.stdout+r.stderr, wantExit, want)
			}
		})
	}
}

// inModuleCache reports whether the module cache holds module@version.
// gort's own build puts golang.org/x/mod there.
func inModuleCache(t *testing.T, mod string) bool {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	_, err = os.Stat(filepath.Join(strings.TrimSpace(string(out)), mod))
	return err == nil
}
