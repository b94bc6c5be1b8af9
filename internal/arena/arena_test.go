package arena

import (
	"errors"
	"testing"
)

// TestReadOnlyBound checks that after SetReadOnly every writing accessor
// refuses a write that touches [Base, bound), that loads still work there,
// and that writes from the bound up still succeed.
func TestReadOnlyBound(t *testing.T) {
	if err := Init(); err != nil {
		if errors.Is(err, ErrTaken) {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	const bound = Base + 1<<20
	ro, rw := bound-64, bound+64 // a word below and above the bound
	if !Store64(ro, 0x1122334455667788) || !Store64(rw, 1) {
		t.Fatal("stores refused before SetReadOnly")
	}
	SetReadOnly(bound)
	defer SetReadOnly(Base)

	if got := ReadOnlyEnd(); got != bound {
		t.Fatalf("ReadOnlyEnd() = %#x, want %#x", got, bound)
	}
	writes := []struct {
		name  string
		write func(p uintptr) bool
	}{
		{"Store8", func(p uintptr) bool { return Store8(p, 1) }},
		{"Store16", func(p uintptr) bool { return Store16(p, 1) }},
		{"Store32", func(p uintptr) bool { return Store32(p, 1) }},
		{"Store64", func(p uintptr) bool { return Store64(p, 1) }},
		{"WriteBytes", func(p uintptr) bool { return WriteBytes(p, []byte{1, 2, 3}) }},
		{"WriteString", func(p uintptr) bool { return WriteString(p, "abc") }},
		{"Memmove", func(p uintptr) bool { return Memmove(p, rw, 8) }},
		{"Memclr", func(p uintptr) bool { return Memclr(p, 8) }},
		{"Cas64", func(p uintptr) bool { _, ok := Cas64(p, 0, 1); return ok }},
		{"Cas32", func(p uintptr) bool { _, ok := Cas32(p, 0, 1); return ok }},
		{"Xadd64", func(p uintptr) bool { _, ok := Xadd64(p, 1); return ok }},
		{"Xadd32", func(p uintptr) bool { _, ok := Xadd32(p, 1); return ok }},
		{"Xchg64", func(p uintptr) bool { _, ok := Xchg64(p, 1); return ok }},
		{"Xchg32", func(p uintptr) bool { _, ok := Xchg32(p, 1); return ok }},
		{"StoreAtomic64", func(p uintptr) bool { return StoreAtomic64(p, 1) }},
		{"StoreAtomic32", func(p uintptr) bool { return StoreAtomic32(p, 1) }},
	}
	for _, w := range writes {
		for _, p := range []uintptr{Base, ro, bound - 8} {
			if w.write(p) {
				t.Errorf("%s(%#x) succeeded below the bound %#x", w.name, p, bound)
			}
		}
		if !w.write(rw) {
			t.Errorf("%s(%#x) refused above the bound", w.name, rw)
		}
	}
	// A write that starts above the bound and one that straddles it.
	if !Store64(bound, 7) {
		t.Error("Store64 at the bound refused")
	}
	if Memclr(bound-1, 2) || WriteBytes(bound-2, []byte{1, 2, 3, 4}) {
		t.Error("a write straddling the bound succeeded")
	}
	// Loads are allowed everywhere in the arena, read-only part included.
	if v, ok := Load64(ro); !ok || v != 0x1122334455667788 {
		t.Errorf("Load64(read-only) = %#x, %v", v, ok)
	}
	if v, ok := LoadAtomic64(ro); !ok || v != 0x1122334455667788 {
		t.Errorf("LoadAtomic64(read-only) = %#x, %v", v, ok)
	}
	if b, ok := Bytes(ro, 8); !ok || b[0] != 0x88 {
		t.Errorf("Bytes(read-only) = %v, %v", b, ok)
	}
	if !Memmove(rw, ro, 8) {
		t.Error("Memmove from read-only data refused")
	}

	// The fault codes gc prints: 0x2 for a write to read-only data, 0x1
	// for an address outside the arena.
	for _, tc := range []struct {
		p    uintptr
		code int
	}{
		{ro, SegvAccErr},
		{Base, SegvAccErr},
		{bound, SegvMapErr},
		{Base - 1, SegvMapErr},
		{Base + Size, SegvMapErr},
	} {
		if got := (Fault{Addr: tc.p}).Code(); got != tc.code {
			t.Errorf("Fault{%#x}.Code() = %d, want %d", tc.p, got, tc.code)
		}
	}

	SetReadOnly(Base)
	if !Store64(ro, 1) {
		t.Error("SetReadOnly(Base) left the bottom of the arena read-only")
	}
}

func TestSetReadOnlyRejectsBadBounds(t *testing.T) {
	for _, b := range []uintptr{0, Base - 4096, Base + 1, Base + Size + 4096} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("SetReadOnly(%#x) did not panic", b)
				}
			}()
			SetReadOnly(b)
		}()
	}
	if ReadOnlyEnd() != Base {
		t.Errorf("a rejected bound changed ReadOnlyEnd to %#x", ReadOnlyEnd())
	}
}

// TestInUseBound checks that an access past the in-use bound is refused,
// loads and stores alike and one straddling the bound too, as an access to
// unmapped memory is, and that Reset makes the whole arena usable again.
func TestInUseBound(t *testing.T) {
	if err := Init(); err != nil {
		if errors.Is(err, ErrTaken) {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	const end = Base + 2<<20
	SetInUse(end)
	if _, ok := Load64(end - 8); !ok {
		t.Error("a load below the in-use bound was refused")
	}
	if !Store64(end-8, 1) {
		t.Error("a store below the in-use bound was refused")
	}
	for _, p := range []uintptr{end, end - 4, end + 1<<30} {
		if _, ok := Load64(p); ok {
			t.Errorf("a load at %#x, past the in-use bound %#x, was allowed", p, end)
		}
		if Store64(p, 1) {
			t.Errorf("a store at %#x, past the in-use bound %#x, was allowed", p, end)
		}
	}
	if _, ok := Bytes(end-8, 16); ok {
		t.Error("a range straddling the in-use bound was allowed")
	}
	if err := Reset(); err != nil {
		t.Fatal(err)
	}
	if _, ok := Load64(Base + Size - 8); !ok {
		t.Error("after Reset, a load at the arena's end was refused")
	}
}
