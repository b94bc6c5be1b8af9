package compiler

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"gort/internal/bytecode"
)

// Address folding.
//
// `p.f += x` is, in SSA, t := &p.f; *t = *t + x: a FieldAddr whose only uses
// are a load and a store. LOAD and STORE take a constant offset, so such a
// FieldAddr need not be computed at all: its uses address p with the
// field's offset. The nil check moves from the FieldAddr to the first use,
// which therefore must follow it directly, and the offset must stay inside
// the nil guard so that a nil p still faults as a nil dereference.
//
// `s[i] += x` is the same with an IndexAddr of a slice: the IndexAddr keeps
// its bounds check, and its uses become LOADX and STOREX, which scale the
// index by the element's size. A slice that passes the bounds check is not
// nil, so nothing moves but the address arithmetic.

// foldable reports whether v, instruction i of its block, is a field or
// slice element address every use of which is a scalar load or store
// through it, in v's block, the first right after v.
func foldable(v ssa.Value, i int, c *Compiler) bool {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		st := v.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		off := c.sizes.Offsetsof(fieldsOf(st))[v.Field]
		if off >= 4096 || classOf(st.Field(v.Field).Type()) == 0 {
			return false
		}
	case *ssa.IndexAddr:
		s, ok := v.X.Type().Underlying().(*types.Slice)
		if !ok {
			return false
		}
		cls := classOf(s.Elem())
		if cls == 0 || uintptr(c.sizeof(s.Elem())) != bytecode.ClassSize[cls] {
			return false
		}
	default:
		return false
	}
	refs := *v.Referrers()
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if r.Block() != v.(ssa.Instruction).Block() {
			return false
		}
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Addr != v || r.Val == v {
				return false
			}
		default:
			return false
		}
	}
	b := v.(ssa.Instruction).Block()
	for _, next := range b.Instrs[i+1:] {
		if _, ok := next.(*ssa.DebugRef); ok {
			continue
		}
		for _, r := range refs {
			if r == next {
				return true
			}
		}
		return false
	}
	return false
}

// address returns the slot holding the base pointer of an access through
// ptr and the constant offset to add to it; for a folded slice element,
// the slot of the index instead, and indexed true.
func (fc *fnCompiler) address(ptr ssa.Value) (base, off int32, indexed bool) {
	if !fc.folded[ptr] {
		return fc.val(ptr), 0, false
	}
	switch a := ptr.(type) {
	case *ssa.FieldAddr:
		st := a.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		return fc.val(a.X), int32(fc.c.sizes.Offsetsof(fieldsOf(st))[a.Field]), false
	case *ssa.IndexAddr:
		return fc.val(a.X), fc.val(a.Index), true // the slice's data pointer is its first word
	}
	panic("gort: internal error: folded " + ptr.String())
}

// lenWord reports whether v is len or cap of a slice or string, which is a
// word of the operand's own slot: v is never computed, its uses read that
// word (val), and for liveness they are uses of the operand (operands). Not
// of a phi, whose slot is rewritten on the back edge while the old length
// may still be on its way into another phi.
func lenWord(v *ssa.Call) (x ssa.Value, off int32, ok bool) {
	if v == nil {
		return nil, 0, false
	}
	b, isBuiltin := v.Call.Value.(*ssa.Builtin)
	if !isBuiltin || b.Name() != "len" && b.Name() != "cap" {
		return nil, 0, false
	}
	x = v.Call.Args[0]
	if _, isPhi := x.(*ssa.Phi); isPhi {
		return nil, 0, false
	}
	switch u := x.Type().Underlying().(type) {
	case *types.Slice:
		if b.Name() == "cap" {
			return x, 16, true
		}
		return x, 8, true
	case *types.Basic:
		return x, 8, u.Info()&types.IsString != 0
	}
	return nil, 0, false
}

// edgeOperand returns what a phi's incoming value e reads, for liveness:
// the operand whose word it is if e is a len or cap word, else e. The
// operand must live until the move into the phi on the edge, at the end
// of the predecessor.
func edgeOperand(e ssa.Value) ssa.Value {
	if call, ok := e.(*ssa.Call); ok {
		if x, _, ok := lenWord(call); ok {
			return x
		}
	}
	return e
}

func isLenWord(v *ssa.Call) bool {
	_, _, ok := lenWord(v)
	return ok
}

// operands appends instr's operands, reading a folded address as the
// values its accesses use instead: the base pointer, and a slice element's
// index.
func (fc *fnCompiler) operands(instr ssa.Instruction, ops []*ssa.Value) []*ssa.Value {
	ops = instr.Operands(ops)
	for i, op := range ops {
		if call, ok := (*op).(*ssa.Call); ok {
			if _, _, ok := lenWord(call); ok {
				ops[i] = &call.Call.Args[0]
			}
			continue
		}
		if !fc.folded[*op] {
			continue
		}
		switch a := (*op).(type) {
		case *ssa.FieldAddr:
			ops[i] = &a.X
		case *ssa.IndexAddr:
			ops[i] = &a.X
			ops = append(ops, &a.Index)
		}
	}
	return fc.keepAliveOperands(instr, ops)
}
