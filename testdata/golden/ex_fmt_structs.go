package main

import (
	"errors"
	"fmt"
	"os"
	"time"
)

type Point struct {
	X, Y int
}

type Person struct {
	Name    string
	Age     int
	Email   *string
	Tags    []string
	Meta    map[string]int
	Loc     Point
	private bool
}

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Money struct {
	cents int64
}

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "Money{%d}", m.cents)
			return
		}
		fmt.Fprintf(f, "$%d.%02d", m.cents/100, m.cents%100)
	default:
		fmt.Fprintf(f, "%%!%c(Money)", verb)
	}
}

type Secret string

func (Secret) GoString() string { return "Secret(***)" }

type Inner struct{ A, B int }
type Outer struct {
	Inner
	P   *Inner
	Arr [2]bool
	F   func()
	Ch  chan int
	I   interface{}
	E   error
}

func main() {
	email := "a@b.c"
	p := Person{"Ann", 31, &email, []string{"x", "y"}, map[string]int{"k": 1}, Point{1, 2}, true}
	p.Email = nil
	fmt.Printf("%v\n", p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%v %+v %#v %T\n", Point{3, 4}, Point{3, 4}, Point{3, 4}, Point{3, 4})
	fmt.Printf("%v %+v\n", &Point{5, 6}, &Point{5, 6})
	fmt.Printf("%v %d %s %x %q\n", Blue, Blue, Green, Red, Green)
	fmt.Printf("%#v %T\n", Green, Green)
	fmt.Printf("%v|%+v|%s|%d\n", Money{12345}, Money{12345}, Money{5}, Money{1})
	fmt.Printf("%v %#v\n", Secret("pw"), Secret("pw"))
	o := Outer{Inner: Inner{1, 2}, Arr: [2]bool{true, false}, I: 42, E: errors.New("bad")}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", Inner{})
	fmt.Printf("%#v %#v %#v\n", []int(nil), []int{}, map[string]bool{"t": true})
	fmt.Printf("%#v %#v %#v %#v\n", "q\"s", 'x', 3.0, uint8(7))
	fmt.Printf("%#v\n", struct {
		A int
		B string
	}{1, "z"})
	fmt.Printf("%#v %#v\n", [3]string{"a"}, &[]int{1})
	fmt.Printf("%#v\n", interface{}(nil))
	var np *Point
	fmt.Printf("%v %+v\n", np, np)
	fmt.Printf("[%5d] [%-5d] [%05d] [%+d] [%x] [%X] [%o] [%O] [%b] [%#x] [%#o]\n", 42, 42, 42, 42, 255, 255, 8, 8, 5, 255, 8)
	fmt.Printf("[%8.3f] [%-8.2f] [%e] [%E] [%g] [%G] [%.0f] [%+.1f]\n", 3.14159, 2.5, 123456.789, 0.000123, 1e21, 1e-7, 2.5, -0.05)
	fmt.Printf("[%s] [%10s] [%-10s] [%.2s] [%q] [%x] [% x] [%X]\n", "go", "go", "go", "golang", "tab\t", "hi", "hi", "hi")
	fmt.Printf("[%c] [%U] [%#U] [%q] [%d]\n", 'G', 'G', '世', '世', '世')
	fmt.Printf("[%t] [%v] [%p]\n", true, false, nil)
	fmt.Printf("[%v] [%v] [%v] [%v]\n", []byte("ab"), [2]int{1, 2}, map[int]string{2: "b", 1: "a"}, struct{}{})
	fmt.Printf("[%s] [%x] [%q]\n", []byte("ab"), []byte("ab"), []string{"a", "b"})
	fmt.Printf("[%6.2v] [%v] [%v] [%v]\n", 3.14159, 1e6, 1e-5, 100000000.0)
	fmt.Printf("[%v] [%v] [%.3v]\n", complex(1, -2), float32(0.1), "abcdef")
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%v %v\n", time.Duration(1500)*time.Millisecond, 90*time.Second)
	fmt.Printf("%v\n", os.ErrNotExist)
	fmt.Printf("%08.3f|%x|%X|% d|%+q\n", -3.5, -255, "Hi", 5, "é")
	fmt.Printf("%v %v %v\n", int8(-128), uint64(18446744073709551615), -0.0)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Println(fmt.Sprintln("x", 1), fmt.Sprint())
	type pair struct {
		a *int
		b [2]*int
	}
	fmt.Printf("%v\n", pair{} == pair{a: nil})
	var iface fmt.Stringer = Blue
	fmt.Printf("%v %s %d\n", iface, iface, iface)
	fmt.Printf("%s\n", []fmt.Stringer{Red, Green})
	fmt.Printf("%v\n", [][]int{{1}, {2, 3}})
	fmt.Printf("%x %X\n", 3.5, []int{10, 11})
	fmt.Printf("%10.4v|%-10v|\n", "abcdefgh", true)
	s := fmt.Sprintf("%T %T %T %T %T %T", 1, "", nil, []interface{}{}, map[string][]int{}, func(int) error { return nil })
	fmt.Println(s)
	n, err := fmt.Sscanf("12 apples 3.5", "%d %s %f", new(int), new(string), new(float64))
	fmt.Println(n, err)
	var a, b int
	var w string
	fmt.Sscan("7 8 nine", &a, &b, &w)
	fmt.Println(a, b, w)
}
