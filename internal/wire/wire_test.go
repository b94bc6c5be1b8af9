package wire

import "testing"

func TestRoundTrip(t *testing.T) {
	var w Writer
	w.Uint(300)
	w.Int(-7)
	w.Bool(true)
	w.String("héllo")
	w.Bytes([]byte{1, 2})
	r := NewReader(w.Buf)
	if r.Uint() != 300 || r.Int32() != -7 || !r.Bool() || r.String() != "héllo" || string(r.Bytes()) != "\x01\x02" || r.Err() != nil || len(r.Rest()) != 0 {
		t.Fatal("a round trip read back other values")
	}
	// Every truncation fails, and reads after a failure return zeros.
	for n := 0; n < len(w.Buf); n++ {
		r := NewReader(w.Buf[:n])
		r.Uint()
		r.Int()
		r.Bool()
		_ = r.String()
		r.Bytes()
		if r.Err() == nil {
			t.Fatalf("a truncation to %d of %d bytes read without error", n, len(w.Buf))
		}
	}
	// A length beyond the input is refused before anything is made.
	var big Writer
	big.Uint(1 << 40)
	if r := NewReader(big.Buf); r.Count() != 0 || r.Err() != ErrCorrupt {
		t.Fatal("a count larger than the input was accepted")
	}
	if r := NewReader([]byte{1}); len(r.Fixed(32)) != 32 || r.Err() != ErrCorrupt {
		t.Fatal("Fixed past the end did not fail")
	}
}
