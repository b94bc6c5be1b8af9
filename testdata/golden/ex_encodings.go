package main

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/csv"
	"encoding/gob"
	"encoding/hex"
	"encoding/pem"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

type Book struct {
	XMLName xml.Name `xml:"book"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title"`
	Authors []string `xml:"authors>author"`
	Price   float64  `xml:"price,omitempty"`
	Note    string   `xml:",comment"`
}

type Library struct {
	XMLName xml.Name `xml:"library"`
	Books   []Book   `xml:"book"`
}

type Header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint16
	Length  uint32
	Offset  int64
}

type Shape struct {
	Kind   string
	Points []struct{ X, Y int }
	Attrs  map[string]float64
	Next   *Shape
}

func main() {
	data := []byte("Hello, Gophers! \x00\xff")
	s := base64.StdEncoding.EncodeToString(data)
	fmt.Println(s, base64.URLEncoding.EncodeToString(data), base64.RawStdEncoding.EncodeToString(data), base64.RawURLEncoding.EncodeToString([]byte{0xfb, 0xff}))
	d, err := base64.StdEncoding.DecodeString(s)
	fmt.Printf("%q %v\n", d, err)
	_, err = base64.StdEncoding.DecodeString("abc$")
	fmt.Println(err)
	fmt.Println(base32.StdEncoding.EncodeToString([]byte("foobar")), base32.HexEncoding.EncodeToString([]byte("f")))
	h := hex.EncodeToString([]byte("gopher"))
	hb, err := hex.DecodeString(h)
	fmt.Println(h, string(hb), err)
	_, err = hex.DecodeString("abz")
	fmt.Println(err)
	fmt.Print(hex.Dump([]byte("0123456789abcdefXYZ")))

	r := csv.NewReader(strings.NewReader("name,age,quote\nAnn,30,\"said \"\"hi\"\"\"\n\"Bob, Jr\",25,\"multi\nline\"\n"))
	recs, err := r.ReadAll()
	fmt.Printf("%q %v\n", recs, err)
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"a,b", "c\"d", "plain", ""})
	w.Write([]string{"x y", " lead", "new\nline"})
	w.Flush()
	r2 := csv.NewReader(strings.NewReader("a;b;c\n1;2\n"))
	r2.Comma = ';'
	_, err = r2.ReadAll()
	fmt.Println(err)
	r3 := csv.NewReader(strings.NewReader("a;b\n1;2\n# comment\n3;4"))
	r3.Comma = ';'
	r3.Comment = '#'
	for {
		rec, err := r3.Read()
		if err == io.EOF {
			break
		}
		fmt.Print(rec, " ")
	}
	fmt.Println()

	lib := Library{Books: []Book{
		{ID: "b1", Title: "Go & You", Authors: []string{"A", "B"}, Price: 29.99, Note: " first "},
		{ID: "b2", Title: "<XML>", Authors: nil},
	}}
	out, err := xml.MarshalIndent(lib, "", "  ")
	fmt.Println(xml.Header+string(out), err)
	var lib2 Library
	err = xml.Unmarshal(out, &lib2)
	fmt.Println(err, len(lib2.Books), lib2.Books[0].Title, lib2.Books[0].Authors, lib2.Books[1].Title, lib2.Books[0].Price)
	dec := xml.NewDecoder(strings.NewReader(`<a x="1"><b>text</b><!-- c --><c/></a>`))
	for {
		tok, err := dec.Token()
		if err != nil {
			fmt.Println("done:", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fmt.Print("start:", t.Name.Local, len(t.Attr), " ")
		case xml.EndElement:
			fmt.Print("end:", t.Name.Local, " ")
		case xml.CharData:
			fmt.Printf("chars:%q ", string(t))
		case xml.Comment:
			fmt.Printf("comment:%q ", string(t))
		}
	}
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(`a<b>"c"&'d'`))
	fmt.Println(buf.String())

	hdr := Header{Magic: [4]byte{'G', 'O', 'B', 'N'}, Version: 3, Flags: 0x8001, Length: 1 << 20, Offset: -42}
	var bb bytes.Buffer
	binary.Write(&bb, binary.BigEndian, hdr)
	fmt.Printf("% x\n", bb.Bytes())
	var hdr2 Header
	binary.Read(bytes.NewReader(bb.Bytes()), binary.BigEndian, &hdr2)
	fmt.Printf("%+v %d\n", hdr2, binary.Size(hdr2))
	le := make([]byte, 8)
	binary.LittleEndian.PutUint32(le, 0xdeadbeef)
	binary.BigEndian.PutUint16(le[4:], 0x1234)
	fmt.Printf("% x %x %x\n", le, binary.LittleEndian.Uint64(le), binary.BigEndian.Uint32(le))
	vb := binary.AppendUvarint(nil, 300)
	vb = binary.AppendVarint(vb, -3)
	uv, n := binary.Uvarint(vb)
	sv, m := binary.Varint(vb[n:])
	fmt.Println(vb, uv, n, sv, m)

	var gb bytes.Buffer
	enc := gob.NewEncoder(&gb)
	sh := Shape{Kind: "tri", Points: []struct{ X, Y int }{{0, 0}, {1, 0}, {0, 1}}, Attrs: map[string]float64{"area": 0.5}, Next: &Shape{Kind: "dot"}}
	fmt.Println(enc.Encode(sh), enc.Encode(map[string][]int{"x": {1, 2}}))
	gdec := gob.NewDecoder(&gb)
	var sh2 Shape
	var mm map[string][]int
	fmt.Println(gdec.Decode(&sh2), gdec.Decode(&mm))
	fmt.Println(sh2.Kind, sh2.Points, sh2.Attrs, sh2.Next.Kind, sh2.Next.Next, mm)
	var x int
	fmt.Println(gdec.Decode(&x))

	blk := &pem.Block{Type: "TEST DATA", Headers: map[string]string{"K": "v"}, Bytes: []byte("some binary payload here, long enough to wrap the line at sixty four characters")}
	pb := pem.EncodeToMemory(blk)
	fmt.Print(string(pb))
	blk2, rest := pem.Decode(pb)
	fmt.Println(blk2.Type, string(blk2.Bytes[:4]), len(rest))
}
