// Package buildcache is gort's build cache on disk: compiled program images
// keyed by a hash of everything the build read, so that a second
// `gort run` of an unchanged program links no source at all.
//
// The cache lives in $GORTCACHE, or in gort/ under the user's cache
// directory (os.UserCacheDir); GORTCACHE=off disables it. Like the go
// command's cache it is safe under concurrent gort processes: an entry is
// written to a temporary file and renamed into place, so a reader sees a
// whole entry or none, and two writers of one key write the same bytes.
// Each entry carries a SHA-256 of its contents; one that fails the check
// (a torn disk write, a stray edit) reads as missing and is rebuilt.
//
// An entry's file time is its last use. Trim, run after each write but at
// most every ten seconds (a walk of the cache takes milliseconds, and a
// batch of runs would otherwise outgrow the bound), removes entries unused
// for five days and then the least recently used until the cache is under
// its size bound.
package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// Key names an entry: a SHA-256 of what identifies the build.
type Key [sha256.Size]byte

// NewKey hashes parts, each length-prefixed so that no two lists of parts
// hash alike.
func NewKey(parts ...string) Key {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// Cache is an open cache directory.
type Cache struct {
	dir string
}

const (
	magic = "gort cache entry\n"
	// maxSize bounds the cache's total size; Trim removes the least
	// recently used entries above it.
	maxSize = 1 << 30
	// maxAge is how long an unused entry is kept.
	maxAge = 5 * 24 * time.Hour
	// touchAfter: a hit updates an entry's time only when it is older than
	// this, so that reads rarely write.
	touchAfter = time.Hour
	trimEvery  = 10 * time.Second
)

// ErrRelative is Dir's error for a GORTCACHE that is not an absolute path.
var ErrRelative = errors.New("GORTCACHE is not an absolute path")

// Dir returns the cache directory: $GORTCACHE, or gort/ in the user cache
// directory. It returns "off" when GORTCACHE=off.
func Dir() (string, error) {
	if d := os.Getenv("GORTCACHE"); d != "" {
		if d != "off" && !filepath.IsAbs(d) {
			return "", fmt.Errorf("%w: %s", ErrRelative, d)
		}
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no build cache: %v (set GORTCACHE)", err)
	}
	return filepath.Join(d, "gort"), nil
}

// Open opens (creating if need be) the cache directory Dir names. It
// returns nil and no error when the cache is off.
func Open() (*Cache, error) {
	dir, err := Dir()
	if err != nil || dir == "off" {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
}

func (c *Cache) path(k Key) string {
	h := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, h[:2], h+"-i")
}

// Get returns the entry stored under k, or nil when there is none or it
// does not check.
func (c *Cache) Get(k Key) []byte {
	if c == nil {
		return nil
	}
	name := c.path(k)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	payload, ok := unwrap(data)
	if !ok {
		os.Remove(name) // a bad entry is rebuilt on the next Put
		return nil
	}
	if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > touchAfter {
		now := time.Now()
		os.Chtimes(name, now, now)
	}
	return payload
}

// Put stores data under k.
func (c *Cache) Put(k Key, data []byte) error {
	if c == nil {
		return nil
	}
	name := c.path(k)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	_, err = f.Write(append(append([]byte(magic), sum[:]...), data...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// unwrap checks an entry's header and checksum and returns its payload.
func unwrap(data []byte) ([]byte, bool) {
	if !bytes.HasPrefix(data, []byte(magic)) || len(data) < len(magic)+sha256.Size {
		return nil, false
	}
	data = data[len(magic):]
	sum, payload := data[:sha256.Size], data[sha256.Size:]
	got := sha256.Sum256(payload)
	return payload, bytes.Equal(sum, got[:])
}

// Trim removes old entries and keeps the cache under its size bound. It
// runs at most once per trimEvery, recording when in the file trim.txt.
func (c *Cache) Trim() {
	if c == nil {
		return
	}
	stamp := filepath.Join(c.dir, "trim.txt")
	now := time.Now()
	if data, err := os.ReadFile(stamp); err == nil {
		if t, err := strconv.ParseInt(string(bytes.TrimSpace(data)), 10, 64); err == nil && now.Sub(time.Unix(t, 0)) < trimEvery {
			return
		}
	}
	os.WriteFile(stamp, []byte(strconv.FormatInt(now.Unix(), 10)+"\n"), 0o666)
	type entry struct {
		name string
		size int64
		used time.Time
	}
	var entries []entry
	filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil || !isEntryName(d.Name()) {
			return nil
		}
		if now.Sub(fi.ModTime()) > maxAge {
			os.Remove(path)
			return nil
		}
		entries = append(entries, entry{path, fi.Size(), fi.ModTime()})
		return nil
	})
	sort.Slice(entries, func(i, j int) bool { return entries[i].used.After(entries[j].used) })
	var total int64
	for _, e := range entries {
		total += e.size
		if total > maxSize {
			os.Remove(e.name)
		}
	}
}

// isEntryName reports whether name is an entry's or a temporary file's.
func isEntryName(name string) bool {
	return filepath.Ext(name) == "" && len(name) == 2*sha256.Size+2 && name[2*sha256.Size:] == "-i" ||
		len(name) > 5 && name[:5] == ".tmp-"
}

// Clean removes every entry of the cache in dir, and the directory itself
// when nothing else is left in it: `gort clean -cache`.
func Clean(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		if e.IsDir() && len(e.Name()) == 2 {
			if _, err := hex.DecodeString(e.Name()); err == nil {
				if err := os.RemoveAll(name); err != nil {
					return err
				}
			}
		} else if e.Name() == "trim.txt" {
			os.Remove(name)
		}
	}
	os.Remove(dir) // only if empty
	return nil
}
