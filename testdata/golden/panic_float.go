// Floating-point and complex panic values, chained.
package main

func main() {
	defer func() { panic(complex(1, -2)) }()
	defer func() { panic(complex64(complex(0.5, 0))) }()
	defer func() { panic(float32(0.1)) }()
	defer func() { panic(-0.0) }()
	panic(1.5)
}
