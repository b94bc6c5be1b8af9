package runtime

import "gort/internal/arena"

// Coroutines (the real runtime's coro.go), for iter.Pull: a coro in the
// arena (the runtime package's Go source declares it) names the goroutine
// blocked on it by its g word (gword), which every switch validates with
// gFromWord. A switch parks the caller on the coro and readies the
// goroutine that was there in runnext, so that, with one M, it runs next
// (it is parked for good already, and the caller's park commits first);
// the real coroswitch_m hands the M over directly, which no other
// goroutine can observe either.

const (
	coroGP = 0 // the g word of the goroutine blocked on the coro
)

func init() {
	// corogo(start func(*coro), c *coro)
	nativeTable["runtime.corogo"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		start := uintptr(vm.ld(fp))
		code, ok := vm.mem.Load64(start)
		if !ok || start == 0 {
			panic(arena.Fault{Addr: start})
		}
		fn, ok := funcForCode(vm, code)
		if !ok {
			panic(arena.Fault{Addr: uintptr(code)})
		}
		c := uintptr(vm.ld(fp + 8))
		newg := newproc1(mp, gp, fn, fp+8, 8, start)
		// gc's newcoro names its caller (iter.Pull) as the creator.
		if ret, ok := loadRet(vm, gp.fp); ok && uint32(ret) < retMarker {
			if caller, _, ok := callerOf(vm, gp, gp.stack, gp.fp); ok {
				newg.gopcFn, newg.gopc = caller, int32(uint32(ret))
			}
		}
		newg.waitreason = "coroutine"
		newg.atomicstatus.Store(_Gwaiting)
		if !vm.mem.Store64(c+coroGP, gword(newg)) {
			panic(arena.Fault{Addr: c})
		}
		return stContinue
	}
	// coroswitch(c *coro)
	nativeTable["runtime.coroswitch"] = func(mp *m, gp *g, fp uintptr) int {
		c := uintptr(mp.vm.ld(fp))
		next := coroNext(mp, gp, c)
		mp.vm.mem.Store64(c+coroGP, gword(gp))
		goready(mp, next)
		gopark(mp, gp, "coroutine")
		return stStop
	}
	// coroexit(c *coro)
	nativeTable["runtime.coroexit"] = func(mp *m, gp *g, fp uintptr) int {
		c := uintptr(mp.vm.ld(fp))
		next := coroNext(mp, gp, c)
		mp.vm.mem.Store64(c+coroGP, 0)
		goready(mp, next)
		return goexit1(mp, gp)
	}
}

// coroNext returns the goroutine blocked on the coro at c, which must be a
// waiting goroutine other than gp.
func coroNext(mp *m, gp *g, c uintptr) *g {
	w, ok := mp.vm.mem.Load64(c + coroGP)
	if !ok {
		panic(arena.Fault{Addr: c})
	}
	next, ok := gFromWord(mp.vm, w)
	if !ok || next.atomicstatus.Load() != _Gwaiting {
		fatal("coroswitch on exited coro")
	}
	if next == gp {
		fatal("coroswitch of a goroutine to itself")
	}
	return next
}
