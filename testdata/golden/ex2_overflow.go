// Integer overflow wraps in Go: signed and unsigned arithmetic at the
// limits, conversions that truncate, shifts beyond the width, and the
// classic hash functions that rely on wrapping.
package main

import (
	"fmt"
	"math"
)

func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func djb2(s string) uint64 {
	var h uint64 = 5381
	for _, c := range []byte(s) {
		h = h<<5 + h + uint64(c)
	}
	return h
}

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var i16 int16 = -32768
	i16 = -i16
	var i32 int32 = math.MaxInt32
	i32 += 1
	var i64 int64 = math.MinInt64
	fmt.Println(i8, u8, i16, i32, i64-1, -i64, i64/-1)
	var u uint = 3
	fmt.Println(u-5, uint32(1)<<31<<1, int8(-128)/int8(-1), int64(math.MaxInt64)*2)
	big := 300
	neg := -1
	f := 3.99e9
	fmt.Println(int8(big), uint8(big), uint16(neg), uint32(neg), uint64(neg), int32(int64(f)), int(-3.99))
	var sh uint = 70
	fmt.Println(1<<sh, int64(-8)>>sh, uint64(1)<<(sh-7), int32(1)<<31, -7>>1, -7/2, -7%2, 7%-2)
	x := int64(1)
	for range 70 {
		x *= 3
	}
	fmt.Println(x)
	fmt.Println(fnv1a("hello"), fnv1a(""), djb2("hello world"), djb2("the quick brown fox jumps over the lazy dog"))
	fact := uint64(1)
	for n := uint64(1); n <= 25; n++ {
		fact *= n
		if n >= 19 {
			fmt.Println(n, fact, int64(fact))
		}
	}
	a, b := math.MaxInt64, 1
	if sum := a + b; sum < a {
		fmt.Println("overflow detected:", sum)
	}
	fmt.Printf("%b %o %x %X %#b %08b\n", -5, -8, -255, uint8(200), 5, int8(-1)&0x7f)
}
