package main

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type E struct{ s string }

func (e *E) Error() string { return e.s }

func main() {
	println(strconv.Itoa(12345), strconv.Quote("héllo\n"), strconv.FormatFloat(3.14159, 'g', -1, 64))
	n, err := strconv.Atoi("77x")
	println(n, err.Error())
	f, _ := strconv.ParseFloat("2.5e10", 64)
	println(f == 2.5e10, math.Sqrt(2), math.Floor(-1.5), math.Inf(1), math.Exp(1.5), math.Log(10))
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	println(xs[0], xs[3])
	ss := []string{"b", "a", "c"}
	slices.Sort(ss)
	println(strings.Join(ss, ","))
	println(utf8.RuneCountInString("héllo"), unicode.IsUpper('Q'), unicode.ToLower('Ä') == 'ä')
	e := errors.New("boom")
	w := errors.Join(e, errors.New("two"))
	println(errors.Is(w, e), w.Error())
	var target *E
	println(errors.As(&E{"x"}, &target), target.s)
	var b bytes.Buffer
	b.WriteString("abc")
	b.WriteByte('d')
	println(b.String(), bytes.Contains([]byte("xyz"), []byte("y")))
	println(strings.Fields(" a b  c ")[2], strings.Split("a,b,c", ",")[1], strings.TrimSpace("  x  "), strings.Title("hi"))
	r := strings.NewReplacer("a", "1", "b", "2")
	println(r.Replace("abc"))
	println(strconv.FormatInt(-255, 16), strconv.AppendBool(nil, true)[0])
}
