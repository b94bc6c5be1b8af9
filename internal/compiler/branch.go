package compiler

import (
	"go/token"
	"go/types"
	"math"

	"golang.org/x/tools/go/ssa"

	"gort/internal/bytecode"
)

// Conditional branches and immediate operands.
//
// An integer comparison whose only use is the If that ends its block is not
// materialised: the If becomes one compare-and-branch instruction that jumps
// to one successor and falls through to the other, which is usually the next
// block. Small integer constants become immediates rather than words of the
// constant image, so the common `n < 2`, `i+1` and `x >> 3` need neither a
// constant slot nor a second instruction.

// fusedCompare reports whether v is an integer or float comparison that the
// If ending its block consumes directly.
func fusedCompare(v *ssa.BinOp) bool {
	switch v.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	if !isIntegerLike(v.X.Type()) && !isFloat(v.X.Type()) {
		return false
	}
	b := v.Block()
	n := len(b.Instrs)
	iff, ok := b.Instrs[n-1].(*ssa.If)
	if !ok || iff.Cond != v {
		return false
	}
	// Nothing but debug references may come between the comparison and the
	// If, and nothing else may use the comparison's value.
	for _, instr := range b.Instrs[indexOf(b, v)+1 : n-1] {
		if _, ok := instr.(*ssa.DebugRef); !ok {
			return false
		}
	}
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok && r != iff {
			return false
		}
	}
	return true
}

func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// isIntegerLike reports whether values of t compare as single normalised
// words: integers, booleans and unsafe.Pointer.
func isIntegerLike(t types.Type) bool {
	u, ok := t.Underlying().(*types.Basic)
	if !ok {
		return false
	}
	return u.Info()&(types.IsInteger|types.IsBoolean) != 0 || u.Kind() == types.UnsafePointer
}

// immediate returns v as a sign-extended 32-bit immediate when v is an
// integer constant whose normalised slot word fits.
func (fc *fnCompiler) immediate(v ssa.Value) (int32, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || !isIntegerLike(k.Type()) {
		return 0, false
	}
	if u := k.Type().Underlying().(*types.Basic); u.Info()&types.IsBoolean != 0 || u.Kind() == types.UnsafePointer {
		return 0, false
	}
	w := int64(normaliseConst(fc.c.constValue(k)))
	if w < math.MinInt32 || w > math.MaxInt32 {
		return 0, false
	}
	return int32(w), true
}

func normaliseConst(b []byte) uint64 {
	var w uint64
	for i := 7; i >= 0; i-- {
		w = w<<8 | uint64(b[i])
	}
	return w
}

// branch lowers an If whose condition is a fused comparison.
func (fc *fnCompiler) branch(v *ssa.If, cmp *ssa.BinOp) {
	b := v.Block()
	t, f := b.Succs[0], b.Succs[1]
	// Jump to one successor and fall through to the other: fall through to
	// whichever is emitted next, preferring the true one.
	whenTrue := fc.fallsThrough(b, f) && !fc.fallsThrough(b, t)
	target, other := f, t
	if whenTrue {
		target, other = t, f
	}
	var pc int
	switch {
	case isFloat(cmp.X.Type()):
		pc = fc.emitFloatBranch(cmp.Op, cmp.X, cmp.Y, whenTrue)
	case whenTrue:
		pc = fc.emitCompareBranch(cmp.Op, cmp.X, cmp.Y)
	default:
		pc = fc.emitCompareBranch(negate(cmp.Op), cmp.X, cmp.Y)
	}
	fc.edge(pc, 2, b, target)
	if !fc.fallsThrough(b, other) {
		fc.edge(fc.emit(bytecode.JMP, 0, 0, 0, 0), 0, b, other)
	}
}

// rotateBackEdge ends a loop's back edge from b to its header h with the
// header's own test, when h is nothing but phis and a fused comparison:
// instead of LOOP to h and the test there, one compare-and-branch (marked
// as a back edge, so it makes the preemption check) goes straight to the
// loop body, and otherwise on to the loop's exit. b's phi moves have been
// emitted; the comparison reads h's phis, which now hold the next
// iteration's values, or values defined before the loop.
func (fc *fnCompiler) rotateBackEdge(b, h *ssa.BasicBlock) bool {
	iff, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || !fusedCompare(cmp) || isFloat(cmp.X.Type()) {
		return false // (a float branch's K is its width, not a back-edge mark)
	}
	for _, instr := range h.Instrs[:len(h.Instrs)-1] {
		switch instr.(type) {
		case *ssa.Phi, *ssa.DebugRef:
		default:
			if instr != cmp {
				return false
			}
		}
	}
	body, exit := h.Succs[0], h.Succs[1]
	pc := fc.emitCompareBranch(cmp.Op, cmp.X, cmp.Y)
	fc.code[pc].K = 1
	fc.edge(pc, 2, h, body)
	if exit.Index != b.Index+1 || fc.needsMoves(h, exit) || exit == fc.fn.Recover {
		fc.edge(fc.emit(bytecode.JMP, 0, 0, 0, 0), 0, h, exit)
	}
	return true
}

// fallsThrough reports whether control can flow from the end of b straight
// into succ: succ is emitted next and needs no phi moves on the edge.
func (fc *fnCompiler) fallsThrough(b, succ *ssa.BasicBlock) bool {
	return succ.Index == b.Index+1 && !fc.needsMoves(b, succ) && succ != fc.fn.Recover
}

// needsMoves reports whether the edge from b to succ has phi moves that do
// something: coalesced phis need none.
func (fc *fnCompiler) needsMoves(b, succ *ssa.BasicBlock) bool {
	pred := -1
	for i, p := range succ.Preds {
		if p == b {
			pred = i
		}
	}
	for _, phi := range blockPhis(succ) {
		src, ok := fc.slots[phi.Edges[pred]]
		if !ok || src != fc.slots[phi] || fc.c.sizeof(phi.Type()) == 0 {
			return true
		}
	}
	return false
}

// edge makes field of the instruction at pc jump from b to succ, through a
// stub holding the edge's phi moves when succ has phis.
//
// An edge back to a block at or before b that closes a loop must make the
// preemption check, or a loop that only branches (`for x != 1 {}`) never
// yields: a JMP becomes a LOOP, an integer compare-and-branch is marked
// K=1, and any other branch (IF, a float branch, or one whose edge has phi
// moves) goes through a stub that ends in LOOP. Each such check is a
// safepoint with the loop header's live values.
func (fc *fnCompiler) edge(pc, field int, b, succ *ssa.BasicBlock) {
	back := loopEdge(b, succ)
	if fc.needsMoves(b, succ) || back && !fc.markBackEdge(pc, succ) {
		fc.pendingEdges = append(fc.pendingEdges, edgeStub{pc: pc, field: field, from: b, to: succ, back: back})
		return
	}
	fc.jumps = append(fc.jumps, jumpFix{pc: pc, field: field, block: succ})
}

// loopEdge reports whether the edge from b to succ goes back to an earlier
// block on a cycle: every cycle has such an edge, since blocks are laid out
// in index order, and a backward edge on no cycle (a switch case or a loop
// exit placed before its source) needs no check.
func loopEdge(b, succ *ssa.BasicBlock) bool {
	if succ.Index > b.Index {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{succ: true}
	work := []*ssa.BasicBlock{succ}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		for _, y := range x.Succs {
			if !seen[y] {
				seen[y] = true
				work = append(work, y)
			}
		}
	}
	return false
}

// markBackEdge makes the jump at pc, an edge with no phi moves back to the
// loop header h, a preemption check, if its instruction can carry one, and
// records its safepoint.
func (fc *fnCompiler) markBackEdge(pc int, h *ssa.BasicBlock) bool {
	in := &fc.code[pc]
	switch {
	case in.Op == bytecode.JMP:
		in.Op = bytecode.LOOP
	case in.Op >= bytecode.BEQ && in.Op <= bytecode.BGESI:
		in.K = 1
	default:
		return false
	}
	fc.safepoint(pc, fc.headerLive(h))
	return true
}

func negate(op token.Token) token.Token {
	switch op {
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	case token.LSS:
		return token.GEQ
	case token.GEQ:
		return token.LSS
	case token.LEQ:
		return token.GTR
	}
	return token.LEQ // GTR
}

// swapped is the comparison that holds for (y, x) when op holds for (x, y).
func swapped(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// emitCompareBranch emits "if x op y, jump" with the target left to fix.
func (fc *fnCompiler) emitCompareBranch(op token.Token, x, y ssa.Value) int {
	signed := isSigned(x.Type())
	if _, ok := fc.immediate(x); ok {
		if _, ok := fc.immediate(y); !ok {
			x, y, op = y, x, swapped(op)
		}
	}
	if imm, ok := fc.immediate(y); ok && (signed || op == token.EQL || op == token.NEQ) {
		ops := map[token.Token]bytecode.Op{
			token.EQL: bytecode.BEQI, token.NEQ: bytecode.BNEI,
			token.LSS: bytecode.BLTSI, token.LEQ: bytecode.BLESI,
			token.GTR: bytecode.BGTSI, token.GEQ: bytecode.BGESI,
		}
		return fc.emit(ops[op], 0, fc.val(x), imm, 0)
	}
	a, b := fc.val(x), fc.val(y)
	if op == token.GTR || op == token.GEQ {
		a, b, op = b, a, swapped(op)
	}
	var bop bytecode.Op
	switch op {
	case token.EQL:
		bop = bytecode.BEQ
	case token.NEQ:
		bop = bytecode.BNE
	case token.LSS:
		bop = bytecode.BLTU
		if signed {
			bop = bytecode.BLTS
		}
	case token.LEQ:
		bop = bytecode.BLEU
		if signed {
			bop = bytecode.BLES
		}
	}
	return fc.emit(bop, 0, a, b, 0)
}

// emitFloatBranch emits "if x op y, jump" (whenTrue) or "unless x op y,
// jump". A float comparison with a NaN is false, so the negation of < is
// not >=: each comparison has a branch for either outcome.
func (fc *fnCompiler) emitFloatBranch(op token.Token, x, y ssa.Value, whenTrue bool) int {
	if op == token.GTR || op == token.GEQ {
		x, y, op = y, x, swapped(op)
	}
	if op == token.NEQ {
		op, whenTrue = token.EQL, !whenTrue
	}
	ops := map[token.Token][2]bytecode.Op{ // jump when false, when true
		token.EQL: {bytecode.BFNE, bytecode.BFEQ},
		token.LSS: {bytecode.BFNLT, bytecode.BFLT},
		token.LEQ: {bytecode.BFNLE, bytecode.BFLE},
	}
	k := uint16(8)
	if x.Type().Underlying().(*types.Basic).Kind() == types.Float32 {
		k = 4
	}
	return fc.emit(ops[op][b2i(whenTrue)], k, fc.val(x), fc.val(y), 0)
}

// immediateOp emits the immediate form of an integer operation when one
// operand is a small constant, reporting whether it did.
func (fc *fnCompiler) immediateOp(v *ssa.BinOp, dst int32) bool {
	x, y := v.X, v.Y
	commutative := v.Op == token.ADD || v.Op == token.MUL || v.Op == token.AND
	if _, ok := fc.immediate(x); ok && commutative {
		x, y = y, x
	}
	imm, ok := fc.immediate(y)
	if !ok {
		return false
	}
	var op bytecode.Op
	switch v.Op {
	case token.ADD:
		op = bytecode.ADDI
	case token.SUB:
		if imm == math.MinInt32 {
			return false
		}
		op, imm = bytecode.ADDI, -imm
	case token.MUL:
		op = bytecode.MULI
	case token.AND:
		op = bytecode.ANDI
	case token.SHL:
		op = bytecode.SHLI
	case token.SHR:
		op = bytecode.SHRUI
		if isSigned(x.Type()) {
			op = bytecode.SHRSI
		}
	default:
		return false
	}
	if (op == bytecode.SHLI || op == bytecode.SHRUI || op == bytecode.SHRSI) && imm < 0 {
		return false
	}
	fc.emit(op, 0, dst, fc.val(x), imm)
	return true
}
