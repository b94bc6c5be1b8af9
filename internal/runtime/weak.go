package runtime

// Weak pointers (package weak, which unique builds on). A weak pointer is a
// handle: a heap cell holding the object's address, one per address, so that
// weak pointers to the same object are equal. The collector clears the
// cell at mark termination when the object died (clearWeakHandles).

func init() {
	// runtime_registerWeakPointer(p unsafe.Pointer) unsafe.Pointer
	nativeTable["weak.runtime_registerWeakPointer"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		p := uintptr(vm.ld(fp))
		h, ok := vm.weakHandles[p]
		if !ok {
			h = mallocgc(mp, 8, nil) // the collector will scan handles specially
			vm.st(h, uint64(p))
			vm.weakHandles[p] = h
		}
		vm.st(fp+8, uint64(h))
		return stContinue
	}
	// runtime_makeStrongFromWeak(h unsafe.Pointer) unsafe.Pointer
	nativeTable["weak.runtime_makeStrongFromWeak"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		h := uintptr(vm.ld(fp))
		p := vm.ld(h)
		if vm.writeBarrier.Load() {
			// While the collector marks, the object may be unmarked
			// yet: the strong pointer made from the weak one must
			// keep it, as the real makeStrongFromWeak shades it.
			vm.gcWork.shade(uintptr(p))
		}
		vm.st(fp+8, p)
		return stContinue
	}
}
