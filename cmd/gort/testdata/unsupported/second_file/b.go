// b.go imports fmt on line 5, so that the position names the second file.

package main

import "fmt"

func hello() { fmt.Println("hello") }
