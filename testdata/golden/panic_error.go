// A panic whose value implements error prints the result of Error.
package main

type MyError struct {
	op   string
	code int
}

func (e *MyError) Error() string { return e.op + " failed" }

func main() {
	panic(&MyError{"open", 2})
}
