package arena

// The Must accessors are for host code that follows a word the program
// wrote (a pointer in a runtime object, a length in a header): an access
// the arena refuses is the program's fault, so they panic with the Fault,
// for the runtime to report as gc reports a wild access. No refused access
// becomes a zero or a skipped store.

func MustLoad8(p uintptr) uint8 {
	v, ok := Load8(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func MustLoad16(p uintptr) uint16 {
	v, ok := Load16(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func MustLoad32(p uintptr) uint32 {
	v, ok := Load32(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func MustLoad64(p uintptr) uint64 {
	v, ok := Load64(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func MustStore8(p uintptr, v uint8) {
	if !Store8(p, v) {
		panic(Fault{p})
	}
}

func MustStore16(p uintptr, v uint16) {
	if !Store16(p, v) {
		panic(Fault{p})
	}
}

func MustStore64(p uintptr, v uint64) {
	if !Store64(p, v) {
		panic(Fault{p})
	}
}

// MustBytes is Bytes for a range the program named.
func MustBytes(p, n uintptr) []byte {
	b, ok := Bytes(p, n)
	if !ok {
		panic(Fault{p})
	}
	return b
}

// MustWriteString is WriteString to an address the program named.
func MustWriteString(p uintptr, s string) {
	if !WriteString(p, s) {
		panic(Fault{p})
	}
}
