package main

import "runtime/pprof"

func main() {
	println(pprof.Profiles() != nil)
}
