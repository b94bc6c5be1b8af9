package runtime_test

import (
	"testing"

	"gort/internal/runtime"
)

// TestGWord checks that a gword names one goroutine: it finds its g while
// the goroutine lives, and names nothing once the goroutine has exited,
// also after its g is reused, nor when its index or generation is forged.
func TestGWord(t *testing.T) {
	pp := runtime.ScratchGs(t)
	var gs [3]*runtime.G
	for i := range gs {
		gs[i] = runtime.NewDeadG(pp, runtime.ScratchStack(i), runtime.FixedStack)
		runtime.Start(gs[i])
	}
	words := map[uint64]bool{}
	for i, gp := range gs {
		w := runtime.GWord(gp)
		if w == 0 {
			t.Fatalf("g %d: gword is zero", i)
		}
		if words[w] {
			t.Fatalf("g %d: gword %#x is another g's", i, w)
		}
		words[w] = true
		if got, ok := runtime.GFromWord(pp, w); !ok || got != gp {
			t.Errorf("g %d: GFromWord(%#x) = %p, %v; want %p, true", i, w, got, ok, gp)
		}
	}

	w := runtime.GWord(gs[1])
	for _, bad := range []struct {
		name string
		w    uint64
	}{
		{"zero", 0},
		{"index past allgs", w&^0xFFFF_FFFF | uint64(len(gs)+1)},
		{"index all ones", w | 0xFFFF_FFFF},
		{"next generation", w + 1<<32},
		{"previous generation", w - 1<<32},
	} {
		if got, ok := runtime.GFromWord(pp, bad.w); ok {
			t.Errorf("%s: GFromWord(%#x) = %p, true; want ok=false", bad.name, bad.w, got)
		}
	}

	runtime.Exit(pp, gs[1])
	if got, ok := runtime.GFromWord(pp, w); ok {
		t.Errorf("GFromWord of an exited goroutine = %p, true; want ok=false", got)
	}
	reused := runtime.Gfget(pp)
	if reused != gs[1] {
		t.Fatalf("Gfget = %p; want the g that just exited, %p", reused, gs[1])
	}
	runtime.Start(reused)
	if got, ok := runtime.GFromWord(pp, w); ok {
		t.Errorf("GFromWord of the g's previous goroutine = %p, true; want ok=false", got)
	}
	w2 := runtime.GWord(reused)
	if w2 == w || uint32(w2) != uint32(w) {
		t.Errorf("reused g's gword = %#x, previous %#x; want the same index, a new generation", w2, w)
	}
	if got, ok := runtime.GFromWord(pp, w2); !ok || got != reused {
		t.Errorf("GFromWord(%#x) = %p, %v; want %p, true", w2, got, ok, reused)
	}
}

// TestGFreeLists checks gfput and gfget: a P keeps fewer than GFreeMax dead
// gs and spills half to the global lists; an empty P refills from them,
// with stacks first; only starting-size stacks survive a goroutine's exit;
// every g handed out has a starting-size stack and a new generation; and
// gcount counts no dead g.
func TestGFreeLists(t *testing.T) {
	pp := runtime.ScratchGs(t)
	const total = 100
	var gs []*runtime.G
	for i := 0; i < total; i++ {
		size := uintptr(runtime.FixedStack)
		if i%10 == 0 {
			size *= 4 // a goroutine whose stack grew
		}
		gp := runtime.NewDeadG(pp, runtime.ScratchStack(i), size)
		runtime.Start(gp)
		gs = append(gs, gp)
	}
	if n := runtime.Gcount(pp); n != total {
		t.Fatalf("gcount = %d with %d live goroutines", n, total)
	}
	spills := 0
	for i, gp := range gs {
		s0, n0 := runtime.SchedFreeLen(pp)
		runtime.Exit(pp, gp)
		n := runtime.PFreeLen(pp)
		if n >= runtime.GFreeMax {
			t.Fatalf("after %d exits the P holds %d dead gs; want fewer than %d", i+1, n, runtime.GFreeMax)
		}
		if s1, n1 := runtime.SchedFreeLen(pp); s1+n1 != s0+n0 {
			spills++
			if n != runtime.GFreeMax/2-1 {
				t.Fatalf("a spill left %d dead gs on the P; want %d", n, runtime.GFreeMax/2-1)
			}
		}
		if size := runtime.StackSize(gp); size != 0 && size != runtime.FixedStack {
			t.Fatalf("g %d kept a %d-byte stack", i, size)
		}
		if n := runtime.Gcount(pp); n != total-i-1 {
			t.Fatalf("gcount = %d after %d of %d goroutines exited", n, i+1, total)
		}
	}
	if spills != 2 {
		t.Errorf("%d exits spilled to the global lists %d times; want 2", total, spills)
	}
	withStack, noStack := runtime.SchedFreeLen(pp)
	if p := runtime.PFreeLen(pp); p+withStack+noStack != total || withStack+noStack == 0 {
		t.Fatalf("free gs: %d on the P, %d+%d global; want %d in all, some global", p, withStack, noStack, total)
	}

	// Each g whose stack was freed gets a starting-size stack from the
	// stack pool.
	for i := 0; i < total/10; i++ {
		runtime.FreeStack(pp, runtime.ScratchStack(1000+i), runtime.FixedStack)
	}
	_, globalNoStack := runtime.SchedFreeLen(pp)
	seen := map[*runtime.G]bool{}
	for i := 0; i < total; i++ {
		gp := runtime.Gfget(pp)
		if gp == nil {
			t.Fatalf("Gfget %d returned nil with %d dead gs left", i, total-i)
		}
		if seen[gp] {
			t.Fatalf("Gfget handed out %p twice", gp)
		}
		seen[gp] = true
		if runtime.StackSize(gp) != runtime.FixedStack {
			t.Errorf("Gfget gave a g with a %d-byte stack", runtime.StackSize(gp))
		}
		if runtime.Gen(gp) != 1 {
			t.Errorf("Gfget gave a g in generation %d; want 1", runtime.Gen(gp))
		}
		if withStack, noStack := runtime.SchedFreeLen(pp); noStack < globalNoStack && withStack > 0 {
			t.Fatalf("a refill took a stackless g while %d gs with stacks were free", withStack)
		}
	}
	if gp := runtime.Gfget(pp); gp != nil {
		t.Errorf("Gfget with every free list empty = %p; want nil", gp)
	}
	if n := runtime.Gcount(pp); n != total {
		t.Errorf("gcount = %d with every g handed out again; want %d", n, total)
	}
}

// TestGoexitResets checks that a goroutine's exit leaves nothing of it in
// its g but what every g keeps (its stack, index and generation).
func TestGoexitResets(t *testing.T) {
	pp := runtime.ScratchGs(t)
	gp := runtime.NewDeadG(pp, runtime.ScratchStack(0), runtime.FixedStack)
	runtime.Start(gp)
	runtime.SetSome(gp)
	if len(runtime.FieldsLeft(gp)) == 0 {
		t.Fatal("SetSome set nothing")
	}
	runtime.Exit(pp, gp)
	if left := runtime.FieldsLeft(gp); len(left) > 0 {
		t.Errorf("fields left set after goexit0: %v", left)
	}
	if runtime.StackLo(gp) != runtime.ScratchStack(0) {
		t.Errorf("goexit0 dropped a starting-size stack")
	}
}
