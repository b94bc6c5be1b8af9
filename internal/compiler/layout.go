package compiler

import (
	"go/types"
)

// abiLayout is the ABI0 frame layout of a call: arguments in order with gc's
// alignment, then the results starting at align(argsize, 8).
type abiLayout struct {
	args      []int64 // offset of each argument (receiver first)
	results   []int64 // offset of each result
	resultOff int64   // start of the results block
	size      int64   // whole block, rounded to 8
}

func (c *Compiler) layoutCall(params []types.Type, results []types.Type) abiLayout {
	var l abiLayout
	var off int64
	for _, t := range params {
		off = align(off, c.sizes.Alignof(t))
		l.args = append(l.args, off)
		off += c.sizes.Sizeof(t)
	}
	off = align(off, 8)
	l.resultOff = off
	for _, t := range results {
		off = align(off, c.sizes.Alignof(t))
		l.results = append(l.results, off)
		off += c.sizes.Sizeof(t)
	}
	l.size = align(off, 8)
	return l
}

// sigLayout lays out a signature's call, with its receiver (if any) first.
// extraRecv prepends a pointer-sized receiver, as an interface method call
// passes the data word.
func (c *Compiler) sigLayout(sig *types.Signature, extraRecv bool) abiLayout {
	var params []types.Type
	if extraRecv {
		// An interface method's own receiver is the interface; the call
		// passes the data word instead.
		params = append(params, types.Typ[types.UnsafePointer])
	} else if r := sig.Recv(); r != nil {
		params = append(params, r.Type())
	}
	for i := 0; i < sig.Params().Len(); i++ {
		params = append(params, sig.Params().At(i).Type())
	}
	var results []types.Type
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, sig.Results().At(i).Type())
	}
	return c.layoutCall(params, results)
}

// tupleOffsets lays out a tuple value in a frame slot as the results block
// of a call lays it out (relative to the block's start).
func (c *Compiler) tupleOffsets(t *types.Tuple) (offs []int64, size int64) {
	var off int64
	for i := 0; i < t.Len(); i++ {
		et := t.At(i).Type()
		off = align(off, c.sizes.Alignof(et))
		offs = append(offs, off)
		off += c.sizes.Sizeof(et)
	}
	return offs, align(off, 8)
}

func (c *Compiler) sizeof(t types.Type) int64 {
	if tt, ok := t.(*types.Tuple); ok {
		_, size := c.tupleOffsets(tt)
		return size
	}
	return c.sizes.Sizeof(t)
}

func align(x, a int64) int64 {
	if a <= 1 {
		return x
	}
	return (x + a - 1) &^ (a - 1)
}

// gcSizes is gc's amd64 layout, extended to the untyped types go/ssa leaves
// on some constants: an untyped value has its default type's layout, and
// untyped nil is a pointer.
type gcSizes struct{ std types.Sizes }

func typed(t types.Type) types.Type {
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		if b.Kind() == types.UntypedNil {
			return types.Typ[types.UnsafePointer]
		}
		return types.Default(t)
	}
	return t
}

func (s gcSizes) Alignof(t types.Type) int64 { return s.std.Alignof(typed(t)) }
func (s gcSizes) Sizeof(t types.Type) int64  { return s.std.Sizeof(typed(t)) }
func (s gcSizes) Offsetsof(fields []*types.Var) []int64 {
	return s.std.Offsetsof(fields)
}
