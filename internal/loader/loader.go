// Package loader turns the command line of `gort run` into one type-checked
// SSA program: go/build file selection for GOOS=linux GOARCH=amd64, go/parser,
// go/types, then go/ssa with InstantiateGenerics|BareInits. The runtime
// package is gort's own Go source, embedded in the binary; every other
// standard-library package would come from $GOROOT/src.
//
// The loader also computes the init task list in the order the linker gives
// it (DESIGN.md §2). It never runs anything.
package loader

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"gort/internal/vmruntime"
)

// Program is a loaded program.
type Program struct {
	Fset     *token.FileSet
	SSA      *ssa.Program
	Main     *ssa.Package
	Runtime  *ssa.Package
	Packages []*ssa.Package // every package, in init order (the linker's)
	// Info is each package's type information, for lowerings that need
	// the syntax go/ssa has already consumed.
	Info map[*types.Package]*types.Info
}

// Error is a load failure the user caused: it prints as the go command
// would and exits with Code.
type Error struct {
	Msg  string
	Code int
}

func (e *Error) Error() string { return e.Msg }

// BuildContext is the go/build context gort compiles for.
func BuildContext() build.Context {
	ctxt := build.Default
	ctxt.GOOS = "linux"
	ctxt.GOARCH = "amd64"
	ctxt.CgoEnabled = false
	ctxt.BuildTags = []string{"purego", "math_big_pure_go"}
	return ctxt
}

// CheckGOROOT refuses a $GOROOT of another Go version than the one gort was
// built with: the runtime hooks change with every release.
func CheckGOROOT() error {
	goroot := runtime.GOROOT()
	if env := os.Getenv("GOROOT"); env != "" {
		goroot = env
	}
	data, err := os.ReadFile(filepath.Join(goroot, "VERSION"))
	if err != nil {
		return nil // a GOROOT without VERSION is a development tree: trust it
	}
	have := strings.SplitN(string(data), "\n", 2)[0]
	if have != runtime.Version() {
		return fmt.Errorf("gort: GOROOT %s is %s, but gort was built for %s", goroot, have, runtime.Version())
	}
	return nil
}

// SplitArgs separates `gort run`'s operands into the package (files or one
// directory) and the program's own arguments, as `go run` does.
func SplitArgs(args []string) (pkg, progArgs []string) {
	i := 0
	for i < len(args) && strings.HasSuffix(args[i], ".go") {
		i++
	}
	if i == 0 && len(args) > 0 {
		return args[:1], args[1:]
	}
	return args[:i], args[i:]
}

// Load loads the main package named by pkg (files, or one directory).
func Load(pkg []string) (*Program, error) {
	if len(pkg) == 0 {
		return nil, &Error{Msg: "go: no go files listed", Code: 1}
	}
	ctxt := BuildContext()
	fset := token.NewFileSet()
	var filenames []string
	if len(pkg) == 1 && !strings.HasSuffix(pkg[0], ".go") {
		bp, err := ctxt.ImportDir(pkg[0], 0)
		if err != nil {
			return nil, &Error{Msg: err.Error(), Code: 1}
		}
		for _, f := range bp.GoFiles {
			filenames = append(filenames, filepath.Join(pkg[0], f))
		}
	} else {
		for _, f := range pkg {
			dir, base := filepath.Split(f)
			if dir == "" {
				dir = "."
			}
			ok, err := ctxt.MatchFile(dir, base)
			if err != nil {
				return nil, &Error{Msg: err.Error(), Code: 1}
			}
			if ok {
				filenames = append(filenames, f)
			}
		}
		if len(filenames) == 0 {
			return nil, &Error{Msg: "package command-line-arguments: build constraints exclude all Go files in " + filepath.Dir(pkg[0]), Code: 1}
		}
	}

	l := &loader{fset: fset, pkgs: map[string]*types.Package{}, files: map[*types.Package][]*ast.File{}}
	var files []*ast.File
	for _, name := range filenames {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, syntaxErrors(filenames, err)
		}
		files = append(files, f)
	}
	if name := files[0].Name.Name; name != "main" {
		return nil, &Error{Msg: fmt.Sprintf("package command-line-arguments is not a main package"), Code: 1}
	}
	rt, err := l.load("runtime")
	if err != nil {
		return nil, err
	}
	mainPkg, err := l.check("main", files, "command-line-arguments")
	if err != nil {
		return nil, err
	}
	if _, ok := mainPkg.Scope().Lookup("main").(*types.Func); !ok {
		// go build finds this at link time and says so in the linker's words.
		return nil, &Error{Msg: "# command-line-arguments\nruntime.main_main·f: function main is undeclared in the main package", Code: 1}
	}

	prog := ssa.NewProgram(fset, ssa.InstantiateGenerics|ssa.BareInits)
	created := map[*types.Package]*ssa.Package{}
	var create func(p *types.Package)
	create = func(p *types.Package) {
		if _, ok := created[p]; ok || p == types.Unsafe {
			return
		}
		created[p] = nil
		for _, imp := range p.Imports() {
			create(imp)
		}
		created[p] = prog.CreatePackage(p, l.files[p], l.info[p], true)
	}
	create(rt)
	create(mainPkg)
	prog.Build()

	out := &Program{
		Fset:    fset,
		SSA:     prog,
		Main:    created[mainPkg],
		Runtime: created[rt],
		Info:    l.info,
	}
	out.Packages = initOrder(created, out.Runtime)
	return out, nil
}

type loader struct {
	fset  *token.FileSet
	pkgs  map[string]*types.Package
	files map[*types.Package][]*ast.File
	info  map[*types.Package]*types.Info
}

func (l *loader) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p, ok := l.pkgs[path]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle through %s", path)
		}
		return p, nil
	}
	p, err := l.load(path)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// load loads a non-main package: the embedded runtime, or a standard-library
// package from $GOROOT/src.
func (l *loader) load(path string) (*types.Package, error) {
	if p, ok := l.pkgs[path]; ok && p != nil {
		return p, nil
	}
	l.pkgs[path] = nil
	var files []*ast.File
	if path == "runtime" {
		entries, err := fs.ReadDir(vmruntime.FS, "runtime")
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := "runtime/" + e.Name()
			src, err := fs.ReadFile(vmruntime.FS, name)
			if err != nil {
				return nil, err
			}
			f, err := parser.ParseFile(l.fset, "$GORT/"+name, src, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				return nil, fmt.Errorf("gort: internal runtime source: %v", err)
			}
			files = append(files, f)
		}
	} else {
		return nil, &unsupportedImport{path}
	}
	p, err := l.check(path, files, path)
	if err != nil {
		return nil, err
	}
	l.pkgs[path] = p
	return p, nil
}

type unsupportedImport struct{ path string }

func (e *unsupportedImport) Error() string {
	return fmt.Sprintf("gort: unsupported: import of standard-library package %q", e.path)
}

func (l *loader) check(path string, files []*ast.File, display string) (*types.Package, error) {
	var errs []types.Error
	var unsupported *unsupportedImport
	conf := types.Config{
		Importer:  l,
		Sizes:     types.SizesFor("gc", "amd64"),
		GoVersion: "go1.26",
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				errs = append(errs, te)
			}
		},
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	p, _ := conf.Check(path, l.fset, files, info)
	for _, e := range errs {
		if u, ok := findUnsupported(e); ok {
			unsupported = u
			_ = unsupported
			return nil, &Error{Msg: fmt.Sprintf("%s at %s", u.Error(), l.position(e.Pos)), Code: 2}
		}
	}
	if len(errs) > 0 {
		return nil, typeErrors(display, l.fset, errs)
	}
	if l.info == nil {
		l.info = map[*types.Package]*types.Info{}
	}
	l.info[p] = info
	l.files[p] = files
	return p, nil
}

func (l *loader) position(pos token.Pos) string {
	p := l.fset.Position(pos)
	return fmt.Sprintf("%s:%d", relPath(p.Filename), p.Line)
}

func findUnsupported(e types.Error) (*unsupportedImport, bool) {
	if !strings.Contains(e.Msg, "gort: unsupported: import") {
		return nil, false
	}
	i := strings.Index(e.Msg, "\"")
	j := strings.LastIndex(e.Msg, "\"")
	if i < 0 || j <= i {
		return nil, false
	}
	return &unsupportedImport{e.Msg[i+1 : j]}, true
}

// typeErrors formats type errors as the go command does: a "# pkg" header,
// then file:line:col: message in source order (go/types reports unused
// variables only at the end of their function), at most ten, and exit status 1.
// An error whose message starts with a tab continues the one before it (the
// steps of an initialisation cycle): it stays with it and prints as
// "\tfile:line:col: message".
func typeErrors(pkg string, fset *token.FileSet, errs []types.Error) error {
	var groups [][]types.Error
	for _, e := range errs {
		if strings.HasPrefix(e.Msg, "\t") && len(groups) > 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], e)
			continue
		}
		groups = append(groups, []types.Error{e})
	}
	slices.SortStableFunc(groups, func(x, y []types.Error) int {
		px, py := fset.Position(x[0].Pos), fset.Position(y[0].Pos)
		return cmp.Or(strings.Compare(px.Filename, py.Filename), cmp.Compare(px.Line, py.Line), cmp.Compare(px.Column, py.Column))
	})
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", pkg)
	for i, g := range groups {
		if i == 10 {
			b.WriteString(fmt.Sprintf("%s: too many errors\n", positionString(fset, groups[9][0].Pos)))
			break
		}
		fmt.Fprintf(&b, "%s: %s\n", positionString(fset, g[0].Pos), g[0].Msg)
		for _, e := range g[1:] {
			fmt.Fprintf(&b, "\t%s: %s\n", positionString(fset, e.Pos), strings.TrimPrefix(e.Msg, "\t"))
		}
	}
	return &Error{Msg: strings.TrimSuffix(b.String(), "\n"), Code: 1}
}

func positionString(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", relPath(p.Filename), p.Line, p.Column)
}

// relPath spells a file name as the go command does in diagnostics:
// relative to the current directory, with a leading "./".
func relPath(name string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(name) {
		if !filepath.IsAbs(name) && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "$") {
			return "./" + name
		}
		return name
	}
	if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return "./" + rel
	}
	return name
}

// initOrder orders packages as cmd/link orders init tasks: a topological
// order over imports in which, among the packages whose imports are all
// done, the one with the smallest path goes first.
func initOrder(created map[*types.Package]*ssa.Package, rt *ssa.Package) []*ssa.Package {
	done := map[*types.Package]bool{}
	var all []*types.Package
	for p := range created {
		all = append(all, p)
	}
	var order []*ssa.Package
	for len(order) < len(all) {
		var ready []*types.Package
		for _, p := range all {
			if done[p] {
				continue
			}
			ok := true
			for _, imp := range p.Imports() {
				if imp != types.Unsafe && !done[imp] {
					ok = false
					break
				}
			}
			if ok {
				ready = append(ready, p)
			}
		}
		sort.Slice(ready, func(i, j int) bool { return ready[i].Path() < ready[j].Path() })
		p := ready[0]
		done[p] = true
		order = append(order, created[p])
	}
	return order
}
