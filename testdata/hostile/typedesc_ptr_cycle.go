// A forged pointer descriptor on the heap, a copy of *int's whose element
// type is itself: a valid type (type P *P spells one), so the program goes
// on, and nothing that follows the element chain may loop. It is compared,
// hashed as a map key, switched on, and walked by reflect.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

func typeWord(x any) uintptr { return (*[2]uintptr)(unsafe.Pointer(&x))[0] }

func main() {
	forged := new([7]uintptr)
	*forged = *(*[7]uintptr)(unsafe.Pointer(typeWord(new(int))))
	forged[5] &^= 0xffffffff << 32              // no PtrToThis
	forged[6] = uintptr(unsafe.Pointer(forged)) // PtrType.Elem
	var p *int
	var a any = p
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(forged))
	b := a
	println("mark: before")
	m := map[any]int{a: 1}
	m[b]++
	_, isStringer := a.(fmt.Stringer)
	t := reflect.TypeOf(a)
	for range 5 {
		t = t.Elem()
	}
	println("mark:", a == b, len(m), m[a], isStringer, t.Kind() == reflect.Pointer)
	println("mark: after")
}
