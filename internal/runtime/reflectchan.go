package runtime

import (
	"encoding/binary"

	"gort/internal/arena"
	"gort/internal/bytecode"
)

// reflect's channel hooks: MakeChan, Send, Recv, TrySend, TryRecv, Close
// and Select, over the same channels, queues and parking as the
// interpreter's channel operations (chan.go, select.go). The one difference
// is where the element lives: reflect sends from and receives into heap
// values, so their waiters record the element's address (waiter.abs) rather
// than a frame offset. Results go to the native's own result slots, which
// are in the caller's frame: a blocking operation writes what it already
// knows before it parks, and its resume step the rest.

// chanElemSize is the element size of channel c, from the element type
// its hchan records.
func chanElemSize(vm *vm, c hchan) uintptr {
	return typeAt(vm, uintptr(vm.ld(c.p+hcElemtype))).Size
}

// reflectRecvResume finishes a blocking chanrecv: received is the result
// byte at okOff in the caller's frame (selected was written before the
// goroutine parked).
func reflectRecvResume(mp *m, gp *g, r resumeState, ok bool) {
	mp.vm.st8(gp.fp+uintptr(r.okOff), uint8(b2u(ok)))
}

// reflect's SelectDir values, as runtime.selectDir numbers them.
const (
	selectSend    = 1
	selectRecv    = 2
	selectDefault = 3
)

// runtimeSelect is reflect's runtimeSelect: dir, typ, ch, val.
const runtimeSelectSize = 32

type reflectCase struct {
	dir     uint64
	c       hchan
	val     uintptr
	size    uintptr
	present bool // a send or receive on a non-nil channel
}

// reflectSelect implements rselect(cases []runtimeSelect) (chosen int,
// recvOK bool), whose arguments are at fp, as selectgo does for a select
// statement: poll the cases in a random order, else take the default,
// else queue on every channel and park.
func reflectSelect(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	base, n := uintptr(vm.ld(fp)), uintptr(vm.ld(fp+8))
	if n > uintptr(vm.ld(fp+16)) || n > 65536 {
		panic(arena.Fault{Addr: fp + 8}) // reflect.Select allows 65536
	}
	words := vm.mem.MustBytes(base, byteSize(fp, n, runtimeSelectSize))
	cases := make([]reflectCase, n)
	dflt := -1
	var order []int
	for i := range cases {
		w := words[i*runtimeSelectSize:]
		k := &cases[i]
		k.dir = binary.LittleEndian.Uint64(w)
		k.c = hchan{vm.mem, uintptr(binary.LittleEndian.Uint64(w[16:]))}
		k.val = uintptr(binary.LittleEndian.Uint64(w[24:]))
		at := base + uintptr(i)*runtimeSelectSize
		switch k.dir {
		case selectDefault:
			dflt = i
			continue
		case selectSend, selectRecv:
		default:
			panic(arena.Fault{Addr: at})
		}
		if k.c.p != 0 {
			k.present = true
			k.size = chanElemSize(vm, k.c)
			elemPointer(k.val, at+24)
			order = append(order, i)
		}
	}
	for i := len(order) - 1; i > 0; i-- {
		j := int(mp.p.rand.uint32n(uint32(i + 1)))
		order[i], order[j] = order[j], order[i]
	}
	res := fp + 24
	for _, i := range order {
		k := &cases[i]
		c := k.c
		if k.dir == selectSend {
			if c.closed() {
				return panicPlain(mp, gp, "send on closed channel")
			}
			if trysend(mp, c, k.val, k.size) {
				return reflectSelectDone(vm, res, i, false)
			}
			continue
		}
		if selected, ok := chanrecv(mp, c, k.val, k.size); selected {
			return reflectSelectDone(vm, res, i, ok)
		}
	}
	if dflt >= 0 {
		return reflectSelectDone(vm, res, dflt, false)
	}
	if len(order) == 0 {
		if dflt < 0 && n == 0 {
			gopark(mp, gp, "select (no cases)")
		} else {
			gopark(mp, gp, "select")
		}
		return stStop
	}
	// Queue on every channel, the waiter records complete before the
	// first sudog is, as selectgo does.
	gp.selectDone.Store(0)
	gp.waiting = gp.waiting[:0]
	for i := range cases {
		if k := &cases[i]; k.present {
			gp.waiting = append(gp.waiting, waiter{c: k.c.p, cas: int32(i), send: k.dir == selectSend, size: k.size, abs: k.val})
		}
	}
	var last sudog
	for i := range gp.waiting {
		w := &gp.waiting[i]
		park(mp, gp, w)
		if last.p != 0 {
			last.setWaitlink(sudog{vm.mem, w.sg})
		}
		last = sudog{vm.mem, w.sg}
	}
	gp.resume = resumeState{kind: resumeReflectSelect, dst: int32(res - gp.fp)}
	gopark(mp, gp, "select")
	return stStop
}

func reflectSelectDone(vm *vm, res uintptr, i int, ok bool) int {
	vm.st(res, uint64(int64(i)))
	vm.st8(res+8, uint8(b2u(ok)))
	return stContinue
}

// reflectSelectResume runs when a parked reflect.Select is woken, as
// selectResume does for a select statement; the partner has already
// written a received value through the case's val.
func reflectSelectResume(mp *m, gp *g, r resumeState) int {
	won := sudog{mp.vm.mem, gp.param}
	gp.param = 0
	casi, send := -1, false
	var ok bool
	for _, w := range gp.waiting {
		s := sudog{mp.vm.mem, w.sg}
		if s == won {
			casi, send, ok = int(w.cas), w.send, s.success()
		} else {
			hchan{mp.vm.mem, w.c}.queue(w.send).dequeueSudog(s)
		}
		releaseSudog(mp, w.sg)
	}
	gp.waiting = gp.waiting[:0]
	if casi < 0 {
		throw("reflect.Select woken without a winning case")
	}
	if send {
		if !ok {
			return panicPlain(mp, gp, "send on closed channel")
		}
		ok = false
	}
	return reflectSelectDone(mp.vm, gp.fp+uintptr(r.dst), casi, ok)
}

// elemPointer checks a value pointer reflect passed: a waiter with a zero
// address would name the frame instead.
func elemPointer(p, at uintptr) uintptr {
	if p < arena.NilGuard {
		panic(arena.Fault{Addr: at})
	}
	return p
}

func init() {
	r := map[string]nativeFunc{
		// makechan(typ *abi.Type, size int) (ch unsafe.Pointer)
		"makechan": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			if t.Kind != bytecode.Chan {
				panic(arena.Fault{Addr: fp})
			}
			return makechan(mp, gp, int32(fp+16-gp.fp), t, int64(vm.ld(fp+8)))
		},
		// chanclose(ch unsafe.Pointer)
		"chanclose": func(mp *m, gp *g, fp uintptr) int {
			return closechan(mp, gp, hchan{mp.vm.mem, uintptr(mp.vm.ld(fp))})
		},
		// chansend0(ch, val unsafe.Pointer, nb bool) bool
		"chansend0": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			c, val, nb := hchan{vm.mem, uintptr(vm.ld(fp))}, elemPointer(uintptr(vm.ld(fp+8)), fp+8), vm.ld8(fp+16) != 0
			vm.st8(fp+24, 0)
			if c.p == 0 {
				if nb {
					return stContinue
				}
				gopark(mp, gp, "chan send (nil chan)")
				return stStop
			}
			if nb && !c.closed() && c.recvq().first().p == 0 && c.count() >= c.dataqsiz() {
				return stContinue // it would block
			}
			// A send that goes ahead reports true, whether it completes
			// now or after the goroutine parks.
			vm.st8(fp+24, 1)
			return chansend(mp, gp, c, val, chanElemSize(vm, c))
		},
		// chanrecv(ch unsafe.Pointer, nb bool, val unsafe.Pointer) (selected, received bool)
		"chanrecv": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			c, nb, val := hchan{vm.mem, uintptr(vm.ld(fp))}, vm.ld8(fp+8) != 0, elemPointer(uintptr(vm.ld(fp+16)), fp+16)
			vm.st8(fp+24, 0)
			vm.st8(fp+25, 0)
			if c.p == 0 {
				if nb {
					return stContinue
				}
				gopark(mp, gp, "chan receive (nil chan)")
				return stStop
			}
			size := chanElemSize(vm, c)
			if done, ok := chanrecv(mp, c, val, size); done || nb {
				vm.st8(fp+24, uint8(b2u(done)))
				vm.st8(fp+25, uint8(b2u(ok)))
				return stContinue
			}
			vm.st8(fp+24, 1)
			gp.resume = resumeState{kind: resumeRecv, w: waiter{c: c.p, cas: -1, size: size, abs: val}, okOff: int32(fp + 25 - gp.fp)}
			park(mp, gp, &gp.resume.w)
			gopark(mp, gp, "chan receive")
			return stStop
		},
		"rselect": reflectSelect,
	}
	for name, f := range r {
		nativeTable["reflect."+name] = f
	}
}
