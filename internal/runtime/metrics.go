package runtime

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	hostruntime "runtime"
	"strconv"
	"strings"
	"time"
)

// runtime/metrics: the samples gort can report honestly, from the same
// counters as ReadMemStats. A name the real runtime does not know reads as
// KindBad, as there; one it knows that gort does not keep (histograms, the
// scheduler's and most CPU classes' times, most memory classes) is
// reported unsupported, rather than read as a value it is not.

// Value kinds, as runtime/metrics numbers them.
const (
	metricKindBad = iota
	metricKindUint64
	metricKindFloat64
)

// maxMetricName bounds the names the native reads; the real ones are
// under 100 bytes.
const maxMetricName = 256

// metricSampleSize is runtime/metrics.Sample: the name, then the Value's
// kind, scalar and pointer words.
const metricSampleSize = 40

// metricValue returns the value and kind of the metric name.
func metricValue(vm *vm, name string) (uint64, int) {
	c := &vm.gcController
	h := &vm.mheap
	_, mallocs, allocBytes, frees := heapTotals(vm)
	u := func(v uint64) (uint64, int) { return v, metricKindUint64 }
	switch name {
	case "/gc/cycles/total:gc-cycles":
		return u(c.cycles)
	case "/gc/cycles/forced:gc-cycles":
		return u(uint64(c.numForced))
	case "/gc/cycles/automatic:gc-cycles":
		return u(c.cycles - uint64(c.numForced))
	case "/gc/heap/allocs:bytes":
		return u(allocBytes)
	case "/gc/heap/allocs:objects":
		return u(mallocs)
	case "/gc/heap/frees:bytes":
		return u(c.freedBytes)
	case "/gc/heap/frees:objects":
		return u(frees)
	case "/gc/heap/objects:objects":
		return u(mallocs - frees)
	case "/gc/heap/goal:bytes":
		return u(c.heapGoal)
	case "/gc/heap/live:bytes":
		return u(c.heapMarked)
	case "/gc/gogc:percent":
		return u(uint64(max(c.gcPercent, 0)))
	case "/gc/gomemlimit:bytes":
		return u(uint64(c.memoryLimit))
	case "/gc/stack/starting-size:bytes":
		return u(fixedStack)
	case "/memory/classes/heap/objects:bytes":
		return u(allocBytes - c.freedBytes)
	case "/memory/classes/heap/released:bytes":
		return u(uint64(h.released))
	case "/memory/classes/heap/stacks:bytes":
		return u(uint64(h.stackInuse))
	case "/memory/classes/total:bytes":
		return u(uint64(h.next - h.heapStart))
	case "/sched/goroutines:goroutines":
		return u(uint64(gcount(vm))) // the runtime's own goroutines too, as the real count
	case "/sched/gomaxprocs:threads":
		return u(uint64(vm.procsSetting()))
	case "/gc/scan/heap:bytes":
		return u(c.lastHeapScan)
	case "/gc/scan/stack:bytes":
		return u(c.lastStackScan)
	case "/gc/scan/globals:bytes":
		return u(c.globalsScan)
	case "/gc/scan/total:bytes":
		return u(c.lastHeapScan + c.lastStackScan + c.globalsScan)
	}
	// The collector's CPU time: a pause stops every P, as the real
	// accounting counts it; the worker's share is the real dedicated and
	// fractional time.
	seconds := func(d time.Duration) (uint64, int) { return math.Float64bits(d.Seconds()), metricKindFloat64 }
	pause := time.Duration(c.pauseTotal) * time.Duration(len(vm.allp))
	switch name {
	case "/cpu/classes/gc/pause:cpu-seconds":
		return seconds(pause)
	case "/cpu/classes/gc/mark/assist:cpu-seconds":
		return seconds(c.cumAssistTime)
	case "/cpu/classes/gc/mark/dedicated:cpu-seconds":
		return seconds(c.cumBgTime)
	case "/cpu/classes/gc/mark/idle:cpu-seconds":
		return seconds(c.cumIdleTime)
	case "/cpu/classes/gc/total:cpu-seconds":
		return seconds(pause + c.cumAssistTime + c.cumBgTime + c.cumIdleTime)
	}
	return 0, metricKindBad
}

func init() {
	// runtime_readMetrics(samples unsafe.Pointer, len int, cap int)
	nativeTable["runtime/metrics.runtime_readMetrics"] = func(mp *m, gp *g, fp uintptr) int {
		vm := mp.vm
		p, n := uintptr(vm.ld(fp)), vm.ld(fp+8)
		if n > vm.ld(fp+16) || n > maxAlloc/metricSampleSize {
			return panicErrorString(mp, gp, "runtime/metrics: bad sample slice")
		}
		for i := uintptr(0); i < uintptr(n); i++ {
			s := p + i*metricSampleSize
			str, l := uintptr(vm.ld(s)), uintptr(vm.ld(s+8))
			if l > maxMetricName {
				// No metric has so long a name: a forged length
				// sizes no host copy.
				vm.st(s+16, metricKindBad)
				continue
			}
			name := string(vm.bytesAt(str, l))
			v, kind := metricValue(vm, name)
			if kind == metricKindBad && realMetric(vm, name) {
				flushOutput(vm)
				fmt.Fprintf(vm.stderr, "gort: unsupported: runtime/metrics sample %q at %s\n", name, relPos(posString(vm, gp.fn, gp.pc-1)))
				exitVM(2)
				return stStop
			}
			vm.st(s+16, uint64(kind))
			vm.st(s+24, v)
		}
		return stContinue
	}
}

// realMetric reports whether the real runtime reports the metric name:
// whether $GOROOT/src/runtime/metrics/description.go describes it.
func realMetric(vm *vm, name string) bool {
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = hostruntime.GOROOT()
	}
	path := filepath.Join(goroot, "src", "runtime", "metrics", "description.go")
	want := "Name: " + strconv.Quote(name) + ","
	for _, line := range runtimeSourceLines(vm, "metrics/description.go", path) {
		if strings.Join(strings.Fields(line), " ") == want {
			return true
		}
	}
	return false
}
