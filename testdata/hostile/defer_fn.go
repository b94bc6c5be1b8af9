// A defer record whose function word (the deferring function, which a
// recovery resumes) is forged to a huge index; a panic runs the deferred
// call and it recovers.
package main

import "unsafe"

func main() {
	println("mark: start")
	f()
	println("mark: after")
}

func f() {
	defer victim(pat[0], pat[1])
	d := findDefer()
	if d == 0 {
		println("mark: no defer record found")
		return
	}
	println("mark: before")
	*(*uintptr)(unsafe.Pointer(d + 16)) = 1 << 40
	panic("boom")
}

func victim(a, b uintptr) {
	println("mark: deferred call ran, recovered:", recover() != nil)
	if a != pat[0] || b != pat[1] {
		println("mark: WRONG: the deferred call got other arguments")
	}
}

// pat is the argument block of the deferred call, so that its defer record
// can be found by scanning the heap around a fresh allocation.
var pat = [2]uintptr{0x5eed_0001_dead_beef, 0x5eed_0002_cafe_f00d}

// findDefer returns the address of the defer record whose arguments are
// pat, or 0. gort's defer record is a heap object: link, frame, fn, code,
// ctxt, size, then the arguments.
func findDefer() uintptr {
	h := uintptr(unsafe.Pointer(new([8]*int)))
	for off := uintptr(0); off < 1<<20; off += 8 {
		for _, a := range [2]uintptr{h + off, h - off} {
			w := (*[8]uintptr)(unsafe.Pointer(a))
			if w[6] == pat[0] && w[7] == pat[1] && w[5] == 16 && w[3] != 0 {
				return a
			}
		}
	}
	return 0
}
