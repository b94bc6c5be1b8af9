package loader

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
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

// ExportData returns the export data of each package the main package of
// lp imports, by path.
func ExportData(lp *Program) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, p := range lp.Main.Pkg.Imports() {
		if p == types.Unsafe {
			continue
		}
		var b bytes.Buffer
		if err := gcexportdata.Write(&b, lp.Fset, p); err != nil {
			return nil, err
		}
		out[p.Path()] = b.Bytes()
	}
	return out, nil
}

// LoadLinked loads the files pkg names, whose imports' export data is
// exports, into fset, which holds the library image's files already.
func LoadLinked(pkg []string, fset *token.FileSet, exports map[string][]byte) (*Program, error) {
	files, err := parseNamedFiles(fset, pkg, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil || needsModules(pkg, files) || files[0].Name.Name != "main" {
		return nil, ErrNotLinkable
	}
	l := &loader{fset: fset, pkgs: map[string]*types.Package{}, files: map[*types.Package][]*ast.File{}, linknames: map[string]string{}, unsupported: map[string]*unsupportedImport{}}
	l.exports, l.imported = exports, map[string]*types.Package{}
	mainPkg, err := l.check("main", files, "command-line-arguments")
	if err != nil {
		return nil, ErrNotLinkable
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
		prog.CreatePackage(l.imported[path], nil, nil, true)
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
	}
	for _, f := range pkg {
		out.Inputs.Files = append(out.Inputs.Files, abs(f))
	}
	return out, nil
}

// importExport is Import for a linked load: a package of the library,
// from its export data.
func (l *loader) importExport(path string) (*types.Package, error) {
	if p := l.imported[path]; p != nil && p.Complete() {
		return p, nil
	}
	data, ok := l.exports[path]
	if !ok {
		return nil, fmt.Errorf("%s is not in the library", path)
	}
	return gcexportdata.Read(bytes.NewReader(data), l.fset, l.imported, path)
}
