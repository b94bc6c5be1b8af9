package main

import (
	"bytes"
	"crypto/hkdf"
	"crypto/sha256"
	"crypto/sha3"
	"errors"
	"fmt"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unique"
	"weak"
)

type Set[T comparable] = map[T]struct{}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func Pairs[K comparable, V any](m map[K]V, keys []K) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

type Config struct {
	Name    *string
	Retries *int
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 10; i++ {
		wg.Go(func() {
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("total", total)

	s := Set[string]{"a": {}, "b": {}}
	fmt.Println(len(s), slices.Sorted(maps.Keys(s)))

	err := fmt.Errorf("wrap: %w", &MyErr{42})
	if me, ok := errors.AsType[*MyErr](err); ok {
		fmt.Println("AsType:", me.Code)
	}

	c := Config{Name: new("svc"), Retries: new(3 * 2)}
	fmt.Println(*c.Name, *c.Retries)

	for l := range bytes.Lines([]byte("x\ny\n")) {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  a b  c ") {
		fmt.Print("[", f, "]")
	}
	fmt.Println()
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	for k, v := range Pairs(m, []string{"three", "one"}) {
		fmt.Println(k, v)
	}
	next, stop := iter.Pull(slices.Values([]int{10, 20, 30}))
	v1, ok1 := next()
	v2, ok2 := next()
	stop()
	v3, ok3 := next()
	fmt.Println(v1, ok1, v2, ok2, v3, ok3)
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	fmt.Println(keys, slices.Sorted(maps.Values(m)))
	for i, v := range slices.Backward([]string{"a", "b", "c"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()

	h1 := unique.Make("hello")
	h2 := unique.Make(strings.ToLower("HELLO"))
	fmt.Println(h1 == h2, h1.Value())

	x := new(int)
	*x = 7
	wp := weak.Make(x)
	fmt.Println(*wp.Value())
	runtime.KeepAlive(x)

	fmt.Printf("%x\n", sha3.Sum256([]byte("abc")))
	key, err := hkdf.Key(sha256.New, []byte("secret"), []byte("salt"), "info", 16)
	fmt.Printf("%x %v\n", key, err)

	dir, _ := os.MkdirTemp("", "root-")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "f.txt"), []byte("inside"), 0644)
	root, err := os.OpenRoot(dir)
	fmt.Println(err)
	if err == nil {
		b, err := root.ReadFile("f.txt")
		fmt.Println(string(b), err)
		_, err = root.Open("../escape")
		fmt.Println(err != nil)
		root.Close()
	}
	type small struct{ a, b int }
	fmt.Println(min(3, 1, 2), max("a", "b"), slices.MaxFunc([]small{{1, 2}, {3, 0}}, func(p, q small) int { return p.a - q.a }))
}
