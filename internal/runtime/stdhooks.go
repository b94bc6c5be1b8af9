package runtime

import "gort/internal/arena"

// Natives for the standard library's runtime hooks: the bodyless functions
// of $GOROOT/src that the real runtime provides, bound by qualified name or
// by their //go:linkname target (loader.Program.Linknames).

// notifyListSize is the size of runtime.notifyList, which sync.Cond embeds.
const notifyListSize = 32

func init() {
	for name, f := range map[string]nativeFunc{
		// The pool cleanup runs at the start of each GC cycle; there is no
		// collector yet, so there is nothing to run it.
		"sync.runtime_registerPoolCleanup": func(mp *m, gp *g, fp uintptr) int { return stContinue },
		// sync checks that its notifyList has the runtime's size: gort's
		// will keep the real layout (32 bytes), so a mismatch is gort's bug.
		"sync.runtime_notifyListCheck": func(mp *m, gp *g, fp uintptr) int {
			if n := mp.vm.ld(fp); n != notifyListSize {
				throw("sync.notifyList has the wrong size")
			}
			return stContinue
		},
		// MakeNoZero(n int) []byte: a byte slice of length n whose capacity
		// is all its size class holds (gort's memory is always zeroed).
		"internal/bytealg.MakeNoZero": func(mp *m, gp *g, fp uintptr) int {
			n := mp.vm.ld(fp)
			if n > maxAlloc {
				return panicErrorString(mp, gp, "makeslice: len out of range")
			}
			c := roundupsize(uintptr(n), true)
			p := mallocgc(mp, c, nil)
			mp.vm.mem.MustWriteWords(fp+8, []uint64{uint64(p), n, uint64(c)})
			return stContinue
		},
		"runtime.argc": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st(fp, uint64(len(mp.vm.args)))
			return stContinue
		},
		"runtime.argv": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			putString(mp, fp+8, vm.args[checkIndex(vm, fp, len(vm.args))])
			return stContinue
		},
		"runtime.envc": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st(fp, uint64(len(mp.vm.env)))
			return stContinue
		},
		"runtime.envv": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			putString(mp, fp+8, vm.env[checkIndex(vm, fp, len(vm.env))])
			return stContinue
		},
		// rand() uint64: the per-P generator, seeded from the VM's seed, so
		// that a deterministic run (-seed) replays.
		"runtime.rand": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st(fp, mp.p.rand.next())
			return stContinue
		},
		// procPin() int pins the goroutine to its P (sync.Pool's per-P
		// slots) and returns the P's id. One M never preempts a native's
		// caller between the two, so pinning has nothing more to do yet.
		"sync.runtime_procPin": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st(fp, uint64(mp.p.id))
			return stContinue
		},
		"sync.runtime_procUnpin": func(mp *m, gp *g, fp uintptr) int { return stContinue },
		"sync/atomic.runtime_procPin": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st(fp, uint64(mp.p.id))
			return stContinue
		},
		"sync/atomic.runtime_procUnpin": func(mp *m, gp *g, fp uintptr) int { return stContinue },
	} {
		nativeTable[name] = f
	}
	// boolToUint8(b bool) uint8, a branch-free conversion in gc.
	nativeTable["crypto/internal/constanttime.boolToUint8"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		vm.st8(fp+8, vm.ld8(fp)&1)
		return stContinue
	}
	// crypto/internal/fips140's per-goroutine indicator.
	nativeTable["crypto/internal/fips140.getIndicator"] = func(mp *m, gp *g, fp uintptr) int {
		mp.vm.st8(fp, gp.fipsIndicator)
		return stContinue
	}
	nativeTable["crypto/internal/fips140.setIndicator"] = func(mp *m, gp *g, fp uintptr) int {
		gp.fipsIndicator = mp.vm.ld8(fp)
		return stContinue
	}
	// The runtime's fatal, pushed to packages that must not recover.
	for _, name := range []string{"crypto/internal/fips140.fatal", "crypto/internal/sysrand.fatal", "internal/runtime/maps.fatal"} {
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			fatal(loadString(mp.vm, fp))
			return stStop
		}
	}
	// randn(n uint32) uint32: a uniform value below n.
	nativeTable["runtime.randn"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		n := uint64(vm.ld32(fp))
		vm.mem.MustStore32(fp+8, uint32((mp.p.rand.next()&0xFFFF_FFFF)*n>>32))
		return stContinue
	}
	// crypto/internal/boring/sig's markers: assembly functions with empty
	// bodies that exist so a tool can find which crypto a binary holds.
	for _, name := range []string{"BoringCrypto", "FIPSOnly", "StandardCrypto"} {
		nativeTable["crypto/internal/boring/sig."+name] = func(mp *m, gp *g, fp uintptr) int { return stContinue }
	}
	// vgetrandom(p []byte, flags uint32) (ret int, supported bool): no vDSO
	// here, as on the ports without one; internal/syscall/unix then makes
	// the getrandom system call, which the VM's generator serves.
	nativeTable["runtime.vgetrandom"] = func(mp *m, gp *g, fp uintptr) int {
		mp.vm.st(fp+32, ^uint64(0))
		mp.vm.st8(fp+40, 0)
		return stContinue
	}
	// write(fd uintptr, p unsafe.Pointer, n int32) int32, the runtime's raw
	// write that internal/godebug pulls.
	nativeTable["runtime.write"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		r, _ := doSyscall(mp, sysWrite, []uintptr{uintptr(vm.ld(fp)), uintptr(vm.ld(fp + 8)), uintptr(int32(vm.ld32(fp + 16))), 0, 0, 0})
		vm.mem.MustStore32(fp+24, uint32(r.r1))
		return stContinue
	}
	// os's SIGSYS hooks are for a seccomp the VM does not have (os.sigpipe
	// is in signal_unix.go).
	for _, name := range []string{"os.ignoreSIGSYS", "os.restoreSIGSYS"} {
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int { return stContinue }
	}
	// syscall.Exit(code int) is the runtime's exit (its low 32 bits are
	// the status, as the kernel takes it).
	nativeTable["syscall.Exit"] = nativeTable["runtime.exit"]
}

// checkIndex reads an index argument at p, which must be below n.
func checkIndex(vm *vm, p uintptr, n int) int {
	i := vm.ld(p)
	if i >= uint64(n) {
		panic(arena.Fault{Addr: p})
	}
	return int(i)
}
