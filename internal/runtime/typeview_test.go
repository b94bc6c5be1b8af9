package runtime_test

import (
	"encoding/binary"
	"testing"

	"gort/internal/bytecode"
	"gort/internal/runtime"
)

// Descriptor words for DeriveForged: abi.Type's six words (size,
// ptrBytes, hash|tflag|align|fieldAlign|kind, equal, gcdata, str|ptrToThis)
// and the kind's own. self(i) is the object's word i.
func self(i int) uint64 { return uint64(i)<<8 | 0xAA }

func common(size, ptrBytes uint64, tflag, align uint8, kind bytecode.Kind) []uint64 {
	w2 := uint64(tflag)<<32 | uint64(align)<<40 | uint64(align)<<48 | uint64(kind)<<56
	return []uint64{size, ptrBytes, w2, 0, 0, 0xffffffff} // Str = -1, no PtrToThis
}

func TestForgedDescriptors(t *testing.T) {
	cat := func(parts ...[]uint64) []uint64 {
		var w []uint64
		for _, p := range parts {
			w = append(w, p...)
		}
		return w
	}
	tests := []struct {
		name  string
		words []uint64
		kind  bytecode.Kind // 0: must fault
	}{
		{"int", common(8, 0, 0, 8, bytecode.Int), bytecode.Int},
		{"kind 0", common(8, 0, 0, 8, 0), 0},
		{"kind 31", common(8, 0, 0, 8, 31), 0},
		{"int of size 4", common(4, 0, 0, 4, bytecode.Int), 0},
		{"align 3", common(9, 0, 0, 3, bytecode.Array), 0},
		{"ptrBytes past size", common(8, 16, 0, 8, bytecode.Pointer), 0},
		{"huge size", common(1<<62, 0, 0, 8, bytecode.Struct), 0},
		// type P *P: a cycle through a pointer is a type.
		{"pointer to itself", cat(common(8, 8, 0, 8, bytecode.Pointer), []uint64{self(0)}), bytecode.Pointer},
		{"pointer to nothing", cat(common(8, 8, 0, 8, bytecode.Pointer), []uint64{0}), 0},
		{"pointer without pointers", cat(common(8, 0, 0, 8, bytecode.Pointer), []uint64{self(0)}), 0},
		// [2]P for the P above at word 16.
		{"array of pointers", cat(common(16, 16, 0, 8, bytecode.Array), []uint64{self(16), 0, 2},
			make([]uint64, 7), common(8, 8, 0, 8, bytecode.Pointer), []uint64{self(16)}), bytecode.Array},
		{"array length past size", cat(common(16, 16, 0, 8, bytecode.Array), []uint64{self(16), 0, 3},
			make([]uint64, 7), common(8, 8, 0, 8, bytecode.Pointer), []uint64{self(16)}), 0},
		{"array of zero-size arrays of itself", cat(common(0, 0, 0, 8, bytecode.Array), []uint64{self(0), 0, 1 << 60}), 0},
		// struct{ f S } holding itself inline.
		{"struct holding itself", cat(common(8, 0, 0, 8, bytecode.Struct), []uint64{0, self(12), 1, 1},
			make([]uint64, 2), []uint64{0, self(0), 0}), 0},
		{"struct with 2^40 fields", cat(common(8, 0, 0, 8, bytecode.Struct), []uint64{0, self(12), 1 << 40, 1 << 40}), 0},
		{"field past the struct", cat(common(8, 0, 0, 8, bytecode.Struct), []uint64{0, self(12), 1, 1},
			make([]uint64, 2), []uint64{0, self(16), 8}, make([]uint64, 1), common(8, 0, 0, 8, bytecode.Int)), 0},
		{"struct of one int", cat(common(8, 0, 0, 8, bytecode.Struct), []uint64{0, self(12), 1, 1},
			make([]uint64, 2), []uint64{0, self(16), 0}, make([]uint64, 1), common(8, 0, 0, 8, bytecode.Int)), bytecode.Struct},
		{"name past the arena", cat(common(8, 0, 0, 8, bytecode.Int)[:5], []uint64{0x7fff_0000}), 0},
		{"direct interface of 16 bytes", common(16, 16, 1<<5, 8, bytecode.String), 0},
	}
	for _, tt := range tests {
		kind, faulted := runtime.DeriveForged(tt.words)
		switch {
		case tt.kind == 0 && !faulted:
			t.Errorf("%s: derived a %v, want a fault", tt.name, kind)
		case tt.kind != 0 && faulted:
			t.Errorf("%s: faulted, want a %v", tt.name, tt.kind)
		case tt.kind != 0 && kind != tt.kind:
			t.Errorf("%s: derived a %v, want a %v", tt.name, kind, tt.kind)
		}
	}
}

// FuzzForgedDescriptor: whatever the words, deriving a type faults or
// succeeds, without a host panic or a hang.
func FuzzForgedDescriptor(f *testing.F) {
	f.Add(make([]byte, 8*runtime.ForgedTypeWords))
	f.Fuzz(func(t *testing.T, b []byte) {
		words := make([]uint64, len(b)/8)
		for i := range words {
			words[i] = binary.LittleEndian.Uint64(b[8*i:])
		}
		runtime.DeriveForged(words)
	})
}
