package loader

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// Line directives (//line file:line and /*line file:line*/) name the file
// that positions after them belong to. go/scanner joins a relative name
// with the directory of the file it is in; gc records the name as written.
// The loader keeps, for every directive with a relative name, both
// spellings, so that runtime.Caller and tracebacks can say what gc says.

// LineName is one line directive with a relative file name.
type LineName struct {
	Pos    token.Pos // the directive's comment
	Joined string    // the name as go/scanner records it
	Name   string    // the name as written
}

// readLineNames appends f's line directives with relative names to names,
// parsed by go/scanner's rules: a //line comment starts its line, the text
// ends in :line or :line:col, and a name left empty before :line:col keeps
// the previous file (that directive adds nothing here).
func readLineNames(fset *token.FileSet, f *ast.File, names []LineName) []LineName {
	for _, g := range f.Comments {
		for _, c := range g.List {
			text, ok := strings.CutPrefix(c.Text, "//line ")
			if ok {
				if fset.PositionFor(c.Slash, false).Column != 1 {
					continue
				}
			} else if text, ok = strings.CutPrefix(c.Text, "/*line "); ok {
				text = strings.TrimSuffix(text, "*/")
			} else {
				continue
			}
			name, ok := directiveName(text)
			if !ok || name == "" || filepath.IsAbs(name) {
				continue
			}
			dir := filepath.Dir(fset.File(c.Slash).Name())
			names = append(names, LineName{Pos: c.Slash, Joined: filepath.Join(dir, name), Name: name})
		}
	}
	return names
}

// directiveName returns the file name of a line directive's text
// (name:line or name:line:col), reporting false if the text is not a valid
// directive.
func directiveName(text string) (string, bool) {
	name, n, ok := cutNumber(text)
	if !ok || n == 0 {
		return "", false
	}
	if rest, line, ok := cutNumber(name); ok {
		if line == 0 {
			return "", false
		}
		name = rest
	}
	return name, true
}

// cutNumber splits s at its last colon, reporting whether what follows is a
// decimal number.
func cutNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.ParseUint(s[i+1:], 10, 31)
	if err != nil {
		return s, 0, false
	}
	return s[:i], int(n), true
}
