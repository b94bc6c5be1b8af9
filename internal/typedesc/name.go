package typedesc

import (
	"encoding/binary"
	"fmt"
	"go/types"
)

// abi.Name flag bits.
const (
	nameExported = 1 << 0
	nameHasTag   = 1 << 1
	nameHasPkg   = 1 << 2
	nameEmbedded = 1 << 3
)

// name returns the address of the abi.Name encoding of (text, tag) with the
// given flags: a flag byte, the varint length and bytes of the text, then
// the tag the same way if there is one, then, for a method defined in
// another package than its type, the NameOff of that package's import
// path. Identical encodings are shared, as gc shares its namedata symbols.
func (b *Builder) name(text, tag string, pkg *types.Package, exported, embedded bool) uintptr {
	var flags byte
	if exported {
		flags |= nameExported
	}
	if tag != "" {
		flags |= nameHasTag
	}
	if pkg != nil {
		flags |= nameHasPkg
	}
	if embedded {
		flags |= nameEmbedded
	}
	enc := []byte{flags}
	enc = binary.AppendUvarint(enc, uint64(len(text)))
	enc = append(enc, text...)
	if tag != "" {
		enc = binary.AppendUvarint(enc, uint64(len(tag)))
		enc = append(enc, tag...)
	}
	if pkg != nil {
		enc = binary.LittleEndian.AppendUint32(enc, uint32(b.nameOff(b.importPath(pkg))))
	}
	if p, ok := b.names[string(enc)]; ok {
		return p
	}
	p := b.env.Alloc(uintptr(len(enc)), 1)
	if !b.mem.WriteBytes(p, enc) {
		panic(fmt.Sprintf("typedesc: Env.Alloc returned %#x, not writable arena memory", p))
	}
	b.names[string(enc)] = p
	return p
}

// importPath returns the name holding a package's import path, as struct
// and interface descriptors, uncommon types and method names refer to it.
// The nil package (the fields of synthesised map groups) has the empty
// path, which gc still writes out.
func (b *Builder) importPath(pkg *types.Package) uintptr {
	return b.name(pkgPath(pkg), "", nil, false, false)
}

// nameOff is the NameOff or TypeOff of an address in the types section.
func (b *Builder) nameOff(p uintptr) int32 {
	off := int64(p) - int64(b.env.TypesBase())
	if off != int64(int32(off)) || off < 0 {
		panic(fmt.Sprintf("typedesc: %#x is not within 2 GiB above the types section at %#x", p, b.env.TypesBase()))
	}
	return int32(off)
}

// textOff is the TextOff of a code pointer.
func (b *Builder) textOff(pc uintptr) int32 {
	off := int64(pc) - int64(b.env.TextBase())
	if off != int64(int32(off)) || off < 0 {
		panic(fmt.Sprintf("typedesc: code pointer %#x is not within 2 GiB above the text base %#x", pc, b.env.TextBase()))
	}
	return int32(off)
}
