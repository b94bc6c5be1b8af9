// The package variables of this program have the types whose pointer words
// TestDataMask checks in the image's data mask. Those named s are laid out
// as static data, pointing at objects the static-data pass made.
// frameArray's frame holds an array of pointers, which its pointer maps
// must cover however long it is.
package main

import (
	"fmt"
	"io"
	"os"
	"unsafe"
)

type mixed struct {
	a int
	p *int
	s string
	n int32
	e any
	f [2]uint8
	q []int
}

type node struct {
	n    int
	next *node
	name string
}

var (
	gPtr    *int
	gStr    string
	gSlice  []byte
	gMap    map[string]int
	gChan   chan int
	gFunc   func()
	gIface  any
	gErr    error
	gUnsafe unsafe.Pointer
	gInt    int
	gFloats [4]float64
	gMixed  mixed
	gArr    [3]*int
	gBigArr [3000]*byte
	gPairs  [2]struct {
		x, y int
		p    *int
	}
	gScalars struct{ a, b int }
	gEmpty   struct{}

	x     int
	sNode = &node{n: 1, next: &node{n: 2}, name: "a"}
	sPtrs = []*int{&x, nil, &x}
)

func frameArray() int {
	var a [2000]*int
	for i := range a {
		a[i] = &x
	}
	s := 0
	for i := range a {
		s += *a[i]
	}
	return s
}

func main() {
	gPtr, gStr, gSlice = &x, "s", []byte("b")
	gMap, gChan, gFunc = map[string]int{}, make(chan int), func() {}
	gIface, gErr, gUnsafe = 1, io.EOF, unsafe.Pointer(&x)
	gInt, gFloats[0] = 1, 2
	gMixed.p, gArr[1], gBigArr[2999] = &x, &x, new(byte)
	gPairs[1].p, gScalars.a = &x, 1
	fmt.Fprintln(os.Stdout, *gPtr, gStr, len(gSlice), len(gMap), gIface, gErr, gInt, gFloats[0], *gMixed.p, *gArr[1], *gBigArr[2999], *gPairs[1].p, gScalars.a, gEmpty, sNode.next.n, len(sPtrs), gUnsafe != nil, gChan != nil, gFunc != nil, frameArray())
}
