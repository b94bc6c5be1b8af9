package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

type T struct{}

func (T) String() string { panic("boom") }

type E struct{ err error }

func (e E) Error() string { return "E: " + e.err.Error() }
func (e E) Unwrap() error { return e.err }

func main() {
	fmt.Println(T{})
	fmt.Printf("%d %s\n", T{}, T{})
	var p *int
	fmt.Println(p, fmt.Sprint(nil), fmt.Sprintf("%v", []error{nil}))
	err := E{os.ErrNotExist}
	fmt.Println(errors.Is(err, os.ErrNotExist), err)
	_, err2 := os.Open("/definitely/not/here")
	var pe *os.PathError
	fmt.Println(errors.As(err2, &pe), pe.Op, pe.Path, errors.Is(err2, os.ErrNotExist))
	_, err3 := strconv.Atoi("12a")
	fmt.Printf("%v | %q | %T\n", err3, err3, err3)
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	fmt.Println(m)
	var arr []int
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var re interface{ RuntimeError() }
		_ = re
		panic(fmt.Errorf("wrapped: %v", r))
	}()
	fmt.Println(arr[5])
}
