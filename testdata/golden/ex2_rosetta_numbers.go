// Rosetta-style number tasks: sieve of Eratosthenes, Collatz lengths,
// Ackermann, Roman numerals both ways, perfect numbers, GCD/LCM, digital
// roots, and FizzBuzz variants.
package main

import (
	"fmt"
	"strings"
)

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func ackermann(m, n uint) uint {
	switch {
	case m == 0:
		return n + 1
	case n == 0:
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

var romanVals = []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
var romanSyms = []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}

func toRoman(n int) string {
	var b strings.Builder
	for i, v := range romanVals {
		for n >= v {
			b.WriteString(romanSyms[i])
			n -= v
		}
	}
	return b.String()
}

func fromRoman(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if i+1 < len(s) && val[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func main() {
	p := sieve(100)
	fmt.Println(len(p), p)
	fmt.Println(len(sieve(100000)), sieve(100000)[9591])
	best, bestN := 0, 0
	for n := 1; n < 10000; n++ {
		if s := collatz(n); s > best {
			best, bestN = s, n
		}
	}
	fmt.Println("longest collatz below 10000:", bestN, best)
	for m := uint(0); m <= 3; m++ {
		for n := uint(0); n <= 4; n++ {
			fmt.Printf("%5d", ackermann(m, n))
		}
		fmt.Println()
	}
	for _, n := range []int{1990, 2008, 1666, 3999, 4, 14, 1994} {
		r := toRoman(n)
		fmt.Printf("%d=%s=%d ", n, r, fromRoman(r))
	}
	fmt.Println()
	for n := 2; n < 10000; n++ {
		sum := 1
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				sum += d
				if d*d != n {
					sum += n / d
				}
			}
		}
		if sum == n {
			fmt.Print(n, " is perfect; ")
		}
	}
	fmt.Println()
	fmt.Println(gcd(1071, 462), 1071/gcd(1071, 462)*462, gcd(0, 5))
	for _, n := range []int{627615, 39390, 588225, 393900588225} {
		root, pers := n, 0
		for root >= 10 {
			s := 0
			for x := root; x > 0; x /= 10 {
				s += x % 10
			}
			root = s
			pers++
		}
		fmt.Printf("%d: persistence %d root %d\n", n, pers, root)
	}
	for i := 1; i <= 15; i++ {
		out := ""
		if i%3 == 0 {
			out += "Fizz"
		}
		if i%5 == 0 {
			out += "Buzz"
		}
		if out == "" {
			out = fmt.Sprint(i)
		}
		fmt.Print(out, " ")
	}
	fmt.Println()
	rules := []struct {
		div  int
		word string
	}{{2, "Foo"}, {3, "Bar"}, {7, "Baz"}}
	for i := 1; i <= 21; i++ {
		var sb strings.Builder
		for _, r := range rules {
			if i%r.div == 0 {
				sb.WriteString(r.word)
			}
		}
		if sb.Len() == 0 {
			fmt.Fprint(&sb, i)
		}
		fmt.Print(sb.String(), ",")
	}
	fmt.Println()
}
