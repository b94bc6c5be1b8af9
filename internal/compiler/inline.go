package compiler

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// gc prints an inlined frame of a traceback as f(...) whatever its
// arguments, and a frame that is not inlined with its argument words, or
// as f() if it has none. For a function without parameters, then, what a
// traceback prints depends on whether gc inlined the call, which
// inlineCost estimates as gc's inliner does (cmd/compile/internal/inline):
// a budget of 80 over the body, a call of a function that is not
// inlinable costing 57 and one that is its body's cost, and some
// statements (defer, go, select, recover) never inlined. The numbers are
// gc's; the count is over go/ssa's instructions, two a node, which agrees
// with gc's own costs within a few on small bodies. It is a heuristic: it
// decides only how such a frame's arguments are spelled.
const (
	inlineBudget   = 80
	inlineCallCost = 57
	inlineNodeCost = 2
)

// inlinable reports whether gc would likely inline a call of fn.
func (c *Compiler) inlinable(fn *ssa.Function) bool {
	cost, ok := c.inlineCost(fn)
	return ok && cost <= inlineBudget
}

// inlineCost is fn's estimated cost, and false if gc never inlines it.
func (c *Compiler) inlineCost(fn *ssa.Function) (int, bool) {
	if c.inlineCosts == nil {
		c.inlineCosts = map[*ssa.Function]inlineResult{}
	}
	if r, ok := c.inlineCosts[fn]; ok {
		return r.cost, r.ok
	}
	if c.lib != nil && fn.Blocks == nil {
		// The library's function: its estimate from the library's
		// compile.
		if r, ok := c.lib.inline[funcKey(fn)]; ok {
			return r.cost, r.ok
		}
	}
	if fn.Blocks == nil || fn.Recover != nil || isInitFunc(fn) {
		c.inlineCosts[fn] = inlineResult{0, false}
		return 0, false
	}
	c.inlineCosts[fn] = inlineResult{0, false} // a recursive call is never inlined
	cost := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.DebugRef, *ssa.Jump, *ssa.Phi:
			case *ssa.Defer, *ssa.Go, *ssa.Select, *ssa.RunDefers:
				return 0, false
			case *ssa.Call:
				cost += inlineNodeCost
				call := instr.Common()
				if b, ok := call.Value.(*ssa.Builtin); ok {
					if b.Name() == "recover" {
						return 0, false
					}
					continue
				}
				if callee := call.StaticCallee(); callee != nil {
					if cc, ok := c.inlineCost(callee); ok && cc <= inlineBudget {
						cost += cc
						continue
					}
				}
				cost += inlineCallCost + inlineNodeCost*len(call.Args)
			default:
				cost += inlineNodeCost
			}
			if cost > inlineBudget {
				c.inlineCosts[fn] = inlineResult{cost, true}
				return cost, true
			}
		}
	}
	c.inlineCosts[fn] = inlineResult{cost, true}
	return cost, true
}

type inlineResult struct {
	cost int
	ok   bool
}

// isInitFunc reports whether fn is a package's init function, which the
// runtime calls (go/ssa's package initialiser calls them directly).
func isInitFunc(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Signature.Recv() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
}

// hasArgInfo reports whether gc's traceback prints fn's argument words.
// It does not for a closure of a generic function's instantiation, which
// gc compiles once per shape with no argument information: its frame
// prints as f().
func hasArgInfo(fn *ssa.Function) bool {
	root := fn
	for root.Parent() != nil {
		root = root.Parent()
	}
	return fn.Parent() == nil || len(root.TypeArgs()) == 0
}
