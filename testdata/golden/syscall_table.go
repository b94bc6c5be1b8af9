// System calls with bad arguments fail with the kernel's errors in gc; under
// gort the syscall table refuses them itself, with the same errors.
package main

import (
	"fmt"
	"syscall"
	"unsafe"
)

func main() {
	_, _, e := syscall.Syscall(syscall.SYS_WRITE, 1, 0x1000, 10)
	fmt.Println("write from an unmapped address:", e)
	_, _, e = syscall.Syscall(syscall.SYS_CLOSE, 1000, 0, 0)
	fmt.Println("close of a descriptor never opened:", e)
	buf := []byte("written through syscall.Write\n")
	n, err := syscall.Write(1, buf)
	fmt.Println(n, err)
	_, err = syscall.Open("/nonexistent/file", syscall.O_RDONLY, 0)
	fmt.Println("open:", err)
	var st syscall.Stat_t
	err = syscall.Fstat(1000, &st)
	fmt.Println("fstat:", err)
	p := []byte("/nonexistent\x00")
	_, _, e = syscall.Syscall(syscall.SYS_OPENAT, uintptr(0xffffff9c), uintptr(unsafe.Pointer(&p[0])), 0)
	fmt.Println("openat:", e)
}
