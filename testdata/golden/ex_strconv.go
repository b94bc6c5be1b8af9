package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "0x1f", "1_000", "abc", "9223372036854775808", " 5", "+3", ""} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	for _, s := range []string{"0x1f", "0b101", "0o17", "017", "1_000", "-0x80"} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Printf("ParseInt(%q, 0) = %d, %v\n", s, n, err)
	}
	n8, err := strconv.ParseInt("200", 10, 8)
	fmt.Println(n8, err)
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("ff", 16, 8)
	fmt.Println(u, err)
	for _, s := range []string{"3.14", "1e10", "-0", "inf", "-Inf", "NaN", "0x1p-2", "1e400", "abc", ".5", "1_0.5"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Printf("ParseFloat(%q) = %v, %v\n", s, f, err)
	}
	f32, err := strconv.ParseFloat("3.4e39", 32)
	fmt.Println(f32, err)
	for _, s := range []string{"true", "T", "0", "yes", "FALSE"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err)
	}
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatUint(math.MaxUint64, 36))
	for _, f := range []float64{3.14159, 1e21, 1e-7, 100, 0.1 + 0.2, math.Inf(1), math.NaN(), -0.0, 123456789.0} {
		fmt.Println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'f', 2, 32))
	}
	fmt.Println(strconv.Quote("hello\n\"world\"\t☺\x00"), strconv.QuoteToASCII("☺ é"), strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('\n'))
	s, err := strconv.Unquote(`"a\tb\u00e9"`)
	fmt.Println(s, err)
	s, err = strconv.Unquote("`raw\\n`")
	fmt.Println(s, err)
	_, err = strconv.Unquote(`"unterminated`)
	fmt.Println(err)
	r, mb, tail, err := strconv.UnquoteChar(`\x41rest`, '"')
	fmt.Println(string(r), mb, tail, err)
	b := []byte("n=")
	b = strconv.AppendInt(b, 99, 10)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, 2.5, 'f', 1, 64)
	b = strconv.AppendQuote(b, "q")
	b = strconv.AppendBool(b, true)
	fmt.Println(string(b))
	fmt.Println(strconv.IsPrint('\u00ad'), strconv.IsPrint('a'), strconv.CanBackquote("a`b"), strconv.IsGraphic(' '))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.SmallestNonzeroFloat64, math.MaxFloat32)
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Round(-2.5), math.Trunc(-2.7), math.RoundToEven(2.5), math.Mod(7, -3), math.Remainder(7, 3))
	fmt.Println(math.Sqrt(2), math.Cbrt(27), math.Pow(2, 0.5), math.Hypot(3, 4), math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Exp(1))
	fmt.Println(math.Sin(math.Pi/6), math.Cos(0), math.Atan2(1, 1), math.Abs(-3), math.Max(3, math.NaN()), math.Min(-0.0, 0), math.Signbit(-0.0))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.Float64bits(1.0), math.Float32frombits(0x40490fdb))
	frac, exp := math.Frexp(8)
	ip, fp := math.Modf(3.75)
	fmt.Println(frac, exp, ip, fp, math.Ldexp(0.5, 4))
	x0 := "x"
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	fmt.Println(i8, u8, int32(math.MaxInt32)+int32(len(x0)), uint16(70000+len(x0)), int(-7)/2, -7%3, 7>>1, -7>>1, 1<<62)
	x := 0.1
	fmt.Println(x+0.2, float32(x)+0.2, 1/3.0, float32(1)/3, 2e-308*1e-10)
	var f float64 = 1e300
	fmt.Println(f*f, -f*f, int64(float64(1<<53)+1))
}
