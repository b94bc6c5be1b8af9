package main

import (
	"cmp"
	"fmt"
	"html"
	"net/netip"
	"net/url"
	"os"
	"reflect"
	"runtime"
	"strings"
	"text/scanner"
	"text/tabwriter"
	"unicode/utf16"
	"unsafe"
)

type Tagged struct {
	ID    int    `db:"id" json:"id"`
	Name  string `db:"name"`
	inner bool
}

func (t Tagged) Hello(greet string) string { return greet + ", " + t.Name }

func main() {
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "name\tqty\tprice\t")
	fmt.Fprintln(tw, "apple\t3\t1.25\t")
	fmt.Fprintln(tw, "watermelon\t12\t10.5\t")
	tw.Flush()
	tw = tabwriter.NewWriter(os.Stdout, 4, 0, 1, '-', 0)
	fmt.Fprintf(tw, "a\tbb\tccc\n1234567\t1\t2\n")
	tw.Flush()

	u, err := url.Parse("https://user:pw@example.com:8080/a/b%20c?q=go+lang&x=1&x=2#frag")
	fmt.Println(err, u.Scheme, u.Host, u.Hostname(), u.Port(), u.Path, u.RawQuery, u.Fragment, u.User.Username())
	q := u.Query()
	fmt.Println(q.Get("q"), q["x"], q.Encode())
	v := url.Values{}
	v.Set("name", "Ann & Bob")
	v.Add("tag", "a b")
	fmt.Println(v.Encode(), url.QueryEscape("a/b c"), url.PathEscape("a/b c"))
	ref, _ := url.Parse("../d?z=1")
	fmt.Println(u.ResolveReference(ref))
	_, err = url.Parse("http://[::1")
	fmt.Println(err)
	addr, err := netip.ParseAddr("192.168.1.10")
	pfx := netip.MustParsePrefix("192.168.0.0/16")
	fmt.Println(addr, err, pfx.Contains(addr), addr.Is4(), addr.Next())
	fmt.Println(html.EscapeString("<a href='x'>&</a>"), html.UnescapeString("&lt;&amp;&#39;&eacute;"))

	var sc scanner.Scanner
	sc.Init(strings.NewReader(`x := 3.5 + foo("bar") // c`))
	for tok := sc.Scan(); tok != scanner.EOF; tok = sc.Scan() {
		fmt.Print(scanner.TokenString(tok), ":", sc.TokenText(), " ")
	}
	fmt.Println()
	enc := utf16.Encode([]rune("a😀"))
	fmt.Println(enc, string(utf16.Decode(enc)), utf16.IsSurrogate(rune(enc[1])))

	t := Tagged{1, "gopher", true}
	rt := reflect.TypeOf(t)
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("db"), f.IsExported(), f.Offset)
	}
	rv := reflect.ValueOf(&t).Elem()
	rv.Field(1).SetString("changed")
	fmt.Println(t.Name, rv.Field(2).CanSet(), rv.Kind(), rt.NumMethod(), rt.Method(0).Name)
	out := rv.MethodByName("Hello").Call([]reflect.Value{reflect.ValueOf("hi")})
	fmt.Println(out[0].String())
	m := reflect.MakeMap(reflect.TypeOf(map[string]int{}))
	m.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(5))
	fmt.Println(m.Interface(), m.Len(), reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual([]int{}, []int(nil)))
	sl := reflect.ValueOf([]string{"x", "y"})
	fmt.Println(sl.Index(1), sl.Len(), reflect.Zero(rt), reflect.New(rt).Elem().Field(0).Int())
	fn := reflect.ValueOf(strings.ToUpper)
	fmt.Println(fn.Call([]reflect.Value{reflect.ValueOf("up")})[0], fn.Type())
	var x any = 3.5
	switch reflect.TypeOf(x).Kind() {
	case reflect.Float64:
		fmt.Println("float64!", reflect.ValueOf(x).Float())
	}

	fmt.Println(unsafe.Sizeof(t), unsafe.Alignof(t.ID), unsafe.Offsetof(t.inner), unsafe.Sizeof(struct {
		a bool
		b int64
		c bool
	}{}), unsafe.Sizeof(""), unsafe.Sizeof([]int{}), unsafe.Sizeof(any(nil)))
	arr := [4]int32{1, 2, 3, 4}
	p := unsafe.Pointer(&arr[0])
	third := *(*int32)(unsafe.Add(p, 8))
	fmt.Println(third, unsafe.Slice(&arr[0], 2), unsafe.String(unsafe.StringData("hey"), 2))
	fmt.Println(runtime.GOOS, runtime.GOARCH, runtime.NumGoroutine(), runtime.Compiler, cmp.Less(1, 2))
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(strings.HasSuffix(file, "ex_misc_std.go"), line, ok)
	pc, _, _, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name())
	fmt.Println(os.Getenv("GORT_EX_UNSET") == "", os.Setenv("GORT_EX_VAR", "v1"), os.Getenv("GORT_EX_VAR"), os.ExpandEnv("[$GORT_EX_VAR]"), os.Expand("${a}-${b}", func(s string) string { return strings.ToUpper(s) }))
	val, found := os.LookupEnv("GORT_EX_VAR")
	fmt.Println(val, found, os.Unsetenv("GORT_EX_VAR"), os.Getenv("GORT_EX_VAR") == "")
	fmt.Println(len(os.Args))
}
