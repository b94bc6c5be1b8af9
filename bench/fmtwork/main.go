// Fmtwork measures everyday standard-library work: fmt.Sprintf of several
// kinds of value, strconv.Itoa/Atoi round trips, strings.Builder, and
// sort.Slice over structs. It prints one checksum with the builtin println.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

const n = 20_000

type rec struct {
	name string
	v    int
	f    float64
}

func main() {
	sum := 0
	var b strings.Builder
	recs := make([]rec, 0, n)
	for i := 0; i < n; i++ {
		s := fmt.Sprintf("item-%05d %x %.2f %v", i, i*7, float64(i)/3, i%2 == 0)
		sum += len(s)
		v, err := strconv.Atoi(strconv.Itoa(i * 31))
		if err != nil {
			panic(err)
		}
		sum += v & 0xff
		b.WriteString(s[:4])
		b.WriteByte(' ')
		recs = append(recs, rec{name: s, v: (i * 7919) % n, f: float64(i) * 0.5})
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].v < recs[j].v })
	for i := 0; i < len(recs); i += 1000 {
		sum += recs[i].v + len(recs[i].name)
	}
	sum += len(strings.Fields(b.String()))
	println(sum)
}
