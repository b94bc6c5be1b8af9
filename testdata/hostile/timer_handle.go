// A time.Timer's object holds, after the time package's C and init flag,
// the word that names the runtime's timer record. The program overwrites
// it with a forged handle and stops the timer: the runtime must refuse
// the word, not index its timer table with it.
package main

// want: stop

import (
	"time"
	"unsafe"
)

func main() {
	t := time.NewTimer(time.Hour)
	w := (*[3]uintptr)(unsafe.Pointer(t))
	println("mark: before")
	w[2] = 1 << 40
	t.Stop()
	println("mark: after")
}
