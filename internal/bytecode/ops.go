package bytecode

// Op is an opcode. Each comment is the instruction's effect: fX is the frame
// word (or object) at fp+X, *p the memory p points to, K the immediate.
// Scalars in frame slots are kept normalised to 64 bits (sign- or
// zero-extended, floats as their IEEE bits in the low bytes); aggregates keep
// gc's memory layout.
type Op uint16

const (
	NOP Op = iota

	// Moves.
	MOV8   // fA = fB (one word)
	MOV16  // fA = fB (two words)
	MOV24  // fA = fB (three words)
	MOVN   // fA = fB (C bytes)
	ZERO   // fA = 0 (C bytes)
	ADDR   // fA = fp+B (address of a frame-local object)
	FLOAD  // fA = load class K at fp+B (a scalar field of an aggregate value)
	FSTORE // store class K: fp+A = fB (a scalar into an aggregate slot)

	// Integers: 64-bit arithmetic on normalised values, then EXT for narrow types.
	ADD      // fA = fB + fC
	ADDI     // fA = fB + C
	SUB      // fA = fB - fC
	MUL      // fA = fB * fC
	AND      // fA = fB & fC
	OR       // fA = fB | fC
	XOR      // fA = fB ^ fC
	ANDNOT   // fA = fB &^ fC
	SHL      // fA = fB << fC (count taken as unsigned)
	SHRS     // fA = int64(fB) >> fC
	SHRU     // fA = uint64(fB) >> fC
	DIVS     // fA = int64(fB) / int64(fC); panics on zero
	DIVU     // fA = fB / fC; panics on zero
	REMS     // fA = int64(fB) % int64(fC); panics on zero
	REMU     // fA = fB % fC; panics on zero
	NEG      // fA = -fB
	COM      // fA = ^fB
	NOT      // fA = !fB (bool)
	EXT      // fA = extend(fB) by class K (see Ext*)
	SHIFTCHK // panic "negative shift amount" if int64(fB) < 0

	EQ   // fA = fB == fC
	NE   // fA = fB != fC
	LTS  // fA = int64(fB) < int64(fC)
	LES  // fA = int64(fB) <= int64(fC)
	LTU  // fA = fB < fC
	LEU  // fA = fB <= fC
	EQI  // fA = fB == C
	LTSI // fA = int64(fB) < C

	// Integers with an immediate operand C (sign-extended to 64 bits).
	MULI  // fA = fB * C
	ANDI  // fA = fB & C
	SHLI  // fA = fB << C
	SHRSI // fA = int64(fB) >> C
	SHRUI // fA = uint64(fB) >> C

	// Floats. K=4 for float32, 8 for float64.
	FADD // fA = fB + fC
	FSUB // fA = fB - fC
	FMUL // fA = fB * fC
	FDIV // fA = fB / fC
	FNEG // fA = -fB
	FEQ  // fA = fB == fC
	FNE  // fA = fB != fC
	FLT  // fA = fB < fC
	FLE  // fA = fB <= fC
	CONV // fA = numeric conversion K of fB (see Conv*)

	// Memory through pointers; a nil or out-of-arena address panics.
	LOAD      // fA = load class K at *(fB + C)
	LOADN     // fA = *fB (C bytes)
	STORE     // *(fA + C) = fB, store class K
	STOREN    // *fA = fB (C bytes, typed: through the write-barrier funnel)
	NILCHK    // panic nil dereference if fA == 0
	FIELDADDR // fA = fB + C; panics if fB is nil
	IDXADDR   // fA = fB + fC*K; panics if fB is nil
	BOUNDS    // panic index out of range unless uint(fA) < uint(fB)
	STRIDX    // fA = byte fB[fC] (bounds checked)
	LOADX     // fA = load class K at *(fB + fC*ClassSize[K]) (an element, bounds already checked)
	STOREX    // *(fA + fB*ClassSize[K]) = fC, store class K

	// Control.
	JMP  // pc = A
	LOOP // pc = A, then the preemption check (a back-edge)
	IF   // if fA != 0 { pc = B } else { pc = C }

	// Compare and branch: if the comparison holds, pc = C. The I forms
	// compare with the immediate B. K=1 marks a loop's back edge, which
	// makes the preemption check when taken, as LOOP does.
	BEQ   // fA == fB
	BNE   // fA != fB
	BLTS  // int64(fA) < int64(fB)
	BLES  // int64(fA) <= int64(fB)
	BLTU  // fA < fB
	BLEU  // fA <= fB
	BEQI  // fA == B
	BNEI  // fA != B
	BLTSI // int64(fA) < B
	BLESI // int64(fA) <= B
	BGTSI // int64(fA) > B
	BGESI // int64(fA) >= B

	// Float compare and branch, K the width (4 or 8): if the comparison
	// holds (or for the N forms, fails), pc = C. A comparison with a NaN
	// is false.
	BFEQ  // fA == fB
	BFNE  // !(fA == fB)
	BFLT  // fA < fB
	BFNLT // !(fA < fB)
	BFLE  // fA <= fB
	BFNLE // !(fA <= fB)

	// Calls.
	CALL      // call Funcs[B] with callee fp = fp+A
	CALLCLO   // call the closure fB with callee fp = fp+A
	CALLIFACE // call method C of the interface at fB with callee fp = fp+A
	RET       // return to the caller

	// RT is the slow path: runtime operation K with operands A, B, C and the
	// function's Aux table. It may allocate, panic, park or call out.
	RT

	NumOps
)

// Load and store classes (K of LOAD, STORE, FLOAD, FSTORE, IDXVAL, EXT).
const (
	ClassI8 = 1 + iota
	ClassU8
	ClassI16
	ClassU16
	ClassI32
	ClassU32
	ClassW64
	ClassPtr // a pointer word: stores go through the write-barrier funnel
)

// ClassSize is the memory size of a load class.
var ClassSize = [...]uintptr{0, 1, 1, 2, 2, 4, 4, 8, 8}

// Numeric conversions (K of CONV).
const (
	ConvI2F64 = 1 + iota // int64 → float64
	ConvU2F64            // uint64 → float64
	ConvI2F32
	ConvU2F32
	ConvF642I // float64 → int64
	ConvF642U // float64 → uint64
	ConvF322I
	ConvF322U
	ConvF32F64 // float32 → float64
	ConvF64F32 // float64 → float32
)

var opNames = [...]string{
	NOP: "NOP", MOV8: "MOV8", MOV16: "MOV16", MOV24: "MOV24", MOVN: "MOVN", ZERO: "ZERO",
	ADDR: "ADDR", FLOAD: "FLOAD", FSTORE: "FSTORE",
	ADD: "ADD", ADDI: "ADDI", SUB: "SUB", MUL: "MUL", AND: "AND", OR: "OR", XOR: "XOR",
	ANDNOT: "ANDNOT", SHL: "SHL", SHRS: "SHRS", SHRU: "SHRU", DIVS: "DIVS", DIVU: "DIVU",
	REMS: "REMS", REMU: "REMU", NEG: "NEG", COM: "COM", NOT: "NOT", EXT: "EXT", SHIFTCHK: "SHIFTCHK",
	EQ: "EQ", NE: "NE", LTS: "LTS", LES: "LES", LTU: "LTU", LEU: "LEU", EQI: "EQI", LTSI: "LTSI",
	MULI: "MULI", ANDI: "ANDI", SHLI: "SHLI", SHRSI: "SHRSI", SHRUI: "SHRUI",
	FADD: "FADD", FSUB: "FSUB", FMUL: "FMUL", FDIV: "FDIV", FNEG: "FNEG", FEQ: "FEQ", FNE: "FNE",
	FLT: "FLT", FLE: "FLE", CONV: "CONV",
	LOAD: "LOAD", LOADN: "LOADN", STORE: "STORE", STOREN: "STOREN", NILCHK: "NILCHK",
	FIELDADDR: "FIELDADDR", IDXADDR: "IDXADDR", BOUNDS: "BOUNDS", STRIDX: "STRIDX",
	LOADX: "LOADX", STOREX: "STOREX",
	JMP: "JMP", LOOP: "LOOP", IF: "IF",
	BEQ: "BEQ", BNE: "BNE", BLTS: "BLTS", BLES: "BLES", BLTU: "BLTU", BLEU: "BLEU",
	BEQI: "BEQI", BNEI: "BNEI", BLTSI: "BLTSI", BLESI: "BLESI", BGTSI: "BGTSI", BGESI: "BGESI",
	BFEQ: "BFEQ", BFNE: "BFNE", BFLT: "BFLT", BFNLT: "BFNLT", BFLE: "BFLE", BFNLE: "BFNLE",
	CALL: "CALL", CALLCLO: "CALLCLO", CALLIFACE: "CALLIFACE",
	RET: "RET", RT: "RT",
}

func (op Op) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "op?"
}
