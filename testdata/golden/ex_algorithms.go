package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if !composite[i] {
			primes = append(primes, i)
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return primes
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func hanoi(n int, from, to, via string, moves *[]string) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves = append(*moves, from+"->"+to)
	hanoi(n-1, via, to, from, moves)
}

func permutations(s []int) [][]int {
	if len(s) <= 1 {
		return [][]int{append([]int(nil), s...)}
	}
	var out [][]int
	for i := range s {
		rest := append(append([]int(nil), s[:i]...), s[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{s[i]}, p...))
		}
	}
	return out
}

func nQueens(n int) int {
	count := 0
	cols := make([]bool, n)
	d1 := make([]bool, 2*n)
	d2 := make([]bool, 2*n)
	var place func(r int)
	place = func(r int) {
		if r == n {
			count++
			return
		}
		for c := 0; c < n; c++ {
			if cols[c] || d1[r+c] || d2[r-c+n] {
				continue
			}
			cols[c], d1[r+c], d2[r-c+n] = true, true, true
			place(r + 1)
			cols[c], d1[r+c], d2[r-c+n] = false, false, false
		}
	}
	place(0)
	return count
}

func lcs(a, b string) string {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				dp[i][j] = dp[i-1][j-1] + 1
			} else {
				dp[i][j] = max(dp[i-1][j], dp[i][j-1])
			}
		}
	}
	var sb []byte
	for i, j := len(a), len(b); i > 0 && j > 0; {
		switch {
		case a[i-1] == b[j-1]:
			sb = append(sb, a[i-1])
			i--
			j--
		case dp[i-1][j] >= dp[i][j-1]:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(sb)-1; l < r; l, r = l+1, r-1 {
		sb[l], sb[r] = sb[r], sb[l]
	}
	return string(sb)
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, v := range vals {
		for n >= v {
			sb.WriteString(syms[i])
			n -= v
		}
	}
	return sb.String()
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

type Matrix [][]float64

func (m Matrix) Mul(o Matrix) Matrix {
	r := make(Matrix, len(m))
	for i := range m {
		r[i] = make([]float64, len(o[0]))
		for j := range o[0] {
			for k := range o {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func bfs(grid []string, sr, sc int) [][]int {
	h, w := len(grid), len(grid[0])
	dist := make([][]int, h)
	for i := range dist {
		dist[i] = make([]int, w)
		for j := range dist[i] {
			dist[i][j] = -1
		}
	}
	type pt struct{ r, c int }
	q := []pt{{sr, sc}}
	dist[sr][sc] = 0
	for len(q) > 0 {
		p := q[0]
		q = q[1:]
		for _, d := range []pt{{0, 1}, {1, 0}, {0, -1}, {-1, 0}} {
			nr, nc := p.r+d.r, p.c+d.c
			if nr >= 0 && nr < h && nc >= 0 && nc < w && grid[nr][nc] != '#' && dist[nr][nc] < 0 {
				dist[nr][nc] = dist[p.r][p.c] + 1
				q = append(q, pt{nr, nc})
			}
		}
	}
	return dist
}

func main() {
	fmt.Println(sieve(100))
	fmt.Println(gcd(1071, 462), gcd(17, 5))
	var moves []string
	hanoi(4, "A", "C", "B", &moves)
	fmt.Println(len(moves), strings.Join(moves[:7], " "))
	perms := permutations([]int{1, 2, 3})
	fmt.Println(perms, len(permutations([]int{1, 2, 3, 4, 5})))
	for n := 4; n <= 8; n++ {
		fmt.Print(nQueens(n), " ")
	}
	fmt.Println()
	fmt.Println(lcs("AGGTAB", "GXTXAYB"), levenshtein("kitten", "sitting"), levenshtein("héllo", "hello"))
	for _, n := range []int{1987, 3999, 44, 2024} {
		fmt.Print(toRoman(n), " ")
	}
	fmt.Println()
	best, bestN := 0, 0
	for i := 1; i < 10000; i++ {
		if s := collatz(i); s > best {
			best, bestN = s, i
		}
	}
	fmt.Println(bestN, best)
	a := Matrix{{1, 2}, {3, 4}}
	fmt.Println(a.Mul(a).Mul(a))
	grid := []string{
		"..#....",
		".##.##.",
		"....#..",
		"#.#...#",
	}
	for _, row := range bfs(grid, 0, 0) {
		for _, d := range row {
			fmt.Printf("%3d", d)
		}
		fmt.Println()
	}
	words := strings.Fields("listen silent enlist google elgoog inlets banana")
	groups := map[string][]string{}
	for _, w := range words {
		r := []rune(w)
		sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
		groups[string(r)] = append(groups[string(r)], w)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, groups[k])
	}
	var pts []float64
	for i := 0; i <= 8; i++ {
		x := float64(i) * math.Pi / 8
		pts = append(pts, math.Round(math.Sin(x)*1000)/1000)
	}
	fmt.Println(pts)
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = fib(n-1) + fib(n-2)
		return memo[n]
	}
	fmt.Println(fib(90))
	bits := 0
	for x := uint64(0xF0F0_1234_8000_0001); x != 0; x &= x - 1 {
		bits++
	}
	fmt.Println(bits)
}
