package main

import (
	"bufio"
	"container/heap"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"regexp"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

type P struct {
	Name string `json:"name"`
	Age  int    `json:"age,omitempty"`
	Tags []string
}

func main() {
	flag.Parse()
	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Println(heap.Pop(h), heap.Pop(h))
	b, err := json.Marshal(P{"ann", 3, []string{"x"}})
	fmt.Println(string(b), err)
	var p P
	err = json.Unmarshal([]byte(`{"name":"bob","Tags":["a","b"]}`), &p)
	fmt.Printf("%+v %v\n", p, err)
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.Intn(100), r.Intn(100))
	re := regexp.MustCompile(`a(b+)c`)
	fmt.Println(re.FindStringSubmatch("xxabbbcyy"), re.MatchString("ac"))
	sc := bufio.NewScanner(strings.NewReader("l1\nl2\n"))
	for sc.Scan() {
		fmt.Println("line:", sc.Text())
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("total", total)
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "a\tbb\tccc")
	fmt.Fprintln(w, "dddd\te\tf")
	w.Flush()
	d := 1500 * time.Millisecond
	fmt.Println(d, time.Duration(90)*time.Second)
	start := time.Now()
	_ = time.Since(start) >= 0
	log.SetFlags(0)
	log.Println("logged")
	bw := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(bw, "buffered %d\n", 1)
	bw.Flush()
}
