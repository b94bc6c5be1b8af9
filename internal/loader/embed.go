package loader

// //go:embed, in the two steps the go command and gc split it into.
//
// The go command resolves the patterns of a package's files that import
// "embed" before anything is compiled (resolveEmbed in cmd/go): each pattern
// is a path.Match pattern relative to the package directory, "all:" keeps
// the names starting with '.' or '_' that a directory walk otherwise skips,
// and the first pattern (in sorted order) that fails ends the build with
// "file:line:col: pattern P: why", exit status 1, before any type error.
//
// The compiler then checks where each directive stands (on a var with one
// name, a type and no initialiser, at package level, in a file that imports
// "embed"), and only when the package has no other error, the variable's
// type (string, a slice of bytes, or embed.FS) and, for string and []byte,
// that its patterns name exactly one file. The data itself is the
// compiler's to lay out (internal/compiler/embed.go): Program.Embeds says
// what each variable holds.

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/module"
)

// EmbedKind is what an embedding variable's type makes of its files.
type EmbedKind int

const (
	EmbedString EmbedKind = iota + 1 // one file, as a string
	EmbedBytes                       // one file, as a fresh []byte
	EmbedFiles                       // an embed.FS
)

// Embed is one //go:embed variable and what it holds.
type Embed struct {
	Var  *types.Var
	Kind EmbedKind
	// Files are the embedded files in embed.FS's order (by directory,
	// then by name); for EmbedFiles each directory above a file is listed
	// too, as "dir/", with no data.
	Files []EmbedFile
}

// EmbedFile is one file (or directory) of an Embed.
type EmbedFile struct {
	Name string
	Data []byte
	// Hash is what gc stores beside a file of an embed.FS: its content
	// hash, truncated (cmd/internal/hash's 32-byte sum).
	Hash [16]byte
}

// embedDirective is one //go:embed comment.
type embedDirective struct {
	slash    token.Pos // the comment's "//"
	patterns []ast.DirectiveArg
}

// embedPatterns are the patterns of a package's directives, resolved.
type embedPatterns struct {
	dir   string              // the package directory
	files map[string][]string // pattern -> the files it names, relative to dir
}

// fileDirectives returns f's //go:embed comments, anywhere in the file, as
// go/build finds them.
func fileDirectives(f *ast.File) ([]embedDirective, error) {
	var out []embedDirective
	for _, g := range f.Comments {
		for _, c := range g.List {
			d, ok := ast.ParseDirective(c.Slash, c.Text)
			if !ok || d.Tool != "go" || d.Name != "embed" {
				continue
			}
			args, err := d.ParseArgs()
			if err != nil {
				return nil, err
			}
			out = append(out, embedDirective{slash: c.Slash, patterns: args})
		}
	}
	return out, nil
}

func importsEmbed(f *ast.File) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"embed"` {
			return true
		}
	}
	return false
}

// resolveEmbedPatterns does the go command's step for a package's files:
// it resolves the patterns of the files that import "embed". It returns
// nil when there are none.
func (l *loader) resolveEmbedPatterns(files []*ast.File) (*embedPatterns, error) {
	first := map[string]token.Pos{}
	var patterns []string
	for _, f := range files {
		if !importsEmbed(f) {
			continue
		}
		dirs, err := fileDirectives(f)
		if err != nil {
			return nil, &Error{Msg: fmt.Sprintf("%s: %v", l.commandPosition(f.Pos()), err), Code: 1}
		}
		for _, d := range dirs {
			for _, p := range d.patterns {
				if _, ok := first[p.Arg]; !ok {
					first[p.Arg] = p.Pos
					patterns = append(patterns, p.Arg)
				}
			}
		}
	}
	if len(patterns) == 0 {
		return nil, nil
	}
	sort.Strings(patterns)
	ep := &embedPatterns{dir: abs(filepath.Dir(l.fset.Position(files[0].Pos()).Filename)), files: map[string][]string{}}
	for _, p := range patterns {
		list, err := resolveEmbed(ep.dir, p)
		if err != nil {
			return nil, &Error{Msg: fmt.Sprintf("%s: pattern %s: %v", l.commandPosition(first[p]), p, err), Code: 1}
		}
		ep.files[p] = list
	}
	return ep, nil
}

// resolveEmbed returns the files, relative to pkgdir and sorted, that one
// pattern names, by the go command's rules.
func resolveEmbed(pkgdir, pattern string) ([]string, error) {
	glob, all := strings.CutPrefix(pattern, "all:")
	if _, err := path.Match(glob, ""); err != nil || glob == "." || !fs.ValidPath(glob) {
		return nil, errors.New("invalid pattern syntax")
	}
	matches, err := filepath.Glob(quoteGlob(pkgdir) + string(filepath.Separator) + filepath.FromSlash(glob))
	if err != nil {
		return nil, err
	}
	rel := func(name string) string {
		return filepath.ToSlash(strings.TrimPrefix(name, pkgdir+string(filepath.Separator)))
	}
	have := map[string]bool{}
	var list []string
	add := func(name string) {
		if !have[name] {
			have[name] = true
			list = append(list, name)
		}
	}
	for _, file := range matches {
		info, err := os.Lstat(file)
		if err != nil {
			return nil, err
		}
		what := "file"
		if info.IsDir() {
			what = "directory"
		}
		// The directories from the match up to the package directory
		// must not start another module or have a name a module
		// cannot hold.
		for dir := file; len(dir) > len(pkgdir)+1; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return nil, fmt.Errorf("cannot embed %s %s: in different module", what, rel(file))
			}
			if dir != file {
				if info, err := os.Lstat(dir); err == nil && !info.IsDir() {
					return nil, fmt.Errorf("cannot embed %s %s: in non-directory %s", what, rel(file), dir[len(pkgdir)+1:])
				}
			}
			if elem := filepath.Base(dir); isBadEmbedName(elem) {
				if dir == file {
					return nil, fmt.Errorf("cannot embed %s %s: invalid name %s", what, rel(file), elem)
				}
				return nil, fmt.Errorf("cannot embed %s %s: in invalid directory %s", what, rel(file), elem)
			}
		}
		switch {
		case info.Mode().IsRegular():
			add(rel(file))
		case info.IsDir():
			count := 0
			err := filepath.WalkDir(file, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				name := d.Name()
				if p != file && (isBadEmbedName(name) || ((name[0] == '.' || name[0] == '_') && !all)) {
					switch {
					case d.IsDir():
						return fs.SkipDir
					case name[0] == '.' || name[0] == '_':
						return nil
					default:
						return fmt.Errorf("cannot embed file %s: invalid name %s", rel(p), name)
					}
				}
				if d.IsDir() {
					if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
						return fs.SkipDir
					}
					return nil
				}
				if !d.Type().IsRegular() {
					return nil
				}
				count++
				add(rel(p))
				return nil
			})
			if err != nil {
				return nil, err
			}
			if count == 0 {
				return nil, fmt.Errorf("cannot embed directory %s: contains no embeddable files", rel(file))
			}
		default:
			return nil, fmt.Errorf("cannot embed irregular file %s", rel(file))
		}
	}
	if len(list) == 0 {
		return nil, errors.New("no matching files found")
	}
	sort.Strings(list)
	return list, nil
}

// isBadEmbedName reports whether a file of that name cannot be in a module
// (and so cannot be embedded).
func isBadEmbedName(name string) bool {
	if err := module.CheckFilePath(name); err != nil {
		return true
	}
	switch name {
	case "", ".bzr", ".hg", ".git", ".svn":
		return true
	}
	return false
}

// quoteGlob escapes the pattern metacharacters of a directory name.
func quoteGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// commandPosition spells pos as the go command does in a package error: the
// file relative to the current directory when that is shorter, without a
// leading "./".
func (l *loader) commandPosition(pos token.Pos) string {
	p := l.fset.Position(pos)
	name := abs(p.Filename)
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && len(rel) < len(name) {
			name = rel
		}
	}
	return fmt.Sprintf("%s:%d:%d", name, p.Line, p.Column)
}

// checkEmbeds does the compiler's step for a type-checked package: it
// checks each directive's place and its variable's type, and returns what
// each variable holds. ep is the go command's resolution (nil when no file
// that imports "embed" has a directive).
func (l *loader) checkEmbeds(files []*ast.File, info *types.Info, ep *embedPatterns, display string) ([]Embed, error) {
	var errs, kindErrs []types.Error
	var embeds []Embed
	for _, f := range files {
		dirs, err := fileDirectives(f)
		if err != nil || len(dirs) == 0 {
			continue // the go command reported a bad directive already
		}
		targets := map[*ast.CommentGroup]embedTarget{}
		var walk func(n ast.Node, withinFunc bool)
		walk = func(n ast.Node, withinFunc bool) {
			ast.Inspect(n, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncDecl:
					if m.Body != nil && !withinFunc {
						walk(m.Body, true)
						return false
					}
				case *ast.FuncLit:
					if !withinFunc {
						walk(m.Body, true)
						return false
					}
				case *ast.GenDecl:
					if m.Tok == token.VAR {
						addTargets(targets, m, withinFunc)
					}
				}
				return true
			})
		}
		walk(f, false)
		byGroup := map[*ast.CommentGroup][]embedDirective{}
		var groups []*ast.CommentGroup
		for _, d := range dirs {
			g := groupOf(f, d.slash)
			if _, ok := targets[g]; !ok {
				errs = append(errs, types.Error{Fset: l.fset, Pos: d.slash + 2, Msg: "misplaced go:embed directive"})
				continue
			}
			if byGroup[g] == nil {
				groups = append(groups, g)
			}
			byGroup[g] = append(byGroup[g], d)
		}
		for _, g := range groups {
			t, ds := targets[g], byGroup[g]
			var why string
			switch {
			case !importsEmbed(f):
				why = `go:embed requires import "embed" (or import _ "embed", if package is not used)`
			case len(t.spec.Names) > 1:
				why = "go:embed cannot apply to multiple vars"
			case t.spec.Values != nil:
				why = "go:embed cannot apply to var with initializer"
			case t.spec.Type == nil:
				why = "go:embed cannot apply to var without type"
			case t.withinFunc:
				why = "go:embed cannot apply to var inside func"
			}
			if why != "" {
				errs = append(errs, types.Error{Fset: l.fset, Pos: ds[0].slash + 2, Msg: why})
				continue
			}
			v, _ := info.Defs[t.spec.Names[0]].(*types.Var)
			if v == nil || ep == nil {
				continue
			}
			e, err := embedOf(v, ds, ep)
			if err != nil {
				kindErrs = append(kindErrs, types.Error{Fset: l.fset, Pos: v.Pos(), Msg: err.Error()})
				continue
			}
			embeds = append(embeds, e)
			l.embedDirs = append(l.embedDirs, abs(ep.dir))
			for _, file := range e.Files {
				name := filepath.Join(ep.dir, filepath.FromSlash(strings.TrimSuffix(file.Name, "/")))
				if strings.HasSuffix(file.Name, "/") {
					l.embedDirs = append(l.embedDirs, abs(name))
				} else {
					l.embedInputs = append(l.embedInputs, name)
				}
			}
		}
	}
	if len(errs) == 0 {
		errs = kindErrs
	}
	if len(errs) > 0 {
		return nil, typeErrors(display, l.fset, errs)
	}
	return embeds, nil
}

// embedTarget is a var spec that a directive may stand on.
type embedTarget struct {
	spec       *ast.ValueSpec
	withinFunc bool
}

// addTargets records each var spec of d under the comment group a
// directive on it would be in: the spec's own doc comment, or the
// declaration's when it has no parentheses.
func addTargets(targets map[*ast.CommentGroup]embedTarget, d *ast.GenDecl, withinFunc bool) {
	for _, s := range d.Specs {
		vs := s.(*ast.ValueSpec)
		doc := vs.Doc
		if !d.Lparen.IsValid() {
			doc = d.Doc
		}
		if doc != nil {
			targets[doc] = embedTarget{vs, withinFunc}
		}
	}
}

// groupOf returns the comment group of f that holds the comment at slash.
func groupOf(f *ast.File, slash token.Pos) *ast.CommentGroup {
	for _, g := range f.Comments {
		if g.Pos() <= slash && slash < g.End() {
			return g
		}
	}
	return nil
}

// embedOf returns what v holds: the files its directives' patterns name,
// read now, as gc reads them when it writes the variable's data.
func embedOf(v *types.Var, ds []embedDirective, ep *embedPatterns) (Embed, error) {
	e := Embed{Var: v, Kind: embedKind(v.Type())}
	if e.Kind == 0 {
		return e, fmt.Errorf("go:embed cannot apply to var of type %s", typeString(v))
	}
	have := map[string]bool{}
	var names []string
	for _, d := range ds {
		for _, p := range d.patterns {
			for _, file := range ep.files[p.Arg] {
				if !have[file] {
					have[file] = true
					names = append(names, file)
				}
				if e.Kind != EmbedFiles {
					continue
				}
				for dir := path.Dir(file); dir != "." && !have[dir]; dir = path.Dir(dir) {
					have[dir] = true
					names = append(names, dir+"/")
				}
			}
		}
	}
	slices.SortFunc(names, func(x, y string) int {
		xdir, xelem := splitEmbedName(x)
		ydir, yelem := splitEmbedName(y)
		if c := strings.Compare(xdir, ydir); c != 0 {
			return c
		}
		return strings.Compare(xelem, yelem)
	})
	if e.Kind != EmbedFiles && len(names) > 1 {
		return e, fmt.Errorf("invalid go:embed: multiple files for type %s", typeString(v))
	}
	for _, name := range names {
		ef := EmbedFile{Name: name}
		if !strings.HasSuffix(name, "/") {
			data, err := os.ReadFile(filepath.Join(ep.dir, filepath.FromSlash(name)))
			if err != nil {
				return e, fmt.Errorf("embed %s: %v", name, err)
			}
			ef.Data = data
			if e.Kind == EmbedFiles {
				ef.Hash = contentHash(data)
			}
		}
		e.Files = append(e.Files, ef)
	}
	return e, nil
}

// contentHash is gc's truncated content hash of an embedded file: SHA-256
// with its first byte inverted for a file of at most 1 KiB, and SHA-256 of
// the data after a 1 byte for a larger one.
func contentHash(data []byte) [16]byte {
	var sum [32]byte
	if len(data) <= 1024 {
		sum = sha256.Sum256(data)
		sum[0] ^= 0xff
	} else {
		h := sha256.New()
		h.Write([]byte{1})
		h.Write(data)
		h.Sum(sum[:0])
	}
	return [16]byte(sum[:16])
}

func splitEmbedName(name string) (dir, elem string) {
	name = strings.TrimSuffix(name, "/")
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return ".", name
	}
	return name[:i], name[i+1:]
}

func embedKind(t types.Type) EmbedKind {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if o := n.Obj(); o.Name() == "FS" && o.Pkg() != nil && o.Pkg().Path() == "embed" {
			return EmbedFiles
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.String {
			return EmbedString
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Uint8 {
			return EmbedBytes
		}
	}
	return 0
}

func typeString(v *types.Var) string {
	return types.TypeString(v.Type(), func(p *types.Package) string {
		if p == v.Pkg() {
			return ""
		}
		return p.Name()
	})
}
