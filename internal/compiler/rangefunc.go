package compiler

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// go/ssa lowers a range-over-func loop to a synthetic yield function and a
// jump variable shared with it: READY (0) while the loop body may run, BUSY
// (-1) while it runs, EXIT(id > 0) after the body left the loop, DONE (-2)
// after the iterator returned. Its misuse checks panic with plain strings;
// gc raises four runtime errors instead, which depend on that state. This
// file finds what the re-lowered panics need.

// Range-over-func panic kinds, the B operand of RtPanicRangeFunc.
const (
	rangeFuncMissingPanic = 1 // the iterator swallowed the body's panic
	rangeFuncYieldState   = 2 // yield called when not READY: C is the jump variable's closure offset
)

// rangeFuncJumpOffset returns, for the "yield function called after range
// loop exit" panic of a yield function, the offset in the yield closure of
// the pointer to the jump variable the failed check loaded. The runtime reads
// the state through the frame's closure context, which, unlike a value slot,
// stays put for the whole call.
func (fc *fnCompiler) rangeFuncJumpOffset(p *ssa.Panic) (int32, bool) {
	preds := p.Block().Preds
	if len(preds) != 1 {
		return 0, false
	}
	ifInstr, ok := preds[0].Instrs[len(preds[0].Instrs)-1].(*ssa.If)
	if !ok {
		return 0, false
	}
	cmp, ok := ifInstr.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL {
		return 0, false
	}
	load, ok := cmp.X.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return 0, false
	}
	fv, ok := load.X.(*ssa.FreeVar)
	if !ok {
		return 0, false
	}
	var ts []types.Type
	idx := -1
	for i, v := range fc.fn.FreeVars {
		ts = append(ts, v.Type())
		if v == fv {
			idx = i
		}
	}
	if idx < 0 {
		return 0, false
	}
	return int32(fc.c.closureOffsets(ts)[idx]), true
}
