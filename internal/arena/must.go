package arena

// The Must accessors are for host code that follows a word the program
// wrote (a pointer in a runtime object, a length in a header): an access
// the arena refuses is the program's fault, so they panic with the Fault,
// for the runtime to report as gc reports a wild access. No refused access
// becomes a zero or a skipped store.

func (a *Arena) MustLoad8(p uintptr) uint8 {
	v, ok := a.Load8(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func (a *Arena) MustLoad16(p uintptr) uint16 {
	v, ok := a.Load16(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func (a *Arena) MustLoad32(p uintptr) uint32 {
	v, ok := a.Load32(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func (a *Arena) MustLoad64(p uintptr) uint64 {
	v, ok := a.Load64(p)
	if !ok {
		panic(Fault{p})
	}
	return v
}

func (a *Arena) MustStore8(p uintptr, v uint8) {
	if !a.Store8(p, v) {
		panic(Fault{p})
	}
}

func (a *Arena) MustStore16(p uintptr, v uint16) {
	if !a.Store16(p, v) {
		panic(Fault{p})
	}
}

func (a *Arena) MustStore32(p uintptr, v uint32) {
	if !a.Store32(p, v) {
		panic(Fault{p})
	}
}

func (a *Arena) MustStore64(p uintptr, v uint64) {
	if !a.Store64(p, v) {
		panic(Fault{p})
	}
}

// MustBytes is Bytes for a range the program named.
func (a *Arena) MustBytes(p, n uintptr) []byte {
	b, ok := a.Bytes(p, n)
	if !ok {
		panic(Fault{p})
	}
	return b
}

// MustWriteString is WriteString to an address the program named.
func (a *Arena) MustWriteString(p uintptr, s string) {
	if !a.WriteString(p, s) {
		panic(Fault{p})
	}
}

// MustWriteWords is WriteWords to an address the program named.
func (a *Arena) MustWriteWords(p uintptr, w []uint64) {
	if !a.WriteWords(p, w) {
		panic(Fault{p})
	}
}
