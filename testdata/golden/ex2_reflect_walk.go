// reflect over structs: walking fields recursively with tags, embedded
// fields, unexported fields, setting values through pointers, calling
// methods by name, and a tiny tag-driven validator.
package main

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

type Address struct {
	Street string `json:"street" validate:"required"`
	Zip    string `json:"zip,omitempty" validate:"len=5"`
}

type Meta struct {
	Version int `json:"version"`
}

type User struct {
	Meta
	Name    string            `json:"name" validate:"required" db:"user_name"`
	Age     int               `json:"age" validate:"min=18"`
	Email   string            `json:"email,omitempty"`
	Home    *Address          `json:"home"`
	Tags    []string          `json:"tags"`
	Attrs   map[string]string `json:"-"`
	private bool
}

func (u User) Greeting(greet string) string { return greet + ", " + u.Name }
func (u *User) Birthday()                   { u.Age++ }

func walk(v reflect.Value, indent string) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		tag := f.Tag.Get("json")
		db, hasDB := f.Tag.Lookup("db")
		fmt.Printf("%s%s %s json=%q db=%q(%v) exported=%v anon=%v offset=%d index=%v\n",
			indent, f.Name, f.Type, tag, db, hasDB, f.IsExported(), f.Anonymous, f.Offset, f.Index)
		switch fv.Kind() {
		case reflect.Struct:
			walk(fv, indent+"  ")
		case reflect.Pointer:
			if !fv.IsNil() && fv.Elem().Kind() == reflect.Struct {
				walk(fv.Elem(), indent+"  ")
			}
		}
	}
}

func validate(v any) []string {
	var errs []string
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	rt := rv.Type()
	for i := range rt.NumField() {
		f := rt.Field(i)
		rule := f.Tag.Get("validate")
		if rule == "" {
			continue
		}
		fv := rv.Field(i)
		name, val, _ := strings.Cut(rule, "=")
		switch name {
		case "required":
			if fv.IsZero() {
				errs = append(errs, f.Name+" is required")
			}
		case "min":
			n, _ := strconv.Atoi(val)
			if fv.Int() < int64(n) {
				errs = append(errs, fmt.Sprintf("%s must be >= %d, got %d", f.Name, n, fv.Int()))
			}
		case "len":
			n, _ := strconv.Atoi(val)
			if fv.Len() != n {
				errs = append(errs, fmt.Sprintf("%s must have length %d", f.Name, n))
			}
		}
	}
	return errs
}

func main() {
	u := User{Meta: Meta{2}, Name: "Ada", Age: 36, Home: &Address{"Main St", "1234"}, Tags: []string{"x"}}
	walk(reflect.ValueOf(u), "")
	fmt.Println(validate(u), validate(*u.Home), validate(&User{Age: 3}))

	rv := reflect.ValueOf(&u).Elem()
	rv.FieldByName("Name").SetString("Grace")
	rv.FieldByName("Version").SetInt(3)
	rv.FieldByName("Tags").Set(reflect.Append(rv.FieldByName("Tags"), reflect.ValueOf("y")))
	rv.FieldByName("Attrs").Set(reflect.MakeMap(rv.FieldByName("Attrs").Type()))
	rv.FieldByName("Attrs").SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf("v"))
	fmt.Println(u.Name, u.Version, u.Tags, u.Attrs)
	priv := rv.FieldByName("private")
	fmt.Println(priv.CanSet(), priv.CanInterface(), priv.Bool(), rv.FieldByName("Name").CanSet())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		priv.SetBool(true)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(u).Field(1).SetString("no")
	}()

	out := reflect.ValueOf(u).MethodByName("Greeting").Call([]reflect.Value{reflect.ValueOf("Hello")})
	fmt.Println(out[0].String(), reflect.TypeOf(u).NumMethod(), reflect.TypeOf(&u).NumMethod())
	reflect.ValueOf(&u).MethodByName("Birthday").Call(nil)
	fmt.Println(u.Age)
	for i := range reflect.TypeOf(&u).NumMethod() {
		m := reflect.TypeOf(&u).Method(i)
		fmt.Println(m.Name, m.Type)
	}
	sf, ok := reflect.TypeOf(u).FieldByName("Version")
	fmt.Println(sf.Name, sf.Index, ok)
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual([]int{}, []int(nil)))
	nv := reflect.New(reflect.TypeOf(Address{})).Elem()
	nv.Field(0).SetString("Elm")
	fmt.Printf("%+v %v\n", nv.Interface(), reflect.Zero(reflect.TypeOf(0)).Int())
	sl := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 5)
	sl.Index(1).SetInt(9)
	fmt.Println(sl.Interface(), sl.Len(), sl.Cap(), reflect.ValueOf([3]int{1, 2, 3}).Index(2))
	fn := reflect.MakeFunc(reflect.TypeOf(func(int, int) int { return 0 }), func(args []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(int(args[0].Int() * args[1].Int()))}
	})
	mul := fn.Interface().(func(int, int) int)
	fmt.Println(mul(6, 7))
}
