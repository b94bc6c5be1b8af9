package compiler

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"go/token"
	"go/types"
	"math/bits"
	"slices"

	"golang.org/x/tools/go/ssa"

	"gort/internal/bytecode"
)

// Slot allocation by interference colouring.
//
// Every SSA value needs a frame slot; with one slot per value a loop that
// carries a value in a phi copies it on every back edge (phi ← new value), a
// no-op conversion copies a word to a slot of its own, and frames grow with
// the size of the function. coalesce first gives a phi and the values that
// flow into it, and a copy and its source, one slot whenever their live
// ranges do not interfere, so those copies vanish; then it colours the
// groups, packing values whose lives do not overlap into the same slot.
//
// Values up to maxShared bytes take part, in classes: a slot is shared only
// by values of one size with their pointer words at the same offsets, so a
// pointer word of a slot holds a pointer (perhaps a dead one) at every
// instruction and the function's PtrSlots stay one static set (DESIGN §4);
// the safepoint maps (livePtrs) name the ones live at each call. Larger
// values and a call's result tuple have their liveness followed too, in
// slots of their own, and so do frame-local objects (frameObj). Values
// defined outside the ordinary flow (parameters, free variables, anything
// the Recover block reads) keep slots of their own, live throughout.
//
// Interference is the usual SSA test on liveness: two values interfere when
// one is live where the other is defined. A phi is defined on its incoming
// edges, where the edge's moves run in parallel, so it interferes with
// everything live on each incoming edge except its own incoming value.
// Values that are copies of one another (a no-op conversion and its
// operand) hold the same word and never interfere.

// maxCoalesce bounds the values considered per function: the conflict sets
// are quadratic in their number.
const maxCoalesce = 4096

type coalescer struct {
	fc     *fnCompiler
	vals   []ssa.Value
	index  map[ssa.Value]int
	source []int // the value whose word each value copies (itself if none)
	// layout is each value's slot class: its slot size and the offsets of
	// its pointer words. Only values of one class share a slot.
	layout []string
	ptrs   [][]int32 // each value's pointer word offsets within its slot
	// conflicts[i] holds the values live where value i is defined.
	conflicts []bitset
	// before holds the values live just before each instruction (its
	// operands included), for the safepoint maps; liveIn, per block.
	before map[ssa.Instruction]bitset
	// after is what is live just after each call, for its After map.
	after map[ssa.Instruction]bitset
	// The pointer parameters' liveness (paramLiveness): masks before
	// each safepoint and after each call, and per block; paramPos holds
	// the positions in fc.ptrs of each one's words (indexPtrs).
	paramIndex                map[*ssa.Parameter]int
	paramBefore, paramAfter   map[ssa.Instruction]uint64
	paramLiveIn, paramLiveOut []uint64
	paramPos                  [64][]int32
	liveIn                    []bitset
	// The frame-local objects whose liveness is followed (frameObjects).
	objs     []frameObj
	objIndex map[*ssa.Alloc]int
	// ptrIndex holds the positions in fc.ptrs of each value's pointer
	// words, and untrackedPtrs the pointer slots of values not followed
	// here, live everywhere (indexPtrs).
	ptrIndex      [][]int32
	untrackedPtrs bitset
	parent        []int // union-find over groups
	members       [][]int
}

type bitset []uint64

func newBitset(n int) bitset       { return make(bitset, (n+63)/64) }
func (s bitset) has(i int) bool    { return s[i/64]&(1<<(i%64)) != 0 }
func (s bitset) add(i int)         { s[i/64] |= 1 << (i % 64) }
func (s bitset) remove(i int)      { s[i/64] &^= 1 << (i % 64) }
func (s bitset) copyFrom(t bitset) { copy(s, t) }
func (s bitset) clone() bitset     { return append(bitset(nil), s...) }
func (s bitset) unionWith(t bitset) bool {
	changed := false
	for i, w := range t {
		if n := s[i] | w; n != s[i] {
			s[i], changed = n, true
		}
	}
	return changed
}

func (s bitset) subtract(t bitset) {
	for i, w := range t {
		s[i] &^= w
	}
}

func (s bitset) intersects(t bitset) bool {
	for i, w := range t {
		if s[i]&w != 0 {
			return true
		}
	}
	return false
}

// full reports whether s, a set over n elements, holds all of them.
func (s bitset) full(n int) bool {
	for i, w := range s {
		want := ^uint64(0)
		if r := n - 64*i; r < 64 {
			want = 1<<r - 1
		}
		if w != want {
			return false
		}
	}
	return true
}

func (s bitset) each(f func(int)) {
	for i, w := range s {
		for w != 0 {
			f(i*64 + bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
}

// blockPhis returns the phis that open b.
func blockPhis(b *ssa.BasicBlock) []*ssa.Phi {
	var phis []*ssa.Phi
	for _, instr := range b.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		phis = append(phis, phi)
	}
	return phis
}

// phiSet returns the tracked phis of b as a set.
func (c *coalescer) phiSet(b *ssa.BasicBlock) bitset {
	set := newBitset(len(c.vals))
	for _, phi := range blockPhis(b) {
		if j, ok := c.index[phi]; ok {
			set.add(j)
		}
	}
	return set
}

// coalesce returns, for each value that shares a slot, the representative
// value whose slot it uses.
func (fc *fnCompiler) coalesce() map[ssa.Value]ssa.Value {
	c := &coalescer{fc: fc, index: map[ssa.Value]int{}}
	pinned := map[ssa.Value]bool{}
	if rb := fc.fn.Recover; rb != nil {
		for _, instr := range rb.Instrs {
			for _, op := range fc.operands(instr, nil) {
				pinned[*op] = true
			}
		}
	}
	for _, b := range fc.fn.Blocks {
		for _, instr := range b.Instrs {
			v, ok := instr.(ssa.Value)
			if !ok || pinned[v] || !fc.slotValue(v) {
				continue
			}
			if call, ok := v.(*ssa.Call); ok && isLenWord(call) {
				continue
			}
			c.index[v] = len(c.vals)
			c.vals = append(c.vals, v)
		}
	}
	n := len(c.vals)
	if n > maxCoalesce || n == 0 && !hasPointerParam(fc) {
		return nil
	}
	fc.live = c
	c.source = make([]int, n)
	c.layout = make([]string, n)
	c.ptrs = make([][]int32, n)
	for i, v := range c.vals {
		c.source[i] = i
		c.ptrs[i] = fc.c.ptrOffsets(0, v.Type(), nil)
		if fc.sharesSlot(v) {
			c.layout[i] = fmt.Sprint(align(fc.c.sizeof(v.Type()), 8), c.ptrs[i])
		} else {
			// A class of its own: the value's liveness is followed,
			// but its slot is never shared.
			c.layout[i] = fmt.Sprint("own ", i)
		}
	}
	c.frameObjects()
	for i, v := range c.vals {
		if x, ok := copyOf(v); ok {
			if j, ok := c.index[x]; ok && c.layout[i] == c.layout[j] {
				c.source[i] = c.source[j] // operands come first in dominance order
			}
		}
	}
	c.liveness()
	c.parent = make([]int, n)
	c.members = make([][]int, n)
	for i := range c.parent {
		c.parent[i] = i
		c.members[i] = []int{i}
	}
	// Phis first, with the values flowing into them, then copies.
	for _, b := range fc.fn.Blocks {
		for _, phi := range blockPhis(b) {
			for _, e := range phi.Edges {
				c.tryUnion(phi, e)
			}
		}
	}
	for _, v := range c.vals {
		if x, ok := copyOf(v); ok {
			c.tryUnion(v, x)
		}
	}
	c.colour()
	rep := map[ssa.Value]ssa.Value{}
	for i, v := range c.vals {
		if r := c.find(i); r != i || len(c.members[r]) > 1 {
			rep[v] = c.vals[r]
		}
	}
	return rep
}

// slotValue reports whether the liveness analysis follows v: any value
// that takes frame space, large arrays included, so that the pointers they
// hold die after their last use as gc's do. Of the tuples, only a call's
// results: a tracked slot is not zeroed at entry, so it must be written
// whole, and a map iteration's tuple, for one, leaves a blank key unwritten.
func (fc *fnCompiler) slotValue(v ssa.Value) bool {
	t := v.Type()
	if _, ok := t.(*types.Tuple); ok {
		if _, call := v.(*ssa.Call); !call {
			return false
		}
	}
	return t != nil && fc.c.sizeof(t) > 0
}

// sharesSlot reports whether v takes part in slot sharing: a value of at
// most maxShared bytes, not a tuple (tuples are read field by field from
// their slot by Extract, at offsets of their own layout).
func (fc *fnCompiler) sharesSlot(v ssa.Value) bool {
	if _, ok := v.Type().(*types.Tuple); ok {
		return false
	}
	return fc.c.sizeof(v.Type()) <= maxShared
}

// maxShared is the largest value whose slot is shared: strings,
// interfaces, slices and small structs, not large arrays.
const maxShared = 64

// copyOf returns x when v is a conversion that copies x's slot word as it is.
func copyOf(v ssa.Value) (ssa.Value, bool) {
	switch v := v.(type) {
	case *ssa.ChangeType:
		return v.X, true
	case *ssa.Convert:
		from, fok := v.X.Type().Underlying().(*types.Basic)
		to, tok := v.Type().Underlying().(*types.Basic)
		if !fok || !tok {
			return nil, false
		}
		ints := types.IsInteger
		if from.Info()&ints != 0 && to.Info()&ints != 0 && !isNarrow(classOf(to)) && !isNarrow(classOf(from)) {
			return v.X, true
		}
		if from.Info()&types.IsFloat != 0 && from.Kind() == to.Kind() {
			return v.X, true
		}
	}
	return nil, false
}

func (c *coalescer) find(i int) int {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

// tryUnion merges the groups of a and b when no member of one interferes
// with a member of the other.
func (c *coalescer) tryUnion(a, b ssa.Value) {
	i, ok1 := c.index[a]
	j, ok2 := c.index[b]
	if !ok1 || !ok2 || c.layout[i] != c.layout[j] || !types.Identical(a.Type().Underlying(), b.Type().Underlying()) && !sameWordKind(a, b) {
		return
	}
	ri, rj := c.find(i), c.find(j)
	if ri == rj {
		return
	}
	for _, x := range c.members[ri] {
		for _, y := range c.members[rj] {
			if c.interfere(x, y) {
				return
			}
		}
	}
	if len(c.members[ri]) < len(c.members[rj]) {
		ri, rj = rj, ri
	}
	c.parent[rj] = ri
	c.members[ri] = append(c.members[ri], c.members[rj]...)
	c.members[rj] = nil
}

// sameWordKind reports whether a and b are held in slots the same way: both
// normalised 64-bit integers or both floats of one width.
func sameWordKind(a, b ssa.Value) bool {
	return classOf(a.Type()) == classOf(b.Type()) && isFloat(a.Type()) == isFloat(b.Type())
}

func isFloat(t types.Type) bool {
	u, ok := t.Underlying().(*types.Basic)
	return ok && u.Info()&types.IsFloat != 0
}

func (c *coalescer) interfere(x, y int) bool {
	if c.source[x] == c.source[y] {
		return false
	}
	return c.conflicts[x].has(y) || c.conflicts[y].has(x)
}

// The parameters with pointer words have a liveness of their own: they are
// not instruction values, so they take no part in the slot colouring, but a
// pointer parameter the function no longer needs must not keep its object
// alive (gc's precise liveness). Bit i of a mask stands for paramPtrs[i];
// a function with more pointer parameters than a mask holds keeps the rest
// live throughout, and so does a function with the keep-alive rule
// (keepalive.go): its variadic []uintptr holds pointers until it returns.

// paramBit returns v's bit if it is a tracked pointer parameter.
func (c *coalescer) paramBit(v ssa.Value) uint64 {
	if p, ok := v.(*ssa.Parameter); ok {
		if i, ok := c.paramIndex[p]; ok {
			return 1 << i
		}
	}
	return 0
}

// paramLiveness finds the pointer parameters live out of each block.
func (c *coalescer) paramLiveness() {
	fn := c.fc.fn
	c.paramIndex = map[*ssa.Parameter]int{}
	c.paramBefore = map[ssa.Instruction]uint64{}
	c.paramAfter = map[ssa.Instruction]uint64{}
	keepAlive := c.fc.c.keepsUintptrsAlive(fn)
	for _, p := range fn.Params {
		if !keepAlive && len(c.paramIndex) < 64 && len(c.fc.c.ptrOffsets(0, p.Type(), nil)) > 0 {
			c.paramIndex[p] = len(c.paramIndex)
		}
	}
	nb := len(fn.Blocks)
	use := make([]uint64, nb)  // read in the block (phis' edges count in the predecessor)
	edge := make([]uint64, nb) // read by the successors' phis on edges from the block
	var ops []*ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if phi, ok := instr.(*ssa.Phi); ok {
				for k, e := range phi.Edges {
					edge[b.Preds[k].Index] |= c.paramBit(edgeOperand(e))
				}
				continue
			}
			ops = c.fc.operands(instr, ops[:0])
			for _, op := range ops {
				use[b.Index] |= c.paramBit(*op)
			}
		}
	}
	in := make([]uint64, nb)
	out := make([]uint64, nb)
	for changed := true; changed; {
		changed = false
		for k := nb - 1; k >= 0; k-- {
			o := edge[k]
			for _, s := range fn.Blocks[k].Succs {
				o |= in[s.Index]
			}
			out[k] = o
			if n := o | use[k]; n != in[k] {
				in[k], changed = n, true
			}
		}
	}
	c.paramLiveIn, c.paramLiveOut = in, out
}

// liveness computes, for every value, the set of values live at its
// definition.
func (c *coalescer) liveness() {
	fn := c.fc.fn
	n := len(c.vals)
	nb := len(fn.Blocks)
	liveIn := make([]bitset, nb)
	liveOut := make([]bitset, nb)
	use := make([]bitset, nb)  // used before defined in the block (not by phis)
	def := make([]bitset, nb)  // defined in the block, phis included
	edge := make([]bitset, nb) // used by the successors' phis on edges from the block
	for _, b := range fn.Blocks {
		i := b.Index
		liveIn[i], liveOut[i], use[i], def[i], edge[i] = newBitset(n), newBitset(n), newBitset(n), newBitset(n), newBitset(n)
	}
	var ops []*ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if phi, ok := instr.(*ssa.Phi); ok {
				for k, e := range phi.Edges {
					if j, ok := c.index[edgeOperand(e)]; ok {
						edge[b.Preds[k].Index].add(j)
					}
				}
			} else {
				ops = c.fc.operands(instr, ops[:0])
				for _, op := range ops {
					if j, ok := c.index[*op]; ok && !def[b.Index].has(j) {
						use[b.Index].add(j)
					}
				}
			}
			if v, ok := instr.(ssa.Value); ok {
				if j, ok := c.index[v]; ok {
					def[b.Index].add(j)
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for k := nb - 1; k >= 0; k-- {
			b := fn.Blocks[k]
			out := liveOut[k]
			out.unionWith(edge[k])
			for _, s := range b.Succs {
				in := liveIn[s.Index].clone()
				in.subtract(c.phiSet(s))
				out.unionWith(in)
			}
			in := out.clone()
			in.subtract(def[k])
			in.unionWith(use[k])
			if liveIn[k].unionWith(in) {
				changed = true
			}
		}
	}
	c.liveIn = liveIn
	c.before = map[ssa.Instruction]bitset{}
	c.after = map[ssa.Instruction]bitset{}
	c.conflicts = make([]bitset, n)
	for i := range c.conflicts {
		c.conflicts[i] = newBitset(n)
	}
	c.paramLiveness()
	live := newBitset(n)
	for _, b := range fn.Blocks {
		// Walk backwards from the live-out set: a value defined by an
		// instruction conflicts with what is live just after it, and,
		// unless the instruction reads all its operands before writing its
		// result, with its operands too.
		live.copyFrom(liveOut[b.Index])
		plive := c.paramLiveOut[b.Index]
		for k := len(b.Instrs) - 1; k >= 0; k-- {
			instr := b.Instrs[k]
			if _, ok := instr.(*ssa.Phi); ok {
				break
			}
			if _, ok := instr.(*ssa.Call); ok {
				c.after[instr] = live.clone()
				c.paramAfter[instr] = plive
			}
			ops = c.fc.operands(instr, ops[:0])
			if v, ok := instr.(ssa.Value); ok {
				if j, ok := c.index[v]; ok {
					live.remove(j)
					if !readsBeforeWrite(instr) {
						for _, op := range ops {
							if o, ok := c.index[*op]; ok {
								live.add(o)
							}
						}
					}
					c.conflicts[j].unionWith(live)
				}
			}
			for _, op := range ops {
				if o, ok := c.index[*op]; ok {
					live.add(o)
				}
				plive |= c.paramBit(*op)
			}
			if mayBeSafepoint(instr) {
				c.before[instr] = live.clone()
				c.paramBefore[instr] = plive
			}
		}
		// A phi is written on each incoming edge, where everything live
		// on that edge must survive except the phi's own incoming value,
		// and so must the block's other phis, written alongside it.
		phis := c.phiSet(b)
		for _, phi := range blockPhis(b) {
			j, ok := c.index[phi]
			if !ok {
				continue
			}
			c.conflicts[j].unionWith(phis)
			c.conflicts[j].remove(j)
			for k, e := range phi.Edges {
				on := liveOut[b.Preds[k].Index].clone()
				if x, ok := c.index[e]; ok {
					on.each(func(y int) {
						if c.source[y] == c.source[x] {
							on.remove(y)
						}
					})
				}
				on.remove(j)
				c.conflicts[j].unionWith(on)
			}
		}
	}
}

// A frame-local object (an Alloc go/ssa did not mark Heap) is live where
// its address, or an address derived from it (a field's, an element's), is
// live: the pointer words of a composite literal or a local array die with
// the last use of its address, as gc's do. go/ssa makes every variable
// whose address is taken a heap object, so a frame-local object's address
// is only the operand of field and element addressing, loads and stores.
// An object whose address is used in any other way, or reaches a value the
// analysis does not follow (one the Recover block reads, outside the
// ordinary flow), stays live throughout, in the slots zeroed at entry.
type frameObj struct {
	alloc *ssa.Alloc
	// derived holds the values that are its address or one derived
	// from it.
	derived bitset
	pos     []int32 // positions in fc.ptrs of its pointer words (indexPtrs)
}

// frameObjects finds the frame-local objects whose liveness is followed.
func (c *coalescer) frameObjects() {
	c.objIndex = map[*ssa.Alloc]int{}
	for _, v := range c.vals {
		a, ok := v.(*ssa.Alloc)
		if !ok || a.Heap {
			continue
		}
		derived := newBitset(len(c.vals))
		if c.derive(a, derived) {
			c.objIndex[a] = len(c.objs)
			c.objs = append(c.objs, frameObj{alloc: a, derived: derived})
		}
	}
}

// derive adds v, an address into a frame-local object, and the addresses
// derived from it to set, and reports whether every use of them is a load,
// a store through them or further addressing, whose liveness is followed.
func (c *coalescer) derive(v ssa.Value, set bitset) bool {
	j, ok := c.index[v]
	if !ok {
		return false
	}
	set.add(j)
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Val == v {
				return false
			}
		case *ssa.FieldAddr:
			if !c.derive(r, set) {
				return false
			}
		case *ssa.IndexAddr:
			if !c.derive(r, set) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// trackedObject reports whether the liveness of a, a frame-local object,
// is followed: if not, its pointer words are live throughout.
func (fc *fnCompiler) trackedObject(a *ssa.Alloc) bool {
	if fc.live == nil {
		return false
	}
	_, ok := fc.live.objIndex[a]
	return ok
}

// readsBeforeWrite reports whether instr's lowering reads every operand
// before it writes its result, so the result may reuse a dying operand's
// slot.
func readsBeforeWrite(instr ssa.Instruction) bool {
	switch v := instr.(type) {
	case *ssa.BinOp:
		u, ok := v.X.Type().Underlying().(*types.Basic)
		return ok && u.Info()&(types.IsString|types.IsComplex) == 0
	case *ssa.ChangeType, *ssa.Convert:
		_, ok := copyOf(v.(ssa.Value))
		return ok
	}
	return false
}

// colour packs the groups into as few slots as it can: greedily, in order of
// definition, each group joins the first slot of its class (size and
// pointer words) none of whose occupants it interferes with.
func (c *coalescer) colour() {
	n := len(c.vals)
	type slot struct {
		root      int
		layout    string
		members   bitset // values in the slot
		conflicts bitset // union of their conflict sets
	}
	var slots []*slot
	seen := make([]bool, n)
	var roots []int
	for i := range c.vals {
		if r := c.find(i); !seen[r] {
			seen[r] = true
			roots = append(roots, r)
		}
	}
	for _, r := range roots {
		mem, conf := newBitset(n), newBitset(n)
		for _, m := range c.members[r] {
			mem.add(m)
			conf.unionWith(c.conflicts[m])
		}
		placed := false
		for _, s := range slots {
			if s.layout != c.layout[r] || s.conflicts.intersects(mem) || conf.intersects(s.members) {
				continue
			}
			s.members.unionWith(mem)
			s.conflicts.unionWith(conf)
			c.parent[r] = s.root
			c.members[s.root] = append(c.members[s.root], c.members[r]...)
			c.members[r] = nil
			placed = true
			break
		}
		if !placed {
			slots = append(slots, &slot{root: r, layout: c.layout[r], members: mem, conflicts: conf})
		}
	}
}

// mayBeSafepoint reports whether instr's lowering may include a call, a
// runtime operation or a back edge: everything but plain arithmetic,
// comparisons, field and element addressing, and moves.
func mayBeSafepoint(instr ssa.Instruction) bool {
	switch instr := instr.(type) {
	case *ssa.DebugRef, *ssa.Phi, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Field, *ssa.Extract, *ssa.If, *ssa.Return:
		return false
	case *ssa.BinOp:
		return !readsBeforeWrite(instr)
	}
	return true
}

// safepoints records the pointer maps of the safepoint instructions that
// instr's lowering emitted from pc start on: calls, runtime operations and
// back edges.
func (fc *fnCompiler) safepoints(instr ssa.Instruction, start int) {
	if _, ok := instr.(*ssa.If); ok {
		return // an If's back edges record their own (markBackEdge)
	}
	last := -1 // the lowering's last call: the call itself
	for pc := start; pc < len(fc.code); pc++ {
		switch in := fc.code[pc]; {
		case in.Op == bytecode.CALL, in.Op == bytecode.CALLCLO, in.Op == bytecode.CALLIFACE:
			last = len(fc.f.Safepoints)
		case in.Op == bytecode.RT, in.Op == bytecode.LOOP:
		case in.Op >= bytecode.BEQ && in.Op <= bytecode.BGESI && in.K == 1: // a back edge
		default:
			continue
		}
		fc.safepoint(pc, fc.livePtrs(instr))
	}
	if c := fc.live; last >= 0 && c != nil {
		if after, ok := c.after[instr]; ok {
			fc.f.Safepoints[last].After = fc.internMap(fc.ptrsIn(after, c.paramAfter[instr]))
		}
	}
}

// safepoint records the pointer map of the instruction at pc: live is a
// set over fc.ptrs, nil for every pointer slot. Maps are kept once per
// function (bytecode.Safepoint); sortSafepoints puts them in pc order.
func (fc *fnCompiler) safepoint(pc int, live bitset) {
	fc.f.Safepoints = append(fc.f.Safepoints, bytecode.Safepoint{PC: int32(pc), Map: fc.internMap(live), After: bytecode.NoAfter})
}

// internMap returns the index in LiveBits of the map live (a set over
// fc.ptrs, nil for every pointer slot), adding it if it is new, or AllLive.
func (fc *fnCompiler) internMap(live bitset) int32 {
	f := fc.f
	m := int32(bytecode.AllLive)
	if live != nil && !live.full(len(fc.ptrs)) {
		key := fc.liveKey[:0]
		for _, w := range live {
			key = binary.LittleEndian.AppendUint64(key, w)
		}
		fc.liveKey = key
		var ok bool
		if m, ok = fc.liveMaps[string(key)]; !ok {
			m = int32(len(f.LiveBits) / len(live))
			f.LiveBits = append(f.LiveBits, live...)
			if fc.liveMaps == nil {
				fc.liveMaps = map[string]int32{}
			}
			fc.liveMaps[string(key)] = m
		}
	}
	return m
}

// sortSafepoints puts the safepoints in pc order, as Live finds them: a
// lowering may record a back edge's (markBackEdge) before the calls it
// emitted ahead of it. A pc recorded twice (a back-edge jump markBackEdge
// made a LOOP, which safepoints then sees) keeps its first map.
func (fc *fnCompiler) sortSafepoints() {
	sp := fc.f.Safepoints
	slices.SortStableFunc(sp, func(a, b bytecode.Safepoint) int { return cmp.Compare(a.PC, b.PC) })
	fc.f.Safepoints = slices.CompactFunc(sp, func(a, b bytecode.Safepoint) bool { return a.PC == b.PC })
}

// livePtrs returns the pointer slots live at instr, as a set over fc.ptrs
// (nil for all of them): those of the values the liveness analysis tracks
// and finds live, and every pointer slot of a value it does not track.
func (fc *fnCompiler) livePtrs(instr ssa.Instruction) bitset {
	c := fc.live
	before, ok := bitset(nil), false
	if c != nil {
		before, ok = c.before[instr]
	}
	if !ok {
		return nil
	}
	if j, isJump := instr.(*ssa.Jump); isJump {
		return fc.headerLive(j.Block().Succs[0])
	}
	return fc.ptrsIn(before, c.paramBefore[instr])
}

// recoverLive returns the pointer slots live at the recovery point
// (RecoverPC), as livePtrs does. A frame resumes there only after a
// deferred call recovered, and goes on to the Recover block, which reads
// only values the analysis does not follow: those alone are live. The
// collector reads this map for a frame whose panic is running deferred
// calls on top of it, as gc reads the map at a panicking frame's
// continuation (its deferreturn) rather than at the faulting pc.
func (fc *fnCompiler) recoverLive() bitset {
	c := fc.live
	if c == nil {
		return nil
	}
	return fc.ptrsIn(newBitset(len(c.vals)), 0)
}

// headerLive returns the pointer slots live at a back edge's preemption
// check into the loop header h, as livePtrs does. The check runs after the
// edge's phi moves: what is live is what h needs, its phis included.
func (fc *fnCompiler) headerLive(h *ssa.BasicBlock) bitset {
	c := fc.live
	if c == nil {
		return nil
	}
	before := c.liveIn[h.Index].clone()
	before.unionWith(c.phiSet(h))
	return fc.ptrsIn(before, c.paramLiveIn[h.Index])
}

// ptrsIn returns, as a set over fc.ptrs, the pointer slots of the tracked
// values in before and of the pointer parameters in params, and every
// pointer slot of a value the liveness analysis does not track.
func (fc *fnCompiler) ptrsIn(before bitset, params uint64) bitset {
	c := fc.live
	if c.untrackedPtrs == nil {
		c.indexPtrs()
	}
	live := newBitset(len(fc.ptrs))
	live.copyFrom(c.untrackedPtrs)
	before.each(func(k int) {
		for _, i := range c.ptrIndex[k] {
			live.add(int(i))
		}
	})
	for k := range c.objs {
		if o := &c.objs[k]; before.intersects(o.derived) {
			for _, i := range o.pos {
				live.add(int(i))
			}
		}
	}
	for params != 0 {
		b := bits.TrailingZeros64(params)
		params &= params - 1
		for _, i := range c.paramPos[b] {
			live.add(int(i))
		}
	}
	return live
}

// indexPtrs finds, once per function and once slots are assigned, the
// positions in fc.ptrs of each tracked value's pointer words, and the
// pointer slots no tracked value holds.
func (c *coalescer) indexPtrs() {
	fc := c.fc
	// first and next chain the positions of each offset: a word listed
	// twice is one slot, live when any value holding it is.
	first := make(map[int32]int32, len(fc.ptrs))
	next := make([]int32, len(fc.ptrs))
	for i := len(fc.ptrs) - 1; i >= 0; i-- {
		next[i] = -1
		if j, ok := first[fc.ptrs[i]]; ok {
			next[i] = j
		}
		first[fc.ptrs[i]] = int32(i)
	}
	c.untrackedPtrs = newBitset(len(fc.ptrs))
	for i := range fc.ptrs {
		c.untrackedPtrs.add(i)
	}
	for p, b := range c.paramIndex {
		for _, off := range fc.c.ptrOffsets(fc.slots[p], p.Type(), nil) {
			i, ok := first[off]
			for ; ok && i >= 0; i = next[i] {
				c.paramPos[b] = append(c.paramPos[b], i)
				c.untrackedPtrs.remove(int(i))
			}
		}
	}
	for k := range c.objs {
		o := &c.objs[k]
		for _, off := range fc.c.ptrOffsets(fc.objs[o.alloc], fc.c.allocType(o.alloc), nil) {
			i, ok := first[off]
			for ; ok && i >= 0; i = next[i] {
				o.pos = append(o.pos, i)
				c.untrackedPtrs.remove(int(i))
			}
		}
	}
	c.ptrIndex = make([][]int32, len(c.vals))
	for k, v := range c.vals {
		for _, off := range c.ptrs[k] {
			i, ok := first[fc.slots[v]+off]
			for ; ok && i >= 0; i = next[i] {
				c.ptrIndex[k] = append(c.ptrIndex[k], i)
				c.untrackedPtrs.remove(int(i))
			}
		}
	}
}

// hasPointerParam reports whether fc's function has a parameter with
// pointer words, whose liveness the analysis follows even in a function
// with no value to colour.
func hasPointerParam(fc *fnCompiler) bool {
	for _, p := range fc.fn.Params {
		if len(fc.c.ptrOffsets(0, p.Type(), nil)) > 0 {
			return true
		}
	}
	return false
}
