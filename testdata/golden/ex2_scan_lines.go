// A line filter: reads stdin line by line, numbers non-blank lines,
// upper-cases them and reports totals, like a small CLI tool.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	n, blank, longest := 0, 0, ""
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		n++
		if len(line) > len(longest) {
			longest = line
		}
		fmt.Printf("%3d: %s\n", n, strings.ToUpper(line))
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "read error:", err)
		os.Exit(1)
	}
	fmt.Printf("%d lines, %d blank, longest %q (%d bytes)\n", n, blank, longest, len(longest))
}
