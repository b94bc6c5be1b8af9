// A //go:embed pattern that names no file: the go command refuses the
// package before compiling it, naming the first bad pattern in sorted order.
package main

import (
	"embed"
	"fmt"
)

//go:embed ex2_embed_assets/greeting.txt
var ok string

//go:embed ex2_embed_assets/nothing_here.txt ex2_embed_assets/*.md
var files embed.FS

func main() {
	fmt.Println(ok, files)
}
