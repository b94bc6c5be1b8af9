package runtime_test

import (
	"go/ast"
	"go/token"
	"slices"
	"testing"
)

// rawStoreAllowed is the reviewed list of the places in internal/runtime
// that store a word into the arena without the write-barrier funnel
// (mbarrier.go: writePointer, typedmemmove, typedmemclr), by file and
// function, with why the store needs no barrier. When the concurrent
// collector marks, a store of a pointer into an object it may already
// have scanned, a fresh one included (objects are allocated black), must
// go through the funnel; one of a scalar, of a pointer to what is not in
// the heap (a descriptor, code) or to an object allocated black, or into a
// frame (stacks are scanned once, as the hybrid barrier assumes), need not.
var rawStoreAllowed = map[string]string{
	// Scalars and metadata.
	"chan.go:hchan.setQcount":          "a count",
	"chan.go:hchan.setRecvx":           "an index",
	"chan.go:hchan.setSendx":           "an index",
	"coro.go:init":                     "a goroutine word (index and generation), not a pointer",
	"interp.go:execute":                "STORE of a non-pointer class; ClassPtr goes through writePointer",
	"malloc.go:mcache.writeHeapBits":   "the span's heap bits: metadata",
	"maps/mem.go:store64":              "the tables' control, header and iterator words; keys and elements go through the Env funnel",
	"metrics.go:init":                  "metric values into the program's samples",
	"mgc.go:init":                      "GC statistics into the program's buffer",
	"mgcsweep.go:poison":               "freed memory",
	"mprof.go:nativeMemProfile":        "counts and program counters into the program's records",
	"netpoll.go:pollWait":              "the poll result code into the caller's frame",
	"syscall_net.go:m.recvmsg":         "msghdr's control length, a byte count the kernel returned",
	"mprof.go:nativePprofMemProfile":   "counts into the program's records, pcs into fresh stacks (whose pointers go through writePointer)",
	"mstats.go:nativeReadmemstats":     "statistics into the program's buffer",
	"reflectchan.go:reflectSelectDone": "the chosen index",
	"slice.go:strNext":                 "a string iterator's index",
	"symtab.go:nativeCallers":          "program counters",
	"timers.go:init":                   "a fresh Timer's handle",
	"vmmem.go:vm.st":                   "the accessor itself",

	// Fresh objects, before anything points at them.
	"chan.go:makechan":           "the fresh hchan",
	"iface.go:getitab":           "the fresh itab",
	"iface.go:panicAssert":       "the fresh TypeAssertionError",
	"map.go:emptyMapKeyCheck":    "the fresh error value",
	"mfinal.go:deliverFinalizer": "the fresh argument block, and the native's results: what they hold was in finq, shaded when the cycle began",
	"panic.go:deferproc":         "the fresh defer record's scalars; its link and closure go through writePointer",
	"panic.go:errorStringValue":  "the fresh boxed error",
	"panic.go:panicBounds":       "the fresh boundsError",
	"proc.go:mainArgs":           "the fresh init-task array",
	"rt.go:rtop":                 "a fresh closure's code word, a fresh string iterator's index",
	"timers.go:fireTimer":        "the fresh argument block, copied at once onto the new goroutine's stack, which mark termination scans",
	"typeview.go:init":           "the fresh typelinks objects",
	"weak.go:init":               "the fresh weak handle",

	// Frames, which the collector scans whole at a safepoint.
	"natives.go:putString":             "a string's words into a native's result slot",
	"proc.go:newproc1":                 "the new goroutine's call header",
	"reflecthooks.go:init":             "results of reflect's hooks in the native's frame",
	"reflecthooks.go:reflectMapaccess": "the element's address into the native's result slot",
	"stack.go:adjustArgs":              "a frame's arguments, fixed after a stack move",

	// Runtime records that host roots (roots.go) hold while they are in
	// use: a sudog is listed by its goroutine's waiter records, with its
	// channel and element, from before it is queued until it is done, and
	// those roots are shaded when a cycle begins and again at mark
	// termination, so the links between them need no barrier.
	"chan.go:hchan.dequeue":      "wait-queue links between sudogs the waiters' roots hold",
	"chan.go:sudog.init":         "a sudog's words, each also held by its waiter record",
	"chan.go:sudog.setNext":      "wait-queue link between sudogs the waiters' roots hold",
	"chan.go:sudog.setPrev":      "wait-queue link between sudogs the waiters' roots hold",
	"chan.go:sudog.setWaitlink":  "select's wait list, of sudogs the waiters' roots hold",
	"chan.go:waitq.setFirst":     "wait-queue link to a sudog the waiters' roots hold",
	"chan.go:waitq.setLast":      "wait-queue link to a sudog the waiters' roots hold",
	"mfinal.go:clearWeakHandles": "a dead object's weak handle cleared at mark termination",
	"stdatomic.go:atomicOp.store": "an atomic's result into the native's frame; the pointer " +
		"forms' stores run writeBarrierPre first",
}

// TestRawStoresAllowed lists every raw arena store of a word in
// internal/runtime (the arena's Store64, MustStore64, WriteWords,
// MustWriteWords and the vm.st accessor) that is not into a native's own
// frame (an address computed from fp, nfp, cfp or argp) against
// rawStoreAllowed: a new one fails until it is reviewed and listed.
func TestRawStoresAllowed(t *testing.T) {
	stores := []string{"st", "Store64", "MustStore64", "WriteWords", "MustWriteWords"}
	frames := []string{"fp", "nfp", "cfp", "argp"}
	found := map[string]int{}
	for name, f := range runtimeSources(t, token.NewFileSet()) {
		if name == "mbarrier.go" {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				recv := fd.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok {
					fn = id.Name + "." + fn
				}
			}
			key := name + ":" + fn
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || !slices.Contains(stores, sel.Sel.Name) {
					return true
				}
				if slices.Contains(frames, rootIdent(call.Args[0])) {
					return true
				}
				found[key]++
				return true
			})
		}
	}
	for key := range found {
		if _, ok := rawStoreAllowed[key]; !ok {
			t.Errorf("%s stores raw words into the arena (%d calls): route pointer stores through writePointer, typedmemmove or typedmemclr, or review the store and add it to rawStoreAllowed", key, found[key])
		}
	}
	for key := range rawStoreAllowed {
		if found[key] == 0 {
			t.Errorf("rawStoreAllowed lists %s, which stores nothing raw any more: drop it", key)
		}
	}
}

// rootIdent returns the identifier an address expression starts from:
// fp in fp+off, x in uintptr(x)+8.
func rootIdent(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x.Name
		case *ast.BinaryExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.CallExpr:
			if len(x.Args) != 1 {
				return ""
			}
			e = x.Args[0]
		default:
			return ""
		}
	}
}
