// Panic values of named basic types print as type(value). Each deferred
// function panics again, so the whole chain is printed.
package main

type MyInt int
type MyString string
type MyBool bool
type MyFloat float64
type MyUint8 uint8

func main() {
	defer func() { panic(MyUint8(255)) }()
	defer func() { panic(MyFloat(0.5)) }()
	defer func() { panic(MyBool(true)) }()
	defer func() { panic(MyString("hello")) }()
	panic(MyInt(-7))
}
