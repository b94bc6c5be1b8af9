package compiler

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A range loop over an array, or a pointer to one, with at most one
// iteration variable does not evaluate its range expression when len of it
// is constant (no function calls or channel receives in it): `for i :=
// range *p` must not dereference a nil p. go/ssa evaluates the expression
// regardless, as a load whose result nothing uses; gort drops that load.

// unevaluatedRangeDeref reports whether v is such a load.
func (fc *fnCompiler) unevaluatedRangeDeref(v *ssa.UnOp) bool {
	if v.Op != token.MUL || len(*v.Referrers()) != 0 || !v.Pos().IsValid() {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Array); !ok {
		return false
	}
	syntax := fc.fn.Syntax()
	if syntax == nil || fc.fn.Pkg == nil {
		return false
	}
	info := fc.c.lp.Info[fc.fn.Pkg.Pkg]
	if info == nil {
		return false
	}
	found := false
	ast.Inspect(syntax, func(n ast.Node) bool {
		if found {
			return false
		}
		rs, ok := n.(*ast.RangeStmt)
		if !ok {
			return true
		}
		star, ok := ast.Unparen(rs.X).(*ast.StarExpr)
		if ok && star.Star == v.Pos() && isBlankOrNil(rs.Value) && !hasCallOrRecv(info, rs.X) {
			found = true
			return false
		}
		return true
	})
	return found
}

func isBlankOrNil(e ast.Expr) bool {
	if e == nil {
		return true
	}
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// hasCallOrRecv reports whether evaluating e calls a function or receives
// from a channel, which makes len(e) non-constant. Conversions and calls
// that fold to constants do neither.
func hasCallOrRecv(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its body runs only when called
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true
			}
			if tv, ok := info.Types[n]; ok && tv.Value != nil {
				return false
			}
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		}
		return !found
	})
	return found
}
