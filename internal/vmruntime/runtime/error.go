//go:build gort

package runtime

// Error identifies a run-time error: a panic the runtime raises itself.
type Error interface {
	error
	RuntimeError()
}

// errorString is a run-time error whose message is fixed text.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

// The errors math/bits panics with, pulled there by //go:linkname.
var (
	divideError   = error(errorString("integer divide by zero"))
	overflowError = error(errorString("integer overflow"))
)

// plainError is a run-time error printed without the "runtime error: " prefix,
// as the channel errors are.
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// errorAddressString is the error of a fault at an address past the nil
// guard when debug.SetPanicOnFault is on; it carries the address. A nil
// dereference panics with a plain errorString, as under gc.
type errorAddressString struct {
	msg  string
	addr uintptr
}

func (e errorAddressString) RuntimeError() {}

func (e errorAddressString) Error() string { return "runtime error: " + e.msg }

func (e errorAddressString) Addr() uintptr { return e.addr }

// boundsErrorCode says which check failed; the numbering follows
// internal/abi's BoundsErrorCode.
type boundsErrorCode uint8

const (
	boundsIndex boundsErrorCode = iota
	boundsSliceAlen
	boundsSliceAcap
	boundsSliceB
	boundsSlice3Alen
	boundsSlice3Acap
	boundsSlice3B
	boundsSlice3C
	boundsConvert
)

// boundsError is an index or slice expression out of range: x is the
// offending index, y the length, capacity or other bound it was checked
// against.
type boundsError struct {
	x      int64
	y      int
	signed bool
	code   boundsErrorCode
}

func (e boundsError) RuntimeError() {}

// Each format has %x where the index goes and %y where the bound goes; the
// second table is used for a negative index, whose bound is not printed.
var boundsFormats = [...]string{
	boundsIndex:      "index out of range [%x] with length %y",
	boundsSliceAlen:  "slice bounds out of range [:%x] with length %y",
	boundsSliceAcap:  "slice bounds out of range [:%x] with capacity %y",
	boundsSliceB:     "slice bounds out of range [%x:%y]",
	boundsSlice3Alen: "slice bounds out of range [::%x] with length %y",
	boundsSlice3Acap: "slice bounds out of range [::%x] with capacity %y",
	boundsSlice3B:    "slice bounds out of range [:%x:%y]",
	boundsSlice3C:    "slice bounds out of range [%x:%y:]",
	boundsConvert:    "cannot convert slice with length %y to array or pointer to array with length %x",
}

var boundsNegativeFormats = [...]string{
	boundsIndex:      "index out of range [%x]",
	boundsSliceAlen:  "slice bounds out of range [:%x]",
	boundsSliceAcap:  "slice bounds out of range [:%x]",
	boundsSliceB:     "slice bounds out of range [%x:]",
	boundsSlice3Alen: "slice bounds out of range [::%x]",
	boundsSlice3Acap: "slice bounds out of range [::%x]",
	boundsSlice3B:    "slice bounds out of range [:%x:]",
	boundsSlice3C:    "slice bounds out of range [%x::]",
}

func (e boundsError) Error() string {
	format := boundsFormats[e.code]
	if e.signed && e.x < 0 {
		format = boundsNegativeFormats[e.code]
	}
	msg := "runtime error: "
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			msg += format[i : i+1]
			continue
		}
		i++
		if format[i] == 'x' {
			msg += decimal(e.x, e.signed)
		} else {
			msg += decimal(int64(e.y), true)
		}
	}
	return msg
}

// decimal formats v in base 10, as unsigned unless signed is set.
func decimal(v int64, signed bool) string {
	u := uint64(v)
	neg := signed && v < 0
	if neg {
		u = -u
	}
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	s := string(buf[i:])
	if neg {
		s = "-" + s
	}
	return s
}

// TypeAssertionError is a failed type assertion or conversion. The type
// fields are descriptor addresses; 0 means nil.
type TypeAssertionError struct {
	_interface    uintptr
	concrete      uintptr
	asserted      uintptr
	missingMethod string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	inter := "interface"
	if e._interface != 0 {
		inter = typestring(e._interface)
	}
	as := typestring(e.asserted)
	if e.concrete == 0 {
		return "interface conversion: " + inter + " is nil, not " + as
	}
	cs := typestring(e.concrete)
	if e.missingMethod != "" {
		return "interface conversion: " + cs + " is not " + as + ": missing method " + e.missingMethod
	}
	msg := "interface conversion: " + inter + " is " + cs + ", not " + as
	if cs == as {
		if typepkgpath(e.concrete) != typepkgpath(e.asserted) {
			msg += " (types from different packages)"
		} else {
			msg += " (types from different scopes)"
		}
	}
	return msg
}

// typestring and typepkgpath read a type descriptor (natives).
func typestring(t uintptr) string
func typepkgpath(t uintptr) string

// PanicNilError is the value of panic(nil), and what recover returns for it,
// since Go 1.21.
type PanicNilError struct {
	// A zero-length array of pointers to the type itself gives the struct
	// a shape no other type can share by accident.
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string { return "panic called with nil argument" }

func (*PanicNilError) RuntimeError() {}

// unhashableTypeError is raised by a lookup or delete in an empty or nil map
// whose key holds a dynamic type that cannot be hashed: such a map is never
// hashed into, so the key is checked instead. typ is the offending type's
// descriptor address.
type unhashableTypeError struct {
	typ uintptr
}

func (unhashableTypeError) RuntimeError() {}

func (e unhashableTypeError) Error() string {
	return "hash of unhashable type: " + typestring(e.typ)
}
