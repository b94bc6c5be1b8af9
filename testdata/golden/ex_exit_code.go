package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	fmt.Println("to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	if len(os.Args) > 5 {
		return
	}
	os.Exit(7)
}
