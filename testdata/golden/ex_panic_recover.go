package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustPositive(n int) int {
	if n < 0 {
		panic(fmt.Sprintf("negative: %d", n))
	}
	return n
}

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

func tryCall(name string, f func()) {
	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			fmt.Printf("%s: runtime error: %v\n", name, strings.TrimPrefix(re.Error(), "runtime error: "))
			return
		}
		if e, ok := r.(error); ok {
			var me MyErr
			fmt.Printf("%s: error %v (MyErr=%v)\n", name, e, errors.As(e, &me))
			return
		}
		fmt.Printf("%s: %v (%T)\n", name, r, r)
	}()
	f()
}

func deferOrder() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body done")
}

func deferArgs() (x int) {
	x = 1
	defer func(v int) { fmt.Println("arg evaluated early:", v, "x now", x); x *= 10 }(x)
	x = 5
	return x + 1
}

func nested() {
	defer func() {
		fmt.Println("outer recover:", recover())
	}()
	defer func() {
		defer func() { fmt.Println("inner recover:", recover()) }()
		panic("second")
	}()
	panic("first")
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	tryCall("index", func() {
		s := []int{1, 2, 3}
		i := 5
		_ = s[i]
	})
	tryCall("nil map", func() {
		var m map[string]int
		m["a"] = 1
	})
	tryCall("nil ptr", func() {
		var p *struct{ x int }
		fmt.Println(p.x)
	})
	tryCall("assert", func() {
		var i interface{} = "str"
		_ = i.(int)
	})
	tryCall("assert iface", func() {
		var i interface{} = 3
		_ = i.(fmt.Stringer)
	})
	tryCall("slice bounds", func() {
		s := make([]int, 3)
		j := 10
		_ = s[1:j]
	})
	tryCall("custom", func() { panic(MyErr{7}) })
	tryCall("wrapped", func() { panic(fmt.Errorf("ctx: %w", MyErr{8})) })
	tryCall("value", func() { mustPositive(-4) })
	tryCall("int", func() { panic(42) })
	tryCall("closed chan", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	tryCall("conversion", func() {
		s := []int{1, 2}
		_ = [3]int(s)
	})
	tryCall("make", func() {
		n := -1
		_ = make([]int, n)
	})
	tryCall("exit via goexit", func() {
		done := make(chan bool)
		go func() {
			defer func() { done <- true }()
			runtime.Goexit()
		}()
		<-done
		fmt.Println("goexit ran deferred")
	})
	deferOrder()
	fmt.Println("deferArgs:", deferArgs())
	nested()
	fmt.Println(recover())
	defer fmt.Println("main deferred runs before exit? no")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main recovered:", r)
			os.Exit(3)
		}
	}()
	var arr []int
	_ = arr[len(os.Args)+1]
}
