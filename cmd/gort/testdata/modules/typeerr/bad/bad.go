// Package bad has a type error.
package bad

// N is not a string.
var N int = "one"
