package compiler

import (
	"go/types"
	"strconv"
	"strings"
)

// typeKey spells t so that two types have the same key exactly when they
// are identical (types.Identical), whichever type-checking made them: from
// source when a library image is compiled, from export data when a program
// links against it. Packages are spelled by path, unexported field and
// method names carry their package, parameter names are left out, and a
// type declared inside a function gets "" (none: it never crosses
// packages by name, and two of them may share a spelling).
func typeKey(t types.Type) string {
	var b strings.Builder
	if !writeTypeKey(&b, t) {
		return ""
	}
	return b.String()
}

func writeTypeKey(b *strings.Builder, t types.Type) bool {
	switch t := t.(type) {
	case *types.Alias:
		return writeTypeKey(b, types.Unalias(t))
	case *types.Basic:
		b.WriteString(t.Name())
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil { // error, comparable
			b.WriteString(obj.Name())
			return true
		}
		if obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() {
			return false // local to a function
		}
		b.WriteString(obj.Pkg().Path())
		b.WriteByte('.')
		b.WriteString(obj.Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteByte('[')
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteByte(',')
				}
				if !writeTypeKey(b, args.At(i)) {
					return false
				}
			}
			b.WriteByte(']')
		}
	case *types.Pointer:
		b.WriteByte('*')
		return writeTypeKey(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		return writeTypeKey(b, t.Elem())
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		return writeTypeKey(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		if !writeTypeKey(b, t.Key()) {
			return false
		}
		b.WriteByte(']')
		return writeTypeKey(b, t.Elem())
	case *types.Chan:
		b.WriteString([]string{types.SendRecv: "chan ", types.SendOnly: "chan<- ", types.RecvOnly: "<-chan "}[t.Dir()])
		return writeTypeKey(b, t.Elem())
	case *types.Signature:
		b.WriteString("func")
		if !writeTupleKey(b, t.Params(), t.Variadic()) {
			return false
		}
		return writeTupleKey(b, t.Results(), false)
	case *types.Tuple:
		return writeTupleKey(b, t, false)
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if f.Embedded() {
				b.WriteString("embed ")
			}
			b.WriteString(objectID(f))
			b.WriteByte(' ')
			if !writeTypeKey(b, f.Type()) {
				return false
			}
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
			b.WriteByte(';')
		}
		b.WriteByte('}')
	case *types.Interface:
		if !t.IsMethodSet() {
			return false // a constraint: never a value's type
		}
		b.WriteString("interface{")
		for i := 0; i < t.NumMethods(); i++ { // sorted by Id
			m := t.Method(i)
			b.WriteString(objectID(m))
			if !writeTypeKey(b, m.Type().(*types.Signature)) {
				return false
			}
			b.WriteByte(';')
		}
		b.WriteByte('}')
	default: // type parameters, unions
		return false
	}
	return true
}

// writeTupleKey writes a parameter or result list without names.
func writeTupleKey(b *strings.Builder, t *types.Tuple, variadic bool) bool {
	b.WriteByte('(')
	for i := 0; i < t.Len(); i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		if variadic && i == t.Len()-1 {
			b.WriteString("...")
		}
		if !writeTypeKey(b, t.At(i).Type()) {
			return false
		}
	}
	b.WriteByte(')')
	return true
}

// objectID is a field's or method's name, qualified by its package's path
// when it is not exported (types.Id, with the path spelled out).
func objectID(obj types.Object) string {
	if obj.Exported() || obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}
