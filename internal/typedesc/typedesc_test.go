package typedesc

import (
	"go/types"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/go/ssa"
)

func load64(t *testing.T, p uintptr) uint64 {
	t.Helper()
	v, ok := testArena(t).Load64(p)
	if !ok {
		t.Fatalf("load at %#x outside the arena", p)
	}
	return v
}

func lookup(t *testing.T, c *corpus, path, name string) types.Type {
	t.Helper()
	for _, p := range c.b.prog.AllPackages() {
		if p.Pkg.Path() == path {
			if obj := p.Pkg.Scope().Lookup(name); obj != nil {
				return obj.Type()
			}
		}
	}
	t.Fatalf("no type %s.%s", path, name)
	return nil
}

// receiver is the receiver type of the function at a code pointer.
func receiver(t *testing.T, c *corpus, pc uintptr) (*ssa.Function, types.Type) {
	t.Helper()
	fn, ok := c.env.byText[pc].(*ssa.Function)
	if !ok {
		t.Fatalf("code pointer %#x is not a function", pc)
	}
	if fn.Signature.Recv() != nil {
		return fn, fn.Signature.Recv().Type()
	}
	// Wrappers of promoted methods are plain functions whose first
	// parameter is the receiver.
	if len(fn.Params) == 0 {
		t.Fatalf("%v has no receiver", fn)
	}
	return fn, fn.Params[0].Type()
}

// TestMethodCode checks every method table entry's code pointers: Tfn is
// the method called on the type itself, Ifn the method called on the
// interface data word, which is *T unless T is pointer-shaped.
func TestMethodCode(t *testing.T) {
	c := buildCorpus(t)
	checked := 0
	for s, p := range c.addr {
		rec := c.ours[s]
		if rec.Uncommon == nil || rec.Uncommon.Mcount == 0 {
			continue
		}
		typ := c.b.TypeOf(p)
		ifnRecv := typ
		if rec.TFlag&tflagDirectIface == 0 {
			ifnRecv = types.NewPointer(typ)
		}
		u := p + fixedSize(arenaByte(t, p+offKind))
		for i, m := range rec.Uncommon.Methods {
			e := u + uintptr(rec.Uncommon.Moff) + uintptr(i)*methodSize
			word := load64(t, e+8)
			ifn := testTextBase + uintptr(int32(word))
			tfn := testTextBase + uintptr(int32(word>>32))
			for _, x := range []struct {
				what string
				pc   uintptr
				recv types.Type
			}{{"Ifn", ifn, ifnRecv}, {"Tfn", tfn, typ}} {
				fn, recv := receiver(t, c, x.pc)
				if fn.Name() != m.Name.Name {
					t.Errorf("%s.%s: %s is %v", s, m.Name.Name, x.what, fn)
				}
				if !types.Identical(recv, x.recv) {
					t.Errorf("%s.%s: %s %v takes a %v, want %v", s, m.Name.Name, x.what, fn, recv, x.recv)
				}
			}
			checked++
		}
	}
	t.Logf("%d method table entries checked", checked)
	if checked < 50 {
		t.Errorf("only %d method entries checked", checked)
	}
}

func arenaByte(t *testing.T, p uintptr) uint8 {
	v, ok := testArena(t).Load8(p)
	if !ok {
		t.Fatalf("load at %#x outside the arena", p)
	}
	return v
}

func TestItab(t *testing.T) {
	c := buildCorpus(t)
	stringer := lookup(t, c, "main", "Stringer")
	getter := lookup(t, c, "main", "getter")
	myInt := lookup(t, c, "main", "MyInt")
	p := lookup(t, c, "main", "P")
	T := lookup(t, c, "main", "T")
	for _, tc := range []struct {
		iface, concrete types.Type
		recv            types.Type // the methods' receiver; nil: does not implement
		methods         []string
	}{
		{stringer, myInt, types.NewPointer(myInt), []string{"String"}},
		{stringer, types.NewPointer(myInt), types.NewPointer(myInt), []string{"String"}},
		{getter, p, p, []string{"Get", "private"}},
		{getter, types.NewPointer(p), types.NewPointer(p), []string{"Get", "private"}},
		{stringer, T, nil, nil},
	} {
		it := c.b.Itab(tc.iface, tc.concrete)
		if again := c.b.Itab(tc.iface, tc.concrete); again != it {
			t.Errorf("Itab(%v, %v) built twice", tc.iface, tc.concrete)
		}
		typ := c.b.Type(tc.concrete)
		if got := uintptr(load64(t, it)); got != c.b.Type(tc.iface) {
			t.Errorf("Itab(%v, %v).Inter = %#x", tc.iface, tc.concrete, got)
		}
		if got := uintptr(load64(t, it+8)); got != typ {
			t.Errorf("Itab(%v, %v).Type = %#x, want %#x", tc.iface, tc.concrete, got, typ)
		}
		if got, want := uint32(load64(t, it+16)), uint32(load64(t, typ+offHash)); got != want {
			t.Errorf("Itab(%v, %v).Hash = %#x, want %#x", tc.iface, tc.concrete, got, want)
		}
		if tc.recv == nil {
			if fun := load64(t, it+itabHeaderSize); fun != 0 {
				t.Errorf("Itab(%v, %v).Fun[0] = %#x, want 0", tc.iface, tc.concrete, fun)
			}
			continue
		}
		for i, name := range tc.methods {
			fn, recv := receiver(t, c, uintptr(load64(t, it+itabHeaderSize+uintptr(i)*8)))
			if fn.Name() != name || !types.Identical(recv, tc.recv) {
				t.Errorf("Itab(%v, %v).Fun[%d] = %v on %v, want %s on %v", tc.iface, tc.concrete, i, fn, recv, name, tc.recv)
			}
		}
	}
}

func TestTypelinks(t *testing.T) {
	c := buildCorpus(t)
	links := c.b.Typelinks()
	strs := make([]string, len(links))
	for i, p := range links {
		strs[i] = c.b.String(c.b.TypeOf(p))
	}
	if !sort.StringsAreSorted(strs) {
		t.Errorf("typelinks are not sorted by type string")
	}
	if len(links) < 100 {
		t.Errorf("only %d typelinks", len(links))
	}
}

func TestTypeOf(t *testing.T) {
	c := buildCorpus(t)
	for s, p := range c.addr {
		typ := c.b.TypeOf(p)
		if typ == nil {
			t.Errorf("TypeOf(%s's descriptor) = nil", s)
			continue
		}
		if got := c.b.String(typ); got != s {
			t.Errorf("String(TypeOf(%s)) = %s", s, got)
		}
		if q := c.b.Type(typ); q != p {
			t.Errorf("Type(TypeOf(%s)) = %#x, not %#x", s, q, p)
		}
	}
	if c.b.TypeOf(testTypesBase+1) != nil {
		t.Errorf("TypeOf of a non-descriptor is not nil")
	}
}

// TestNatives checks that every native a descriptor refers to is one the
// runtime is told to bind.
func TestNatives(t *testing.T) {
	c := buildCorpus(t)
	for name := range c.env.natives {
		if !slices.Contains(EqualNatives, name) {
			t.Errorf("descriptors refer to %s, which EqualNatives does not list", name)
		}
	}
}
