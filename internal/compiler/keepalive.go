package compiler

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// The uintptr keep-alive rule. A function marked //go:uintptrescapes or
// //go:uintptrkeepalive (syscall.Syscall and its kin are) takes pointers
// as uintptr arguments, and the spec of package unsafe promises that an
// argument written uintptr(unsafe.Pointer(p)) in the call keeps p's object
// alive until the call returns. gc does it by keeping p live across the
// call; gort does the same in the liveness analysis, where the call counts
// as a use of p: keepAliveOperands adds p to the call's operands, both
// for a direct argument and for one in the call's variadic slice.

// keepAliveSyscalls are the standard library's functions with the rule,
// whose declarations a linked program sees without their comments.
var keepAliveSyscalls = map[string]bool{
	"syscall.Syscall": true, "syscall.Syscall6": true,
	"syscall.RawSyscall": true, "syscall.RawSyscall6": true,
}

// keepsUintptrsAlive reports whether fn has the keep-alive rule.
func (c *Compiler) keepsUintptrsAlive(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	if fn.Pkg != nil && keepAliveSyscalls[fn.Pkg.Pkg.Path()+"."+fn.Name()] {
		return true
	}
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	if !ok || decl.Doc == nil {
		return false
	}
	for _, cm := range decl.Doc.List {
		if strings.HasPrefix(cm.Text, "//go:uintptrescapes") || strings.HasPrefix(cm.Text, "//go:uintptrkeepalive") {
			return true
		}
	}
	return false
}

// keepAliveOperands appends to ops the pointers a call of a keep-alive
// function converted to its uintptr arguments.
func (fc *fnCompiler) keepAliveOperands(instr ssa.Instruction, ops []*ssa.Value) []*ssa.Value {
	ci, ok := instr.(ssa.CallInstruction)
	if !ok || !fc.c.keepsUintptrsAlive(ci.Common().StaticCallee()) {
		return ops
	}
	for _, a := range ci.Common().Args {
		if x := convertedPointer(a); x != nil {
			ops = append(ops, x)
			continue
		}
		// A variadic argument: a slice of the array the call's
		// arguments were stored into.
		s, ok := a.(*ssa.Slice)
		if !ok {
			continue
		}
		arr, ok := s.X.(*ssa.Alloc)
		if !ok {
			continue
		}
		for _, ref := range *arr.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, r := range *ia.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
					if x := convertedPointer(st.Val); x != nil {
						ops = append(ops, x)
					}
				}
			}
		}
	}
	return ops
}

// convertedPointer returns the operand of v if v is uintptr(p) for an
// unsafe.Pointer p.
func convertedPointer(v ssa.Value) *ssa.Value {
	conv, ok := v.(*ssa.Convert)
	if !ok {
		return nil
	}
	if b, ok := conv.X.Type().Underlying().(*types.Basic); ok && b.Kind() == types.UnsafePointer {
		return &conv.X
	}
	return nil
}

// allocType is the type a frame-local or heap Alloc gets: its own, except
// for the variadic array of a keep-alive call, whose uintptrs the
// collector reads as possible pointers (an array of unsafe.Pointer has the
// same layout): a go statement's goroutine may hold the only reference.
func (c *Compiler) allocType(a *ssa.Alloc) types.Type {
	t := a.Type().(*types.Pointer).Elem()
	arr, ok := t.(*types.Array)
	if !ok {
		return t
	}
	if b, ok := arr.Elem().Underlying().(*types.Basic); !ok || b.Kind() != types.Uintptr {
		return t
	}
	for _, ref := range *a.Referrers() {
		s, ok := ref.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, r := range *s.Referrers() {
			if ci, ok := r.(ssa.CallInstruction); ok && c.keepsUintptrsAlive(ci.Common().StaticCallee()) {
				return types.NewArray(types.Typ[types.UnsafePointer], arr.Len())
			}
		}
	}
	return t
}
