// Package variables initialised by constant composite literals are static
// data under gc (cmd/compile's staticinit); the rest is init code, run in
// go/types' initialisation order. This program checks what a program can
// see of that split: aliasing through pointers and slices into the data,
// interface boxes, []byte of a constant, func values, zero-sized values,
// variables copied from others before and after a call that may change
// them, and a variable read early through a method that initialisation
// order does not track.
package main

import "unsafe"

type Pt struct{ X, Y int }

type Node struct {
	Val  int
	Kids []*Node
}

type Config struct {
	Name   string
	Limits [2]int8
	Ratio  float32
	Z      complex128
	On     bool
	Next   *Config
}

type myErr struct{ msg string }

func (e myErr) Error() string { return e.msg }

// Pointers and slices into a static array.
var arr = [4]int{1, 2, 3, 4}
var p = &arr[2]
var s = arr[1:3]
var s0 = arr[2:2:2]
var pa = &arr
var ppa = &pa
var up = unsafe.Pointer(&arr[1])

// Interface boxes.
var e any = 42
var e2 any = Pt{1, 2}
var err error = myErr{"boom"}
var pe any = &Pt{3, 4}
var es = []any{1, "two", 3.5, Pt{5, 6}, nil, int8(-7)}
var zi any = struct{}{}

// []byte of a constant: fresh, writable, one array per variable.
var bs = []byte("hello")
var bs2 = []byte("hello")

// Func values.
func one() int { return 1 }
func two() int { return 2 }

var fs = []func() int{one, two, func() int { return 3 }}
var fp = one

// Zero-sized values.
var z = struct{}{}
var zs = []struct{}{{}, {}, {}}
var za [0]int

// Nested literals and pointers to literals.
var tree = &Node{Val: 1, Kids: []*Node{{Val: 2}, {Val: 3, Kids: []*Node{{Val: 4}}}}}
var cfg = Config{Name: "main", Limits: [2]int8{-3, 100}, Ratio: 0.25, Z: 1 + 2i, On: true, Next: &Config{Name: "next"}}
var sparse = [100]int16{5: -1, 99: 2}
var names = [...]string{"zero", "one", "two"}
var name1 = names[1]
var grid = [2][3]int{{1, 2, 3}, {4, 5, 6}}
var row = grid[1]
var cell = &grid[1][2]

// Copies of variables, before and after a call that changes one.
var orig = [3]int{1, 2, 3}
var copy1 = orig
var _ = mutate()
var copy2 = orig

func mutate() int {
	orig[0] = 100
	return 0
}

// Code in between: a map, a call, a mix of static and dynamic elements.
var m = map[string]*Pt{"a": {7, 8}}
var mcopy = m
var mixed = []int{1, f(), 3}
var afterMap = tree

func f() int { return len(s) * 10 }

var x, y = 1, 2
var q, r = pair()

func pair() (int, string) { return 5, "five" }

// A variable read early, through a method reached by an interface:
// initialisation order does not see the dependency.
type reader struct{}

func (reader) Read() int { return late[1] }

var rd interface{ Read() int } = reader{}
var early = rd.Read()
var late = [2]int{5, 6}

func init() {
	arr[0] = -1
}

func main() {
	*p = 30
	println("arr", arr[0], arr[1], arr[2], arr[3], s[1], len(s), cap(s), len(s0), cap(s0))
	println("s0 at &arr[0]", unsafe.SliceData(s0) == &arr[0], "pa", pa == &arr, (**ppa)[2], *(*int)(up))

	println("e", e.(int), e2.(Pt).Y, err.Error(), pe.(*Pt).X, zi == struct{}{})
	for _, v := range es {
		switch v := v.(type) {
		case int:
			print("int ", v, "; ")
		case string:
			print("string ", v, "; ")
		case float64:
			print("float ", v, "; ")
		case Pt:
			print("Pt ", v.X, v.Y, "; ")
		case int8:
			print("int8 ", v, "; ")
		case nil:
			print("nil; ")
		}
	}
	println()
	e2p := e2.(Pt)
	e2p.X = 99
	println("box unchanged", e2.(Pt).X, e2 == any(Pt{1, 2}))

	bs[0] = 'j'
	println("bytes", string(bs), string(bs2), len(bs), cap(bs))

	println("funcs", fs[0](), fs[1](), fs[2](), fp(), len(fs))

	println("zero", z == struct{}{}, len(zs), cap(zs), len(za))

	println("tree", tree.Val, len(tree.Kids), tree.Kids[0].Val, tree.Kids[1].Val, tree.Kids[1].Kids[0].Val, afterMap == tree)
	println("cfg", cfg.Name, cfg.Limits[0], cfg.Limits[1], cfg.Ratio, real(cfg.Z), imag(cfg.Z), cfg.On, cfg.Next.Name, cfg.Next.Next == nil)
	println("sparse", sparse[5], sparse[99], sparse[6], len(sparse))
	println("names", names[0], name1, len(names))
	*cell = 60
	println("grid", grid[1][2], row[2], row[0])

	println("copies", orig[0], copy1[0], copy2[0])
	println("map", m["a"].Y, mcopy["a"] == m["a"], len(mixed), mixed[1])
	println("multi", x, y, q, r)
	println("early", early, late[1])
}
