// Rosetta-style grids: matrix multiplication and transpose, an ASCII
// Mandelbrot set, Conway's Game of Life (a glider and a blinker over a few
// generations on a torus), Pascal's triangle, and a spiral matrix.
package main

import (
	"fmt"
	"strings"
)

type matrix [][]float64

func mul(a, b matrix) matrix {
	out := make(matrix, len(a))
	for i := range a {
		out[i] = make([]float64, len(b[0]))
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out
}

func transpose(m matrix) matrix {
	t := make(matrix, len(m[0]))
	for j := range t {
		t[j] = make([]float64, len(m))
		for i := range m {
			t[j][i] = m[i][j]
		}
	}
	return t
}

type grid [][]bool

func (g grid) step() grid {
	h, w := len(g), len(g[0])
	next := make(grid, h)
	for y := range next {
		next[y] = make([]bool, w)
		for x := range next[y] {
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if (dy != 0 || dx != 0) && g[(y+dy+h)%h][(x+dx+w)%w] {
						n++
					}
				}
			}
			next[y][x] = n == 3 || n == 2 && g[y][x]
		}
	}
	return next
}

func (g grid) String() string {
	var b strings.Builder
	for _, row := range g {
		for _, c := range row {
			if c {
				b.WriteByte('#')
			} else {
				b.WriteByte('.')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	a := matrix{{1, 2, 3}, {4, 5, 6}}
	b := matrix{{7, 8}, {9, 10}, {11, 12}}
	fmt.Println(mul(a, b), transpose(a), mul(b, a))
	id := matrix{{1, 0}, {0, 1}}
	rot := matrix{{0, -1}, {1, 0}}
	r := id
	for range 4 {
		r = mul(r, rot)
	}
	fmt.Println(r)

	const w, h = 60, 20
	chars := " .:-=+*#%@"
	for y := 0; y < h; y++ {
		var line strings.Builder
		for x := 0; x < w; x++ {
			cr := -2.2 + 3.2*float64(x)/w
			ci := -1.2 + 2.4*float64(y)/h
			zr, zi := 0.0, 0.0
			i := 0
			for ; i < 50 && zr*zr+zi*zi <= 4; i++ {
				zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
			}
			line.WriteByte(chars[i*(len(chars)-1)/50])
		}
		fmt.Println(strings.TrimRight(line.String(), " "))
	}

	g := make(grid, 8)
	for i := range g {
		g[i] = make([]bool, 10)
	}
	for _, p := range [][2]int{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}, {5, 6}, {5, 7}, {5, 8}} {
		g[p[0]][p[1]] = true
	}
	for gen := 0; gen <= 4; gen++ {
		alive := 0
		for _, row := range g {
			for _, c := range row {
				if c {
					alive++
				}
			}
		}
		fmt.Printf("generation %d (%d alive)\n%v", gen, alive, g)
		g = g.step()
	}

	row := []int{1}
	for n := 0; n < 10; n++ {
		fmt.Printf("%*s%v\n", 2*(9-n), "", strings.Trim(fmt.Sprint(row), "[]"))
		next := make([]int, len(row)+1)
		next[0], next[len(row)] = 1, 1
		for i := 1; i < len(row); i++ {
			next[i] = row[i-1] + row[i]
		}
		row = next
	}

	n := 5
	sp := make([][]int, n)
	for i := range sp {
		sp[i] = make([]int, n)
	}
	top, bottom, left, right, v := 0, n-1, 0, n-1, 0
	for top <= bottom && left <= right {
		for x := left; x <= right; x++ {
			sp[top][x] = v
			v++
		}
		top++
		for y := top; y <= bottom; y++ {
			sp[y][right] = v
			v++
		}
		right--
		for x := right; x >= left && top <= bottom; x-- {
			sp[bottom][x] = v
			v++
		}
		bottom--
		for y := bottom; y >= top && left <= right; y-- {
			sp[y][left] = v
			v++
		}
		left++
	}
	for _, row := range sp {
		for _, c := range row {
			fmt.Printf("%3d", c)
		}
		fmt.Println()
	}
}
