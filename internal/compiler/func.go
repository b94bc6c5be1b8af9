package compiler

import (
	"encoding/binary"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math"

	"golang.org/x/tools/go/ssa"

	"gort/internal/bytecode"
)

// fnCompiler translates one function.
type fnCompiler struct {
	c     *Compiler
	fn    *ssa.Function
	f     *bytecode.Func
	code  []bytecode.Instr
	pos   []token.Pos
	cur   token.Pos
	slots map[ssa.Value]int32
	objs  map[*ssa.Alloc]int32 // frame-local objects
	frame int32                // next free byte in the values region

	// The misc region holds constants and scratch words, allocated while
	// code is emitted; its image is copied into the frame at entry.
	miscOff  int32
	misc     []byte
	constKey map[string]int32

	outSize int32    // largest callee argument block
	outFix  []outFix // instruction operands that are out-area offsets
	auxFix  []int    // aux entries holding out-area offsets
	blockPC []int32  // per block index
	jumps   []jumpFix
	ptrs    []int32 // PtrSlots: final once layout is done
	// liveMaps indexes the safepoint maps in f.LiveBits by their bytes
	// (liveKey's buffer), to keep each distinct map once.
	liveMaps map[string]int32
	liveKey  []byte

	pendingEdges []edgeStub
	// defPC is the pc of the one instruction that computes a value, for
	// values computed by a single instruction with a plain destination
	// (see retarget).
	defPC      map[ssa.Value]int
	blockStart int                // first pc of the block being emitted
	user       ssa.Instruction    // the instruction being emitted
	folded     map[ssa.Value]bool // addresses whose uses address the base (see foldable)
	live       *coalescer         // liveness of the values sharing slots, nil if not computed
	zeroOff    int32              // the untracked pointer slots, from here to the constants
	deferStack bool               // the function hands its defer stack to range-over-func bodies
}

// edgeStub is a conditional edge into a block with phis: its phi moves go in
// a stub after the function body so they run only on that edge.
type edgeStub struct {
	pc       int // the IF whose operand (field) jumps to the stub
	field    int
	from, to *ssa.BasicBlock
	back     bool // a loop's back edge: the stub makes the preemption check
}

type outFix struct{ pc, field int }

type jumpFix struct {
	pc    int
	field int // 0=A 1=B 2=C
	block *ssa.BasicBlock
}

// outMark tags an offset in the out area until the frame is laid out.
const outMark = 1 << 30

func (c *Compiler) compileFunc(fn *ssa.Function, f *bytecode.Func) {
	fc := &fnCompiler{c: c, fn: fn, f: f, slots: map[ssa.Value]int32{}, objs: map[*ssa.Alloc]int32{}, constKey: map[string]int32{}, defPC: map[ssa.Value]int{}, folded: map[ssa.Value]bool{}}
	defer func() {
		if r := recover(); r != nil {
			switch r.(type) {
			case *Unsupported, *needsSource:
				panic(r)
			}
			panic(fmt.Sprintf("compiling %s: %v", fn, r))
		}
	}()
	fc.layout()
	fc.body()
	fc.finish()
	if !f.HasParams && !f.CapturesAsArgs {
		f.Inlinable = c.inlinable(fn)
	}
}

// noopIntrinsic reports whether fn is an instance of a function that gc
// implements as an intrinsic with nothing to do under gort, whose Go body
// only panics: internal/abi.EscapeNonString forces a value to the heap,
// and gort's stack-moving pointer maps make that unnecessary.
func noopIntrinsic(fn *ssa.Function) bool {
	o := fn.Origin()
	return o != nil && o.Pkg != nil && o.Pkg.Pkg.Path() == "internal/abi" && o.Name() == "EscapeNonString"
}

func (fc *fnCompiler) unsupported(what string, pos token.Pos) {
	if !pos.IsValid() {
		pos = fc.cur
	}
	if !pos.IsValid() {
		pos = fc.fn.Pos()
	}
	p := fc.c.fset.Position(pos)
	p.Filename = relName(p.Filename)
	panic(&Unsupported{What: what, Pos: p})
}

// layout assigns the args/results region, a slot to every value, and the
// frame-local objects; it also finds the largest outgoing call.
func (fc *fnCompiler) layout() {
	c := fc.c
	sig := fc.fn.Signature
	var params []types.Type
	for _, p := range fc.fn.Params {
		params = append(params, p.Type())
	}
	var results []types.Type
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, sig.Results().At(i).Type())
	}
	l := c.layoutCall(params, results)
	fc.f.ArgSize = int32(l.size)
	fc.frame = int32(l.size)
	keepAlive := c.keepsUintptrsAlive(fc.fn)
	for i, p := range fc.fn.Params {
		fc.slots[p] = int32(l.args[i])
		fc.notePtrs(int32(l.args[i]), p.Type())
		if b, ok := p.Type().Underlying().(*types.Basic); ok && keepAlive && b.Kind() == types.Uintptr {
			// The keep-alive rule (keepalive.go): a uintptr parameter
			// may be the only reference to an object while the call
			// runs (a go statement's goroutine), so the collector
			// reads it as a possible pointer for the whole call.
			fc.ptrs = append(fc.ptrs, int32(l.args[i]))
		}
	}
	for _, fv := range fc.fn.FreeVars {
		fc.newSlot(fv)
	}
	for _, b := range fc.fn.Blocks {
		for i, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok && foldable(v, i, c) {
				fc.folded[v] = true
			}
		}
	}
	shared := fc.coalesce()
	// Pointer slots that the safepoint maps do not track (see untracked)
	// go last, just below the constants, and are zeroed with them at entry.
	var late []func()
	for _, b := range fc.fn.Blocks {
		for _, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok {
				if a, ok := v.(*ssa.Alloc); ok && !a.Heap {
					// The value is the object's address; the object
					// itself gets its own space, zeroed at entry if
					// its liveness is not followed.
					reserve := func() {
						t := c.allocType(a)
						fc.objs[a] = fc.reserve(c.sizeof(t))
						fc.notePtrs(fc.objs[a], t)
					}
					if fc.trackedObject(a) {
						reserve()
					} else {
						late = append(late, reserve)
					}
				}
				if r, ok := shared[v]; ok {
					if _, done := fc.slots[r]; !done {
						fc.newSlot(r)
					}
					fc.slots[v] = fc.slots[r]
					fc.noteCall(instr)
					continue
				}
				if _, done := fc.slots[v]; done {
					fc.noteCall(instr)
					continue
				}
				if fc.untracked(v) {
					late = append(late, func() { fc.newSlot(v) })
				} else if v.Type() != nil {
					fc.newSlot(v)
				}
			}
			fc.noteCall(instr)
		}
	}
	fc.zeroOff = fc.frame
	for _, f := range late {
		f()
	}
}

// untracked reports whether v has pointer words that the liveness analysis
// does not follow, so that every safepoint map lists them: such slots must
// hold nil until v is first written, and are zeroed at entry.
func (fc *fnCompiler) untracked(v ssa.Value) bool {
	if fc.live != nil {
		if _, tracked := fc.live.index[v]; tracked {
			return false
		}
	}
	return v.Type() != nil && fc.c.hasPtrs(v.Type())
}

func (fc *fnCompiler) reserve(size int64) int32 {
	off := fc.frame
	fc.frame += int32(align(size, 8))
	if size == 0 {
		fc.frame += 8
	}
	return off
}

func (fc *fnCompiler) newSlot(v ssa.Value) int32 {
	off := fc.reserve(fc.c.sizeof(v.Type()))
	fc.slots[v] = off
	fc.notePtrs(off, v.Type())
	return off
}

// notePtrs records the pointer words of a value of type t at off.
func (fc *fnCompiler) notePtrs(off int32, t types.Type) {
	fc.ptrs = fc.c.ptrOffsets(off, t, fc.ptrs)
}

// ptrOffsets appends to out the offsets of the pointer words of a value of
// type t placed at off.
func (c *Compiler) ptrOffsets(off int32, t types.Type, out []int32) []int32 {
	c.eachPtrWord(int64(off), t, func(o int64) { out = append(out, int32(o)) })
	return out
}

// eachPtrWord calls fn with the offset of each word of a value of type t
// placed at off that may hold a pointer the GC follows: as a heap object's
// GC mask marks them, an interface's data word (its first word names an
// itab or a descriptor), a string's and a slice's first word, and every
// element of an array, whatever its length.
func (c *Compiler) eachPtrWord(off int64, t types.Type, fn func(off int64)) {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature, *types.Slice:
		fn(off)
	case *types.Basic:
		if u.Kind() == types.UnsafePointer || u.Kind() == types.String {
			fn(off)
		}
	case *types.Interface:
		fn(off + 8)
	case *types.Struct:
		offs := c.sizes.Offsetsof(fieldsOf(u))
		for i := 0; i < u.NumFields(); i++ {
			c.eachPtrWord(off+offs[i], u.Field(i).Type(), fn)
		}
	case *types.Array:
		if !c.hasPtrs(u.Elem()) {
			return
		}
		es := c.sizes.Sizeof(u.Elem())
		for i := int64(0); i < u.Len(); i++ {
			c.eachPtrWord(off+i*es, u.Elem(), fn)
		}
	case *types.Tuple:
		offs, _ := c.tupleOffsets(u)
		for i := 0; i < u.Len(); i++ {
			c.eachPtrWord(off+offs[i], u.At(i).Type(), fn)
		}
	}
}

// noteCall grows the out area for a call, go or defer statement.
func (fc *fnCompiler) noteCall(instr ssa.Instruction) {
	var common *ssa.CallCommon
	switch i := instr.(type) {
	case *ssa.Call:
		common = i.Common()
	case *ssa.Go:
		common = i.Common()
	case *ssa.Defer:
		common = i.Common()
	default:
		return
	}
	var size int64
	if common.IsInvoke() {
		size = fc.c.sigLayout(common.Signature(), true).size
	} else if _, ok := common.Value.(*ssa.Builtin); ok {
		for _, a := range common.Args {
			size += align(fc.c.sizeof(a.Type()), 8)
		}
		size += 64
	} else {
		size = fc.c.sigLayout(common.Signature(), false).size
	}
	if int32(size) > fc.outSize {
		fc.outSize = int32(size)
	}
}

// finish places the misc region, the header and the out area, and resolves
// jumps and out-area offsets.
func (fc *fnCompiler) finish() {
	f := fc.f
	f.ConstOff = fc.zeroOff
	// The image copied at entry starts with zeros for the untracked
	// pointer slots, which lie just below the constants.
	zeros := int(fc.miscOff-fc.zeroOff) / 8
	f.Consts = make([]uint64, zeros+len(fc.misc)/8)
	for i := range len(fc.misc) / 8 {
		f.Consts[zeros+i] = binary.LittleEndian.Uint64(fc.misc[8*i:])
	}
	outBase := fc.miscOff + int32(len(fc.misc)) + bytecode.HeaderSize
	for _, o := range fc.outFix {
		in := &fc.code[o.pc]
		switch o.field {
		case 0:
			in.A += outBase - outMark
		case 1:
			in.B += outBase - outMark
		}
	}
	for _, i := range fc.auxFix {
		f.Aux[i] += outBase - outMark
	}
	f.FrameSize = outBase + fc.outSize
	for _, j := range fc.jumps {
		target := fc.blockPC[j.block.Index]
		in := &fc.code[j.pc]
		switch j.field {
		case 0:
			in.A = target
		case 1:
			in.B = target
		case 2:
			in.C = target
		}
	}
	f.Code = fc.code
	f.Pos = fc.pos
	f.PtrSlots = fc.ptrs
	fc.sortSafepoints()
}

func (fc *fnCompiler) emit(op bytecode.Op, k uint16, a, b, c int32) int {
	fc.code = append(fc.code, bytecode.Instr{Op: op, K: k, A: a, B: b, C: c})
	fc.pos = append(fc.pos, fc.cur)
	return len(fc.code) - 1
}

func (fc *fnCompiler) rt(k uint16, a, b, c int32) int {
	return fc.emit(bytecode.RT, k, a, b, c)
}

// runDefers emits RunDefers. A deferred call it makes returns to the
// RunDefers itself, to run the next one, and a call returns to the
// instruction after it; so that a traceback can tell the two apart (the
// frame stands at its return, or at its call), RunDefers never directly
// follows an instruction that can call: a NOP goes between.
func (fc *fnCompiler) runDefers() {
	if n := len(fc.code); n > 0 {
		switch fc.code[n-1].Op {
		case bytecode.CALL, bytecode.CALLCLO, bytecode.CALLIFACE, bytecode.RT:
			fc.emit(bytecode.NOP, 0, 0, 0, 0)
		}
	}
	fc.rt(bytecode.RtRunDefers, 0, 0, 0)
}

// aux appends operands to the Aux table and returns the index of the first.
func (fc *fnCompiler) aux(vals ...int32) int32 {
	i := int32(len(fc.f.Aux))
	fc.f.Aux = append(fc.f.Aux, vals...)
	return i
}

// scratch returns a fresh word-aligned slot of size bytes in the misc region.
func (fc *fnCompiler) scratch(size int64) int32 {
	off := fc.miscOff + int32(len(fc.misc))
	fc.misc = append(fc.misc, make([]byte, align(size, 8))...)
	if size == 0 {
		fc.misc = append(fc.misc, make([]byte, 8)...)
	}
	return off
}

// constWords returns the slot of a constant with the given bytes.
func (fc *fnCompiler) constBytes(b []byte) int32 {
	key := string(b)
	if off, ok := fc.constKey[key]; ok {
		return off
	}
	off := fc.scratch(int64(len(b)))
	copy(fc.misc[off-fc.miscOff:], b)
	fc.constKey[key] = off
	return off
}

func (fc *fnCompiler) constWord(w uint64) int32 {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], w)
	return fc.constBytes(b[:])
}

// val returns the frame offset holding v.
func (fc *fnCompiler) val(v ssa.Value) int32 {
	switch v := v.(type) {
	case *ssa.Const:
		return fc.constBytes(fc.c.constValue(v))
	case *ssa.Global:
		return fc.constWord(uint64(fc.c.global(v)))
	case *ssa.Function:
		return fc.constWord(uint64(fc.c.funcValue(v)))
	case *ssa.Builtin:
		fc.unsupported("builtin "+v.Name()+" used as a value", token.NoPos)
	case *ssa.Call:
		if x, off, ok := lenWord(v); ok {
			return fc.val(x) + off
		}
	}
	off, ok := fc.slots[v]
	if !ok {
		panic(fmt.Sprintf("gort: internal error: no slot for %s in %s", v.Name(), fc.fn))
	}
	return off
}

// body emits the code of every block.
func (fc *fnCompiler) body() {
	fc.miscOff = fc.frame
	fc.blockPC = make([]int32, len(fc.fn.Blocks))
	fc.cur = fc.fn.Pos()
	fc.prologue()
	if noopIntrinsic(fc.fn) {
		fc.emit(bytecode.RET, 0, 0, 0, 0)
		return
	}
	for _, b := range fc.fn.Blocks {
		fc.blockPC[b.Index] = int32(len(fc.code))
		fc.blockStart = len(fc.code)
		for _, instr := range b.Instrs {
			if p := instrPos(instr); p.IsValid() {
				fc.cur = p
			}
			start := len(fc.code)
			fc.instr(instr)
			fc.safepoints(instr, start)
			if v, ok := instr.(ssa.Value); ok && len(fc.code) == start+1 && fc.code[start].A == fc.slots[v] && plainDest[fc.code[start].Op] {
				fc.defPC[v] = start
			}
		}
	}
	if fc.fn.Recover != nil {
		// A frame whose deferred call recovered resumes here: run the
		// rest of its deferred calls, then return as the Recover block
		// does.
		fc.f.RecoverPC = int32(len(fc.code))
		fc.runDefers()
		fc.safepoint(int(fc.f.RecoverPC), fc.recoverLive())
		fc.jump(fc.fn.Recover)
	}
	for len(fc.pendingEdges) > 0 {
		e := fc.pendingEdges[0]
		fc.pendingEdges = fc.pendingEdges[1:]
		stub := int32(len(fc.code))
		switch in := &fc.code[e.pc]; e.field {
		case 0:
			in.A = stub
		case 1:
			in.B = stub
		default:
			in.C = stub
		}
		fc.phiMoves(e.from, e.to)
		if e.back {
			pc := fc.emit(bytecode.LOOP, 0, 0, 0, 0)
			fc.jumps = append(fc.jumps, jumpFix{pc: pc, field: 0, block: e.to})
			fc.safepoint(pc, fc.headerLive(e.to))
			continue
		}
		fc.jump(e.to)
	}
}

// prologue normalises narrow parameters and loads free variables from the
// closure context.
func (fc *fnCompiler) prologue() {
	for _, p := range fc.fn.Params {
		cls := classOf(p.Type())
		if isNarrow(cls) {
			abiOff := fc.slots[p]
			slot := fc.reserveLate(8)
			fc.emit(bytecode.FLOAD, cls, slot, abiOff, 0)
			fc.slots[p] = slot
		}
	}
	if len(fc.fn.FreeVars) > 0 {
		ctxt := fc.scratch(8)
		fc.emit(bytecode.MOV8, 0, ctxt, bytecode.HdrCtxt, 0)
		var ts []types.Type
		for _, fv := range fc.fn.FreeVars {
			ts = append(ts, fv.Type())
		}
		offs := fc.c.closureOffsets(ts)
		for i, fv := range fc.fn.FreeVars {
			fc.load(fc.slots[fv], ctxt, int32(offs[i]), fv.Type())
		}
	}
}

// reserveLate takes a word from the misc region for a value that needs a
// second home (a narrow parameter's normalised copy).
func (fc *fnCompiler) reserveLate(size int64) int32 { return fc.scratch(size) }

// closureType is the type of a closure object capturing values of types ts,
// as gc types it for the garbage collector: the code pointer, then the
// captured values as fields.
func closureType(ts []types.Type) types.Type {
	fields := []*types.Var{types.NewField(token.NoPos, nil, "F", types.Typ[types.Uintptr], false)}
	for i, t := range ts {
		fields = append(fields, types.NewField(token.NoPos, nil, "X"+itoa(i), t, false))
	}
	return types.NewStruct(fields, nil)
}

// closureOffsets lays out a closure object: the code pointer, then the
// captured values like struct fields.
func (c *Compiler) closureOffsets(ts []types.Type) []int64 {
	off := int64(8)
	var offs []int64
	for _, t := range ts {
		off = align(off, c.sizes.Alignof(t))
		offs = append(offs, off)
		off += c.sizes.Sizeof(t)
	}
	offs = append(offs, align(off, 8))
	return offs
}

// move copies a value of type t between frame slots.
func (fc *fnCompiler) move(dst, src int32, t types.Type) {
	if dst == src {
		return
	}
	size := fc.c.sizeof(t)
	switch {
	case size == 0:
	case size <= 8:
		fc.emit(bytecode.MOV8, 0, dst, src, 0)
	case size <= 16:
		fc.emit(bytecode.MOV16, 0, dst, src, 0)
	case size <= 24:
		fc.emit(bytecode.MOV24, 0, dst, src, 0)
	default:
		fc.emit(bytecode.MOVN, 0, dst, src, int32(align(size, 8)))
	}
}

// storeFrame writes the value in slot src (type t) to frame memory at dst,
// which may be unaligned for narrow types (an ABI argument, a field).
func (fc *fnCompiler) storeFrame(dst, src int32, t types.Type) int {
	cls := classOf(t)
	size := fc.c.sizeof(t)
	switch {
	case size == 0:
		return -1
	case isNarrow(cls):
		return fc.emit(bytecode.FSTORE, cls, dst, src, 0)
	case size == 8 && dst%8 == 0:
		return fc.emit(bytecode.MOV8, 0, dst, src, 0)
	default:
		return fc.emit(bytecode.MOVN, 0, dst, src, int32(size))
	}
}

// loadFrame reads a value of type t from frame memory at src into slot
// dst, returning the instruction's pc (-1 for a zero-sized type).
func (fc *fnCompiler) loadFrame(dst, src int32, t types.Type) int {
	cls := classOf(t)
	size := fc.c.sizeof(t)
	switch {
	case size == 0:
		return -1
	case isNarrow(cls):
		return fc.emit(bytecode.FLOAD, cls, dst, src, 0)
	case size == 8 && src%8 == 0:
		return fc.emit(bytecode.MOV8, 0, dst, src, 0)
	default:
		return fc.emit(bytecode.MOVN, 0, dst, src, int32(size))
	}
}

// load reads a value of type t from memory at *(fp+ptr) + off into dst.
func (fc *fnCompiler) load(dst, ptr, off int32, t types.Type) {
	cls := classOf(t)
	size := fc.c.sizeof(t)
	if cls != 0 {
		fc.emit(bytecode.LOAD, cls, dst, ptr, off)
		return
	}
	p := ptr
	if off != 0 {
		p = fc.scratch(8)
		fc.emit(bytecode.ADDI, 0, p, ptr, off)
	}
	if size == 0 {
		fc.emit(bytecode.NILCHK, 0, p, 0, 0)
		return
	}
	fc.emit(bytecode.LOADN, 0, dst, p, int32(size))
}

// store writes the value in slot src (type t) to memory at *(fp+ptr).
func (fc *fnCompiler) store(ptr, src int32, t types.Type) {
	cls := classOf(t)
	size := fc.c.sizeof(t)
	switch {
	case size == 0:
		fc.emit(bytecode.NILCHK, 0, ptr, 0, 0)
	case cls != 0:
		fc.emit(bytecode.STORE, cls, ptr, src, 0)
	default:
		fc.emit(bytecode.STOREN, 0, ptr, src, int32(size))
	}
}

func (fc *fnCompiler) jump(b *ssa.BasicBlock) {
	pc := fc.emit(bytecode.JMP, 0, 0, 0, 0)
	fc.jumps = append(fc.jumps, jumpFix{pc: pc, field: 0, block: b})
}

// constValue returns the frame image of a constant: its bytes, word-padded.
func (c *Compiler) constValue(k *ssa.Const) []byte {
	t := k.Type()
	size := align(c.sizeof(t), 8)
	if size == 0 {
		size = 8
	}
	b := make([]byte, size)
	if k.Value == nil {
		return b // the zero value of any type
	}
	u := t.Underlying()
	if tp, ok := t.(*types.TypeParam); ok {
		u = tp.Underlying()
	}
	basic, ok := u.(*types.Basic)
	if !ok {
		panic(fmt.Sprintf("gort: internal error: constant of type %s", t))
	}
	switch {
	case basic.Info()&types.IsBoolean != 0:
		if constant.BoolVal(k.Value) {
			b[0] = 1
		}
	case basic.Info()&types.IsString != 0:
		s := constant.StringVal(k.Value)
		binary.LittleEndian.PutUint64(b, uint64(c.stringData(s)))
		binary.LittleEndian.PutUint64(b[8:], uint64(len(s)))
	case basic.Info()&types.IsInteger != 0 || basic.Kind() == types.UnsafePointer:
		var w uint64
		// An integer constant may be held as an exact float or complex
		// value (the shift count in x<<1.), which ToInt makes an Int.
		iv := constant.ToInt(k.Value)
		if v, exact := constant.Int64Val(iv); exact {
			w = uint64(v)
		} else if v, exact := constant.Uint64Val(iv); exact {
			w = v
		}
		binary.LittleEndian.PutUint64(b, normalise(w, classOf(t)))
	case basic.Kind() == types.Float32:
		f, _ := constant.Float32Val(k.Value)
		binary.LittleEndian.PutUint64(b, uint64(math.Float32bits(f)))
	case basic.Info()&types.IsFloat != 0:
		f, _ := constant.Float64Val(k.Value)
		binary.LittleEndian.PutUint64(b, math.Float64bits(f))
	case basic.Kind() == types.Complex64:
		re, _ := constant.Float32Val(constant.Real(k.Value))
		im, _ := constant.Float32Val(constant.Imag(k.Value))
		binary.LittleEndian.PutUint32(b, math.Float32bits(re))
		binary.LittleEndian.PutUint32(b[4:], math.Float32bits(im))
	case basic.Info()&types.IsComplex != 0:
		re, _ := constant.Float64Val(constant.Real(k.Value))
		im, _ := constant.Float64Val(constant.Imag(k.Value))
		binary.LittleEndian.PutUint64(b, math.Float64bits(re))
		binary.LittleEndian.PutUint64(b[8:], math.Float64bits(im))
	}
	return b
}

// normalise extends w as a slot of load class cls holds it.
func normalise(w uint64, cls uint16) uint64 {
	switch cls {
	case bytecode.ClassI8:
		return uint64(int64(int8(w)))
	case bytecode.ClassU8:
		return uint64(uint8(w))
	case bytecode.ClassI16:
		return uint64(int64(int16(w)))
	case bytecode.ClassU16:
		return uint64(uint16(w))
	case bytecode.ClassI32:
		return uint64(int64(int32(w)))
	case bytecode.ClassU32:
		return uint64(uint32(w))
	}
	return w
}
