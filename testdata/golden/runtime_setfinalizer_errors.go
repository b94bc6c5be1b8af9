package main

import "runtime"

// SetFinalizer and AddCleanup accept what the real ones accept; AddCleanup
// panics on its misuses; a SetFinalizer misuse is a fatal error (here, a
// first argument that is not a pointer).

type T struct {
	a, b int
	p    *int
}

type Closer interface{ Close() }

func (*T) Close() {}

var global T

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name+":", r.(string))
		}
	}()
	f()
	println(name + ": ok")
}

func main() {
	t := &T{}
	runtime.SetFinalizer(t, func(*T) {})
	runtime.SetFinalizer(t, nil)
	runtime.SetFinalizer(t, func(Closer) {})
	runtime.SetFinalizer(t, nil)
	runtime.SetFinalizer(t, func(any) {})
	runtime.SetFinalizer(t, nil)
	runtime.SetFinalizer(t, func(*T) int { return 0 })
	runtime.SetFinalizer(&global, func(*T) {})
	println("finalizers set")

	try("nil ptr", func() { runtime.AddCleanup((*T)(nil), func(int) {}, 0) })
	try("arg is ptr", func() {
		u := &T{}
		runtime.AddCleanup(u, func(*T) {}, u)
	})
	try("arg within ptr", func() {
		u := &T{}
		runtime.AddCleanup(u, func(*int) {}, &u.b)
	})
	try("closes over ptr", func() {
		u := &T{}
		runtime.AddCleanup(u, func(int) { _ = u }, 0)
	})
	try("fine", func() {
		u := &T{}
		c := runtime.AddCleanup(u, func(s string) { println(s) }, "bye")
		c.Stop()
		c.Stop()
	})
	try("static", func() {
		runtime.AddCleanup(&global, func(int) {}, 1).Stop()
	})

	runtime.SetFinalizer(*t, nil)
}
