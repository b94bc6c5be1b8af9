package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
)

const sample = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness.`

type stats struct {
	lines, words, chars, bytes int
	freq                       map[string]int
}

func count(r io.Reader) (stats, error) {
	s := stats{freq: map[string]int{}}
	br := bufio.NewReader(r)
	inWord := false
	var word strings.Builder
	for {
		c, size, err := br.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, err
		}
		s.chars++
		s.bytes += size
		if c == '\n' {
			s.lines++
		}
		if unicode.IsLetter(c) || c == '\'' {
			word.WriteRune(unicode.ToLower(c))
			inWord = true
		} else if inWord {
			s.words++
			s.freq[word.String()]++
			word.Reset()
			inWord = false
		}
	}
	if inWord {
		s.words++
		s.freq[word.String()]++
	}
	return s, nil
}

func main() {
	top := flag.Int("top", 5, "show the N most frequent words")
	flag.Parse()
	st, err := count(strings.NewReader(sample))
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	fmt.Printf("%7d %7d %7d %7d\n", st.lines, st.words, st.chars, st.bytes)
	type kv struct {
		w string
		n int
	}
	var kvs []kv
	for w, n := range st.freq {
		kvs = append(kvs, kv{w, n})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].n != kvs[j].n {
			return kvs[i].n > kvs[j].n
		}
		return kvs[i].w < kvs[j].w
	})
	for _, e := range kvs[:*top] {
		fmt.Printf("%-8s %3d %s\n", e.w, e.n, strings.Repeat("#", e.n))
	}
	in, err := count(os.Stdin)
	fmt.Println("stdin:", in.lines, in.words, err)
	sc := bufio.NewScanner(os.Stdin)
	fmt.Println(sc.Scan(), sc.Err())
	if flag.NArg() > 0 {
		fmt.Println("args:", flag.Args())
	}
	if st.words != 48 {
		os.Exit(3)
	}
}
