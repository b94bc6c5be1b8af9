// Package other gives the oracle corpus types from a second package, whose
// import path is not its name and has a dot in its last element, which gc
// escapes in link strings.
package other

type T struct {
	x int
	Y string
}

func (T) Exported()   {}
func (T) hidden()     {}
func (*T) ptrHidden() {}

type Iface interface {
	Visible()
	secret()
}

type Gen[E any] struct{ e E }

func (g Gen[E]) Get() E { return g.e }
func (Gen[E]) put(E)    {}

type Small int

func (Small) tiny() {}
