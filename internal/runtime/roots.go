package runtime

// The collector's roots. Besides goroutine stacks and the program's data,
// host code holds arena pointers in its own structures, which the VM's
// memory does not show; each is listed here, and roots_test.go has a test
// per entry (but 6, whose addresses are the waiters' own objects) that
// keeps an object reachable only through it, collects with freed memory
// poisoned, and checks the object survived.
//
//  1. the program's data and bss, [RODataEnd, DataEnd): the package
//     variables' pointer words, which the image's DataMask marks (the
//     read-only image below holds no heap pointer: nothing writes it after
//     load, and the rest of the region below HeapStart stays zero);
//  2. every live goroutine's stack (scanstack);
//  3. per goroutine: g.param, the defer chain (g._defer, whose records
//     link each other in the arena), the panic chain's values (_panic.arg),
//     the sudogs and channels of a blocked operation (g.resume.w and
//     g.waiting), the element address a reflect operation gave, and the
//     frame slot a blocked receive's value is delivered into;
//  4. timers: the time.Timer object, the callback's funcval and its arg;
//  5. runtime caches of arena objects the program made: heap-allocated
//     itabs (never freed, as in the real runtime), descriptors reflect made
//     whose views the runtime caches (typeview.go, reflectcall.go: a freed
//     and reused address would keep a stale view), the pointers reflect
//     registered with addReflectOff (the real reflectOffs map), the
//     typelinks table and the static uint64 table reflect was given;
//  6. semaphore and notify-list addresses that goroutines wait on;
//  7. weak pointer handles (the cells themselves; what they point at is
//     weak, clearWeakHandles);
//  8. finalizer and cleanup records: the finalizer's funcval and
//     everything the object points at, but not the object; a cleanup's
//     closure but not its object (mfinal.go);
//  9. the queued finalizers and cleanups not yet run, and the finalizer
//     goroutine's argument block.
//
// The Ps' sudog caches are dropped at the start of a cycle instead, and
// the mcaches' tiny blocks and spans released, as the real runtime does.
//
// A cycle scans 1 and 2 as root jobs while it marks, each stack once.
// Host code writes 3 to 9, the runtime's roots, without the barrier, so
// they are shaded when the cycle begins, with the world stopped (what they
// drop later was shaded then), and again at mark termination (what they
// took since); they are few.
func markroots(w *gcWork) {
	w.markrootData()
	for _, gp := range w.vm.allgs {
		if gp.atomicstatus.Load() != _Gdead {
			w.scanstack(gp)
		}
	}
	w.markrootRuntime()
}

// markrootData is root 1: data and bss.
func (w *gcWork) markrootData() {
	vm := w.vm
	w.globalsScan = uint64(max(vm.prog.DataEnd, vm.prog.RODataEnd) - vm.prog.RODataEnd)
	w.scandata()
}

// markrootStack is root 2 for one goroutine: its stack, which the cycle
// then counts as scanned.
func (w *gcWork) markrootStack(gp *g) {
	gp.gcscandone = true
	w.scanstack(gp)
}

// markrootRuntime is roots 3 to 9.
func (w *gcWork) markrootRuntime() {
	vm := w.vm
	for _, gp := range vm.allgs {
		if gp.atomicstatus.Load() == _Gdead {
			continue
		}
		// 3. What the runtime keeps for the goroutine.
		w.shade(gp.param)
		w.shade(gp._defer)
		for p := gp._panic; p != nil; p = p.link {
			w.shade(uintptr(p.arg[0]))
			w.shade(uintptr(p.arg[1]))
		}
		w.shadeWaiter(gp, gp.resume.w)
		for _, wt := range gp.waiting {
			w.shadeWaiter(gp, wt)
		}
	}

	// 4. Timers.
	for _, t := range vm.timers {
		if t != nil {
			w.shade(t.obj)
			w.shade(uintptr(t.f))
			w.shade(uintptr(t.arg[0]))
			w.shade(uintptr(t.arg[1]))
		}
	}

	// 5. Runtime caches.
	for _, tab := range vm.itabs.table {
		w.shade(tab)
	}
	for desc := range vm.types.views {
		w.shade(desc)
	}
	for desc := range vm.types.made {
		w.shade(desc)
	}
	for desc := range vm.runtimeTypes {
		w.shade(desc)
	}
	for _, p := range vm.types.reflectOffs.m {
		w.shade(p)
	}
	w.shade(vm.types.typelinks)
	w.shade(vm.staticuint64s)

	// 6. Semaphores and notify lists.
	for addr := range vm.semtable {
		w.shade(addr)
	}
	for addr := range vm.notifyWaiters {
		w.shade(addr)
	}

	// 7. Weak handles.
	for _, h := range vm.weakHandles {
		w.shade(h)
	}

	// 8 and 9. Finalizers and cleanups.
	markFinalizerRoots(w)
}

// shadeWaiter shades the sudog, the channel and any element address of a
// blocked channel operation, and the element a receive waits in: a sender
// that finds the goroutine waiting copies the value straight into its
// frame, where no safepoint map lists it until the goroutine runs again
// (the real runtime's receivers get it in their stack slot too).
func (w *gcWork) shadeWaiter(gp *g, wt waiter) {
	w.shade(wt.sg)
	w.shade(wt.c)
	w.shade(wt.abs)
	if wt.sg != 0 && !wt.send && wt.abs == 0 && wt.size >= 8 {
		if p := gp.fp + uintptr(wt.elem); p >= gp.stack.lo && p+wt.size <= gp.stack.hi {
			w.scanblock(p, wt.size)
		}
	}
}
