package runtime

import "gort/internal/arena"

// The write-barrier funnel: every store of a pointer into VM memory goes
// through writePointer, typedmemmove or typedmemclr. Until the concurrent
// collector lands they are plain stores; the collector's hybrid barrier
// goes here and nowhere else.

func writePointer(p, v uintptr) bool { return arena.Store64(p, uint64(v)) }

func typedmemmove(dst, src, n uintptr) bool { return arena.Memmove(dst, src, n) }

func typedmemclr(p, n uintptr) bool { return arena.Memclr(p, n) }
