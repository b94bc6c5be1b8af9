package runtime_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRoots has a program per entry of roots.go's list: each keeps an
// object reachable only through that root, runs cycles with freed memory
// poisoned (and, to reuse what was freed, allocates in between), and
// checks the object is intact. A root the collector missed frees the
// object, and the poisoned words fail the check. Each program prints "ok"
// when built by the real toolchain (go run), as gort must.
func TestRoots(t *testing.T) {
	const prelude = `package main

import "runtime"

type obj struct {
	v    int
	next *obj
}

func fresh(v int) *obj { return &obj{v: v, next: &obj{v: v + 1}} }

func intact(o *obj, v int) bool { return o != nil && o.v == v && o.next != nil && o.next.v == v+1 }

// collect runs cycles and allocates enough to reuse freed slots.
func collect() {
	for i := 0; i < 3; i++ {
		runtime.GC()
		for j := 0; j < 2000; j++ {
			sink = &obj{v: -1}
		}
	}
}

var sink *obj

func report(ok bool) {
	if ok {
		println("ok")
	} else {
		println("lost")
	}
}
`
	roots := map[string]string{
		// 1. the data and bss.
		"data": `
var global *obj

func main() {
	global = fresh(7)
	collect()
	report(intact(global, 7))
}`,
		// 2. a goroutine's stack, in a caller's frame across calls.
		"stack": `
func use(o *obj) bool {
	collect()
	return intact(o, 3)
}

func main() {
	o := fresh(3)
	ok := use(o)
	report(ok && intact(o, 3))
}`,
		// 3. a defer record's arguments.
		"defer": `
func check(o *obj) { report(intact(o, 5)) }

func f() {
	defer check(fresh(5))
	collect()
}

func main() { f() }`,
		// 3. a panic's value while its deferred calls run.
		"panic": `
func main() {
	defer func() {
		collect()
		o := recover().(*obj)
		report(intact(o, 9))
	}()
	panic(fresh(9))
}`,
		// 3. a blocked receive's slot, which the sender filled.
		"recv": `
func main() {
	ch := make(chan *obj)
	done := make(chan bool)
	go func() {
		o := <-ch
		report(intact(o, 11))
		done <- true
	}()
	runtime.Gosched() // the receiver blocks
	ch <- fresh(11)   // the value goes into the receiver's frame
	collect()         // before the receiver runs again
	<-done
}`,
		// 3. a blocked send's sudog and element.
		"send": `
func main() {
	ch := make(chan *obj)
	go func() { ch <- fresh(13) }()
	runtime.Gosched() // the sender blocks
	collect()
	report(intact(<-ch, 13))
}`,
		// 3. a select's sudogs and channels.
		"select": `
func main() {
	a, b := make(chan *obj), make(chan *obj)
	done := make(chan bool)
	go func() {
		var o *obj
		select {
		case o = <-a:
		case o = <-b:
		}
		report(intact(o, 15))
		done <- true
	}()
	runtime.Gosched()
	b <- fresh(15)
	collect()
	<-done
}`,
		// 8. a finalizer's object's referents, and the finalizer queue.
		"finalizer": `
var got *obj

func main() {
	o := fresh(17)
	runtime.SetFinalizer(o, func(o *obj) { got = o.next })
	o = nil
	for i := 0; i < 20 && got == nil; i++ {
		collect()
		runtime.Gosched()
	}
	report(got != nil && got.v == 18)
}`,
		// 4. a timer's callback and its closure.
		"timer": `
import "time"

func start(done chan bool) {
	o := fresh(19)
	time.AfterFunc(20*time.Millisecond, func() {
		report(intact(o, 19))
		done <- true
	})
}

func main() {
	done := make(chan bool)
	start(done)
	collect()
	<-done
}`,
		// 5. descriptors reflect made at run time.
		"reflect": `
import "reflect"

func main() {
	t := reflect.StructOf([]reflect.StructField{
		{Name: "P", Type: reflect.TypeOf((*obj)(nil))},
		{Name: "N", Type: reflect.TypeOf(0)},
	})
	v := reflect.New(t)
	v.Elem().Field(0).Set(reflect.ValueOf(fresh(21)))
	x := v.Interface()
	t, v = nil, reflect.Value{}
	collect()
	e := reflect.ValueOf(x).Elem()
	report(e.Type().Field(1).Name == "N" && intact(e.Field(0).Interface().(*obj), 21))
}`,
		// 7. a weak pointer's handle, while its object lives.
		"weak": `
import "weak"

func main() {
	o := fresh(23)
	w := weak.Make(o)
	collect()
	report(w.Value() == o && intact(w.Value(), 23))
	runtime.KeepAlive(o)
}`,
	}
	for name, body := range roots {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src := prelude + body
			if i := strings.Index(body, "import \""); i >= 0 {
				// A root's program may import one more package.
				line := body[i : i+strings.IndexByte(body[i:], '\n')]
				src = strings.Replace(prelude, `import "runtime"`, "import (\n\t\"runtime\"\n\t"+strings.TrimPrefix(line, "import ")+"\n)", 1) +
					strings.Replace(body, line, "", 1)
			}
			file := filepath.Join(t.TempDir(), "prog.go")
			if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
				t.Fatal(err)
			}
			r := runProg(t, file, "GODEBUG=gortgcpoison=1")
			if r.exit != 0 || r.out != "ok\n" {
				t.Errorf("exit %d, output:\n%s", r.exit, r.out)
			}
			if r.cycles == 0 {
				t.Error("no cycle ran")
			}
		})
	}
}
