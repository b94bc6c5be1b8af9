// A forged descriptor on the heap, a copy of [2]string's with a kind byte
// that names no kind, passed to reflect, which allocates one through the
// runtime.
//
// want: stop
package main

import (
	"reflect"
	"unsafe"
)

func typeWord(x any) uintptr { return (*[2]uintptr)(unsafe.Pointer(&x))[0] }

func main() {
	forged := new([9]uintptr)
	*forged = *(*[9]uintptr)(unsafe.Pointer(typeWord([2]string{})))
	*(*uint8)(unsafe.Add(unsafe.Pointer(forged), 23)) = 31 // Kind_
	var a any = [2]string{}
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(forged))
	println("mark: before")
	v := reflect.New(reflect.TypeOf(a))
	println("mark: after", v.IsValid())
}
