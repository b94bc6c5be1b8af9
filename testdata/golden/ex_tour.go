package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"math/cmplx"
	"strings"
)

type Vertex struct{ X, Y float64 }

func (v Vertex) Abs() float64 { return math.Sqrt(v.X*v.X + v.Y*v.Y) }
func (v *Vertex) Scale(f float64) {
	v.X *= f
	v.Y *= f
}

type MyFloat float64

func (f MyFloat) Abs() float64 {
	if f < 0 {
		return float64(-f)
	}
	return float64(f)
}

type Abser interface{ Abs() float64 }

type IPAddr [4]byte

func (ip IPAddr) String() string { return fmt.Sprintf("%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3]) }

type ErrNegativeSqrt float64

func (e ErrNegativeSqrt) Error() string {
	return fmt.Sprintf("cannot Sqrt negative number: %v", float64(e))
}

func Sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegativeSqrt(x)
	}
	z := 1.0
	for i := 0; i < 10; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return z, nil
}

type MyReader struct{}

func (MyReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'A'
	}
	return len(b), nil
}

type Panicky struct{}

func (Panicky) String() string { panic("boom") }

type NilSafe struct{ name string }

func (n *NilSafe) String() string { return "NilSafe(" + n.name + ")" }

type Image struct{ w, h int }

func (Image) ColorModel() color.Model   { return color.RGBAModel }
func (i Image) Bounds() image.Rectangle { return image.Rect(0, 0, i.w, i.h) }
func (Image) At(x, y int) color.Color {
	v := uint8(x ^ y)
	return color.RGBA{v, v, 255, 255}
}

func fibonacci() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func WordCount(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

func Walk(ch chan int, vals []int) {
	defer close(ch)
	for _, v := range vals {
		ch <- v
	}
}

func main() {
	v := Vertex{3, 4}
	v.Scale(10)
	fmt.Println(v.Abs(), v)
	var a Abser = MyFloat(-math.Sqrt2)
	fmt.Println(a.Abs())
	a = &v
	fmt.Println(a.Abs())
	fmt.Printf("(%v, %T)\n", a, a)
	hosts := map[string]IPAddr{"loopback": {127, 0, 0, 1}, "googleDNS": {8, 8, 8, 8}}
	for _, name := range []string{"googleDNS", "loopback"} {
		fmt.Printf("%v: %v\n", name, hosts[name])
	}
	fmt.Println(Sqrt(2))
	fmt.Println(Sqrt(-2))
	b := make([]byte, 8)
	n, _ := MyReader{}.Read(b)
	fmt.Println(n, string(b))
	r := io.LimitReader(MyReader{}, 5)
	all, _ := io.ReadAll(r)
	fmt.Println(string(all))
	fmt.Println(Panicky{})
	fmt.Printf("%v|%s|%d\n", Panicky{}, Panicky{}, Panicky{})
	var ns *NilSafe
	fmt.Println(ns)
	fmt.Printf("%v %+v\n", ns, &NilSafe{"x"})
	var e error = (*myErr)(nil)
	fmt.Println(e)
	f := fibonacci()
	for i := 0; i < 10; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	wc := WordCount("I am learning Go! Go is fun and I am happy")
	fmt.Println(wc["I"], wc["Go"], wc["Go!"], len(wc), wc)
	ch := make(chan int)
	go Walk(ch, []int{1, 1, 2, 3, 5, 8, 13})
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	m := Image{16, 16}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("png %d bytes %x\n", buf.Len(), sha256.Sum256(buf.Bytes()))
	img, err := png.Decode(&buf)
	fmt.Println(err, img.Bounds(), img.At(3, 5))
	rgba := image.NewRGBA(image.Rect(0, 0, 4, 4))
	draw.Draw(rgba, rgba.Bounds(), &image.Uniform{color.RGBA{1, 2, 3, 255}}, image.Point{}, draw.Src)
	fmt.Println(rgba.At(2, 2), rgba.Pix[:8], color.GrayModel.Convert(color.RGBA{200, 100, 50, 255}))
	fmt.Println(cmplx.Sqrt(-1), cmplx.Abs(3+4i), cmplx.Exp(1i*math.Pi))
	fmt.Printf("%.3f %8.3e %g\n", cmplx.Pow(2i, 2), 1234.5678, complex64(1+2i))
}

type myErr struct{}

func (*myErr) Error() string { return "myErr" }
