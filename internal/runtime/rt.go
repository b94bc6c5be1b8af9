package runtime

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// rtop runs the slow-path operation of an RT instruction. gp's registers
// are saved; the operation reads and writes the frame at gp.fp and may
// change the registers (push a frame, unwind, park).
func rtop(mp *m, gp *g, in *bytecode.Instr) int {
	vm := mp.vm
	fn := gp.fn
	fpp := vm.mem.Frame(gp.fp)
	fp := gp.fp
	aux := fn.Aux
	w := func(off int32) uint64 { return *slot(fpp, off) }
	set := func(off int32, v uint64) { *slot(fpp, off) = v }
	typ := func(i int32) *bytecode.Type { return mp.vm.prog.Types[i] }

	switch in.K {
	case bytecode.RtNew:
		set(in.A, uint64(newobject(mp, typ(in.B))))
	case bytecode.RtMakeSlice:
		a := aux[in.C:]
		return makeslice(mp, gp, in.A, w(in.B), w(a[0]), typ(a[1]), a[2] == 1, a[3] == 1)
	case bytecode.RtMakeMap:
		hint := int64(0)
		if in.B >= 0 {
			hint = int64(w(in.B))
		}
		set(in.A, uint64(makemap(mp, typ(in.C), hint)))
	case bytecode.RtMakeChan:
		return makechan(mp, gp, in.A, typ(in.C), int64(w(in.B)))
	case bytecode.RtMakeClosure:
		a := aux[in.C:]
		size, n := uintptr(a[0]), int(a[1])
		clo := mallocgc(mp, size, typ(a[2]))
		vm.mem.Store64(clo, uint64(mp.vm.prog.Funcs[in.B].Text))
		for i := 0; i < n; i++ {
			src, off, sz := a[3+3*i], a[4+3*i], a[5+3*i]
			typedmemmove(vm, clo+uintptr(off), fp+uintptr(src), uintptr(sz))
		}
		set(in.A, uint64(clo))
	case bytecode.RtMakeIface:
		a := aux[in.C:]
		t := typ(a[0])
		set(in.A, w(a[1]))
		set(in.A+8, uint64(box(mp, t, fp+uintptr(in.B))))
	case bytecode.RtSlice:
		return sliceOp(mp, gp, in, aux[in.C:])
	case bytecode.RtStrCat:
		s := concatstrings(mp, stringAt(vm, fpp, in.B), stringAt(vm, fpp, in.C))
		set(in.A, s[0])
		set(in.A+8, s[1])
	case bytecode.RtStrEq:
		set(in.A, b2u(stringAt(vm, fpp, in.B) == stringAt(vm, fpp, in.C)))
	case bytecode.RtStrLt:
		set(in.A, b2u(stringAt(vm, fpp, in.B) < stringAt(vm, fpp, in.C)))
	case bytecode.RtStrLe:
		set(in.A, b2u(stringAt(vm, fpp, in.B) <= stringAt(vm, fpp, in.C)))
	case bytecode.RtStrFromBytes:
		s := newString(mp, stringAt(vm, fpp, in.B))
		set(in.A, s[0])
		set(in.A+8, s[1])
	case bytecode.RtBytesFromStr:
		s := stringAt(vm, fpp, in.B)
		p := mallocgc(mp, uintptr(len(s)), nil)
		vm.mem.MustWriteString(p, s)
		setSlice(fpp, in.A, p, len(s), len(s))
	case bytecode.RtRunesFromStr:
		s := stringAt(vm, fpp, in.B)
		n := utf8.RuneCountInString(s)
		p := mallocgc(mp, uintptr(4*n), nil)
		i := uintptr(0)
		for _, r := range s {
			vm.mem.Store32(p+4*i, uint32(r))
			i++
		}
		setSlice(fpp, in.A, p, n, n)
	case bytecode.RtStrFromRunes:
		s := runesToString(mp, uintptr(w(in.B)), uintptr(w(in.B+8)))
		set(in.A, s[0])
		set(in.A+8, s[1])
	case bytecode.RtStrFromRune:
		v := w(in.B)
		r := rune(0xFFFD)
		if in.C == 1 {
			if int64(v) >= 0 && int64(v) <= 0x10FFFF {
				r = rune(v)
			}
		} else if v <= 0x10FFFF {
			r = rune(v)
		}
		s := newString(mp, string(r))
		set(in.A, s[0])
		set(in.A+8, s[1])
	case bytecode.RtEqual:
		a := aux[in.C:]
		eq, err := typedEqual(vm, typ(a[1]), fp+uintptr(in.B), fp+uintptr(a[0]))
		if err != nil {
			return panicErrorString(mp, gp, err.msg)
		}
		set(in.A, b2u(eq))
	case bytecode.RtTypeAssert:
		return typeAssert(mp, gp, in, aux[in.C:])
	case bytecode.RtChangeIface:
		a := aux[in.C:]
		t := typ(a[0])
		word, data := w(in.B), w(in.B+8)
		dyn := dynType(vm, word, a[1] == 1)
		if dyn == 0 {
			set(in.A, 0)
			set(in.A+8, 0)
			break
		}
		if len(t.IMethods) == 0 {
			set(in.A, uint64(dyn))
		} else {
			tab, _ := getitab(mp, t, typeAt(vm, dyn))
			set(in.A, uint64(tab))
		}
		set(in.A+8, data)
	case bytecode.RtMapLookup:
		return mapLookup(mp, gp, in, aux[in.C:])
	case bytecode.RtMapUpdate:
		return mapUpdate(mp, gp, in, aux[in.C:])
	case bytecode.RtMapDelete:
		return mapDelete(mp, gp, in)
	case bytecode.RtMapClear:
		mapClear(mp, typ(in.C), uintptr(w(in.A)))
	case bytecode.RtMapLen:
		set(in.A, uint64(mapLen(vm, uintptr(w(in.B)))))
	case bytecode.RtMapRange:
		set(in.A, uint64(mapRange(mp, typ(in.C), uintptr(w(in.B)))))
	case bytecode.RtMapNext:
		mapNext(mp, gp, in, aux[in.C:])
	case bytecode.RtStrRange:
		// The iterator is the string and the next byte index.
		it := mallocgc(mp, 24, strIterType)
		writePointer(vm, it, uintptr(w(in.B)))
		vm.mem.Store64(it+8, w(in.B+8))
		set(in.A, uint64(it))
	case bytecode.RtStrNext:
		strNext(vm, fpp, in)
	case bytecode.RtSend:
		return chansend(mp, gp, hchan{vm.mem, uintptr(w(in.A))}, fp+uintptr(in.B), typ(in.C).Elem.Size)
	case bytecode.RtRecv:
		a := aux[in.C:]
		return chanrecvOp(mp, gp, in.A, hchan{vm.mem, uintptr(w(in.B))}, typ(a[0]), a[1] == 1, a[2])
	case bytecode.RtClose:
		return closechan(mp, gp, hchan{vm.mem, uintptr(w(in.A))})
	case bytecode.RtChanLen:
		set(in.A, uint64(chanlen(hchan{vm.mem, uintptr(w(in.B))})))
	case bytecode.RtChanCap:
		set(in.A, uint64(chancap(hchan{vm.mem, uintptr(w(in.B))})))
	case bytecode.RtSelect:
		return selectgo(mp, gp, in, aux[in.C:])
	case bytecode.RtGo:
		return goStmt(mp, gp, in, aux[in.C:])
	case bytecode.RtDefer:
		return deferStmt(mp, gp, in, aux[in.C:])
	case bytecode.RtRunDefers:
		st, _ := deferreturn(mp, gp)
		return st
	case bytecode.RtDeferStack:
		set(in.A, frameID(gp, fp))
	case bytecode.RtPanic:
		v := [2]uint64{w(in.A), w(in.A + 8)}
		if v[0] == 0 {
			return panicNil(mp, gp)
		}
		return gopanic(mp, gp, v)
	case bytecode.RtRecover:
		v := gorecover(vm, gp)
		set(in.A, v[0])
		set(in.A+8, v[1])
	case bytecode.RtAppend:
		return appendOp(mp, gp, in, aux[in.C:])
	case bytecode.RtCopy:
		a := aux[in.C:]
		n := slicecopy(vm, uintptr(w(in.B)), int(w(in.B+8)), uintptr(w(a[0])), int(w(a[0]+8)), typ(a[1]).Size)
		if in.A != 0 {
			set(in.A, uint64(n))
		}
	case bytecode.RtClearSlice:
		p, n := uintptr(w(in.A)), uintptr(w(in.A+8))
		typedmemclr(vm, p, n*typ(in.C).Size)
	case bytecode.RtPrint:
		printOp(vm, fpp, aux[in.C:])
	case bytecode.RtComplex:
		complexOp(fpp, in, aux[in.C:])
	case bytecode.RtMinMax:
		minmaxOp(vm, fpp, in, aux[in.C:])
	case bytecode.RtUnsafeSlice:
		// As unsafeslice: a length that is negative as an int (an
		// unsigned one above MaxInt too), or whose bytes would run past
		// the end of the address space from p, is out of range.
		a := aux[in.C:]
		p, n := w(in.B), w(a[0])
		if int64(n) < 0 {
			return panicErrorString(mp, gp, "unsafe.Slice: len out of range")
		}
		if p == 0 && n > 0 {
			return panicErrorString(mp, gp, "unsafe.Slice: ptr is nil and len is not zero")
		}
		if hi, mem := bits.Mul64(uint64(vm.prog.Types[a[1]].Size), n); hi != 0 || mem > -p {
			return panicErrorString(mp, gp, "unsafe.Slice: len out of range")
		}
		setSlice(fpp, in.A, uintptr(p), int(n), int(n))
	case bytecode.RtUnsafeString:
		// As unsafestring, with unsafeslice's length rule.
		a := aux[in.C:]
		p, n := w(in.B), w(a[0])
		if int64(n) < 0 {
			return panicErrorString(mp, gp, "unsafe.String: len out of range")
		}
		if n > -p {
			if p == 0 {
				return panicErrorString(mp, gp, "unsafe.String: ptr is nil and len is not zero")
			}
			return panicErrorString(mp, gp, "unsafe.String: len out of range")
		}
		set(in.A, p)
		set(in.A+8, n)
	case bytecode.RtSliceToArrayPtr:
		n := w(in.B + 8)
		if n < uint64(in.C) {
			return panicBounds(mp, gp, int64(in.C), int(n), true, boundsConvert)
		}
		p := w(in.B)
		if in.C == 0 && p == 0 && n == 0 {
			set(in.A, 0)
		} else {
			set(in.A, p)
		}
	case bytecode.RtPanicRangeFunc:
		return panicRangeFunc(mp, gp, in.B, in.C)
	case bytecode.RtWrapNilChk:
		p := w(in.B)
		if p == 0 {
			a := aux[in.C:]
			return panicwrap(mp, gp, stringAt(vm, fpp, a[0]), stringAt(vm, fpp, a[1]))
		}
		set(in.A, p)
	default:
		throw("unknown runtime operation " + bytecode.RtName(in.K))
	}
	return stContinue
}

// stringAt reads the string header in a frame slot and returns its bytes
// as a string that aliases VM memory, so that no host allocation is sized
// by a length the program wrote. The caller uses it before the program
// runs again and never keeps it.
func stringAt(vm *vm, fpp unsafe.Pointer, off int32) string {
	p, n := *slot(fpp, off), *slot(fpp, off+8)
	if n == 0 {
		return ""
	}
	return unsafe.String(&vm.bytesAt(uintptr(p), uintptr(n))[0], int(n))
}

func setSlice(fpp unsafe.Pointer, off int32, p uintptr, n, c int) {
	*slot(fpp, off) = uint64(p)
	*slot(fpp, off+8) = uint64(n)
	*slot(fpp, off+16) = uint64(c)
}

// newString copies s into a new arena string.
func newString(mp *m, s string) [2]uint64 {
	if len(s) == 0 {
		return [2]uint64{}
	}
	p := mallocgc(mp, uintptr(len(s)), nil)
	mp.vm.mem.MustWriteString(p, s)
	return [2]uint64{uint64(p), uint64(len(s))}
}

func concatstrings(mp *m, a, b string) [2]uint64 {
	n := len(a) + len(b)
	if n == 0 {
		return [2]uint64{}
	}
	p := mallocgc(mp, uintptr(n), nil)
	dst := mp.vm.bytesAt(p, uintptr(n))
	copy(dst[copy(dst, a):], b)
	return [2]uint64{uint64(p), uint64(n)}
}

// runesToString converts the n runes at p to a new string, reading VM
// memory twice (to size the string, then to fill it) rather than through a
// host buffer sized by n.
func runesToString(mp *m, p, n uintptr) [2]uint64 {
	runes := mp.vm.bytesAt(p, byteSize(p, n, 4))
	size := 0
	for i := uintptr(0); i < n; i++ {
		size += utf8.RuneLen(runeAt(runes, i))
	}
	if size == 0 {
		return [2]uint64{}
	}
	s := mallocgc(mp, uintptr(size), nil)
	dst := mp.vm.bytesAt(s, uintptr(size))
	k := 0
	for i := uintptr(0); i < n; i++ {
		k += utf8.EncodeRune(dst[k:], runeAt(runes, i))
	}
	return [2]uint64{uint64(s), uint64(size)}
}

// runeAt is element i of a []rune's bytes; an invalid rune encodes as
// U+FFFD, as in Go.
func runeAt(b []byte, i uintptr) rune {
	r := rune(binary.LittleEndian.Uint32(b[4*i:]))
	if !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	return r
}

// panicwrap is a value method called through a nil pointer.
func panicwrap(mp *m, gp *g, typ, method string) int {
	// gc names the type with its package first, then without it:
	// "value method main.T.F called using nil *T pointer".
	name := typ
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	short := typ[strings.LastIndexByte(name, '.')+1:]
	return panicPlain(mp, gp, "value method "+typ+"."+method+" called using nil *"+short+" pointer")
}

// goStmt starts a goroutine: the callee and its argument block, built in
// the out area at fp+A, which newproc copies onto the new goroutine's
// stack.
func goStmt(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	callee, ctxt, ok, st := resolveCallee(mp, gp, a)
	if !ok {
		return st
	}
	newproc(mp, gp, callee, gp.fp+uintptr(in.A), uintptr(a[2]), ctxt)
	return stContinue
}

// resolveCallee turns a go or defer statement's callee description into a
// function and closure context.
func resolveCallee(mp *m, gp *g, a []int32) (*bytecode.Func, uintptr, bool, int) {
	fpp := mp.vm.mem.Frame(gp.fp)
	switch a[0] {
	case 0:
		return mp.vm.prog.Funcs[a[1]], 0, true, 0
	case 1:
		clo := *slot(fpp, a[1])
		code, ok := mp.vm.mem.Load64(uintptr(clo))
		if clo == 0 || !ok {
			return nil, 0, false, panicmem(mp, gp)
		}
		fn, ok := funcForCode(mp.vm, code)
		if !ok {
			panic(arena.Fault{Addr: uintptr(code)})
		}
		return fn, uintptr(clo), true, 0
	default:
		tab := *slot(fpp, a[1])
		if tab == 0 {
			return nil, 0, false, panicmem(mp, gp)
		}
		code := mp.vm.ld(uintptr(tab) + 24 + 8*uintptr(a[3]))
		fn, ok := funcForCode(mp.vm, code)
		if !ok {
			panic(arena.Fault{Addr: uintptr(code)})
		}
		return fn, 0, true, 0
	}
}

// deferStmt records a deferred call. A nil function value is recorded as
// is and panics when the call is made.
func deferStmt(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	vm := mp.vm
	frame, fn := frameID(gp, gp.fp), gp.fn
	if in.B >= 0 {
		// A range-over-func loop body defers onto the frame of the
		// function it was written in, which recovers into that function.
		frame = *slot(vm.mem.Frame(gp.fp), in.B)
		if fn = frameFunc(vm, gp, frame); fn == nil {
			panic(arena.Fault{Addr: uintptr(frame)})
		}
	}
	var code, ctxt uintptr
	if a[0] == 3 {
		// A deferred builtin: a native with its argument types as context.
		code, ctxt = mp.vm.prog.Funcs[a[1]].Text, uintptr(*slot(vm.mem.Frame(gp.fp), a[3]))
	} else if a[0] == 1 {
		clo := *slot(vm.mem.Frame(gp.fp), a[1])
		if clo != 0 {
			code, ctxt = uintptr(vm.ld(uintptr(clo))), uintptr(clo)
		}
	} else {
		callee, cx, ok, st := resolveCallee(mp, gp, a)
		if !ok {
			return st
		}
		code, ctxt = callee.Text, cx
	}
	deferproc(mp, gp, frame, fn, code, ctxt, gp.fp+uintptr(in.A), uintptr(a[2]))
	return stContinue
}
