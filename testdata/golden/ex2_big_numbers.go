// math/big: factorials, Fibonacci numbers, powers of two, a rational
// series and big floats, printed in several bases and precisions.
package main

import (
	"fmt"
	"math/big"
)

func main() {
	f := big.NewInt(1)
	for i := int64(1); i <= 50; i++ {
		f.Mul(f, big.NewInt(i))
	}
	fmt.Println("50! =", f)
	fmt.Println("digits:", len(f.String()), "bits:", f.BitLen())
	var m big.Int
	fmt.Println("100! via MulRange has", len(m.MulRange(1, 100).String()), "digits")

	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 300; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	fmt.Println("fib(300) =", a)
	fmt.Printf("hex %x\noct %o\n", a, a)
	fmt.Println(a.Text(36), a.ProbablyPrime(10))

	p := new(big.Int).Exp(big.NewInt(2), big.NewInt(127), nil)
	p.Sub(p, big.NewInt(1))
	fmt.Println("2^127-1 =", p, "prime:", p.ProbablyPrime(20))
	q, r := new(big.Int).QuoRem(p, big.NewInt(1_000_000_007), new(big.Int))
	fmt.Println(q, r)
	d, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	fmt.Println(d.Sign(), new(big.Int).Abs(d), new(big.Int).Neg(d), d.Cmp(p), new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071)))
	fmt.Println(new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)), new(big.Int).Sqrt(p), new(big.Int).Lsh(big.NewInt(3), 100), new(big.Int).Rsh(p, 120))
	_, ok := new(big.Int).SetString("12z", 10)
	fmt.Println(ok)

	sum := new(big.Rat)
	for k := int64(1); k <= 20; k++ {
		sum.Add(sum, big.NewRat(1, k*k))
	}
	fmt.Println(sum, sum.FloatString(15))
	fmt.Println(big.NewRat(6, -4), new(big.Rat).SetFloat64(0.75), new(big.Rat).Inv(big.NewRat(3, 7)))

	x := new(big.Float).SetPrec(200).SetInt64(2)
	x.Sqrt(x)
	fmt.Println(x.Text('f', 50))
	fmt.Printf("%.20f %g %v\n", x, new(big.Float).SetFloat64(1e100), big.NewFloat(1.5))
	y, _, err := big.ParseFloat("1.25e-3", 10, 64, big.ToNearestEven)
	fmt.Println(y, err, y.Prec(), y.MinPrec(), y.IsInt())
	z, acc := new(big.Float).SetPrec(10).SetFloat64(1.0 / 3).Float64()
	fmt.Println(z, acc)
}
