package main

// Excluded: a _test.go file is never part of the program.
func greeting() string { return "test" }
