package runtime

import "gort/internal/arena"

// The atomic entry points of sync/atomic and internal/runtime/atomic, which
// have no Go body anywhere (or, for the runtime package's, are pulled by
// //go:linkname from packages that do not load it): host atomics on the
// arena word (DESIGN.md §3), which on amd64 give gc's memory model. The
// arena refuses an address outside it, in read-only data or misaligned, and
// that is a fault of the program. The pointer forms are the uintptr ones
// with the write barrier (the real atomicwb) before a store, swap or
// compare-and-swap.

// An atomicOp is one operation on a word of 1, 4 or 8 bytes.
type atomicOp struct {
	op    string // Load, Store, Swap, Add, And, Or, CompareAndSwap
	width uintptr
	// result: whether the operation returns a value (And and Or of
	// internal/runtime/atomic may return nothing, or the old value).
	result bool
	// ptr: the word is a pointer, which the write barrier must see.
	ptr bool
}

func init() {
	for _, w := range []struct {
		kind  string
		width uintptr
	}{{"Int32", 4}, {"Uint32", 4}, {"Int64", 8}, {"Uint64", 8}, {"Uintptr", 8}, {"Pointer", 8}} {
		for _, op := range []string{"Load", "Store", "Swap", "Add", "And", "Or", "CompareAndSwap"} {
			if w.kind == "Pointer" && (op == "Add" || op == "And" || op == "Or") {
				continue
			}
			o := atomicOp{op: op, width: w.width, result: op != "Store", ptr: w.kind == "Pointer"}
			nativeTable["sync/atomic."+op+w.kind] = o.native()
			unlockedNatives["sync/atomic."+op+w.kind] = true
		}
	}
	type spec struct {
		op     string
		width  uintptr
		result bool
	}
	runtimeAtomics := map[string]spec{
		"Load": {"Load", 4, true}, "Load8": {"Load", 1, true}, "Load64": {"Load", 8, true},
		"LoadAcq": {"Load", 4, true}, "LoadAcq64": {"Load", 8, true}, "LoadAcquintptr": {"Load", 8, true},
		"Loadp": {"Load", 8, true}, "Loaduintptr": {"Load", 8, true}, "Loaduint": {"Load", 8, true},
		"Loadint32": {"Load", 4, true}, "Loadint64": {"Load", 8, true},
		"Store": {"Store", 4, false}, "Store8": {"Store", 1, false}, "Store64": {"Store", 8, false},
		"StoreRel": {"Store", 4, false}, "StoreRel64": {"Store", 8, false}, "StoreReluintptr": {"Store", 8, false},
		"StorepNoWB": {"Store", 8, false}, "Storeint32": {"Store", 4, false}, "Storeint64": {"Store", 8, false},
		"Storeuintptr": {"Store", 8, false},
		"Xadd":         {"Add", 4, true}, "Xadd64": {"Add", 8, true}, "Xadduintptr": {"Add", 8, true},
		"Xaddint32": {"Add", 4, true}, "Xaddint64": {"Add", 8, true},
		"Xchg": {"Swap", 4, true}, "Xchg8": {"Swap", 1, true}, "Xchg64": {"Swap", 8, true},
		"Xchguintptr": {"Swap", 8, true}, "Xchgint32": {"Swap", 4, true}, "Xchgint64": {"Swap", 8, true},
		"And8": {"And", 1, false}, "Or8": {"Or", 1, false}, "And": {"And", 4, false}, "Or": {"Or", 4, false},
		"And32": {"And", 4, true}, "Or32": {"Or", 4, true}, "And64": {"And", 8, true}, "Or64": {"Or", 8, true},
		"Anduintptr": {"And", 8, true}, "Oruintptr": {"Or", 8, true},
		"Cas": {"CompareAndSwap", 4, true}, "Cas64": {"CompareAndSwap", 8, true},
		"CasRel": {"CompareAndSwap", 4, true}, "Casint32": {"CompareAndSwap", 4, true},
		"Casint64": {"CompareAndSwap", 8, true}, "Casuintptr": {"CompareAndSwap", 8, true},
		"Casp1": {"CompareAndSwap", 8, true},
	}
	for name, sp := range runtimeAtomics {
		op := atomicOp{op: sp.op, width: sp.width, result: sp.result}
		op.ptr = name == "Loadp" || name == "StorepNoWB" || name == "Casp1"
		nativeTable["internal/runtime/atomic."+name] = op.native()
		unlockedNatives["internal/runtime/atomic."+name] = true
	}
}

// load reads the word at p atomically.
func (o atomicOp) load(vm *vm, p uintptr) uint64 {
	var v uint64
	var ok bool
	switch o.width {
	case 1:
		var b uint8
		b, ok = vm.mem.Load8(p) // a byte load is atomic on amd64
		v = uint64(b)
	case 4:
		var v32 uint32
		v32, ok = vm.mem.LoadAtomic32(p)
		v = uint64(v32)
	default:
		v, ok = vm.mem.LoadAtomic64(p)
	}
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return v
}

// cas compares and swaps the word at p. A byte is swapped through the
// aligned 32-bit word that holds it.
func (o atomicOp) cas(vm *vm, p uintptr, old, new uint64) bool {
	var swapped, ok bool
	switch o.width {
	case 1:
		word, shift := p&^3, 8*(p&3)
		w, wok := vm.mem.LoadAtomic32(word)
		if !wok {
			panic(arena.Fault{Addr: p})
		}
		if uint8(w>>shift) != uint8(old) {
			return false
		}
		nw := w&^(0xff<<shift) | uint32(uint8(new))<<shift
		swapped, ok = vm.mem.Cas32(word, w, nw)
	case 4:
		swapped, ok = vm.mem.Cas32(p, uint32(old), uint32(new))
	default:
		swapped, ok = vm.mem.Cas64(p, old, new)
	}
	if !ok {
		panic(arena.Fault{Addr: p})
	}
	return swapped
}

// rmw applies f to the word at p atomically (a CAS loop) and returns the
// old and the new value.
func (o atomicOp) rmw(vm *vm, p uintptr, f func(old uint64) uint64) (old, new uint64) {
	for {
		old = o.load(vm, p)
		new = f(old)
		if o.cas(vm, p, old, new) {
			return old, new
		}
	}
}

// operand reads an argument of the operation's width at p.
func (o atomicOp) operand(vm *vm, p uintptr) uint64 {
	switch o.width {
	case 1:
		return uint64(vm.ld8(p))
	case 4:
		return uint64(vm.ld32(p))
	}
	return vm.ld(p)
}

func (o atomicOp) store(vm *vm, p uintptr, v uint64) {
	switch o.width {
	case 1:
		vm.st8(p, uint8(v))
	case 4:
		vm.mem.MustStore32(p, uint32(v))
	default:
		vm.st(p, v)
	}
}

// native is the operation as a native. ABI0: the address at fp, the
// operands after it, each aligned to its size, then the result aligned to
// 8.
func (o atomicOp) native() nativeFunc {
	w := o.width
	res := alignUp(8+w, 8) // after (addr, operand)
	return func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		p := uintptr(vm.ld(fp))
		if o.ptr && !mp.holdsRT && vm.writeBarrier.Load() {
			// The barrier shades into the collector's queue, which is
			// runtime state: the operation takes the lock.
			mp.lockRT()
			defer mp.unlockRT()
		}
		switch o.op {
		case "Load":
			o.store(vm, fp+8, o.load(vm, p))
		case "Store", "Swap":
			v := o.operand(vm, fp+8)
			if o.ptr {
				writeBarrierPre(vm, p, uintptr(v))
			}
			old, _ := o.rmw(vm, p, func(uint64) uint64 { return v })
			if o.result {
				o.store(vm, fp+res, old)
			}
		case "Add":
			d := o.operand(vm, fp+8)
			_, new := o.rmw(vm, p, func(old uint64) uint64 { return old + d })
			o.store(vm, fp+res, new)
		case "And", "Or":
			mask := o.operand(vm, fp+8)
			old, _ := o.rmw(vm, p, func(old uint64) uint64 {
				if o.op == "And" {
					return old & mask
				}
				return old | mask
			})
			if o.result {
				o.store(vm, fp+res, old)
			}
		case "CompareAndSwap":
			old, new := o.operand(vm, fp+8), o.operand(vm, fp+8+w)
			if o.ptr {
				writeBarrierPre(vm, p, uintptr(new))
			}
			vm.st8(fp+alignUp(8+2*w, w), uint8(b2u(o.cas(vm, p, old, new))))
		}
		return stContinue
	}
}
