package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"syscall"

	"gort/internal/arena"
	"gort/internal/buildcache"
	"gort/internal/bytecode"
	"gort/internal/loader"
)

// The build cache (internal/buildcache) holds each program's whole image:
// its Program and the static region of the arena, with the stamps of the
// files it was built from. A run whose key and stamps match links nothing
// and compiles nothing: it copies the image into the arena and starts.
//
// An entry is keyed by what the stamps cannot see: the gort binary (its
// path, size, times and inode: a rebuilt gort has new runtime hooks and a
// new image format), $GOROOT and its version, the working directory and the
// command line's package (file names in positions are as given), the
// environment the go command reads when it resolves modules, and the
// arena's address (the image holds absolute addresses).
//
// Today an entry is a whole program, so editing package main rebuilds
// everything; DESIGN.md §2's per-package units are the next step.

// traceCache reports a lookup's outcome on stderr under GODEBUG=gortcache=1,
// gort's analogue of the go command's cache debugging knobs.
func traceCache(what string) {
	if strings.Contains(os.Getenv("GODEBUG"), "gortcache=1") {
		fmt.Fprintln(os.Stderr, "gort: build cache "+what)
	}
}

// envKeys are the environment variables that may change how a program
// loads.
var envKeys = []string{
	"GOROOT", "GOPATH", "GOFLAGS", "GO111MODULE", "GOWORK", "GOMODCACHE", "GOENV",
	"GOPROXY", "GONOPROXY", "GOPRIVATE", "GONOSUMDB", "GOINSECURE", "GOTOOLCHAIN", "GOEXPERIMENT",
}

func imageKey(pkg []string, mem *arena.Arena) (buildcache.Key, bool) {
	exe, err := os.Executable()
	if err != nil {
		return buildcache.Key{}, false
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return buildcache.Key{}, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return buildcache.Key{}, false
	}
	// The inode and change time change whenever the file is rewritten
	// or replaced, even by a copy that restores the modification time.
	var ino, ctime int64
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		ino, ctime = int64(st.Ino), st.Ctim.Nano()
	}
	parts := []string{
		"gort image", exe, strconv.FormatInt(fi.Size(), 10), strconv.FormatInt(fi.ModTime().UnixNano(), 10),
		strconv.FormatInt(ino, 10), strconv.FormatInt(ctime, 10),
		goruntime.GOROOT(), goruntime.Version(), wd, strings.Join(pkg, "\x00"),
		strconv.FormatUint(uint64(mem.Lo()), 16),
	}
	for _, k := range envKeys {
		v, ok := os.LookupEnv(k)
		parts = append(parts, k, strconv.FormatBool(ok), v)
	}
	return buildcache.NewKey(parts...), true
}

// cachedImage returns the program stored under key with its static image
// copied into mem, or nil when there is none, its inputs changed, or it
// does not decode.
func cachedImage(c *buildcache.Cache, key buildcache.Key, mem *arena.Arena) *bytecode.Program {
	data := c.Get(key)
	if data == nil {
		return nil
	}
	in, rest, err := buildcache.DecodeInputs(data)
	if err != nil || !in.Current() {
		return nil
	}
	p, segs, err := bytecode.Decode(rest)
	if err != nil {
		return nil
	}
	for _, s := range segs {
		if s.Addr < mem.Lo() || s.Addr+uintptr(len(s.Bytes)) > p.HeapStart || !mem.Valid(s.Addr, uintptr(len(s.Bytes))) {
			return nil
		}
	}
	for _, s := range segs {
		mem.WriteBytes(s.Addr, s.Bytes)
	}
	return p
}

// storeImage writes p, compiled into mem from lp, under key. It copies the
// image out of the arena at once, before the program can change it, and
// stamps, encodes and writes it in the background, beside the run; the
// returned function waits for that.
func storeImage(c *buildcache.Cache, key buildcache.Key, lp *loader.Program, p *bytecode.Program, mem *arena.Arena) (wait func()) {
	if c == nil {
		return func() {}
	}
	segs := p.Segments(func(lo, hi uintptr) []byte {
		b, _ := mem.Bytes(lo, hi-lo)
		return bytes.Clone(b)
	})
	files := lp.Inputs.Files
	if f := goEnvFile(); f != "" {
		files = append(files, f)
	}
	dirs := lp.Inputs.Dirs
	done := make(chan struct{})
	go func() {
		defer close(done)
		in, err := buildcache.Stamp(files, dirs)
		if err != nil {
			return
		}
		var data []byte
		data = append(data, in.Encode()...)
		data = append(data, p.Encode(segs)...)
		c.Put(key, data)
		c.Trim()
	}()
	return func() { <-done }
}

// goEnvFile is the file `go env -w` writes, which the go command reads
// when it resolves modules.
func goEnvFile() string {
	if f := os.Getenv("GOENV"); f != "" {
		return f
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "go", "env")
}
