package runtime

import (
	"os"
	"strconv"
	"unsafe"

	"gort/internal/bytecode"
)

// print and println write to standard error exactly as the runtime's print
// functions do. Output is gathered per statement and written with one
// write, as the real runtime's printlock section does.

func printstr(vm *vm, s string) { vm.printBuf = append(vm.printBuf, s...) }

func flushOutput(vm *vm) {
	if len(vm.printBuf) > 0 {
		vm.stderr.Write(vm.printBuf)
		vm.printBuf = vm.printBuf[:0]
	}
}

func hex(v uint64) string { return "0x" + strconv.FormatUint(v, 16) }

// printOp: Aux is n, newline flag, then (slot, type) pairs.
func printOp(vm *vm, fpp unsafe.Pointer, a []int32) {
	if vm.exited {
		return // an M that has not yet stopped after the program's end
	}
	n, ln := int(a[0]), a[1] == 1
	for i := 0; i < n; i++ {
		if ln && i > 0 {
			vm.printBuf = append(vm.printBuf, ' ')
		}
		printValue(vm, fpp, a[2+2*i], vm.prog.Types[a[3+2*i]])
	}
	if ln {
		vm.printBuf = append(vm.printBuf, '\n')
	}
	flushOutput(vm)
}

func printValue(vm *vm, fpp unsafe.Pointer, off int32, t *bytecode.Type) {
	v := *slot(fpp, off)
	b := vm.printBuf
	switch t.Kind {
	case bytecode.Bool:
		if v != 0 {
			b = append(b, "true"...)
		} else {
			b = append(b, "false"...)
		}
	case bytecode.Int, bytecode.Int8, bytecode.Int16, bytecode.Int32, bytecode.Int64:
		b = strconv.AppendInt(b, int64(v), 10)
	case bytecode.Uint, bytecode.Uint8, bytecode.Uint16, bytecode.Uint32, bytecode.Uint64, bytecode.Uintptr:
		b = strconv.AppendUint(b, v, 10)
	case bytecode.UnsafePointer, bytecode.Pointer, bytecode.Chan, bytecode.Map, bytecode.FuncKind:
		b = append(b, "0x"...)
		b = strconv.AppendUint(b, v, 16)
	case bytecode.Float32:
		b = strconv.AppendFloat(b, float64(f32(v)), 'g', -1, 32)
	case bytecode.Float64:
		b = strconv.AppendFloat(b, f64(v), 'g', -1, 64)
	case bytecode.Complex64:
		b = append(b, strconv.FormatComplex(complex(float64(f32(v)), float64(f32(v>>32))), 'g', -1, 64)...)
	case bytecode.Complex128:
		b = append(b, strconv.FormatComplex(complex(f64(v), f64(*slot(fpp, off+8))), 'g', -1, 128)...)
	case bytecode.String:
		p, n := *slot(fpp, off), *slot(fpp, off+8)
		s := vm.bytesAt(uintptr(p), uintptr(n))
		if len(s) > 1<<16 {
			// A long string goes out from VM memory as it is, not
			// through a host buffer that its length would size.
			vm.printBuf = b
			flushOutput(vm)
			os.Stderr.Write(s)
			b = vm.printBuf[:0]
			break
		}
		b = append(b, s...)
	case bytecode.Slice:
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(*slot(fpp, off+8)), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(*slot(fpp, off+16)), 10)
		b = append(b, "]0x"...)
		b = strconv.AppendUint(b, v, 16)
	case bytecode.Interface:
		b = append(b, "(0x"...)
		b = strconv.AppendUint(b, v, 16)
		b = append(b, ",0x"...)
		b = strconv.AppendUint(b, *slot(fpp, off+8), 16)
		b = append(b, ')')
	default:
		b = append(b, "?"...)
	}
	vm.printBuf = b
}
