package runtime

import (
	"math"
	"slices"

	"gort/internal/arena"
)

// The heap profile, as the real mprof.go keeps it: mallocgc samples about
// one allocation per MemProfileRate bytes (the program's variable, read
// through memProfileRate), drawing the distance to the next sample from an
// exponential distribution with that mean (nextSample), so that the
// samples are a Poisson process over the bytes allocated. A sampled
// allocation records the allocating goroutine's stack, as runtime.Callers
// reports its pcs, in a bucket keyed by the stack and the slot size, and
// the object is remembered by its span (mspan.profile, where the real
// runtime puts a profile special) so that the sweeper counts it freed
// when it frees the slot.
//
// The counts are published with the real runtime's lag, so that a profile
// is a consistent picture of the heap as of a mark termination:
// allocations count towards the cycle after next (C+2 below), the
// sweeper's frees towards the next one (C+1), and a cycle's counts are
// added to the published ones (active) only once every free of it has
// happened. Mark termination advances the cycle (mProf_NextCycle) and
// publishes the one it finished (mProf_Flush); runtime.GC, which sweeps
// everything before it returns, also publishes the cycle its sweep
// completed (mProf_PostSweep). So after one runtime.GC every allocation
// made before it shows, and every free of what that cycle found dead.
//
// Where gort differs: the stacks start at the allocating function. The
// real ones start inside the allocator (runtime.mallocgc and the function
// that called it, newobject or makeslice), frames that gort runs as host
// code and has no function for in the image; the tools that read heap
// profiles (runtime/pprof, go tool pprof) hide those frames anyway.

// defaultMemProfileRate is MemProfileRate's initial value in the runtime
// package, which the host uses until runtime.main tells it where the
// variable is.
const defaultMemProfileRate = 512 * 1024

// maxProfStackDepth is how many frames a sample records: the real
// debug.profstackdepth's default.
const maxProfStackDepth = 128

// memRecordCycle is one cycle's counts of a bucket, or the published sum.
type memRecordCycle struct {
	allocs, frees         uint64
	allocBytes, freeBytes uint64
}

func (a *memRecordCycle) add(b *memRecordCycle) {
	a.allocs += b.allocs
	a.frees += b.frees
	a.allocBytes += b.allocBytes
	a.freeBytes += b.freeBytes
}

// bucket is one allocation site of the profile: a stack and a slot size.
// Buckets are host memory and never freed, as the real ones are
// persistent.
type bucket struct {
	next   *bucket // the next bucket with the same hash
	hash   uint64
	size   uintptr
	stk    []uintptr
	active memRecordCycle
	// future holds the counts of cycles C, C+1 and C+2 (by cycle mod 3)
	// that are not published yet.
	future [3]memRecordCycle
}

// memProfileState is the VM's heap profile.
type memProfileState struct {
	// rateAddr is the arena address of runtime.MemProfileRate, which
	// runtime.main registers before any program code runs; 0 before.
	rateAddr uintptr
	// cycle is the heap profile cycle C; flushed records that C has been
	// published (the real mProfCycleHolder's two halves).
	cycle   uint32
	flushed bool
	// buckets are every bucket, in the order they were made; hash finds
	// one by its stack and size.
	buckets []*bucket
	hash    map[uint64]*bucket
	// stk is the scratch buffer a sample's stack is gathered in.
	stk []uintptr
}

// memProfileRate reads runtime.MemProfileRate. The word is the
// program's, and any value is one it may have set: 0 samples nothing,
// 1 or less every allocation.
func (vm *vm) memProfileRate() int64 {
	if a := vm.memProf.rateAddr; a != 0 {
		v, _ := vm.mem.Load64(a)
		return int64(v)
	}
	return defaultMemProfileRate
}

// nextSample returns the bytes to allocate before the next sample at the
// given rate: a draw from the exponential distribution with mean rate, as
// the real fastexprand makes it from 26 random bits, so that the samples
// land at random points of the allocation timeline.
func nextSample(rate int64, r *rng) int64 {
	switch {
	case rate == 0:
		return math.MaxInt64
	case rate <= 1:
		// The real draw with a negative mean is at most 1: every
		// allocation too.
		return 0
	}
	const randomBitCount = 26
	mean := float64(min(rate, 0x7000000)) // no draw overflows an int32
	q := r.uint32n(1<<randomBitCount) + 1
	qlog := min(math.Log2(float64(q))-randomBitCount, 0)
	return int64(int32(qlog*(-math.Ln2*mean))) + 1
}

// profilealloc samples the allocation of slot i of s: it draws the next
// sampling point and records the allocation in its stack's bucket.
func profilealloc(mp *m, c *mcache, s *mspan, i uintptr) {
	rate := mp.vm.memProfileRate()
	c.memProfRate = rate
	c.nextSample = nextSample(rate, &mp.p.rand)
	mProf_Malloc(mp, s, i)
}

// mProf_Malloc records the allocation of slot i of s, of s.elemsize bytes
// (the whole slot, as the sweeper frees it), by the running goroutine. An
// allocation the runtime makes with no goroutine running (before
// runtime.main starts, or for a timer) records an empty stack.
func mProf_Malloc(mp *m, s *mspan, i uintptr) {
	vm := mp.vm
	prof := &vm.memProf
	stk := prof.stk[:0]
	if gp := mp.curg; gp != nil {
		callers(vm, gp, nil, func(pc uintptr) bool {
			stk = append(stk, pc)
			return len(stk) < maxProfStackDepth
		})
	}
	prof.stk = stk
	b := prof.stkbucket(stk, s.elemsize)
	r := &b.future[(prof.cycle+2)%3]
	r.allocs++
	r.allocBytes += uint64(s.elemsize)
	if len(s.profile) == 0 {
		s.profile = grow(s.profile, int(s.nelems))
	}
	s.profile[i] = b
}

// mProf_Free counts freed, in the next cycle, an object of size bytes
// that was sampled in b: the sweeper frees what the last mark found dead.
func mProf_Free(vm *vm, b *bucket, size uintptr) {
	r := &b.future[(vm.memProf.cycle+1)%3]
	r.frees++
	r.freeBytes += uint64(size)
}

// stkbucket returns the bucket of stk and size, made if there is none.
func (prof *memProfileState) stkbucket(stk []uintptr, size uintptr) *bucket {
	h := uint64(size)
	for _, pc := range stk {
		h = (h ^ uint64(pc)) * 0x100000001b3
	}
	for b := prof.hash[h]; b != nil; b = b.next {
		if b.hash == h && b.size == size && slices.Equal(b.stk, stk) {
			return b
		}
	}
	if prof.hash == nil {
		prof.hash = map[uint64]*bucket{}
	}
	b := &bucket{next: prof.hash[h], hash: h, size: size, stk: slices.Clone(stk)}
	prof.hash[h] = b
	prof.buckets = append(prof.buckets, b)
	return b
}

// mProf_NextCycle ends heap profile cycle C at mark termination:
// allocations and frees from now on count towards later cycles.
func mProf_NextCycle(vm *vm) {
	vm.memProf.cycle++
	vm.memProf.flushed = false
}

// mProf_Flush publishes the cycle mark termination finished, once.
func mProf_Flush(vm *vm) {
	prof := &vm.memProf
	if prof.flushed {
		return
	}
	prof.flushed = true
	prof.flushCycle(prof.cycle % 3)
}

// mProf_PostSweep publishes the counts of the cycle whose frees the sweep
// just completed, C+1, without advancing the cycle: the allocations since
// mark termination keep counting towards C+2.
func mProf_PostSweep(vm *vm) {
	prof := &vm.memProf
	prof.flushCycle((prof.cycle + 1) % 3)
}

// flushCycle adds the counts of future cycle index to the published ones.
func (prof *memProfileState) flushCycle(index uint32) {
	for _, b := range prof.buckets {
		b.active.add(&b.future[index])
		b.future[index] = memRecordCycle{}
	}
}

// memProfileRecords returns the buckets MemProfile reports, newest first
// as the real bucket list is: those with bytes in use, or with inuseZero
// every one. A profile with nothing published yet (no cycle has ended)
// publishes every cycle's counts at once, so that a program that runs no
// collection still sees its allocations, as the real one does.
func memProfileRecords(vm *vm, inuseZero bool) []*bucket {
	prof := &vm.memProf
	// Between mProf_NextCycle and mProf_Flush cycle C is complete.
	prof.flushCycle(prof.cycle % 3)
	clear := true
	for _, b := range prof.buckets {
		if b.active.allocs != 0 || b.active.frees != 0 {
			clear = false
			break
		}
	}
	if clear {
		for _, b := range prof.buckets {
			for i := range b.future {
				b.active.add(&b.future[i])
				b.future[i] = memRecordCycle{}
			}
		}
	}
	var out []*bucket
	for i := len(prof.buckets) - 1; i >= 0; i-- {
		if b := prof.buckets[i]; inuseZero || b.active.allocBytes != b.active.freeBytes {
			out = append(out, b)
		}
	}
	return out
}

// Sizes of the records the natives below fill: runtime.MemProfileRecord
// (four counts and Stack0 [32]uintptr) and
// internal/profilerecord.MemProfileRecord (four counts and a Stack slice).
const (
	memProfileRecordSize    = 4*8 + 32*8
	profileRecordMemRecSize = 4*8 + 3*8
)

// nativeMemProfile is MemProfile(p []MemProfileRecord, inuseZero bool)
// (n int, ok bool): the number of records, and when p holds them all the
// records in p, each stack cut at 32 pcs and ended by zeros.
func nativeMemProfile(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	p, size := uintptr(vm.ld(fp)), vm.ld(fp+8)
	recs := memProfileRecords(vm, vm.ld8(fp+24) != 0)
	n := uint64(len(recs))
	vm.st(fp+32, n)
	if n > size {
		vm.st8(fp+40, 0)
		return stContinue
	}
	var words [memProfileRecordSize / 8]uint64
	for i, b := range recs {
		a := &b.active
		words[0], words[1], words[2], words[3] = a.allocBytes, a.freeBytes, a.allocs, a.frees
		stk := words[4:]
		for j := range stk {
			stk[j] = 0
			if j < len(b.stk) {
				stk[j] = uint64(b.stk[j])
			}
		}
		at := p + uintptr(i)*memProfileRecordSize
		if !vm.mem.WriteWords(at, words[:]) {
			return fault(mp, gp, at)
		}
	}
	vm.st8(fp+40, 1)
	return stContinue
}

// nativePprofMemProfile is runtime/pprof's
// pprof_memProfileInternal(p []profilerecord.MemProfileRecord, inuseZero
// bool) (n int, ok bool): MemProfile's records with whole stacks, each in
// a fresh slice. The native is a leaf that allocates: what it allocated
// before is reachable from p, in the caller's frame, and mallocgc starts
// no cycle (DESIGN.md §4.1).
func nativePprofMemProfile(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	p, size := uintptr(vm.ld(fp)), vm.ld(fp+8)
	recs := memProfileRecords(vm, vm.ld8(fp+24) != 0)
	n := uint64(len(recs))
	vm.st(fp+32, n)
	if n > size {
		vm.st8(fp+40, 0)
		return stContinue
	}
	for i, b := range recs {
		at := p + uintptr(i)*profileRecordMemRecSize
		a := &b.active
		if !vm.mem.WriteWords(at, []uint64{a.allocBytes, a.freeBytes, a.allocs, a.frees}) {
			return fault(mp, gp, at)
		}
		pcs := make([]uint64, len(b.stk))
		for j, pc := range b.stk {
			pcs[j] = uint64(pc)
		}
		stk := mallocgc(mp, uintptr(8*len(pcs)), nil)
		if len(pcs) > 0 {
			vm.mem.MustWriteWords(stk, pcs)
		}
		if !writePointer(vm, at+32, stk) {
			return fault(mp, gp, at+32)
		}
		vm.mem.MustWriteWords(at+40, []uint64{uint64(len(pcs)), uint64(len(pcs))})
	}
	vm.st8(fp+40, 1)
	return stContinue
}

// nativeSetMemProfileRateAddr is setMemProfileRateAddr(p *int), which
// runtime.main calls first with &MemProfileRate: from then on mallocgc
// reads the rate there. Only the first call counts (a program can reach
// the native through go:linkname, and must not move the rate elsewhere),
// and it must name a word of the program's variables.
func nativeSetMemProfileRateAddr(mp *m, gp *g, fp uintptr) int {
	vm := mp.vm
	if vm.memProf.rateAddr != 0 {
		return stContinue
	}
	p := uintptr(vm.ld(fp))
	if p&7 != 0 || p < vm.prog.RODataEnd || p+8 > vm.prog.DataEnd {
		panic(arena.Fault{Addr: p})
	}
	vm.memProf.rateAddr = p
	return stContinue
}

func init() {
	nativeTable["runtime.MemProfile"] = nativeMemProfile
	nativeTable["runtime.pprof_memProfileInternal"] = nativePprofMemProfile
	nativeTable["runtime.setMemProfileRateAddr"] = nativeSetMemProfileRateAddr
	nativeTable["runtime/pprof.runtime_expandFinalInlineFrame"] = nativeExpandFinalInlineFrame
}
