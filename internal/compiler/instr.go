package compiler

import (
	"encoding/binary"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"gort/internal/bytecode"
)

// instr emits the code for one SSA instruction.
func (fc *fnCompiler) instr(instr ssa.Instruction) {
	c := fc.c
	fc.user = instr
	switch v := instr.(type) {
	case *ssa.DebugRef:
	case *ssa.Phi:
		// Phis are assigned on the incoming edges.
	case *ssa.Alloc:
		t := c.allocType(v)
		if v.Heap {
			fc.rt(bytecode.RtNew, fc.val(v), c.typ(t).Index, 0)
			return
		}
		obj := fc.objs[v]
		if size := c.sizeof(t); size > 0 {
			fc.emit(bytecode.ZERO, 0, obj, 0, int32(align(size, 8)))
		}
		fc.emit(bytecode.ADDR, 0, fc.val(v), obj, 0)
	case *ssa.BinOp:
		if !fusedCompare(v) {
			fc.binOp(v)
		}
	case *ssa.UnOp:
		if !fc.unevaluatedRangeDeref(v) {
			fc.unOp(v)
		}
	case *ssa.Call:
		fc.call(v.Common(), v)
	case *ssa.ChangeType:
		fc.move(fc.val(v), fc.val(v.X), v.Type())
	case *ssa.Convert:
		fc.convert(v)
	case *ssa.MultiConvert:
		fc.unsupported("conversion between type parameters", v.Pos())
	case *ssa.ChangeInterface:
		_, srcEface := isEface(v.X.Type())
		fc.rt(bytecode.RtChangeIface, fc.val(v), fc.val(v.X), fc.aux(c.typ(v.Type()).Index, b2i(srcEface)))
	case *ssa.SliceToArrayPointer:
		n := v.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array).Len()
		fc.rt(bytecode.RtSliceToArrayPtr, fc.val(v), fc.val(v.X), int32(n))
	case *ssa.MakeInterface:
		if k, ok := v.X.(*ssa.Const); ok && !fc.c.typ(k.Type()).DirectIface && fc.c.sizeof(k.Type()) > 0 {
			fc.constIface(fc.val(v), k, v.Type())
			break
		}
		fc.makeInterface(fc.val(v), fc.val(v.X), v.X.Type(), v.Type())
	case *ssa.MakeClosure:
		fn := v.Fn.(*ssa.Function)
		var ts []types.Type
		for _, b := range v.Bindings {
			ts = append(ts, b.Type())
		}
		offs := c.closureOffsets(ts)
		a := []int32{int32(offs[len(offs)-1]), int32(len(v.Bindings)), c.typ(closureType(ts)).Index}
		for i, b := range v.Bindings {
			a = append(a, fc.val(b), int32(offs[i]), int32(c.sizeof(b.Type())))
		}
		fc.rt(bytecode.RtMakeClosure, fc.val(v), c.declare(fn).Index, fc.aux(a...))
	case *ssa.MakeMap:
		hint := int32(-1)
		if v.Reserve != nil {
			hint = fc.val(v.Reserve)
		}
		fc.rt(bytecode.RtMakeMap, fc.val(v), hint, c.typ(v.Type()).Index)
	case *ssa.MakeChan:
		fc.rt(bytecode.RtMakeChan, fc.val(v), fc.val(v.Size), c.typ(v.Type()).Index)
	case *ssa.MakeSlice:
		elem := v.Type().Underlying().(*types.Slice).Elem()
		fc.rt(bytecode.RtMakeSlice, fc.val(v), fc.val(v.Len), fc.aux(fc.val(v.Cap), c.typ(elem).Index, b2i(isSigned(v.Len.Type())), b2i(isSigned(v.Cap.Type()))))
	case *ssa.Slice:
		fc.slice(v)
	case *ssa.FieldAddr:
		if fc.folded[v] {
			return // its loads and stores address v.X directly
		}
		st := v.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		off := c.sizes.Offsetsof(fieldsOf(st))[v.Field]
		fc.emit(bytecode.FIELDADDR, 0, fc.val(v), fc.val(v.X), int32(off))
	case *ssa.Field:
		st := v.X.Type().Underlying().(*types.Struct)
		off := c.sizes.Offsetsof(fieldsOf(st))[v.Field]
		fc.loadFrame(fc.val(v), fc.val(v.X)+int32(off), v.Type())
	case *ssa.IndexAddr:
		fc.indexAddr(v)
	case *ssa.Index:
		fc.index(v)
	case *ssa.Lookup:
		if _, ok := v.X.Type().Underlying().(*types.Map); !ok {
			fc.unsupported("string Lookup", v.Pos())
		}
		mt := c.typ(v.X.Type())
		fc.rt(bytecode.RtMapLookup, fc.val(v), fc.val(v.X), fc.aux(fc.val(v.Index), mt.Index, b2i(v.CommaOk), fc.okOffset(v)))
	case *ssa.Extract:
		tt := v.Tuple.Type().(*types.Tuple)
		offs, _ := c.tupleOffsets(tt)
		fc.loadFrame(fc.val(v), fc.val(v.Tuple)+int32(offs[v.Index]), v.Type())
	case *ssa.TypeAssert:
		srcT := c.typ(v.X.Type())
		fc.rt(bytecode.RtTypeAssert, fc.val(v), fc.val(v.X), fc.aux(c.typ(v.AssertedType).Index, srcT.Index, b2i(v.CommaOk), fc.okOffset(v)))
	case *ssa.Range:
		switch u := v.X.Type().Underlying().(type) {
		case *types.Map:
			fc.rt(bytecode.RtMapRange, fc.val(v), fc.val(v.X), c.typ(u).Index)
		case *types.Basic:
			fc.rt(bytecode.RtStrRange, fc.val(v), fc.val(v.X), 0)
		default:
			fc.unsupported("range over "+v.X.Type().String(), v.Pos())
		}
	case *ssa.Next:
		tt := v.Type().(*types.Tuple)
		offs, _ := c.tupleOffsets(tt)
		if v.IsString {
			fc.rt(bytecode.RtStrNext, fc.val(v), fc.val(v.Iter), 0)
			return
		}
		rng := v.Iter.(*ssa.Range)
		mt := c.typ(rng.X.Type().Underlying())
		fc.rt(bytecode.RtMapNext, fc.val(v), fc.val(v.Iter), fc.aux(mt.Index, int32(offs[1]), int32(offs[2]), b2i(!isBlank(tt.At(1))), b2i(!isBlank(tt.At(2)))))
	case *ssa.Select:
		fc.selectOp(v)
	case *ssa.Store:
		if isBlankField(v.Addr) {
			return
		}
		if fc.folded[v.Addr] {
			base, off, indexed := fc.address(v.Addr)
			if indexed {
				fc.emit(bytecode.STOREX, classOf(v.Val.Type()), base, off, fc.val(v.Val))
			} else {
				fc.emit(bytecode.STORE, classOf(v.Val.Type()), base, fc.val(v.Val), off)
			}
			return
		}
		fc.store(fc.val(v.Addr), fc.val(v.Val), v.Val.Type())
	case *ssa.MapUpdate:
		mt := c.typ(v.Map.Type())
		fc.rt(bytecode.RtMapUpdate, fc.val(v.Map), fc.val(v.Key), fc.aux(fc.val(v.Value), mt.Index))
	case *ssa.Send:
		fc.rt(bytecode.RtSend, fc.val(v.Chan), fc.val(v.X), c.typ(v.Chan.Type()).Index)
	case *ssa.Go:
		fc.goDefer(bytecode.RtGo, v.Common(), nil)
	case *ssa.Defer:
		fc.goDefer(bytecode.RtDefer, v.Common(), v.DeferStack)
	case *ssa.RunDefers:
		fc.runDefers()
	case *ssa.Panic:
		fc.panicOp(v)
	case *ssa.Return:
		fc.ret(v)
	case *ssa.Jump:
		to := v.Block().Succs[0]
		fc.phiMoves(v.Block(), to)
		if to.Index == v.Block().Index+1 && to != fc.fn.Recover {
			return // falls through
		}
		if to.Index <= v.Block().Index && fc.rotateBackEdge(v.Block(), to) {
			return
		}
		op := bytecode.JMP
		if to.Index <= v.Block().Index {
			op = bytecode.LOOP
		}
		pc := fc.emit(op, 0, 0, 0, 0)
		fc.jumps = append(fc.jumps, jumpFix{pc: pc, field: 0, block: to})
	case *ssa.If:
		if cmp, ok := v.Cond.(*ssa.BinOp); ok && fusedCompare(cmp) {
			fc.branch(v, cmp)
			return
		}
		b := v.Block()
		pc := fc.emit(bytecode.IF, 0, fc.val(v.Cond), 0, 0)
		for i, succ := range b.Succs[:2] {
			fc.edge(pc, i+1, b, succ)
		}
	default:
		fc.unsupported("SSA instruction "+instr.String(), instr.Pos())
	}
}

// isBlankField reports whether addr is the address of a blank (_) field.
// go/ssa stores a composite literal's value for a blank field there; gc
// evaluates the value and discards it, leaving the field zero. Nothing
// else can address a blank field, so a store through one is dropped.
func isBlankField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	pt, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := pt.Elem().Underlying().(*types.Struct)
	return ok && st.Field(fa.Field).Name() == "_"
}

func isBlank(v *types.Var) bool {
	return v.Type() == types.Typ[types.Invalid]
}

func hasPhis(b *ssa.BasicBlock) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	_, ok := b.Instrs[0].(*ssa.Phi)
	return ok
}

// phiMoves assigns the phis of `to` for the edge from `from`. When a phi's
// incoming value is another phi of the same block, all incoming values are
// first copied to scratch slots, so the moves act in parallel.
func (fc *fnCompiler) phiMoves(from, to *ssa.BasicBlock) {
	pred := -1
	for i, p := range to.Preds {
		if p == from {
			pred = i
			break
		}
	}
	phis := blockPhis(to)
	if len(phis) == 0 {
		return
	}
	parallel := false
	for _, phi := range phis {
		if other, ok := phi.Edges[pred].(*ssa.Phi); ok && other.Block() == to {
			parallel = true
		}
	}
	if !parallel {
		for _, phi := range phis {
			fc.move(fc.val(phi), fc.val(phi.Edges[pred]), phi.Type())
		}
		return
	}
	tmps := make([]int32, len(phis))
	for i, phi := range phis {
		tmps[i] = fc.scratch(fc.c.sizeof(phi.Type()))
		fc.move(tmps[i], fc.val(phi.Edges[pred]), phi.Type())
	}
	for i, phi := range phis {
		fc.move(fc.val(phi), tmps[i], phi.Type())
	}
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

func isEface(t types.Type) (*types.Interface, bool) {
	it, ok := t.Underlying().(*types.Interface)
	return it, ok && it.NumMethods() == 0
}

func isSigned(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned == 0
}

// okOffset is where the ok bool of a comma-ok tuple lives in its slot.
func (fc *fnCompiler) okOffset(v ssa.Value) int32 {
	tt, ok := v.Type().(*types.Tuple)
	if !ok {
		return 0
	}
	offs, _ := fc.c.tupleOffsets(tt)
	return int32(offs[1])
}

// constIface converts constant k to interface type to: its type word and
// the address of its read-only copy, both constants.
func (fc *fnCompiler) constIface(dst int32, k *ssa.Const, to types.Type) {
	c := fc.c
	ct := c.typ(k.Type())
	word := ct.Desc
	if _, ok := isEface(to); !ok {
		word = c.itab(c.typ(to), ct)
	}
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], uint64(word))
	binary.LittleEndian.PutUint64(b[8:], uint64(c.constBox(k)))
	fc.move(dst, fc.constBytes(b[:]), to)
}

func (fc *fnCompiler) makeInterface(dst, src int32, from, to types.Type) {
	c := fc.c
	ct := c.typ(from)
	var word uintptr
	if _, ok := isEface(to); ok {
		word = ct.Desc
	} else {
		word = c.itab(c.typ(to), ct)
	}
	fc.rt(bytecode.RtMakeIface, dst, src, fc.aux(ct.Index, fc.constWord(uint64(word))))
}

func (fc *fnCompiler) ret(v *ssa.Return) {
	if fc.deferStack {
		// Deferred calls made by range-over-func loop bodies belong to
		// this frame, but go/ssa runs them only where the function
		// itself deferred something; gc runs them at every return.
		fc.runDefers()
	}
	sig := fc.fn.Signature
	if len(v.Results) > 0 {
		var params []types.Type
		for _, p := range fc.fn.Params {
			params = append(params, p.Type())
		}
		var results []types.Type
		for i := 0; i < sig.Results().Len(); i++ {
			results = append(results, sig.Results().At(i).Type())
		}
		l := fc.c.layoutCall(params, results)
		for i, r := range v.Results {
			if _, ok := fc.retarget(r, int32(l.results[i]), len(fc.code)); ok {
				continue
			}
			fc.storeFrame(int32(l.results[i]), fc.val(r), r.Type())
		}
	}
	fc.emit(bytecode.RET, 0, 0, 0, 0)
}

func (fc *fnCompiler) panicOp(v *ssa.Panic) {
	// go/ssa reports misuse of range-over-func iterators with plain
	// strings; gc raises runtime errors. Re-lower those sites.
	if k, ok := v.X.(*ssa.MakeInterface); ok {
		if s, ok := k.X.(*ssa.Const); ok && s.Value != nil {
			switch constStr(s) {
			case "iterator call did not preserve panic":
				fc.rt(bytecode.RtPanicRangeFunc, 0, rangeFuncMissingPanic, 0)
				return
			case "yield function called after range loop exit":
				off, ok := fc.rangeFuncJumpOffset(v)
				if !ok {
					off = -1
				}
				fc.rt(bytecode.RtPanicRangeFunc, 0, rangeFuncYieldState, off)
				return
			case "blocking select matched no case":
				fc.rt(bytecode.RtPanic, fc.val(v.X), 0, 0)
				return
			}
		}
	}
	fc.rt(bytecode.RtPanic, fc.val(v.X), 0, 0)
}

func constStr(k *ssa.Const) string {
	if b, ok := k.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return k.Value.ExactString()[1 : len(k.Value.ExactString())-1]
	}
	return ""
}

// binOp emits arithmetic, comparisons and string concatenation.
func (fc *fnCompiler) binOp(v *ssa.BinOp) {
	t := v.X.Type()
	u, _ := t.Underlying().(*types.Basic)
	if u != nil && u.Info()&types.IsInteger != 0 && fc.immediateOp(v, fc.val(v)) {
		if cls := classOf(v.Type()); isNarrow(cls) && (v.Op == token.ADD || v.Op == token.SUB || v.Op == token.MUL || v.Op == token.SHL) {
			fc.emit(bytecode.EXT, cls, fc.val(v), fc.val(v), 0)
		}
		return
	}
	dst, x, y := fc.val(v), fc.val(v.X), fc.val(v.Y)
	if u == nil {
		fc.compareAggregate(v, dst, x, y)
		return
	}
	info := u.Info()
	switch {
	case info&types.IsString != 0:
		switch v.Op {
		case token.ADD:
			fc.rt(bytecode.RtStrCat, dst, x, y)
		case token.EQL:
			fc.rt(bytecode.RtStrEq, dst, x, y)
		case token.NEQ:
			fc.rt(bytecode.RtStrEq, dst, x, y)
			fc.emit(bytecode.NOT, 0, dst, dst, 0)
		case token.LSS:
			fc.rt(bytecode.RtStrLt, dst, x, y)
		case token.LEQ:
			fc.rt(bytecode.RtStrLe, dst, x, y)
		case token.GTR:
			fc.rt(bytecode.RtStrLt, dst, y, x)
		case token.GEQ:
			fc.rt(bytecode.RtStrLe, dst, y, x)
		}
	case info&types.IsComplex != 0:
		sub := map[token.Token]int32{token.ADD: 0, token.SUB: 1, token.MUL: 2, token.QUO: 3, token.EQL: 4, token.NEQ: 5}[v.Op]
		width := int32(16)
		if u.Kind() == types.Complex64 {
			width = 8
		}
		fc.rt(bytecode.RtComplex, dst, x, fc.aux(y, sub, width))
	case info&types.IsFloat != 0:
		k := uint16(8)
		if u.Kind() == types.Float32 {
			k = 4
		}
		switch v.Op {
		case token.ADD:
			fc.emit(bytecode.FADD, k, dst, x, y)
		case token.SUB:
			fc.emit(bytecode.FSUB, k, dst, x, y)
		case token.MUL:
			fc.emit(bytecode.FMUL, k, dst, x, y)
		case token.QUO:
			fc.emit(bytecode.FDIV, k, dst, x, y)
		case token.EQL:
			fc.emit(bytecode.FEQ, k, dst, x, y)
		case token.NEQ:
			fc.emit(bytecode.FNE, k, dst, x, y)
		case token.LSS:
			fc.emit(bytecode.FLT, k, dst, x, y)
		case token.LEQ:
			fc.emit(bytecode.FLE, k, dst, x, y)
		case token.GTR:
			fc.emit(bytecode.FLT, k, dst, y, x)
		case token.GEQ:
			fc.emit(bytecode.FLE, k, dst, y, x)
		}
	default:
		fc.intBinOp(v, u, dst, x, y)
	}
}

func (fc *fnCompiler) intBinOp(v *ssa.BinOp, u *types.Basic, dst, x, y int32) {
	unsigned := u.Info()&types.IsUnsigned != 0 || u.Kind() == types.UnsafePointer
	var op bytecode.Op
	narrow := true // the result may need re-normalising
	switch v.Op {
	case token.ADD:
		op = bytecode.ADD
	case token.SUB:
		op = bytecode.SUB
	case token.MUL:
		op = bytecode.MUL
	case token.AND:
		op, narrow = bytecode.AND, false
	case token.OR:
		op, narrow = bytecode.OR, false
	case token.XOR:
		op, narrow = bytecode.XOR, false
	case token.AND_NOT:
		op, narrow = bytecode.ANDNOT, false
	case token.QUO:
		op = bytecode.DIVS
		if unsigned {
			op, narrow = bytecode.DIVU, false
		}
	case token.REM:
		op = bytecode.REMS
		if unsigned {
			op, narrow = bytecode.REMU, false
		}
	case token.SHL, token.SHR:
		if isSigned(v.Y.Type()) {
			fc.emit(bytecode.SHIFTCHK, 0, y, 0, 0)
		}
		switch {
		case v.Op == token.SHL:
			op = bytecode.SHL
		case unsigned:
			op, narrow = bytecode.SHRU, false
		default:
			op, narrow = bytecode.SHRS, false
		}
	case token.EQL:
		fc.emit(bytecode.EQ, 0, dst, x, y)
		return
	case token.NEQ:
		fc.emit(bytecode.NE, 0, dst, x, y)
		return
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
		lt, le := bytecode.LTS, bytecode.LES
		if unsigned {
			lt, le = bytecode.LTU, bytecode.LEU
		}
		switch v.Op {
		case token.LSS:
			fc.emit(lt, 0, dst, x, y)
		case token.LEQ:
			fc.emit(le, 0, dst, x, y)
		case token.GTR:
			fc.emit(lt, 0, dst, y, x)
		case token.GEQ:
			fc.emit(le, 0, dst, y, x)
		}
		return
	default:
		fc.unsupported("binary operator "+v.Op.String(), v.Pos())
	}
	fc.emit(op, 0, dst, x, y)
	if cls := classOf(v.Type()); narrow && isNarrow(cls) {
		fc.emit(bytecode.EXT, cls, dst, dst, 0)
	}
}

// compareAggregate compares structs, arrays, interfaces, pointers and other
// non-basic comparable values.
func (fc *fnCompiler) compareAggregate(v *ssa.BinOp, dst, x, y int32) {
	t := v.X.Type()
	if _, ok := v.Y.Type().Underlying().(*types.Interface); ok {
		t = v.Y.Type()
	}
	if cls := classOf(t); cls >= bytecode.ClassW64 {
		if v.Op == token.EQL {
			fc.emit(bytecode.EQ, 0, dst, x, y)
		} else {
			fc.emit(bytecode.NE, 0, dst, x, y)
		}
		return
	}
	fc.rt(bytecode.RtEqual, dst, x, fc.aux(y, fc.c.typ(t).Index))
	if v.Op == token.NEQ {
		fc.emit(bytecode.NOT, 0, dst, dst, 0)
	}
}

func (fc *fnCompiler) unOp(v *ssa.UnOp) {
	if v.Op == token.MUL {
		base, off, indexed := fc.address(v.X)
		if indexed {
			fc.emit(bytecode.LOADX, classOf(v.Type()), fc.val(v), base, off)
			return
		}
		fc.load(fc.val(v), base, off, v.Type())
		return
	}
	dst, x := fc.val(v), fc.val(v.X)
	switch v.Op {
	case token.NOT:
		fc.emit(bytecode.NOT, 0, dst, x, 0)
	case token.SUB:
		u := v.X.Type().Underlying().(*types.Basic)
		switch {
		case u.Info()&types.IsComplex != 0:
			width := int32(16)
			if u.Kind() == types.Complex64 {
				width = 8
			}
			fc.rt(bytecode.RtComplex, dst, x, fc.aux(x, 6, width))
		case u.Info()&types.IsFloat != 0:
			k := uint16(8)
			if u.Kind() == types.Float32 {
				k = 4
			}
			fc.emit(bytecode.FNEG, k, dst, x, 0)
		default:
			fc.emit(bytecode.NEG, 0, dst, x, 0)
			if cls := classOf(v.Type()); isNarrow(cls) {
				fc.emit(bytecode.EXT, cls, dst, dst, 0)
			}
		}
	case token.XOR:
		fc.emit(bytecode.COM, 0, dst, x, 0)
		if cls := classOf(v.Type()); isNarrow(cls) {
			fc.emit(bytecode.EXT, cls, dst, dst, 0)
		}
	case token.ARROW:
		ct := fc.c.typ(v.X.Type())
		fc.rt(bytecode.RtRecv, dst, x, fc.aux(ct.Index, b2i(v.CommaOk), fc.okOffset(v)))
	default:
		fc.unsupported("unary operator "+v.Op.String(), v.Pos())
	}
}

// convert emits a conversion between basic types, or between strings and
// byte or rune slices.
func (fc *fnCompiler) convert(v *ssa.Convert) {
	dst, x := fc.val(v), fc.val(v.X)
	from, to := v.X.Type().Underlying(), v.Type().Underlying()
	fb, fromBasic := from.(*types.Basic)
	tb, toBasic := to.(*types.Basic)
	switch {
	case fromBasic && toBasic && tb.Info()&types.IsString != 0 && fb.Info()&types.IsInteger != 0:
		fc.rt(bytecode.RtStrFromRune, dst, x, b2i(fb.Info()&types.IsUnsigned == 0))
	case fromBasic && toBasic:
		fc.numeric(dst, x, fb, tb)
	case toBasic && tb.Info()&types.IsString != 0:
		if isRunes(from) {
			fc.rt(bytecode.RtStrFromRunes, dst, x, 0)
		} else {
			fc.rt(bytecode.RtStrFromBytes, dst, x, 0)
		}
	case fromBasic && fb.Info()&types.IsString != 0:
		if isRunes(to) {
			fc.rt(bytecode.RtRunesFromStr, dst, x, 0)
		} else {
			fc.rt(bytecode.RtBytesFromStr, dst, x, 0)
		}
	default:
		fc.move(dst, x, v.Type())
	}
}

func isRunes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int32
}

func (fc *fnCompiler) numeric(dst, x int32, from, to *types.Basic) {
	fi, ti := from.Info(), to.Info()
	fromFloat, toFloat := fi&types.IsFloat != 0, ti&types.IsFloat != 0
	fromInt := fi&types.IsInteger != 0 || from.Kind() == types.UnsafePointer
	toInt := ti&types.IsInteger != 0 || to.Kind() == types.UnsafePointer
	switch {
	case fromInt && toInt:
		cls := classOf(to)
		if !isNarrow(cls) || c64(from, to) {
			if dst != x {
				fc.emit(bytecode.MOV8, 0, dst, x, 0)
			}
		} else {
			fc.emit(bytecode.EXT, cls, dst, x, 0)
		}
	case fromInt && toFloat:
		k := bytecode.ConvI2F64
		unsigned := fi&types.IsUnsigned != 0
		switch {
		case to.Kind() == types.Float32 && unsigned:
			k = bytecode.ConvU2F32
		case to.Kind() == types.Float32:
			k = bytecode.ConvI2F32
		case unsigned:
			k = bytecode.ConvU2F64
		}
		fc.emit(bytecode.CONV, uint16(k), dst, x, 0)
	case fromFloat && toInt:
		k := bytecode.ConvF642I
		unsigned := ti&types.IsUnsigned != 0
		switch {
		case from.Kind() == types.Float32 && unsigned:
			k = bytecode.ConvF322U
		case from.Kind() == types.Float32:
			k = bytecode.ConvF322I
		case unsigned:
			k = bytecode.ConvF642U
		}
		fc.emit(bytecode.CONV, uint16(k), dst, x, 0)
		if cls := classOf(to); isNarrow(cls) {
			fc.emit(bytecode.EXT, cls, dst, dst, 0)
		}
	case fromFloat && toFloat:
		switch {
		case from.Kind() == to.Kind():
			fc.move(dst, x, to)
		case to.Kind() == types.Float32:
			fc.emit(bytecode.CONV, bytecode.ConvF64F32, dst, x, 0)
		default:
			fc.emit(bytecode.CONV, bytecode.ConvF32F64, dst, x, 0)
		}
	case fi&types.IsComplex != 0 && ti&types.IsComplex != 0:
		fw, tw := int32(16), int32(16)
		if from.Kind() == types.Complex64 {
			fw = 8
		}
		if to.Kind() == types.Complex64 {
			tw = 8
		}
		fc.rt(bytecode.RtComplex, dst, x, fc.aux(x, 7, fw, tw))
	default:
		fc.move(dst, x, to)
	}
}

// c64 reports whether an integer conversion leaves a normalised slot as it
// is: both types 64 bits wide.
func c64(from, to *types.Basic) bool {
	return !isNarrow(classOf(from)) && !isNarrow(classOf(to))
}

func (fc *fnCompiler) slice(v *ssa.Slice) {
	opt := func(x ssa.Value) int32 {
		if x == nil {
			return -1
		}
		return fc.val(x)
	}
	var mode, elemSize int32
	var arrayLen int64
	switch u := v.X.Type().Underlying().(type) {
	case *types.Slice:
		mode, elemSize = 0, int32(fc.c.sizeof(u.Elem()))
	case *types.Basic:
		mode, elemSize = 1, 1
	case *types.Pointer:
		at := u.Elem().Underlying().(*types.Array)
		mode, elemSize, arrayLen = 2, int32(fc.c.sizeof(at.Elem())), at.Len()
		if a, ok := v.X.(*ssa.Alloc); ok && a.Comment == "makeslice" && v.Low == nil && v.High != nil {
			mode = 3 // make([]T, n, m), m constant: makeslice's errors
		}
	}
	fc.rt(bytecode.RtSlice, fc.val(v), fc.val(v.X), fc.aux(mode, opt(v.Low), opt(v.High), opt(v.Max), elemSize, int32(arrayLen),
		signedFlags(v.Low, v.High, v.Max)))
}

// signedFlags records which slice indices have signed types, for the
// error messages (a negative index prints without its bound).
func signedFlags(vs ...ssa.Value) int32 {
	var f int32
	for i, v := range vs {
		if v != nil && isSigned(v.Type()) {
			f |= 1 << i
		}
	}
	return f
}

func (fc *fnCompiler) indexAddr(v *ssa.IndexAddr) {
	dst, x, idx := fc.val(v), fc.val(v.X), fc.val(v.Index)
	var elem types.Type
	var lenSlot int32
	base := x
	switch u := v.X.Type().Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
		lenSlot = x + 8
	case *types.Pointer:
		at := u.Elem().Underlying().(*types.Array)
		elem = at.Elem()
		lenSlot = fc.constWord(uint64(at.Len()))
	default:
		fc.unsupported("IndexAddr on "+v.X.Type().String(), v.Pos())
	}
	fc.emit(bytecode.BOUNDS, b2u(isSigned(v.Index.Type())), idx, lenSlot, 0)
	if fc.folded[v] {
		return // its loads and stores index the slice themselves
	}
	fc.emitIdxAddr(dst, base, idx, fc.c.sizeof(elem))
}

func b2u(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

func (fc *fnCompiler) emitIdxAddr(dst, base, idx int32, size int64) {
	if size < 1<<16 {
		fc.emit(bytecode.IDXADDR, uint16(size), dst, base, idx)
		return
	}
	tmp := fc.scratch(8)
	fc.emit(bytecode.MUL, 0, tmp, idx, fc.constWord(uint64(size)))
	fc.emit(bytecode.NILCHK, 0, base, 0, 0)
	fc.emit(bytecode.ADD, 0, dst, base, tmp)
}

func (fc *fnCompiler) index(v *ssa.Index) {
	dst, x, idx := fc.val(v), fc.val(v.X), fc.val(v.Index)
	switch u := v.X.Type().Underlying().(type) {
	case *types.Basic: // string
		fc.emit(bytecode.STRIDX, b2u(isSigned(v.Index.Type())), dst, x, idx)
	case *types.Array:
		fc.emit(bytecode.BOUNDS, b2u(isSigned(v.Index.Type())), idx, fc.constWord(uint64(u.Len())), 0)
		addr := fc.scratch(8)
		fc.emit(bytecode.ADDR, 0, addr, x, 0)
		fc.emitIdxAddr(addr, addr, idx, fc.c.sizeof(u.Elem()))
		fc.load(dst, addr, 0, v.Type())
	default:
		fc.unsupported("Index on "+v.X.Type().String(), v.Pos())
	}
}
