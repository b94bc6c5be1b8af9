package main

import (
	"fmt"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

type Celsius float64
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

func divmod(a, b int) (q, r int) {
	defer func() { q *= 1 }()
	q = a / b
	r = a % b
	return
}

func counter() (func() int, func()) {
	c := 0
	return func() int { c++; return c }, func() { c = 0 }
}

func variadic(prefix string, nums ...int) string {
	return fmt.Sprint(prefix, len(nums), nums == nil, nums)
}

func main() {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i := range 3 {
		defer func() { fmt.Print("d", i, " ") }()
	}
	inc, reset := counter()
	inc()
	inc()
	fmt.Println(inc())
	reset()
	fmt.Println(inc())

outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	i := 0
loop:
	if i < 3 {
		fmt.Print("goto", i, " ")
		i++
		goto loop
	}
	fmt.Println()
	for _, n := range []int{0, 1, 2, 3, 5} {
		switch {
		case n == 0:
			fmt.Print("zero ")
			fallthrough
		case n == 1:
			fmt.Print("le-one ")
		case n%2 == 0, n == 3:
			fmt.Print("even-or-three ")
		default:
			fmt.Print("other ")
		}
	}
	fmt.Println()
	switch x := 5; x {
	case 1, 2, 3:
		fmt.Println("small")
	case 4, 5:
		fmt.Println("medium")
	}

	p := Point{1, 2}
	add := p.Add
	scale := (*Point).Scale
	addExpr := Point.Add
	p = Point{10, 20}
	fmt.Println(add(Point{1, 1}), addExpr(p, Point{1, 1}))
	scale(&p, 3)
	fmt.Println(p)
	pp := &p
	pp.Scale(2)
	fmt.Println(*pp, pp.Add(Point{}))

	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b, a == [3]int{1, 2, 3}, a != b)
	grid := [2][3]string{}
	grid[1][2] = "x"
	fmt.Printf("%q\n", grid)
	s := []int{1, 2, 3, 4, 5}
	t := s[1:3]
	t = append(t, 99)
	fmt.Println(s, t, len(t), cap(t))
	u := s[1:3:3]
	u = append(u, 77)
	fmt.Println(s, u, cap(u))
	copy(s[1:], s)
	fmt.Println(s)
	var nilSlice []int
	fmt.Println(nilSlice == nil, len(nilSlice), append(nilSlice, 1), variadic("v"), variadic("v", 1, 2), variadic("v", []int{}...))
	m := map[Point][]string{}
	m[Point{1, 1}] = append(m[Point{1, 1}], "a")
	m[Point{1, 1}] = append(m[Point{1, 1}], "b")
	fmt.Println(m, len(m[Point{2, 2}]))
	type key struct {
		name string
		id   [2]int
	}
	km := map[key]int{{"a", [2]int{1, 2}}: 5}
	km[key{"a", [2]int{1, 2}}]++
	v, ok := km[key{"b", [2]int{}}]
	fmt.Println(km, v, ok)
	counts := map[string]int{}
	for _, w := range strings.Fields("a b a c b a") {
		counts[w]++
	}
	delete(counts, "c")
	delete(counts, "zzz")
	fmt.Println(counts, len(counts))
	clear(counts)
	fmt.Println(counts)

	fmt.Println(Monday, Thursday, KB, MB, GB, FlagA|FlagC, FlagB&^FlagB, ^FlagA)
	var c Celsius = 36.6
	fmt.Printf("%.1f %T\n", c, c)
	q, r := divmod(17, 5)
	fmt.Println(q, r, -17/5, -17%5, 17/-5, 17%-5)
	var i8 int8 = -128
	u200, i16 := uint8(200), int16(-32768)
	fmt.Println(-i8, i8/-1, u200+100, i16-1)
	var sh uint = 70
	one64, one32 := int64(1), uint32(1)
	fmt.Println(1<<sh, one64<<63, one32<<31<<1, -8>>1, uint8(255)>>9)
	f := 3.99
	fmt.Println(int(f), int(-f), int64(1e18), uint8(int(f)), float32(1)/3)
	cplx := complex(3, 4)
	fmt.Println(cplx*cplx, real(cplx), imag(cplx), cplx == 3+4i, 1i*1i)
	var iface interface{} = Point{1, 2}
	fmt.Println(iface == Point{1, 2}, iface == interface{}(Point{2, 1}))
	str := "héllo"
	for i := 0; i < len(str); i++ {
		fmt.Printf("%02x ", str[i])
	}
	fmt.Println(str[1:3] == "é", string(str[1]), []byte(str[:2]))
	type Node struct {
		Val  int
		Next *Node
	}
	var head *Node
	for i := 3; i > 0; i-- {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, "->")
	}
	fmt.Println("nil")
	x, y := 1, 2
	x, y = y, x+y
	fmt.Println(x, y)
	arr := []int{0, 1, 2}
	idx := 0
	idx, arr[idx] = 2, 9
	fmt.Println(idx, arr)
	fmt.Println(len("日本"), len([]rune("日本")), cap(make([]int, 2, 10)), len(make(map[int]int, 100)))
	var anyv any = nil
	_, isInt := anyv.(int)
	fmt.Println(isInt)
	fn := func(xs ...string) int { return len(xs) }
	fmt.Println(fn(), fn("a"), fn(strings.Split("a,b,c", ",")...))
	type Temp = float64
	var tt Temp = 1.5
	fmt.Printf("%T\n", tt)
	lbl := 0
	for {
		lbl++
		if lbl > 3 {
			break
		}
	}
	fmt.Println(lbl)
}
