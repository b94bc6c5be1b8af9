package bytecode

import (
	"reflect"
	"testing"
)

// TestEncodeKnowsEveryField fails when a field is added to a type the
// image encoding writes: Encode and Decode must learn it too, or a cached
// program would run without it.
func TestEncodeKnowsEveryField(t *testing.T) {
	for _, c := range []struct {
		t reflect.Type
		n int
	}{
		{reflect.TypeFor[Program](), 21},
		{reflect.TypeFor[Func](), 22},
		{reflect.TypeFor[Type](), 19},
		{reflect.TypeFor[Field](), 3},
		{reflect.TypeFor[Method](), 2},
		{reflect.TypeFor[Itab](), 3},
		{reflect.TypeFor[Safepoint](), 3},
		{reflect.TypeFor[LineName](), 3},
		{reflect.TypeFor[ErrTypes](), 8},
		{reflect.TypeFor[Instr](), 5},
	} {
		if got := c.t.NumField(); got != c.n {
			t.Errorf("%v has %d fields, encode.go writes %d: teach Encode and Decode the new ones, then change the count here", c.t, got, c.n)
		}
	}
}
