// Command typeerr imports a package of its module that does not
// type-check: go build reports that package's errors under its import
// path, with file names relative to the current directory.
package main

import "example.com/typeerr/bad"

func main() { println(bad.N) }
