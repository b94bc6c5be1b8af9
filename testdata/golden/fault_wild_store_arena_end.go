// An 8-byte store whose first 4 bytes are the last of gort's arena
// (0x3000_0000_0000 + 64 GiB); gc maps nothing there.
package main

import "unsafe"

func main() {
	p := (*int64)(unsafe.Pointer(uintptr(0x3010_0000_0000 - 4)))
	println("mark: before")
	*p = 1
	println("mark: after")
}
