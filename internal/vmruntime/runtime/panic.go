//go:build gort

package runtime

type stringer interface {
	String() string
}

// fatalpanic prints the panics of the calling goroutine, oldest first, and
// its traceback, then exits with status 2. The runtime pushes a call to it
// when a panic reaches the bottom of the goroutine's stack unrecovered.
func fatalpanic() {
	n := panicCount()
	texts := make([]string, n)
	isText := make([]bool, n)
	preprintpanics(texts, isText)
	for i := n - 1; i >= 0; i-- {
		v, recovered, repanicked, goexit := panicAt(i)
		if i < n-1 {
			_, _, prevRepanicked, prevGoexit := panicAt(i + 1)
			if prevRepanicked {
				continue
			}
			if !prevGoexit {
				print("\t")
			}
		}
		if goexit {
			continue
		}
		print("panic: ")
		if isText[i] {
			printindented(texts[i])
		} else {
			printpanicval(v)
		}
		if recovered && repanicked {
			print(" [recovered, repanicked]")
		} else if recovered {
			print(" [recovered]")
		}
		print("\n")
	}
	printpanicstack()
	exit(2)
}

// preprintpanics converts error and Stringer panic values to text before
// anything is printed, as the real runtime does, so a method that panics
// cannot interleave with the output: such a panic is a fatal error.
func preprintpanics(texts []string, isText []bool) {
	defer func() {
		const text = "panic while printing panic value"
		switch r := recover().(type) {
		case nil:
		case string:
			fatalthrow(text + ": " + r)
		default:
			_, t := efacekind(r)
			fatalthrow(text + ": type " + typestring(t))
		}
	}()
	for i := range texts {
		v, _, _, _ := panicAt(i)
		switch x := v.(type) {
		case error:
			texts[i], isText[i] = x.Error(), true
		case stringer:
			texts[i], isText[i] = x.String(), true
		}
	}
}

// fatalthrow prints "fatal error: " and msg and the goroutine's traceback,
// and exits with status 2 (a native).
func fatalthrow(msg string)

// panicCount and panicAt read the goroutine's panic chain; index 0 is the
// newest panic (natives).
func panicCount() int
func panicAt(i int) (v any, recovered, repanicked, goexit bool)

// printpanicstack prints the blank line, the goroutine header and the
// traceback of the panicking goroutine (a native).
func printpanicstack()

func printpanicval(v any) {
	switch v := v.(type) {
	case nil:
		print("nil")
	case bool:
		print(v)
	case int:
		print(v)
	case int8:
		print(v)
	case int16:
		print(v)
	case int32:
		print(v)
	case int64:
		print(v)
	case uint:
		print(v)
	case uint8:
		print(v)
	case uint16:
		print(v)
	case uint32:
		print(v)
	case uint64:
		print(v)
	case uintptr:
		print(v)
	case float32:
		print(v)
	case float64:
		print(v)
	case complex64:
		print(v)
	case complex128:
		print(v)
	case string:
		printindented(v)
	default:
		printanycustomtype(v)
	}
}

// printanycustomtype prints a value of a named basic type as
// typename(value), and anything else as (typename) address.
func printanycustomtype(v any) {
	kind, t := efacekind(v)
	name := typestring(t)
	switch kind {
	case kindString:
		print(name, `("`)
		printindented(efacestring(v))
		print(`")`)
	case kindBool, kindInt, kindInt8, kindInt16, kindInt32, kindInt64,
		kindUint, kindUint8, kindUint16, kindUint32, kindUint64, kindUintptr,
		kindFloat32, kindFloat64, kindComplex64, kindComplex128:
		print(name, "(")
		printscalar(v)
		print(")")
	default:
		print("(", name, ") ", efacedata(v))
	}
}

// Kinds, numbered as internal/abi numbers them.
const (
	kindBool = 1 + iota
	kindInt
	kindInt8
	kindInt16
	kindInt32
	kindInt64
	kindUint
	kindUint8
	kindUint16
	kindUint32
	kindUint64
	kindUintptr
	kindFloat32
	kindFloat64
	kindComplex64
	kindComplex128
	kindArray
	kindChan
	kindFunc
	kindInterface
	kindMap
	kindPointer
	kindSlice
	kindString
	kindStruct
	kindUnsafePointer
)

// printindented prints s, following every newline with a tab.
func printindented(s string) {
	for {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i == len(s) {
			print(s)
			return
		}
		print(s[:i+1], "\t")
		s = s[i+1:]
	}
}

// Natives that look inside an interface value.
func efacekind(v any) (kind int, typ uintptr)
func efacestring(v any) string
func efacedata(v any) *byte // the data word, printed as an address
func printscalar(v any)
