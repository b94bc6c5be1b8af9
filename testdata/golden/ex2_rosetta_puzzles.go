// Rosetta-style puzzles: N-queens (count and first board), towers of
// Hanoi moves, Levenshtein distances, 0/1 knapsack with the chosen items,
// permutations in lexical order, and the 99 bottles song (abridged).
package main

import (
	"fmt"
	"strings"
)

func queens(n int) (int, []int) {
	cols := make([]int, n)
	count := 0
	var first []int
	var place func(row int, used, d1, d2 uint)
	place = func(row int, used, d1, d2 uint) {
		if row == n {
			if count == 0 {
				first = append([]int(nil), cols...)
			}
			count++
			return
		}
		for c := 0; c < n; c++ {
			if used&(1<<c) != 0 || d1&(1<<(row+c)) != 0 || d2&(1<<(row-c+n)) != 0 {
				continue
			}
			cols[row] = c
			place(row+1, used|1<<c, d1|1<<(row+c), d2|1<<(row-c+n))
		}
	}
	place(0, 0, 0, 0)
	return count, first
}

func hanoi(n int, from, to, via string, moves *[]string) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves = append(*moves, fmt.Sprintf("%d:%s->%s", n, from, to))
	hanoi(n-1, via, to, from, moves)
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

type item struct {
	name          string
	weight, value int
}

func knapsack(items []item, capacity int) (int, []string) {
	dp := make([][]int, len(items)+1)
	for i := range dp {
		dp[i] = make([]int, capacity+1)
	}
	for i := 1; i <= len(items); i++ {
		it := items[i-1]
		for w := 0; w <= capacity; w++ {
			dp[i][w] = dp[i-1][w]
			if it.weight <= w && dp[i-1][w-it.weight]+it.value > dp[i][w] {
				dp[i][w] = dp[i-1][w-it.weight] + it.value
			}
		}
	}
	var chosen []string
	for i, w := len(items), capacity; i > 0; i-- {
		if dp[i][w] != dp[i-1][w] {
			chosen = append(chosen, items[i-1].name)
			w -= items[i-1].weight
		}
	}
	return dp[len(items)][capacity], chosen
}

func nextPerm(p []int) bool {
	i := len(p) - 2
	for i >= 0 && p[i] >= p[i+1] {
		i--
	}
	if i < 0 {
		return false
	}
	j := len(p) - 1
	for p[j] <= p[i] {
		j--
	}
	p[i], p[j] = p[j], p[i]
	for l, r := i+1, len(p)-1; l < r; l, r = l+1, r-1 {
		p[l], p[r] = p[r], p[l]
	}
	return true
}

func bottles(n int) string {
	switch n {
	case 0:
		return "no more bottles"
	case 1:
		return "1 bottle"
	}
	return fmt.Sprintf("%d bottles", n)
}

func main() {
	for n := 4; n <= 9; n++ {
		c, first := queens(n)
		fmt.Println(n, c, first)
	}
	_, b := queens(8)
	for _, c := range b {
		fmt.Println(strings.Repeat(". ", c) + "Q " + strings.Repeat(". ", 7-c))
	}
	var moves []string
	hanoi(4, "A", "C", "B", &moves)
	fmt.Println(len(moves), strings.Join(moves, " "))
	pairs := [][2]string{{"kitten", "sitting"}, {"rosettacode", "raisethysword"}, {"", "abc"}, {"flaw", "lawn"}, {"héllo", "hello"}, {"same", "same"}}
	for _, p := range pairs {
		fmt.Printf("lev(%q,%q)=%d\n", p[0], p[1], levenshtein(p[0], p[1]))
	}
	items := []item{{"map", 9, 150}, {"compass", 13, 35}, {"water", 153, 200}, {"sandwich", 50, 160}, {"glucose", 15, 60}, {"tin", 68, 45}, {"banana", 27, 60}, {"apple", 39, 40}, {"cheese", 23, 30}, {"beer", 52, 10}, {"suntan", 11, 70}, {"camera", 32, 30}}
	v, chosen := knapsack(items, 400)
	fmt.Println(v, chosen)
	p := []int{1, 2, 3, 4}
	count := 0
	for {
		count++
		if count <= 5 || count > 22 {
			fmt.Print(p, " ")
		}
		if !nextPerm(p) {
			break
		}
	}
	fmt.Println(count)
	for n := 3; n >= 0; n-- {
		if n == 0 {
			fmt.Printf("%s of beer on the wall, %s of beer.\nGo to the store and buy some more, 99 bottles of beer on the wall.\n", strings.ToUpper(bottles(0)[:1])+bottles(0)[1:], bottles(0))
			break
		}
		fmt.Printf("%s of beer on the wall, %s of beer.\nTake one down, pass it around, %s of beer on the wall.\n\n", bottles(n), bottles(n), bottles(n-1))
	}
}
