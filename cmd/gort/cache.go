package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"gort/internal/arena"
	"gort/internal/buildcache"
	"gort/internal/bytecode"
	"gort/internal/compiler"
	"gort/internal/loader"
	"gort/internal/wire"
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
	if strings.Contains(os.Getenv(programKnobPrefix+"GODEBUG"), "gortcache=1") {
		fmt.Fprintln(os.Stderr, "gort: build cache "+what)
	}
}

// envKeys are the environment variables that may change how a program
// loads.
var envKeys = []string{
	"GOROOT", "GOPATH", "GOFLAGS", "GO111MODULE", "GOWORK", "GOMODCACHE", "GOENV",
	"GOPROXY", "GONOPROXY", "GOPRIVATE", "GONOSUMDB", "GOINSECURE", "GOTOOLCHAIN", "GOEXPERIMENT",
}

// imageKey is the key of the whole image of the program pkg names.
func imageKey(pkg []string, mem *arena.Arena) (buildcache.Key, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return buildcache.Key{}, false
	}
	return buildKey(mem, "gort image", wd, strings.Join(pkg, "\x00"))
}

// libraryKey is the key of the library image for a main package that
// imports imports.
func libraryKey(imports []string, mem *arena.Arena) (buildcache.Key, bool) {
	return buildKey(mem, "gort library", strings.Join(imports, "\x00"))
}

// buildKey hashes what every entry's key holds, then parts.
func buildKey(mem *arena.Arena, parts ...string) (buildcache.Key, bool) {
	exe, err := os.Executable()
	if err != nil {
		return buildcache.Key{}, false
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return buildcache.Key{}, false
	}
	// The inode and change time change whenever the file is rewritten
	// or replaced, even by a copy that restores the modification time.
	var ino, ctime int64
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		ino, ctime = int64(st.Ino), st.Ctim.Nano()
	}
	parts = append(parts,
		exe, strconv.FormatInt(fi.Size(), 10), strconv.FormatInt(fi.ModTime().UnixNano(), 10),
		strconv.FormatInt(ino, 10), strconv.FormatInt(ctime, 10),
		goruntime.GOROOT(), goruntime.Version(), strconv.FormatUint(uint64(mem.Lo()), 16),
	)
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
func storeImage(c *buildcache.Cache, key buildcache.Key, inputs loader.Inputs, p *bytecode.Program, mem *arena.Arena) (wait func()) {
	if c == nil {
		return func() {}
	}
	segs := p.Segments(func(lo, hi uintptr) []byte {
		b, _ := mem.Bytes(lo, hi-lo)
		return bytes.Clone(b)
	})
	files := inputs.Files
	if f := goEnvFile(); f != "" {
		files = append(files, f)
	}
	dirs := inputs.Dirs
	done := make(chan struct{})
	go func() {
		defer close(done)
		in, err := buildcache.Stamp(files, dirs, inputs.Listings)
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

// A library entry holds the stamps of the library's inputs, its Symbols,
// the paths of its packages that declare generics, the export data of its
// packages, and its image.

// linkedImage compiles the program pkg names against the library image for
// its imports, building that library first when the cache has none, and
// returns it with everything it was built from. It returns nil when the
// program cannot be linked (modules, a directory, an error anywhere: the
// whole program is then compiled from source, which reports errors as
// the go command does); mem is then as it was.
func linkedImage(c *buildcache.Cache, pkg []string, mem *arena.Arena) (*bytecode.Program, loader.Inputs) {
	imports, ok := loader.MainImports(pkg)
	if !ok {
		return nil, loader.Inputs{}
	}
	key, ok := libraryKey(imports, mem)
	if !ok {
		return nil, loader.Inputs{}
	}
	lib := readLibrary(c.Get(key))
	if lib == nil {
		traceCache("library miss")
		data := buildLibrary(imports, mem)
		mem.Reset()
		if data == nil {
			return nil, loader.Inputs{}
		}
		c.Put(key, data)
		c.Trim()
		if lib = readLibrary(data); lib == nil {
			return nil, loader.Inputs{}
		}
	}
	for _, s := range lib.segs {
		if !mem.WriteBytes(s.Addr, s.Bytes) {
			mem.Reset()
			return nil, loader.Inputs{}
		}
	}
	lp, err := loader.LoadLinked(pkg, lib.prog.Fset, lib.exports, lib.generic)
	if err == nil {
		var p *bytecode.Program
		if p, err = compiler.Link(lp, mem, lib.prog, lib.syms); err == nil {
			traceCache("linked")
			in := lp.Inputs
			for _, f := range lib.inputs.Files {
				in.Files = append(in.Files, f.Path)
			}
			for _, d := range lib.inputs.Dirs {
				in.Dirs = append(in.Dirs, d.Path)
			}
			for _, d := range lib.inputs.Listings {
				in.Listings = append(in.Listings, d.Path)
			}
			return p, in
		}
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	traceCache("link failed: " + msg)
	mem.Reset()
	return nil, loader.Inputs{}
}

type library struct {
	inputs  *buildcache.Inputs
	syms    *compiler.Symbols
	exports map[string][]byte
	generic []string // packages a linked load checks from source
	prog    *bytecode.Program
	segs    []bytecode.Segment
}

// readLibrary decodes a library entry whose inputs are unchanged, or
// returns nil.
func readLibrary(data []byte) *library {
	if data == nil {
		return nil
	}
	lib := &library{}
	var err error
	if lib.inputs, data, err = buildcache.DecodeInputs(data); err != nil || !lib.inputs.Current() {
		return nil
	}
	if lib.syms, data, err = compiler.DecodeSymbols(data); err != nil {
		return nil
	}
	r := wire.NewReader(data)
	for n := r.Count(); n > 0; n-- {
		lib.generic = append(lib.generic, r.String())
	}
	lib.exports = map[string][]byte{}
	for n := r.Count(); n > 0; n-- {
		path := r.String()
		lib.exports[path] = r.Bytes()
	}
	if r.Err() != nil {
		return nil
	}
	data = r.Rest()
	if lib.prog, lib.segs, err = bytecode.Decode(data); err != nil {
		return nil
	}
	for _, s := range lib.segs {
		if s.Addr < lib.prog.TextBase || s.Addr+uintptr(len(s.Bytes)) > lib.prog.HeapStart {
			return nil
		}
	}
	return lib
}

// buildLibrary compiles the library for imports into mem and returns its
// entry, or nil when it does not build.
func buildLibrary(imports []string, mem *arena.Arena) []byte {
	lp, err := loader.LoadSource("$GORT/library/main.go", loader.LibrarySource(imports))
	if err != nil {
		return nil
	}
	p, syms, err := compiler.CompileLibrary(lp, mem)
	if err != nil {
		return nil
	}
	exports, generic, err := loader.ExportData(lp)
	if err != nil {
		return nil
	}
	files := lp.Inputs.Files
	if f := goEnvFile(); f != "" {
		files = append(files, f)
	}
	in, err := buildcache.Stamp(files, lp.Inputs.Dirs, lp.Inputs.Listings)
	if err != nil {
		return nil
	}
	w := wire.Writer{Buf: in.Encode()}
	w.Buf = append(w.Buf, compiler.EncodeSymbols(syms)...)
	w.Uint(uint64(len(generic)))
	for _, path := range generic {
		w.String(path)
	}
	paths := make([]string, 0, len(exports))
	for path := range exports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	w.Uint(uint64(len(paths)))
	for _, path := range paths {
		w.String(path)
		w.Bytes(exports[path])
	}
	data := w.Buf
	segs := p.Segments(func(lo, hi uintptr) []byte {
		b, _ := mem.Bytes(lo, hi-lo)
		return b
	})
	return append(data, p.Encode(segs)...)
}
