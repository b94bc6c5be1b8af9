// Command missing imports a package that no required module provides.
package main

import "example.com/nowhere/pkg"

func main() { println(pkg.X) }
