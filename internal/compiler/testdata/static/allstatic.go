// A package whose variables are all static data has no init task.
package main

type R16 struct{ Lo, Hi, Stride uint16 }

var table = []R16{{1, 2, 1}, {4, 9, 1}}
var p = &table[1]

func main() { println(len(table), p.Hi) }
