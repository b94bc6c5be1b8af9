package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

type bySalary []Employee

func (s bySalary) Len() int           { return len(s) }
func (s bySalary) Less(i, j int) bool { return s[i].Salary < s[j].Salary }
func (s bySalary) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func quicksort(a []int) []int {
	if len(a) < 2 {
		return a
	}
	p := a[len(a)/2]
	var less, eq, more []int
	for _, x := range a {
		switch {
		case x < p:
			less = append(less, x)
		case x == p:
			eq = append(eq, x)
		default:
			more = append(more, x)
		}
	}
	return append(append(quicksort(less), eq...), quicksort(more)...)
}

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	m := len(a) / 2
	l, r := mergeSort(a[:m]), mergeSort(a[m:])
	out := make([]int, 0, len(a))
	i, j := 0, 0
	for i < len(l) && j < len(r) {
		if l[i] <= r[j] {
			out = append(out, l[i])
			i++
		} else {
			out = append(out, r[j])
			j++
		}
	}
	out = append(out, l[i:]...)
	return append(out, r[j:]...)
}

func main() {
	emps := []Employee{
		{"Alice", "eng", 120}, {"Bob", "ops", 90}, {"Cara", "eng", 90}, {"Dan", "ops", 120},
		{"Eve", "eng", 100}, {"Fay", "hr", 90}, {"Gus", "hr", 100}, {"Hal", "eng", 120},
	}
	s1 := slices.Clone(emps)
	sort.Stable(bySalary(s1))
	fmt.Println(s1)
	s2 := slices.Clone(emps)
	sort.SliceStable(s2, func(i, j int) bool { return s2[i].Dept < s2[j].Dept })
	fmt.Println(s2)
	s3 := slices.Clone(emps)
	slices.SortStableFunc(s3, func(a, b Employee) int {
		return cmp.Or(cmp.Compare(b.Salary, a.Salary), strings.Compare(a.Name, b.Name))
	})
	fmt.Println(s3)
	s4 := slices.Clone(emps)
	slices.SortFunc(s4, func(a, b Employee) int { return strings.Compare(a.Name, b.Name) })
	fmt.Println(slices.IsSortedFunc(s4, func(a, b Employee) int { return strings.Compare(a.Name, b.Name) }))
	i, found := slices.BinarySearchFunc(s4, "Eve", func(e Employee, n string) int { return strings.Compare(e.Name, n) })
	fmt.Println(i, found)
	nums := []int{38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 100, 27}
	fmt.Println(quicksort(slices.Clone(nums)))
	fmt.Println(mergeSort(slices.Clone(nums)))
	ns := slices.Clone(nums)
	sort.Sort(sort.Reverse(sort.IntSlice(ns)))
	fmt.Println(ns)
	fs := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fs)
	ss := []string{"pear", "Apple", "banana", "apple"}
	sort.Strings(ss)
	fmt.Println(fs, ss, sort.SearchInts([]int{1, 3, 5, 7}, 4), sort.StringsAreSorted(ss))
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(idx)
	big := make([]int, 200)
	for i := range big {
		big[i] = (i * 7919) % 211
	}
	sort.Ints(big)
	fmt.Println(big[:10], big[190:], sort.IntsAreSorted(big))
	type kv struct {
		k string
		v int
	}
	counts := map[string]int{"a": 3, "b": 1, "c": 3, "d": 2, "e": 1}
	var kvs []kv
	for k, v := range counts {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].v != kvs[j].v {
			return kvs[i].v > kvs[j].v
		}
		return kvs[i].k < kvs[j].k
	})
	fmt.Println(kvs)
	words := strings.Fields("the quick brown fox jumps over the lazy dog again and again")
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	fmt.Println(words)
	fmt.Println(slices.Equal(words, words), slices.Compare([]int{1, 2}, []int{1, 3}), slices.Repeat([]int{1, 2}, 3))
}
