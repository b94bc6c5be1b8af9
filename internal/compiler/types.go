package compiler

import (
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"gort/internal/arena"
	"gort/internal/bytecode"
	"gort/internal/typedesc"
)

// typ returns the host-side view of t, building its descriptor on first use.
func (c *Compiler) typ(t types.Type) *bytecode.Type {
	t = typed(t)
	if v := c.types.At(t); v != nil {
		return v.(*bytecode.Type)
	}
	if bt := c.linkedType(t); bt != nil {
		c.types.Set(t, bt)
		return bt
	}
	bt := &bytecode.Type{
		Index: int32(len(c.out.Types)),
		Size:  uintptr(c.sizes.Sizeof(t)),
		Align: uintptr(c.sizes.Alignof(t)),
	}
	c.types.Set(t, bt)
	c.out.Types = append(c.out.Types, bt)
	bt.Comparable = types.Comparable(t)
	bt.HasPtrs = c.hasPtrs(t)
	bt.Class = classOf(t)
	bt.DirectIface = c.isDirectIface(t)
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		bt.PkgPath = n.Obj().Pkg().Path()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		bt.Kind = basicKind(u)
	case *types.Pointer:
		bt.Kind = bytecode.Pointer
		bt.Elem = c.typ(u.Elem())
	case *types.Slice:
		bt.Kind = bytecode.Slice
		bt.Elem = c.typ(u.Elem())
	case *types.Array:
		bt.Kind = bytecode.Array
		bt.Elem = c.typ(u.Elem())
		bt.Len = u.Len()
	case *types.Map:
		bt.Kind = bytecode.Map
		bt.Key = c.typ(u.Key())
		bt.Elem = c.typ(u.Elem())
	case *types.Chan:
		bt.Kind = bytecode.Chan
		bt.Elem = c.typ(u.Elem())
		switch u.Dir() {
		case types.RecvOnly:
			bt.ChanDir = 1
		case types.SendOnly:
			bt.ChanDir = 2
		default:
			bt.ChanDir = 3
		}
	case *types.Signature:
		bt.Kind = bytecode.FuncKind
	case *types.Interface:
		bt.Kind = bytecode.Interface
		for _, m := range typedesc.SortedMethods(u) {
			bt.IMethods = append(bt.IMethods, m.Id())
		}
	case *types.Struct:
		bt.Kind = bytecode.Struct
		offs := c.sizes.Offsetsof(fieldsOf(u))
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			bt.Fields = append(bt.Fields, bytecode.Field{Name: f.Name(), Type: c.typ(f.Type()), Offset: uintptr(offs[i])})
		}
	case *types.Tuple:
		bt.Kind = bytecode.Struct
	}
	bt.RegularMemory = c.regularMemory(t)
	bt.Desc = c.desc.typeDesc(t, bt)
	bt.String = c.desc.typeString(t)
	c.out.TypeByDesc[bt.Desc] = bt
	if _, isIface := t.Underlying().(*types.Interface); !isIface {
		c.methods(t, bt)
	}
	return bt
}

// methods fills bt.Methods: what an itab for t can point at. The names
// are t's method set; for a type stored indirectly in interfaces the code
// is the pointer-receiver wrapper, since the data word points at a boxed t.
func (c *Compiler) methods(t types.Type, bt *bytecode.Type) {
	mset := c.lp.SSA.MethodSets.MethodSet(t)
	if mset.Len() == 0 {
		return
	}
	var ptrSet *types.MethodSet
	if !bt.DirectIface {
		ptrSet = c.lp.SSA.MethodSets.MethodSet(types.NewPointer(t))
	}
	for i := 0; i < mset.Len(); i++ {
		sel := mset.At(i)
		if ptrSet != nil {
			sel = ptrSet.Lookup(sel.Obj().Pkg(), sel.Obj().Name())
		}
		fn := c.lp.SSA.MethodValue(sel)
		if fn == nil {
			continue
		}
		bt.Methods = append(bt.Methods, bytecode.Method{Name: sel.Obj().Id(), Func: c.declare(fn).Index})
	}
	sort.Slice(bt.Methods, func(i, j int) bool { return bt.Methods[i].Name < bt.Methods[j].Name })
}

func fieldsOf(s *types.Struct) []*types.Var {
	fs := make([]*types.Var, s.NumFields())
	for i := range fs {
		fs[i] = s.Field(i)
	}
	return fs
}

func basicKind(b *types.Basic) bytecode.Kind {
	switch b.Kind() {
	case types.Bool, types.UntypedBool:
		return bytecode.Bool
	case types.Int, types.UntypedInt:
		return bytecode.Int
	case types.Int8:
		return bytecode.Int8
	case types.Int16:
		return bytecode.Int16
	case types.Int32, types.UntypedRune:
		return bytecode.Int32
	case types.Int64:
		return bytecode.Int64
	case types.Uint:
		return bytecode.Uint
	case types.Uint8:
		return bytecode.Uint8
	case types.Uint16:
		return bytecode.Uint16
	case types.Uint32:
		return bytecode.Uint32
	case types.Uint64:
		return bytecode.Uint64
	case types.Uintptr:
		return bytecode.Uintptr
	case types.Float32:
		return bytecode.Float32
	case types.Float64, types.UntypedFloat:
		return bytecode.Float64
	case types.Complex64:
		return bytecode.Complex64
	case types.Complex128, types.UntypedComplex:
		return bytecode.Complex128
	case types.String, types.UntypedString:
		return bytecode.String
	case types.UnsafePointer:
		return bytecode.UnsafePointer
	case types.UntypedNil:
		return bytecode.UnsafePointer
	}
	return bytecode.Invalid
}

// classOf is the load class of a scalar type, 0 for aggregates.
func classOf(t types.Type) uint16 {
	switch u := typed(t).Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.Bool, types.Uint8:
			return bytecode.ClassU8
		case types.Int8:
			return bytecode.ClassI8
		case types.Int16:
			return bytecode.ClassI16
		case types.Uint16:
			return bytecode.ClassU16
		case types.Int32:
			return bytecode.ClassI32
		case types.Uint32, types.Float32:
			return bytecode.ClassU32
		case types.String, types.Complex128, types.Complex64:
			if u.Kind() == types.Complex64 {
				return bytecode.ClassW64
			}
			return 0
		case types.UnsafePointer:
			return bytecode.ClassPtr
		default:
			return bytecode.ClassW64
		}
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		return bytecode.ClassPtr
	}
	return 0
}

func (c *Compiler) hasPtrs(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.String || u.Kind() == types.UnsafePointer
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature, *types.Slice, *types.Interface:
		return true
	case *types.Array:
		return u.Len() > 0 && c.hasPtrs(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if c.hasPtrs(u.Field(i).Type()) {
				return true
			}
		}
	case *types.Tuple:
		for i := 0; i < u.Len(); i++ {
			if c.hasPtrs(u.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// isDirectIface reports whether a value of t is stored directly in an
// interface's data word: pointer-shaped types, as gc decides.
func (c *Compiler) isDirectIface(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Array:
		return u.Len() == 1 && c.isDirectIface(u.Elem())
	case *types.Struct:
		return u.NumFields() == 1 && c.isDirectIface(u.Field(0).Type())
	}
	return false
}

// regularMemory reports whether == on t is a comparison of its bytes.
func (c *Compiler) regularMemory(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.Float32, types.Float64, types.Complex64, types.Complex128, types.String:
			return false
		}
		return true
	case *types.Pointer, *types.Chan, *types.Map, *types.Signature:
		return true
	case *types.Array:
		return c.regularMemory(u.Elem())
	case *types.Struct:
		var end int64
		offs := c.sizes.Offsetsof(fieldsOf(u))
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Name() == "_" || !c.regularMemory(f.Type()) || offs[i] != end {
				return false
			}
			end = offs[i] + c.sizes.Sizeof(f.Type())
		}
		return end == c.sizes.Sizeof(t)
	}
	return false
}

// rangeBodyNumber finds body among the range-over-func loop bodies under
// fn, numbered from n+1 in source order (outer loops before the loops they
// hold), and returns its number, or the last number used if it is not there.
func rangeBodyNumber(fn, body *ssa.Function, n int) (int, bool) {
	for _, anon := range fn.AnonFuncs {
		if anon.Synthetic != "range-over-func yield" {
			continue
		}
		n++
		if anon == body {
			return n, true
		}
		var found bool
		if n, found = rangeBodyNumber(anon, body, n); found {
			return n, true
		}
	}
	return n, false
}

// gcName spells fn's name as gc does in tracebacks and FuncForPC.
func gcName(fn *ssa.Function) string {
	if parent := fn.Parent(); parent != nil {
		// Closures are numbered within their enclosing function; the
		// bodies of range-over-func loops are numbered separately.
		n, rng := 0, 0
		for _, anon := range parent.AnonFuncs {
			if anon.Synthetic == "range-over-func yield" {
				rng++
			} else {
				n++
			}
			if anon == fn {
				break
			}
		}
		if fn.Synthetic == "range-over-func yield" {
			// gc numbers loop bodies across the whole function that
			// holds the loops, nested ones included, in source order.
			root := parent
			for root.Synthetic == "range-over-func yield" && root.Parent() != nil {
				root = root.Parent()
			}
			k, _ := rangeBodyNumber(root, fn, 0)
			return gcName(root) + "-range" + itoa(k)
		}
		base := gcName(parent)
		if parent.Parent() != nil || strings.Contains(base, "-range") {
			return base + "." + itoa(n)
		}
		return base + ".func" + itoa(n)
	}
	name := fn.Name()
	if i := strings.IndexByte(name, '$'); i >= 0 {
		name = name[:i]
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(name, "init#")); err == nil && strings.HasPrefix(name, "init#") {
		// go/ssa numbers a package's init functions from 1, gc from 0.
		name = "init." + itoa(n-1)
	}
	pkg := ""
	if fn.Pkg != nil {
		pkg = fn.Pkg.Pkg.Path()
	} else if fn.Origin() != nil && fn.Origin().Pkg != nil {
		pkg = fn.Origin().Pkg.Pkg.Path()
	} else if obj := fn.Object(); obj != nil && obj.Pkg() != nil {
		pkg = obj.Pkg().Path()
	}
	recvName := ""
	if recv := fn.Signature.Recv(); recv != nil {
		recvName = recvString(recv.Type())
	} else if obj, ok := fn.Object().(*types.Func); ok && obj.Type().(*types.Signature).Recv() != nil {
		recvName = recvString(obj.Type().(*types.Signature).Recv().Type())
	}
	if len(fn.TypeArgs()) > 0 {
		// go/ssa spells an instance "F[int]"; gc elides the type
		// arguments, and a method's belong to its receiver's type.
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = name[:i]
		}
		if recvName == "" {
			name += "[...]"
		}
	}
	if recvName != "" {
		name = recvName + "." + name
	}
	if strings.HasSuffix(fn.Name(), "$bound") {
		name += "-fm"
	}
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}

func recvString(t types.Type) string {
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		ptr, t = true, p.Elem()
	}
	name := types.TypeString(t, func(*types.Package) string { return "" })
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i] + "[...]"
	}
	if ptr {
		return "(*" + name + ")"
	}
	return name
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// descBuilder adapts package typedesc, which lays out descriptors in
// internal/abi layout, to the compiler's image.
type descBuilder struct {
	c *Compiler
	b *typedesc.Builder
}

func newDescBuilder(c *Compiler) *descBuilder {
	d := &descBuilder{c: c}
	d.b = typedesc.NewBuilder(d, c.lp.SSA)
	return d
}

func (d *descBuilder) typeDesc(t types.Type, bt *bytecode.Type) uintptr { return d.b.Type(t) }
func (d *descBuilder) typeString(t types.Type) string                   { return d.b.String(t) }

// The typedesc.Env methods.
func (d *descBuilder) Alloc(size, align uintptr) uintptr { return d.c.allocRO(size, align) }
func (d *descBuilder) Arena() *arena.Arena               { return d.c.mem }
func (d *descBuilder) TypesBase() uintptr                { return d.c.mem.Lo() + StaticOff }
func (d *descBuilder) TextBase() uintptr                 { return d.c.out.TextBase }
func (d *descBuilder) FuncText(fn *ssa.Function) uintptr { return d.c.declare(fn).Text }
func (d *descBuilder) NativeText(name string) uintptr    { return d.c.nativeFunc(name).Text }

// isNarrow reports whether a load class is narrower than a word, so that
// its values need extending in frame slots.
func isNarrow(cls uint16) bool { return cls != 0 && cls < bytecode.ClassW64 }
