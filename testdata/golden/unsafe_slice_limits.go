// unsafe.Slice and unsafe.String refuse a length that is negative, too large
// for an int, or whose bytes would run past the end of the address space,
// and a nil pointer with a non-zero length, with the runtime's messages.
package main

import (
	"fmt"
	"math"
	"unsafe"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	neg, big := -1, uint64(math.MaxUint64)
	max := ^uintptr(0)
	last := (*byte)(unsafe.Pointer(max))
	try("slice neg", func() { _ = unsafe.Slice(new(byte), neg) })
	try("slice big", func() { _ = unsafe.Slice(new(byte), big) })
	try("slice nil", func() { _ = unsafe.Slice((*int)(nil), 1) })
	try("slice nil huge", func() { _ = unsafe.Slice((*uint64)(nil), max/8+1) })
	try("slice overflow", func() { _ = unsafe.Slice(new(uint64), max/8) })
	try("slice past end", func() { _ = unsafe.Slice(last, 2) })
	try("slice last byte", func() { _ = unsafe.Slice(last, 1) })
	try("slice zero size nil", func() { _ = unsafe.Slice((*struct{})(nil), 5) })
	try("string neg", func() { _ = unsafe.String(new(byte), neg) })
	try("string big", func() { _ = unsafe.String(new(byte), big) })
	try("string nil", func() { _ = unsafe.String(nil, 1) })
	try("string past end", func() { _ = unsafe.String(last, 2) })
	try("string last byte", func() { _ = unsafe.String(last, 1) })
}
