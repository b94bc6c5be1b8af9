package compiler

import (
	"encoding/binary"

	"gort/internal/loader"
)

// embedData writes the value of every //go:embed variable into its place in
// the image, as gc's WriteEmbed does: such a variable has no initialiser,
// its data is there before any init code runs.
//
//   - A string points at read-only bytes, shared with equal string constants.
//   - A []byte points at a writable copy of its own (len = cap).
//   - An embed.FS is one word, a pointer to read-only data holding a
//     []file slice header followed by the files it points at; each file is
//     {name string, data string, hash [16]byte}, as package embed declares
//     it, a directory's data empty.
func (c *Compiler) embedData() {
	for _, e := range c.lp.Embeds {
		g := c.lp.SSA.Package(e.Var.Pkg()).Var(e.Var.Name())
		if g == nil {
			continue // a variable go/ssa did not create is never read
		}
		var b []byte
		switch e.Kind {
		case loader.EmbedString:
			data := string(e.Files[0].Data)
			b = words(uint64(c.stringData(data)), uint64(len(data)))
		case loader.EmbedBytes:
			data := e.Files[0].Data
			p := c.zerobase()
			if len(data) > 0 {
				p = c.allocData(uintptr(len(data)), 1, nil)
				c.mem.WriteBytes(p, data)
			}
			b = words(uint64(p), uint64(len(data)), uint64(len(data)))
		case loader.EmbedFiles:
			const header, entry = 24, 48
			n := uint64(len(e.Files))
			list := c.allocRO(uintptr(header+entry*n), 8)
			files := words(uint64(list)+header, n, n)
			for _, f := range e.Files {
				files = append(files, words(uint64(c.stringData(f.Name)), uint64(len(f.Name)),
					uint64(c.stringData(string(f.Data))), uint64(len(f.Data)))...)
				files = append(files, f.Hash[:]...)
			}
			c.mem.WriteBytes(list, files)
			b = words(uint64(list))
		}
		c.mem.WriteBytes(c.global(g), b)
	}
}

// words is the little-endian encoding of ws.
func words(ws ...uint64) []byte {
	b := make([]byte, 0, 8*len(ws))
	for _, w := range ws {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}
