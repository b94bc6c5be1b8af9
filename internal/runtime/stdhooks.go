package runtime

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
			c := roundupsize(uintptr(n))
			p := mallocgc(mp, c, nil)
			mp.vm.mem.MustWriteWords(fp+8, []uint64{uint64(p), n, uint64(c)})
			return stContinue
		},
	} {
		nativeTable[name] = f
	}
}
