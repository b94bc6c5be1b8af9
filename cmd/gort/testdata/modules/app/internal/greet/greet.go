// Package greet is a package of the main module, imported by its command.
package greet

import "example.com/dep/shout"

// Hello greets name, loudly, through the dependency.
func Hello(name string) string { return shout.Loud("hello, " + name) }
