// Package wire is the byte encoding of gort's build cache entries (program
// images, library symbols, input stamps): unsigned and zig-zag varints,
// and strings and byte blocks as a length and the bytes.
//
// A Reader never panics on bad input: its first error sticks, every read
// after it returns zero values, and a length is checked against what is
// left before anything is allocated for it, so input of n bytes never
// costs more than O(n) memory.
package wire

import (
	"encoding/binary"
	"errors"
)

// ErrCorrupt is a Reader's error for bytes that are not what was written.
var ErrCorrupt = errors.New("wire: corrupt data")

// Writer appends to Buf.
type Writer struct {
	Buf []byte
}

func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }
func (w *Writer) Int(v int64)   { w.Buf = binary.AppendVarint(w.Buf, v) }

func (w *Writer) Bool(b bool) {
	if b {
		w.Uint(1)
	} else {
		w.Uint(0)
	}
}

// Bytes writes b's length, then b.
func (w *Writer) Bytes(b []byte) {
	w.Uint(uint64(len(b)))
	w.Buf = append(w.Buf, b...)
}

// String writes s's length, then s.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.Buf = append(w.Buf, s...)
}

// Reader reads what a Writer wrote.
type Reader struct {
	buf []byte
	err error
}

// NewReader returns a Reader of b.
func NewReader(b []byte) *Reader { return &Reader{buf: b} }

// Err is the first error, or nil.
func (r *Reader) Err() error { return r.err }

// Rest returns the bytes not read yet.
func (r *Reader) Rest() []byte { return r.buf }

// Fail records that the input is corrupt.
func (r *Reader) Fail() {
	if r.err == nil {
		r.err = ErrCorrupt
	}
	r.buf = nil
}

func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.Fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *Reader) Int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.Fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Int32 reads an Int that must fit in an int32.
func (r *Reader) Int32() int32 {
	v := r.Int()
	if int64(int32(v)) != v {
		r.Fail()
		return 0
	}
	return int32(v)
}

func (r *Reader) Bool() bool { return r.Uint() != 0 }

// Count reads a length. Every element takes at least a byte, so a count
// larger than what is left is corrupt.
func (r *Reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.buf)) {
		r.Fail()
		return 0
	}
	return int(n)
}

// Bytes reads a block, which aliases the input.
func (r *Reader) Bytes() []byte {
	n := r.Count()
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

// Fixed reads n bytes written without a length (a hash).
func (r *Reader) Fixed(n int) []byte {
	if n > len(r.buf) {
		r.Fail()
		return make([]byte, n)
	}
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

func (r *Reader) String() string { return string(r.Bytes()) }
