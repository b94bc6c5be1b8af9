package main

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }

func main() {
	xs := []int{9, 3, 7, 1, 8, 2, 6, 4, 5, 0}
	sort.Ints(xs)
	for _, x := range xs {
		print(x, " ")
	}
	println(sort.IntsAreSorted(xs), sort.SearchInts(xs, 7))
	fs := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fs)
	println(fs[0], fs[3])
	ss := []string{"pear", "apple", "fig", "banana"}
	sort.Strings(ss)
	println(strings.Join(ss, " "))
	people := []person{{"alice", 30}, {"bob", 25}, {"carol", 35}, {"dave", 25}}
	sort.Stable(byAge(people))
	for _, p := range people {
		print(p.name, "/", p.age, " ")
	}
	println()
	sort.Slice(people, func(i, j int) bool { return people[i].name > people[j].name })
	println(people[0].name, people[3].name)
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	println(people[0].name, people[1].name)
	big := make([]int, 1000)
	for i := range big {
		big[i] = (i * 7919) % 1000
	}
	sort.Sort(sort.Reverse(sort.IntSlice(big)))
	println(big[0], big[999], sort.IsSorted(sort.Reverse(sort.IntSlice(big))))
	ys := []int{5, 1, 4}
	slices.Sort(ys)
	i, found := slices.BinarySearch(ys, 4)
	println(ys[0], ys[2], i, found, slices.Index(ys, 5), slices.Contains(ys, 9))
	slices.SortFunc(people, func(a, b person) int { return cmp.Or(cmp.Compare(b.age, a.age), strings.Compare(a.name, b.name)) })
	println(people[0].name, people[3].name)
	println(slices.Max(ys), slices.Min(ys), len(slices.Compact([]int{1, 1, 2, 2, 3})), slices.Equal(ys, []int{1, 4, 5}))
	zs := slices.Clone(ys)
	slices.Reverse(zs)
	println(zs[0], ys[0], len(slices.Insert(zs, 1, 10, 11)))
	n := sort.Search(100, func(i int) bool { return i*i >= 50 })
	println(n)
}
