// A store into the bytes of a string constant. gc keeps string constants in
// read-only memory, so the store faults; the constant must never read as
// "Jello".
//
// want: stop
package main

import "unsafe"

func main() {
	s := "hello"
	println("mark: before")
	*unsafe.StringData(s) = 'J'
	if "hello"[0] == 'J' {
		println("mark: WRONG: the constant \"hello\" now reads \"Jello\"")
	}
	println("mark: after")
}
