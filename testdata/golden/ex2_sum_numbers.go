// Reads numbers with fmt.Scan until EOF, reporting bad tokens, then prints
// count, sum, mean, min and max.
package main

import (
	"fmt"
	"io"
	"math"
)

func main() {
	var nums []float64
	bad := 0
	for {
		var x float64
		_, err := fmt.Scan(&x)
		if err == io.EOF {
			break
		}
		if err != nil {
			bad++
			var skip string
			fmt.Scan(&skip)
			fmt.Printf("skipping %q: %v\n", skip, err)
			continue
		}
		nums = append(nums, x)
	}
	sum, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for _, x := range nums {
		sum += x
		lo = min(lo, x)
		hi = max(hi, x)
	}
	fmt.Printf("n=%d bad=%d sum=%g mean=%.4f min=%v max=%v\n", len(nums), bad, sum, sum/float64(len(nums)), lo, hi)
}
