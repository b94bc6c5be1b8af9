// Graph algorithms on small graphs read from stdin: Dijkstra with
// container/heap and path reconstruction, BFS levels, topological sort
// (Kahn), and connected components with union-find.
package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
)

type edge struct {
	to string
	w  int
}

type entry struct {
	node string
	dist int
}

type minHeap []entry

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	if h[i].dist != h[j].dist {
		return h[i].dist < h[j].dist
	}
	return h[i].node < h[j].node
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(entry)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func dijkstra(g map[string][]edge, src string) (map[string]int, map[string]string) {
	dist := map[string]int{src: 0}
	prev := map[string]string{}
	h := &minHeap{{src, 0}}
	for h.Len() > 0 {
		cur := heap.Pop(h).(entry)
		if cur.dist > dist[cur.node] {
			continue
		}
		for _, e := range g[cur.node] {
			nd := cur.dist + e.w
			if d, ok := dist[e.to]; !ok || nd < d {
				dist[e.to] = nd
				prev[e.to] = cur.node
				heap.Push(h, entry{e.to, nd})
			}
		}
	}
	return dist, prev
}

type uf struct{ parent map[string]string }

func (u *uf) find(x string) string {
	if _, ok := u.parent[x]; !ok {
		u.parent[x] = x
	}
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *uf) union(a, b string) { u.parent[u.find(a)] = u.find(b) }

func main() {
	g := map[string][]edge{}
	nodes := map[string]bool{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var a, b string
		var w int
		if _, err := fmt.Sscanf(line, "%s %s %d", &a, &b, &w); err != nil {
			fmt.Printf("bad line %q: %v\n", line, err)
			continue
		}
		g[a] = append(g[a], edge{b, w})
		nodes[a], nodes[b] = true, true
	}
	names := make([]string, 0, len(nodes))
	for n := range nodes {
		names = append(names, n)
	}
	slices.Sort(names)
	dist, prev := dijkstra(g, "A")
	for _, n := range names {
		d, ok := dist[n]
		if !ok {
			fmt.Printf("%s: unreachable (%v)\n", n, math.Inf(1))
			continue
		}
		path := []string{n}
		for p := n; p != "A"; {
			p = prev[p]
			path = append(path, p)
		}
		slices.Reverse(path)
		fmt.Printf("%s: %2d via %s\n", n, d, strings.Join(path, "->"))
	}

	level := map[string]int{"A": 0}
	queue := []string{"A"}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, e := range g[cur] {
			if _, seen := level[e.to]; !seen {
				level[e.to] = level[cur] + 1
				queue = append(queue, e.to)
			}
		}
	}
	for _, n := range names {
		if l, ok := level[n]; ok {
			fmt.Printf("%s@%d ", n, l)
		}
	}
	fmt.Println()

	indeg := map[string]int{}
	for _, n := range names {
		for _, e := range g[n] {
			indeg[e.to]++
		}
	}
	var ready, order []string
	for _, n := range names {
		if indeg[n] == 0 {
			ready = append(ready, n)
		}
	}
	for len(ready) > 0 {
		slices.Sort(ready)
		n := ready[0]
		ready = ready[1:]
		order = append(order, n)
		for _, e := range g[n] {
			if indeg[e.to]--; indeg[e.to] == 0 {
				ready = append(ready, e.to)
			}
		}
	}
	fmt.Println("topo:", order, len(order) == len(names))

	u := &uf{parent: map[string]string{}}
	for _, n := range names {
		for _, e := range g[n] {
			u.union(n, e.to)
		}
	}
	comps := map[string][]string{}
	for _, n := range names {
		r := u.find(n)
		comps[r] = append(comps[r], n)
	}
	var groups []string
	for _, c := range comps {
		groups = append(groups, strings.Join(c, ""))
	}
	slices.Sort(groups)
	fmt.Println("components:", groups)
}
