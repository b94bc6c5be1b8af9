// The rest of reflect's everyday surface: DeepEqual, setting values, Elem,
// Field, Index, maps (MapIndex, SetMapIndex, MapRange), Append, New, Zero,
// Convert, type names, kinds and method counts, struct tags, and channels
// through reflect (MakeChan, Send, Recv, TrySend, TryRecv, Close, Select).
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Inner struct {
	N    int
	Tags []string
}

type Record struct {
	Name   string            `json:"name" db:"full_name"`
	Age    int               `json:"age,omitempty"`
	Score  float64           `json:"-"`
	In     Inner             `json:"inner"`
	Ptr    *Inner            `json:"ptr"`
	Attrs  map[string]string `json:"attrs"`
	hidden bool
}

func (r Record) Hello() string { return "hi " + r.Name }
func (r *Record) Birthday()    { r.Age++ }

type Celsius float64
type Stringer interface{ String() string }

func main() {
	// DeepEqual.
	a := Record{Name: "a", In: Inner{1, []string{"x"}}, Attrs: map[string]string{"k": "v"}}
	b := Record{Name: "a", In: Inner{1, []string{"x"}}, Attrs: map[string]string{"k": "v"}}
	fmt.Println("DeepEqual:", reflect.DeepEqual(a, b), reflect.DeepEqual(a, Record{Name: "a"}))
	fmt.Println("DeepEqual slices:", reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{}, []int(nil)))
	fmt.Println("DeepEqual maps:", reflect.DeepEqual(map[int][]int{1: {2}}, map[int][]int{1: {2}}))
	type cyc struct{ next *cyc }
	c1, c2 := &cyc{}, &cyc{}
	c1.next, c2.next = c1, c2
	fmt.Println("DeepEqual cycles:", reflect.DeepEqual(c1, c2))

	// Types: String, Kind, NumMethod, fields and tags.
	rt := reflect.TypeOf(a)
	fmt.Println(rt.String(), rt.Name(), rt.Kind(), rt.NumField(), rt.NumMethod(), reflect.TypeOf(&a).NumMethod())
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		fmt.Printf("  %s %s %q json=%q db=%q exported=%v offset=%d\n", f.Name, f.Type, f.Tag, f.Tag.Get("json"), f.Tag.Get("db"), f.IsExported(), f.Offset)
	}
	if f, ok := rt.FieldByName("Age"); ok {
		v, ok := f.Tag.Lookup("json")
		fmt.Println("Age tag:", v, ok)
	}
	for _, t := range []reflect.Type{reflect.TypeOf(0), reflect.TypeOf(""), reflect.TypeOf([]byte(nil)), reflect.TypeOf(map[string][]int(nil)),
		reflect.TypeOf((*Stringer)(nil)).Elem(), reflect.TypeOf(Celsius(0)), reflect.TypeOf(make(chan<- int)), reflect.TypeOf(func(int, ...string) error { return nil }),
		reflect.TypeOf([3]*Record{}), reflect.TypeOf(struct{ A, b int }{})} {
		fmt.Printf("  %-28s kind=%-9s size=%d comparable=%v\n", t.String(), t.Kind(), t.Size(), t.Comparable())
	}
	ft := reflect.TypeOf(strings.Repeat)
	fmt.Println("func type:", ft.NumIn(), ft.In(0), ft.In(1), ft.NumOut(), ft.Out(0), ft.IsVariadic())

	// Setting through a pointer: Elem, Field, Set*.
	v := reflect.ValueOf(&a).Elem()
	v.Field(0).SetString("alice")
	v.FieldByName("Age").SetInt(30)
	v.Field(2).SetFloat(9.5)
	v.Field(3).Field(0).SetInt(7)
	v.Field(3).Field(1).Set(reflect.ValueOf([]string{"p", "q"}))
	v.FieldByName("Ptr").Set(reflect.ValueOf(&Inner{N: 99}))
	fmt.Printf("%+v %+v\n", *a.Ptr, a.In)
	fmt.Println(a.Name, a.Age, a.Score, a.Ptr != nil)
	fmt.Println("CanSet:", v.Field(0).CanSet(), v.FieldByName("hidden").CanSet(), reflect.ValueOf(a).Field(0).CanSet())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(a).Field(0).SetString("no")
	}()
	var u8 uint8
	reflect.ValueOf(&u8).Elem().SetUint(300 % 256)
	var bl bool
	reflect.ValueOf(&bl).Elem().SetBool(true)
	var cx complex64
	reflect.ValueOf(&cx).Elem().SetComplex(complex(1, 2))
	var iface any
	reflect.ValueOf(&iface).Elem().Set(reflect.ValueOf(42))
	fmt.Println("set scalars:", u8, bl, cx, iface)
	fmt.Println("overflow:", reflect.ValueOf(u8).OverflowUint(256), reflect.ValueOf(int8(0)).OverflowInt(-129))
	// Methods through reflect on the settable value.
	v.Addr().Method(0).Call(nil) // (*Record).Birthday
	fmt.Println("age:", a.Age)

	// Index into slices, arrays and strings; Append; MakeSlice; Copy.
	s := reflect.ValueOf([]int{10, 20, 30})
	fmt.Println("Index:", s.Index(1), s.Len(), s.Cap(), reflect.ValueOf("héllo").Index(1), reflect.ValueOf([2]string{"x", "y"}).Index(1))
	s = reflect.Append(s, reflect.ValueOf(40), reflect.ValueOf(50))
	s = reflect.AppendSlice(s, reflect.ValueOf([]int{60}))
	fmt.Println("Append:", s.Interface(), s.Len())
	ms := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	ms.Index(0).SetString("first")
	fmt.Printf("MakeSlice: %q %d %d\n", ms.Interface(), ms.Len(), ms.Cap())
	dst := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 2)
	fmt.Println("Copy:", reflect.Copy(dst, s), dst.Interface(), s.Slice(1, 3).Interface(), s.Slice3(0, 1, 2).Cap())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s.Index(10)
	}()

	// Maps.
	m := reflect.ValueOf(map[string]int{"one": 1, "two": 2})
	fmt.Println("MapIndex:", m.MapIndex(reflect.ValueOf("two")), m.MapIndex(reflect.ValueOf("none")).IsValid(), m.Len())
	m.SetMapIndex(reflect.ValueOf("three"), reflect.ValueOf(3))
	m.SetMapIndex(reflect.ValueOf("one"), reflect.Value{}) // deletes
	var keys []string
	for it := m.MapRange(); it.Next(); {
		keys = append(keys, fmt.Sprintf("%s=%d", it.Key(), it.Value().Int()))
	}
	sort.Strings(keys)
	fmt.Println("MapRange:", keys)
	mk := m.MapKeys()
	sort.Slice(mk, func(i, j int) bool { return mk[i].String() < mk[j].String() })
	fmt.Println("MapKeys:", mk)
	nm := reflect.MakeMap(reflect.TypeOf(map[Inner2]bool{}))
	nm.SetMapIndex(reflect.ValueOf(Inner2{1, "a"}), reflect.ValueOf(true))
	fmt.Println("MakeMap:", nm.Interface(), nm.MapIndex(reflect.ValueOf(Inner2{1, "a"})))
	var nilMap map[string]int
	fmt.Println("nil map:", reflect.ValueOf(nilMap).Len(), reflect.ValueOf(nilMap).MapIndex(reflect.ValueOf("x")).IsValid())

	// New, Zero, Indirect, IsZero, IsNil.
	np := reflect.New(reflect.TypeOf(Inner{}))
	np.Elem().Field(0).SetInt(5)
	fmt.Printf("New: %T %+v\n", np.Interface(), np.Elem().Interface())
	fmt.Printf("Zero: %+v %v %q\n", reflect.Zero(reflect.TypeOf(a)).Interface(), reflect.Zero(reflect.TypeOf(0)), reflect.Zero(reflect.TypeOf("")))
	fmt.Println("IsZero:", reflect.ValueOf(Record{}).IsZero(), reflect.ValueOf(a).IsZero(), reflect.Indirect(reflect.ValueOf(&u8)).Uint())
	fmt.Println("IsNil:", reflect.ValueOf((*int)(nil)).IsNil(), reflect.ValueOf([]int(nil)).IsNil(), reflect.ValueOf(a.Ptr).IsNil())

	// Convert.
	fmt.Println("Convert:", reflect.ValueOf(3.9).Convert(reflect.TypeOf(0)), reflect.ValueOf(65).Convert(reflect.TypeOf("")),
		reflect.ValueOf(Celsius(36.6)).Convert(reflect.TypeOf(0.0)).Interface(), reflect.ValueOf("hi").Convert(reflect.TypeOf([]byte(nil))).Interface(),
		reflect.ValueOf(int64(-1)).Convert(reflect.TypeOf(uint8(0))))
	fmt.Println("ConvertibleTo:", reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf("").ConvertibleTo(reflect.TypeOf(0)),
		reflect.TypeOf(Celsius(0)).AssignableTo(reflect.TypeOf(0.0)), reflect.TypeOf(a).Implements(reflect.TypeOf((*Stringer)(nil)).Elem()))
	var st Stringer = strBox("boxed")
	sv := reflect.ValueOf(&st).Elem()
	fmt.Println("iface Elem:", sv.Kind(), sv.Elem().Kind(), sv.Elem().Type(), sv.Elem().Interface())

	// Channels.
	ch := reflect.MakeChan(reflect.TypeOf(make(chan int)), 2)
	ch.Send(reflect.ValueOf(1))
	fmt.Println("TrySend:", ch.TrySend(reflect.ValueOf(2)), ch.TrySend(reflect.ValueOf(3)), ch.Len(), ch.Cap())
	x, ok := ch.Recv()
	fmt.Println("Recv:", x, ok)
	x, ok = ch.TryRecv()
	fmt.Println("TryRecv:", x, ok)
	x, ok = ch.TryRecv()
	fmt.Println("TryRecv empty:", x.IsValid(), ok)
	// A receive that blocks until another goroutine sends.
	go func() { ch.Send(reflect.ValueOf(77)) }()
	x, ok = ch.Recv()
	fmt.Println("blocking Recv:", x, ok)
	// A send that blocks until another goroutine receives.
	unbuf := make(chan string)
	got := make(chan string)
	go func() { got <- <-unbuf }()
	reflect.ValueOf(unbuf).Send(reflect.ValueOf("handed over"))
	fmt.Println("blocking Send:", <-got)
	ch.Close()
	x, ok = ch.Recv()
	fmt.Println("Recv closed:", x, ok)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		ch.Send(reflect.ValueOf(1))
	}()

	// Select: a ready case, the default, and a case that becomes ready.
	c1c := make(chan int, 1)
	c2c := make(chan string, 1)
	c2c <- "ready"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c1c)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c2c)},
	}
	chosen, recv, recvOK := reflect.Select(cases)
	fmt.Println("Select:", chosen, recv, recvOK)
	chosen, recv, recvOK = reflect.Select(append(cases, reflect.SelectCase{Dir: reflect.SelectDefault}))
	fmt.Println("Select default:", chosen, recv.IsValid(), recvOK)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(c1c), Send: reflect.ValueOf(5)}})
	fmt.Println("Select send:", chosen, <-c1c)
	go func() { c2c <- "later" }()
	chosen, recv, recvOK = reflect.Select(cases)
	fmt.Println("Select blocking:", chosen, recv, recvOK)
	close(c1c)
	chosen, recv, recvOK = reflect.Select(cases[:1])
	fmt.Println("Select closed:", chosen, recv, recvOK)
	// A blocked send case that a receiver takes, and a nil channel's case,
	// which never proceeds.
	out, back := make(chan int), make(chan int)
	go func() { back <- <-out }()
	var nilc chan int
	chosen, _, _ = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(nilc)},
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(out), Send: reflect.ValueOf(123)},
	})
	fmt.Println("Select blocked send:", chosen, <-back)
	// A blocked receive that a close wakes.
	closing := make(chan []int)
	go func() { close(closing) }()
	chosen, recv, recvOK = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(closing)}})
	fmt.Println("Select woken by close:", chosen, recv.IsNil(), recvOK)
	// A blocked reflect Recv that a close wakes.
	closing2 := make(chan string)
	go func() { close(closing2) }()
	x, ok = reflect.ValueOf(closing2).Recv()
	fmt.Printf("Recv woken by close: %q %v\n", x, ok)
	// Fan-in: Select over several producers until all are closed.
	var srcs []reflect.SelectCase
	for p := 0; p < 3; p++ {
		c := make(chan int)
		go func(p int) {
			for i := 0; i < 4; i++ {
				c <- p*10 + i
			}
			close(c)
		}(p)
		srcs = append(srcs, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c)})
	}
	total, open := 0, len(srcs)
	for open > 0 {
		i, v, ok := reflect.Select(srcs)
		if !ok {
			srcs = append(srcs[:i], srcs[i+1:]...)
			open--
			continue
		}
		total += int(v.Int())
	}
	fmt.Println("fan-in total:", total)
}

type Inner2 struct {
	A int
	B string
}

type strBox string

func (s strBox) String() string { return string(s) }
