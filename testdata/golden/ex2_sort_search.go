// Sorting and searching: sort.SliceStable on records with ties, sort.Search
// for insertion points, slices.BinarySearch(Func), slices.SortFunc with
// cmp.Compare chains, and maps.Keys fed to slices.Sorted.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

type person struct {
	name string
	age  int
	city string
}

func main() {
	people := []person{
		{"Ann", 31, "Oslo"}, {"Bob", 25, "Rome"}, {"Cid", 31, "Lima"}, {"Dee", 25, "Oslo"},
		{"Eve", 40, "Rome"}, {"Fay", 31, "Rome"}, {"Gus", 25, "Lima"},
	}
	byAge := slices.Clone(people)
	sort.SliceStable(byAge, func(i, j int) bool { return byAge[i].age < byAge[j].age })
	fmt.Println(byAge)
	slices.SortStableFunc(people, func(a, b person) int {
		return cmp.Or(cmp.Compare(a.city, b.city), cmp.Compare(b.age, a.age))
	})
	fmt.Println(people)

	sorted := []int{1, 3, 3, 3, 7, 9, 12, 20}
	for _, x := range []int{0, 3, 4, 20, 21} {
		i := sort.SearchInts(sorted, x)
		j := sort.Search(len(sorted), func(k int) bool { return sorted[k] > x })
		pos, found := slices.BinarySearch(sorted, x)
		fmt.Printf("x=%d first>=%d first>%d binsearch=(%d,%v)\n", x, i, j, pos, found)
	}
	idx, ok := slices.BinarySearchFunc(byAge, 31, func(p person, age int) int { return cmp.Compare(p.age, age) })
	fmt.Println(idx, ok)
	words := strings.Fields("pear Apple fig banana apple Cherry date")
	sort.Strings(words)
	fmt.Println(words, sort.StringsAreSorted(words))
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(words)
	fmt.Println(sort.SearchStrings([]string{"a", "c", "e"}, "d"))

	stock := map[string]int{"pens": 12, "ink": 3, "paper": 500, "clips": 0}
	keys := slices.Sorted(maps.Keys(stock))
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(stock))
	fmt.Println(vals, slices.Max(vals), slices.Min(vals))
	fmt.Println(slices.Collect(maps.Keys(map[int]bool{})) == nil)
	fl := []float64{2.5, -1, 3, 0}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl))
	rev := []int{5, 2, 8, 1}
	sort.Sort(sort.Reverse(sort.IntSlice(rev)))
	fmt.Println(rev, slices.IsSortedFunc(rev, func(a, b int) int { return b - a }))
	fmt.Println(slices.Index(rev, 2), slices.Contains(rev, 9), slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))
}
