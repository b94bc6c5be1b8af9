package loader

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// Inputs are what a load read, for the build cache (internal/buildcache):
// Files, whose contents or absence decided the program, and Dirs, the
// directories go/build chose a package's files from.
type Inputs struct {
	Files, Dirs []string
	// Listings are the directories //go:embed patterns matched in.
	Listings []string
}

// inputs lists what the load read: every parsed file that is not gort's
// embedded runtime (the gort binary is part of the cache key), the
// directory of each (but for files the command line named), and the module files that decide how the go command
// resolves the program (go.mod, go.sum, go.work, vendor/modules.txt in
// the working directory and each directory above it, present or not, and
// the go.mod of every module the go command listed), and the files that
// //go:embed variables hold.
func (l *loader) inputs(fset *token.FileSet) Inputs {
	var in Inputs
	fset.Iterate(func(f *token.File) bool {
		if name := f.Name(); !strings.HasPrefix(name, "$GORT/") {
			name = abs(name)
			in.Files = append(in.Files, name)
			if !l.namedFiles[name] {
				in.Dirs = append(in.Dirs, filepath.Dir(name))
			}
		}
		return true
	})
	moduleFiles := func(dir string) {
		for _, name := range []string{"go.mod", "go.sum", "go.work", "go.work.sum", filepath.Join("vendor", "modules.txt")} {
			in.Files = append(in.Files, filepath.Join(dir, name))
		}
	}
	if wd, err := os.Getwd(); err == nil {
		for dir := wd; ; dir = filepath.Dir(dir) {
			moduleFiles(dir)
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	for _, p := range l.listed {
		if p.Module != nil && p.Module.GoMod != "" {
			moduleFiles(filepath.Dir(p.Module.GoMod))
		}
	}
	in.Files = append(in.Files, l.embedInputs...)
	in.Listings = append(in.Listings, l.embedDirs...)
	return in
}

func abs(name string) string {
	if a, err := filepath.Abs(name); err == nil {
		return a
	}
	return name
}
