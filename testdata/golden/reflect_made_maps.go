// Map and struct types that reflect makes at run time (MapOf, StructOf):
// maps keyed by strings and by structs, made struct types as keys of
// map[any], compared in interfaces, and printed by fmt with %v and %+v.
package main

import (
	"fmt"
	"reflect"
)

type Key struct {
	Name string
	N    int16
	F    float32
}

func main() {
	// map[string][3]int16 occurs nowhere in this program.
	elem := reflect.ArrayOf(3, reflect.TypeOf(int16(0)))
	mt := reflect.MapOf(reflect.TypeOf(""), elem)
	m := reflect.MakeMap(mt)
	for i, k := range []string{"one", "two", "three", "four"} {
		e := reflect.New(elem).Elem()
		for j := range 3 {
			e.Index(j).SetInt(int64(i*10 + j))
		}
		m.SetMapIndex(reflect.ValueOf(k), e)
	}
	m.SetMapIndex(reflect.ValueOf("two"), reflect.Value{})
	fmt.Printf("%v %T %d\n", m.Interface(), m.Interface(), m.Len())
	fmt.Println(m.MapIndex(reflect.ValueOf("three")), m.MapIndex(reflect.ValueOf("two")).IsValid())
	fmt.Println(mt, mt.Key(), mt.Elem() == elem, reflect.MapOf(reflect.TypeOf(""), elem) == mt)

	// A map keyed by a struct with a string and a float: hashing and
	// equality go through the key's fields.
	km := reflect.MakeMapWithSize(reflect.MapOf(reflect.TypeOf(Key{}), reflect.TypeOf([]string{})), 4)
	add := func(k Key, v ...string) {
		kv := reflect.ValueOf(k)
		old := km.MapIndex(kv)
		if !old.IsValid() {
			old = reflect.ValueOf([]string(nil))
		}
		km.SetMapIndex(kv, reflect.AppendSlice(old, reflect.ValueOf(v)))
	}
	add(Key{"a", 1, 0.5}, "x")
	add(Key{"b", 2, -0.0}, "y")
	add(Key{"a", 1, 0.5}, "z")
	add(Key{"b", 2, 0.0}, "w") // -0 == +0
	fmt.Printf("%v %d\n", km.Interface(), km.Len())
	iter := km.MapRange()
	n := 0
	for iter.Next() {
		n += iter.Value().Len()
	}
	fmt.Println("values:", n)

	// StructOf: a struct type with tags, made at run time.
	st := reflect.StructOf([]reflect.StructField{
		{Name: "ID", Type: reflect.TypeOf(0), Tag: `json:"id"`},
		{Name: "Label", Type: reflect.TypeOf("")},
		{Name: "Score", Type: reflect.TypeOf(0.0)},
		{Name: "Pos", Type: reflect.TypeOf(Key{})},
	})
	mk := func(id int, label string, score float64) any {
		v := reflect.New(st).Elem()
		v.Field(0).SetInt(int64(id))
		v.Field(1).SetString(label)
		v.Field(2).SetFloat(score)
		v.Field(3).Set(reflect.ValueOf(Key{label, int16(id), 1.25}))
		return v.Interface()
	}
	a, b, c := mk(1, "first", 2.5), mk(1, "first", 2.5), mk(2, "second", -1)
	fmt.Printf("%v\n%+v\n%T\n", a, c, a)
	fmt.Println(a == b, a == c, st.Field(0).Tag.Get("json"), st.NumField(), st.Comparable())
	counts := map[any]int{}
	for _, x := range []any{a, b, c, a, 7, "first"} {
		counts[x]++
	}
	fmt.Println(len(counts), counts[a], counts[c], counts[b])

	// A map keyed by the made struct type, iterated in sorted order by fmt.
	sm := reflect.MakeMap(reflect.MapOf(st, reflect.TypeOf(true)))
	sm.SetMapIndex(reflect.ValueOf(c), reflect.ValueOf(true))
	sm.SetMapIndex(reflect.ValueOf(a), reflect.ValueOf(false))
	sm.SetMapIndex(reflect.ValueOf(b), reflect.ValueOf(true))
	fmt.Printf("%v\n", sm.Len())
	fmt.Println(sm.MapIndex(reflect.ValueOf(a)), sm.MapIndex(reflect.ValueOf(c)))

	// A struct holding an interface: comparing two holding uncomparable
	// values panics, as with any struct.
	it := reflect.StructOf([]reflect.StructField{{Name: "V", Type: reflect.TypeOf((*any)(nil)).Elem()}})
	x, y := reflect.New(it).Elem(), reflect.New(it).Elem()
	x.Field(0).Set(reflect.ValueOf([]int{1}))
	y.Field(0).Set(reflect.ValueOf([]int{1}))
	fmt.Printf("%+v %v\n", x.Interface(), reflect.DeepEqual(x.Interface(), y.Interface()))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(x.Interface() == y.Interface())
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		counts[x.Interface()]++
	}()
}
