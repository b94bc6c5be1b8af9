package conformance

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// FuzzCorrupt generates a small program that corrupts one runtime word
// through unsafe and runs it under gort; every run must keep the promise
// hostileVerdict checks (no host panic or signal, no hang, no run-on past a
// fault, no error that blames gort, no silently wrong result it can see).
//
// The input picks, each by modulo so that every input is a program:
//
//	tmpl   a program template (channels, a blocked receiver, select, defer,
//	       interfaces, strings, slices, closures, maps)
//	site   the word the template corrupts (an hchan or sudog field, a defer
//	       record field, a call header word, an itab or type word, a string
//	       or slice header word, read-only data)
//	val    the value written: fixed interesting values, values derived from
//	       the word's own address or old value, or raw
//	point  the operation that runs after the corruption
//	raw    a raw value, a bit to flip, and how much a template does before
//	       it corrupts
//
// The seeds below run in plain `go test`. A seed that breaks the promise
// today is listed, with its label and reason, in
// testdata/fuzzcorrupt_failing.txt: it still runs, and is skipped only when
// it fails that way; a listed seed that passes is reported. -update
// rewrites the list from the seeds' run. A longer campaign:
//
//	go test ./internal/conformance -run '^$' -fuzz FuzzCorrupt -fuzztime 10m
func FuzzCorrupt(f *testing.F) {
	for _, s := range corruptSeeds {
		f.Add(s.tmpl, s.site, s.val, s.point, s.raw)
	}
	known := readFuzzFailing(f)
	var mu sync.Mutex
	reasons := map[string]string{}
	if *update {
		f.Cleanup(func() {
			var lines []string
			for label, r := range reasons {
				lines = append(lines, label+": "+r)
			}
			slices.Sort(lines)
			writeFuzzFailing(f, lines)
		})
	}
	f.Fuzz(func(t *testing.T, tmpl, site, val, point uint8, raw uint64) {
		label, src := genCorrupt(tmpl, site, val, point, raw)
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "prog.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		listed, isListed := known[label]
		timeout := hostileTimeout
		if isListed && strings.HasPrefix(listed, "hang") && !*update {
			timeout = hostileKnownHang
		}
		r := runWatched(dir, timeout, hostileMemLimit, gortBin, "run", "prog.go")
		reason := hostileVerdict(r, hostileWant{})
		if *update {
			mu.Lock()
			if reason != "" {
				reasons[label] = reason
			}
			mu.Unlock()
			return
		}
		switch {
		case reason != "" && isListed:
			t.Skipf("%s: known failure (listed in %s): %s", label, fuzzFailingFile, reason)
		case reason != "":
			t.Errorf("%s: %s\nprogram:\n%s\noutput:\n%s", label, reason, src, indent(r.out))
		case isListed:
			t.Logf("%s passes now; run with -update to take it off %s", label, fuzzFailingFile)
		}
	})
}

const fuzzFailingFile = "testdata/fuzzcorrupt_failing.txt"

func readFuzzFailing(f *testing.F) map[string]string {
	b, err := os.ReadFile(fuzzFailingFile)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		f.Fatal(err)
	}
	m := map[string]string{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, reason, _ := strings.Cut(line, ": ")
		m[label] = reason
	}
	return m
}

func writeFuzzFailing(f *testing.F, lines []string) {
	var b strings.Builder
	b.WriteString("# FuzzCorrupt seeds (fuzz_corrupt_test.go) that break gort's promise today, by label, with the first reason.\n")
	b.WriteString("# Every other seed must pass. Regenerate: go test ./internal/conformance -run FuzzCorrupt -update\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(fuzzFailingFile, []byte(b.String()), 0o644); err != nil {
		f.Fatal(err)
	}
}

// corruptSeed is one FuzzCorrupt input.
type corruptSeed struct {
	tmpl, site, val, point uint8
	raw                    uint64
}

// corruptSeeds covers every template, and in each the classes of word the
// hostile corpus and the issue name.
var corruptSeeds = []corruptSeed{
	// chan-buffered: qcount, buf, sendx, recvx, elemsize, closed,
	// elemtype, recvq.first, sendq.first.
	{0, 0, 3, 0, 1}, {0, 2, 4, 0, 0}, {0, 6, 4, 0, 1}, {0, 7, 3, 0, 1},
	{0, 3, 2, 0, 1}, {0, 4, 1, 0, 0}, {0, 5, 7, 0, 1}, {0, 8, 4, 0, 0},
	{0, 10, 6, 2, 0},
	// chan-blocked: sudog g, elem, next, c; call header ret, saved fp, ctxt.
	{1, 0, 3, 0, 0}, {1, 3, 4, 0, 0}, {1, 1, 6, 1, 0}, {1, 4, 7, 0, 0},
	{1, 9, 2, 0, 0}, {1, 10, 3, 0, 0}, {1, 11, 7, 0, 0},
	// select-blocked: case index, waitlink, isSelect.
	{2, 8, 3, 0, 0}, {2, 7, 6, 1, 0}, {2, 5, 0, 0, 0},
	// defer: code, frame, size, fn, link, a deferred println's ctxt.
	{3, 3, 7, 0, 0}, {3, 1, 3, 1, 0}, {3, 5, 12, 0, 0}, {3, 2, 2, 1, 0},
	{3, 0, 6, 0, 0}, {3, 8, 7, 3, 0},
	// iface: eface type word, itab word, the itab's method, a descriptor.
	{4, 0, 7, 0, 0}, {4, 0, 7, 3, 0}, {4, 0, 4, 1, 0}, {4, 2, 4, 5, 0},
	{4, 2, 7, 5, 0}, {4, 4, 0, 5, 0}, {4, 5, 3, 0, 0},
	// string: pointer, length, a constant's bytes.
	{5, 0, 4, 0, 0}, {5, 1, 3, 7, 0}, {5, 0, 4, 1, 0}, {5, 2, 13, 0, 0},
	// slice: pointer, length, capacity.
	{6, 0, 4, 0, 0}, {6, 1, 3, 1, 0}, {6, 2, 2, 3, 0},
	// closure: code word, captured variable.
	{7, 0, 7, 0, 0}, {7, 0, 4, 1, 0}, {7, 1, 4, 0, 0},
	// map: a header word.
	{8, 0, 7, 0, 0},
}

// site is a word a template can corrupt: base is a Go expression, valid in
// the template's body, for the address of the object, off the word's
// offset in it and width its size in bytes.
type site struct {
	name  string
	base  string
	off   int
	width int
}

type template struct {
	name  string
	sites []site
	ops   []string // Go statements, one per point
	// body returns the template's main body; %CORRUPT% marks where the
	// corruption goes and %OP% the operation after it. pre is raw's
	// "how much first" (0, 1 or 2).
	body func(pre int) string
}

var corruptValues = []struct{ name, expr string }{
	{"zero", "0"},
	{"one", "1"},
	{"ones", "^uintptr(0)"},
	{"2^40", "1 << 40"},
	{"outside", "0x2000_0000_0000"},
	{"arena-end", "0x3010_0000_0000 - 4"},
	{"self", "obj"},
	{"junk", "junk()"},
	{"old+8", "old + 8"},
	{"old-8", "old - 8"},
	{"flip", "old ^ (1 << RAWBIT)"},
	{"raw", "uintptr(RAW)"},
	{"2^20", "1 << 20"},
	{"J", "'J'"},
}

var hchanSites = []site{
	{"qcount", "h", 0, 8}, {"dataqsiz", "h", 8, 8}, {"buf", "h", 16, 8},
	{"elemsize", "h", 24, 2}, {"closed", "h", 28, 4}, {"elemtype", "h", 40, 8},
	{"sendx", "h", 48, 8}, {"recvx", "h", 56, 8}, {"recvq.first", "h", 64, 8},
	{"recvq.last", "h", 72, 8}, {"sendq.first", "h", 80, 8}, {"sendq.last", "h", 88, 8},
}

func sudogSites(base string) []site {
	return []site{
		{"g", base, 0, 8}, {"next", base, 8, 8}, {"prev", base, 16, 8},
		{"elem", base, 24, 8}, {"c", base, 32, 8}, {"isSelect", base, 40, 1},
		{"success", base, 41, 1}, {"waitlink", base, 48, 8}, {"case", base, 56, 8},
	}
}

var corruptTemplates = []template{
	{
		name:  "chan-buffered",
		sites: hchanSites,
		ops: []string{
			"c <- 2\n\tprintln(\"mark: received\", <-c)",
			"println(\"mark: len\", len(c), cap(c))\n\tclose(c)\n\tfor range 6 {\n\t\tv, ok := <-c\n\t\tprintln(\"mark: got\", v, ok)\n\t}",
			"select {\n\tcase c <- 3:\n\t\tprintln(\"mark: sent\")\n\tcase v := <-c:\n\t\tprintln(\"mark: got\", v)\n\tdefault:\n\t\tprintln(\"mark: neither\")\n\t}",
		},
		body: func(pre int) string {
			return "c := make(chan int, 4)\n" + strings.Repeat("\tc <- 1\n", pre) +
				"\th := *(*uintptr)(unsafe.Pointer(&c))\n\t%CORRUPT%\n\t%OP%\n"
		},
	},
	{
		name: "chan-blocked",
		sites: append(sudogSites("sg"),
			site{"hdr.ctxt", "fp", -24, 8}, site{"hdr.savedfp", "fp", -16, 8}, site{"hdr.ret", "fp", -8, 8},
			site{"recvq.last", "h", 72, 8}, site{"closed", "h", 28, 4}),
		ops: []string{
			"c <- 41\n\t<-done",
			"close(c)\n\t<-done",
			"select {\n\tcase c <- 41:\n\t\t<-done\n\tdefault:\n\t\tprintln(\"mark: nobody to send to\")\n\t}",
		},
		body: func(int) string {
			return `c := make(chan int)
	done := make(chan bool, 1)
	go func() {
		println("mark: victim returned", victim(c, pat[0], pat[1]))
		done <- true
	}()
	h := *(*uintptr)(unsafe.Pointer(&c))
	sg := waitRecv(h)
	if sg == 0 {
		println("mark: no receiver blocked")
		return
	}
	fp := frameOf(*(*uintptr)(unsafe.Pointer(sg + 24)))
	if fp == 0 {
		println("mark: no victim frame found")
		return
	}
	%CORRUPT%
	%OP%
`
		},
	},
	{
		name:  "select-blocked",
		sites: append(sudogSites("sg1"), sudogSites("sg2")...),
		ops: []string{
			"c1 <- 1\n\t<-done",
			"c2 <- 2\n\t<-done",
			"close(c1)\n\t<-done",
		},
		body: func(int) string {
			return `c1, c2 := make(chan int), make(chan int)
	done := make(chan bool, 1)
	go func() {
		select {
		case v := <-c1:
			println("mark: c1", v)
		case v, ok := <-c2:
			println("mark: c2", v, ok)
		}
		done <- true
	}()
	sg1 := waitRecv(*(*uintptr)(unsafe.Pointer(&c1)))
	sg2 := waitRecv(*(*uintptr)(unsafe.Pointer(&c2)))
	if sg1 == 0 || sg2 == 0 {
		println("mark: no select blocked")
		return
	}
	%CORRUPT%
	%OP%
`
		},
	},
	{
		name: "defer",
		sites: []site{
			{"link", "d", 0, 8}, {"frame", "d", 8, 8}, {"fn", "d", 16, 8}, {"code", "d", 24, 8},
			{"ctxt", "d", 32, 8}, {"size", "d", 40, 8}, {"arg0", "d", 48, 8}, {"arg1", "d", 56, 8},
			{"println.ctxt", "d", 32, 8},
		},
		ops: []string{"return", "recovering = true\n\tpanic(\"boom\")", "panic(\"boom\")", "runtime.Goexit()"},
		body: func(int) string {
			return `done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		deferring(SITE)
	}()
	<-done
`
		},
	},
	{
		name: "iface",
		sites: []site{
			{"eface.type", "ep", 0, 8}, {"eface.data", "ep", 8, 8},
			{"iface.itab", "ip", 0, 8}, {"iface.data", "ip", 8, 8},
			{"itab.fun0", "itab", 24, 8}, {"type.size", "typ", 0, 8}, {"type.hash", "typ", 16, 4},
			{"type.equal", "typ", 24, 8},
		},
		ops: []string{
			"println(\"mark: equal\", e == e2)",
			"n, ok := e.(int)\n\tprintln(\"mark: asserted\", n, ok)\n\tprintln(\"mark: asserted\", e.(int))",
			"switch v := e.(type) {\n\tcase int:\n\t\tprintln(\"mark: int\", v)\n\tcase I:\n\t\tprintln(\"mark: I\", v.M())\n\tdefault:\n\t\tprintln(\"mark: other\")\n\t}",
			"m := map[any]int{}\n\tm[e] = 1\n\tprintln(\"mark: map\", len(m), m[e2])",
			"panic(e)",
			"println(\"mark: M\", i.M())",
			"j, ok := e.(I)\n\tprintln(\"mark: I\", j != nil, ok)",
		},
		body: func(int) string {
			return `var e, e2 any = 42, 42
	var i I = &T{7}
	ep := uintptr(unsafe.Pointer(&e))
	ip := uintptr(unsafe.Pointer(&i))
	itab := *(*uintptr)(unsafe.Pointer(ip))
	typ := *(*uintptr)(unsafe.Pointer(ep))
	_, _, _, _ = itab, typ, e2, i
	%CORRUPT%
	%OP%
`
		},
	},
	{
		name:  "string",
		sites: []site{{"ptr", "sp", 0, 8}, {"len", "sp", 8, 8}, {"const.byte0", "cp", 0, 1}},
		ops: []string{
			"println(s)",
			"println(\"mark: equal\", s == \"hello, gort\")",
			"t := s + \"!\"\n\tprintln(\"mark: concat\", len(t))",
			"b := []byte(s)\n\tprintln(\"mark: bytes\", len(b))",
			"m := map[string]int{s: 1}\n\tprintln(\"mark: map\", len(m), m[\"hello, gort\"])",
			"for i, r := range s {\n\t\tif i > 16 {\n\t\t\tbreak\n\t\t}\n\t\tprintln(\"mark: rune\", r)\n\t}",
			"println(\"mark: const\", \"hello\")",
			"if len(s) > 0 {\n\t\tprintln(\"mark: last\", s[len(s)-1])\n\t}",
		},
		body: func(int) string {
			return `s := string([]byte("hello, gort"))
	sp := uintptr(unsafe.Pointer(&s))
	cp := uintptr(unsafe.Pointer(unsafe.StringData("hello")))
	_, _ = sp, cp
	%CORRUPT%
	%OP%
`
		},
	},
	{
		name:  "slice",
		sites: []site{{"ptr", "xp", 0, 8}, {"len", "xp", 8, 8}, {"cap", "xp", 16, 8}},
		ops: []string{
			"if len(x) > 3 {\n\t\tx[3] = 1\n\t\tprintln(\"mark: x[3]\", x[3])\n\t}",
			"n := copy(x, []int{1, 2, 3})\n\tprintln(\"mark: copied\", n)",
			"n := copy(make([]int, 4), x)\n\tprintln(\"mark: copied\", n)",
			"x = append(x, 5)\n\tprintln(\"mark: appended\", len(x))",
			"sum := 0\n\tfor i := range min(len(x), 16) {\n\t\tsum += x[i]\n\t}\n\tprintln(\"mark: sum\", sum)",
			"y := x[1:3]\n\tprintln(\"mark: resliced\", len(y), cap(y))",
		},
		body: func(int) string {
			return `x := make([]int, 4, 8)
	xp := uintptr(unsafe.Pointer(&x))
	%CORRUPT%
	%OP%
`
		},
	},
	{
		name:  "closure",
		sites: []site{{"code", "clo", 0, 8}, {"captured", "clo", 8, 8}, {"funcval", "fv", 0, 8}},
		ops: []string{
			"println(\"mark: called\", f())",
			"func() {\n\t\tdefer f()\n\t}()",
			"done := make(chan bool)\n\tgo func() {\n\t\tf()\n\t\tdone <- true\n\t}()\n\t<-done",
		},
		body: func(int) string {
			return `n := 5
	f := func() int {
		n++
		return n
	}
	fv := uintptr(unsafe.Pointer(&f))
	clo := *(*uintptr)(unsafe.Pointer(fv))
	_, _ = fv, clo
	%CORRUPT%
	%OP%
	println("mark: n", n)
`
		},
	},
	{
		name:  "map",
		sites: []site{{"word0", "mh", 0, 8}, {"word1", "mh", 8, 8}, {"word2", "mh", 16, 8}, {"word3", "mh", 24, 8}},
		ops: []string{
			"m[2] = 2\n\tprintln(\"mark: m[1]\", m[1], len(m))",
			"delete(m, 1)\n\tprintln(\"mark: len\", len(m))",
			"k := 0\n\tfor range m {\n\t\tif k++; k > 16 {\n\t\t\tbreak\n\t\t}\n\t}\n\tprintln(\"mark: iterated\", k)",
		},
		body: func(int) string {
			return `m := map[int]int{1: 1}
	mh := *(*uintptr)(unsafe.Pointer(&m))
	%CORRUPT%
	%OP%
`
		},
	},
}

// genCorrupt returns the label and source of the program an input selects.
func genCorrupt(tmplSel, siteSel, valSel, pointSel uint8, raw uint64) (label, src string) {
	tm := corruptTemplates[int(tmplSel)%len(corruptTemplates)]
	st := tm.sites[int(siteSel)%len(tm.sites)]
	v := corruptValues[int(valSel)%len(corruptValues)]
	op := int(pointSel) % len(tm.ops)
	pre := int(raw % 3)
	expr := v.expr
	expr = strings.ReplaceAll(expr, "RAWBIT", fmt.Sprint(raw%64))
	expr = strings.ReplaceAll(expr, "RAW", fmt.Sprintf("%#x", raw))
	label = fmt.Sprintf("%s/%s=%s/op%d", tm.name, st.name, v.name, op)
	if strings.Contains(v.expr, "RAW") {
		label += fmt.Sprintf("/raw=%#x", raw)
	}
	if tm.name == "chan-buffered" {
		label += fmt.Sprintf("/pre%d", pre)
	}

	addr := fmt.Sprintf("%s + %d", st.base, st.off)
	if st.off < 0 {
		addr = fmt.Sprintf("%s - %d", st.base, -st.off)
	}
	corrupt := fmt.Sprintf("obj := %s\n\told := load(obj, %d)\n\t_ = old\n\tprintln(\"mark: before\")\n\tstore(obj, %d, %s)",
		addr, st.width, st.width, expr)
	body := tm.body(pre)
	var extra string
	if tm.name == "defer" {
		// The corruption happens inside the deferring function.
		deferStmt := "defer deferredCall(pat[0], pat[1])"
		if strings.HasPrefix(st.name, "println.") {
			deferStmt = "defer println(pat[0], pat[1])"
		}
		body = strings.ReplaceAll(body, "SITE", "0")
		extra = fmt.Sprintf(`
func deferring(int) {
	%s
	d := findDefer()
	if d == 0 {
		println("mark: no defer record found")
		return
	}
	%s
	%s
}
`, deferStmt, corrupt, tm.ops[op])
	} else {
		body = strings.ReplaceAll(body, "%CORRUPT%", corrupt)
		body = strings.ReplaceAll(body, "%OP%", tm.ops[op])
	}
	return label, corruptPrelude + "\nfunc main() {\n\t" + body + "\tprintln(\"mark: after\")\n}\n" + extra
}

// corruptPrelude is the part of every generated program that finds the
// runtime's objects. Its layouts are gort's: hchan as gc's (recvq.first at
// 64), a sudog's elem at 24, a defer record (link, frame, fn, code, ctxt,
// size, args), and a call header of three words below a frame, which
// starts with its arguments.
const corruptPrelude = `package main

import (
	"runtime"
	"unsafe"
)

var pat = [2]uintptr{0x5eed_0001_dead_beef, 0x5eed_0002_cafe_f00d}

var recovering bool

type I interface{ M() int }

type T struct{ x int }

func (t *T) M() int { return t.x }

func load(p uintptr, width int) uintptr {
	switch width {
	case 1:
		return uintptr(*(*uint8)(unsafe.Pointer(p)))
	case 2:
		return uintptr(*(*uint16)(unsafe.Pointer(p)))
	case 4:
		return uintptr(*(*uint32)(unsafe.Pointer(p)))
	}
	return *(*uintptr)(unsafe.Pointer(p))
}

func store(p uintptr, width int, v uintptr) {
	switch width {
	case 1:
		*(*uint8)(unsafe.Pointer(p)) = uint8(v)
	case 2:
		*(*uint16)(unsafe.Pointer(p)) = uint16(v)
	case 4:
		*(*uint32)(unsafe.Pointer(p)) = uint32(v)
	default:
		*(*uintptr)(unsafe.Pointer(p)) = v
	}
}

func junk() uintptr {
	j := new([8]uintptr)
	for i := range j {
		j[i] = 0xdeadbeef
	}
	return uintptr(unsafe.Pointer(j))
}

func waitRecv(h uintptr) uintptr {
	for range 100 {
		if s := *(*uintptr)(unsafe.Pointer(h + 64)); s != 0 {
			return s
		}
		runtime.Gosched()
	}
	return 0
}

func victim(c chan int, a, b uintptr) int {
	v := <-c
	return v + 1
}

func frameOf(elem uintptr) uintptr {
	for a := elem - 8; a > elem-4096; a -= 8 {
		w := (*[2]uintptr)(unsafe.Pointer(a))
		if w[0] == pat[0] && w[1] == pat[1] {
			return a - 8
		}
	}
	return 0
}

func findDefer() uintptr {
	h := uintptr(unsafe.Pointer(new([8]*int)))
	for off := uintptr(0); off < 1<<20; off += 8 {
		for _, a := range [2]uintptr{h + off, h - off} {
			w := (*[8]uintptr)(unsafe.Pointer(a))
			if w[6] == pat[0] && w[7] == pat[1] && w[5] == 16 && w[3] != 0 {
				return a
			}
		}
	}
	return 0
}

func deferredCall(a, b uintptr) {
	println("mark: deferred call ran")
	if recovering {
		println("mark: recovered", recover() != nil)
	}
}
`

// TestGenCorruptTypeChecks type-checks every program FuzzCorrupt can
// generate (each template, site, value and operation), so that a fuzz
// input never spends its run on a compile error.
func TestGenCorruptTypeChecks(t *testing.T) {
	rt := types.NewPackage("runtime", "runtime")
	noArgs := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	for _, name := range []string{"Gosched", "Goexit"} {
		rt.Scope().Insert(types.NewFunc(token.NoPos, rt, name, noArgs))
	}
	rt.MarkComplete()
	imp := importerFunc(func(path string) (*types.Package, error) {
		switch path {
		case "unsafe":
			return types.Unsafe, nil
		case "runtime":
			return rt, nil
		}
		return nil, fmt.Errorf("no package %q", path)
	})
	n := 0
	for ti, tm := range corruptTemplates {
		for si := range tm.sites {
			for vi := range corruptValues {
				for oi := range tm.ops {
					label, src := genCorrupt(uint8(ti), uint8(si), uint8(vi), uint8(oi), 0x1234)
					fset := token.NewFileSet()
					f, err := parser.ParseFile(fset, "prog.go", src, 0)
					if err == nil {
						_, err = (&types.Config{Importer: imp}).Check("main", fset, []*ast.File{f}, nil)
					}
					if err != nil {
						t.Fatalf("%s: %v\n%s", label, err, src)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d generated programs type-check", n)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
