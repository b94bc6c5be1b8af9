package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			clean = append(clean, r)
		}
	}
	for i := 0; i < len(clean)/2; i++ {
		if clean[i] != clean[len(clean)-1-i] {
			return false
		}
	}
	return true
}

func wordFreq(text string) map[string]int {
	freq := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		freq[w]++
	}
	return freq
}

func caesar(s string, shift int) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+rune(shift)+26)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+rune(shift)+26)%26
		}
		return r
	}, s)
}

func main() {
	s := "Hello, 世界! héllo"
	fmt.Println(len(s), utf8.RuneCountInString(s), reverse(s))
	for i, r := range "aé世" {
		fmt.Print(i, ":", string(r), "(", utf8.RuneLen(r), ") ")
	}
	fmt.Println()
	fmt.Println(strings.Contains(s, "世"), strings.ContainsRune(s, 'é'), strings.ContainsAny(s, "xyz!"))
	fmt.Println(strings.Index(s, "l"), strings.LastIndex(s, "l"), strings.IndexByte(s, '!'), strings.IndexRune(s, '界'), strings.IndexAny(s, "!,"), strings.Index(s, "zz"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("", ",")), strings.SplitN("a=b=c", "=", 2), strings.SplitAfter("a.b.c", "."))
	fmt.Printf("%q\n", strings.Fields("  lots   of\tspace\n here  "))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Repeat("ab", 3), strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("aaaa", "aa", "c"))
	fmt.Println(strings.ToUpper("straße"), strings.ToLower("ÀÉÎ"), strings.Title("hello world"), strings.ToTitle("ǆ"))
	fmt.Printf("%q %q %q %q\n", strings.TrimSpace("  \t x y \n"), strings.Trim("xxhixx", "x"), strings.TrimLeft("aabcaa", "a"), strings.TrimSuffix("file.go", ".go"))
	fmt.Printf("%q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Println(strings.HasPrefix(s, "Hell"), strings.HasSuffix(s, "llo"), strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"), strings.Count("five", ""))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "%d;", i)
	}
	sb.WriteByte('|')
	sb.WriteRune('✓')
	sb.WriteString("end")
	fmt.Println(sb.String(), sb.Len())
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("<a href=\"x&y\">"))
	fmt.Println(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("Go gopher"))
	freq := wordFreq("The cat and the hat. The END, isn't it? the")
	fmt.Println(freq["the"], freq["isn't"], len(freq))
	fmt.Println(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3))
	fmt.Println(strings.Title("ünicode"), strings.IndexFunc("abc1", unicode.IsDigit), strings.LastIndexByte("abca", 'a'))
	bad := string([]byte{0xff, 'a', 0xc3})
	fmt.Println(utf8.ValidString(bad), utf8.ValidString(s), []rune(bad), len([]rune(bad)))
	for i, r := range bad {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	fmt.Printf("%q %+q %x\n", bad, "héllo", "héllo")
	buf := make([]byte, 0, 8)
	buf = utf8.AppendRune(buf, '世')
	rr, size := utf8.DecodeRune(buf)
	lr, lsize := utf8.DecodeLastRuneInString("añ")
	fmt.Println(buf, string(rr), size, string(lr), lsize, utf8.RuneError)
	fmt.Println(unicode.IsUpper('Ä'), unicode.ToLower('Ä') == 'ä', unicode.IsSpace('\u00a0'), unicode.IsPunct('!'), unicode.Is(unicode.Han, '世'), unicode.In('α', unicode.Greek))
	var bb bytes.Buffer
	bb.WriteString("hello ")
	bb.Write([]byte("world"))
	fmt.Println(bb.String(), bb.Len())
	line, err := bb.ReadString(' ')
	fmt.Printf("%q %v %q\n", line, err, bb.String())
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")), bytes.ToUpper([]byte("abc")), string(bytes.TrimSpace([]byte("  x  "))))
	fmt.Println(bytes.Fields([]byte(" a b  c ")), bytes.Contains([]byte("seafood"), []byte("foo")), bytes.IndexByte([]byte("chicken"), 'k'))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("1"), []byte("2")}, []byte(", ")))
	fmt.Println(strings.EqualFold("σ", "Σ"), strings.ToUpper("ﬃ"), len(strings.ToUpper("ﬃ")))
	lines := strings.Lines("one\ntwo\nthree")
	for l := range lines {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	for part := range strings.SplitSeq("a|b|c", "|") {
		fmt.Print(part, ";")
	}
	fmt.Println()
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "banana"))
	x := "immutable"
	y := []byte(x)
	y[0] = 'I'
	fmt.Println(x, string(y), string(rune(65)), string(rune(0x10FFFF+1)) == "\uFFFD")
}
