package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"time"
	"unicode"
)

type item struct {
	Name  string
	Price float64
}

func main() {
	t := time.Date(2024, 3, 15, 10, 30, 0, 0, time.UTC)
	fmt.Println(t.Format(time.RFC3339), t.Weekday(), t.Add(36*time.Hour).Format("2006-01-02 15:04"), t.YearDay())
	fmt.Println(filepath.Join("a", "b", "../c"), filepath.Ext("x.tar.gz"), filepath.Base("/p/q.go"))
	sum := sha256.Sum256([]byte("hello"))
	fmt.Println(hex.EncodeToString(sum[:8]), base64.StdEncoding.EncodeToString([]byte("gort")), crc32.ChecksumIEEE([]byte("abc")))
	a := new(big.Int)
	a.SetString("123456789012345678901234567890", 10)
	b := big.NewInt(987654321)
	fmt.Println(new(big.Int).Mul(a, b), new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil))
	tmpl := template.Must(template.New("t").Parse("{{range .}}{{.Name}}: {{printf \"%.2f\" .Price}}\n{{end}}"))
	tmpl.Execute(os.Stdout, []item{{"apple", 1.5}, {"pear", 2.25}})
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := make([]string, 0)
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, strings.Map(unicode.ToUpper, "abc"))
	var buf bytes.Buffer
	io.Copy(&buf, strings.NewReader("copied"))
	fmt.Println(buf.String())
	entries, err := os.ReadDir(".")
	fmt.Println(len(entries) > 0, err)
	fmt.Println(time.Unix(1700000000, 0).UTC())
}
