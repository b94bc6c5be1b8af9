// os.Exit ends the program with the given code without running deferred
// calls.
package main

import "os"

func main() {
	defer println("deferred: must not run")
	println("exiting with 3")
	os.Exit(3)
}
