// Package loader turns the command line of `gort run` into one type-checked
// SSA program: go/build file selection for GOOS=linux GOARCH=amd64, go/parser,
// go/types, then go/ssa with InstantiateGenerics|BareInits. The runtime
// package is gort's own Go source, embedded in the binary; every other
// standard-library package comes from $GOROOT/src, and the packages of
// modules are the ones the go command lists (modules.go).
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
	// Linknames is the pragma side table of //go:linkname directives
	// (which go/ssa drops): "pkgpath.name" of the local declaration to
	// the target it names. A bodyless function is bound to the native of
	// its target, so one native serves every package that pulls it.
	Linknames map[string]string
	// LineNames are the line directives whose file names are relative,
	// in position order (linedir.go).
	LineNames []LineName
	// Inputs are the files and directories the load read (inputs.go).
	Inputs Inputs
	// Embeds are the //go:embed variables and their contents (embed.go).
	Embeds []Embed
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
func Load(pkg []string) (*Program, error) { return load(pkg, nil) }

// load is Load, with the source of files named in srcs given rather than
// read from disk.
func load(pkg []string, srcs map[string][]byte) (*Program, error) {
	if len(pkg) == 0 {
		return nil, &Error{Msg: "go: no go files listed", Code: 1}
	}
	ctxt := BuildContext()
	fset := token.NewFileSet()
	l := &loader{fset: fset, pkgs: map[string]*types.Package{}, files: map[*types.Package][]*ast.File{}, linknames: map[string]string{}, unsupported: map[string]*unsupportedImport{}}
	display := "command-line-arguments"
	var filenames []string
	var files []*ast.File
	if needsModules(pkg, nil) {
		// A package of a module, named by directory or import path.
		root, err := l.listPackages(pkg)
		if err != nil {
			return nil, err
		}
		display, l.mainVersion = root.ImportPath, moduleVersion(root)
		for _, f := range root.GoFiles {
			filenames = append(filenames, filepath.Join(root.Dir, f))
		}
		if files, err = l.parsePackage(display, filenames); err != nil {
			return nil, err
		}
	} else if len(pkg) == 1 && !strings.HasSuffix(pkg[0], ".go") {
		bp, err := ctxt.ImportDir(pkg[0], 0)
		if err != nil {
			return nil, &Error{Msg: err.Error(), Code: 1}
		}
		for _, f := range bp.GoFiles {
			filenames = append(filenames, filepath.Join(pkg[0], f))
		}
	} else {
		var err error
		if filenames, err = matchFiles(pkg, srcs); err != nil {
			return nil, err
		}
		// Files named on the command line are the package: the rest
		// of their directory is not an input.
		l.namedFiles = map[string]bool{}
		for _, f := range pkg {
			l.namedFiles[abs(f)] = true
		}
	}
	if files == nil {
		for _, name := range filenames {
			var src any
			if b, ok := srcs[name]; ok {
				src = b
			}
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				return nil, syntaxErrors(filenames, err)
			}
			files = append(files, f)
		}
		if needsModules(pkg, files) {
			// Files (or a directory outside any module) that import
			// packages of modules.
			if _, err := l.listPackages(pkg); err != nil {
				return nil, err
			}
		}
	}
	if name := files[0].Name.Name; name != "main" {
		return nil, &Error{Msg: fmt.Sprintf("package %s is not a main package", display), Code: 1}
	}
	rt, err := l.load("runtime")
	if err != nil {
		return nil, err
	}
	mainPkg, err := l.check("main", files, display)
	if err != nil {
		return nil, err
	}
	if _, ok := mainPkg.Scope().Lookup("main").(*types.Func); !ok {
		// go build finds this at link time and says so in the linker's words.
		return nil, &Error{Msg: "# " + display + "\nruntime.main_main·f: function main is undeclared in the main package", Code: 1}
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

		Linknames: l.linknames,
		LineNames: l.lineNames,
		Inputs:    l.inputs(fset),
		Embeds:    l.embeds,
	}
	slices.SortFunc(out.LineNames, func(x, y LineName) int { return cmp.Compare(x.Pos, y.Pos) })
	out.Packages = initOrder(created, out.Runtime)
	return out, nil
}

// matchFiles returns the files of pkg, a list of .go files, that the
// build configuration selects; a file in srcs is selected as it is.
func matchFiles(pkg []string, srcs map[string][]byte) ([]string, error) {
	ctxt := BuildContext()
	var filenames []string
	for _, f := range pkg {
		if _, ok := srcs[f]; ok {
			filenames = append(filenames, f)
			continue
		}
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
	return filenames, nil
}

// parseNamedFiles parses the .go files pkg names (a linked load's).
func parseNamedFiles(fset *token.FileSet, pkg []string, mode parser.Mode) ([]*ast.File, error) {
	if len(pkg) == 0 {
		return nil, ErrNotLinkable
	}
	for _, f := range pkg {
		if !strings.HasSuffix(f, ".go") {
			return nil, ErrNotLinkable
		}
	}
	names, err := matchFiles(pkg, nil)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, mode)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

type loader struct {
	fset      *token.FileSet
	pkgs      map[string]*types.Package
	files     map[*types.Package][]*ast.File
	info      map[*types.Package]*types.Info
	linknames map[string]string
	lineNames []LineName
	// unsupported holds the packages that failed to load as
	// unsupported, so that every importer reports the same cause.
	unsupported map[string]*unsupportedImport
	// listed holds the go command's listing of the program's packages
	// when it was asked (modules.go); mainVersion is the go version of
	// the main package's module.
	listed      map[string]*listedPackage
	mainVersion string
	// fatal is the first error in a package of a module: it ends the
	// load, rather than becoming a type error of its importer.
	fatal error
	// namedFiles are the main package's files when the command line
	// names them (inputs.go).
	namedFiles map[string]bool
	// exports holds, in a linked load, the export data of the library's
	// packages, and imported the packages read from it (linked.go).
	exports    map[string][]byte
	imported   map[string]*types.Package
	fromSource map[string]bool
	// embeds are the //go:embed variables of the packages checked so
	// far, embedInputs the files they hold and embedDirs the directories
	// whose listings decided them (embed.go).
	embeds      []Embed
	embedInputs []string
	embedDirs   []string // where patterns matched, and embedded directories
}

func (l *loader) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if l.exports != nil {
		return l.importExport(path)
	}
	if u, ok := l.unsupported[path]; ok {
		return nil, u
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

// load loads a non-main package: the embedded runtime, a package of a
// module (modules.go), or a standard-library package from $GOROOT/src.
func (l *loader) load(path string) (*types.Package, error) {
	if p, ok := l.pkgs[path]; ok && p != nil {
		return p, nil
	}
	l.pkgs[path] = nil
	if lp := l.modulePackage(path); lp != nil {
		return l.loadModulePackage(lp)
	}
	var files []*ast.File
	pkgPath := path // the package's own path: a vendored one's starts with "vendor/"
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
		ctxt := BuildContext()
		bp, err := ctxt.Import(path, "", 0)
		if err != nil || !bp.Goroot {
			// A standard-library package's import of a package
			// vendored in $GOROOT/src/vendor (golang.org/x/net/...),
			// which the go command resolves there.
			if vbp, verr := ctxt.Import("vendor/"+path, "", 0); verr == nil && vbp.Goroot {
				bp, err = vbp, nil
				pkgPath = vbp.ImportPath
			}
		}
		if err != nil || !bp.Goroot {
			u := &unsupportedImport{path: path, nonstd: true}
			l.unsupported[path] = u
			return nil, u
		}
		for _, name := range abiFiles(path, bp.GoFiles) {
			f, err := parser.ParseFile(l.fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
	}
	p, err := l.check(pkgPath, files, pkgPath)
	if err != nil {
		if u, ok := err.(*unsupportedImport); ok {
			l.unsupported[path] = u
		}
		return nil, err
	}
	l.pkgs[path] = p
	return p, nil
}

// abiFiles returns the files of package path, with internal/abi's register
// ABI constants for amd64 replaced by the generic ones (no argument
// registers): gort's calls are ABI0 (DESIGN.md §4), so reflect builds pure
// stack frames and reflectcall's argument block is the callee's frame.
func abiFiles(path string, files []string) []string {
	if path != "internal/abi" {
		return files
	}
	out := make([]string, 0, len(files))
	for _, name := range files {
		if name == "abi_amd64.go" {
			name = "abi_generic.go"
		}
		out = append(out, name)
	}
	return out
}

// unsupportedImport is a package gort cannot load yet: a standard-library
// package whose source does not type-check against gort's runtime (it
// needs an API gort does not have), or that imports such a package. why
// names the first error, in the innermost package that has one.
type unsupportedImport struct {
	path, why string
	nonstd    bool // a package outside $GOROOT (modules are not loaded yet)
}

func (e *unsupportedImport) Error() string {
	if e.nonstd {
		return fmt.Sprintf("gort: unsupported: import of package %q outside the standard library", e.path)
	}
	msg := fmt.Sprintf("gort: unsupported: import of standard-library package %q", e.path)
	if e.why != "" {
		msg += " (" + e.why + ")"
	}
	return msg
}

func (l *loader) check(path string, files []*ast.File, display string) (*types.Package, error) {
	ep, err := l.resolveEmbedPatterns(files)
	if err != nil {
		return nil, err
	}
	var errs []types.Error
	conf := types.Config{
		Importer:  l,
		Sizes:     types.SizesFor("gc", "amd64"),
		GoVersion: l.goVersion(path),
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
	if l.fatal != nil {
		return nil, l.fatal
	}
	std := display == path && path != "main" && l.modulePackage(path) == nil
	for _, e := range errs {
		u := l.unsupportedCause(e)
		if u == nil {
			continue
		}
		if std {
			return nil, &unsupportedImport{path: path, why: u.why}
		}
		return nil, &Error{Msg: fmt.Sprintf("%s at %s", u.Error(), l.position(e.Pos)), Code: 2}
	}
	if len(errs) > 0 {
		if std {
			// The standard library type-checks with gc: an error in it
			// is something gort's runtime does not provide yet.
			e := errs[0]
			return nil, &unsupportedImport{path: path, why: fmt.Sprintf("%s: %s", path, e.Msg)}
		}
		return nil, typeErrors(display, l.fset, errs)
	}
	embeds, err := l.checkEmbeds(files, info, ep, display)
	if err != nil {
		return nil, err
	}
	l.embeds = append(l.embeds, embeds...)
	if l.info == nil {
		l.info = map[*types.Package]*types.Info{}
	}
	l.info[p] = info
	l.files[p] = files
	for _, f := range files {
		readLinknames(path, f, l.linknames)
		l.lineNames = readLineNames(l.fset, f, l.lineNames)
	}
	return p, nil
}

// unsupportedCause returns the unsupported package behind e, if e is
// go/types' report of a failed import of one ("could not import PATH (...)").
func (l *loader) unsupportedCause(e types.Error) *unsupportedImport {
	rest, ok := strings.CutPrefix(e.Msg, "could not import ")
	if !ok {
		return nil
	}
	path, _, _ := strings.Cut(rest, " ")
	return l.unsupported[path]
}

// readLinknames adds f's //go:linkname directives that name a target
// (`//go:linkname local target`) to the side table, keyed by the local
// declaration's qualified name. A directive without a target only exports
// the local name under itself and binds nothing.
func readLinknames(pkg string, f *ast.File, table map[string]string) {
	for _, g := range f.Comments {
		for _, c := range g.List {
			fields := strings.Fields(c.Text)
			if len(fields) == 3 && fields[0] == "//go:linkname" {
				table[pkg+"."+fields[1]] = fields[2]
			}
		}
	}
}

func (l *loader) position(pos token.Pos) string {
	p := l.fset.Position(pos)
	return fmt.Sprintf("%s:%d", relPath(p.Filename), p.Line)
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

// positionString spells pos as go build does in the compiler's messages:
// the compiler runs on the package's files by absolute name, and the go
// command shortens their directory (buildPath): "./a.go" in the current
// directory, "internal/greet/greet.go" below it, "../dep/x.go" beside it.
func positionString(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := relPath(p.Filename)
	if abs, err := filepath.Abs(p.Filename); err == nil && !strings.HasPrefix(p.Filename, "$") {
		name = buildPath(filepath.Dir(abs), abs)
	}
	return fmt.Sprintf("%s:%d:%d", name, p.Line, p.Column)
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
