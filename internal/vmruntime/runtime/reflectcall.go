//go:build gort

package runtime

import "unsafe"

// reflectcall is reflect's call (`//go:linkname call runtime.reflectcall`):
// it calls the closure fn with a copy of the stackArgsSize-byte argument
// block at stackArgs and, when fn returns, copies the results, from
// stackRetOffset on, back into the block. gort's calls are ABI0, so the
// block is the start of fn's frame as it is, and regArgs holds nothing;
// frameSize adds no spill area. The two natives push fn's frame above this
// one and read it back after fn returns (internal/runtime/reflectcall.go).
// gc marks reflectcall a wrapper, and so does gort: recover and
// tracebacks look through it.
//
//go:linkname reflectcall runtime.reflectcall
func reflectcall(stackArgsType unsafe.Pointer, fn, stackArgs unsafe.Pointer, stackArgsSize, stackRetOffset, frameSize uint32, regArgs unsafe.Pointer) {
	reflectcallPush(fn, stackArgs, stackArgsSize)
	reflectcallRet(stackArgs, stackArgsSize, stackRetOffset)
}

// reflectcallPush calls fn with a copy of the block, returning here.
func reflectcallPush(fn, stackArgs unsafe.Pointer, stackArgsSize uint32)

// reflectcallRet copies the results of the call just made into the block.
func reflectcallRet(stackArgs unsafe.Pointer, stackArgsSize, stackRetOffset uint32)
