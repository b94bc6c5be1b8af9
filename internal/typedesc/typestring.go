package typedesc

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// gc spells a type two ways, and both are observable.
//
// The name form (cmd/compile's NameString) is the descriptor's Str: what
// reflect's Type.String returns. It qualifies defined types by package
// name, leaves struct field names bare and qualifies unexported interface
// methods by package name.
//
// The link form (LinkString) is the type's identity: two types are
// identical exactly when their link forms are equal. It qualifies by
// package path (escaped as linker symbol prefixes are), qualifies
// unexported field and method names, spells an embedded field whose name
// is not its type's as "Name = T", and keeps the "·N" that tells apart
// types declared inside functions. The type hash is computed from it.
//
// Type arguments of an instantiated type are always in link form, in both
// spellings: gc bakes them into the instantiated type's name.
type spelling int

const (
	nameForm spelling = iota
	linkForm
)

func (b *Builder) spell(t types.Type, form spelling) string {
	var sb strings.Builder
	b.writeType(&sb, t, form)
	return sb.String()
}

func (b *Builder) writeType(sb *strings.Builder, t types.Type, form spelling) {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		sb.WriteString(basicName(t))

	case *types.Named:
		b.writeNamed(sb, t, form)

	case *types.Pointer:
		sb.WriteByte('*')
		b.writeType(sb, t.Elem(), form)

	case *types.Slice:
		sb.WriteString("[]")
		b.writeType(sb, t.Elem(), form)

	case *types.Array:
		fmt.Fprintf(sb, "[%d]", t.Len())
		b.writeType(sb, t.Elem(), form)

	case *types.Chan:
		switch t.Dir() {
		case types.RecvOnly:
			sb.WriteString("<-chan ")
			b.writeType(sb, t.Elem(), form)
		case types.SendOnly:
			sb.WriteString("chan<- ")
			b.writeType(sb, t.Elem(), form)
		default:
			sb.WriteString("chan ")
			// "chan <-chan T" would read as "chan<- chan T".
			if e, ok := types.Unalias(t.Elem()).(*types.Chan); ok && e.Dir() == types.RecvOnly {
				sb.WriteByte('(')
				b.writeType(sb, e, form)
				sb.WriteByte(')')
			} else {
				b.writeType(sb, t.Elem(), form)
			}
		}

	case *types.Map:
		sb.WriteString("map[")
		b.writeType(sb, t.Key(), form)
		sb.WriteByte(']')
		b.writeType(sb, t.Elem(), form)

	case *types.Signature:
		sb.WriteString("func")
		b.writeSignature(sb, t, form)

	case *types.Struct:
		if m, ok := b.groupMap[t]; ok {
			// A map's slot group is spelled after its map, as gc
			// does to keep the name short.
			sb.WriteString("map.group[")
			b.writeType(sb, m.Key(), form)
			sb.WriteByte(']')
			b.writeType(sb, m.Elem(), form)
			return
		}
		b.writeStruct(sb, t, form)

	case *types.Interface:
		ms := sortedInterfaceMethods(t)
		if len(ms) == 0 {
			sb.WriteString("interface {}")
			return
		}
		sb.WriteString("interface {")
		for i, m := range ms {
			if i > 0 {
				sb.WriteByte(';')
			}
			sb.WriteByte(' ')
			if !m.Exported() {
				sb.WriteString(qualifier(m.Pkg(), form))
				sb.WriteByte('.')
			}
			sb.WriteString(m.Name())
			b.writeSignature(sb, m.Type().(*types.Signature), form)
		}
		sb.WriteString(" }")

	default:
		panic(fmt.Sprintf("typedesc: %v (%T) is not a runtime type", t, t))
	}
}

func basicName(t *types.Basic) string {
	switch t.Kind() {
	case types.Byte:
		return "uint8"
	case types.Rune:
		return "int32"
	case types.UnsafePointer:
		return "unsafe.Pointer"
	}
	if t.Info()&types.IsUntyped != 0 || t.Kind() == types.Invalid {
		panic(fmt.Sprintf("typedesc: %v is not a runtime type", t))
	}
	return t.Name()
}

func (b *Builder) writeNamed(sb *strings.Builder, t *types.Named, form spelling) {
	obj := t.Obj()
	if obj.Pkg() == nil { // error
		sb.WriteString(obj.Name())
		return
	}
	if t.TypeParams().Len() > t.TypeArgs().Len() {
		panic(fmt.Sprintf("typedesc: uninstantiated generic type %v", t))
	}
	sb.WriteString(qualifier(obj.Pkg(), form))
	sb.WriteByte('.')
	sb.WriteString(obj.Name())
	var outer []types.Type
	if l, ok := b.instanceLocal(obj); ok {
		obj, outer = l.decl, l.targs
	}
	b.writeTypeArgs(sb, outer, t.TypeArgs())
	if form == linkForm {
		if n := b.localGen(obj); n > 0 {
			fmt.Fprintf(sb, "·%d", n)
		}
	}
}

// writeTypeArgs writes a named type's type arguments: those of the generic
// function instance it was declared in (outer), then, after a ';', its own.
func (b *Builder) writeTypeArgs(sb *strings.Builder, outer []types.Type, args *types.TypeList) {
	if len(outer) == 0 && args.Len() == 0 {
		return
	}
	sb.WriteByte('[')
	for i, a := range outer {
		if i > 0 {
			sb.WriteByte(',')
		}
		b.writeType(sb, a, linkForm)
	}
	if len(outer) > 0 && args.Len() > 0 {
		sb.WriteByte(';')
	}
	for i := range args.Len() {
		if i > 0 {
			sb.WriteByte(',')
		}
		b.writeType(sb, args.At(i), linkForm)
	}
	sb.WriteByte(']')
}

// writeSignature writes a function type without its "func" keyword.
func (b *Builder) writeSignature(sb *strings.Builder, sig *types.Signature, form spelling) {
	sb.WriteByte('(')
	params := sig.Params()
	for i := range params.Len() {
		if i > 0 {
			sb.WriteString(", ")
		}
		if sig.Variadic() && i == params.Len()-1 {
			sb.WriteString("...")
			b.writeType(sb, params.At(i).Type().(*types.Slice).Elem(), form)
		} else {
			b.writeType(sb, params.At(i).Type(), form)
		}
	}
	sb.WriteByte(')')
	results := sig.Results()
	switch results.Len() {
	case 0:
	case 1:
		sb.WriteByte(' ')
		b.writeType(sb, results.At(0).Type(), form)
	default:
		sb.WriteString(" (")
		for i := range results.Len() {
			if i > 0 {
				sb.WriteString(", ")
			}
			b.writeType(sb, results.At(i).Type(), form)
		}
		sb.WriteByte(')')
	}
}

func (b *Builder) writeStruct(sb *strings.Builder, t *types.Struct, form spelling) {
	if t.NumFields() == 0 {
		sb.WriteString("struct {}")
		return
	}
	sb.WriteString("struct {")
	for i := range t.NumFields() {
		if i > 0 {
			sb.WriteByte(';')
		}
		sb.WriteByte(' ')
		f := t.Field(i)
		switch {
		case !f.Embedded():
			b.writeFieldName(sb, f, form)
			sb.WriteByte(' ')
		case form == linkForm && !embeddedNameImplied(f):
			b.writeFieldName(sb, f, form)
			sb.WriteString(" = ")
		}
		b.writeType(sb, f.Type(), form)
		if tag := t.Tag(i); tag != "" {
			sb.WriteByte(' ')
			sb.WriteString(strconv.Quote(tag))
		}
	}
	sb.WriteString(" }")
}

func (b *Builder) writeFieldName(sb *strings.Builder, f *types.Var, form spelling) {
	if form == linkForm && !f.Exported() {
		if q := qualifier(f.Pkg(), form); q != "" {
			sb.WriteString(q)
			sb.WriteByte('.')
		}
	}
	sb.WriteString(f.Name())
}

// embeddedNameImplied reports whether an embedded field's name is the one
// gc would derive from its type, so the link form can leave it out. gc
// compares the field's symbol with the type's: they match when they are
// the same symbol (same package and name) or when the type's name is
// exported and spelled like the field. A predeclared type's symbol lives
// in the builtin package, an instantiated type's name carries its type
// arguments, and an alias differs from the type it names: none of those
// match.
func embeddedNameImplied(f *types.Var) bool {
	t := types.Unalias(f.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	var name string
	var pkg *types.Package
	switch t := t.(type) {
	case *types.Named:
		name, pkg = t.Obj().Name(), t.Obj().Pkg()
		if t.TypeArgs().Len() > 0 {
			return false
		}
	case *types.Basic:
		if t.Kind() != types.UnsafePointer {
			return false // the builtin package
		}
		name, pkg = "Pointer", types.Unsafe
	default:
		return false
	}
	if f.Name() != name {
		return false
	}
	return pkg == f.Pkg() || token.IsExported(name)
}

// qualifier is how gc qualifies a package's identifiers: by name in the
// name form, by escaped path in the link form. A nil package (the fields
// of the map group types gc synthesises) is not qualified.
func qualifier(pkg *types.Package, form spelling) string {
	if pkg == nil {
		return ""
	}
	if form == nameForm {
		return pkg.Name()
	}
	return pathToPrefix(pkg.Path())
}

// pathToPrefix escapes an import path as gc does for symbol names: control
// characters, space, '%', '"', DEL and above, and any '.' after the last
// '/', become %xx.
func pathToPrefix(path string) string {
	slash := strings.LastIndexByte(path, '/')
	var sb strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c <= ' ' || c == '%' || c == '"' || c >= 0x7f || (c == '.' && i > slash) {
			fmt.Fprintf(&sb, "%%%02x", c)
		} else {
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// symLess orders method names as gc's CompareSyms does: exported names
// first, then by name, then (for unexported names) by package path.
func symLess(aName string, aPkg *types.Package, bName string, bPkg *types.Package) bool {
	ae, be := token.IsExported(aName), token.IsExported(bName)
	if ae != be {
		return ae
	}
	if aName != bName {
		return aName < bName
	}
	if ae {
		return false
	}
	return pkgPath(aPkg) < pkgPath(bPkg)
}

func pkgPath(p *types.Package) string {
	if p == nil {
		return ""
	}
	return p.Path()
}

func sortedInterfaceMethods(t *types.Interface) []*types.Func {
	ms := make([]*types.Func, t.NumMethods())
	for i := range ms {
		ms[i] = t.Method(i)
	}
	sort.Slice(ms, func(i, j int) bool {
		return symLess(ms[i].Name(), ms[i].Pkg(), ms[j].Name(), ms[j].Pkg())
	})
	return ms
}

// localGen is the number gc appends, in link form, to the name of a type
// declared inside a function: the type's position in source order among
// all such declarations of its package, counting from 1, with the
// package's files taken in file name order (the order the go command
// passes them to the compiler). It is 0 for package-level types.
func (b *Builder) localGen(obj *types.TypeName) int {
	pkg := obj.Pkg()
	if pkg == nil || obj.Parent() == pkg.Scope() {
		return 0
	}
	gens, ok := b.localGens[pkg]
	if !ok {
		gens = b.numberLocalTypes(pkg)
		b.localGens[pkg] = gens
	}
	return gens[obj]
}

func (b *Builder) numberLocalTypes(pkg *types.Package) map[*types.TypeName]int {
	var locals []*types.TypeName
	var walk func(s *types.Scope, inFunc bool)
	walk = func(s *types.Scope, inFunc bool) {
		if inFunc {
			for _, name := range s.Names() {
				if tn, ok := s.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
					if _, isTParam := tn.Type().(*types.TypeParam); !isTParam {
						locals = append(locals, tn)
					}
				}
			}
		}
		for i := range s.NumChildren() {
			walk(s.Child(i), true)
		}
	}
	// The package scope's children are its file scopes; everything
	// below them is inside a function.
	for i := range pkg.Scope().NumChildren() {
		file := pkg.Scope().Child(i)
		for j := range file.NumChildren() {
			walk(file.Child(j), true)
		}
	}
	fset := b.prog.Fset
	sort.Slice(locals, func(i, j int) bool {
		pi, pj := fset.Position(locals[i].Pos()), fset.Position(locals[j].Pos())
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
	gens := make(map[*types.TypeName]int, len(locals))
	for i, tn := range locals {
		gens[tn] = i + 1
	}
	return gens
}
