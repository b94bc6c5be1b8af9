package main

import (
	"errors"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-12", "9223372036854775807", "9223372036854775808", "0x1f", "abc", ""} {
		v, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			println(s, "error:", err.Error(), errors.Is(err, strconv.ErrRange), errors.Is(err, strconv.ErrSyntax))
			continue
		}
		println(s, v)
	}
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	println(u, err == nil)
	for _, f := range []float64{0, 1, -1.5, 3.141592653589793, 1e21, 1e-7, 123456789.125, 2.5e-300} {
		println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'f', 2, 64), strconv.FormatFloat(f, 'g', -1, 32))
	}
	for _, s := range []string{"1.5", "1e400", "-0", "inf", "NaN", "0x1p-2", "1_000.5", "x"} {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			println(s, "error:", err.Error())
			continue
		}
		println(s, strconv.FormatFloat(f, 'g', -1, 64))
	}
	println(strconv.Quote("tab\there \"quoted\" \x00 ☺ \u2028"), strconv.QuoteToASCII("☺ é"), strconv.QuoteRune('☺'))
	q, err := strconv.Unquote(`"a\nb\u00e9"`)
	println(q, err == nil)
	_, err = strconv.Unquote(`"bad`)
	println(err.Error())
	b, err := strconv.ParseBool("TRUE")
	println(b, err == nil, strconv.FormatBool(false))
	println(strconv.FormatInt(-1<<63, 2), strconv.FormatUint(1<<64-1, 36), strconv.Itoa(-0))
	println(string(strconv.AppendInt([]byte("n="), 42, 10)), string(strconv.AppendQuote(nil, "q")))
	println(strconv.IsPrint('\u00ad'), strconv.CanBackquote("a`b"), strconv.IntSize)
	_, err = strconv.Atoi("99999999999999999999")
	var ne *strconv.NumError
	println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrRange)
}
