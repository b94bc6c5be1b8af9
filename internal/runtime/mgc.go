package runtime

// The collector's entry points. There is no collector yet (it is a later
// issue); what this file holds is the part of its contract that the native
// contract fixes now (DESIGN.md §4.1, item 4):
//
//   - mallocgc may run inside a native or a runtime helper, between two of
//     its allocations, while the first object is known only to a host local
//     that no GC can see. So mallocgc never starts a cycle or parks for an
//     assist: it only records that a cycle is due (gcRecordTrigger) and asks
//     the running goroutine to stop at its next safepoint, as a preemption
//     request does (stackguard0 = stackPreempt).
//   - The interpreter reaches a safepoint at a call's prologue check or a
//     loop back-edge, with the goroutine's registers saved in the g and every
//     live pointer in a frame slot the compiler's maps describe. There,
//     and only there, gcSafepoint starts the cycle.
//
// GODEBUG=gortgctrigger=1 records a trigger at every allocation, so that the
// path from an allocation inside a native to the safepoint is taken as often
// as it can be; a program must print the same with the knob as without.

// gcControllerState is the pacer's state, reduced to what exists: whether
// a cycle is due, and counts that tests read.
type gcControllerState struct {
	triggerPending bool
	triggers       uint64 // allocations that recorded a trigger
	cycles         uint64 // cycles started, each at a safepoint
}

// gcRecordTrigger is mallocgc's half of the contract. It never runs the
// collector.
func gcRecordTrigger(mp *m) {
	mp.vm.gcController.triggers++
	mp.vm.gcController.triggerPending = true
	if gp := mp.curg; gp != nil {
		gp.stackguard0.Store(stackPreempt)
	}
}

// gcSafepoint is the interpreter's half: it runs where a goroutine yields
// at a safepoint (goschedPreempt), with gp's registers saved.
func gcSafepoint(mp *m, gp *g) {
	if !mp.vm.gcController.triggerPending {
		return
	}
	mp.vm.gcController.triggerPending = false
	if gp.fp < gp.stack.lo || gp.fp >= gp.stack.hi {
		throw("gcSafepoint: goroutine's frame is not on its stack")
	}
	gcStart(mp)
}

// gcStart begins a collection cycle. Until the collector lands, a cycle
// marks and frees nothing.
func gcStart(mp *m) {
	mp.vm.gcController.cycles++
}
