//go:build gort

package runtime

// A coro is the real runtime's coroutine switch (coro.go), which iter.Pull
// pulls by linkname: a goroutine always blocked on it, which coroswitch
// trades places with. gp names that goroutine as the runtime names a g in
// arena memory (its generation and index, never a host pointer), or is 0
// once the coroutine has exited; the natives validate it at every switch.
type coro struct {
	gp uint64
	f  func(*coro)
}

// newcoro returns a coro whose goroutine waits to run f.
func newcoro(f func(*coro)) *coro {
	c := &coro{f: f}
	corogo(corostart, c)
	return c
}

// corostart is a coroutine goroutine's entry: it runs f, then gives the
// processor back to the goroutine that switched to it, for good, even if f
// ends the goroutine with Goexit.
func corostart(c *coro) {
	defer func() { coroexit(c) }()
	c.f(c)
}

// corogo starts a goroutine running start(c), blocked on c (a native).
func corogo(start func(*coro), c *coro)

// coroswitch runs the goroutine blocked on c and blocks the caller on c in
// its place (a native).
func coroswitch(c *coro)

// coroexit runs the goroutine blocked on c and ends the caller's goroutine
// (a native).
func coroexit(c *coro)
