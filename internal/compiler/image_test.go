package compiler

import (
	"bytes"
	"go/token"
	"testing"

	"gort/internal/bytecode"
)

// TestImageRoundTrip encodes a compiled program for the build cache,
// decodes it, and checks that the decoded program encodes to the same
// bytes, that its positions read alike, and that each segment is the
// arena's bytes.
func TestImageRoundTrip(t *testing.T) {
	_, p := compileStatic(t, "../image/prog.go")
	mem, _ := staticArena()
	segs := p.Segments(func(lo, hi uintptr) []byte {
		b, ok := mem.Bytes(lo, hi-lo)
		if !ok {
			t.Fatalf("segment [%#x, %#x) is not in the arena", lo, hi)
		}
		return bytes.Clone(b)
	})
	data := p.Encode(segs)
	q, qsegs, err := bytecode.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if again := q.Encode(qsegs); !bytes.Equal(again, data) {
		t.Fatalf("re-encoding the decoded program gives other bytes (%d, was %d)", len(again), len(data))
	}
	if len(q.Funcs) != len(p.Funcs) || len(q.Types) != len(p.Types) || len(q.TypeByDesc) != len(p.TypeByDesc) {
		t.Fatalf("decoded %d funcs, %d types, %d descriptors; want %d, %d, %d", len(q.Funcs), len(q.Types), len(q.TypeByDesc), len(p.Funcs), len(p.Types), len(p.TypeByDesc))
	}
	for i, f := range p.Funcs {
		g := q.Funcs[i]
		for pc := range f.Pos {
			if a, b := p.Fset.Position(f.Pos[pc]), q.Fset.Position(g.Pos[pc]); a != b {
				t.Fatalf("%s pc %d: position %v, decoded %v", f.Name, pc, a, b)
			}
		}
	}
	for d, ty := range p.TypeByDesc {
		if q.TypeByDesc[d] == nil || q.TypeByDesc[d].String != ty.String {
			t.Fatalf("descriptor %#x: decoded %v, want %s", d, q.TypeByDesc[d], ty.String)
		}
	}
	var nfiles int
	q.Fset.Iterate(func(*token.File) bool { nfiles++; return true })
	if nfiles == 0 {
		t.Fatal("the decoded file set is empty")
	}
}

// TestImageDecodeCorrupt checks that Decode refuses, without panicking,
// every truncation of an image and single flipped bytes.
func TestImageDecodeCorrupt(t *testing.T) {
	_, p := compileStatic(t, "../image/prog.go")
	data := p.Encode(nil)
	for n := 0; n < len(data); n += 1 + n/7 {
		if _, _, err := bytecode.Decode(data[:n]); err == nil {
			t.Fatalf("a truncation to %d of %d bytes decoded", n, len(data))
		}
	}
	for i := 0; i < len(data); i += 1 + i/5 {
		b := bytes.Clone(data)
		b[i] ^= 0xff
		bytecode.Decode(b) // may decode (a changed constant), must not panic
	}
}
