package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

type NamedShape interface {
	Shape
	Named
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct {
	Rect
	label string
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Name() string       { return "rect" }
func (c *Circle) Area() float64   { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 {
	return 2 * math.Pi * c.R
}
func (c *Circle) Name() string { return "circle" }
func (s Square) Name() string  { return "square:" + s.label }

type Animal interface{ Sound() string }
type Dog struct{}
type Cat struct{ name string }

func (Dog) Sound() string    { return "woof" }
func (c Cat) Sound() string  { return c.name + " says meow" }
func (c Cat) String() string { return "Cat(" + c.name + ")" }

type Logger struct {
	prefix string
	w      io.Writer
}

func (l *Logger) Log(format string, args ...any) {
	fmt.Fprintf(l.w, l.prefix+format+"\n", args...)
}

type Service struct {
	*Logger
	Name string
}

type byArea []Shape

func (a byArea) Len() int           { return len(a) }
func (a byArea) Less(i, j int) bool { return a[i].Area() < a[j].Area() }
func (a byArea) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	case []int:
		return fmt.Sprint("slice of ", len(v))
	case func() int:
		return fmt.Sprint("func returning ", v())
	default:
		return fmt.Sprintf("other %T", v)
	}
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Square{Rect{2, 2}, "s1"}, Rect{1, 1}}
	sort.Sort(byArea(shapes))
	for _, s := range shapes {
		n := "?"
		if nm, ok := s.(Named); ok {
			n = nm.Name()
		}
		fmt.Printf("%-10s area=%6.2f perim=%6.2f\n", n, s.Area(), s.Perimeter())
	}
	var ns NamedShape = Square{Rect{5, 5}, "big"}
	fmt.Println(ns.Name(), ns.Area())
	animals := []Animal{Dog{}, Cat{"Tom"}}
	for _, a := range animals {
		fmt.Println(a.Sound(), a)
	}
	svc := Service{&Logger{"[svc] ", os.Stdout}, "api"}
	svc.Log("starting %s on %d", svc.Name, 8080)
	var w io.Writer = upperWriter{os.Stdout}
	fmt.Fprintln(w, "shout this")
	fmt.Println(describe(nil), describe(42), describe(int64(7)), describe("hi"))
	fmt.Println(describe(Temp(21.5)), describe(io.EOF), describe([]int{1, 2}), describe(func() int { return 9 }), describe(3.5))
	var sh Shape
	fmt.Println(sh == nil)
	var cp *Circle
	sh = cp
	fmt.Println(sh == nil, sh != nil)
	var e1, e2 interface{} = 3, 3
	fmt.Println(e1 == e2, e1 == interface{}(int64(3)))
	type key struct{ a, b int }
	m := map[interface{}]string{1: "int", "1": "string", key{1, 2}: "struct", 1.0: "float"}
	fmt.Println(m[1], m["1"], m[key{1, 2}], m[1.0], len(m))
	_, isStringer := interface{}(Cat{}).(fmt.Stringer)
	_, isStringer2 := interface{}(Dog{}).(fmt.Stringer)
	fmt.Println(isStringer, isStringer2)
	fmt.Printf("%v %s %d\n", Temp(3), Temp(4), 5)
}
