// Slurps stdin with io.ReadAll and reports byte, rune, line and word
// counts plus a checksum, like wc with extras.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	lines := bytes.Count(data, []byte("\n"))
	words := len(bytes.Fields(data))
	fmt.Printf("%d %d %d %d\n", lines, words, utf8.RuneCount(data), len(data))
	fmt.Printf("valid utf8: %v\n", utf8.Valid(data))
	fmt.Printf("sha256: %x\n", sha256.Sum256(data))
	rev := bytes.Runes(bytes.TrimSpace(data))
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	fmt.Println(string(rev))
	n, err := os.Stdin.Read(make([]byte, 10))
	fmt.Println("after EOF:", n, err)
}
