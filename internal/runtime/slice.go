package runtime

import (
	"unicode/utf8"
	"unsafe"

	"gort/internal/bytecode"
)

const maxAlloc = 1 << 47

// makeslice implements make([]T, len, cap).
func makeslice(mp *m, gp *g, dst int32, n, c uint64, et *bytecode.Type, lenSigned, capSigned bool) int {
	if (lenSigned && int64(n) < 0) || (et.Size > 0 && n > maxAlloc/uint64(et.Size)) {
		return panicErrorString(mp, gp, "makeslice: len out of range")
	}
	if (capSigned && int64(c) < 0) || c < n || (et.Size > 0 && c > maxAlloc/uint64(et.Size)) {
		return panicErrorString(mp, gp, "makeslice: cap out of range")
	}
	p := newarray(mp, et, uintptr(c))
	setSlice(mp.vm.mem.Frame(gp.fp), dst, p, int(n), int(c))
	return stContinue
}

// sliceOp implements x[lo:hi:max] for slices (mode 0), strings (1),
// pointers to arrays (2) and the array of a make with a constant capacity
// (3), with gc's checks in gc's order and gc's rule for
// cap 0: the pointer does not advance, so it never points past the object.
func sliceOp(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	fpp := mp.vm.mem.Frame(gp.fp)
	mode, loS, hiS, maxS, elemSize, arrLen, signed := a[0], a[1], a[2], a[3], uint64(a[4]), uint64(a[5]), a[6]
	var base, length, capacity uint64
	switch mode {
	case 0:
		base, length, capacity = *slot(fpp, in.B), *slot(fpp, in.B+8), *slot(fpp, in.B+16)
	case 1:
		base, length = *slot(fpp, in.B), *slot(fpp, in.B+8)
		capacity = length
	case 2, 3:
		base = *slot(fpp, in.B)
		if base == 0 {
			return panicmem(mp, gp)
		}
		length, capacity = arrLen, arrLen
	}
	if mode == 3 {
		// make([]T, n, m) with a constant m, which go/ssa builds as
		// new([m]T)[:n]: gc's makeslice checks and words.
		n := *slot(fpp, hiS)
		if signed&2 != 0 && int64(n) < 0 {
			return panicErrorString(mp, gp, "makeslice: len out of range")
		}
		if n > arrLen {
			return panicErrorString(mp, gp, "makeslice: cap out of range")
		}
	}
	lo, hi, mx := uint64(0), length, capacity
	if loS >= 0 {
		lo = *slot(fpp, loS)
	}
	if hiS >= 0 {
		hi = *slot(fpp, hiS)
	}
	if maxS >= 0 {
		mx = *slot(fpp, maxS)
	}
	sLo, sHi, sMax := signed&1 != 0, signed&2 != 0, signed&4 != 0
	if maxS >= 0 {
		if mx > capacity {
			// gc reports a string's or an array's bound as its length.
			code := uint8(boundsSlice3Acap)
			if mode != 0 {
				code = boundsSlice3Alen
			}
			return panicBounds(mp, gp, int64(mx), int(capacity), sMax, code)
		}
		if hi > mx {
			return panicBounds(mp, gp, int64(hi), int(mx), sHi, boundsSlice3B)
		}
		if lo > hi {
			return panicBounds(mp, gp, int64(lo), int(hi), sLo, boundsSlice3C)
		}
	} else {
		bound, code := capacity, uint8(boundsSliceAcap)
		if mode != 0 {
			bound, code = length, boundsSliceAlen
		}
		if hiS >= 0 && hi > bound {
			return panicBounds(mp, gp, int64(hi), int(bound), sHi, code)
		}
		if lo > hi {
			return panicBounds(mp, gp, int64(lo), int(hi), sLo, boundsSliceB)
		}
	}
	newCap := mx - lo
	p := base
	if (mode != 1 && newCap > 0) || (mode == 1 && hi-lo > 0) {
		p = base + lo*elemSize
	}
	*slot(fpp, in.A) = p
	*slot(fpp, in.A+8) = hi - lo
	if mode != 1 {
		*slot(fpp, in.A+16) = newCap
	}
	return stContinue
}

// appendOp implements append(s, t...) where t is a slice or, for []byte,
// a string.
func appendOp(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	fpp := mp.vm.mem.Frame(gp.fp)
	et := mp.vm.prog.Types[a[1]]
	p, n, c := uintptr(*slot(fpp, in.B)), uintptr(*slot(fpp, in.B+8)), uintptr(*slot(fpp, in.B+16))
	src, m2 := uintptr(*slot(fpp, a[0])), uintptr(*slot(fpp, a[0]+8))
	if m2 == 0 {
		setSlice(fpp, in.A, p, int(n), int(c))
		return stContinue
	}
	total := n + m2
	if int(total) < 0 {
		return panicErrorString(mp, gp, "growslice: len out of range")
	}
	// Both slices are read before the new array is allocated, as gc's
	// copies read them: lengths the program forged fault here rather than
	// after an allocation they sized has put the memory they name in use.
	mp.vm.bytesAt(src, byteSize(src, m2, et.Size))
	if total > c {
		mp.vm.bytesAt(p, byteSize(p, n, et.Size))
		p, c = growslice(mp, p, n, c, total, et)
	}
	typedmemmove(mp.vm, p+n*et.Size, src, m2*et.Size)
	setSlice(fpp, in.A, p, int(total), int(c))
	return stContinue
}

// growslice allocates a larger backing array, with the growth policy of
// the real runtime: double small slices, grow large ones by 1.25x plus a
// constant, then round up to the size class.
func growslice(mp *m, old, n, oldCap, need uintptr, et *bytecode.Type) (uintptr, uintptr) {
	newcap := nextslicecap(need, oldCap)
	size := et.Size
	if size == 0 {
		return mp.vm.zerobase, need
	}
	newcap = roundupsize(newcap*size, !et.HasPtrs) / size
	p := mallocgc(mp, newcap*size, et)
	typedmemmove(mp.vm, p, old, byteSize(old, n, size))
	return p, newcap
}

func nextslicecap(newLen, oldCap uintptr) uintptr {
	newcap := oldCap
	doublecap := newcap + newcap
	if newLen > doublecap {
		return newLen
	}
	const threshold = 256
	if oldCap < threshold {
		return doublecap
	}
	for {
		newcap += (newcap + 3*threshold) >> 2
		if newcap >= newLen {
			break
		}
	}
	if int(newcap) <= 0 {
		return newLen // the growth overflowed int
	}
	return newcap
}

// slicecopy copies min(n, m) elements and returns the count.
func slicecopy(vm *vm, dst uintptr, n int, src uintptr, m int, size uintptr) int {
	k := min(n, m)
	if k > 0 {
		typedmemmove(vm, dst, src, byteSize(src, uintptr(k), size))
	}
	return k
}

// strNext advances a string range iterator: the result tuple is
// (ok bool, index int, rune int32).
func strNext(vm *vm, fpp unsafe.Pointer, in *bytecode.Instr) {
	it := uintptr(*slot(fpp, in.B))
	p, n, i := vm.ld(it), vm.ld(it+8), vm.ld(it+16)
	if i >= n {
		*slot(fpp, in.A) = 0
		return
	}
	b := vm.bytesAt(uintptr(p)+uintptr(i), uintptr(min(n-i, 4)))
	r, size := utf8.DecodeRune(b)
	*slot(fpp, in.A) = 1
	*slot(fpp, in.A+8) = i
	*slot(fpp, in.A+16) = uint64(int64(r))
	vm.st(it+16, i+uint64(size))
}
