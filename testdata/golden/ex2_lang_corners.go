// Language corners that example programs touch: labeled break and
// continue, goto, switch with fallthrough and no condition, type switches
// with multiple types, iota patterns, shadowing, array value semantics,
// struct and array comparison, method values bound early, closures over
// loop state, multiple assignment order, and named results with defer.
package main

import (
	"fmt"
	"strings"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

type Size uint64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f = "e", iota
)

type counter struct{ n int }

func (c counter) Get() int { return c.n }
func (c *counter) Inc()    { c.n++ }

func divmod(x, y int) (q, r int, err error) {
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("recovered: %v", rec)
			q, r = -1, -1
		}
	}()
	q = x / y
	r = x % y
	return
}

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of " + fmt.Sprint(len(x))
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("slice ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			switch {
			case j == 2:
				continue outer
			case i == 3:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	n := 0
loop:
	if n < 3 {
		n++
		goto loop
	}
	fmt.Println("goto n =", n)
	for _, v := range []int{0, 1, 2, 5} {
		switch v {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("one-or-fell ")
		case 2, 3:
			fmt.Print("two-three ")
		default:
			fmt.Print("default ")
		}
	}
	fmt.Println()
	fmt.Println(Sunday, Monday, Tuesday, Thursday, KB, MB, GB, a, b, c, d, e, f)

	x := 1
	{
		x := 2
		x++
		_ = x
	}
	if x := 10; x > 5 {
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)

	arr := [3]int{1, 2, 3}
	cp := arr
	cp[0] = 99
	pa := &arr
	pa[1] = 42
	fmt.Println(arr, cp, arr == [3]int{1, 42, 3}, [2][2]int{{1, 2}, {3, 4}} == [2][2]int{{1, 2}, {3, 4}})
	type pt struct {
		X, Y int
		L    string
	}
	fmt.Println(pt{1, 2, "a"} == pt{1, 2, "a"}, pt{} == pt{L: ""}, any(pt{1, 1, ""}) == any(pt{1, 1, ""}))
	m := map[pt]int{{1, 2, "a"}: 1}
	m[pt{1, 2, "a"}]++
	fmt.Println(m)

	cn := counter{n: 5}
	get := cn.Get
	inc := cn.Inc
	inc()
	inc()
	fmt.Println(get(), cn.Get(), cn.n)

	i, j := 0, 1
	i, j = j, i
	s := []int{1, 2, 3}
	k := 0
	k, s[k] = 2, 9
	fmt.Println(i, j, s, k)

	fmt.Println(divmod(17, 5))
	fmt.Println(divmod(1, 0))
	for _, v := range []any{nil, 3, int64(4), "hey", fmt.Errorf("bad"), Monday, []int{1}, 2.5, struct{}{}} {
		fmt.Println(classify(v))
	}
	var sb strings.Builder
	for i := range 3 {
		defer func() { sb.WriteString(fmt.Sprint(i)) }()
	}
	fmt.Printf("%v %q\n", len(s[:0]), strings.Repeat("ab", 0))
	type Celsius float64
	type Fahrenheit float64
	ct := Celsius(100)
	ft := Fahrenheit(ct*9/5 + 32)
	fmt.Printf("%.1f %T %v\n", ft, ft, float64(ft) == 212)
	var iface any = 3
	switch iface {
	case 3.0:
		fmt.Println("float three")
	case 3:
		fmt.Println("int three")
	}
	fmt.Println(len("héllo"), len([]rune("héllo")), "héllo"[1], string("héllo"[1]), fmt.Sprint('a'), string(rune('a')))
	var nilSlice []int
	var nilMap map[string]bool
	fmt.Println(nilSlice == nil, len(nilSlice), nilMap["x"], len(nilMap), append(nilSlice, 1), fmt.Sprint(nilSlice), fmt.Sprintf("%#v %#v", nilSlice, []int{}))
}
