package main

import "fmt"

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func main() {
	var s fmt.Stringer = celsius(21.5)
	fmt.Println(s, []celsius{1, 2}, map[string]celsius{"x": 3})
	fmt.Printf("%v %T %#v\n", s, s, celsius(4))
}
