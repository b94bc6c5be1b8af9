package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.(com|org)`)
	text := "contact: alice@example.com, bob@test.org; bad@nowhere.net"
	fmt.Println(re.MatchString(text), re.FindString(text), re.FindStringIndex(text))
	fmt.Println(re.FindAllString(text, -1), re.FindAllString(text, 1))
	fmt.Println(re.FindStringSubmatch(text))
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		fmt.Print(m, " ")
	}
	fmt.Println()
	fmt.Println(re.ReplaceAllString(text, "$1 at $2"), re.NumSubexp())
	fmt.Println(re.ReplaceAllStringFunc(text, strings.ToUpper))
	named := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})`)
	m := named.FindStringSubmatch("date: 2024-03-15!")
	for i, n := range named.SubexpNames() {
		if n != "" {
			fmt.Printf("%s=%s ", n, m[i])
		}
	}
	fmt.Println(named.SubexpIndex("month"))
	fmt.Println(named.ReplaceAllString("2024-03-15 and 1999-12-31", "${day}/${month}/${year}"))
	tmpl := []byte{}
	for _, sm := range named.FindAllStringSubmatchIndex("x 2001-02-03 y", -1) {
		tmpl = named.ExpandString(tmpl, "[$month.$day]", "x 2001-02-03 y", sm)
	}
	fmt.Println(string(tmpl))
	fmt.Println(regexp.MustCompile(`a+b*`).FindAllString("aaabbb ab a b aab", -1))
	fmt.Println(regexp.MustCompile(`(?i)hello`).MatchString("HeLLo world"))
	fmt.Println(regexp.MustCompile(`^\s*(#.*)?$`).MatchString("   # comment"))
	fmt.Printf("%q\n", regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ;  d", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`x*`).Split("axbxxc", -1))
	fmt.Println(regexp.MustCompile(`(?m)^line\d$`).FindAllString("line1\nline2\nxline3\nline4", -1))
	fmt.Println(regexp.MustCompile(`(?s)start.*end`).FindString("start\nmiddle\nend"))
	fmt.Println(regexp.MustCompile(`a.*?b`).FindString("a123b456b"), regexp.MustCompile(`a.*b`).FindString("a123b456b"))
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes] $5.00"), regexp.MustCompile(regexp.QuoteMeta("a.b")).MatchString("axb"))
	_, err := regexp.Compile(`(unclosed`)
	fmt.Println(err)
	_, err = regexp.Compile(`a**`)
	fmt.Println(err)
	ok, err := regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]")
	fmt.Println(ok, err)
	b := regexp.MustCompile(`\d+`).ReplaceAllFunc([]byte("a1b22c333"), func(s []byte) []byte { return []byte(fmt.Sprint(len(s))) })
	fmt.Println(string(b))
	fmt.Println(regexp.MustCompile(`[\p{Greek}]+`).FindAllString("abc αβγ def δ", -1), regexp.MustCompile(`\bgo\b`).FindAllStringIndex("go gopher go", -1))
	re2 := regexp.MustCompile(`(a|ab)(c|bcd)(d*)`)
	fmt.Println(re2.FindStringSubmatch("abcd"), re2.String())
	lre := regexp.MustCompilePOSIX(`(a|ab)(c|bcd)(d*)`)
	fmt.Println(lre.FindStringSubmatch("abcd"))
	fmt.Println(regexp.MustCompile(`^(\d{3})-(\d{4})$`).ReplaceAllString("555-1234", "($1) $2"), regexp.MustCompile(`(x)?y`).FindStringSubmatch("y"))
	fmt.Println(regexp.MustCompile(`o`).ReplaceAllLiteralString("foo", "$1"), regexp.MustCompile("[[:upper:]]").FindAllString("aBcDe", -1))
	valid := regexp.MustCompile(`^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`)
	for _, e := range []string{"user@mail.com", "bad@", "x.y+z@sub.domain.io", "@no.com"} {
		fmt.Print(e, ":", valid.MatchString(e), " ")
	}
	fmt.Println()
}
