// encoding/binary records and varints, then gob round trips of nested
// structs, maps, interfaces with Register, and a gob stream of several
// values; bytes printed in hex so output is fixed.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
)

type Header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint16
	Length  int32
	Ratio   float32
}

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Inventory struct {
	Owner  string
	Items  map[string]int
	Shapes []Shape
	Next   *Inventory
	Notes  []string
	hidden int
}

func main() {
	h := Header{Magic: [4]byte{'G', 'O', 'R', 'T'}, Version: 2, Flags: 0x8001, Length: -5, Ratio: 1.5}
	var buf bytes.Buffer
	binary.Write(&buf, binary.BigEndian, h)
	fmt.Println(hex.EncodeToString(buf.Bytes()), binary.Size(h))
	var h2 Header
	binary.Read(bytes.NewReader(buf.Bytes()), binary.BigEndian, &h2)
	fmt.Printf("%+v %q\n", h2, h2.Magic[:])
	buf.Reset()
	binary.Write(&buf, binary.LittleEndian, []uint16{1, 0x0203})
	binary.Write(&buf, binary.LittleEndian, int64(-2))
	fmt.Println(hex.EncodeToString(buf.Bytes()))
	err := binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &h2)
	fmt.Println(err)

	vb := make([]byte, binary.MaxVarintLen64)
	for _, v := range []int64{0, 1, -1, 63, -64, 300, 1 << 40, -1 << 63} {
		n := binary.PutVarint(vb, v)
		back, m := binary.Varint(vb[:n])
		fmt.Printf("%d -> %x -> %d (%d bytes)\n", v, vb[:n], back, m)
	}
	ub := binary.AppendUvarint(nil, 1<<63)
	uv, _ := binary.Uvarint(ub)
	fmt.Println(hex.EncodeToString(ub), uv, binary.BigEndian.Uint32([]byte{0xde, 0xad, 0xbe, 0xef}), binary.LittleEndian.AppendUint16(nil, 0xabcd))
	_, err = binary.ReadUvarint(bytes.NewReader([]byte{0x80, 0x80}))
	fmt.Println(err)

	gob.Register(Rect{})
	gob.Register(Circle{})
	inv := Inventory{Owner: "ann", Items: map[string]int{"bolt": 10}, Shapes: []Shape{Rect{2, 3}, Circle{1}},
		Next: &Inventory{Owner: "bob", Notes: []string{"x"}}, hidden: 7}
	var net bytes.Buffer
	enc := gob.NewEncoder(&net)
	if err := enc.Encode(inv); err != nil {
		fmt.Println("encode:", err)
	}
	enc.Encode(42)
	enc.Encode([]string{"a", "b"})
	var out Inventory
	dec := gob.NewDecoder(&net)
	err = dec.Decode(&out)
	fmt.Printf("%v %s %v %v %.1f %.1f %s %v %d\n", err, out.Owner, out.Items, out.Shapes, out.Shapes[0].Area(), out.Shapes[1].Area(), out.Next.Owner, out.Next.Notes, out.hidden)
	var n int
	var ss []string
	fmt.Println(dec.Decode(&n), n, dec.Decode(&ss), ss, dec.Decode(&n) == io.EOF)

	var bad bytes.Buffer
	gob.NewEncoder(&bad).Encode(struct{ A string }{"s"})
	var wrong struct{ A int }
	fmt.Println(gob.NewDecoder(&bad).Decode(&wrong))
	fmt.Println(gob.NewEncoder(io.Discard).Encode(struct{ f func() }{}))
	fmt.Println(gob.NewEncoder(io.Discard).Encode(make(chan int)))
}
