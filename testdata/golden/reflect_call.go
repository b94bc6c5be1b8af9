// reflect.Value.Call and CallSlice: functions of every argument kind,
// variadic calls, several results, methods by index and by name, interface
// methods, closures, natives and a callee that blocks, method values from
// reflect called and deferred, and panics through Call that the caller
// recovers.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) String() string    { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type mixed struct {
	B  bool
	I8 int8
	U  uint32
	F  float32
	S  string
}

type Recoverer struct{ name string }

func (r Recoverer) Value()    { fmt.Println(r.name, "recovered:", recover()) }
func (r *Recoverer) Pointer() { fmt.Println(r.name, "recovered:", recover()) }

func add(a, b int) int                  { return a + b }
func concat(a, b string) string         { return a + b }
func swap(a, b string) (string, string) { return b, a }
func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
func join(sep string, parts ...string) string { return strings.Join(parts, sep) }
func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		return 0, 0, errors.New("division by zero")
	}
	return a / b, a % b, nil
}
func mix(b bool, i8 int8, u16 uint16, f32 float32, f64 float64, c complex128, s string) string {
	return fmt.Sprint(b, i8, u16, f32, f64, c, s)
}
func echoMixed(m mixed) mixed { m.I8++; m.S += "!"; return m }
func double(xs []int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = 2 * x
	}
	return out
}
func keys(m map[string]int) int        { return len(m) }
func area(s Shape) float64             { return s.Area() }
func deref(p *Point) int               { return p.X * p.Y }
func arr(a [3]int16) [3]int16          { return [3]int16{a[2], a[1], a[0]} }
func apply(f func(int) int, x int) int { return f(x) }
func boom(msg string) int              { panic("boom: " + msg) }
func nothing()                         {}

func show(vs []reflect.Value) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%v", v.Interface())
	}
	return b.String()
}

func call(f any, args ...any) []reflect.Value {
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(a)
	}
	return reflect.ValueOf(f).Call(in)
}

func safeCall(f any, args ...any) (out []reflect.Value, err any) {
	defer func() { err = recover() }()
	return call(f, args...), nil
}

func main() {
	fmt.Println("add:", show(call(add, 2, 3)))
	fmt.Println("concat:", show(call(concat, "foo", "bar")))
	fmt.Println("swap:", show(call(swap, "left", "right")))
	fmt.Println("divmod:", show(call(divmod, 17, 5)))
	out := call(divmod, 1, 0)
	fmt.Println("divmod by 0:", out[2].Interface(), out[2].IsNil())
	fmt.Println("mix:", show(call(mix, true, int8(-7), uint16(65535), float32(1.5), 2.25, complex(1, -2), "s")))
	fmt.Println("struct:", show(call(echoMixed, mixed{true, 3, 7, 0.5, "hi"})))
	fmt.Println("slice:", show(call(double, []int{1, 2, 3})))
	fmt.Println("map:", show(call(keys, map[string]int{"a": 1, "b": 2})))
	fmt.Println("iface arg:", show(call(area, Rect{3, 4})))
	fmt.Println("pointer:", show(call(deref, &Point{6, 7})))
	fmt.Println("array:", show(call(arr, [3]int16{1, 2, 3})))
	fmt.Println("func arg:", show(call(apply, func(x int) int { return x * x }, 9)))
	fmt.Println("no results:", len(call(nothing)))

	// Variadic: Call packs the trailing arguments, CallSlice passes a slice.
	fmt.Println("sum():", show(call(sum)))
	fmt.Println("sum(1,2,3):", show(call(sum, 1, 2, 3)))
	fmt.Println("CallSlice sum:", show(reflect.ValueOf(sum).CallSlice([]reflect.Value{reflect.ValueOf([]int{4, 5, 6})})))
	fmt.Println("join:", show(call(join, "-", "a", "b", "c")))
	fmt.Println("CallSlice join:", show(reflect.ValueOf(join).CallSlice([]reflect.Value{
		reflect.ValueOf("+"), reflect.ValueOf([]string{"x", "y"})})))

	// Closures carry their context through Call.
	n := 10
	counter := func(d int) int { n += d; return n }
	call(counter, 5)
	fmt.Println("closure:", show(call(counter, 1)), n)

	// Methods by index (sorted by name), of a value and through a pointer.
	p := Point{1, 2}
	pp0 := &p
	pv := reflect.ValueOf(p)
	fmt.Println("methods:", pv.NumMethod(), reflect.ValueOf(pp0).NumMethod())
	fmt.Println("Method(0):", show(pv.Method(0).Call([]reflect.Value{reflect.ValueOf(Point{10, 20})})))
	fmt.Println("String:", show(pv.Method(1).Call(nil)))
	pp := &Point{3, 4}
	// *Point's methods: Add, Scale, String.
	reflect.ValueOf(pp).Method(1).Call([]reflect.Value{reflect.ValueOf(3)})
	fmt.Println("Scale:", *pp)
	// Interface methods: the Value holds an interface.
	var s Shape = Rect{2, 5}
	sv := reflect.ValueOf(&s).Elem()
	fmt.Println("iface kind:", sv.Kind(), sv.NumMethod())
	fmt.Println("iface Area:", show(sv.MethodByName("Area").Call(nil)))
	fmt.Println("iface Name:", show(sv.Method(1).Call(nil)))
	// A method value taken out of reflect as a func.
	f := pv.Method(0).Interface().(func(Point) Point)
	fmt.Println("method value:", f(Point{5, 5}))
	g := reflect.ValueOf(pp).Method(1).Interface().(func(int))
	g(2)
	fmt.Println("method value ptr:", *pp)

	// A panic in the called function propagates through Call.
	_, err := safeCall(boom, "via Call")
	fmt.Println("recovered:", err)
	// Wrong calls panic in reflect itself.
	_, err = safeCall(add, 1)
	fmt.Println("recovered:", err)
	_, err = safeCall(add, 1, "x")
	fmt.Println("recovered:", err)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(add).CallSlice([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2)})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var nilf func()
		reflect.ValueOf(nilf).Call(nil)
	}()

	// A method value from reflect as a deferred call: the method may
	// recover, as a deferred method value may.
	func() {
		f := reflect.ValueOf(Recoverer{"value method"}).Method(0).Interface().(func())
		defer f()
		panic("to the value method")
	}()
	func() {
		f := reflect.ValueOf(&Recoverer{"pointer method"}).Method(0).Interface().(func())
		defer f()
		panic("to the pointer method")
	}()
	func() {
		defer reflect.ValueOf(&Recoverer{"at return"}).Method(1).Interface().(func())()
	}()

	// Natives through Call: one with a result, one that yields; and a
	// callee that blocks on a channel until another goroutine sends.
	fmt.Println("native:", show(call(runtime.NumGoroutine)))
	ch := make(chan int)
	go func() {
		reflect.ValueOf(runtime.Gosched).Call(nil)
		ch <- 5
	}()
	fmt.Println("blocking callee:", show(call(func(c chan int) int { return <-c }, ch)))

	// Many calls: the frames reflect allocates are reused.
	t := 0
	sv2 := reflect.ValueOf(add)
	for i := 0; i < 1000; i++ {
		t = int(sv2.Call([]reflect.Value{reflect.ValueOf(t), reflect.ValueOf(i)})[0].Int())
	}
	fmt.Println("loop:", t)

	// Deep recursion through Call grows the stack.
	var fact func(int) int
	fact = func(k int) int {
		if k <= 1 {
			return 1
		}
		return k * int(reflect.ValueOf(fact).Call([]reflect.Value{reflect.ValueOf(k - 1)})[0].Int())
	}
	fmt.Println("fact(20):", fact(20))
}
