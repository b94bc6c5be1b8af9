package typedesc

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// A type declared inside a generic function is a distinct type in each
// instance of the function, and gc spells it with the instance's type
// arguments before its own, separated by ';': in F[int],
// `type L int` is main.L[int] and `type G[B any] ...` instantiated with
// string is main.G[int;string]. go/ssa makes a fresh types.Named, with a
// fresh TypeName outside any scope, for each instance (its subster); the
// builder finds, for each such TypeName, the declaration it copies and the
// instance that made it.

// instLocal is a type declared in a generic function, as one instance of
// the function has it.
type instLocal struct {
	decl  *types.TypeName // the declaration in the function's source
	targs []types.Type    // the instance's type arguments (receiver's first)
}

// instanceLocal reports which declaration and instance a fresh local
// TypeName comes from.
func (b *Builder) instanceLocal(obj *types.TypeName) (instLocal, bool) {
	if obj.Parent() != nil || obj.Pkg() == nil || b.prog == nil {
		return instLocal{}, false
	}
	if b.instLocals == nil {
		b.instLocals = b.findInstanceLocals()
	}
	l, ok := b.instLocals[obj]
	return l, ok
}

// findInstanceLocals walks the types that the instances of generic
// functions use, recording each fresh named type declared in the
// instance's function.
func (b *Builder) findInstanceLocals() map[*types.TypeName]instLocal {
	found := map[*types.TypeName]instLocal{}
	var ops []*ssa.Value
	for fn := range ssautil.AllFunctions(b.prog) {
		targs := fn.TypeArgs()
		if len(targs) == 0 {
			continue
		}
		top := fn
		for top.Parent() != nil {
			top = top.Parent()
		}
		origin, _ := top.Origin().Object().(*types.Func)
		if top.Origin() == nil || origin == nil || origin.Scope() == nil {
			continue
		}
		scope := origin.Scope()
		seen := map[types.Type]bool{}
		var visit func(t types.Type)
		visit = func(t types.Type) {
			if t == nil || seen[t] {
				return
			}
			seen[t] = true
			switch t := t.(type) {
			case *types.Named:
				obj := t.Obj()
				if obj.Parent() == nil && obj.Pkg() != nil && scope.Contains(obj.Pos()) {
					// (A generic type's own type-parameter scope may be
					// the innermost one at its name.)
					_, o := scope.Innermost(obj.Pos()).LookupParent(obj.Name(), obj.Pos())
					if decl, ok := o.(*types.TypeName); ok && decl.Pos() == obj.Pos() {
						found[obj] = instLocal{decl: decl, targs: targs}
					}
					visit(t.Underlying())
				}
				for a := range t.TypeArgs().Types() {
					visit(a)
				}
			case *types.Alias:
				visit(types.Unalias(t))
			case *types.Pointer:
				visit(t.Elem())
			case *types.Slice:
				visit(t.Elem())
			case *types.Array:
				visit(t.Elem())
			case *types.Chan:
				visit(t.Elem())
			case *types.Map:
				visit(t.Key())
				visit(t.Elem())
			case *types.Struct:
				for f := range t.Fields() {
					visit(f.Type())
				}
			case *types.Tuple:
				for v := range t.Variables() {
					visit(v.Type())
				}
			case *types.Signature:
				visit(t.Params())
				visit(t.Results())
			case *types.Interface:
				for m := range t.Methods() {
					visit(m.Type())
				}
			}
		}
		for _, p := range fn.Params {
			visit(p.Type())
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if v, ok := instr.(ssa.Value); ok {
					visit(v.Type())
				}
				for _, op := range instr.Operands(ops[:0]) {
					if *op != nil {
						visit((*op).Type())
					}
				}
			}
		}
	}
	return found
}
