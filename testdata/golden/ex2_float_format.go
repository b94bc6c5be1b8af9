// Float formatting and special values: %g %e %f %v with precisions and
// widths, NaN, ±Inf, negative zero, strconv round trips, and math
// functions on edge inputs.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	negZero := math.Copysign(0, -1)
	vals := []float64{0, negZero, 1, -1.5, 1e21, 1e20, 123456789, 0.000012345, 1.0 / 3, 2.0 / 3, 100, 1e-7, math.Pi, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, v := range vals {
		fmt.Printf("%v|%g|%e|%.3f|%8.2f|%-10.4g|%+.2e|%G|%x|%s|%s\n", v, v, v, v, v, v, v, v, v,
			strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(v, 'g', 5, 32))
	}
	var f32 float32 = 16777217
	fmt.Println(f32, float32(0.1), float64(float32(0.1)), float32(1)/3)
	fmt.Println(negZero, 1/negZero, negZero == 0, math.Signbit(negZero), math.IsNaN(math.NaN()), math.NaN() == math.NaN())
	fmt.Println(math.Sqrt(-1), math.Log(0), math.Log(-1), math.Pow(0, -1), math.Pow(-8, 1.0/3), math.Cbrt(-8))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5), math.RoundToEven(2.5), math.Round(0.49999999999999994))
	fmt.Println(math.Mod(7, -3), math.Mod(-7, 3), math.Remainder(7, 3), math.Hypot(3, 4), math.Atan2(-1, -1), math.Exp(710), math.Expm1(1e-10))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.Nextafter(1, 2)-1, math.Float64bits(1.0))
	frac, exp := math.Frexp(48)
	ip, fp := math.Modf(-3.75)
	fmt.Println(frac, exp, math.Ldexp(0.75, 6), ip, fp, math.Gamma(5), math.Erf(0.5))
	for _, s := range []string{"3.14", "1e400", "-0", "inf", "-Infinity", "nan", "0x1p-2", "1_000.5", "abc", ".5e1", "1e-400"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(s, f, err)
	}
	fmt.Println(strconv.FormatFloat(1234.5678, 'e', 2, 64), strconv.FormatFloat(1234.5678, 'E', -1, 64), strconv.FormatFloat(0.1, 'b', -1, 64), strconv.FormatFloat(255, 'x', 3, 64))
	fmt.Printf("%6.2f%%\n%08.3f\n% .2f\n%+d\n", 99.5, -3.14159, 2.0, 5)
	fmt.Printf("%v %v\n", complex(1, -2), complex(math.Inf(1), math.NaN()))
	fmt.Printf("%.2v %10.3v|\n", 3.14159, 2.71828)
}
