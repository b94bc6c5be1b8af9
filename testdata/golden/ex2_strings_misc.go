// String utilities that text-processing examples use: Replacer, Fields and
// FieldsFunc, EqualFold, Map (rot13), title-casing by hand, Cut, padding.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

func title(s string) string {
	prev := ' '
	return strings.Map(func(r rune) rune {
		defer func() { prev = r }()
		if unicode.IsSpace(prev) || prev == '-' {
			return unicode.ToTitle(r)
		}
		return unicode.ToLower(r)
	}, s)
}

func main() {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	fmt.Println(r.Replace(`<a href="x">Tom & Jerry</a>`))
	r2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(r2.Replace("aaaa aaa aa a"))
	r3 := strings.NewReplacer("", "-")
	fmt.Println(r3.Replace("abc"))
	var sb strings.Builder
	r.WriteString(&sb, "1 < 2")
	fmt.Println(sb.String())

	fmt.Printf("%q\n", strings.Fields("  hello   world \t\n go  "))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b22c333;;d", unicode.IsDigit))
	fmt.Printf("%q\n", strings.FieldsFunc("k=v; x = y ;;z", func(r rune) bool { return r == ';' || r == '=' || r == ' ' }))
	for _, p := range [][2]string{{"Go", "GO"}, {"straße", "STRASSE"}, {"σ", "Σ"}, {"ǅ", "ǆ"}, {"K", "\u212a"}} {
		fmt.Println(p[0], p[1], strings.EqualFold(p[0], p[1]))
	}
	fmt.Println(strings.Map(rot13, "Hello, World!"), strings.Map(rot13, strings.Map(rot13, "round trip")))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return -1
		}
		return r
	}, "don't, stop! (ever)."))
	fmt.Println(title("the quick-brown FOX jumps"))
	before, after, found := strings.Cut("key=value=more", "=")
	fmt.Println(before, after, found)
	s, ok := strings.CutPrefix("prefix-body", "prefix-")
	fmt.Println(s, ok)
	s, ok = strings.CutSuffix("file.tar.gz", ".zip")
	fmt.Println(s, ok)
	fmt.Printf("[%-10s][%10s][%-10.3s][%*s]\n", "left", "right", "truncate", 6, "star")
	fmt.Println(strings.Repeat("=-", 10), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.IndexAny("golang", "nl"), strings.IndexRune("chicken", 'k'), strings.IndexFunc("Hello, 世界", unicode.IsUpper))
	fmt.Println(strings.SplitN("a,b,c,d", ",", 2), strings.SplitAfter("a,b,c", ","), len(strings.Split("", ",")))
	fmt.Println(strings.TrimLeft("xxhixx", "x"), strings.TrimPrefix("xxhixx", "x"), strings.Trim(" \t hi \n", " \t\n"), strings.TrimRight("hi!!?", "!?"))
	fmt.Println(strings.ContainsAny("hello", "xyz"), strings.ContainsRune("hello", 'l'), strings.ContainsFunc("abc1", unicode.IsDigit), strings.HasPrefix("", ""))
	fmt.Println(strings.ToUpper("ǆemal straße"), strings.ToLower("İSTANBUL"), strings.ToTitle("ǆ"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	for w := range strings.SplitSeq("one two three", " ") {
		fmt.Print(w, ";")
	}
	fmt.Println()
	for line := range strings.Lines("l1\nl2\r\nl3") {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  a b  c ") {
		fmt.Print("<", f, ">")
	}
	fmt.Println()
}
