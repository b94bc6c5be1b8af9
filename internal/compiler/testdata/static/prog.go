// The static-data pass's test program: each variable's name says whether
// its initialiser is laid out as data (s...) or stays init code (d...).
package main

import "unsafe"

type R16 struct{ Lo, Hi, Stride uint16 }

type Table struct {
	R16    []R16
	Latin  int
	Name   string
	Parent *Table
}

var sTable = &Table{R16: []R16{{0x41, 0x5a, 1}, {0xc0, 0xd6, 1}}, Latin: 2, Name: "Lu"}
var sChild = &Table{Name: "child", Parent: sTable}
var sCopy = sTable
var sTables = []*Table{sTable, sChild}
var sArray = [3]string{"a", "b", "c"}
var sElem = sArray[1]
var sPtr = &sArray[2]
var sSlice = sArray[1:]
var sBytes = []byte("bytes")
var sIface any = R16{1, 2, 3}
var sFunc = f
var sUnsafe = unsafe.Pointer(&sArray)

var dMap = map[string]int{"a": 1}
var sAfterMap = sTable // a map literal makes no call
var dCall = f()
var dCopyAfterCall = sTable // the call may have changed sTable
var sAfterCall = [2]int{1, 2}
var dMixed = []int{1, f(), 3}
var dUintptr = uintptr(unsafe.Pointer(&sArray))
var sClosure = func() int { return dCall } // captures nothing

func f() int { return 1 }

func main() {}
