// Classifies runes of several scripts with package unicode: categories,
// scripts, case mappings, SimpleFold orbits and special cases.
package main

import (
	"fmt"
	"unicode"
)

func classes(r rune) string {
	var s []byte
	add := func(ok bool, c byte) {
		if ok {
			s = append(s, c)
		} else {
			s = append(s, '.')
		}
	}
	add(unicode.IsLetter(r), 'L')
	add(unicode.IsUpper(r), 'U')
	add(unicode.IsLower(r), 'l')
	add(unicode.IsTitle(r), 'T')
	add(unicode.IsDigit(r), 'D')
	add(unicode.IsNumber(r), 'N')
	add(unicode.IsSpace(r), 'S')
	add(unicode.IsPunct(r), 'P')
	add(unicode.IsSymbol(r), 'Y')
	add(unicode.IsMark(r), 'M')
	add(unicode.IsControl(r), 'C')
	add(unicode.IsGraphic(r), 'G')
	add(unicode.IsPrint(r), 'p')
	return string(s)
}

func main() {
	for _, r := range "aZ5 \t!€é\u0301ǅ٣Ⅻ世\u00a0\u200b😀\x7fß\u2028" {
		script := "?"
		for name, tab := range map[string]*unicode.RangeTable{"Latin": unicode.Latin, "Han": unicode.Han, "Arabic": unicode.Arabic, "Greek": unicode.Greek} {
			if unicode.Is(tab, r) {
				script = name
			}
		}
		fmt.Printf("%U %-6q %s %-6s upper=%q lower=%q title=%q\n", r, r, classes(r), script, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	for _, r := range []rune{'k', 'K', 'ſ', 'A', '1', 'Σ'} {
		fmt.Printf("%q:", r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			fmt.Printf(" %q", f)
		}
		fmt.Println()
	}
	fmt.Println(unicode.In('ж', unicode.Cyrillic, unicode.Latin), unicode.IsOneOf([]*unicode.RangeTable{unicode.Digit, unicode.Letter}, '_'))
	fmt.Printf("%q %q\n", unicode.TurkishCase.ToUpper('i'), unicode.TurkishCase.ToLower('I'))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar == '\uFFFD', unicode.Version != "")
}
