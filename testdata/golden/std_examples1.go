package main

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

type shape interface {
	area() float64
	perim() float64
}
type rect struct{ width, height float64 }
type circle struct{ radius float64 }

func (r rect) area() float64    { return r.width * r.height }
func (r rect) perim() float64   { return 2*r.width + 2*r.height }
func (c circle) area() float64  { return math.Pi * c.radius * c.radius }
func (c circle) perim() float64 { return 2 * math.Pi * c.radius }

type argError struct {
	arg     int
	message string
}

func (e *argError) Error() string { return fmt.Sprintf("%d - %s", e.arg, e.message) }

var ErrOutOfTea = fmt.Errorf("no more tea available")

func f(arg int) (int, error) {
	if arg == 42 {
		return -1, &argError{arg, "can't work with it"}
	}
	if arg == 2 {
		return -1, fmt.Errorf("making tea: %w", ErrOutOfTea)
	}
	return arg + 3, nil
}

type List[T any] struct {
	head, tail *element[T]
}
type element[T any] struct {
	next *element[T]
	val  T
}

func (lst *List[T]) Push(v T) {
	if lst.tail == nil {
		lst.head = &element[T]{val: v}
		lst.tail = lst.head
	} else {
		lst.tail.next = &element[T]{val: v}
		lst.tail = lst.tail.next
	}
}
func (lst *List[T]) All() func(yield func(T) bool) {
	return func(yield func(T) bool) {
		for e := lst.head; e != nil; e = e.next {
			if !yield(e.val) {
				return
			}
		}
	}
}

type Plant struct {
	XMLName xml.Name `xml:"plant"`
	Id      int      `xml:"id,attr"`
	Name    string   `xml:"name"`
	Origin  []string `xml:"origin"`
}

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	for _, s := range []shape{rect{3, 4}, circle{5}} {
		fmt.Printf("%T %.3f %.3f\n", s, s.area(), s.perim())
	}
	for _, i := range []int{7, 42, 2} {
		if r, e := f(i); e != nil {
			var ae *argError
			if errors.As(e, &ae) {
				fmt.Println("argError", ae.arg, ae.message)
			}
			fmt.Println("failed:", e, errors.Is(e, ErrOutOfTea))
		} else {
			fmt.Println("worked:", r)
		}
	}
	lst := List[int]{}
	lst.Push(10)
	lst.Push(13)
	for v := range lst.All() {
		fmt.Print(v, " ")
	}
	fmt.Println(slices.Collect(lst.All()))
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for a := 1; a <= 5; a++ {
		sum += <-results
	}
	fmt.Println("sum", sum)
	var ops atomic.Uint64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 1000; c++ {
				ops.Add(1)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops.Load())
	u, err := url.Parse("postgres://user:pass@host.com:5432/path?k=v#f")
	fmt.Println(u.Scheme, u.User.Username(), u.Host, u.Port(), u.Path, u.Fragment, u.Query()["k"], err)
	p := filepath.Join("dir1", "dir2", "filename")
	fmt.Println(p, filepath.Dir(p), filepath.IsAbs(p), strings.TrimSuffix("config.json", filepath.Ext("config.json")))
	fi, _ := strconv.ParseFloat("1.234", 64)
	i64, _ := strconv.ParseInt("0x1c8", 0, 64)
	_, e := strconv.Atoi("wat")
	fmt.Println(fi, i64, e)
	const s = "สวัสดี"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for idx, runeValue := range s {
		fmt.Printf("%#U starts at %d\n", runeValue, idx)
	}
	plant := &Plant{Id: 27, Name: "Coffee", Origin: []string{"Ethiopia", "Brazil"}}
	out, _ := xml.MarshalIndent(plant, " ", "  ")
	fmt.Println(xml.Header + string(out))
	var pl Plant
	if err := xml.Unmarshal(out, &pl); err != nil {
		panic(err)
	}
	fmt.Println(pl.Name, pl.Origin)
	d := 2*time.Hour + 3*time.Minute
	fmt.Println(d, d.Minutes(), time.Duration(1500)*time.Microsecond)
	then := time.Date(2009, 11, 17, 20, 34, 58, 651387237, time.UTC)
	fmt.Println(then.Year(), then.Month(), then.Day(), then.Nanosecond(), then.Location(), then.Weekday())
	fmt.Println(then.Format("Mon Jan _2 15:04:05 2006"), then.Format("2006-01-02T15:04:05.999999-07:00"))
	t1, e := time.Parse(time.RFC3339, "2012-11-01T22:08:41+00:00")
	fmt.Println(t1, e)
	f, err := os.CreateTemp("", "sample")
	fmt.Println(err == nil)
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "line one\nline two\n")
	w.Flush()
	f.Seek(0, io.SeekStart)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println(strings.ToUpper(sc.Text()))
	}
	f.Close()
	os.Remove(f.Name())
	m := map[string]int{"k1": 7, "k2": 13}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys, len(m), m)
	type P struct {
		name string
		age  int
	}
	people := []P{{"Jax", 37}, {"TJ", 25}, {"Alex", 72}}
	slices.SortFunc(people, func(a, b P) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	defer fmt.Println("deferred")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("Recovered. Error:\n", r)
		}
	}()
	panic("a problem")
}
