package main

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, pred func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if pred(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) PushFront(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for n := l.head; n != nil; n = n.next {
			if !yield(i, n.val) {
				return
			}
			i++
		}
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func SortedPairs[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	keys := slices.Sorted(maps.Keys(m))
	out := make([]Pair[K, V], len(keys))
	for i, k := range keys {
		out[i] = Pair[K, V]{k, m[k]}
	}
	return out
}

type MyInt int

func Max[T cmp.Ordered](a T, rest ...T) T {
	m := a
	for _, r := range rest {
		if r > m {
			m = r
		}
	}
	return m
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)               { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool          { _, ok := s[v]; return ok }
func Keys[T cmp.Ordered](s Set[T]) []T { return slices.Sorted(maps.Keys(s)) }

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

type Tree[T cmp.Ordered] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(yield func(T) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.Walk(yield) && yield(t.Val) && t.Right.Walk(yield)
}

func (t *Tree[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) { t.Walk(yield) }
}

var ErrEmpty = errors.New("empty")

func First[T any](xs []T) (T, error) {
	var z T
	if len(xs) == 0 {
		return z, ErrEmpty
	}
	return xs[0], nil
}

func main() {
	ints := []int{5, 2, 8, 1, 9, 3}
	floats := []float64{1.5, 2.25, 3.125}
	fmt.Println(Sum(ints), Sum(floats), Sum([]MyInt{1, 2, 3}))
	fmt.Println(Map(ints, func(i int) string { return strings.Repeat("*", i) }))
	fmt.Println(Filter(ints, func(i int) bool { return i%2 == 1 }))
	fmt.Println(Reduce(ints, "", func(a string, i int) string { return a + fmt.Sprint(i) }))
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len())
	var l List[float64]
	for _, f := range floats {
		l.PushFront(f)
	}
	for i, v := range l.All() {
		fmt.Println(i, v)
	}
	m := map[string]int{"zeta": 26, "alpha": 1, "mu": 12}
	fmt.Println(SortedPairs(m))
	fmt.Printf("%v %T\n", Pair[string, int]{"x", 1}, Pair[string, int]{})
	fmt.Println(Max(3, 7, 1), Max("b", "a", "c"), Max[MyInt](4, 2))
	set := Set[string]{}
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		set.Add(w)
	}
	fmt.Println(len(set), set.Has("fox"), set.Has("cat"), Keys(set))
	for i := range Count(10) {
		if i == 4 {
			break
		}
		fmt.Print(i, ",")
	}
	fmt.Println()
	var t *Tree[int]
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80} {
		t = t.Insert(v)
	}
	for v := range t.All() {
		if v > 60 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(t.All()))
	_, err := First([]int{})
	fmt.Println(err, errors.Is(err, ErrEmpty))
	x, _ := First([]string{"hi"})
	fmt.Println(x)

	people := []struct {
		Name string
		Age  int
	}{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}}
	slices.SortStableFunc(people, func(a, b struct {
		Name string
		Age  int
	}) int {
		return cmp.Compare(a.Age, b.Age)
	})
	fmt.Println(people)
	idx, found := slices.BinarySearch([]int{1, 3, 5, 7}, 5)
	fmt.Println(idx, found)
	fmt.Println(slices.Index(ints, 8), slices.Contains(ints, 4), slices.Max(ints), slices.Min(ints))
	sorted := slices.Clone(ints)
	slices.Sort(sorted)
	fmt.Println(sorted, ints, len(slices.Compact([]int{1, 1, 2, 2, 2, 3})))
	ch := slices.Chunk([]int{1, 2, 3, 4, 5}, 2)
	for c := range ch {
		fmt.Print(c)
	}
	fmt.Println()
	fmt.Println(slices.Insert([]int{1, 2, 5}, 2, 3, 4), slices.Delete([]int{0, 1, 2, 3, 4}, 1, 3))
	mm := maps.Collect(slices.All([]string{"a", "b", "c"}))
	fmt.Println(mm)
	byLen := map[int][]string{}
	for _, w := range []string{"go", "is", "fun", "and", "fast", "code"} {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	lens := slices.Collect(maps.Keys(byLen))
	sort.Ints(lens)
	for _, n := range lens {
		fmt.Println(n, byLen[n])
	}
	fmt.Println(cmp.Or("", "default"), cmp.Or(0, 0, 3), min(3, 1, 2), max(2.5, 1.0))
}
