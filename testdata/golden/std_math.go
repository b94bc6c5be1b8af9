package main

import (
	"math"
	"math/bits"
	"strconv"
)

func p(name string, f float64) { println(name, strconv.FormatFloat(f, 'g', -1, 64)) }

func main() {
	for _, x := range []float64{0, 0.5, 1, 2, 10, 100.25, -3.75, 1e-10, 1e300} {
		p("sqrt", math.Sqrt(x))
		p("exp", math.Exp(x/10))
		p("log", math.Log(x))
		p("floor", math.Floor(x))
		p("ceil", math.Ceil(x))
		p("trunc", math.Trunc(x))
		p("sin", math.Sin(x))
		p("cos", math.Cos(x))
		p("atan2", math.Atan2(x, 3))
		p("pow", math.Pow(x, 1.5))
		p("hypot", math.Hypot(x, 4))
		p("cbrt", math.Cbrt(x))
		p("log2", math.Log2(x))
		p("log10", math.Log10(x))
		p("tanh", math.Tanh(x))
		p("max", math.Max(x, 1))
		p("min", math.Min(x, 1))
		p("mod", math.Mod(x, 3))
		p("round", math.Round(x))
	}
	p("nan", math.NaN())
	p("inf", math.Inf(-1))
	println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(1), 1), math.Signbit(math.Copysign(0, -1)), math.MaxInt64, math.MinInt64)
	fr, e := math.Frexp(12.5)
	p("frexp", fr)
	println(e, math.Float64bits(1.0), math.Float32bits(1.5))
	println(bits.OnesCount64(0xff00ff), bits.LeadingZeros32(1), bits.TrailingZeros(8), bits.Reverse8(1), bits.Len(255))
	hi, lo := bits.Mul64(1<<63, 6)
	println(hi, lo)
	q, r := bits.Div64(1, 0, 7)
	println(q, r, bits.RotateLeft32(1, -1))
}
