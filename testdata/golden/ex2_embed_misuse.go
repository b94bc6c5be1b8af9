// go:embed directives the compiler rejects: on several vars, on a var with
// an initialiser, inside a function, and standing on no var at all.
package main

import _ "embed"

//go:embed ex2_embed_misuse.go
var a, b string

//go:embed ex2_embed_misuse.go
var c string = "init"

//go:embed ex2_embed_misuse.go

func main() {
	//go:embed ex2_embed_misuse.go
	var d string
	println(a, b, c, d)
}
