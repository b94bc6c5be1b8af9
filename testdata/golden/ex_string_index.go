package main

import (
	"fmt"
	"strings"
)

func initials(name string) string {
	parts := strings.Split(name, " ")
	return string(parts[0][0]) + string(parts[1][0])
}

func main() {
	fmt.Println(initials("Ada Lovelace"))
	fmt.Println(initials("Plato"))
}
