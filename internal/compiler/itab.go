package compiler

import (
	"os"
	"path/filepath"
	"strings"

	"gort/internal/bytecode"
)

// itab returns the static itab for a conversion of concrete to iface, in
// internal/abi.ITab layout: Inter, Type, Hash, then one code pointer per
// interface method in sorted order.
func (c *Compiler) itab(iface, concrete *bytecode.Type) uintptr {
	key := [2]*bytecode.Type{iface, concrete}
	if a, ok := c.itabs[key]; ok {
		return a
	}
	n := len(iface.IMethods)
	a := c.allocRO(uintptr(24+8*max(n, 1)), 8)
	c.mem.Store64(a, uint64(iface.Desc))
	c.mem.Store64(a+8, uint64(concrete.Desc))
	hash, _ := c.mem.Load32(concrete.Desc + 16)
	c.mem.Store32(a+16, hash)
	for i, name := range iface.IMethods {
		for _, m := range concrete.Methods {
			if m.Name == name {
				c.mem.Store64(a+24+uintptr(i)*8, uint64(c.out.Funcs[m.Func].Text))
				break
			}
		}
	}
	c.itabs[key] = a
	c.out.Itabs = append(c.out.Itabs, bytecode.Itab{Addr: a, Iface: iface, Type: concrete})
	return a
}

// relName spells a file name relative to the working directory with a leading
// "./", as the go command does in messages.
func relName(name string) string {
	if wd, err := os.Getwd(); err == nil && filepath.IsAbs(name) {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return "./" + rel
		}
		return name
	}
	if !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "$") {
		return "./" + name
	}
	return name
}
