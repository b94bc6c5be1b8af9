package loader

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/ssa"
)

// A linked load (DESIGN.md §2, compiler/link.go): the main package alone,
// type-checked against the export data of a library image compiled
// earlier, and built into SSA; the library's packages are present only as
// types, their functions bodiless, for the compiler to resolve by name.
//
// It serves only files named on the command line that import nothing but
// the standard library: anything else (and anything that goes wrong) is
// ErrNotLinkable, and the caller loads the whole program with Load,
// which also reports every error in the go command's words.

// ErrNotLinkable is LoadLinked's error for a program it does not serve.
var ErrNotLinkable = errors.New("loader: the program cannot be linked against a library image")

// MainImports parses the command line's files and returns the sorted
// import paths of the main package, for finding its library: ok is false
// for a program a linked load does not serve.
func MainImports(pkg []string) (imports []string, ok bool) {
	files, err := parseNamedFiles(token.NewFileSet(), pkg, parser.ImportsOnly)
	if err != nil || needsModules(pkg, files) || files[0].Name.Name != "main" {
		return nil, false
	}
	seen := map[string]bool{}
	for _, f := range files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "C" {
				return nil, false
			}
			if !seen[path] && path != "unsafe" {
				seen[path] = true
				imports = append(imports, path)
			}
		}
	}
	slices.Sort(imports)
	return imports, true
}

// LibrarySource is the main package of a library image for imports: it
// imports them and does nothing.
func LibrarySource(imports []string) []byte {
	var b bytes.Buffer
	b.WriteString("package main\n\n")
	for _, p := range imports {
		fmt.Fprintf(&b, "import _ %q\n", p)
	}
	b.WriteString("\nfunc main() {}\n")
	return b.Bytes()
}

// LoadSource loads a main package given as source, named name.
func LoadSource(name string, src []byte) (*Program, error) {
	return load([]string{name}, map[string][]byte{name: src})
}

// ExportData returns the export data of every package of lp but main, by
// path, and the paths of those that export generic functions or types:
// export data holds no function bodies, so a linked load type-checks
// those from source, for main's instantiations of them.
func ExportData(lp *Program) (exports map[string][]byte, generic []string, err error) {
	exports = map[string][]byte{}
	for _, sp := range lp.SSA.AllPackages() {
		p := sp.Pkg
		if p == types.Unsafe || sp == lp.Main {
			continue
		}
		var b bytes.Buffer
		if err := gcexportdata.Write(&b, lp.Fset, p); err != nil {
			return nil, nil, err
		}
		exports[p.Path()] = b.Bytes()
		if declaresGeneric(p) {
			generic = append(generic, p.Path())
		}
	}
	slices.Sort(generic)
	return exports, generic, nil
}

// declaresGeneric reports whether p exports a generic function or type:
// only those can another package instantiate.
func declaresGeneric(p *types.Package) bool {
	scope := p.Scope()
	for _, name := range scope.Names() {
		if !token.IsExported(name) {
			continue
		}
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Signature().TypeParams().Len() > 0 {
				return true
			}
		case *types.TypeName:
			if n, ok := obj.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				return true
			}
		}
	}
	return false
}

// LoadLinked loads the files pkg names into fset, which holds the library
// image's files already: the library's packages come from their export
// data, exports, except those named in generic, which are type-checked
// from source (and built only as far as main instantiates them).
func LoadLinked(pkg []string, fset *token.FileSet, exports map[string][]byte, generic []string) (*Program, error) {
	files, err := parseNamedFiles(fset, pkg, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil || needsModules(pkg, files) || files[0].Name.Name != "main" {
		return nil, ErrNotLinkable
	}
	l := &loader{fset: fset, pkgs: map[string]*types.Package{}, files: map[*types.Package][]*ast.File{}, linknames: map[string]string{}, unsupported: map[string]*unsupportedImport{}}
	l.exports, l.imported, l.fromSource = exports, map[string]*types.Package{}, map[string]bool{}
	// Main can instantiate only what it names: the generic packages it
	// imports come from source, first, because export data read before
	// them would make packages of their paths of its own.
	// (The runtime is gort's own and exports no generics.)
	for _, p := range generic {
		if imported(files, p) && p != "runtime" {
			l.fromSource[p] = true
		}
	}
	for _, p := range generic {
		if l.fromSource[p] {
			if _, err := l.Import(p); err != nil || l.fatal != nil {
				return nil, fmt.Errorf("%w: %s from source: %v", ErrNotLinkable, p, err)
			}
		}
	}
	mainPkg, err := l.check("main", files, "command-line-arguments")
	if err != nil || l.fatal != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotLinkable, err)
	}
	if _, ok := mainPkg.Scope().Lookup("main").(*types.Func); !ok {
		return nil, ErrNotLinkable
	}
	prog := ssa.NewProgram(fset, ssa.InstantiateGenerics|ssa.BareInits)
	paths := make([]string, 0, len(l.imported))
	for path := range l.imported {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		p := l.imported[path]
		prog.CreatePackage(p, l.files[p], l.info[p], true)
	}
	main := prog.CreatePackage(mainPkg, files, l.info[mainPkg], true)
	main.Build()
	out := &Program{
		Fset:      fset,
		SSA:       prog,
		Main:      main,
		Packages:  []*ssa.Package{main},
		Info:      l.info,
		Linknames: l.linknames,
		LineNames: l.lineNames,
		Embeds:    l.embeds,
	}
	for _, f := range pkg {
		out.Inputs.Files = append(out.Inputs.Files, abs(f))
	}
	out.Inputs.Files = append(out.Inputs.Files, l.embedInputs...)
	out.Inputs.Listings = append(out.Inputs.Listings, l.embedDirs...)
	return out, nil
}

// imported reports whether one of files imports path.
func imported(files []*ast.File, path string) bool {
	for _, f := range files {
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil && p == path {
				return true
			}
		}
	}
	return false
}

// importExport is Import for a linked load: a package of the library,
// from its export data or, for one that declares generics, its source.
func (l *loader) importExport(path string) (*types.Package, error) {
	if p := l.imported[path]; p != nil && (p.Complete() || l.fromSource[path]) {
		return p, nil
	}
	if l.fromSource[path] {
		return l.importSource(path)
	}
	data, ok := l.exports[path]
	if !ok {
		return nil, fmt.Errorf("%s is not in the library", path)
	}
	return gcexportdata.Read(bytes.NewReader(data), l.fset, l.imported, path)
}

// importSource type-checks a standard-library package from source in a
// linked load.
func (l *loader) importSource(path string) (*types.Package, error) {
	if l.imported[path] != nil {
		// Export data read earlier made a package of this path:
		// a second one would be a second set of types.
		l.fatal = ErrNotLinkable
		return nil, ErrNotLinkable
	}
	ctxt := BuildContext()
	bp, err := ctxt.Import(path, "", 0)
	if err != nil || !bp.Goroot {
		l.fatal = ErrNotLinkable
		return nil, ErrNotLinkable
	}
	var files []*ast.File
	for _, name := range abiFiles(path, bp.GoFiles) {
		f, err := parser.ParseFile(l.fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	p, err := l.check(path, files, path)
	if err != nil {
		l.fatal = ErrNotLinkable
		return nil, err
	}
	l.imported[path] = p
	return p, nil
}
