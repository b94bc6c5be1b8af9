package buildcache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPutGet(t *testing.T) {
	t.Setenv("GORTCACHE", t.TempDir())
	c, err := Open()
	if err != nil {
		t.Fatal(err)
	}
	k := NewKey("a", "b")
	if NewKey("a", "b") != k || NewKey("ab") == k || NewKey("a", "b", "") == k {
		t.Fatal("NewKey does not separate its parts")
	}
	if c.Get(k) != nil {
		t.Fatal("a key never put was found")
	}
	if err := c.Put(k, []byte("image")); err != nil {
		t.Fatal(err)
	}
	if got := string(c.Get(k)); got != "image" {
		t.Fatalf("Get = %q, want %q", got, "image")
	}
	// A flipped byte fails the checksum, reads as missing, and is removed.
	name := c.path(k)
	data, _ := os.ReadFile(name)
	data[len(data)-1] ^= 1
	os.WriteFile(name, data, 0o666)
	if c.Get(k) != nil {
		t.Fatal("a corrupt entry was returned")
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Fatal("a corrupt entry was left in place")
	}
}

func TestOffAndRelative(t *testing.T) {
	t.Setenv("GORTCACHE", "off")
	if c, err := Open(); c != nil || err != nil {
		t.Fatalf("GORTCACHE=off: Open = %v, %v", c, err)
	}
	var c *Cache // the cache of GORTCACHE=off does nothing
	if c.Get(Key{}) != nil || c.Put(Key{}, nil) != nil {
		t.Fatal("a nil cache stored something")
	}
	t.Setenv("GORTCACHE", "rel/dir")
	if _, err := Open(); err == nil {
		t.Fatal("a relative GORTCACHE was accepted")
	}
}

func TestTrimAndClean(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GORTCACHE", dir)
	c, _ := Open()
	old, fresh := NewKey("old"), NewKey("fresh")
	c.Put(old, []byte("x"))
	c.Put(fresh, []byte("y"))
	long := time.Now().Add(-2 * maxAge)
	os.Chtimes(c.path(old), long, long)
	other := filepath.Join(dir, "not-ours")
	os.WriteFile(other, nil, 0o666)
	c.Trim()
	if c.Get(old) != nil || c.Get(fresh) == nil {
		t.Fatal("Trim kept an old entry or removed a fresh one")
	}
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if c.Get(fresh) != nil {
		t.Fatal("Clean left an entry")
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("Clean removed a file that is not the cache's")
	}
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	a, gone := filepath.Join(dir, "a.go"), filepath.Join(dir, "go.mod")
	os.WriteFile(a, []byte("package a"), 0o666)
	in, err := Stamp([]string{a, gone}, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dec, rest, err := DecodeInputs(append(in.Encode(), "tail"...))
	if err != nil || string(rest) != "tail" {
		t.Fatalf("DecodeInputs: %v, rest %q", err, rest)
	}
	if !dec.Current() {
		t.Fatal("unchanged inputs are not current")
	}
	for _, change := range []func(){
		func() { os.WriteFile(a, []byte("package b"), 0o666) },
		func() { os.WriteFile(gone, nil, 0o666) },
		func() { os.WriteFile(filepath.Join(dir, "new.go"), nil, 0o666) },
	} {
		change()
		if dec.Current() {
			t.Fatal("changed inputs are current")
		}
		in, _ = Stamp([]string{a, gone}, []string{dir}, nil)
		dec, _, _ = DecodeInputs(in.Encode())
	}
	for n := 0; n < len(in.Encode()); n++ {
		if _, _, err := DecodeInputs(in.Encode()[:n]); err == nil && n < len(in.Encode()) {
			// A prefix may decode only if it ends where a whole
			// stamp list does, which this one's never does.
			t.Fatalf("a truncation to %d bytes decoded", n)
		}
	}
}
