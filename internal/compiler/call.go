package compiler

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"gort/internal/bytecode"
)

// Modes of a go or defer statement's callee (Aux of RtGo and RtDefer).
const (
	calleeStatic  = 0 // Aux: mode, func index, argsize
	calleeClosure = 1 // Aux: mode, func value slot, argsize
	calleeInvoke  = 2 // Aux: mode, iface slot, argsize, method index
)

// outArgs writes a call's arguments into the out area and returns the
// layout. An interface call's receiver (the data word) goes first.
func (fc *fnCompiler) outArgs(cc *ssa.CallCommon) abiLayout {
	l := fc.c.sigLayout(cc.Signature(), cc.IsInvoke())
	first := 0
	if cc.IsInvoke() {
		pc := fc.emit(bytecode.MOV8, 0, outMark+int32(l.args[0]), fc.val(cc.Value)+8, 0)
		fc.outFix = append(fc.outFix, outFix{pc, 0})
		first = 1
	}
	argStart := len(fc.code)
	for i, a := range cc.Args {
		dst := outMark + int32(l.args[first+i])
		if pc, ok := fc.retarget(a, dst, argStart); ok {
			fc.outFix = append(fc.outFix, outFix{pc, 0})
			continue
		}
		if pc := fc.storeFrame(dst, fc.val(a), a.Type()); pc >= 0 {
			fc.outFix = append(fc.outFix, outFix{pc, 0})
		}
	}
	return l
}

// plainDest lists the opcodes whose only effect on the frame is writing one
// word at A, computed from operands read first.
var plainDest = [bytecode.NumOps]bool{
	bytecode.MOV8: true, bytecode.ADDR: true,
	bytecode.ADD: true, bytecode.ADDI: true, bytecode.SUB: true, bytecode.MUL: true, bytecode.MULI: true,
	bytecode.AND: true, bytecode.ANDI: true, bytecode.OR: true, bytecode.XOR: true, bytecode.ANDNOT: true,
	bytecode.SHL: true, bytecode.SHLI: true, bytecode.SHRS: true, bytecode.SHRSI: true, bytecode.SHRU: true, bytecode.SHRUI: true,
	bytecode.DIVS: true, bytecode.DIVU: true, bytecode.REMS: true, bytecode.REMU: true,
	bytecode.NEG: true, bytecode.COM: true, bytecode.NOT: true,
	bytecode.EQ: true, bytecode.NE: true, bytecode.LTS: true, bytecode.LES: true, bytecode.LTU: true, bytecode.LEU: true,
	bytecode.EQI: true, bytecode.LTSI: true,
	bytecode.FADD: true, bytecode.FSUB: true, bytecode.FMUL: true, bytecode.FDIV: true, bytecode.FNEG: true,
	bytecode.FEQ: true, bytecode.FNE: true, bytecode.FLT: true, bytecode.FLE: true, bytecode.CONV: true,
	bytecode.LOAD: true, bytecode.LOADX: true, bytecode.FIELDADDR: true, bytecode.IDXADDR: true, bytecode.STRIDX: true,
}

// retarget makes the instruction that computes v write it straight to dst
// (an out-area argument or a result slot) instead of v's slot and a move.
// It applies when that instruction is the value's whole computation, v has
// no other use, a move to dst would be a plain word copy, and nothing
// between the instruction and `until` (the pc where the move would go)
// jumps, calls or touches the out area. It returns the instruction's pc.
func (fc *fnCompiler) retarget(v ssa.Value, dst int32, until int) (int, bool) {
	pc, ok := fc.defPC[v]
	if !ok || pc < fc.blockStart || dst%8 != 0 || fc.c.sizeof(v.Type()) != 8 || isNarrow(classOf(v.Type())) {
		return 0, false
	}
	if classOf(v.Type()) == bytecode.ClassPtr {
		// v's slot would stay unwritten while the safepoint maps call v
		// live: a pointer there must be one v wrote.
		return 0, false
	}
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok && r != fc.user {
			return 0, false
		}
	}
	for _, in := range fc.code[pc+1 : until] {
		if in.Op >= bytecode.JMP {
			return 0, false // control transfer, call or runtime operation
		}
	}
	for i := len(fc.outFix) - 1; i >= 0 && fc.outFix[i].pc > pc; i-- {
		if fc.outFix[i].pc < until {
			return 0, false
		}
	}
	fc.code[pc].A = dst
	delete(fc.defPC, v)
	return pc, true
}

// call emits a function call and copies its results into v's slot.
func (fc *fnCompiler) call(cc *ssa.CallCommon, v *ssa.Call) {
	if b, ok := cc.Value.(*ssa.Builtin); ok {
		fc.builtin(b, cc.Args, v)
		return
	}
	l := fc.outArgs(cc)
	var pc int
	switch {
	case cc.IsInvoke():
		pc = fc.emit(bytecode.CALLIFACE, 0, outMark, fc.val(cc.Value), fc.methodIndex(cc))
	case isStatic(cc):
		pc = fc.emit(bytecode.CALL, 0, outMark, fc.c.declare(cc.Value.(*ssa.Function)).Index, 0)
	default:
		pc = fc.emit(bytecode.CALLCLO, 0, outMark, fc.val(cc.Value), 0)
	}
	fc.outFix = append(fc.outFix, outFix{pc, 0})
	res := cc.Signature().Results()
	switch res.Len() {
	case 0:
	case 1:
		if pc := fc.loadFrame(fc.val(v), outMark+int32(l.results[0]), res.At(0).Type()); pc >= 0 {
			fc.outFix = append(fc.outFix, outFix{pc, 1})
		}
	default:
		_, size := fc.c.tupleOffsets(res)
		pc := fc.emit(bytecode.MOVN, 0, fc.val(v), outMark+int32(l.resultOff), int32(size))
		fc.outFix = append(fc.outFix, outFix{pc, 1})
	}
}

func isStatic(cc *ssa.CallCommon) bool {
	_, ok := cc.Value.(*ssa.Function)
	return ok
}

// methodIndex is the position of an interface call's method in the
// interface's sorted method list, which is also its itab slot.
func (fc *fnCompiler) methodIndex(cc *ssa.CallCommon) int32 {
	it := fc.c.typ(cc.Value.Type())
	for i, name := range it.IMethods {
		if name == cc.Method.Id() {
			return int32(i)
		}
	}
	fc.unsupported("interface method "+cc.Method.Name(), cc.Pos())
	return 0
}

// goDefer emits a go or defer statement: the arguments are evaluated into
// the out area, from where the runtime copies them.
func (fc *fnCompiler) goDefer(k uint16, cc *ssa.CallCommon, deferStack ssa.Value) {
	l := fc.outArgs(cc)
	if b, ok := cc.Value.(*ssa.Builtin); ok {
		if k == bytecode.RtGo {
			fc.unsupported("go statement calling builtin "+b.Name(), cc.Pos())
		}
		fc.deferBuiltin(b, cc, l, deferStack)
		return
	}
	var a int32
	switch {
	case cc.IsInvoke():
		a = fc.aux(calleeInvoke, fc.val(cc.Value), int32(l.size), fc.methodIndex(cc))
	case isStatic(cc):
		a = fc.aux(calleeStatic, fc.c.declare(cc.Value.(*ssa.Function)).Index, int32(l.size))
	default:
		a = fc.aux(calleeClosure, fc.val(cc.Value), int32(l.size))
	}
	pc := fc.rt(k, outMark, fc.deferStackSlot(deferStack), a)
	fc.outFix = append(fc.outFix, outFix{pc, 0})
}

// deferStackSlot is the B operand of RtDefer: the slot of the defer stack
// identity a range-over-func loop body defers onto, or -1 for the frame's
// own chain.
func (fc *fnCompiler) deferStackSlot(deferStack ssa.Value) int32 {
	if deferStack == nil {
		return -1
	}
	return fc.val(deferStack)
}

// deferBuiltin emits `defer builtin(args)`: the deferred callee is the
// runtime's native for that builtin, whose closure context is a static
// block listing the argument types (count, then type indices). In a
// range-over-func loop body deferStack names the enclosing function's
// frame, onto whose defer chain the call goes, as for any other callee.
func (fc *fnCompiler) deferBuiltin(b *ssa.Builtin, cc *ssa.CallCommon, l abiLayout, deferStack ssa.Value) {
	c := fc.c
	switch b.Name() {
	case "print", "println", "close", "panic", "recover", "delete", "copy":
	default:
		fc.unsupported("defer of builtin "+b.Name(), cc.Pos())
	}
	native := c.nativeFunc("gort.builtin." + b.Name())
	ctxt := c.allocRO(uintptr(8*(1+len(cc.Args))), 8)
	c.mem.Store64(ctxt, uint64(len(cc.Args)))
	for i, a := range cc.Args {
		c.mem.Store64(ctxt+uintptr(8*(i+1)), uint64(c.typ(a.Type()).Index))
	}
	a := fc.aux(3, native.Index, int32(l.size), fc.constWord(uint64(ctxt)))
	pc := fc.rt(bytecode.RtDefer, outMark, fc.deferStackSlot(deferStack), a)
	fc.outFix = append(fc.outFix, outFix{pc, 0})
}

// builtin emits a call of a built-in function.
func (fc *fnCompiler) builtin(b *ssa.Builtin, args []ssa.Value, v *ssa.Call) {
	c := fc.c
	dst := int32(0)
	if v != nil && v.Type() != nil {
		if _, isTuple := v.Type().(*types.Tuple); !isTuple || v.Type().(*types.Tuple).Len() > 0 {
			dst = fc.val(v)
		}
	}
	switch b.Name() {
	case "len", "cap":
		if _, _, ok := lenWord(v); ok {
			return // a word of the operand's slot (see lenWord)
		}
		x := fc.val(args[0])
		switch u := args[0].Type().Underlying().(type) {
		case *types.Slice:
			off := int32(8)
			if b.Name() == "cap" {
				off = 16
			}
			fc.emit(bytecode.MOV8, 0, dst, x+off, 0)
		case *types.Basic:
			fc.emit(bytecode.MOV8, 0, dst, x+8, 0)
		case *types.Map:
			fc.rt(bytecode.RtMapLen, dst, x, 0)
		case *types.Chan:
			if b.Name() == "len" {
				fc.rt(bytecode.RtChanLen, dst, x, 0)
			} else {
				fc.rt(bytecode.RtChanCap, dst, x, 0)
			}
		case *types.Pointer:
			fc.emit(bytecode.MOV8, 0, dst, fc.constWord(uint64(u.Elem().Underlying().(*types.Array).Len())), 0)
		case *types.Array:
			fc.emit(bytecode.MOV8, 0, dst, fc.constWord(uint64(u.Len())), 0)
		default:
			fc.unsupported(b.Name()+" of "+args[0].Type().String(), v.Pos())
		}
	case "append":
		st := v.Type().Underlying().(*types.Slice)
		_, isStr := args[1].Type().Underlying().(*types.Basic)
		fc.rt(bytecode.RtAppend, dst, fc.val(args[0]), fc.aux(fc.val(args[1]), c.typ(st.Elem()).Index, b2i(isStr)))
	case "copy":
		_, isStr := args[1].Type().Underlying().(*types.Basic)
		et := args[0].Type().Underlying().(*types.Slice).Elem()
		fc.rt(bytecode.RtCopy, dst, fc.val(args[0]), fc.aux(fc.val(args[1]), c.typ(et).Index, b2i(isStr)))
	case "delete":
		fc.rt(bytecode.RtMapDelete, fc.val(args[0]), fc.val(args[1]), c.typ(args[0].Type()).Index)
	case "clear":
		switch u := args[0].Type().Underlying().(type) {
		case *types.Map:
			fc.rt(bytecode.RtMapClear, fc.val(args[0]), 0, c.typ(args[0].Type()).Index)
		case *types.Slice:
			fc.rt(bytecode.RtClearSlice, fc.val(args[0]), 0, c.typ(u.Elem()).Index)
		}
	case "print", "println":
		a := []int32{int32(len(args)), b2i(b.Name() == "println")}
		for _, x := range args {
			a = append(a, fc.val(x), c.typ(x.Type()).Index)
		}
		fc.rt(bytecode.RtPrint, 0, 0, fc.aux(a...))
	case "recover":
		fc.rt(bytecode.RtRecover, dst, 0, 0)
	case "close":
		fc.rt(bytecode.RtClose, fc.val(args[0]), 0, 0)
	case "panic":
		fc.rt(bytecode.RtPanic, fc.val(args[0]), 0, 0)
	case "complex":
		width := int32(16)
		if v.Type().Underlying().(*types.Basic).Kind() == types.Complex64 {
			width = 8
		}
		fc.rt(bytecode.RtComplex, dst, fc.val(args[0]), fc.aux(fc.val(args[1]), 8, width))
	case "real", "imag":
		width := int32(16)
		if args[0].Type().Underlying().(*types.Basic).Kind() == types.Complex64 {
			width = 8
		}
		sub := int32(9)
		if b.Name() == "imag" {
			sub = 10
		}
		fc.rt(bytecode.RtComplex, dst, fc.val(args[0]), fc.aux(fc.val(args[0]), sub, width))
	case "min", "max":
		a := []int32{b2i(b.Name() == "max"), c.typ(v.Type()).Index, int32(len(args))}
		for _, x := range args {
			a = append(a, fc.val(x))
		}
		fc.rt(bytecode.RtMinMax, dst, 0, fc.aux(a...))
	case "Add": // unsafe.Add
		fc.emit(bytecode.ADD, 0, dst, fc.val(args[0]), fc.val(args[1]))
	case "Slice": // unsafe.Slice
		et := args[0].Type().Underlying().(*types.Pointer).Elem()
		fc.rt(bytecode.RtUnsafeSlice, dst, fc.val(args[0]), fc.aux(fc.val(args[1]), c.typ(et).Index))
	case "String": // unsafe.String
		fc.rt(bytecode.RtUnsafeString, dst, fc.val(args[0]), fc.aux(fc.val(args[1])))
	case "StringData", "SliceData":
		fc.emit(bytecode.MOV8, 0, dst, fc.val(args[0]), 0)
	case "ssa:wrapnilchk":
		fc.rt(bytecode.RtWrapNilChk, dst, fc.val(args[0]), fc.aux(fc.val(args[1]), fc.val(args[2])))
	case "ssa:deferstack":
		fc.rt(bytecode.RtDeferStack, dst, 0, 0)
		fc.deferStack = true
	case "Sizeof", "Alignof", "Offsetof":
		// Constant except in generic code, where go/ssa passes the
		// operand's value; in an instantiation its type is known.
		var n int64
		switch b.Name() {
		case "Sizeof":
			n = c.sizeof(args[0].Type())
		case "Alignof":
			n = c.sizes.Alignof(args[0].Type())
		default:
			off, ok := c.offsetof(fc.fn, v.Pos(), args[0])
			if !ok {
				fc.unsupported("unsafe.Offsetof of "+args[0].String(), v.Pos())
			}
			n = off
		}
		fc.emit(bytecode.MOV8, 0, dst, fc.constWord(uint64(n)), 0)
	default:
		fc.unsupported("builtin "+b.Name(), v.Pos())
	}
}

// selectOp emits a select statement. Aux: blocking, n, then per case
// (dir, chan slot, value slot or -1, chan type); the result tuple is
// (index, recvOK, values of the receive cases...).
func (fc *fnCompiler) selectOp(v *ssa.Select) {
	tt := v.Type().(*types.Tuple)
	offs, _ := fc.c.tupleOffsets(tt)
	a := []int32{b2i(v.Blocking), int32(len(v.States))}
	recvIdx := 0
	for _, st := range v.States {
		ct := fc.c.typ(st.Chan.Type())
		if st.Dir == types.SendOnly {
			a = append(a, 1, fc.val(st.Chan), fc.val(st.Send), ct.Index)
		} else {
			a = append(a, 0, fc.val(st.Chan), int32(offs[2+recvIdx]), ct.Index)
			recvIdx++
		}
	}
	fc.rt(bytecode.RtSelect, fc.val(v), int32(offs[1]), fc.aux(a...))
}

// offsetof computes unsafe.Offsetof(x.f) in fn from the value go/ssa passes
// for x.f, at the call whose parenthesis is at lparen: a load or read of
// field f, reached from x through the fields of the selector's implicit path
// (embedded structs). go/ssa gives f's hop the position of f and the
// implicit hops that of x, which the call's syntax tells.
func (c *Compiler) offsetof(fn *ssa.Function, lparen token.Pos, v ssa.Value) (int64, bool) {
	x := selectorBase(fn, lparen)
	if !x.IsValid() {
		return 0, false
	}
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	var off int64
	for hop := 0; ; hop++ {
		var st *types.Struct
		var field int
		var base ssa.Value
		switch f := v.(type) {
		case *ssa.FieldAddr:
			st = f.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
			field, base = f.Field, f.X
		case *ssa.Field:
			st = f.X.Type().Underlying().(*types.Struct)
			field, base = f.Field, f.X
		default:
			return off, hop > 0
		}
		if hop > 0 && v.Pos() != x {
			return off, true // x itself is a field selection
		}
		off += c.sizes.Offsetsof(fieldsOf(st))[field]
		v = base
	}
}

// selectorBase returns the position of x in the call unsafe.Offsetof(x.f)
// of fn (or of the generic function it instantiates) whose parenthesis is
// at lparen.
func selectorBase(fn *ssa.Function, lparen token.Pos) token.Pos {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	syntax := fn.Syntax()
	if syntax == nil {
		return token.NoPos
	}
	x := token.NoPos
	ast.Inspect(syntax, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Lparen != lparen || len(call.Args) != 1 {
			return x == token.NoPos
		}
		if sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok {
			x = sel.X.Pos()
		}
		return false
	})
	return x
}
