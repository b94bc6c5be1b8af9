package main

import (
	"fmt"
	"math/big"
	"math/rand"
	mrand2 "math/rand/v2"
	"strings"
)

func factorial(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func piDigits(n int) string {
	// Machin-like via big.Float is heavy; use spigot with big.Int
	var sb strings.Builder
	q, r, t, k, m, x := big.NewInt(1), big.NewInt(0), big.NewInt(1), big.NewInt(1), big.NewInt(3), big.NewInt(3)
	tmp1, tmp2 := new(big.Int), new(big.Int)
	for sb.Len() < n {
		// if 4q + r - t < m t
		tmp1.Mul(q, big.NewInt(4))
		tmp1.Add(tmp1, r)
		tmp1.Sub(tmp1, t)
		tmp2.Mul(m, t)
		if tmp1.Cmp(tmp2) < 0 {
			sb.WriteString(m.String())
			// q, r, m = 10q, 10(r - m t), (10(3q + r)) / t - 10 m
			nr := new(big.Int).Sub(r, tmp2)
			nr.Mul(nr, big.NewInt(10))
			nm := new(big.Int).Mul(q, big.NewInt(3))
			nm.Add(nm, r)
			nm.Mul(nm, big.NewInt(10))
			nm.Quo(nm, t)
			nm.Sub(nm, new(big.Int).Mul(m, big.NewInt(10)))
			q.Mul(q, big.NewInt(10))
			r, m = nr, nm
		} else {
			// q, r, t, k, m, x = q k, (2q + r) x, t x, k + 1, (q(7k+2) + r x) / (t x), x + 2
			nr := new(big.Int).Mul(q, big.NewInt(2))
			nr.Add(nr, r)
			nr.Mul(nr, x)
			a := new(big.Int).Mul(k, big.NewInt(7))
			a.Add(a, big.NewInt(2))
			a.Mul(a, q)
			a.Add(a, new(big.Int).Mul(r, x))
			nt := new(big.Int).Mul(t, x)
			nm := new(big.Int).Quo(a, nt)
			q.Mul(q, k)
			t = nt
			k.Add(k, big.NewInt(1))
			m = nm
			x.Add(x, big.NewInt(2))
			r = nr
		}
	}
	return sb.String()
}

func main() {
	fmt.Println(factorial(30))
	fmt.Println(fib(150))
	fmt.Println(piDigits(40))
	a, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	b, _ := new(big.Int).SetString("ffffffffffffffffff", 16)
	fmt.Println(new(big.Int).Add(a, b), new(big.Int).Mul(a, b), new(big.Int).Div(a, big.NewInt(7)), new(big.Int).Mod(a, big.NewInt(97)))
	q, r := new(big.Int).QuoRem(big.NewInt(-17), big.NewInt(5), new(big.Int))
	d, m := new(big.Int).DivMod(big.NewInt(-17), big.NewInt(5), new(big.Int))
	fmt.Println(q, r, d, m)
	fmt.Println(new(big.Int).Exp(big.NewInt(2), big.NewInt(200), nil), new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1000007)))
	fmt.Println(new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071)), big.NewInt(104729).ProbablyPrime(20), big.NewInt(104730).ProbablyPrime(20))
	fmt.Println(a.Cmp(b), a.Sign(), new(big.Int).Neg(a), new(big.Int).Abs(big.NewInt(-5)), a.BitLen(), b.Text(2)[:10], a.Text(36))
	fmt.Printf("%x %X %o %b %d %s %v %+d\n", b, b, big.NewInt(8), big.NewInt(5), a, a, a, big.NewInt(3))
	fmt.Println(new(big.Int).Sqrt(a), new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Rsh(a, 50), new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)))
	x := big.NewRat(3, 4)
	y := big.NewRat(5, 6)
	fmt.Println(new(big.Rat).Add(x, y), new(big.Rat).Mul(x, y), new(big.Rat).Quo(x, y), x.FloatString(5), new(big.Rat).SetFrac64(10, 4))
	rr, _ := new(big.Rat).SetString("1.125")
	fmt.Println(rr, rr.Num(), rr.Denom(), rr.IsInt())
	f := new(big.Float).SetPrec(200)
	f.SetInt64(2)
	f.Sqrt(f)
	fmt.Println(f.Text('f', 50))
	g, _ := new(big.Float).SetString("1e100")
	fmt.Println(g, g.Text('e', 5), new(big.Float).Quo(big.NewFloat(1), big.NewFloat(3)).String())
	fv, acc := big.NewFloat(2.75).Int64()
	fmt.Println(fv, acc)

	rng := rand.New(rand.NewSource(42))
	fmt.Println(rng.Intn(100), rng.Intn(100), rng.Float64(), rng.Int63(), rng.Perm(6))
	s := []string{"a", "b", "c", "d", "e"}
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s, rng.Int31n(10), rng.NormFloat64(), rng.ExpFloat64(), rng.Uint32())
	r2 := mrand2.New(mrand2.NewPCG(1, 2))
	fmt.Println(r2.IntN(1000), r2.Uint64(), r2.Float64(), r2.Perm(5), mrand2.N(50) < 50)
	r3 := mrand2.New(mrand2.NewChaCha8([32]byte{1, 2, 3}))
	fmt.Println(r3.IntN(1000), r3.Int64())
	cnt := map[int]int{}
	for i := 0; i < 1000; i++ {
		cnt[rand.Intn(3)]++
	}
	fmt.Println(len(cnt), cnt[0]+cnt[1]+cnt[2])
	x1 := mrand2.IntN(10)
	fmt.Println(x1 >= 0 && x1 < 10)
}
