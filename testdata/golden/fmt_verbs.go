package main

import (
	"errors"
	"fmt"
	"os"
)

type point struct {
	X, Y int
	name string
}

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprintf("error code %d", e.code) }

type fancy struct{}

func (fancy) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	fmt.Fprintf(f, "fancy[%c w=%d/%v p=%d/%v plus=%v minus=%v sharp=%v]", verb, w, wok, p, pok, f.Flag('+'), f.Flag('-'), f.Flag('#'))
}

type inner struct {
	A []int
	M map[string]int
	P *int
}

type gostr struct{ v int }

func (g gostr) GoString() string { return fmt.Sprintf("gostr<%d>", g.v) }

func main() {
	n := 7
	p := point{1, -2, "pt"}
	values := []any{
		nil, true, false, 0, -42, uint8(200), int64(-1 << 63), uint64(1<<64 - 1), uintptr(0x1234),
		3.0, -0.5, 1e21, 1e-7, float32(2.5), complex(1, -2), complex64(complex(0.5, 3)),
		"", "hello", "tab\t\"q\"", 'x', []byte("bytes"), [3]int{1, 2, 3}, []string{"a", "b"},
		p, &p, map[string]int{"z": 26, "a": 1, "m": 13}, map[int]string{3: "c", 1: "a", 2: "b"},
		struct{}{}, celsius(21.5), &myErr{404}, errors.New("plain"), inner{[]int{1}, map[string]int{"k": 1}, nil},
		[]any{1, "two", 3.0, nil}, map[float64]bool{2.5: true, -1: false}, gostr{9},
		map[[2]int]string{{2, 1}: "b", {1, 2}: "a"}, map[bool]int{true: 1, false: 0},
	}
	for _, v := range values {
		fmt.Printf("%v | %+v | %#v | %T\n", v, v, v, v)
	}
	fmt.Printf("%d %5d %-5d| %05d %x %X %#x %o %#o %b %c %U %q\n", 42, 42, 42, 42, 255, 255, 255, 8, 8, 5, 'A', 0x1F600, 'q')
	fmt.Printf("%f %.2f %8.3f %-8.2f| %e %E %g %G %.3g %+f % f\n", 3.14159, 3.14159, 3.14159, 3.14159, 123456.789, 0.000123, 1e21, 1e-10, 3.14159, 2.0, 2.0)
	fmt.Printf("%s %10s %-10s| %.2s %q %+q %#q %x % x %X\n", "go", "go", "go", "golang", "hi\n", "héllo", "back`tick", "hex", "hex", "hex")
	fmt.Printf("%t %v %p %v\n", true, false, nil, []int(nil))
	fmt.Printf("%6.2f|%-6.2f|%+.1e|%x|%X\n", -1.0, 2.5, 12345.678, -255, []byte{1, 171})
	fmt.Printf("%v %s %d\n", celsius(-3), &myErr{1}, []int{1, 2, 3})
	fmt.Printf("%v %+v %#v %s %d %10.3x\n", fancy{}, fancy{}, fancy{}, fancy{}, fancy{}, fancy{})
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 1, 6, 2, 2, 3.14159)
	fmt.Printf("%!|%z|%d\n", 1)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%v\n", &n == nil)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil), fmt.Sprintln("x", 1))
	fmt.Print("print", 1, 2, "\n")
	s := fmt.Sprintf("%08.3f|%+d|%x", 3.14159, 5, "hi")
	fmt.Println(s, len(s))
	err := fmt.Errorf("wrapped: %w", &myErr{7})
	var me *myErr
	fmt.Println(err, errors.As(err, &me), me.code, errors.Unwrap(err) == error(me))
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	fmt.Fprintf(os.Stdout, "%v %v\n", map[string][]int{"b": {2}, "a": {1}}, map[string]map[string]int{"y": {"2": 2, "1": 1}, "x": {}})
	var ip *int
	fmt.Printf("%v %d\n", ip, []*int{nil})
	type T struct {
		A int
		B string
		C []float64
		D map[string]point
	}
	t := T{1, "b", []float64{1.5, 2}, map[string]point{"k": {3, 4, "x"}}}
	fmt.Printf("%v\n%+v\n%#v\n", t, t, t)
	var e error
	fmt.Printf("%v %T\n", e, e)
	var sc fmt.Stringer = celsius(1)
	fmt.Printf("%v %T %s\n", sc, sc, sc)
	fmt.Printf("%x %X % x %#x\n", "Hello", []byte("Hello"), []byte{1, 2}, "ab")
	fmt.Printf("%3c|%-4q|%#U\n", 'z', 'y', '☺')
	fmt.Printf("%v %.3v %10.4v|\n", 1.0/3, 1.0/3, "abcdefgh")
	fmt.Printf("%08b %o %O\n", 5, 64, 64)
	fmt.Printf("%6.2v|%t|%v\n", complex(1.234, -5.678), true, [2]bool{true})
	fmt.Printf("%s\n", []string{"x", "y"})
	fmt.Printf("%q\n", []string{"x", "y"})
	fmt.Printf("%5t|%-7v|\n", false, nil)
	fmt.Printf("%v %v\n", int8(-128), uint16(65535))
	fmt.Printf("%.0f %.0f %.1f\n", 0.5, 1.5, 0.05)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 1e-4, 1e-5)
	fmt.Printf("%v\n", []any{map[string]any{"n": nil, "l": []any{1, "x"}}})
}
