// math/bits: counting, rotating, reversing, lengths, and the full-width
// arithmetic helpers, checked against plain loops.
package main

import (
	"fmt"
	"math/bits"
)

func popLoop(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func main() {
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x1234_5678_9abc_def0, 1 << 63, ^uint64(0)}
	for _, v := range vals {
		fmt.Printf("%#018x ones=%2d/%2d lz=%2d tz=%2d len=%2d rev=%#x rot7=%#x rotm7=%#x bytes=%#x\n",
			v, bits.OnesCount64(v), popLoop(v), bits.LeadingZeros64(v), bits.TrailingZeros64(v), bits.Len64(v),
			bits.Reverse64(v), bits.RotateLeft64(v, 7), bits.RotateLeft64(v, -7), bits.ReverseBytes64(v))
	}
	for _, v := range []uint32{0, 1, 0xf0f0, 0x8000_0001} {
		fmt.Println(bits.OnesCount32(v), bits.LeadingZeros32(v), bits.TrailingZeros32(v), bits.Len32(v), bits.Reverse32(v), bits.RotateLeft32(v, 3))
	}
	fmt.Println(bits.OnesCount8(0xaa), bits.Len8(5), bits.Reverse8(1), bits.ReverseBytes16(0x1234), bits.Len16(0x100), bits.LeadingZeros(1), bits.UintSize)
	sum, carry := bits.Add64(^uint64(0), 5, 1)
	fmt.Println(sum, carry)
	diff, borrow := bits.Sub64(3, 5, 0)
	fmt.Println(diff, borrow)
	hi, lo := bits.Mul64(0xdead_beef_cafe_babe, 0x1234_5678_9abc_def1)
	fmt.Printf("%#x %#x\n", hi, lo)
	q, r := bits.Div64(hi%7, lo, 7)
	fmt.Println(q, r, bits.Rem64(hi, lo, 1_000_000_007))
	s32, c32 := bits.Add32(0xffff_ffff, 1, 0)
	h32, l32 := bits.Mul32(0xffff_ffff, 0xffff_ffff)
	fmt.Println(s32, c32, h32, l32)
	try := func(hi, y uint64) {
		defer func() {
			r := recover()
			_, isRuntime := r.(interface{ RuntimeError() })
			fmt.Println("recovered:", r, isRuntime)
		}()
		bits.Div64(hi, 0, y)
	}
	try(1, 0)
	try(9, 3)
}
