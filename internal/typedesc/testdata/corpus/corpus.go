// The descriptor oracle's corpus: every type listed in corpus (and every type
// reachable from one: elements, fields, parameters, method types, map groups)
// is dumped by dump.go from a real gc binary and rebuilt by package typedesc
// from this file alone, and the two must agree field for field.
//
// This file imports only unsafe and other.v2, which the oracle test
// type-checks from source. Types declared inside functions are numbered by gc in
// source order across the package's files; dump.go sorts after corpus.go, so
// its own local types (it has none) could not shift these numbers.
package main

import (
	"unsafe"

	other "gort/internal/typedesc/testdata/corpus/other.v2"
)

// of registers T. The pointer keeps *T in the binary, so every root's
// PtrToThis is present natively as well.
func of[T any]() any { return (*T)(nil) }

// Named basic types, with value and pointer methods, exported and not.

type MyInt int

func (MyInt) String() string  { return "" }
func (MyInt) unexported()     {}
func (*MyInt) Set(v int)      {}
func (*MyInt) reset()         {}
func (MyInt) Add(o MyInt) int { return 0 }

type myString string

func (myString) Len() int { return 0 }

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return 0 }

type Flag bool
type Byte byte
type Rune rune
type Cplx complex64
type Addr uintptr
type Raw unsafe.Pointer

// A struct with value and pointer methods, exported and unexported.

type T struct {
	A    int
	b    string
	C, D *T
	e    []byte
}

func (T) Value() int                          { return 0 }
func (t T) value() int                        { return 0 }
func (*T) Pointer(a int, b ...string) error   { return nil }
func (*T) pointer() (int, bool)               { return 0, false }
func (T) Zeta()                               {}
func (T) alpha()                              {}
func (T) Multi(a, b int, c string) (x, y int) { return 0, 0 }

type t0 struct{ x int }

func (t0) Exported() {}
func (*t0) hidden()  {}

// Pointer-shaped named types: stored directly in interfaces.

type P struct{ p *int }

func (P) Get() int { return 0 }
func (*P) Put(int) {}
func (P) private() {}

type PtrArr [1]*T

func (PtrArr) First() *T { return nil }

type Handler func(string) error

func (h Handler) Serve(s string) error { return nil }

type Registry map[string]*T

func (Registry) Lookup(string) *T { return nil }

type Events chan<- string

func (Events) Emit() {}

type IntSlice []int

func (IntSlice) Len() int           { return 0 }
func (IntSlice) Less(i, j int) bool { return false }
func (IntSlice) Swap(i, j int)      {}

type Grid [3][3]float32

func (*Grid) Clear() {}

type PT *T

// Interfaces.

type Stringer interface{ String() string }

type reader interface {
	read(p []byte) (int, error)
}

type ReadStringer interface {
	Stringer
	reader
	Close() error
}

type Coded interface {
	error
	Code() int
}

type Empty interface{}

// getter is implemented by P, which is stored directly in interfaces.
type getter interface {
	Get() int
	private()
}

// Embedding.

type Inner struct {
	X, Y int
}

func (Inner) InnerValue() int { return 0 }
func (*Inner) InnerPtr()      {}
func (Inner) innerHidden()    {}

type Outer struct {
	Inner
	*T
	Stringer
	name string `doc:"a \"quoted\" name"`
}

type embedsPtr struct {
	*Inner
	n int
}

type Alias = Inner

type WithAlias struct {
	Alias
	Z int
}

// Recursive types.

type Node struct {
	Left, Right *Node
	Val         int
	Kids        []Node
	Parent      map[string]*Node
}

type Fn func(Fn) Fn
type Rec []Rec
type RecMap map[string]RecMap
type RecChan chan RecChan

// Generics.

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) Swap() Pair[K, V] { return p }
func (p *Pair[K, V]) SetVal(v V)      { p.Val = v }
func (p Pair[K, V]) key() K           { return p.Key }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return l }

type Set[K comparable] map[K]struct{}

func (Set[K]) Has(K) bool { return false }

type Getter[T any] interface{ Get() T }

type Num[T int | float64] []T

// Layout and equality cases.

type BigKey [200]byte
type BigElem struct {
	a [17]int64
	s string
}

type Padded struct {
	a int8
	b int64
	c int8
}

type Blank struct {
	_ int
	a int
	_ string
}

type ZeroTail struct {
	a int
	z [0]byte
}

type Mixed struct {
	I  any
	E  error
	F  float64
	C  complex128
	S  string
	A  [2]string
	P  *int
	fn func()
}

// Types from another package: its unexported names carry their package.

type Wrap struct {
	other.T
	n int
}

// hidden does not clash with other.T's hidden: unexported names of two
// packages are distinct, and the method table keeps both.
func (Wrap) hidden() {}

type MyIface interface {
	other.Iface
	own()
}

type HugePtrs [20000]*int
type HugeStrings [17000]string

func locals() []any {
	type localT struct {
		a int
		b *localT
	}
	type LocalInt int
	type localPair Pair[LocalInt, string]
	return []any{
		of[localT](),
		of[LocalInt](),
		of[*LocalInt](),
		of[localPair](),
		of[[]localT](),
		of[map[LocalInt]localT](),
		of[Box[localT]](),
		of[Pair[LocalInt, *localT]](),
	}
}

// A function literal's body counts as a function for the numbering too.
var fromLiteral = func() []any {
	type inLiteral struct{ p *int }
	return []any{of[inLiteral](), of[Box[inLiteral]]()}
}()

var corpus = append(append(locals(), fromLiteral...), []any{
	// Basic kinds.
	of[bool](),
	of[int](),
	of[int8](),
	of[int16](),
	of[int32](),
	of[int64](),
	of[uint](),
	of[uint8](),
	of[uint16](),
	of[uint32](),
	of[uint64](),
	of[uintptr](),
	of[float32](),
	of[float64](),
	of[complex64](),
	of[complex128](),
	of[string](),
	of[unsafe.Pointer](),
	of[byte](),
	of[rune](),
	of[error](),
	of[any](),

	// Named basic types.
	of[MyInt](),
	of[myString](),
	of[Celsius](),
	of[Flag](),
	of[Byte](),
	of[Rune](),
	of[Cplx](),
	of[Addr](),
	of[Raw](),

	// Pointers.
	of[*int](),
	of[**int](),
	of[*MyInt](),
	of[*T](),
	of[**T](),
	of[*struct{ a, b int }](),
	of[*[4]int](),
	of[*unsafe.Pointer](),
	of[*any](),
	of[*error](),
	of[*func()](),
	of[PT](),

	// Slices.
	of[[]int](),
	of[[]string](),
	of[[][]byte](),
	of[[]*T](),
	of[[]any](),
	of[[]error](),
	of[[]struct{ a int }](),
	of[[]func()](),
	of[[]map[string]int](),
	of[[]MyInt](),
	of[[]unsafe.Pointer](),
	of[IntSlice](),

	// Arrays.
	of[[0]int](),
	of[[0]string](),
	of[[0]*int](),
	of[[0]func()](),
	of[[1]string](),
	of[[1]float64](),
	of[[1]*int](),
	of[[1]struct{ p *int }](),
	of[[2]string](),
	of[[2]float32](),
	of[[3]int8](),
	of[[2]int16](),
	of[[4]float32](),
	of[[5]byte](),
	of[[16]byte](),
	of[[32]byte](),
	of[[3]*int](),
	of[[2]any](),
	of[[2]error](),
	of[[3][4]int](),
	of[[2][0]int](),
	of[[2]struct {
		a int8
		b int64
	}](),
	of[[100000]byte](),
	of[[1 << 20]int64](),
	of[[8]string](),
	of[PtrArr](),
	of[Grid](),
	of[HugePtrs](),
	of[HugeStrings](),
	of[[4]struct {
		s string
		n int
	}](),

	// Maps.
	of[map[string]int](),
	of[map[int]string](),
	of[map[int64]bool](),
	of[map[int32]int8](),
	of[map[float64]int](),
	of[map[complex128]int](),
	of[map[any]int](),
	of[map[error]bool](),
	of[map[Stringer]int](),
	of[map[[2]string]int](),
	of[map[struct {
		a int
		b string
	}]int](),
	of[map[BigKey]int](),
	of[map[int]BigElem](),
	of[map[int][128]byte](),
	of[map[string]struct{}](),
	of[map[struct{}]struct{}](),
	of[map[*T]int](),
	of[map[[129]byte][129]byte](),
	of[map[int8]int8](),
	of[map[Celsius]string](),
	of[map[chan int]bool](),
	of[map[[0]int]int](),
	of[map[[3]any]string](),
	of[map[string][]string](),
	of[Registry](),
	of[RecMap](),

	// Channels.
	of[chan int](),
	of[<-chan string](),
	of[chan<- *T](),
	of[chan (<-chan int)](),
	of[chan<- <-chan int](),
	of[<-chan chan int](),
	of[chan<- chan<- int](),
	of[chan struct{}](),
	of[chan [0]byte](),
	of[chan error](),
	of[Events](),
	of[RecChan](),

	// Functions.
	of[func()](),
	of[func(int) int](),
	of[func(int, ...string) (bool, error)](),
	of[func(...any)](),
	of[func() (int, string, error)](),
	of[func(func(int) bool)](),
	of[func(*T) *T](),
	of[func([]byte) (n int, err error)](),
	of[func(a, b int, c ...[]int)](),
	of[func(chan<- int, <-chan int) map[string]any](),
	of[func(struct{}, [0]int) unsafe.Pointer](),
	of[Handler](),
	of[Fn](),

	// Structs.
	of[struct{}](),
	of[struct{ a int }](),
	of[struct {
		A int
		b string
	}](),
	of[struct {
		x int8
		y int64
		z int8
	}](),
	of[struct {
		a int64
		b int8
	}](),
	of[struct{ f float64 }](),
	of[struct{ s string }](),
	of[struct{ c complex64 }](),
	of[struct{ i any }](),
	of[struct{ e error }](),
	of[struct {
		_ int
		a int
	}](),
	of[struct{ _ int }](),
	of[struct {
		a int
		_ [0]byte
	}](),
	of[struct {
		A int    `json:"a"`
		B string `json:"b,omitempty" xml:"b"`
		c bool   "k:\"v\""
	}](),
	of[struct{ T }](),
	of[struct{ *T }](),
	of[*struct{ T }](),
	of[struct{ Stringer }](),
	of[struct{ t0 }](),
	of[struct{ *t0 }](),
	of[struct{ int }](),
	of[struct{ error }](),
	of[struct{ Pair[int, string] }](),
	of[struct{ Alias }](),
	of[struct{ p *int }](),
	of[struct {
		a, b *int
		c    int
		d    string
	}](),
	of[struct {
		f  func()
		mp map[int]int
	}](),
	of[struct{ a [2]int16 }](),
	of[struct {
		a int32
		b int32
	}](),
	of[struct {
		a int16
		b int8
		c int8
	}](),
	of[struct {
		a uint8
		b uint16
	}](),
	of[struct {
		s struct {
			t struct{ u *string }
		}
		n [2]struct{ q uintptr }
	}](),
	of[struct {
		big  [300]byte
		tail *int
	}](),
	of[T](),
	of[t0](),
	of[P](),
	of[Inner](),
	of[Outer](),
	of[*Outer](),
	of[embedsPtr](),
	of[WithAlias](),
	of[Node](),
	of[Padded](),
	of[Blank](),
	of[ZeroTail](),
	of[Mixed](),
	of[BigKey](),
	of[BigElem](),

	// Interfaces.
	of[interface{ M() }](),
	of[interface{ m() }](),
	of[interface {
		M(int) string
		N()
		o() bool
	}](),
	of[interface {
		Stringer
		Extra(...int) (int, error)
	}](),
	of[interface{ error }](),
	of[Stringer](),
	of[reader](),
	of[ReadStringer](),
	of[Coded](),
	of[Empty](),
	of[getter](),
	of[[]Stringer](),

	// Generic instantiations.
	of[Pair[int, string]](),
	of[Pair[string, *T]](),
	of[*Pair[int, string]](),
	of[Pair[MyInt, []Pair[int, int]]](),
	of[Box[int]](),
	of[Box[[]string]](),
	of[Box[Pair[int, int]]](),
	of[Box[struct{ a int }]](),
	of[Box[map[string]Box[int]]](),
	of[List[int]](),
	of[*List[string]](),
	of[Set[string]](),
	of[Set[Pair[int, int]]](),
	of[Getter[int]](),
	of[Getter[*T]](),
	of[Num[float64]](),
	of[Box[func(int) error]](),
	of[Box[chan<- int]](),
	of[Box[interface{ m() }]](),

	// Another package.
	of[other.T](),
	of[*other.T](),
	of[other.Iface](),
	of[other.Small](),
	of[other.Gen[int]](),
	of[other.Gen[T]](),
	of[[]other.Gen[string]](),
	of[Box[other.T]](),
	of[struct{ other.T }](),
	of[struct{ *other.T }](),
	of[struct{ other.Small }](),
	of[struct{ o other.Small }](),
	of[interface {
		other.Iface
		m()
	}](),
	of[map[other.Small]other.T](),
	of[Wrap](),
	of[MyIface](),
}...)
