// A forged array descriptor on the heap, a copy of [4]int's with a length
// that does not match its size, used as a map key's dynamic type: hashing
// walks the elements.
//
// want: stop
package main

import "unsafe"

func typeWord(x any) uintptr { return (*[2]uintptr)(unsafe.Pointer(&x))[0] }

func main() {
	forged := new([9]uintptr)
	*forged = *(*[9]uintptr)(unsafe.Pointer(typeWord([4]int{})))
	forged[8] = 1 << 40 // ArrayType.Len
	var a any = [4]int{1, 2, 3, 4}
	(*[2]uintptr)(unsafe.Pointer(&a))[0] = uintptr(unsafe.Pointer(forged))
	m := map[any]int{}
	println("mark: before")
	m[a]++
	println("mark: after", len(m))
}
