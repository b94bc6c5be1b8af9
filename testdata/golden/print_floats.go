// print and println of floating-point and complex values.
package main

var zero float64

func main() {
	var f32 float32 = 0.1
	println(1.5, 1e+21, 1e21, 1e20, 123456789.0, 0.000001, 1e-7)
	println(1/zero, -1/zero, zero/zero, -zero, 0.0)
	println(f32, float32(1.5), float32(3.4028235e38), float32(1e-45))
	println(5e-324, 1.7976931348623157e308, 2.5e-10)
	println(complex(1, -2), complex64(complex(0.5, 1/zero)), complex(zero/zero, -zero))
	println(float64(1<<53), float64(-1<<63), 100.0, 0.1+0.2)
	print(1.0, 2.0, "\n")
}
