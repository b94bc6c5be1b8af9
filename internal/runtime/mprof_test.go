package runtime_test

import (
	"math"
	"slices"
	"testing"

	"gort/internal/runtime"
)

// TestNextSample checks the heap profile's sampling distances: rate 0
// never samples, rate 1 (or less) samples every allocation, and any other
// rate draws from an exponential distribution with that mean, the same
// draws for the same seed.
func TestNextSample(t *testing.T) {
	for _, tc := range []struct {
		rate int64
		want int64
	}{{0, math.MaxInt64}, {1, 0}, {-5, 0}} {
		for _, d := range runtime.NextSamples(tc.rate, 1, 10) {
			if d != tc.want {
				t.Errorf("rate %d: a distance of %d, want %d", tc.rate, d, tc.want)
			}
		}
	}
	const n = 200000
	for _, rate := range []int64{16 << 10, 512 << 10, 1 << 40} {
		d := runtime.NextSamples(rate, 7, n)
		if !slices.Equal(d, runtime.NextSamples(rate, 7, n)) {
			t.Errorf("rate %d: two runs of one seed drew differently", rate)
		}
		mean := float64(min(rate, 0x7000000))
		var sum, below float64
		for _, x := range d {
			if x < 1 || float64(x) > 20*mean {
				t.Fatalf("rate %d: a distance of %d, outside [1, 20*mean]", rate, x)
			}
			sum += float64(x)
			if float64(x) < mean {
				below++
			}
		}
		// An exponential distribution's mean is its parameter, and
		// 1-1/e of its mass lies below it.
		if got := sum / n; math.Abs(got-mean) > 0.01*mean {
			t.Errorf("rate %d: mean distance %.0f, want %.0f within 1%%", rate, got, mean)
		}
		if got, want := below/n, 1-1/math.E; math.Abs(got-want) > 0.01 {
			t.Errorf("rate %d: %.3f of the distances below the mean, want %.3f", rate, got, want)
		}
	}
}
