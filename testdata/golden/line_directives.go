// Line directives rename the file of the positions after them: gc records
// a relative name as written (not joined with the source's directory) and
// a directive without a name as "??". runtime.Caller and a panic's
// traceback report those names.
package main

import (
	"fmt"
	"runtime"
)

func where() {
	_, file, line, _ := runtime.Caller(1)
	fmt.Printf("%s:%d\n", file, line)
}

func main() {
//line gen/lexer.y:10
	where()
//line /abs/parser.y:20
	where()
//line :30
	where()
//line win:/x.go:40
	where()
//line other.y:50:7
	where()
//line :60:1
	where()
	/*line inline.y:70*/ where()
	var m map[string]int
//line gen/lexer.y:80
	m["x"] = 1
}
