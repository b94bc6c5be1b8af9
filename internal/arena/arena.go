// Package arena owns the one flat region of memory that holds everything a Go
// program running under gort can see: globals, static data, type descriptors,
// the text region of code pointers, goroutine stacks and the heap.
//
// The arena is untrusted input. A program that uses unsafe, or that races,
// can write any word of it, so this package is the only place where a VM
// address becomes a host pointer, and it does so only after checking the
// whole width of the access against the arena's bounds. It never stores a
// host pointer into the arena and never casts an arena address to a pointer
// to a host struct: callers read and write words, bytes and byte ranges.
//
// A VM pointer is a host virtual address inside the arena. Each VM of a
// process has an Arena of its own, in one of Slots fixed slots starting at
// Base, chosen to stay clear of the hints the host Go heap uses, so %p
// output and pointer-keyed iteration are stable from run to run. Every
// accessor is a method of the Arena and checks against that arena's bounds
// alone, so no VM reaches another's memory.
//
// The bottom of an arena, [Lo(), ReadOnlyEnd()), holds the program image's
// read-only data (the text region, type descriptors, names, GC masks, static
// itabs, string constants), as gc's text and rodata segments do. Loads are
// allowed anywhere in the arena; once SetReadOnly has set the bound, every
// store accessor refuses a write that touches the read-only part, and the
// refusal's Fault says so (SegvAccErr), as a write to a read-only page does
// on linux.
package arena

import (
	"errors"
	"fmt"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

const (
	// Base is the fixed address of slot 0's arena. The host Go heap on
	// linux/amd64 hints at addresses of the form k<<40 | 0xc0<<32; Base is
	// 0x30<<40, which no hint reaches while Size stays below 768 GiB.
	Base uintptr = 0x3000_0000_0000

	// Size is the reservation. Pages are only backed when touched.
	Size uintptr = 64 << 30

	// NilGuard is the size of the unmapped page at address zero: an access
	// below it is a nil pointer dereference, as on a real linux/amd64 Go
	// binary.
	NilGuard uintptr = 4096
)

// Slots is the number of arenas a process can hold at once: slot i lies at
// Base + i<<40, a terabyte apart, so slot 15 ends below 0x4000_0000_0000 and
// every slot stays clear of the host heap's hints (k<<40 | 0xc0<<32, 768 GiB
// above each slot's start).
const Slots = 16

// An Arena is one VM's memory: a reservation of Size bytes at a fixed
// address. Each VM of a process runs over its own Arena, and an address
// outside it, another VM's arena included, is refused as unmapped memory.
type Arena struct {
	lo   uintptr        // the low address: Base + slot<<40
	mem  []byte         // the mapping, kept so the host GC never sees it as garbage
	base unsafe.Pointer // &mem[0]; every host pointer into the arena is formed from it

	// roEnd is the read-only bound: [lo, roEnd) may be loaded but not
	// stored to, and rwSize = lo+used-roEnd is the size of the writable
	// rest, kept beside it so that Writable costs the store accessors no
	// more inlining budget than Valid. They are lo and Size (nothing
	// read-only) while the image is being written, and SetReadOnly sets
	// them together once, before the program runs and any M starts, so
	// the Ms read roEnd without synchronisation.
	roEnd  uintptr
	rwSize uintptr

	// used is the size of the part of the reservation a VM has handed out,
	// [lo, lo+used): its image and its heap up to the heap's top. A gc
	// process has nothing mapped past its heap, so an access past used is
	// refused as one of unmapped memory is, though the reservation goes on:
	// a forged pointer or length into the untouched rest faults, where it
	// would otherwise read gigabytes of zeros. It is Size while no program
	// runs (a loader writes anywhere), and SetInUse moves it as the heap
	// grows.
	//
	// rwSize and used are plain words, not atomics: one M runs a VM, and
	// an atomic load is a memory operation the compiler cannot combine
	// with the loads around it, which cost channel operations 7% of their
	// instructions (cachegrind, bench/pingpong). When a VM runs on several
	// Ms, the heap grows them under its lock while other Ms read them, and
	// they must become atomics or be published before the new memory is.
	used uintptr
}

// ErrTaken reports that something in this process already maps part of the
// arena's range. Go 1.26 randomises the host heap's base address, so once
// in a few hundred runs the host heap lands there; the caller starts the
// process again, which draws a new heap base.
var ErrTaken = errors.New("gort: the arena's address range is taken by the host process")

// Map reserves the arena of the given slot, at Base + slot<<40. It fails
// with ErrTaken if something in the process (the host heap, or an Arena
// already mapped there) holds part of the range.
func Map(slot int) (*Arena, error) {
	if slot < 0 || slot >= Slots {
		return nil, fmt.Errorf("gort: arena slot %d is not in [0, %d)", slot, Slots)
	}
	lo := Base + uintptr(slot)<<40
	got, _, errno := unix.Syscall6(unix.SYS_MMAP, lo, Size,
		unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE|unix.MAP_FIXED_NOREPLACE,
		^uintptr(0), 0)
	if errno == unix.EEXIST {
		return nil, ErrTaken
	}
	if errno != 0 {
		return nil, fmt.Errorf("gort: cannot reserve the arena at %#x (%d GiB): %v", lo, Size>>30, errno)
	}
	if got != lo {
		unix.Syscall(unix.SYS_MUNMAP, got, Size, 0)
		return nil, fmt.Errorf("gort: the arena address %#x is taken (the kernel offered %#x)", lo, got)
	}
	// The mapping is not Go heap memory, so the host GC ignores pointers
	// into it; reinterpreting the address word is the one place a
	// uintptr becomes a pointer.
	b := *(*unsafe.Pointer)(unsafe.Pointer(&got))
	a := &Arena{lo: lo, base: b, mem: unsafe.Slice((*byte)(b), Size), roEnd: lo}
	a.used = Size
	a.rwSize = Size
	return a, nil
}

// Lo returns the arena's low address, where the program image begins.
func (a *Arena) Lo() uintptr { return a.lo }

// Reset returns the whole arena to the state Map left it in, every byte
// zero and nothing read-only, so that the next VM over it starts on fresh
// memory, as a new process would: the kernel drops the pages, and a page
// touched again reads as zeros. The caller makes sure no VM still runs over
// the arena.
func (a *Arena) Reset() error {
	if _, _, errno := unix.Syscall(unix.SYS_MADVISE, a.lo, Size, unix.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("gort: cannot reset the arena: %v", errno)
	}
	a.SetReadOnly(a.lo)
	a.SetInUse(a.lo + Size)
	return nil
}

// Release returns the physical pages of [p, p+n) to the kernel
// (madvise(MADV_DONTNEED)), the scavenger's sysUnused: the range stays
// reserved and in use, and reads as zeros when touched again. p and n must
// be page-aligned and the range must lie in the arena's writable part; it
// reports whether the kernel released it.
func (a *Arena) Release(p, n uintptr) bool {
	if p%4096 != 0 || n%4096 != 0 || !a.Writable(p, n) {
		return false
	}
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, p, n, unix.MADV_DONTNEED)
	return errno == 0
}

// SetReadOnly makes [Lo(), bound) read-only: from now on the store accessors
// refuse any write that touches it. The loader calls it once the image is
// written, before the program runs; bound must lie in the arena and be
// page-aligned, as a segment boundary is. SetReadOnly(Lo()) makes the whole
// arena writable again (tests use it).
func (a *Arena) SetReadOnly(bound uintptr) {
	if bound < a.lo || bound-a.lo > Size || bound%4096 != 0 {
		panic(fmt.Sprintf("arena: read-only bound %#x is not a page boundary inside the arena", bound))
	}
	a.roEnd = bound
	a.rwSize = a.lo + a.used - bound
}

// SetInUse makes [Lo(), end) the part of the arena in use: an access past
// it is refused. The runtime sets it to the heap's top before the program
// runs and raises it whenever the heap grows, before it hands out the new
// memory; end must be a page boundary above the read-only bound.
func (a *Arena) SetInUse(end uintptr) {
	if end < a.roEnd || end-a.lo > Size || end%4096 != 0 {
		panic(fmt.Sprintf("arena: in-use bound %#x is not a page boundary in the arena's writable part", end))
	}
	a.used = end - a.lo
	a.rwSize = end - a.roEnd
}

// ReadOnlyEnd returns the read-only bound: the first address above the
// read-only data, or Lo() if nothing is read-only.
func (a *Arena) ReadOnlyEnd() uintptr { return a.roEnd }

// ReadOnly reports whether p is in the read-only part of the arena.
func (a *Arena) ReadOnly(p uintptr) bool { return p-a.lo < a.roEnd-a.lo }

// The si_code values linux gives a SIGSEGV, which gc prints as code=.
const (
	SegvMapErr = 1 // no mapping at the address
	SegvAccErr = 2 // mapped, but the access is not permitted: a write to read-only data
)

// Fault describes an access the arena refused: a nil dereference when Addr is
// below NilGuard, a write to read-only data when Addr is below the read-only
// bound, otherwise an address outside the arena.
type Fault struct {
	Addr uintptr
}

func (f Fault) Nil() bool { return f.Addr < NilGuard }

// Code is the SIGSEGV code gc would report for f, a fault of a VM over a:
// SegvAccErr for an address in a's read-only data (only a write, or a jump,
// faults there), SegvMapErr for one outside the arena.
func (a *Arena) Code(f Fault) int {
	if a.ReadOnly(f.Addr) {
		return SegvAccErr
	}
	return SegvMapErr
}

func (f Fault) Error() string {
	if f.Nil() {
		return "invalid memory address or nil pointer dereference"
	}
	return fmt.Sprintf("unexpected fault address %#x", f.Addr)
}

// Valid reports whether [p, p+n) lies inside the arena. It is written so that
// neither p nor n can wrap around.
func (a *Arena) Valid(p, n uintptr) bool {
	off, size := p-a.lo, a.used
	return off < size && n <= size-off
}

// Writable reports whether [p, p+n) lies inside the arena and above the
// read-only bound, without wrapping. It is Valid over [roEnd, lo+used)
// instead of the whole arena: two loads more.
func (a *Arena) Writable(p, n uintptr) bool {
	off, size := p-a.roEnd, a.rwSize
	return off < size && n <= size-off
}

// Check returns the fault for an access of n bytes at p, or nil.
func (a *Arena) Check(p, n uintptr) error {
	if a.Valid(p, n) {
		return nil
	}
	return Fault{p}
}

// ptr forms the host pointer for a checked address. The mapping lies at
// its own address (Map), so the host pointer is the address itself; it is
// formed from base so that no uintptr becomes a pointer.
func (a *Arena) ptr(p uintptr) unsafe.Pointer { return unsafe.Add(a.base, p-uintptr(a.base)) }

// Addr is the inverse of Frame: the arena address of a host pointer into
// the arena, which is the host address itself.
func (a *Arena) Addr(p unsafe.Pointer) uintptr { return uintptr(p) }

// Frame returns the host pointer for a stack frame address, which the caller
// reads and writes. The caller (the interpreter) derives frame addresses from
// its own stack bookkeeping, never from VM memory, and checks frame bounds
// when it grows a stack; stacks are never read-only.
func (a *Arena) Frame(p uintptr) unsafe.Pointer {
	if !a.Writable(p, 0) {
		panic(Fault{p})
	}
	return a.ptr(p)
}

// The loads and stores below report ok=false instead of touching memory when
// the access is not entirely inside the arena, and the stores also when it
// touches the read-only data.

func (a *Arena) Load8(p uintptr) (uint8, bool) {
	if !a.Valid(p, 1) {
		return 0, false
	}
	return *(*uint8)(a.ptr(p)), true
}

func (a *Arena) Load16(p uintptr) (uint16, bool) {
	if !a.Valid(p, 2) {
		return 0, false
	}
	return *(*uint16)(a.ptr(p)), true
}

func (a *Arena) Load32(p uintptr) (uint32, bool) {
	if !a.Valid(p, 4) {
		return 0, false
	}
	return *(*uint32)(a.ptr(p)), true
}

func (a *Arena) Load64(p uintptr) (uint64, bool) {
	if !a.Valid(p, 8) {
		return 0, false
	}
	return *(*uint64)(a.ptr(p)), true
}

func (a *Arena) Store8(p uintptr, v uint8) bool {
	if !a.Writable(p, 1) {
		return false
	}
	*(*uint8)(a.ptr(p)) = v
	return true
}

func (a *Arena) Store16(p uintptr, v uint16) bool {
	if !a.Writable(p, 2) {
		return false
	}
	*(*uint16)(a.ptr(p)) = v
	return true
}

func (a *Arena) Store32(p uintptr, v uint32) bool {
	if !a.Writable(p, 4) {
		return false
	}
	*(*uint32)(a.ptr(p)) = v
	return true
}

func (a *Arena) Store64(p uintptr, v uint64) bool {
	if !a.Writable(p, 8) {
		return false
	}
	*(*uint64)(a.ptr(p)) = v
	return true
}

// Bytes returns the arena bytes [p, p+n) as a host slice, for reading. The
// slice aliases VM memory: callers copy out of it, never keep it across a
// safepoint and never write through it (that would pass the read-only bound
// unchecked); WriteBytes and WriteString are the writing forms.
func (a *Arena) Bytes(p, n uintptr) ([]byte, bool) {
	if n == 0 {
		return nil, true
	}
	if !a.Valid(p, n) {
		return nil, false
	}
	return unsafe.Slice((*byte)(a.ptr(p)), n), true
}

// WriteBytes copies b into the arena at [p, p+len(b)).
func (a *Arena) WriteBytes(p uintptr, b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if !a.Writable(p, uintptr(len(b))) {
		return false
	}
	copy(unsafe.Slice((*byte)(a.ptr(p)), len(b)), b)
	return true
}

// WriteWords copies the words w into the arena at the 8-aligned p: a
// runtime object's fields in one checked write.
func (a *Arena) WriteWords(p uintptr, w []uint64) bool {
	if !a.Writable(p, uintptr(len(w))*8) || p&7 != 0 {
		return false
	}
	copy(unsafe.Slice((*uint64)(a.ptr(p)), len(w)), w)
	return true
}

// WriteString copies s into the arena at [p, p+len(s)).
func (a *Arena) WriteString(p uintptr, s string) bool {
	if len(s) == 0 {
		return true
	}
	if !a.Writable(p, uintptr(len(s))) {
		return false
	}
	copy(unsafe.Slice((*byte)(a.ptr(p)), len(s)), s)
	return true
}

// Memmove copies n bytes from src to dst; the ranges may overlap. Word-aligned
// words are copied whole, so a concurrent reader never sees a torn pointer.
func (a *Arena) Memmove(dst, src, n uintptr) bool {
	if n == 0 {
		return true
	}
	if !a.Writable(dst, n) || !a.Valid(src, n) {
		return false
	}
	copy(unsafe.Slice((*byte)(a.ptr(dst)), n), unsafe.Slice((*byte)(a.ptr(src)), n))
	return true
}

// Memclr zeroes n bytes at p.
func (a *Arena) Memclr(p, n uintptr) bool {
	if n == 0 {
		return true
	}
	if !a.Writable(p, n) {
		return false
	}
	clear(unsafe.Slice((*byte)(a.ptr(p)), n))
	return true
}

// Cas64, Xadd64, Xchg64, LoadAtomic64 and StoreAtomic64 are VM atomics: host
// atomics on arena addresses, which on amd64 give gc's memory model. The
// address must be 8-aligned, as on a real amd64 Go binary. Every one but the
// loads writes, so it refuses the read-only data, even a Cas that would not
// swap (a locked cmpxchg faults on a read-only page whatever it compares).
func (a *Arena) Cas64(p uintptr, old, new uint64) (swapped, ok bool) {
	if !a.Writable(p, 8) || p&7 != 0 {
		return false, false
	}
	return atomic.CompareAndSwapUint64((*uint64)(a.ptr(p)), old, new), true
}

func (a *Arena) Cas32(p uintptr, old, new uint32) (swapped, ok bool) {
	if !a.Writable(p, 4) || p&3 != 0 {
		return false, false
	}
	return atomic.CompareAndSwapUint32((*uint32)(a.ptr(p)), old, new), true
}

func (a *Arena) Xadd64(p uintptr, d int64) (uint64, bool) {
	if !a.Writable(p, 8) || p&7 != 0 {
		return 0, false
	}
	return atomic.AddUint64((*uint64)(a.ptr(p)), uint64(d)), true
}

func (a *Arena) Xadd32(p uintptr, d int32) (uint32, bool) {
	if !a.Writable(p, 4) || p&3 != 0 {
		return 0, false
	}
	return atomic.AddUint32((*uint32)(a.ptr(p)), uint32(d)), true
}

func (a *Arena) Xchg64(p uintptr, v uint64) (uint64, bool) {
	if !a.Writable(p, 8) || p&7 != 0 {
		return 0, false
	}
	return atomic.SwapUint64((*uint64)(a.ptr(p)), v), true
}

func (a *Arena) Xchg32(p uintptr, v uint32) (uint32, bool) {
	if !a.Writable(p, 4) || p&3 != 0 {
		return 0, false
	}
	return atomic.SwapUint32((*uint32)(a.ptr(p)), v), true
}

func (a *Arena) LoadAtomic64(p uintptr) (uint64, bool) {
	if !a.Valid(p, 8) || p&7 != 0 {
		return 0, false
	}
	return atomic.LoadUint64((*uint64)(a.ptr(p))), true
}

func (a *Arena) LoadAtomic32(p uintptr) (uint32, bool) {
	if !a.Valid(p, 4) || p&3 != 0 {
		return 0, false
	}
	return atomic.LoadUint32((*uint32)(a.ptr(p))), true
}

func (a *Arena) StoreAtomic64(p uintptr, v uint64) bool {
	if !a.Writable(p, 8) || p&7 != 0 {
		return false
	}
	atomic.StoreUint64((*uint64)(a.ptr(p)), v)
	return true
}

func (a *Arena) StoreAtomic32(p uintptr, v uint32) bool {
	if !a.Writable(p, 4) || p&3 != 0 {
		return false
	}
	atomic.StoreUint32((*uint32)(a.ptr(p)), v)
	return true
}
