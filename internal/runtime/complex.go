package runtime

import (
	"math"
	"unsafe"

	"gort/internal/bytecode"
)

func f32(v uint64) float32 { return math.Float32frombits(uint32(v)) }
func f64(v uint64) float64 { return math.Float64frombits(v) }

func loadComplex(fpp unsafe.Pointer, off int32, width int32) complex128 {
	if width == 8 {
		v := *slot(fpp, off)
		return complex(float64(f32(v)), float64(f32(v>>32)))
	}
	return complex(f64(*slot(fpp, off)), f64(*slot(fpp, off+8)))
}

func storeComplex(fpp unsafe.Pointer, off int32, width int32, c complex128) {
	if width == 8 {
		c64 := complex64(c)
		*slot(fpp, off) = uint64(math.Float32bits(real(c64))) | uint64(math.Float32bits(imag(c64)))<<32
		return
	}
	*slot(fpp, off) = math.Float64bits(real(c))
	*slot(fpp, off+8) = math.Float64bits(imag(c))
}

// complexOp: fA = op(fB, Aux[0]); Aux: y slot, subop, width (8 or 16),
// and for conversions the target width.
func complexOp(fpp unsafe.Pointer, in *bytecode.Instr, a []int32) {
	y, sub, width := a[0], a[1], a[2]
	switch sub {
	case 8: // complex(re, im)
		if width == 8 {
			re, im := f32(*slot(fpp, in.B)), f32(*slot(fpp, y))
			*slot(fpp, in.A) = uint64(math.Float32bits(re)) | uint64(math.Float32bits(im))<<32
		} else {
			*slot(fpp, in.A), *slot(fpp, in.A+8) = *slot(fpp, in.B), *slot(fpp, y)
		}
		return
	case 9, 10: // real, imag
		c := loadComplex(fpp, in.B, width)
		v := real(c)
		if sub == 10 {
			v = imag(c)
		}
		if width == 8 {
			*slot(fpp, in.A) = uint64(math.Float32bits(float32(v)))
		} else {
			*slot(fpp, in.A) = math.Float64bits(v)
		}
		return
	case 7: // conversion
		storeComplex(fpp, in.A, a[3], loadComplex(fpp, in.B, width))
		return
	}
	x := loadComplex(fpp, in.B, width)
	if width == 8 {
		// complex64 arithmetic rounds to float32 precision.
		xv, yv := complex64(x), complex64(loadComplex(fpp, y, width))
		var r complex64
		switch sub {
		case 0:
			r = xv + yv
		case 1:
			r = xv - yv
		case 2:
			r = xv * yv
		case 3:
			r = xv / yv
		case 4:
			*slot(fpp, in.A) = b2u(xv == yv)
			return
		case 5:
			*slot(fpp, in.A) = b2u(xv != yv)
			return
		case 6:
			r = -xv
		}
		storeComplex(fpp, in.A, 8, complex128(r))
		return
	}
	yv := loadComplex(fpp, y, width)
	var r complex128
	switch sub {
	case 0:
		r = x + yv
	case 1:
		r = x - yv
	case 2:
		r = x * yv
	case 3:
		r = x / yv
	case 4:
		*slot(fpp, in.A) = b2u(x == yv)
		return
	case 5:
		*slot(fpp, in.A) = b2u(x != yv)
		return
	case 6:
		r = -x
	}
	storeComplex(fpp, in.A, 16, r)
}

// minmaxOp: Aux is max flag, type, n, then n slots.
func minmaxOp(vm *vm, fpp unsafe.Pointer, in *bytecode.Instr, a []int32) {
	isMax, t, n := a[0] == 1, vm.prog.Types[a[1]], int(a[2])
	slots := a[3 : 3+n]
	switch t.Kind {
	case bytecode.String:
		best := slots[0]
		for _, s := range slots[1:] {
			x, y := stringAt(vm, fpp, s), stringAt(vm, fpp, best)
			if (isMax && x > y) || (!isMax && x < y) {
				best = s
			}
		}
		*slot(fpp, in.A), *slot(fpp, in.A+8) = *slot(fpp, best), *slot(fpp, best+8)
	case bytecode.Float32, bytecode.Float64:
		get := func(s int32) float64 {
			if t.Kind == bytecode.Float32 {
				return float64(f32(*slot(fpp, s)))
			}
			return f64(*slot(fpp, s))
		}
		r := get(slots[0])
		for _, s := range slots[1:] {
			if isMax {
				r = max(r, get(s))
			} else {
				r = min(r, get(s))
			}
		}
		if t.Kind == bytecode.Float32 {
			*slot(fpp, in.A) = uint64(math.Float32bits(float32(r)))
		} else {
			*slot(fpp, in.A) = math.Float64bits(r)
		}
	default:
		signed := t.Kind >= bytecode.Int && t.Kind <= bytecode.Int64
		r := *slot(fpp, slots[0])
		for _, s := range slots[1:] {
			v := *slot(fpp, s)
			var less bool
			if signed {
				less = int64(v) < int64(r)
			} else {
				less = v < r
			}
			if less != isMax && v != r {
				r = v
			}
		}
		*slot(fpp, in.A) = r
	}
}
