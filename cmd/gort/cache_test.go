package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests check the build cache from outside, as a user sees it: a
// second run of an unchanged program is a hit and prints what the first
// printed; an edit, a new file, a corrupt entry or a missing one is a miss
// that rebuilds. GODEBUG=gortcache=1 makes gort say which it was.

// cacheCase returns the source of testdata/cache/NAME.go and the output
// testdata/record.sh recorded from it.
func cacheCase(t *testing.T, name string) (src, want string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cache", name+".go"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join("testdata", "cache", name+".out"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), string(out)
}

// cacheRun runs `gort run args` in dir with the cache in cache and
// returns stdout and whether the build cache was hit.
func cacheRun(t *testing.T, dir, cache string, args ...string) (string, bool) {
	t.Helper()
	r := gort(t, dir, []string{"GORTCACHE=" + cache, "GODEBUG=gortcache=1"}, append([]string{"run"}, args...)...)
	if r.exit != 0 {
		t.Fatalf("gort run %v: exit %d\n%s", args, r.exit, r.stderr)
	}
	switch {
	case strings.Contains(r.stderr, "gort: build cache hit"):
		return r.stdout, true
	case strings.Contains(r.stderr, "gort: build cache miss"):
		return r.stdout, false
	}
	t.Fatalf("gort run %v said neither hit nor miss:\n%s", args, r.stderr)
	return "", false
}

func TestCacheHitAndEdit(t *testing.T) {
	v1, want1 := cacheCase(t, "v1")
	v2, want2 := cacheCase(t, "v2")
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "c")
	prog := filepath.Join(dir, "prog.go")
	if err := os.WriteFile(prog, []byte(v1), 0o666); err != nil {
		t.Fatal(err)
	}
	if out, hit := cacheRun(t, dir, cache, "prog.go"); hit || out != want1 {
		t.Fatalf("first run: hit=%v, output %q", hit, out)
	}
	if out, hit := cacheRun(t, dir, cache, "prog.go"); !hit || out != want1 {
		t.Fatalf("second run: hit=%v, output %q", hit, out)
	}
	// An edit of the same size, at once: a file modified within the
	// time resolution of its stamp is hashed at each check.
	os.WriteFile(prog, []byte(v2), 0o666)
	if out, hit := cacheRun(t, dir, cache, "prog.go"); hit || out != want2 {
		t.Fatalf("after an edit: hit=%v, output %q", hit, out)
	}
	// A touch without an edit is still a hit.
	later := time.Now().Add(time.Minute)
	os.Chtimes(prog, later, later)
	if out, hit := cacheRun(t, dir, cache, "prog.go"); !hit || out != want2 {
		t.Fatalf("after a touch: hit=%v, output %q", hit, out)
	}
	// Files named on the command line are the package: another file in
	// their directory is not an input.
	os.WriteFile(filepath.Join(dir, "other.go"), []byte("package other\n"), 0o666)
	if _, hit := cacheRun(t, dir, cache, "prog.go"); !hit {
		t.Fatal("a new file beside the named one made a miss")
	}
	// Another spelling of the command line is another entry: positions
	// name files as the command line does.
	if _, hit := cacheRun(t, dir, cache, "./prog.go"); hit {
		t.Fatal("./prog.go hit the entry of prog.go")
	}
}

func TestCacheNewFileInDir(t *testing.T) {
	v1, want1 := cacheCase(t, "v1")
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "c")
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(v1), 0o666)
	cacheRun(t, dir, cache, ".")
	if _, hit := cacheRun(t, dir, cache, "."); !hit {
		t.Fatal("second run of the directory missed")
	}
	os.WriteFile(filepath.Join(dir, "more.go"), []byte("package main\n\nfunc init() { println(\"more\") }\n"), 0o666)
	r := gort(t, dir, []string{"GORTCACHE=" + cache}, "run", ".")
	if r.stderr != "more\n" || r.stdout != want1 {
		t.Fatalf("after adding a file: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	// A file excluded by its build constraint is still an input: editing
	// the constraint changes the program.
	os.WriteFile(filepath.Join(dir, "more.go"), []byte("//go:build ignore\n\npackage main\n\nfunc init() { println(\"more\") }\n"), 0o666)
	r = gort(t, dir, []string{"GORTCACHE=" + cache}, "run", ".")
	if r.stderr != "" || r.stdout != want1 {
		t.Fatalf("after excluding the file: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

func TestCacheCorruptEntry(t *testing.T) {
	v1, want1 := cacheCase(t, "v1")
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "c")
	os.WriteFile(filepath.Join(dir, "prog.go"), []byte(v1), 0o666)
	cacheRun(t, dir, cache, "prog.go")
	// Damage every entry: the program's image and its library's.
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*-i"))
	if len(entries) != 2 {
		t.Fatalf("cache holds %d entries, want 2", len(entries))
	}
	for _, e := range entries {
		data, _ := os.ReadFile(e)
		data[len(data)/2] ^= 0x55
		os.WriteFile(e, data, 0o666)
	}
	if out, hit := cacheRun(t, dir, cache, "prog.go"); hit || out != want1 {
		t.Fatalf("with a corrupt entry: hit=%v, output %q", hit, out)
	}
	if _, hit := cacheRun(t, dir, cache, "prog.go"); !hit {
		t.Fatal("the corrupt entry was not rebuilt")
	}
}

func TestCacheConcurrent(t *testing.T) {
	v1, want1 := cacheCase(t, "v1")
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "c")
	os.WriteFile(filepath.Join(dir, "prog.go"), []byte(v1), 0o666)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := gort(t, dir, []string{"GORTCACHE=" + cache}, "run", "prog.go")
			if r.exit != 0 || r.stdout != want1 {
				t.Errorf("concurrent run: exit %d, stdout %q, stderr %q", r.exit, r.stdout, r.stderr)
			}
		}()
	}
	wg.Wait()
	if out, hit := cacheRun(t, dir, cache, "prog.go"); !hit || out != want1 {
		t.Fatalf("after concurrent runs: hit=%v, output %q", hit, out)
	}
}

func TestCacheOffAndClean(t *testing.T) {
	v1, want1 := cacheCase(t, "v1")
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "c")
	os.WriteFile(filepath.Join(dir, "prog.go"), []byte(v1), 0o666)
	r := gort(t, dir, []string{"GORTCACHE=off", "GODEBUG=gortcache=1"}, "run", "prog.go")
	if r.exit != 0 || r.stdout != want1 || r.stderr != "" {
		t.Fatalf("GORTCACHE=off: exit %d, stdout %q, stderr %q", r.exit, r.stdout, r.stderr)
	}
	cacheRun(t, dir, cache, "prog.go")
	if r := gort(t, dir, []string{"GORTCACHE=" + cache}, "clean", "-cache"); r.exit != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("gort clean -cache: exit %d, stdout %q, stderr %q", r.exit, r.stdout, r.stderr)
	}
	if _, err := os.Stat(cache); !os.IsNotExist(err) {
		t.Fatalf("the cache directory is still there after clean -cache: %v", err)
	}
	if r := gort(t, dir, []string{"GORTCACHE=rel"}, "run", "prog.go"); r.exit != 1 || r.stderr != "gort: GORTCACHE is not an absolute path: rel\n" {
		t.Fatalf("relative GORTCACHE: exit %d, stderr %q", r.exit, r.stderr)
	}
}

// trace runs `gort run args` in dir with the cache in cache and returns
// stdout and gort's cache trace (GODEBUG=gortcache=1).
func trace(t *testing.T, dir, cache string, args ...string) (string, string) {
	t.Helper()
	r := gort(t, dir, []string{"GORTCACHE=" + cache, "GODEBUG=gortcache=1"}, append([]string{"run"}, args...)...)
	if r.exit != 0 {
		t.Fatalf("gort run %v: exit %d\n%s", args, r.exit, r.stderr)
	}
	return r.stdout, r.stderr
}

// TestCacheLinked checks linking against a cached library image: the
// first program that imports fmt builds the library, an edited program
// and another program with the same imports link against it, and a
// program the library cannot serve (an instantiation of a library
// generic with main's types) is compiled whole; each prints what gc's
// build prints.
func TestCacheLinked(t *testing.T) {
	v1, want1 := cacheCase(t, "v1")
	v2, want2 := cacheCase(t, "v2")
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "c")
	prog := filepath.Join(dir, "prog.go")
	os.WriteFile(prog, []byte(v1), 0o666)
	out, tr := trace(t, dir, cache, "prog.go")
	if out != want1 || !strings.Contains(tr, "library miss") || !strings.Contains(tr, "linked") {
		t.Fatalf("first run: output %q, trace:\n%s", out, tr)
	}
	os.WriteFile(prog, []byte(v2), 0o666)
	out, tr = trace(t, dir, cache, "prog.go")
	if out != want2 || strings.Contains(tr, "library miss") || !strings.Contains(tr, "linked") {
		t.Fatalf("after an edit: output %q, trace:\n%s", out, tr)
	}
	other, want := cacheCase(t, "celsius")
	os.WriteFile(filepath.Join(dir, "other.go"), []byte(other), 0o666)
	out, tr = trace(t, dir, cache, "other.go")
	if out != want || strings.Contains(tr, "library miss") || !strings.Contains(tr, "linked") {
		t.Fatalf("another program: output %q (want %q), trace:\n%s", out, want, tr)
	}
	generic, wantGeneric := cacheCase(t, "generic")
	os.WriteFile(filepath.Join(dir, "generic.go"), []byte(generic), 0o666)
	if out, tr = trace(t, dir, cache, "generic.go"); out != wantGeneric {
		t.Fatalf("a program instantiating a library generic: output %q, trace:\n%s", out, tr)
	}
}
