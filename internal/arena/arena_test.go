package arena

import (
	"errors"
	"sync"
	"testing"
)

// The arena of slot 0, mapped once for the whole test binary: a slot can be
// mapped once per process.
var (
	slot0Once  sync.Once
	slot0Arena *Arena
	slot0Err   error
)

func slot0(t *testing.T) *Arena {
	slot0Once.Do(func() { slot0Arena, slot0Err = Map(0) })
	if errors.Is(slot0Err, ErrTaken) {
		t.Skip(slot0Err)
	}
	if slot0Err != nil {
		t.Fatal(slot0Err)
	}
	return slot0Arena
}

// TestReadOnlyBound checks that after SetReadOnly every writing accessor
// refuses a write that touches [Base, bound), that loads still work there,
// and that writes from the bound up still succeed.
func TestReadOnlyBound(t *testing.T) {
	a := slot0(t)
	const bound = Base + 1<<20
	ro, rw := bound-64, bound+64 // a word below and above the bound
	if !a.Store64(ro, 0x1122334455667788) || !a.Store64(rw, 1) {
		t.Fatal("stores refused before SetReadOnly")
	}
	a.SetReadOnly(bound)
	defer a.SetReadOnly(Base)

	if got := a.ReadOnlyEnd(); got != bound {
		t.Fatalf("a.ReadOnlyEnd() = %#x, want %#x", got, bound)
	}
	writes := []struct {
		name  string
		write func(p uintptr) bool
	}{
		{"Store8", func(p uintptr) bool { return a.Store8(p, 1) }},
		{"Store16", func(p uintptr) bool { return a.Store16(p, 1) }},
		{"Store32", func(p uintptr) bool { return a.Store32(p, 1) }},
		{"Store64", func(p uintptr) bool { return a.Store64(p, 1) }},
		{"WriteBytes", func(p uintptr) bool { return a.WriteBytes(p, []byte{1, 2, 3}) }},
		{"WriteString", func(p uintptr) bool { return a.WriteString(p, "abc") }},
		{"Memmove", func(p uintptr) bool { return a.Memmove(p, rw, 8) }},
		{"Memclr", func(p uintptr) bool { return a.Memclr(p, 8) }},
		{"Cas64", func(p uintptr) bool { _, ok := a.Cas64(p, 0, 1); return ok }},
		{"Cas32", func(p uintptr) bool { _, ok := a.Cas32(p, 0, 1); return ok }},
		{"Xadd64", func(p uintptr) bool { _, ok := a.Xadd64(p, 1); return ok }},
		{"Xadd32", func(p uintptr) bool { _, ok := a.Xadd32(p, 1); return ok }},
		{"Xchg64", func(p uintptr) bool { _, ok := a.Xchg64(p, 1); return ok }},
		{"Xchg32", func(p uintptr) bool { _, ok := a.Xchg32(p, 1); return ok }},
		{"StoreAtomic64", func(p uintptr) bool { return a.StoreAtomic64(p, 1) }},
		{"StoreAtomic32", func(p uintptr) bool { return a.StoreAtomic32(p, 1) }},
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
	if !a.Store64(bound, 7) {
		t.Error("Store64 at the bound refused")
	}
	if a.Memclr(bound-1, 2) || a.WriteBytes(bound-2, []byte{1, 2, 3, 4}) {
		t.Error("a write straddling the bound succeeded")
	}
	// Loads are allowed everywhere in the arena, read-only part included.
	if v, ok := a.Load64(ro); !ok || v != 0x1122334455667788 {
		t.Errorf("a.Load64(read-only) = %#x, %v", v, ok)
	}
	if v, ok := a.LoadAtomic64(ro); !ok || v != 0x1122334455667788 {
		t.Errorf("a.LoadAtomic64(read-only) = %#x, %v", v, ok)
	}
	if b, ok := a.Bytes(ro, 8); !ok || b[0] != 0x88 {
		t.Errorf("a.Bytes(read-only) = %v, %v", b, ok)
	}
	if !a.Memmove(rw, ro, 8) {
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
		if got := a.Code(Fault{Addr: tc.p}); got != tc.code {
			t.Errorf("Fault{%#x}.Code() = %d, want %d", tc.p, got, tc.code)
		}
	}

	a.SetReadOnly(Base)
	if !a.Store64(ro, 1) {
		t.Error("a.SetReadOnly(Base) left the bottom of the arena read-only")
	}
}

func TestSetReadOnlyRejectsBadBounds(t *testing.T) {
	a := slot0(t)
	for _, b := range []uintptr{0, Base - 4096, Base + 1, Base + Size + 4096} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("a.SetReadOnly(%#x) did not panic", b)
				}
			}()
			a.SetReadOnly(b)
		}()
	}
	if a.ReadOnlyEnd() != Base {
		t.Errorf("a rejected bound changed ReadOnlyEnd to %#x", a.ReadOnlyEnd())
	}
}

// TestInUseBound checks that an access past the in-use bound is refused,
// loads and stores alike and one straddling the bound too, as an access to
// unmapped memory is, and that Reset makes the whole arena usable again.
func TestInUseBound(t *testing.T) {
	a := slot0(t)
	const end = Base + 2<<20
	a.SetInUse(end)
	if _, ok := a.Load64(end - 8); !ok {
		t.Error("a load below the in-use bound was refused")
	}
	if !a.Store64(end-8, 1) {
		t.Error("a store below the in-use bound was refused")
	}
	for _, p := range []uintptr{end, end - 4, end + 1<<30} {
		if _, ok := a.Load64(p); ok {
			t.Errorf("a load at %#x, past the in-use bound %#x, was allowed", p, end)
		}
		if a.Store64(p, 1) {
			t.Errorf("a store at %#x, past the in-use bound %#x, was allowed", p, end)
		}
	}
	if _, ok := a.Bytes(end-8, 16); ok {
		t.Error("a range straddling the in-use bound was allowed")
	}
	if err := a.Reset(); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Load64(Base + Size - 8); !ok {
		t.Error("after Reset, a load at the arena's end was refused")
	}
}

// TestSlotsAreSeparate checks that two arenas of one process each refuse the
// other's addresses, and that a slot cannot be mapped twice.
func TestSlotsAreSeparate(t *testing.T) {
	a := slot0(t)
	b, err := Map(1)
	if errors.Is(err, ErrTaken) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if b.Lo() != Base+1<<40 {
		t.Fatalf("slot 1 at %#x, want %#x", b.Lo(), Base+1<<40)
	}
	if !a.Store64(a.Lo()+64, 1) || !b.Store64(b.Lo()+64, 2) {
		t.Fatal("a store inside an arena was refused")
	}
	if v, _ := a.Load64(a.Lo() + 64); v != 1 {
		t.Errorf("slot 0 reads %d, want 1: the arenas share memory", v)
	}
	if _, ok := a.Load64(b.Lo() + 64); ok {
		t.Error("slot 0's arena loaded from slot 1's")
	}
	if b.Store64(a.Lo()+64, 3) {
		t.Error("slot 1's arena stored to slot 0's")
	}
	if _, err := Map(1); !errors.Is(err, ErrTaken) {
		t.Errorf("mapping slot 1 again: %v, want ErrTaken", err)
	}
	if _, err := Map(Slots); err == nil {
		t.Error("Map(Slots) succeeded")
	}
}
