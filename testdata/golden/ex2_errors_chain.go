// Error handling as real programs do it: custom error types with errors.As,
// sentinel errors with errors.Is through %w chains, errors.Join formatting,
// multiple %w, Unwrap() []error trees, and os/strconv error types.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
	Issue string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Issue }

type TempError struct{ Retries int }

func (e TempError) Error() string {
	return fmt.Sprintf("temporary failure after %d retries", e.Retries)
}
func (e TempError) Temporary() bool { return true }

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + strconv.Quote(e.Query) + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(key string) error {
	switch key {
	case "missing":
		return &QueryError{Query: key, Err: ErrNotFound}
	case "invalid":
		return fmt.Errorf("lookup %s: %w", key, &ValidationError{"key", "must be lowercase"})
	case "flaky":
		return fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", TempError{3}))
	}
	return nil
}

func main() {
	for _, k := range []string{"missing", "invalid", "flaky", "ok"} {
		err := find(k)
		var ve *ValidationError
		var te TempError
		var qe *QueryError
		var tmp interface{ Temporary() bool }
		fmt.Printf("%-8s err=%v\n  is-notfound=%v as-validation=%v as-temp=%v as-query=%v temporary=%v\n",
			k, err, errors.Is(err, ErrNotFound), errors.As(err, &ve), errors.As(err, &te), errors.As(err, &qe), errors.As(err, &tmp))
		if ve != nil {
			fmt.Println("  field:", ve.Field)
		}
		if err != nil {
			fmt.Printf("  unwrap once: %v\n", errors.Unwrap(err))
		}
	}
	joined := errors.Join(errors.New("first"), nil, fmt.Errorf("second: %w", ErrNotFound))
	fmt.Printf("%v\n---\n%q\n", joined, joined.Error())
	fmt.Println(errors.Is(joined, ErrNotFound), errors.Join(nil, nil) == nil)
	nested := errors.Join(joined, errors.New("third"))
	fmt.Println(nested)
	multi := fmt.Errorf("both %w and %w", ErrNotFound, &ValidationError{"f", "bad"})
	var ve *ValidationError
	fmt.Println(multi, errors.Is(multi, ErrNotFound), errors.As(multi, &ve), errors.Unwrap(multi) == nil)
	if u, ok := multi.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[1])
	}
	fmt.Println(fmt.Errorf("no wrap %v", ErrNotFound), errors.Is(fmt.Errorf("no wrap %v", ErrNotFound), ErrNotFound))
	fmt.Println(fmt.Errorf("bad verb %w", "string"), fmt.Errorf("nil %w", nil))

	_, err := os.Open("definitely/not/here.txt")
	var pe *fs.PathError
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.As(err, &pe), pe.Op, pe.Path)
	_, err = strconv.Atoi("12a")
	var ne *strconv.NumError
	fmt.Println(err, errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err, errors.Is(err, strconv.ErrRange))
	var target *QueryError
	fmt.Println(errors.As(fmt.Errorf("x: %w", &QueryError{"q", errors.New("y")}), &target), target.Query)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	errors.As(err, nil)
}
