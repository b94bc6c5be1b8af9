// Memprofile samples every allocation (MemProfileRate = 1) and reads the
// heap profile after forced collections, when it shows the heap as of the
// collection whatever cycles ran before: the objects allocated at a few
// named sites, those freed, their bytes (whole size-class slots), and the
// sites with nothing left in use dropping out unless inuseZero asks for
// them. Only the named sites are printed: the runtime's and fmt's own
// allocations differ between runtimes.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

// node has pointers and fills a 64-byte size class.
type node struct {
	next *node
	val  [6]int
}

var (
	keep  [250]*node
	sink  []byte
	large []byte
)

//go:noinline
func allocNodes(n int) {
	for i := 0; i < n; i++ {
		x := &node{val: [6]int{i}}
		if i%4 == 0 {
			keep[i/4] = x
		}
	}
}

//go:noinline
func allocBytes(n int) {
	for i := 0; i < n; i++ {
		sink = make([]byte, 100)
	}
}

//go:noinline
func allocLarge(n int) {
	for i := 0; i < n; i++ {
		large = make([]byte, 40000)
	}
}

// site names a record by its first frame in package main, with that
// frame's caller.
func site(r *runtime.MemProfileRecord) string {
	frames := runtime.CallersFrames(r.Stack())
	var names []string
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "main.") {
			names = append(names, fmt.Sprintf("%s:%d", f.Function, f.Line))
		}
		if !more || len(names) == 2 {
			break
		}
	}
	return strings.Join(names, " <- ")
}

func profile(inuseZero bool) []runtime.MemProfileRecord {
	n, _ := runtime.MemProfile(nil, inuseZero)
	for {
		p := make([]runtime.MemProfileRecord, n+50)
		var ok bool
		if n, ok = runtime.MemProfile(p, inuseZero); ok {
			return p[:n]
		}
	}
}

func show(title string, inuseZero bool) {
	fmt.Println(title)
	var lines []string
	for _, r := range profile(inuseZero) {
		s := site(&r)
		if !strings.HasPrefix(s, "main.alloc") {
			continue
		}
		lines = append(lines, fmt.Sprintf("  %s: allocs %d frees %d, bytes %d - %d, in use %d objects %d bytes",
			s, r.AllocObjects, r.FreeObjects, r.AllocBytes, r.FreeBytes, r.InUseObjects(), r.InUseBytes()))
	}
	// Records of one site with one size merge; their order is the
	// runtime's, so sort them for the comparison.
	for i := range lines {
		for j := i + 1; j < len(lines); j++ {
			if lines[j] < lines[i] {
				lines[i], lines[j] = lines[j], lines[i]
			}
		}
	}
	for _, l := range lines {
		fmt.Println(l)
	}
}

func main() {
	fmt.Println("default MemProfileRate:", runtime.MemProfileRate)
	runtime.MemProfileRate = 1

	allocNodes(1000)
	runtime.GC()
	show("after allocNodes and GC:", false)

	allocBytes(500)
	allocLarge(3)
	runtime.GC()
	show("after allocBytes, allocLarge and GC:", false)

	keep = [250]*node{}
	sink, large = nil, nil
	runtime.GC()
	show("all dropped, in use only:", false)
	show("all dropped, inuseZero:", true)
}
