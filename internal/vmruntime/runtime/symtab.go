//go:build gort

package runtime

import _ "unsafe" // for go:linkname

// Frames iterates over the frames of a slice of return pcs from Callers.
type Frames struct {
	callers []uintptr // the pcs not yet turned into frames

	// frames holds frames found but not yet returned: Next looks one
	// ahead to answer more. frameStore backs it in the common case.
	frames     []Frame
	frameStore [2]Frame
}

// Frame is the information Frames.Next returns for one frame.
type Frame struct {
	// PC is the frame's program counter: for a frame that calls another,
	// the pc of the call.
	PC uintptr

	// Func is the frame's function, or nil if it is not known.
	Func *Func

	// Function is the function's name as gc spells it (package path
	// qualified), File and Line the source position of PC.
	Function string
	File     string
	Line     int

	startLine int // the line of the function's declaration (runtime/pprof's)

	// Entry is the function's entry address.
	Entry uintptr

	funcInfo funcInfo
}

// funcInfo keeps Frame's real layout: gc's Frame carries the function's
// symbol table record and module here.
type funcInfo struct {
	_func uintptr
	datap uintptr
}

// CallersFrames takes a slice of pcs from Callers and returns a Frames that
// turns them into frames.
func CallersFrames(callers []uintptr) *Frames {
	f := &Frames{callers: callers}
	f.frames = f.frameStore[:0]
	return f
}

// Next returns the next frame and whether there is one more after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.frames) < 2 && len(ci.callers) > 0 {
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		f := FuncForPC(pc)
		if f == nil {
			continue
		}
		entry := f.Entry()
		if pc > entry {
			pc-- // a return pc: the call is the instruction before
		}
		file, line := f.FileLine(pc)
		ci.frames = append(ci.frames, Frame{PC: pc, Func: f, Function: f.Name(),
			File: file, Line: line, startLine: funcStartLine(f), Entry: entry, funcInfo: funcInfo{_func: entry}})
	}
	switch len(ci.frames) {
	case 0:
		return
	case 1:
		frame = ci.frames[0]
		ci.frames = ci.frameStore[:0]
	case 2:
		frame = ci.frames[0]
		ci.frameStore[0] = ci.frames[1]
		ci.frames = ci.frameStore[:1]
	default:
		frame = ci.frames[0]
		ci.frames = ci.frames[1:]
	}
	return frame, len(ci.frames) > 0
}

// runtime_FrameStartLine is runtime/pprof's view of a frame's function's
// first line, which gort does not record: 0, as the real one reports for a
// function it knows no start line of.
//
//go:linkname runtime_FrameStartLine runtime/pprof.runtime_FrameStartLine
func runtime_FrameStartLine(f *Frame) int { return f.startLine }

// runtime_FrameSymbolName is runtime/pprof's view of the name of a frame's
// function symbol: the frame's function, as gort inlines no function into
// another.
//
//go:linkname runtime_FrameSymbolName runtime/pprof.runtime_FrameSymbolName
func runtime_FrameSymbolName(f *Frame) string {
	if f.Func == nil {
		return ""
	}
	return f.Function
}

// Func is a function of the running program. A *Func is its function's
// entry address (see internal/runtime/symtab.go): it has no fields.
type Func struct {
	opaque struct{} // no conversions from other types
}

// FuncForPC returns the function containing pc, or nil (a native).
func FuncForPC(pc uintptr) *Func

// Name returns the function's name; "" for a nil *Func.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcname(f)
}

// Entry returns the function's entry address.
func (f *Func) Entry() uintptr { return funcentry(f) }

// FileLine returns the file and line of pc, which should be a pc of f;
// for one that is not, the line of f's entry.
func (f *Func) FileLine(pc uintptr) (file string, line int) { return funcline(f, pc) }

// Natives that read the pc table. Each checks its *Func: nil faults, as a
// dereference does, and one that is not an entry is a fault.
func funcname(f *Func) string
func funcentry(f *Func) uintptr
func funcStartLine(f *Func) int
func funcline(f *Func, pc uintptr) (file string, line int)
