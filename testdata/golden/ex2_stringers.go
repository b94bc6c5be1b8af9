// fmt and String methods on nested values: Stringer inside slices, maps
// (sorted keys), structs and pointers; pointer-receiver Stringers that only
// apply to addressable values; error vs Stringer precedence; GoStringer;
// Formatter; %v of pointers to structs (&{...}) and nested pointers.
package main

import (
	"errors"
	"fmt"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "red"
	case Green:
		return "green"
	case Blue:
		return "blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Point struct{ X, Y int }

func (p *Point) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

type Pixel struct {
	Pos   Point
	PosP  *Point
	Color Color
	Tags  []string
	Meta  map[string]Color
}

type both struct{}

func (both) Error() string  { return "as error" }
func (both) String() string { return "as stringer" }

type gs struct{ n int }

func (g gs) GoString() string { return fmt.Sprintf("gs{%d}", g.n) }

type money int64

func (m money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		w, ok := f.Width()
		s := fmt.Sprintf("$%d.%02d", m/100, m%100)
		if ok {
			s = fmt.Sprintf("%*s", w, s)
		}
		if f.Flag('+') {
			s = "+" + s
		}
		fmt.Fprint(f, s)
	default:
		fmt.Fprintf(f, "%%!%c(money=%d)", verb, int64(m))
	}
}

type inner struct {
	A int
	B *inner
}

type panicky struct{}

func (*panicky) String() string { panic("boom") }

func main() {
	px := Pixel{Pos: Point{1, 2}, PosP: &Point{3, 4}, Color: Blue, Tags: []string{"a", "b"}, Meta: map[string]Color{"z": Red, "a": Green, "m": Color(7)}}
	fmt.Println(px)
	fmt.Printf("%v\n%+v\n", px, px)
	fmt.Println(&px.Pos, px.Pos, []Color{Red, Blue}, map[Color]int{Blue: 1, Red: 2})
	pp := &px
	fmt.Printf("%v\n", pp)
	fmt.Printf("%+v %v\n", &inner{A: 1}, []*inner{nil})
	var ip **inner
	x := &inner{A: 5}
	ip = &x
	fmt.Printf("%v %T\n", *ip, ip)
	fmt.Println(both{}, error(both{}), fmt.Stringer(both{}))
	fmt.Printf("%v %#v %#v %#v\n", gs{1}, gs{2}, Point{1, 2}, []any{1, "s", nil, Red})
	fmt.Printf("[%v] [%8v] [%+v] [%d] [%x]\n", money(12345), money(5), money(250), money(1), money(2))
	fmt.Println(fmt.Sprint(Red, Green), fmt.Sprint("a", 1, 2, "b", "c", 3.5, Blue))
	fmt.Printf("%s %d %q %x\n", Green, Green, Green, Green)
	wrapped := fmt.Errorf("load: %w", errors.New("disk"))
	fmt.Printf("%v | %s | %q\n", wrapped, wrapped, wrapped)
	fmt.Println(&panicky{})
	var np *Point
	fmt.Println(np)
	fmt.Printf("%v %s %d\n", nil, []byte("hi"), []byte("hi"))
	fmt.Printf("%!\n")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z %s\n", 3, 4)
}
