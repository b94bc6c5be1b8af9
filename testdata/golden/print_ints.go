// print and println of the integer kinds, booleans and strings.
package main

func main() {
	var i8 int8 = -128
	var i16 int16 = -32768
	var i32 int32 = -1 << 31
	var i64 int64 = -1 << 63
	var i int = 1<<63 - 1
	var u8 uint8 = 255
	var u16 uint16 = 65535
	var u32 uint32 = 1<<32 - 1
	var u64 uint64 = 1<<64 - 1
	var u uint = 0
	var up uintptr = 0xdeadbeef
	var r rune = 'é'
	var b byte = 'A'
	println(i8, i16, i32, i64, i)
	println(u8, u16, u32, u64, u, up)
	println(r, b, true, false)
	println("string", "", "tab\tand\nnewline", "ünïcödé")
	println()
	print(1, 2, "three", true, '4', "\n")
	print()
	print("no newline")
	print("\n")
	println(-0, +0, 0x7f, 0o17, 0b101, 1_000_000)
}
