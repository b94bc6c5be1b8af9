package bytecode

// Kind numbers types as internal/abi does.
type Kind uint8

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	FuncKind
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Type is the host-side view of a type that the runtime's slow paths need
// (equality, hashing, printing, allocation). Desc is the type's descriptor in
// the arena, in internal/abi layout: the two describe the same type, and Desc
// is what VM memory holds.
type Type struct {
	Index      int32
	Desc       uintptr
	String     string
	Kind       Kind
	Size       uintptr
	Align      uintptr
	HasPtrs    bool
	Comparable bool
	// RegularMemory: equality and hashing may treat the value as plain
	// bytes (no floats, strings, interfaces or padding).
	RegularMemory bool
	Elem          *Type // pointer, slice, array, chan, map
	Key           *Type // map
	Len           int64 // array
	Fields        []Field
	ChanDir       int // 1 recv, 2 send, 3 both
	// Interface: method names (types.Id spelling) in the order of the
	// descriptor's method list, which is the order of an itab's code
	// pointers: exported names first, then by name and package.
	IMethods []string
	// Load class for scalars (0 for aggregates).
	Class uint16
	// DirectIface: the value itself is an interface's data word.
	DirectIface bool
	// Methods is the interface-callable method set sorted by name (for a
	// non-direct type, the methods of *T, since the data word points at a
	// boxed T).
	Methods []Method
	PkgPath string
}

// Field is one field of a struct type.
type Field struct {
	Name   string
	Type   *Type
	Offset uintptr
}

// Method is one entry of a concrete type's interface-callable method set:
// the methods an itab for that type can point at.
type Method struct {
	Name string // types.Id spelling: unexported names are qualified by package path
	Func int32  // index in Program.Funcs
}
