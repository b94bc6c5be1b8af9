package runtime

import (
	"bytes"
	"strings"
	"unsafe"
)

// internal/bytealg's assembly functions, and the runtime's memequal and
// cmpstring that it defines for the runtime. gort runs them as natives over
// the arena's bytes with the host's own implementations, which on amd64 are
// the very routines a native program runs. Each reads its ABI0 arguments at
// fp (a slice or string is its header) and writes its result after them.

// loadBytes reads a slice header at p and returns the slice's bytes,
// aliasing arena memory (only its length matters to these functions).
func loadBytes(vm *vm, p uintptr) []byte {
	sp, n := uintptr(vm.ld(p)), uintptr(vm.ld(p+8))
	if n == 0 {
		return nil
	}
	return vm.bytesAt(sp, n)
}

func init() {
	for name, f := range map[string]nativeFunc{
		"internal/bytealg.IndexByte": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+32, uint64(bytes.IndexByte(loadBytes(vm, fp), vm.ld8(fp+24))))
			return stContinue
		},
		"internal/bytealg.IndexByteString": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+24, uint64(strings.IndexByte(loadString(vm, fp), vm.ld8(fp+16))))
			return stContinue
		},
		"internal/bytealg.Index": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+48, uint64(bytes.Index(loadBytes(vm, fp), loadBytes(vm, fp+24))))
			return stContinue
		},
		"internal/bytealg.IndexString": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+32, uint64(strings.Index(loadString(vm, fp), loadString(vm, fp+16))))
			return stContinue
		},
		"internal/bytealg.Count": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+32, uint64(bytes.Count(loadBytes(vm, fp), []byte{vm.ld8(fp + 24)})))
			return stContinue
		},
		"internal/bytealg.CountString": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			c := vm.ld8(fp + 16)
			vm.st(fp+24, uint64(strings.Count(loadString(vm, fp), unsafe.String(&c, 1))))
			return stContinue
		},
		"internal/bytealg.Compare": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+48, uint64(bytes.Compare(loadBytes(vm, fp), loadBytes(vm, fp+24))))
			return stContinue
		},
		"runtime.cmpstring": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+32, uint64(strings.Compare(loadString(vm, fp), loadString(vm, fp+16))))
			return stContinue
		},
		// memequal(a, b unsafe.Pointer, size uintptr) bool
		"runtime.memequal": func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			n := uintptr(vm.ld(fp + 16))
			eq := n == 0 || string(vm.bytesAt(uintptr(vm.ld(fp)), n)) == string(vm.bytesAt(uintptr(vm.ld(fp+8)), n))
			vm.st8(fp+24, uint8(b2u(eq)))
			return stContinue
		},
	} {
		nativeTable[name] = f
		unlockedNatives[name] = true
	}
}
