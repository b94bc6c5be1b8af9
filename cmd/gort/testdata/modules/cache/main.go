// Command cache imports a package of a third-party module that the module
// cache holds (it is a module gort itself requires, so building gort put
// it there): no network is needed to resolve it.
package main

import "golang.org/x/mod/semver"

func main() {
	vs := []string{"v1.10.0", "v1.2.3", "v1.2.3-rc.1", "v0.9.0", "v2.0.0+incompatible"}
	semver.Sort(vs)
	for _, v := range vs {
		print(v, " ")
	}
	println()
	println(semver.Compare("v1.2.3", "v1.10.0"), semver.Major("v1.2.3"), semver.Canonical("v1.2"), semver.IsValid("1.2.3"))
}
