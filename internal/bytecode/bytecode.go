// Package bytecode defines gort's program image: the register bytecode an M
// interprets, the per-function metadata the runtime needs (frame size,
// argument size, pointer slots, source positions), and the disassembler.
//
// A function's frame is laid out as ABI0 lays out a gc stack frame, except
// that it grows upward:
//
//	fp → [ args | results ] [ constants ] [ values and frame-local objects ] [ header ] [ out area ]
//
// The args and results region is the callee's view of the caller's out area:
// the arguments in declaration order with gc's alignment, then the results at
// align(argsize, 8). The header (HeaderSize bytes, just below a callee's fp)
// holds the closure context, the caller's fp as an offset from the stack base
// and the return address as (function index, pc), so that nothing in a stack
// depends on where the stack is; a copy of the stack only has to adjust the
// pointer slots listed in PtrSlots.
//
// This package must never depend on the runtime: the image is data.
package bytecode

import (
	"fmt"
	"go/token"
	"io"
	"sort"
	"strings"
)

// HeaderSize is the size of the call header below a callee's frame pointer:
// closure context, saved fp (offset from the stack base), return (fn, pc).
const HeaderSize = 24

// Header word offsets, relative to the callee's fp.
const (
	HdrCtxt    = -24
	HdrSavedFP = -16
	HdrRetPC   = -8
)

// Instr is one instruction. A, B and C are frame offsets (relative to fp)
// unless the opcode's comment says otherwise; K is a small immediate (a size,
// a kind, a shift width).
type Instr struct {
	Op      Op
	K       uint16
	A, B, C int32
}

// Func is one compiled function.
type Func struct {
	Name      string // gc spelling, as tracebacks and FuncForPC show it
	Index     int32  // position in Program.Funcs
	Code      []Instr
	Pos       []token.Pos // per instruction
	ArgSize   int32       // args and results, ABI0
	FrameSize int32       // whole frame including the out area
	ConstOff  int32       // where Consts is copied at entry
	Consts    []uint64    // the constant words, copied into the frame at entry
	// PtrSlots lists the frame offsets of words that may hold pointers. A
	// slot shared by several values (the compiler colours values into
	// slots) is shared only by values with pointer words at the same
	// offsets, so a pointer word holds a pointer, possibly a dead one, at
	// every instruction.
	PtrSlots []int32
	// Safepoints holds, in pc order, the instructions that can call,
	// allocate or yield (CALL*, RT, LOOP and back-edge branches), each
	// with its pointer map, and LiveBits the function's distinct maps
	// (ptrmap.go): read them through Live.
	Safepoints []Safepoint
	LiveBits   []uint64
	// Aux holds extra operands for instructions that need more than three.
	Aux []int32
	// Wrapper marks compiler-made wrappers and thunks: recover looks
	// through them and tracebacks elide them.
	Wrapper bool
	// HostOnly marks a function of gort's runtime that only the host calls
	// (runtime.main, fatalpanic, runTimer): no Go code takes its address,
	// so a code pointer naming it was forged, and an indirect call through
	// it faults.
	HostOnly bool
	// HasParams marks a function with parameters (a receiver counts), and
	// Inlinable one without that gc would likely inline (the compiler's
	// estimate): a traceback prints a frame as f(...) if the function has
	// parameters, or if it is inlinable and its caller called it directly,
	// and as f() otherwise, as gc prints an inlined frame f(...).
	HasParams bool
	Inlinable bool
	// CapturesAsArgs marks a closure that captures variables and is
	// called only where it is written, func(){...}(): gc passes its captured
	// variables as arguments, so tracebacks print its frame as f(...).
	CapturesAsArgs bool
	// RecoverPC is where a frame resumes after a deferred call recovered a
	// panic: it runs the remaining deferred calls and returns. -1 if the
	// function defers nothing.
	RecoverPC int32
	// Native is set for functions implemented by the runtime; Code is empty.
	Native string
	Text   uintptr // the function's code pointer
	File   string
	Line   int // of the declaration
}

// Program is a whole compiled program. Its static data is already laid out
// in the arena below HeapStart: the text region, type descriptors, names, GC
// masks, static itabs, string constants and other constant blocks below
// RODataEnd, package variables from RODataEnd up (compiler.TextBase and its
// neighbours document the regions).
type Program struct {
	Funcs      []*Func
	Fset       *token.FileSet
	Types      []*Type
	TypeByDesc map[uintptr]*Type
	TextBase   uintptr
	// TypesBase is the start of the types section, from which a
	// descriptor's NameOff and TypeOff words count (the real
	// moduledata.types).
	TypesBase uintptr
	// RODataEnd is the read-only bound: from the arena's base up to here
	// the image is read-only data, which the runtime makes unwritable
	// (arena.SetReadOnly) before the program runs, as gc's rodata is.
	RODataEnd uintptr
	HeapStart uintptr
	// StaticEnd and DataEnd are where the compiler stopped writing the
	// read-only data and the package variables: with the text entries,
	// [TypesBase, StaticEnd) and [RODataEnd, DataEnd) are the static
	// image (Segments); the rest of the region below HeapStart is zero.
	StaticEnd uintptr
	DataEnd   uintptr
	ZeroBase  uintptr // runtime.zerobase: the address of every zero-sized object
	Itabs     []Itab
	// DataMask is the pointer mask of the package variables: bit i (of
	// word i/64, from the low bit up) is set when the word at
	// RODataEnd+8*i may hold a pointer. It covers [RODataEnd, DataEnd)
	// exactly, DataMaskWords(prog) words: the static words the GC scans
	// (ptrmap.go says why no others below HeapStart need it).
	DataMask []uint64
	// Typelinks are the descriptors reflect may look up by string rather
	// than make (typedesc.Builder.Typelinks), sorted by type string.
	Typelinks []uintptr
	// Boot: runtime.main's index and its arguments' static values.
	RuntimeMain int32
	InitFuncs   []int32 // package init functions in the linker's order
	MainMain    int32
	FatalPanic  int32
	// FuncVal is the static closure object of each top-level function.
	FuncVal map[int32]uintptr
	// The runtime's error types, for errors the interpreter raises.
	ErrTypes ErrTypes
	// LineNames are the line directives with relative file names, in
	// position order (see DirectiveFile).
	LineNames []LineName
}

// LineName is a line directive (//line name:line) whose name is relative:
// go/token records it joined with its file's directory, gc as written.
type LineName struct {
	Pos          token.Pos // the directive
	Joined, Name string
}

// DirectiveFile returns the file name gc records for pos, whose position
// go/token gives as p, when a line directive renamed its file: the name
// as the directive wrote it, or "??" for a directive that named none. It
// reports false where no directive applies and p.Filename is the file's.
func (prog *Program) DirectiveFile(pos token.Pos, p token.Position) (string, bool) {
	if p.Filename == "" {
		return "??", true
	}
	f := prog.Fset.File(pos)
	if f == nil || p.Filename == f.Name() {
		return "", false
	}
	// The directive in force is the last one before pos in its file that
	// names p's file.
	i := sort.Search(len(prog.LineNames), func(i int) bool { return prog.LineNames[i].Pos > pos })
	for i--; i >= 0 && prog.LineNames[i].Pos >= token.Pos(f.Base()); i-- {
		if d := prog.LineNames[i]; d.Joined == p.Filename {
			return d.Name, true
		}
	}
	return "", false
}

// Itab is a static itab: its arena address and the pair it serves.
type Itab struct {
	Addr        uintptr
	Iface, Type *Type
}

// ErrTypes are the runtime package types the interpreter boxes into panic
// values.
type ErrTypes struct {
	BoundsError, ErrorString, PlainError, ErrorAddressString, TypeAssertionError *Type
	PanicNilError                                                                *Type // *runtime.PanicNilError
	UnhashableTypeError                                                          *Type
	Error                                                                        *Type // runtime.Error
}

// Disassemble writes f's code in a stable text form.
func Disassemble(w io.Writer, fset *token.FileSet, f *Func) {
	fmt.Fprintf(w, "func %s args=%d frame=%d consts=%d@%d", f.Name, f.ArgSize, f.FrameSize, 8*len(f.Consts), f.ConstOff)
	if f.Wrapper {
		fmt.Fprintf(w, " wrapper")
	}
	fmt.Fprintln(w)
	if len(f.PtrSlots) > 0 {
		var b strings.Builder
		for i, s := range f.PtrSlots {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d", s)
		}
		fmt.Fprintf(w, "\tptrs: %s\n", b.String())
	}
	sp := f.Safepoints
	var offs []int32
	for pc, in := range f.Code {
		line := ""
		if fset != nil && pc < len(f.Pos) && f.Pos[pc].IsValid() {
			line = fmt.Sprintf("\t; line %d", fset.Position(f.Pos[pc]).Line)
		}
		live := ""
		if len(sp) > 0 && sp[0].PC == int32(pc) {
			offs = offs[:0]
			f.Live(sp[0].PC).Each(f, func(off int32) { offs = append(offs, off) })
			live = fmt.Sprintf(" live%v", offs)
			sp = sp[1:]
		}
		fmt.Fprintf(w, "%5d  %-12s K=%d A=%d B=%d C=%d%s%s\n", pc, in.Op, in.K, in.A, in.B, in.C, live, line)
	}
}
