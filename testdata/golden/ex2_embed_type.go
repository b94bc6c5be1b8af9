// go:embed on a var of a type it cannot fill, and a string var whose
// patterns name two files.
package main

import _ "embed"

//go:embed ex2_embed_type.go
var n int

//go:embed ex2_embed_type.go ex2_embed_assets/greeting.txt
var s string

type blob []byte

//go:embed ex2_embed_type.go
var ok blob

func main() {
	println(n, s, len(ok))
}
