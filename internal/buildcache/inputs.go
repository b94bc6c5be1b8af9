package buildcache

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gort/internal/wire"
)

// Inputs records what a build read, so that a later run can tell cheaply
// whether a cached image is still the one its sources make: every file
// whose contents (or absence) decided the build, and every package
// directory, whose set of .go files go/build chose from: a file added,
// removed or edited there may change the choice (build constraints
// included), so each of them is an input file as well.
//
// A file is stamped with its size, modification time and SHA-256; Current
// stats it, and hashes it again only when the size or time changed (a
// `touch` is not an edit) or when the file was new when stamped. A
// directory is stamped with the names of its .go files.
type Inputs struct {
	Files []FileStamp
	Dirs  []DirStamp
	// Listings are directories whose whole listing the build read
	// (where //go:embed patterns matched): any name added or removed
	// there is a change.
	Listings []DirStamp
}

// FileStamp is one input file. Missing marks a file whose absence the
// build depended on (a go.mod not there).
type FileStamp struct {
	Path    string
	Missing bool
	Size    int64
	ModTime int64 // nanoseconds
	Sum     [sha256.Size]byte
}

// recent is how old a file's modification time must be for its stamp to
// trust it (the go command waits as long before it trusts a file's time).
const recent = 2 * time.Second

// DirStamp is one package directory.
type DirStamp struct {
	Path string
	Sum  [sha256.Size]byte
}

// Stamp records the current state of files, dirs and listings. Every .go
// file of a directory in dirs is an input file too.
func Stamp(files, dirs, listings []string) (*Inputs, error) {
	in := &Inputs{}
	for _, dir := range uniq(listings) {
		sum, err := listingSum(dir)
		if err != nil {
			return nil, err
		}
		in.Listings = append(in.Listings, DirStamp{Path: dir, Sum: sum})
	}
	files = append([]string(nil), files...)
	for _, dir := range uniq(dirs) {
		names, sum, err := dirSum(dir)
		if err != nil {
			return nil, err
		}
		in.Dirs = append(in.Dirs, DirStamp{Path: dir, Sum: sum})
		for _, name := range names {
			files = append(files, filepath.Join(dir, name))
		}
	}
	for _, name := range uniq(files) {
		s := FileStamp{Path: name}
		fi, err := os.Stat(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			s.Missing = true
		case err != nil:
			return nil, err
		default:
			data, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			s.Size, s.ModTime, s.Sum = fi.Size(), fi.ModTime().UnixNano(), sha256.Sum256(data)
			if time.Since(fi.ModTime()) < recent {
				// An edit in the same clock tick would keep this
				// time: stamp none, so that Current hashes it.
				s.ModTime = 0
			}
		}
		in.Files = append(in.Files, s)
	}
	return in, nil
}

func uniq(names []string) []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	for i := len(out) - 1; i > 0; i-- {
		if out[i] == out[i-1] {
			out = append(out[:i], out[i+1:]...)
		}
	}
	return out
}

// dirSum returns the names of dir's .go files, and a hash of them.
func dirSum(dir string) ([]string, [sha256.Size]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, [sha256.Size]byte{}, err
	}
	var names []string
	h := sha256.New()
	for _, e := range entries { // ReadDir sorts by name
		if strings.HasSuffix(e.Name(), ".go") {
			names = append(names, e.Name())
			h.Write([]byte(e.Name()))
			h.Write([]byte{0})
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return names, sum, nil
}

// listingSum hashes the names of everything in dir.
func listingSum(dir string) ([sha256.Size]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	h := sha256.New()
	for _, e := range entries {
		h.Write([]byte(e.Name()))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum, nil
}

// Current reports whether every input is as it was stamped.
func (in *Inputs) Current() bool {
	for _, s := range in.Files {
		fi, err := os.Stat(s.Path)
		if s.Missing || err != nil {
			if !s.Missing || !errors.Is(err, fs.ErrNotExist) {
				return false
			}
			continue
		}
		if fi.Size() != s.Size {
			return false
		}
		if fi.ModTime().UnixNano() != s.ModTime {
			data, err := os.ReadFile(s.Path)
			if err != nil || sha256.Sum256(data) != s.Sum {
				return false
			}
		}
	}
	for _, d := range in.Dirs {
		_, sum, err := dirSum(d.Path)
		if err != nil || sum != d.Sum {
			return false
		}
	}
	for _, d := range in.Listings {
		sum, err := listingSum(d.Path)
		if err != nil || sum != d.Sum {
			return false
		}
	}
	return true
}

// Encode returns in as bytes: counts, then each stamp's fields.
func (in *Inputs) Encode() []byte {
	var w wire.Writer
	w.Uint(uint64(len(in.Files)))
	for _, s := range in.Files {
		w.String(s.Path)
		w.Bool(s.Missing)
		if !s.Missing {
			w.Int(s.Size)
			w.Int(s.ModTime)
			w.Buf = append(w.Buf, s.Sum[:]...)
		}
	}
	for _, ds := range [][]DirStamp{in.Dirs, in.Listings} {
		w.Uint(uint64(len(ds)))
		for _, d := range ds {
			w.String(d.Path)
			w.Buf = append(w.Buf, d.Sum[:]...)
		}
	}
	return w.Buf
}

// DecodeInputs reads Encode's bytes from the front of data and returns
// the rest.
func DecodeInputs(data []byte) (*Inputs, []byte, error) {
	r := wire.NewReader(data)
	in := &Inputs{}
	for n := r.Count(); n > 0 && r.Err() == nil; n-- {
		s := FileStamp{Path: r.String(), Missing: r.Bool()}
		if !s.Missing {
			s.Size, s.ModTime = r.Int(), r.Int()
			copy(s.Sum[:], r.Fixed(sha256.Size))
		}
		in.Files = append(in.Files, s)
	}
	for _, ds := range []*[]DirStamp{&in.Dirs, &in.Listings} {
		for n := r.Count(); n > 0 && r.Err() == nil; n-- {
			d := DirStamp{Path: r.String()}
			copy(d.Sum[:], r.Fixed(sha256.Size))
			*ds = append(*ds, d)
		}
	}
	if r.Err() != nil {
		return nil, nil, r.Err()
	}
	return in, r.Rest(), nil
}
