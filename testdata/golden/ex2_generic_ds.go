// Generic data structures: a stack, a ring-buffer queue, a doubly linked
// list with an iterator, an ordered binary search tree and a priority queue
// on container/heap, plus generic constraints and Map/Reduce helpers.
package main

import (
	"cmp"
	"container/heap"
	"container/list"
	"errors"
	"fmt"
	"iter"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s Stack[T]) Len() int { return len(s.items) }

type Queue[T any] struct {
	buf        []T
	head, size int
}

func NewQueue[T any](n int) *Queue[T] { return &Queue[T]{buf: make([]T, n)} }
func (q *Queue[T]) Enqueue(v T) bool {
	if q.size == len(q.buf) {
		return false
	}
	q.buf[(q.head+q.size)%len(q.buf)] = v
	q.size++
	return true
}
func (q *Queue[T]) Dequeue() (T, bool) {
	var zero T
	if q.size == 0 {
		return zero, false
	}
	v := q.buf[q.head]
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return v, true
}

type node[T any] struct {
	val        T
	prev, next *node[T]
}

type List[T any] struct {
	head, tail *node[T]
	n          int
}

func (l *List[T]) PushBack(v T) {
	nd := &node[T]{val: v, prev: l.tail}
	if l.tail == nil {
		l.head = nd
	} else {
		l.tail.next = nd
	}
	l.tail = nd
	l.n++
}

func (l *List[T]) PushFront(v T) {
	nd := &node[T]{val: v, next: l.head}
	if l.head == nil {
		l.tail = nd
	} else {
		l.head.prev = nd
	}
	l.head = nd
	l.n++
}

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for nd := l.head; nd != nil; nd = nd.next {
			if !yield(nd.val) {
				return
			}
		}
	}
}

func (l *List[T]) Reverse() {
	for nd := l.head; nd != nil; nd = nd.prev {
		nd.next, nd.prev = nd.prev, nd.next
	}
	l.head, l.tail = l.tail, l.head
}

type BST[K cmp.Ordered, V any] struct {
	root *bstNode[K, V]
	size int
}

type bstNode[K cmp.Ordered, V any] struct {
	k           K
	v           V
	left, right *bstNode[K, V]
}

func (t *BST[K, V]) Put(k K, v V) {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(k, (*p).k); {
		case c < 0:
			p = &(*p).left
		case c > 0:
			p = &(*p).right
		default:
			(*p).v = v
			return
		}
	}
	*p = &bstNode[K, V]{k: k, v: v}
	t.size++
}

func (t *BST[K, V]) Get(k K) (V, bool) {
	for n := t.root; n != nil; {
		switch c := cmp.Compare(k, n.k); {
		case c < 0:
			n = n.left
		case c > 0:
			n = n.right
		default:
			return n.v, true
		}
	}
	var zero V
	return zero, false
}

func (t *BST[K, V]) InOrder(visit func(K, V)) {
	var walk func(*bstNode[K, V])
	walk = func(n *bstNode[K, V]) {
		if n != nil {
			walk(n.left)
			visit(n.k, n.v)
			walk(n.right)
		}
	}
	walk(t.root)
}

func (t *BST[K, V]) Height() int {
	var h func(*bstNode[K, V]) int
	h = func(n *bstNode[K, V]) int {
		if n == nil {
			return 0
		}
		return 1 + max(h(n.left), h(n.right))
	}
	return h(t.root)
}

type task struct {
	name     string
	priority int
	index    int
}

type pq []*task

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	if q[i].priority != q[j].priority {
		return q[i].priority > q[j].priority
	}
	return q[i].name < q[j].name
}
func (q pq) Swap(i, j int) { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *pq) Push(x any)   { t := x.(*task); t.index = len(*q); *q = append(*q, t) }
func (q *pq) Pop() any {
	old := *q
	t := old[len(old)-1]
	*q = old[:len(old)-1]
	t.index = -1
	return t
}
func (q *pq) update(t *task, p int) { t.priority = p; heap.Fix(q, t.index) }

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func MapSlice[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
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

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }

type meters float64

func main() {
	var s Stack[string]
	for _, w := range strings.Fields("to be or not") {
		s.Push(w)
	}
	for s.Len() > 0 {
		v, _ := s.Pop()
		fmt.Print(v, " ")
	}
	_, err := s.Pop()
	fmt.Println("|", err)

	q := NewQueue[int](3)
	for i := 1; i <= 4; i++ {
		fmt.Print(q.Enqueue(i), " ")
	}
	v, _ := q.Dequeue()
	q.Enqueue(5)
	fmt.Print(v)
	for {
		v, ok := q.Dequeue()
		if !ok {
			break
		}
		fmt.Print(" ", v)
	}
	fmt.Println()

	var l List[rune]
	for _, r := range "hello" {
		l.PushBack(r)
	}
	l.PushFront('>')
	l.Reverse()
	for r := range l.All() {
		fmt.Printf("%c", r)
	}
	fmt.Println(" len", l.n)

	var t BST[string, int]
	for i, w := range strings.Fields("m d x a f z m b") {
		t.Put(w, i)
	}
	t.InOrder(func(k string, v int) { fmt.Printf("%s:%d ", k, v) })
	got, ok := t.Get("f")
	_, ok2 := t.Get("q")
	fmt.Println("| size", t.size, "height", t.Height(), got, ok, ok2)

	tasks := map[string]int{"write": 3, "test": 5, "deploy": 1, "review": 5, "plan": 4}
	h := &pq{}
	var review *task
	for _, name := range []string{"write", "test", "deploy", "review", "plan"} {
		tk := &task{name: name, priority: tasks[name]}
		if name == "review" {
			review = tk
		}
		heap.Push(h, tk)
	}
	h.update(review, 0)
	for h.Len() > 0 {
		tk := heap.Pop(h).(*task)
		fmt.Printf("%s(%d) ", tk.name, tk.priority)
	}
	fmt.Println()

	ll := list.New()
	ll.PushBack(1)
	ll.PushFront(0)
	e := ll.PushBack(3)
	ll.InsertBefore(2, e)
	for e := ll.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(ll.Len())

	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[meters](1, 2.5), Sum[int]())
	fmt.Println(MapSlice([]int{1, 2, 3}, func(i int) string { return strings.Repeat("#", i) }))
	fmt.Println(Reduce([]string{"a", "bb", "ccc"}, 0, func(n int, s string) int { return n + len(s) }))
	fmt.Println([]Pair[string, int]{{"a", 1}, {"b", 2}}, Pair[int, []string]{1, []string{"x"}})
	fmt.Printf("%T %T %T\n", Stack[int]{}, &BST[string, float64]{}, Pair[meters, error]{})
}
