package main

import (
	"strings"
	"unicode"
)

func main() {
	s := "The quick brown fox jumps over the lazy dog"
	println(strings.Count(s, "o"), strings.Count(s, ""), strings.LastIndex(s, "o"), strings.IndexAny(s, "xyz"))
	println(strings.HasPrefix(s, "The"), strings.HasSuffix(s, "dog"), strings.Contains(s, "fox"), strings.ContainsRune(s, 'z'))
	println(strings.ToLower(s), strings.ToUpper("ünïcödé"), strings.ToTitle("go"))
	println(strings.Replace(s, "o", "0", 2), strings.ReplaceAll(s, " ", "_"))
	for i, f := range strings.Fields(s) {
		print(i, ":", f, " ")
	}
	println()
	for _, p := range strings.SplitN("a,b,c,d", ",", 3) {
		print("[", p, "]")
	}
	println()
	for _, p := range strings.SplitAfter("a,b,c", ",") {
		print("[", p, "]")
	}
	println()
	println(strings.Trim("xxhixx", "x"), strings.TrimLeft("  hi", " "), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, "banana"))
	before, after, found := strings.Cut("key=value", "=")
	println(before, after, found)
	println(strings.EqualFold("Gopher", "GOPHER"), strings.Compare("a", "b"), strings.Repeat("-", 10))
	var b strings.Builder
	for i := 0; i < 5; i++ {
		b.WriteString("x")
		b.WriteRune('é')
		b.WriteByte('|')
	}
	println(b.String(), b.Len())
	r := strings.NewReader("hello world")
	buf := make([]byte, 5)
	n, _ := r.Read(buf)
	println(n, string(buf), r.Len())
	println(strings.Title("hello wide world"), strings.IndexFunc("abc1", unicode.IsDigit), strings.LastIndexByte("abca", 'a'))
	println(strings.ContainsAny("hello", "xyz"), strings.IndexRune("chicken", 'k'), strings.Join([]string{}, ","), len(strings.Split("", ",")))
	for l := range strings.Lines("one\ntwo\nthree") {
		print("<", l, ">")
	}
	println()
	for part := range strings.SplitSeq("x-y-z", "-") {
		print(part, ";")
	}
	println()
}
