package main

import "fmt"

type Event interface{ Kind() string }
type Click struct{ X, Y int }
type Key struct{ Code rune }

func (Click) Kind() string { return "click" }
func (Key) Kind() string   { return "key" }

func main() {
	events := []Event{Click{1, 2}, Key{'a'}}
	for _, e := range events {
		c := e.(Click)
		fmt.Println("click at", c.X, c.Y)
	}
}
