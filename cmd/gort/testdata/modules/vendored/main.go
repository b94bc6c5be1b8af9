// Command vendored imports example.com/dep, which its vendor directory
// holds: the go command builds with -mod=vendor, so the vendored copy
// (which says so) is the one compiled, not ../dep.
package main

import "example.com/dep/shout"

func main() { println(shout.Loud("vendored")) }
