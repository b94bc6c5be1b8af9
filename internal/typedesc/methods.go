package typedesc

import (
	"fmt"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// A method is one entry of a concrete type's method table.
type method struct {
	sel *types.Selection
}

func (m method) name() string          { return m.sel.Obj().Name() }
func (m method) pkg() *types.Package   { return m.sel.Obj().Pkg() }
func (m method) exported() bool        { return m.sel.Obj().Exported() }
func (m method) sig() *types.Signature { return m.sel.Type().(*types.Signature) }

// methodsOf returns the method set of a non-interface type, sorted as gc
// sorts method tables: exported names first, then by name. (An interface's
// methods live in its InterfaceType, not in a method table.)
func (b *Builder) methodsOf(t types.Type) []method {
	if types.IsInterface(t) {
		return nil
	}
	mset := b.prog.MethodSets.MethodSet(t)
	ms := make([]method, mset.Len())
	for i := range ms {
		ms[i] = method{mset.At(i)}
	}
	sort.Slice(ms, func(i, j int) bool {
		return symLess(ms[i].name(), ms[i].pkg(), ms[j].name(), ms[j].pkg())
	})
	return ms
}

// typePkg is the package an uncommon type records: a defined type's own,
// or for an unnamed pointer, slice, array or chan type, its element's.
// Predeclared types have none, except unsafe.Pointer.
func typePkg(t types.Type) *types.Package {
	switch u := t.(type) {
	case *types.Pointer:
		t = u.Elem()
	case *types.Slice:
		t = u.Elem()
	case *types.Array:
		t = u.Elem()
	case *types.Chan:
		t = u.Elem()
	}
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		return u.Obj().Pkg()
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return types.Unsafe
		}
	}
	return nil
}

// fillUncommon writes the abi.UncommonType at u and the method table moff
// bytes after it. Each method has its name (with its package where that
// is not the type's), its type without receiver, and two code pointers:
// Tfn takes the receiver as the type itself, Ifn as the interface data
// word holds it, which for a type not stored directly in interfaces is a
// pointer to the value, so Ifn is then the (*T).M wrapper.
func (b *Builder) fillUncommon(u uintptr, t types.Type, methods []method, moff uintptr) {
	tpkg := typePkg(t)
	if tpkg != nil {
		b.store32(u+offUncommonPkgPath, uint32(b.nameOff(b.importPath(tpkg))))
	}
	xcount := 0
	for _, m := range methods {
		if m.exported() {
			xcount++
		}
	}
	if len(methods) > 1<<16-1 {
		panic(fmt.Sprintf("typedesc: %v has %d methods", t, len(methods)))
	}
	b.store16(u+offUncommonMcount, uint16(len(methods)))
	b.store16(u+offUncommonXcount, uint16(xcount))
	b.store32(u+offUncommonMoff, uint32(moff))

	direct := b.directIface(t)
	var ptrSet *types.MethodSet
	if !direct {
		ptrSet = b.prog.MethodSets.MethodSet(types.NewPointer(t))
	}
	for i, m := range methods {
		var mpkg *types.Package
		if !m.exported() && m.pkg() != tpkg {
			mpkg = m.pkg()
		}
		q := u + moff + uintptr(i)*methodSize
		b.store32(q, uint32(b.nameOff(b.name(m.name(), "", mpkg, m.exported(), false))))
		b.store32(q+4, uint32(b.nameOff(b.Type(withoutRecv(m.sig())))))
		tfn := b.env.FuncText(b.prog.MethodValue(m.sel))
		ifn := tfn
		if !direct {
			ifn = b.env.FuncText(b.methodValue(ptrSet, m.pkg(), m.name()))
		}
		b.store32(q+8, uint32(b.textOff(ifn)))
		b.store32(q+12, uint32(b.textOff(tfn)))
	}
}

// SortedMethods returns an interface's methods in the order of its
// descriptor's method list, which is the order of its itabs' code
// pointers.
func SortedMethods(t *types.Interface) []*types.Func { return sortedInterfaceMethods(t) }

func (b *Builder) methodValue(mset *types.MethodSet, pkg *types.Package, name string) *ssa.Function {
	sel := mset.Lookup(pkg, name)
	if sel == nil {
		return nil
	}
	return b.prog.MethodValue(sel)
}

// directIface reports whether a value of type t is stored directly in an
// interface's data word: it is exactly one pointer.
func (b *Builder) directIface(t types.Type) bool {
	return b.sizes.Sizeof(t) == ptrSize && b.ptrBytes(t) == ptrSize
}

// Itab returns the abi.ITab for concrete type concrete converted to the
// non-empty interface iface: the two descriptors, concrete's hash, and the
// code pointers of the methods iface needs, in iface's method order. Each
// is the method as called with the interface's data word: T's own method
// where T is stored directly in interfaces, otherwise (*T)'s, whose
// wrapper finds the value behind the pointer. Itabs are shared.
//
// If concrete lacks a method, the itab has a zero first entry, as gc
// writes for type assertions that can fail.
func (b *Builder) Itab(iface, concrete types.Type) uintptr {
	iface, concrete = types.Unalias(iface), types.Unalias(concrete)
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 || types.IsInterface(concrete) {
		panic(fmt.Sprintf("typedesc: no itab for %v as %v", concrete, iface))
	}
	inter, typ := b.Type(iface), b.Type(concrete)
	key := [2]uintptr{inter, typ}
	if p, ok := b.itabs[key]; ok {
		return p
	}
	recv := concrete
	if !b.directIface(concrete) {
		recv = types.NewPointer(concrete)
	}
	mset := b.prog.MethodSets.MethodSet(recv)
	ms := sortedInterfaceMethods(it)
	fun := make([]uintptr, len(ms))
	for i, m := range ms {
		fn := b.methodValue(mset, m.Pkg(), m.Name())
		if fn == nil {
			fun = []uintptr{0}
			break
		}
		fun[i] = b.env.FuncText(fn)
	}
	p := b.env.Alloc(itabHeaderSize+uintptr(len(fun))*ptrSize, ptrSize)
	b.store64(p, uint64(inter))
	b.store64(p+8, uint64(typ))
	b.store32(p+16, b.load32(typ+offHash))
	for i, pc := range fun {
		b.store64(p+itabHeaderSize+uintptr(i)*ptrSize, uint64(pc))
	}
	b.itabs[key] = p
	return p
}
