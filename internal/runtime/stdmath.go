package runtime

import "math"

// math's assembly functions on amd64 (the arch* functions its *_asm.go
// files declare). The host's math package runs the same amd64 routines, so
// these natives give a native program's results bit for bit.

func init() {
	unary := map[string]func(float64) float64{
		"math.archExp":   math.Exp,
		"math.archLog":   math.Log,
		"math.archFloor": math.Floor,
		"math.archCeil":  math.Ceil,
		"math.archTrunc": math.Trunc,
	}
	for name, f := range unary {
		unlockedNatives[name] = true
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+8, math.Float64bits(f(math.Float64frombits(vm.ld(fp)))))
			return stContinue
		}
	}
	binary := map[string]func(float64, float64) float64{
		"math.archMax":   math.Max,
		"math.archMin":   math.Min,
		"math.archHypot": math.Hypot,
	}
	for name, f := range binary {
		unlockedNatives[name] = true
		nativeTable[name] = func(mp *m, gp *g, fp uintptr) int {
			vm := mp.vm
			vm.st(fp+16, math.Float64bits(f(math.Float64frombits(vm.ld(fp)), math.Float64frombits(vm.ld(fp+8)))))
			return stContinue
		}
	}
}
