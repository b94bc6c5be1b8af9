package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

type NotFoundError struct {
	Name string
}

func (e *NotFoundError) Error() string { return e.Name + ": not found" }

type ValidationError struct {
	Field string
	Err   error
}

func (v ValidationError) Error() string {
	return "validation failed on " + v.Field + ": " + v.Err.Error()
}
func (v ValidationError) Unwrap() error { return v.Err }

var ErrTooShort = errors.New("too short")
var ErrTooLong = errors.New("too long")

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Is(t error) bool { return t == os.ErrDeadlineExceeded }

func find(name string) error {
	if name == "" {
		return &NotFoundError{"<empty>"}
	}
	return nil
}

func validate(s string) error {
	if len(s) < 3 {
		return ValidationError{"name", ErrTooShort}
	}
	if len(s) > 8 {
		return ValidationError{"name", fmt.Errorf("%d chars: %w", len(s), ErrTooLong)}
	}
	return nil
}

func process(items []string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("process: %w", err)
		}
	}()
	for _, it := range items {
		if e := validate(it); e != nil {
			return e
		}
	}
	return nil
}

func main() {
	err := find("")
	var nf *NotFoundError
	fmt.Println(err, errors.As(err, &nf), nf.Name)
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(wrapped, errors.As(wrapped, &nf), errors.Unwrap(wrapped) == err)
	for _, s := range []string{"ok!", "no", "waytoolongname"} {
		err := process([]string{"fine", s})
		var ve ValidationError
		fmt.Printf("%q: %v | short=%v long=%v as=%v\n", s, err, errors.Is(err, ErrTooShort), errors.Is(err, ErrTooLong), errors.As(err, &ve))
	}
	j := errors.Join(ErrTooShort, nil, ErrTooLong)
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrTooLong), errors.Join(nil, nil) == nil)
	multi := fmt.Errorf("both: %w and %w", io.EOF, io.ErrUnexpectedEOF)
	fmt.Println(multi, errors.Is(multi, io.EOF), errors.Is(multi, io.ErrUnexpectedEOF))
	var te error = timeoutErr{}
	fmt.Println(errors.Is(te, os.ErrDeadlineExceeded))
	var tif interface{ Timeout() bool }
	fmt.Println(errors.As(fmt.Errorf("x: %w", te), &tif), tif.Timeout())
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		fmt.Println(numErr.Func, numErr.Num, numErr.Err, numErr.Err == strconv.ErrSyntax)
	}
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err, errors.Is(err, strconv.ErrRange))
	_, err = os.Open("/definitely/not/here.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path)
	fmt.Printf("%v|%s|%q|%+v|%#v\n", ErrTooShort, ErrTooShort, ErrTooShort, ErrTooShort, ValidationError{"f", nil}.Field)
	var nilErr *NotFoundError
	var iface error = nilErr
	fmt.Println(iface == nil, nilErr == nil)
	fmt.Println(fmt.Errorf("no wrap %v", io.EOF), errors.Unwrap(fmt.Errorf("no wrap %v", io.EOF)) == nil)
}
