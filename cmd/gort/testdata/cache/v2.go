package main

import "fmt"

func main() { fmt.Println("version", 2) }
