package bytecode

import (
	"go/token"
	"slices"
	"testing"
)

// ptrmapFunc has 70 pointer slots (two map words) and four safepoints:
// two sharing map 0, one with map 1 and one with every slot live.
func ptrmapFunc() *Func {
	f := &Func{Name: "f", Code: make([]Instr, 12)}
	for i := range 70 {
		f.PtrSlots = append(f.PtrSlots, int32(8*i))
	}
	f.Safepoints = []Safepoint{{2, 0, NoAfter}, {5, 1, 0}, {7, AllLive, AllLive}, {9, 0, NoAfter}}
	f.LiveBits = []uint64{
		1<<0 | 1<<3 | 1<<63, 1<<1 | 1<<5, // slots 0, 3, 63, 65, 69
		0, 0, // none
	}
	return f
}

func liveOffsets(f *Func, pc int32) []int32 {
	var out []int32
	f.Live(pc).Each(f, func(off int32) { out = append(out, off) })
	return out
}

func TestLiveMap(t *testing.T) {
	f := ptrmapFunc()
	all := slices.Clone(f.PtrSlots)
	for _, c := range []struct {
		pc   int32
		want []int32
	}{
		{2, []int32{0, 24, 504, 520, 552}},
		{9, []int32{0, 24, 504, 520, 552}},
		{5, nil},
		{7, all},
		{3, all},  // no safepoint
		{-1, all}, // a return marker
	} {
		if got := liveOffsets(f, c.pc); !slices.Equal(got, c.want) {
			t.Errorf("pc %d: live %v, want %v", c.pc, got, c.want)
		}
	}
	m := f.Live(2)
	if m.All() || !m.Has(63) || m.Has(64) || m.Has(70) || m.Has(-1) {
		t.Errorf("Has on pc 2's map: wrong")
	}
	if got := m.Next(4); got != 63 {
		t.Errorf("Next(4) = %d, want 63", got)
	}
	if got := m.Next(70); got != -1 {
		t.Errorf("Next(70) = %d, want -1", got)
	}
	if a := f.Live(3); !a.All() || a.Next(69) != 69 || a.Next(70) != -1 {
		t.Errorf("the map of a pc without a safepoint is not every slot")
	}
	if n := testing.AllocsPerRun(10, func() {
		live := f.Live(2)
		for i := live.Next(0); i >= 0; i = live.Next(i + 1) {
			_ = f.PtrSlots[i]
		}
	}); n != 0 {
		t.Errorf("walking a map allocates %v times", n)
	}
}

// TestEncodePtrMaps round-trips a function's maps through the image
// encoding and checks that Decode refuses maps the compiler never makes.
func TestEncodePtrMaps(t *testing.T) {
	encode := func(f *Func) []byte {
		p := &Program{Fset: token.NewFileSet(), Funcs: []*Func{f}}
		return p.Encode(nil)
	}
	f := ptrmapFunc()
	q, _, err := Decode(encode(f))
	if err != nil {
		t.Fatal(err)
	}
	g := q.Funcs[0]
	if !slices.Equal(g.Safepoints, f.Safepoints) || !slices.Equal(g.LiveBits, f.LiveBits) {
		t.Fatalf("decoded %v %v, want %v %v", g.Safepoints, g.LiveBits, f.Safepoints, f.LiveBits)
	}
	for name, spoil := range map[string]func(f *Func){
		"map out of range":    func(f *Func) { f.Safepoints[1].Map = 2 },
		"map below AllLive":   func(f *Func) { f.Safepoints[1].Map = -2 },
		"pcs out of order":    func(f *Func) { f.Safepoints[0].PC = 6 },
		"pc twice":            func(f *Func) { f.Safepoints[1].PC = 2 },
		"a partial map":       func(f *Func) { f.LiveBits = f.LiveBits[:3] },
		"a bit past the last": func(f *Func) { f.LiveBits[3] = 1 << 6 },
		"maps without slots":  func(f *Func) { f.PtrSlots = nil },
	} {
		f := ptrmapFunc()
		spoil(f)
		if _, _, err := Decode(encode(f)); err == nil {
			t.Errorf("%s: decoded without an error", name)
		}
	}
}

func TestEncodeDataMask(t *testing.T) {
	p := &Program{Fset: token.NewFileSet(), Funcs: []*Func{{Name: "f"}}, RODataEnd: 0x1000, DataEnd: 0x1000 + 8*65 + 3}
	p.DataMask = []uint64{1 << 5, 1}
	q, _, err := Decode(p.Encode(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.DataMask, p.DataMask) {
		t.Errorf("decoded data mask %v, want %v", q.DataMask, p.DataMask)
	}
	p.DataMask = p.DataMask[:1] // 66 words need two mask words
	if _, _, err := Decode(p.Encode(nil)); err == nil {
		t.Error("a short data mask decoded without an error")
	}
}
