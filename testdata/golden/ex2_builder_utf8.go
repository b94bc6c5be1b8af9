// strings.Builder and bytes.Buffer growth and reuse, and unicode/utf8 on
// valid and invalid bytes: DecodeRune of bad sequences, range over invalid
// strings, RuneLen, EncodeRune, ValidString, and string conversions.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

func main() {
	var sb strings.Builder
	fmt.Println(sb.Len(), sb.Cap())
	sb.Grow(10)
	fmt.Println(sb.Len(), sb.Cap() >= 10)
	for i := range 5 {
		fmt.Fprintf(&sb, "%d,", i)
	}
	sb.WriteByte('|')
	sb.WriteRune('é')
	sb.WriteString("end")
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())

	var buf bytes.Buffer
	buf.WriteString("hello, world\nsecond line\nthird")
	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v %d\n", line, err, buf.Len())
	b3 := buf.Next(3)
	fmt.Printf("%q %q\n", b3, buf.String())
	r, size, _ := buf.ReadRune()
	fmt.Println(string(r), size, buf.UnreadRune(), buf.UnreadRune())
	buf.Truncate(4)
	fmt.Printf("%q\n", buf.String())
	c, _ := buf.ReadByte()
	buf.UnreadByte()
	rest, _ := io.ReadAll(&buf)
	fmt.Printf("%c %q %d\n", c, rest, buf.Len())
	bb := bytes.NewBuffer(make([]byte, 0, 4))
	for i := range 100 {
		bb.WriteByte(byte('a' + i%26))
	}
	fmt.Println(bb.Len(), bb.Cap() >= 100, bb.String()[:30])
	n, err := bb.WriteTo(io.Discard)
	fmt.Println(n, err, bb.Len())
	_, err = bb.ReadByte()
	fmt.Println(err)

	bad := []string{"ok", "\xff", "a\xc3", "\xc3\x28", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "é", "\U0010FFFF", "€\x80x"}
	for _, s := range bad {
		r, size := utf8.DecodeRuneInString(s)
		lr, lsize := utf8.DecodeLastRuneInString(s)
		fmt.Printf("%-18q valid=%-5v count=%d first=%U/%d last=%U/%d full=%v runes=%q\n", s, utf8.ValidString(s), utf8.RuneCountInString(s), r, size, lr, lsize, utf8.FullRuneInString(s), []rune(s))
		for i, r := range s {
			fmt.Printf("  %d:%U", i, r)
		}
		fmt.Println()
	}
	for _, r := range []rune{'a', 'é', '€', '😀', -1, 0xD800, 0x110000} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		fmt.Printf("%U len=%d valid=%v enc=% x\n", r, utf8.RuneLen(r), utf8.ValidRune(r), buf[:n])
	}
	fmt.Println(string(rune(65)), string(rune(-1)), []byte("€"), string([]byte{0xe2, 0x82, 0xac}), utf8.AppendRune([]byte("x"), '✓'))
	fmt.Println(strings.ToValidUTF8("a\xffb\xfe\xfdc", "?"), bytes.ToValidUTF8([]byte("\xff"), []byte("\uFFFD")), strings.Map(func(r rune) rune { return r }, "x\xffy"))
	fmt.Printf("%x % X %q %+q\n", "héllo", []byte("héllo"), "tab\there\x00", "héllo")
}
