// Append's capacities, which follow the real allocator's size classes: a
// pointerful backing array larger than 512 bytes is sized as if it had gc's
// 8-byte malloc header in front of it. The loop also keeps a cap value live
// from the condition into the next iteration, across a call.
package main

import "fmt"

var (
	ptrs  []*int
	ints  []int
	strs  []string
	bytes []byte
)

func main() {
	x := new(int)
	last := -1
	for i := 0; i < 3000; i++ {
		ptrs = append(ptrs, x)
		if cap(ptrs) != last {
			last = cap(ptrs)
			fmt.Print(last, " ")
		}
	}
	fmt.Println()
	last = -1
	for i := 0; i < 3000; i++ {
		ints = append(ints, i)
		if cap(ints) != last {
			last = cap(ints)
			fmt.Print(last, " ")
		}
	}
	fmt.Println()
	last = -1
	for i := 0; i < 1500; i++ {
		strs = append(strs, "s")
		if cap(strs) != last {
			last = cap(strs)
			fmt.Print(last, " ")
		}
	}
	fmt.Println()
	last = -1
	for i := 0; i < 20000; i++ {
		bytes = append(bytes, 'b')
		if cap(bytes) != last {
			last = cap(bytes)
			fmt.Print(last, " ")
		}
	}
	fmt.Println()
}
