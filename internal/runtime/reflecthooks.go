package runtime

import (
	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/runtime/maps"
)

// The hooks of reflect and internal/reflectlite: the real runtime's
// reflect_* and reflectlite_* functions, pushed to those packages by
// //go:linkname. Their words come from descriptors (untrusted arena memory
// like any other), so every offset is checked against the section it must
// land in.

// resolveOff turns a NameOff or TypeOff into an address in the types
// section (the image has one module, so ptrInModule names it), which must
// lie in the read-only data the image laid out; a negative offset is an id
// that reflect.addReflectOff handed out (typeview.go).
func resolveOff(vm *vm, off int32) uintptr {
	if off < 0 {
		p, ok := vm.types.reflectOffs.m[off]
		if !ok {
			panic(arena.Fault{Addr: vm.prog.TypesBase + uintptr(int64(off))})
		}
		return p
	}
	p := vm.prog.TypesBase + uintptr(int64(off))
	if p >= vm.prog.RODataEnd {
		panic(arena.Fault{Addr: p})
	}
	return p
}

func init() {
	// resolveNameOff(ptrInModule unsafe.Pointer, off int32) unsafe.Pointer,
	// and resolveTypeOff(rtype unsafe.Pointer, off int32) unsafe.Pointer.
	resolve := func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		vm.st(fp+16, uint64(resolveReflectOff(vm, uintptr(vm.ld(fp)), int32(vm.ld32(fp+8)), "name")))
		return stContinue
	}
	for _, name := range []string{
		"internal/reflectlite.resolveNameOff", "internal/reflectlite.resolveTypeOff",
		"reflect.resolveNameOff", "reflect.resolveTypeOff",
	} {
		nativeTable[name] = resolve
	}
	for _, pkg := range []string{"internal/reflectlite.", "reflect."} {
		// unsafe_New(t *abi.Type) unsafe.Pointer
		nativeTable[pkg+"unsafe_New"] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			vm.st(fp+8, uint64(newobject(mp, t)))
			return stContinue
		}
		// typedmemmove(t *abi.Type, dst, src unsafe.Pointer)
		nativeTable[pkg+"typedmemmove"] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			typedmemmove(vm, uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16)), t.Size)
			return stContinue
		}
		// ifaceE2I(t *abi.Type, src any, dst unsafe.Pointer): converts src
		// to the non-empty interface type t, panicking as an assertion
		// does if its dynamic type lacks a method.
		nativeTable[pkg+"ifaceE2I"] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			it := typeAt(vm, uintptr(vm.ld(fp)))
			dyn, data, dst := uintptr(vm.ld(fp+8)), vm.ld(fp+16), uintptr(vm.ld(fp+24))
			if it.Kind != bytecode.Interface {
				panic(arena.Fault{Addr: fp})
			}
			if dyn == 0 {
				return panicAssert(mp, gp, 0, 0, it, "")
			}
			tab, missing := getitab(mp, it, typeAt(vm, dyn))
			if tab == 0 {
				return panicAssert(mp, gp, 0, dyn, it, missing)
			}
			vm.mem.MustWriteWords(dst, []uint64{uint64(tab), data})
			return stContinue
		}
	}
}

// mapArgType reads a map type argument at p.
func mapArgType(vm *vm, p uintptr) *bytecode.Type {
	t := typeAt(vm, uintptr(vm.ld(p)))
	if t.Kind != bytecode.Map {
		panic(arena.Fault{Addr: p})
	}
	return t
}

func init() {
	r := map[string]nativeFunc{
		// getStaticuint64s() *[256]uint64: the table of the values 0 to
		// 255 that boxing a small integer points into.
		"getStaticuint64s": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			if vm.staticuint64s == 0 {
				p := mallocgc(mp, 256*8, nil)
				w := make([]uint64, 256)
				for i := range w {
					w[i] = uint64(i)
				}
				vm.mem.MustWriteWords(p, w)
				vm.staticuint64s = p
			}
			vm.st(fp, uint64(vm.staticuint64s))
			return stContinue
		},
		// unsafe_NewArray(t *abi.Type, n int) unsafe.Pointer
		"unsafe_NewArray": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			n := uintptr(vm.ld(fp + 8))
			size := byteSize(fp+8, n, t.Size)
			if size > maxAlloc {
				return panicPlain(mp, gp, "runtime: allocation size out of range")
			}
			vm.st(fp+16, uint64(mallocgc(mp, size, t)))
			return stContinue
		},
		// typedmemclr(t *abi.Type, ptr unsafe.Pointer)
		"typedmemclr": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			typedmemclr(vm, uintptr(vm.ld(fp+8)), t.Size)
			return stContinue
		},
		// typedmemclrpartial(t *abi.Type, ptr unsafe.Pointer, off, size uintptr)
		"typedmemclrpartial": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			off, size := uintptr(vm.ld(fp+16)), uintptr(vm.ld(fp+24))
			if off > t.Size || size > t.Size-off {
				panic(arena.Fault{Addr: fp + 16})
			}
			typedmemclr(vm, uintptr(vm.ld(fp+8))+off, size)
			return stContinue
		},
		// typedarrayclear(elemType *abi.Type, ptr unsafe.Pointer, len int)
		"typedarrayclear": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			typedmemclr(vm, uintptr(vm.ld(fp+8)), byteSize(fp+16, uintptr(vm.ld(fp+16)), t.Size))
			return stContinue
		},
		// typedslicecopy(t *abi.Type, dst, src unsafeheader.Slice) int
		"typedslicecopy": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			n := slicecopy(vm, uintptr(vm.ld(fp+8)), int(vm.ld(fp+16)), uintptr(vm.ld(fp+32)), int(vm.ld(fp+40)), t.Size)
			vm.st(fp+56, uint64(n))
			return stContinue
		},
		// memmove(dst, src unsafe.Pointer, size uintptr)
		"memmove": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			typedmemmove(vm, uintptr(vm.ld(fp)), uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16)))
			return stContinue
		},
		// typehash(t *abi.Type, p unsafe.Pointer, h uintptr) uintptr
		"typehash": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			return mapCall(mp, gp, func() {
				vm.st(fp+24, uint64(typehash(vm, t, uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16)))))
			})
		},
		// verifyNotInHeapPtr(p uintptr) bool: every pointer gort's heap
		// hands out is a heap pointer the collector may see.
		"verifyNotInHeapPtr": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st8(fp+8, 1)
			return stContinue
		},
		// growslice(t *abi.Type, old unsafeheader.Slice, num int) unsafeheader.Slice:
		// room for num more elements past old's length, keeping all of
		// old's capacity, and old's length.
		"growslice": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := typeAt(vm, uintptr(vm.ld(fp)))
			p, n, c := uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16)), uintptr(vm.ld(fp+24))
			num := uintptr(vm.ld(fp + 32))
			if n > c || num > maxAlloc {
				panic(arena.Fault{Addr: fp + 8})
			}
			np, nc := growslice(mp, p, c, c, n+num, t)
			vm.mem.MustWriteWords(fp+40, []uint64{uint64(np), uint64(n), uint64(nc)})
			return stContinue
		},
		// maplen(m unsafe.Pointer) int
		"maplen": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			n := 0
			if m := uintptr(vm.ld(fp)); m != 0 {
				n = mapLen(vm, m)
			}
			vm.st(fp+8, uint64(n))
			return stContinue
		},
		// chanlen(ch unsafe.Pointer) int, chancap(ch unsafe.Pointer) int
		"chanlen": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+8, uint64(chanlen(hchan{vm.mem, uintptr(vm.ld(fp))})))
			return stContinue
		},
		"chancap": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+8, uint64(chancap(hchan{vm.mem, uintptr(vm.ld(fp))})))
			return stContinue
		},
		// makemap(t *abi.Type, cap int) (m unsafe.Pointer)
		"makemap": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := mapArgType(vm, fp)
			vm.st(fp+16, uint64(makemap(mp, t, int64(vm.ld(fp+8)))))
			return stContinue
		},
		// mapaccess(t *abi.Type, m unsafe.Pointer, key unsafe.Pointer) (val unsafe.Pointer)
		"mapaccess": func(mp *m, gp *g, fp uintptr) int {
			return reflectMapaccess(mp, gp, fp, uintptr(mp.vm.ld(fp+16)), fp+24)
		},
		// mapaccess_faststr(t *abi.Type, m unsafe.Pointer, key string) (val unsafe.Pointer)
		"mapaccess_faststr": func(mp *m, gp *g, fp uintptr) int {
			return reflectMapaccess(mp, gp, fp, fp+16, fp+32)
		},
		// mapassign0(t *abi.Type, m unsafe.Pointer, key, val unsafe.Pointer)
		"mapassign0": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			return reflectMapassign(mp, gp, fp, uintptr(vm.ld(fp+16)), uintptr(vm.ld(fp+24)))
		},
		// mapassign_faststr0(t *abi.Type, m unsafe.Pointer, key string, val unsafe.Pointer)
		"mapassign_faststr0": func(mp *m, gp *g, fp uintptr) int {
			return reflectMapassign(mp, gp, fp, fp+16, uintptr(mp.vm.ld(fp+32)))
		},
		// mapdelete(t *abi.Type, m unsafe.Pointer, key unsafe.Pointer)
		"mapdelete": func(mp *m, gp *g, fp uintptr) int {
			return reflectMapdelete(mp, gp, fp, uintptr(mp.vm.ld(fp+16)))
		},
		"mapdelete_faststr": func(mp *m, gp *g, fp uintptr) int {
			return reflectMapdelete(mp, gp, fp, fp+16)
		},
		// mapclear(t *abi.Type, m unsafe.Pointer)
		"mapclear": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			mapClear(mp, mapArgType(vm, fp), uintptr(vm.ld(fp+8)))
			return stContinue
		},
		// mapIterStart(t *abi.MapType, m *maps.Map, it *maps.Iter) and
		// mapIterNext(it *maps.Iter) have Go bodies that run the real
		// Swiss-table code; gort's maps are its own (package maps), so
		// these two are natives over them (compiler.intrinsics).
		"mapIterStart": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			t := mapArgType(vm, fp)
			m, it := uintptr(vm.ld(fp+8)), uintptr(vm.ld(fp+16))
			return mapCall(mp, gp, func() {
				mt := mapType(vm, t)
				maps.IterInit(mapEnv{mp}, mt, m, it)
				maps.IterNext(mapEnv{mp}, mt, it)
			})
		},
		"mapIterNext": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			it := uintptr(vm.ld(fp))
			t := mapArgType(vm, it+16) // the iterator's type word
			return mapCall(mp, gp, func() { maps.IterNext(mapEnv{mp}, mapType(vm, t), it) })
		},
	}
	for name, f := range r {
		nativeTable["reflect."+name] = f
	}
	// internal/reflectlite's own names for two of them.
	nativeTable["internal/reflectlite.chanlen"] = r["chanlen"]
	nativeTable["internal/reflectlite.maplen"] = r["maplen"]
	// reflect pulls this one by the runtime's name.
	nativeTable["runtime.getStaticuint64s"] = r["getStaticuint64s"]
}

func reflectMapaccess(mp *m, gp *g, fp, key, res uintptr) int {
	vm := mp.vm
	t := mapArgType(vm, fp)
	m := uintptr(vm.ld(fp + 8))
	if st, ok := emptyMapKeyCheck(mp, gp, t, m, key); !ok {
		return st
	}
	return mapCall(mp, gp, func() {
		var elem uintptr
		if m != 0 {
			if e, ok := maps.Get(mapEnv{mp}, mapType(vm, t), m, key); ok {
				elem = e
			}
		}
		vm.st(res, uint64(elem))
	})
}

func reflectMapassign(mp *m, gp *g, fp, key, val uintptr) int {
	vm := mp.vm
	t := mapArgType(vm, fp)
	m := uintptr(vm.ld(fp + 8))
	if m == 0 {
		return panicPlain(mp, gp, "assignment to entry in nil map")
	}
	return mapCall(mp, gp, func() {
		elem := maps.Assign(mapEnv{mp}, mapType(vm, t), m, key)
		typedmemmove(vm, elem, val, t.Elem.Size)
	})
}

func reflectMapdelete(mp *m, gp *g, fp, key uintptr) int {
	vm := mp.vm
	t := mapArgType(vm, fp)
	m := uintptr(vm.ld(fp + 8))
	if st, ok := emptyMapKeyCheck(mp, gp, t, m, key); !ok {
		return st
	}
	if m == 0 {
		return stContinue
	}
	return mapCall(mp, gp, func() { maps.Delete(mapEnv{mp}, mapType(vm, t), m, key) })
}

func init() {
	// maps.clone(m any) any: a new map of m's type with m's entries (the
	// real runtime copies the tables whole; the result is the same map
	// value).
	nativeTable["maps.clone"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		td, src := uintptr(vm.ld(fp)), uintptr(vm.ld(fp+8))
		if td == 0 || src == 0 {
			vm.mem.MustWriteWords(fp+16, []uint64{uint64(td), uint64(src)})
			return stContinue
		}
		t := typeAt(vm, td)
		if t.Kind != bytecode.Map {
			panic(arena.Fault{Addr: fp})
		}
		return mapCall(mp, gp, func() {
			env, mt := mapEnv{mp}, mapType(vm, t)
			dst := maps.MakeMap(env, mt, mapLen(vm, src))
			it := mallocgc(mp, maps.IterSize(), conservativeType(mp, "runtime.mapIter", maps.IterSize()))
			maps.IterInit(env, mt, src, it)
			for {
				k, e, ok := maps.IterNext(env, mt, it)
				if !ok {
					break
				}
				typedmemmove(vm, maps.Assign(env, mt, dst, k), e, t.Elem.Size)
			}
			vm.mem.MustWriteWords(fp+16, []uint64{uint64(td), uint64(dst)})
		})
	}
}
