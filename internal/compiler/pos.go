package compiler

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// instrPos is the source position an instruction's code is attributed to,
// where go/ssa gives none but gc has one: the deferred calls run at a return
// belong to the return statement, or at the end of the function to its
// closing brace; the call of a range-over-func iterator, and a yield
// function's check that the loop is ready, belong to the range statement.
func instrPos(instr ssa.Instruction) token.Pos {
	if rd, ok := instr.(*ssa.RunDefers); ok && !rd.Pos().IsValid() {
		return returnPos(rd)
	}
	if p, ok := instr.(*ssa.Panic); ok && !p.Pos().IsValid() && p.Block().Comment == "yield-invalid" {
		return p.Parent().Pos()
	}
	if call, ok := instr.(*ssa.Call); ok && !call.Pos().IsValid() && len(call.Call.Args) == 1 {
		if mc, ok := call.Call.Args[0].(*ssa.MakeClosure); ok {
			if y, ok := mc.Fn.(*ssa.Function); ok && y.Synthetic == "range-over-func yield" {
				return y.Pos()
			}
		}
	}
	if sa, ok := instr.(*ssa.SliceToArrayPointer); ok && !sa.Pos().IsValid() {
		// A slice-to-array conversion, [n]T(s): go/ssa places the load
		// of the array it then makes, not the conversion, which panics.
		for _, r := range *sa.Referrers() {
			if r.Pos().IsValid() {
				return r.Pos()
			}
		}
	}
	return instr.Pos()
}

// returnPos is the position of the return that follows a RunDefers in its
// block, or of the closing brace of the function's body.
func returnPos(rd *ssa.RunDefers) token.Pos {
	for _, instr := range rd.Block().Instrs {
		if ret, ok := instr.(*ssa.Return); ok && ret.Pos().IsValid() {
			return ret.Pos()
		}
	}
	switch syn := rd.Parent().Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return token.NoPos
}

// calledWhereWritten reports whether fn is a function literal with captured
// variables whose only use is a call written right after it: func(){...}().
func calledWhereWritten(fn *ssa.Function) bool {
	lit, ok := fn.Syntax().(*ast.FuncLit)
	if !ok || len(fn.FreeVars) == 0 {
		return false
	}
	mc := closureOf(fn)
	if mc == nil {
		return false
	}
	refs := *mc.Referrers()
	if len(refs) != 1 {
		return false
	}
	call, ok := refs[0].(*ssa.Call)
	return ok && call.Call.Value == mc && call.Pos() == lit.End()
}

// closureOf finds the MakeClosure of fn in its parent.
func closureOf(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				return mc
			}
		}
	}
	return nil
}
