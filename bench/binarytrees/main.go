// Binarytrees measures allocation and GC: the benchmarks-game binary-trees
// program (single-threaded) with max depth 16. Trees are built bottom-up
// and their nodes counted; the checksum folds together all node counts.
package main

const (
	minDepth = 4
	maxDepth = 16
)

type node struct {
	left, right *node
}

func bottomUp(depth int) *node {
	if depth <= 0 {
		return &node{}
	}
	return &node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	checksum := 0

	stretch := bottomUp(maxDepth + 1)
	checksum += stretch.check()
	stretch = nil

	longLived := bottomUp(maxDepth)

	for depth := minDepth; depth <= maxDepth; depth += 2 {
		iterations := 1 << (maxDepth - depth + minDepth)
		check := 0
		for i := 0; i < iterations; i++ {
			check += bottomUp(depth).check()
		}
		checksum = checksum*31 + check
	}
	checksum = checksum*31 + longLived.check()
	println(checksum)
}
