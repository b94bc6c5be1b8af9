// Two timers: the first's handle word is overwritten with the second's, so
// the handle is in range but names another timer's record. Stopping the
// first must not stop the second: the runtime checks that a record belongs
// to the object naming it.
package main

// want: stop

import (
	"time"
	"unsafe"
)

func main() {
	a := time.NewTimer(time.Hour)
	b := time.NewTimer(time.Hour)
	wa := (*[3]uintptr)(unsafe.Pointer(a))
	wb := (*[3]uintptr)(unsafe.Pointer(b))
	println("mark: before")
	wa[2] = wb[2]
	a.Stop()
	println("mark: after")
}
