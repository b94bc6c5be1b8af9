package main

import "fmt"

type Grid struct {
	cells [][]int
}

func (g *Grid) At(r, c int) int { return g.cells[r][c] }

func main() {
	g := &Grid{cells: [][]int{{1, 2}, {3, 4}}}
	sum := 0
	for r := 0; r < 2; r++ {
		for c := 0; c <= 2; c++ {
			sum += g.At(r, c)
			fmt.Println("sum", sum)
		}
	}
}
