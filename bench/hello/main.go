// Hello is fmt's hello world, for start-up time (bench/startup.sh): the
// whole cost is loading, compiling and initialising fmt's packages.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
