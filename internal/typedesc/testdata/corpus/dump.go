// The native half of the descriptor oracle. Run by the real toolchain, it
// walks the type descriptors gc and the linker wrote for every corpus type,
// reading the internal/abi words through unsafe (the layout is that of Go
// 1.26 on linux/amd64), and prints them as JSON, one record per descriptor
// reachable from a root, keyed by type string:
//
//	go run ./internal/typedesc/testdata/corpus > internal/typedesc/testdata/native.json
//
// (go generate ./internal/typedesc does the same.)
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"unsafe"
)

// typelinks gives the start of the types section, which NameOff and TypeOff
// are relative to, and the typelinks table itself.
//
//go:linkname typelinks reflect.typelinks
func typelinks() (sections []unsafe.Pointer, offset [][]int32)

// Offsets of the internal/abi structures on linux/amd64.
const (
	offSize       = 0
	offPtrBytes   = 8
	offHash       = 16
	offTFlag      = 20
	offAlign      = 21
	offFieldAlign = 22
	offKind       = 23
	offEqual      = 24
	offGCData     = 32
	offStr        = 40
	offPtrToThis  = 44
	commonSize    = 48

	tflagUncommon   = 1 << 0
	tflagExtraStar  = 1 << 1
	tflagOnDemandGC = 1 << 4

	uncommonSize = 16
)

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
	"complex64", "complex128", "array", "chan", "func", "interface", "map", "ptr",
	"slice", "string", "struct", "unsafe.Pointer"}

type Name struct {
	Flags   uint8  `json:"flags"`
	Name    string `json:"name"`
	Tag     string `json:"tag,omitempty"`
	PkgPath string `json:"pkgPath,omitempty"`
}

type Field struct {
	Name   Name   `json:"name"`
	Typ    string `json:"typ"`
	Offset uint64 `json:"offset"`
}

type Imethod struct {
	Name Name   `json:"name"`
	Typ  string `json:"typ"`
}

type Method struct {
	Name Name `json:"name"`
	// Mtyp is empty where the linker dropped the method as unreachable
	// (it then writes -1 in all three offsets).
	Mtyp string `json:"mtyp"`
}

type Uncommon struct {
	PkgPath string   `json:"pkgPath"`
	Mcount  uint16   `json:"mcount"`
	Xcount  uint16   `json:"xcount"`
	Moff    uint32   `json:"moff"`
	Methods []Method `json:"methods"`
}

type MapInfo struct {
	Group     string `json:"group"`
	GroupSize uint64 `json:"groupSize"`
	SlotSize  uint64 `json:"slotSize"`
	ElemOff   uint64 `json:"elemOff"`
	Flags     uint32 `json:"flags"`
	Hasher    string `json:"hasher"`
}

type Record struct {
	Str        string `json:"str"`
	StrName    Name   `json:"strName"`
	Kind       string `json:"kind"`
	Size       uint64 `json:"size"`
	PtrBytes   uint64 `json:"ptrBytes"`
	Hash       uint32 `json:"hash"`
	TFlag      uint8  `json:"tflag"`
	Align      uint8  `json:"align"`
	FieldAlign uint8  `json:"fieldAlign"`
	// Equal names the function the Equal funcval calls, with
	// "/size" for memequal_varlen; generated equality functions
	// (type:.eq.*) are reported as "generated".
	Equal string `json:"equal"`
	// GCMask is the pointer bitmap in hex, as long as gc writes it
	// (whole words). For TFlagGCMaskOnDemand types it is derived
	// from the type's structure instead.
	GCMask    string `json:"gcmask"`
	PtrToThis string `json:"ptrToThis"`
	Typelink  bool   `json:"typelink"`
	Root      bool   `json:"root,omitempty"`

	Uncommon *Uncommon `json:"uncommon,omitempty"`

	Elem     string    `json:"elem,omitempty"`
	Key      string    `json:"key,omitempty"`
	Slice    string    `json:"slice,omitempty"`
	Len      uint64    `json:"len,omitempty"`
	Dir      uint64    `json:"dir,omitempty"`
	InCount  uint16    `json:"inCount,omitempty"`
	OutCount uint16    `json:"outCount,omitempty"`
	Params   []string  `json:"params,omitempty"`
	PkgPath  *Name     `json:"pkgPath,omitempty"`
	Fields   []Field   `json:"fields,omitempty"`
	Imethods []Imethod `json:"imethods,omitempty"`
	Map      *MapInfo  `json:"map,omitempty"`
}

// Dump is the whole output: the toolchain that wrote it, and the records.
type Dump struct {
	GoVersion string    `json:"goVersion"`
	Types     []*Record `json:"types"`
}

// typesBase is the start of the types section.
var typesBase unsafe.Pointer

// Descriptors are static data; these read their words.
func word(p unsafe.Pointer, off uintptr) uint64 { return *(*uint64)(unsafe.Add(p, off)) }
func u32(p unsafe.Pointer, off uintptr) uint32  { return *(*uint32)(unsafe.Add(p, off)) }
func i32(p unsafe.Pointer, off uintptr) int32   { return *(*int32)(unsafe.Add(p, off)) }
func u16(p unsafe.Pointer, off uintptr) uint16  { return *(*uint16)(unsafe.Add(p, off)) }
func u8(p unsafe.Pointer, off uintptr) uint8    { return *(*uint8)(unsafe.Add(p, off)) }

func ptrAt(p unsafe.Pointer, off uintptr) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(p, off))
}

// resolve turns a NameOff or TypeOff into an address.
func resolve(off int32) unsafe.Pointer { return unsafe.Add(typesBase, off) }

func varint(p unsafe.Pointer) (v, n int) {
	for i := 0; ; i++ {
		b := u8(p, uintptr(i))
		v |= int(b&0x7f) << (7 * i)
		if b&0x80 == 0 {
			return v, i + 1
		}
	}
}

func readString(p unsafe.Pointer, n int) string {
	return string(unsafe.Slice((*byte)(p), n))
}

// readName decodes an abi.Name.
func readName(p unsafe.Pointer) Name {
	n := Name{Flags: u8(p, 0)}
	l, k := varint(unsafe.Add(p, 1))
	q := unsafe.Add(p, 1+k)
	n.Name = readString(q, l)
	q = unsafe.Add(q, l)
	if n.Flags&(1<<1) != 0 {
		tl, tk := varint(q)
		n.Tag = readString(unsafe.Add(q, tk), tl)
		q = unsafe.Add(q, tk+tl)
	}
	if n.Flags&(1<<2) != 0 {
		n.PkgPath = readName(resolve(i32(q, 0))).Name
	}
	return n
}

func typeStr(t unsafe.Pointer) string {
	s := readName(resolve(i32(t, offStr))).Name
	if u8(t, offTFlag)&tflagExtraStar != 0 {
		s = s[1:]
	}
	return s
}

func kind(t unsafe.Pointer) string { return kindNames[u8(t, offKind)] }

// kindSize is the size of the kind-specific descriptor, where the
// uncommon type starts.
func kindSize(t unsafe.Pointer) uintptr {
	switch kind(t) {
	case "ptr", "slice":
		return commonSize + 8
	case "array":
		return commonSize + 24
	case "chan":
		return commonSize + 16
	case "func":
		return commonSize + 8
	case "interface", "struct":
		return commonSize + 32
	case "map":
		return commonSize + 64
	}
	return commonSize
}

func funcName(code uintptr) string {
	f := runtime.FuncForPC(code)
	if f == nil {
		return fmt.Sprintf("?%#x", code)
	}
	return f.Name()
}

// closureName names the function a funcval calls.
func closureName(fv unsafe.Pointer) string {
	if fv == nil {
		return ""
	}
	name := funcName(uintptr(word(fv, 0)))
	switch {
	case name == "runtime.memequal_varlen":
		return fmt.Sprintf("%s/%d", name, word(fv, 8))
	case strings.HasPrefix(name, "type:.eq."):
		return "generated"
	case strings.HasPrefix(name, "type:.hash."):
		return "generated"
	}
	return name
}

// structuralMask computes the pointer bitmap of t from its structure,
// as gc's typebits does.
func structuralMask(t unsafe.Pointer, off uint64, bits []byte) {
	if word(t, offPtrBytes) == 0 {
		return
	}
	set := func(w uint64) { bits[w/8] |= 1 << (w % 8) }
	switch kind(t) {
	case "ptr", "unsafe.Pointer", "func", "chan", "map", "string", "slice":
		set(off / 8)
	case "interface":
		set(off/8 + 1)
	case "array":
		e := ptrAt(t, commonSize)
		es := word(e, offSize)
		for i := uint64(0); i < word(t, commonSize+16); i++ {
			structuralMask(e, off+i*es, bits)
		}
	case "struct":
		fp, n := ptrAt(t, commonSize+8), int(word(t, commonSize+16))
		for i := 0; i < n; i++ {
			f := unsafe.Add(fp, i*24)
			structuralMask(ptrAt(f, 8), off+word(f, 16), bits)
		}
	default:
		panic("pointers in " + kind(t))
	}
}

func gcMask(t unsafe.Pointer) string {
	ptrBytes := word(t, offPtrBytes)
	n := (ptrBytes/8 + 7) / 8
	n = (n + 7) &^ 7
	bits := make([]byte, n)
	structuralMask(t, 0, bits)
	if u8(t, offTFlag)&tflagOnDemandGC == 0 {
		gc := unsafe.Slice((*byte)(ptrAt(t, offGCData)), n)
		if string(gc) != string(bits) {
			panic(fmt.Sprintf("%s: structural mask %x disagrees with GCData %x", typeStr(t), bits, gc))
		}
	}
	return fmt.Sprintf("%x", bits)
}

type dumper struct {
	records map[string]*Record
	seen    map[unsafe.Pointer]bool
	links   map[unsafe.Pointer]bool
	queue   []unsafe.Pointer
}

func (d *dumper) ref(t unsafe.Pointer) string {
	if t == nil {
		return ""
	}
	if !d.seen[t] {
		d.seen[t] = true
		d.queue = append(d.queue, t)
	}
	return typeStr(t)
}

func (d *dumper) refOff(off int32) string {
	if off == -1 || off == 0 {
		return ""
	}
	return d.ref(resolve(off))
}

func (d *dumper) record(t unsafe.Pointer) *Record {
	r := &Record{
		Str:        typeStr(t),
		StrName:    readName(resolve(i32(t, offStr))),
		Kind:       kind(t),
		Size:       word(t, offSize),
		PtrBytes:   word(t, offPtrBytes),
		Hash:       u32(t, offHash),
		TFlag:      u8(t, offTFlag),
		Align:      u8(t, offAlign),
		FieldAlign: u8(t, offFieldAlign),
		Equal:      closureName(ptrAt(t, offEqual)),
		GCMask:     gcMask(t),
		Typelink:   d.links[t],
	}
	if p := i32(t, offPtrToThis); p != 0 {
		r.PtrToThis = typeStr(resolve(p))
	}
	ks := kindSize(t)
	var dataEnd unsafe.Pointer // where the kind's trailing data starts
	if r.TFlag&tflagUncommon != 0 {
		u := unsafe.Add(t, ks)
		un := &Uncommon{
			Mcount: u16(u, 4),
			Xcount: u16(u, 6),
			Moff:   u32(u, 8),
		}
		if off := i32(u, 0); off != 0 {
			un.PkgPath = readName(resolve(off)).Name
		}
		for i := 0; i < int(un.Mcount); i++ {
			m := unsafe.Add(u, uintptr(un.Moff)+uintptr(i)*16)
			un.Methods = append(un.Methods, Method{
				Name: readName(resolve(i32(m, 0))),
				Mtyp: d.refOff(i32(m, 4)),
			})
		}
		r.Uncommon = un
		dataEnd = unsafe.Add(u, uncommonSize)
	} else {
		dataEnd = unsafe.Add(t, ks)
	}
	switch r.Kind {
	case "ptr", "slice":
		r.Elem = d.ref(ptrAt(t, commonSize))
	case "array":
		r.Elem = d.ref(ptrAt(t, commonSize))
		r.Slice = d.ref(ptrAt(t, commonSize+8))
		r.Len = word(t, commonSize+16)
	case "chan":
		r.Elem = d.ref(ptrAt(t, commonSize))
		r.Dir = word(t, commonSize+8)
	case "func":
		r.InCount = u16(t, commonSize)
		r.OutCount = u16(t, commonSize+2)
		n := int(r.InCount) + int(r.OutCount&(1<<15-1))
		r.Params = []string{}
		for i := 0; i < n; i++ {
			r.Params = append(r.Params, d.ref(ptrAt(dataEnd, uintptr(i)*8)))
		}
	case "interface":
		if p := ptrAt(t, commonSize); p != nil {
			n := readName(p)
			r.PkgPath = &n
		}
		mp, n := ptrAt(t, commonSize+8), int(word(t, commonSize+16))
		if n > 0 && mp != dataEnd {
			panic(r.Str + ": imethods are not where gort expects them")
		}
		r.Imethods = []Imethod{}
		for i := 0; i < n; i++ {
			m := unsafe.Add(mp, i*8)
			r.Imethods = append(r.Imethods, Imethod{
				Name: readName(resolve(i32(m, 0))),
				Typ:  d.refOff(i32(m, 4)),
			})
		}
	case "map":
		r.Key = d.ref(ptrAt(t, commonSize))
		r.Elem = d.ref(ptrAt(t, commonSize+8))
		r.Map = &MapInfo{
			Group:     d.ref(ptrAt(t, commonSize+16)),
			Hasher:    closureName(ptrAt(t, commonSize+24)),
			GroupSize: word(t, commonSize+32),
			SlotSize:  word(t, commonSize+40),
			ElemOff:   word(t, commonSize+48),
			Flags:     u32(t, commonSize+56),
		}
	case "struct":
		if p := ptrAt(t, commonSize); p != nil {
			n := readName(p)
			r.PkgPath = &n
		}
		fp, n := ptrAt(t, commonSize+8), int(word(t, commonSize+16))
		if n > 0 && fp != dataEnd {
			panic(r.Str + ": fields are not where gort expects them")
		}
		r.Fields = []Field{}
		for i := 0; i < n; i++ {
			f := unsafe.Add(fp, i*24)
			r.Fields = append(r.Fields, Field{
				Name:   readName(ptrAt(f, 0)),
				Typ:    d.ref(ptrAt(f, 8)),
				Offset: word(f, 16),
			})
		}
	}
	return r
}

func main() {
	sections, offsets := typelinks()
	typesBase = sections[0]
	d := &dumper{
		records: map[string]*Record{},
		seen:    map[unsafe.Pointer]bool{},
		links:   map[unsafe.Pointer]bool{},
	}
	for _, off := range offsets[0] {
		d.links[resolve(off)] = true
	}
	roots := map[unsafe.Pointer]bool{}
	for _, x := range corpus {
		// x is a nil *T; its type word is *T's descriptor, whose Elem is T's.
		pt := (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0]
		t := ptrAt(pt, commonSize)
		rt := reflect.TypeOf(x)
		if rt.Elem().String() != typeStr(t) {
			panic("descriptor walk disagrees with reflect for " + typeStr(t))
		}
		// Calling Method with a variable index keeps every exported
		// method of the corpus types in the binary, with its type,
		// so that more method types can be compared.
		for i := range rt.NumMethod() {
			_ = rt.Method(i)
		}
		roots[t] = true
		d.ref(t)
	}
	byAddr := map[string]unsafe.Pointer{}
	for len(d.queue) > 0 {
		t := d.queue[0]
		d.queue = d.queue[1:]
		r := d.record(t)
		r.Root = roots[t]
		if prev, ok := byAddr[r.Str]; ok && prev != t {
			panic("two descriptors spell " + r.Str)
		}
		byAddr[r.Str] = t
		d.records[r.Str] = r
	}
	var out []*Record
	for _, r := range d.records {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Str < out[j].Str })
	e := json.NewEncoder(os.Stdout)
	e.SetIndent("", "\t")
	if err := e.Encode(Dump{runtime.Version(), out}); err != nil {
		panic(err)
	}
}
