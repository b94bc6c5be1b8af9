package bytecode

// Runtime operations: the K of an RT instruction. Operands that do not fit
// in A, B and C are in the function's Aux table starting at Aux[C] (or Aux[B]
// where noted); "t" names a host type index (Program.Types).
const (
	RtNew             = iota // fA = new(t=B)
	RtMakeSlice              // fA = make([]t, fB, Aux[C]) ; Aux[C+1]=elem t
	RtMakeMap                // fA = make(map t=C, hint fB) (B<0: no hint)
	RtMakeChan               // fA = make(chan t=C, fB)
	RtMakeClosure            // fA = closure of Funcs[B]; Aux[C]: size, n, object type, then (slot, offset, size)×n
	RtMakeIface              // fA = iface{word, box(fB)}; Aux[C]: concrete t, const slot of word
	RtSlice                  // fA = fB[lo:hi:max]; Aux[C]: mode, lo, hi, max slots (-1 absent), elem size, array len
	RtStrCat                 // fA = fB + fC
	RtStrEq                  // fA = fB == fC
	RtStrLt                  // fA = fB < fC
	RtStrLe                  // fA = fB <= fC
	RtStrFromBytes           // fA = string(fB)
	RtBytesFromStr           // fA = []byte(fB)
	RtRunesFromStr           // fA = []rune(fB)
	RtStrFromRunes           // fA = string(fB []rune)
	RtStrFromRune            // fA = string(rune(fB))
	RtEqual                  // fA = fB == fC for type t=Aux[...]: B, C slots; t in K2? see compiler
	RtTypeAssert             // fA = fB.(t); Aux[C]: t, commaok, src is eface
	RtChangeIface            // fA = I(fB); Aux[C]: target t, src is eface
	RtMapLookup              // fA = fB[key]; Aux[C]: key slot, map t, commaok
	RtMapUpdate              // fA[fB] = v; Aux[C]: value slot, map t
	RtMapDelete              // delete(fA, fB); C: map t
	RtMapClear               // clear(fA); C: map t
	RtMapLen                 // fA = len(fB)
	RtMapRange               // fA = iterator over fB; C: map t
	RtMapNext                // fA = (ok, k, v) from iterator fB; Aux[C]: map t, key size slot offset...
	RtStrNext                // fA = (ok, index, rune) from string iterator fB
	RtStrRange               // fA = iterator over string fB
	RtSend                   // fA <- fB; C: chan t
	RtRecv                   // fA = <-fB; Aux[C]: chan t, commaok
	RtClose                  // close(fA)
	RtChanLen                // fA = len(fB)
	RtChanCap                // fA = cap(fB)
	RtSelect                 // fA = select; Aux[C]: see compiler
	RtGo                     // go: Aux[C] describes the callee, args at fp+A
	RtDefer                  // defer: Aux[C] describes the callee, args at fp+A
	RtRunDefers              // run this frame's deferred calls
	RtPanic                  // panic(fA)
	RtRecover                // fA = recover()
	RtAppend                 // fA = append(fB, fC...); Aux: elem t
	RtCopy                   // fA = copy(fB, fC); elem size in Aux
	RtPrint                  // print; Aux[C]: n, flags, then (slot, t)×n
	RtComplex                // complex arithmetic; Aux[C]: subop, width
	RtMinMax                 // fA = min/max; Aux[C]
	RtUnsafeSlice            // fA = unsafe.Slice(fB, fC); elem t in Aux
	RtUnsafeString           // fA = unsafe.String(fB, fC)
	RtSliceToArrayPtr        // fA = (*[n]T)(fB); C = n
	RtPanicRangeFunc         // range-over-func misuse: B=1 the body's panic was swallowed; B=2 yield called when not ready, the state at closure offset C (-1: unknown)
	RtClearSlice             // clear(fA) for a slice; C = elem t
	RtWrapNilChk             // fA = fB, panicking if nil: a value method called through a nil pointer; Aux[C]: two string const slots
	RtDeferStack             // fA = this frame's defer stack identity
	NumRtOps
)

var rtNames = [...]string{
	"new", "makeslice", "makemap", "makechan", "makeclosure", "makeiface", "slice",
	"strcat", "streq", "strlt", "strle", "strfrombytes", "bytesfromstr", "runesfromstr",
	"strfromrunes", "strfromrune", "equal", "typeassert", "changeiface", "maplookup",
	"mapupdate", "mapdelete", "mapclear", "maplen", "maprange", "mapnext", "strnext",
	"strrange", "send", "recv", "close", "chanlen", "chancap", "select", "go", "defer",
	"rundefers", "panic", "recover", "append", "copy", "print", "complex", "minmax",
	"unsafeslice", "unsafestring", "slicetoarrayptr",
	"panicrangefunc", "clearslice", "wrapnilchk", "deferstack",
}

// RtName names runtime operation k.
func RtName(k uint16) string {
	if int(k) < len(rtNames) {
		return rtNames[k]
	}
	return "rt?"
}
