package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/runtime/maps"
)

// The glue between the interpreter and package maps (the Swiss tables):
// a maps.Type per map type, and the Env through which map code allocates,
// stores pointers and draws random numbers.

func mapType(vm *vm, t *bytecode.Type) *maps.Type {
	if mt, ok := vm.mapTypes[t]; ok {
		return mt
	}
	k, e := t.Key, t.Elem
	mt := maps.NewType(maps.Type{
		Mem:     vm.mem,
		KeySize: k.Size, KeyAlign: k.Align, ElemSize: e.Size, ElemAlign: e.Align,
		KeyHasPtrs: k.HasPtrs, ElemHasPtrs: e.HasPtrs,
		Hash:           func(key, seed uintptr) uintptr { return typehash(vm, k, key, seed) },
		Equal:          func(a, b uintptr) bool { return equal(vm, k, a, b) },
		NeedKeyUpdate:  !k.RegularMemory,
		HashMightPanic: k.Kind == bytecode.Interface || hasIfaceKey(k),
		Desc:           t.Desc,
	})
	vm.mapTypes[t] = mt
	return mt
}

func hasIfaceKey(t *bytecode.Type) bool {
	switch t.Kind {
	case bytecode.Interface:
		return true
	case bytecode.Array:
		return hasIfaceKey(t.Elem)
	case bytecode.Struct:
		for _, f := range t.Fields {
			if hasIfaceKey(f.Type) {
				return true
			}
		}
	}
	return false
}

// mapEnv is the Env of the M running the map operation.
type mapEnv struct{ mp *m }

func (e mapEnv) Alloc(size uintptr, hasPtrs bool) uintptr {
	if !hasPtrs {
		return mallocgc(e.mp, size, nil)
	}
	return mallocgc(e.mp, size, conservativeType(e.mp, "runtime.mapdata", size))
}
func (e mapEnv) TypedMemmove(dst, src, size uintptr, hasPtrs bool) {
	typedmemmove(e.mp.vm, dst, src, size)
}
func (e mapEnv) TypedMemclr(dst, size uintptr, hasPtrs bool) { typedmemclr(e.mp.vm, dst, size) }
func (e mapEnv) WritePointer(slot, ptr uintptr)              { writePointer(e.mp.vm, slot, ptr) }
func (e mapEnv) Rand() uint64                                { return e.mp.p.rand.next() }
func (e mapEnv) Fatal(msg string)                            { fatal(msg) }

// mapCall runs a map operation, turning a run-time error raised while
// hashing or comparing keys into a VM panic, and a fault into the fault.
func mapCall(mp *m, gp *g, op func()) (st int) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case *rtError:
				st = panicErrorString(mp, gp, e.msg)
			case arena.Fault:
				st = fault(mp, gp, e.Addr)
			case *fatalError:
				fatal(e.msg)
				st = stStop
			default:
				panic(r)
			}
		}
	}()
	op()
	return stContinue
}

func makemap(mp *m, t *bytecode.Type, hint int64) uintptr {
	vm := mp.vm
	if hint < 0 || hint > 1<<40 {
		hint = 0
	}
	return maps.MakeMap(mapEnv{mp}, mapType(vm, t), int(hint))
}

func mapLen(vm *vm, m uintptr) int { return maps.Len(vm.mem, m) }

// mapLookup: fA = m[k] (Aux: key slot, map type, commaok, ok offset).
func mapLookup(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	vm := mp.vm
	fpp := vm.mem.Frame(gp.fp)
	t := mp.vm.prog.Types[a[1]]
	m := uintptr(*slot(fpp, in.B))
	key := gp.fp + uintptr(a[0])
	dst := gp.fp + uintptr(in.A)
	if st, ok := emptyMapKeyCheck(mp, gp, t, m, key); !ok {
		return st
	}
	return mapCall(mp, gp, func() {
		elem, ok := maps.Get(mapEnv{mp}, mapType(vm, t), m, key)
		if ok {
			*slot(fpp, in.A) = 0
			typedmemmove(vm, dst, elem, t.Elem.Size)
			if isNarrow(t.Elem.Class) {
				*slot(fpp, in.A) = extend(*slot(fpp, in.A), t.Elem.Class)
			}
		} else if t.Elem.Size > 0 {
			clearSlot(vm, dst, t.Elem.Size)
		}
		if a[2] == 1 {
			setTupleBool(fpp, in.A+a[3], ok)
		}
	})
}

// mapUpdate: fA[fB] = v (Aux: value slot, map type).
func mapUpdate(mp *m, gp *g, in *bytecode.Instr, a []int32) int {
	vm := mp.vm
	fpp := vm.mem.Frame(gp.fp)
	t := mp.vm.prog.Types[a[1]]
	m := uintptr(*slot(fpp, in.A))
	if m == 0 {
		// Go hashes the key first: an unhashable key panics with that.
		if st, ok := hashCheck(mp, gp, t, gp.fp+uintptr(in.B)); !ok {
			return st
		}
		return panicPlain(mp, gp, "assignment to entry in nil map")
	}
	key, val := gp.fp+uintptr(in.B), gp.fp+uintptr(a[0])
	return mapCall(mp, gp, func() {
		elem := maps.Assign(mapEnv{mp}, mapType(vm, t), m, key)
		typedmemmove(vm, elem, val, t.Elem.Size)
	})
}

// hashCheck hashes a key only to raise the unhashable-key panic; ok is
// false if it did.
func hashCheck(mp *m, gp *g, t *bytecode.Type, key uintptr) (int, bool) {
	vm := mp.vm
	var msg string
	func() {
		defer func() {
			if e, ok := recover().(*rtError); ok {
				msg = e.msg
			}
		}()
		typehash(vm, t.Key, key, 0)
	}()
	if msg != "" {
		return panicErrorString(mp, gp, msg), false
	}
	return stContinue, true
}

// emptyMapKeyCheck raises, for a lookup or delete in a nil or empty map,
// the error hashing the key would have raised: such a map hashes nothing,
// so Go walks the key for a dynamic type that cannot be hashed instead. ok
// is false if it panicked.
func emptyMapKeyCheck(mp *m, gp *g, t *bytecode.Type, m, key uintptr) (int, bool) {
	vm := mp.vm
	if !mapType(vm, t).HashMightPanic || (m != 0 && mapLen(vm, m) > 0) {
		return stContinue, true
	}
	bad := unhashableKey(vm, t.Key, key)
	if bad == nil {
		return stContinue, true
	}
	et := mp.vm.prog.ErrTypes.UnhashableTypeError
	obj := mallocgc(mp, et.Size, et)
	vm.st(obj, uint64(bad.Desc))
	return gopanic(mp, gp, [2]uint64{uint64(et.Desc), uint64(obj)}), false
}

// unhashableKey returns the first dynamic type inside the value of type t
// at p that cannot be hashed, or nil.
func unhashableKey(vm *vm, t *bytecode.Type, p uintptr) *bytecode.Type {
	switch t.Kind {
	case bytecode.Interface:
		w := vm.ld(p)
		dt := dynType(vm, w, len(t.IMethods) == 0)
		if dt == 0 {
			return nil
		}
		d := typeAt(vm, dt)
		if !d.Comparable {
			return d
		}
		data := vm.ld(p + 8)
		if d.DirectIface {
			return nil
		}
		return unhashableKey(vm, d, uintptr(data))
	case bytecode.Array:
		for i := int64(0); i < t.Len; i++ {
			if bad := unhashableKey(vm, t.Elem, p+uintptr(i)*t.Elem.Size); bad != nil {
				return bad
			}
		}
	case bytecode.Struct:
		for _, f := range t.Fields {
			if f.Name == "_" {
				continue
			}
			if bad := unhashableKey(vm, f.Type, p+f.Offset); bad != nil {
				return bad
			}
		}
	}
	return nil
}

func mapDelete(mp *m, gp *g, in *bytecode.Instr) int {
	vm := mp.vm
	fpp := vm.mem.Frame(gp.fp)
	t := mp.vm.prog.Types[in.C]
	m := uintptr(*slot(fpp, in.A))
	key := gp.fp + uintptr(in.B)
	if st, ok := emptyMapKeyCheck(mp, gp, t, m, key); !ok {
		return st
	}
	return mapCall(mp, gp, func() { maps.Delete(mapEnv{mp}, mapType(vm, t), m, key) })
}

func mapClear(mp *m, t *bytecode.Type, m uintptr) {
	vm := mp.vm
	if m != 0 {
		maps.Clear(mapEnv{mp}, mapType(vm, t), m)
	}
}

func mapRange(mp *m, t *bytecode.Type, m uintptr) uintptr {
	vm := mp.vm
	it := mallocgc(mp, maps.IterSize(), conservativeType(mp, "runtime.mapIter", maps.IterSize()))
	maps.IterInit(mapEnv{mp}, mapType(vm, t), m, it)
	return it
}

// mapNext: fA = (ok, k, v) from iterator fB (Aux: map type, key offset,
// value offset, want key, want value).
func mapNext(mp *m, gp *g, in *bytecode.Instr, a []int32) {
	vm := mp.vm
	fpp := vm.mem.Frame(gp.fp)
	t := mp.vm.prog.Types[a[0]]
	it := uintptr(*slot(fpp, in.B))
	k, e, ok := maps.IterNext(mapEnv{mp}, mapType(vm, t), it)
	*slot(fpp, in.A) = b2u(ok)
	if !ok {
		return
	}
	if a[3] == 1 {
		copyOut(vm, gp.fp, in.A+a[1], k, t.Key)
	}
	if a[4] == 1 {
		copyOut(vm, gp.fp, in.A+a[2], e, t.Elem)
	}
}

// copyOut copies a value of type t from memory at p into the field at off
// of the frame's result tuple: its bytes and no others, for a narrow key
// shares its word with the fields around it (Extract normalises).
func copyOut(vm *vm, fp uintptr, off int32, p uintptr, t *bytecode.Type) {
	if t.Size > 0 {
		typedmemmove(vm, fp+uintptr(off), p, t.Size)
	}
}
