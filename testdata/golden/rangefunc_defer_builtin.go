// Deferred builtins in the body of a range-over-func loop belong to the
// enclosing function: they run when it returns, after the loop, in LIFO
// order with the deferred closures there.
package main

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func prints() {
	for i := range seq(3) {
		defer println("println", i, i*10)
		defer print("print ", i, "\n")
		defer func() { println("closure", i) }()
	}
	println("loop done")
}

func closes() (c chan int) {
	c = make(chan int, 3)
	for i := range seq(2) {
		c <- i
		defer close(c)
		break
	}
	return c
}

func deletes() map[string]int {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	defer func() { println("after deletes, len", len(m)) }()
	for k := range seq(2) {
		key := string(rune('a' + k))
		defer delete(m, key)
	}
	println("before deletes, len", len(m))
	return m
}

func copies() []int {
	dst := make([]int, 3)
	src := []int{7, 8, 9}
	for i := range seq(1) {
		_ = i
		defer copy(dst, src)
	}
	println("before copy", dst[0], dst[1], dst[2])
	return dst
}

func panics() {
	defer func() {
		r := recover()
		println("recovered", r.(string))
	}()
	for i := range seq(5) {
		if i == 1 {
			defer panic("deferred panic")
			break
		}
	}
	println("panics returns")
}

func nested() {
	for i := range seq(2) {
		for j := range seq(2) {
			defer println("nested", i, j)
		}
	}
	println("nested loop done")
}

func early() int {
	for i := range seq(10) {
		defer println("early", i)
		if i == 2 {
			return i
		}
	}
	return -1
}

func main() {
	prints()
	c := closes()
	for v := range c {
		println("received", v)
	}
	m := deletes()
	println("len", len(m), m["c"])
	d := copies()
	println("after copy", d[0], d[1], d[2])
	panics()
	nested()
	println("early returned", early())
}
