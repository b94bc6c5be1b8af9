package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// Modules: the packages of a program that are neither gort's runtime nor
// the standard library (the main module's own packages, and those of its
// dependencies, from the module cache, a replacement directory or vendor/)
// are found by asking the go command, so that they are exactly the ones go
// build would compile: go.mod, go.sum, replace and exclude directives,
// workspaces, vendoring (-mod=vendor when the go command would choose it,
// or GOFLAGS) and the module cache are its business, not gort's.
//
// gort asks once per run, with `go list -e -deps -json` under gort's build
// configuration (GOOS=linux GOARCH=amd64 CGO_ENABLED=0, the tags of
// BuildContext), and only when it must:
//
//   - a package named by directory inside a module, or by import path: its
//     import path names it in messages ("# example.com/app/cmd/hello") and
//     its module's go line sets its language version;
//   - files or a directory whose package imports a path that is not in
//     $GOROOT/src.
//
// Files that import only the standard library (every `// run` program of
// the conformance suite, and gort run hello.go) never pay for the extra
// process; the go command compiles such files at the toolchain's own
// language version, whatever go.mod says, and so does gort.
//
// When the listing has an error (a package no module provides, an import
// cycle, an internal package used from outside), the go command's words
// are not all in its JSON (import positions, which errors print their
// import stack), so gort runs `go build -n` on the same arguments: it
// loads the same packages, prints their errors exactly as go build does,
// and builds nothing.
//
// Standard-library packages are loaded as before, from $GOROOT/src by
// go/build, whatever the listing says of them.

// listedPackage is what gort reads of one package in `go list -json`.
type listedPackage struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Standard   bool
	DepOnly    bool
	Incomplete bool
	Module     *struct {
		GoVersion string
		GoMod     string // the module's go.mod
	}
	Error *struct {
		Err string
	}
}

// listFields are the fields of listedPackage, for go list's -json=.
const listFields = "ImportPath,Name,Dir,GoFiles,Standard,DepOnly,Incomplete,Module,Error"

// defaultGoModVersion is the go version the go command assumes for a
// module whose go.mod has no go line.
const defaultGoModVersion = "1.16"

// needsModules reports whether the package on the command line must be
// resolved by the go command: it is named by import path, or by a
// directory inside a module, or its files import a path outside
// $GOROOT/src. files are nil while the package is not parsed yet.
func needsModules(pkg []string, files []*ast.File) bool {
	if len(pkg) == 1 && !strings.HasSuffix(pkg[0], ".go") {
		if strings.Contains(pkg[0], "...") {
			return true // a pattern
		}
		if fi, err := os.Stat(pkg[0]); err != nil || !fi.IsDir() {
			return !filepath.IsAbs(pkg[0]) && !build.IsLocalImport(pkg[0])
		}
		if moduleMode() {
			return true
		}
	}
	goroot := BuildContext().GOROOT
	for _, f := range files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "unsafe" || path == "C" {
				continue
			}
			if fi, err := os.Stat(filepath.Join(goroot, "src", path)); build.IsLocalImport(path) || err != nil || !fi.IsDir() {
				return true
			}
		}
	}
	return false
}

// moduleMode reports whether the go command, run in the current
// directory, would be in module mode with a main module: GO111MODULE is
// not off and a go.mod or go.work is found here or above (or GOWORK names
// a workspace). Without one, gort still runs a directory of files that
// import only the standard library, which the go command refuses.
func moduleMode() bool {
	if os.Getenv("GO111MODULE") == "off" {
		return false
	}
	names := []string{"go.mod", "go.work"}
	switch w := os.Getenv("GOWORK"); w {
	case "":
	case "off":
		names = names[:1]
	default:
		return true
	}
	dir, err := os.Getwd()
	if err != nil {
		return false
	}
	for {
		for _, name := range names {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && !fi.IsDir() {
				return true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

// goArgs are pkg as the go command must be given them: a directory that
// is not spelled as a relative or absolute path ("multi", which gort
// accepts as a directory) gets a "./".
func goArgs(pkg []string) []string {
	args := make([]string, len(pkg))
	for i, a := range pkg {
		args[i] = a
		if strings.HasSuffix(a, ".go") || filepath.IsAbs(a) || build.IsLocalImport(a) {
			continue
		}
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			args[i] = "./" + a
		}
	}
	return args
}

// goCommand returns the go command of gort's $GOROOT, with args, set up to
// load packages as gort compiles them.
func goCommand(args ...string) *exec.Cmd {
	ctxt := BuildContext()
	args = append(args[:1:1], append([]string{"-tags=" + strings.Join(ctxt.BuildTags, ",")}, args[1:]...)...)
	cmd := exec.Command(filepath.Join(goroot(), "bin", "go"), args...)
	// The toolchain stays the one CheckGOROOT matched: a go.mod asking
	// for a newer one gets the go command's refusal, not a download.
	cmd.Env = append(os.Environ(), "GOOS="+ctxt.GOOS, "GOARCH="+ctxt.GOARCH, "CGO_ENABLED=0", "GOTOOLCHAIN=local")
	return cmd
}

// listPackages asks the go command for the package pkg names and every
// package it depends on, records them in l.listed, and returns the one
// named. Any error in them is the go command's, as go build prints it.
func (l *loader) listPackages(pkg []string) (*listedPackage, error) {
	args := goArgs(pkg)
	cmd := goCommand(append([]string{"list", "-e", "-deps", "-json=" + listFields, "--"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("gort: running go list: %v", runErr)
	}
	l.listed = map[string]*listedPackage{}
	var roots []*listedPackage
	incomplete := false
	for dec := json.NewDecoder(&stdout); ; {
		p := new(listedPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("gort: reading go list's output: %v", err)
		}
		l.listed[p.ImportPath] = p
		if !p.DepOnly {
			roots = append(roots, p)
		}
		incomplete = incomplete || p.Incomplete
	}
	if runErr != nil || incomplete {
		return nil, buildErrors(args, strings.TrimSpace(stderr.String()), l.listed)
	}
	var mains []*listedPackage
	for _, r := range roots {
		if r.Name == "main" {
			mains = append(mains, r)
		}
	}
	switch {
	case len(roots) == 1:
		return roots[0], nil
	case len(roots) == 0:
		// A pattern that matches nothing; go list has warned so.
		msg := strings.TrimSpace(strings.TrimSpace(stderr.String()) + "\ngo: no packages loaded from " + strings.Join(pkg, " "))
		return nil, &Error{Msg: msg, Code: 1}
	case len(mains) == 1:
		// A pattern: go run runs the one main package among its matches.
		return mains[0], nil
	}
	msg := "go: pattern " + strings.Join(pkg, " ") + " matches multiple packages:"
	for _, r := range mains {
		msg += "\n\t" + r.ImportPath
	}
	return nil, &Error{Msg: msg, Code: 1}
}

// buildErrors reports the errors go list found in the packages args name,
// in go build's words: it runs `go build -n`, which stops at them. Should
// go build find none, the listing's own words (listErr, the go command's
// stderr, or the first package error) are all there is.
func buildErrors(args []string, listErr string, listed map[string]*listedPackage) error {
	cmd := goCommand(append([]string{"build", "-n", "--"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	var exit *exec.ExitError
	if err := cmd.Run(); errors.As(err, &exit) && stderr.Len() > 0 {
		return &Error{Msg: strings.TrimSuffix(stderr.String(), "\n"), Code: exit.ExitCode()}
	}
	if listErr == "" {
		for _, p := range listed {
			if p.Error != nil {
				listErr = p.Error.Err
				break
			}
		}
	}
	return &Error{Msg: listErr, Code: 1}
}

// modulePackage returns the listing of path if it is a package gort loads
// from a module (not the standard library), or nil.
func (l *loader) modulePackage(path string) *listedPackage {
	if p := l.listed[path]; p != nil && !p.Standard {
		return p
	}
	return nil
}

// loadModulePackage parses and type-checks a package of a module. An
// error in it ends the whole load: l.fatal keeps it for check to return
// from the importer's Check, as go build stops at a package that does not
// compile.
func (l *loader) loadModulePackage(lp *listedPackage) (*types.Package, error) {
	names := make([]string, len(lp.GoFiles))
	for i, f := range lp.GoFiles {
		names[i] = filepath.Join(lp.Dir, f)
	}
	files, err := l.parsePackage(lp.ImportPath, names)
	if err == nil {
		var p *types.Package
		if p, err = l.check(lp.ImportPath, files, lp.ImportPath); err == nil {
			l.pkgs[lp.ImportPath] = p
			return p, nil
		}
	}
	if l.fatal == nil {
		l.fatal = err
	}
	return nil, err
}

// parsePackage parses the files (absolute names) of the package the go
// command calls display; a syntax error is reported as the compiler
// reports it ("# display", then its lines), go list having found any in
// package clauses and imports already.
func (l *loader) parsePackage(display string, names []string) ([]*ast.File, error) {
	files := make([]*ast.File, 0, len(names))
	for _, name := range names {
		f, err := parser.ParseFile(l.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			if msg, ok := compilerErrors(filepath.Dir(names[0]), names); ok {
				return nil, &Error{Msg: "# " + display + "\n" + msg, Code: 1}
			}
			return nil, &Error{Msg: "# " + display + "\n" + parserErrors(err), Code: 1}
		}
		files = append(files, f)
	}
	return files, nil
}

// goVersion is the language version path is type-checked with, as the go
// command passes -lang to the compiler: a module's package at its go.mod's
// go line, never newer than the toolchain; everything else (the standard
// library, files named on the command line) at the toolchain's own. The
// main package is "main" here, whatever its import path.
func (l *loader) goVersion(path string) string {
	if path == "main" {
		return langVersion(l.mainVersion)
	}
	if p := l.modulePackage(path); p != nil {
		return langVersion(moduleVersion(p))
	}
	return langVersion("")
}

// moduleVersion is the go version of lp's module: its go line, 1.16 where
// it has none (as the go command assumes), "" for a package of no module.
func moduleVersion(lp *listedPackage) string {
	switch {
	case lp.Module == nil:
		return ""
	case lp.Module.GoVersion == "":
		return defaultGoModVersion
	}
	return lp.Module.GoVersion
}

// langVersion is "go" and the language version (major.minor) of the go
// version v ("1.13", "1.21.3", "1.22rc1"), capped at the toolchain's; the
// toolchain's for "". It is "" (go/types' newest) if the toolchain's own
// version does not parse (a development toolchain).
func langVersion(v string) string {
	tool, ok := parseLang(strings.TrimPrefix(runtime.Version(), "go"))
	if !ok {
		return ""
	}
	lang, ok := parseLang(v)
	if !ok || lang[0] > tool[0] || lang[0] == tool[0] && lang[1] >= tool[1] {
		lang = tool
	}
	return fmt.Sprintf("go%d.%d", lang[0], lang[1])
}

// parseLang returns the major and minor numbers of a go version.
func parseLang(v string) ([2]int, bool) {
	var lang [2]int
	for i := range lang {
		n := 0
		for n < len(v) && '0' <= v[n] && v[n] <= '9' {
			n++
		}
		x, err := strconv.Atoi(v[:n])
		if err != nil {
			return lang, i == 1 // "1" alone is go1.0
		}
		lang[i] = x
		v = strings.TrimPrefix(v[n:], ".")
	}
	return lang, true
}
