// Struct embedding and method promotion: promoted fields and methods
// through several levels, shadowing, pointer-receiver promotion via an
// embedded pointer, interface satisfaction and embedded interfaces.
package main

import (
	"fmt"
	"strings"
)

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Logf(format string, args ...any) {
	l.lines = append(l.lines, l.prefix+fmt.Sprintf(format, args...))
}

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("Base(%d, %s)", b.ID, b.Name) }
func (b Base) Kind() string     { return "base" }

type Animal struct {
	Base
	Legs int
}

func (a Animal) Kind() string { return "animal with " + fmt.Sprint(a.Legs) + " legs" }

type Dog struct {
	Animal
	*Logger
	Name string // shadows Base.Name
}

func (d Dog) Speak() string { return d.Name + " says woof" }

type Speaker interface{ Speak() string }
type Describer interface{ Describe() string }
type Both interface {
	Speaker
	Describer
}

type ReadWriter interface {
	Read() string
	Write(string)
}

type memory struct{ data []string }

func (m *memory) Read() string   { return strings.Join(m.data, ",") }
func (m *memory) Write(s string) { m.data = append(m.data, s) }

type audited struct {
	ReadWriter // embedded interface
	writes     int
}

func (a *audited) Write(s string) {
	a.writes++
	a.ReadWriter.Write(strings.ToUpper(s))
}

func main() {
	d := Dog{Animal: Animal{Base: Base{ID: 7, Name: "base-name"}, Legs: 4}, Logger: &Logger{prefix: "[dog] "}, Name: "Rex"}
	fmt.Println(d.Name, d.Animal.Name, d.Base.Name, d.ID, d.Legs)
	fmt.Println(d.Describe(), "|", d.Kind(), "|", d.Base.Kind())
	d.Logf("hello %d", 1)
	d.Logf("bye")
	fmt.Printf("%q\n", d.lines)
	var b Both = d
	fmt.Println(b.Speak(), b.Describe())
	var s Speaker = &d
	_, isDesc := s.(Describer)
	fmt.Println(isDesc)
	f := d.Describe
	d.ID = 99
	fmt.Println(f(), d.Describe())
	g := Dog.Speak
	h := (*Logger).Logf
	h(d.Logger, "via method expression")
	fmt.Println(g(d), len(d.lines))

	a := &audited{ReadWriter: &memory{}}
	var rw ReadWriter = a
	rw.Write("one")
	rw.Write("two")
	fmt.Println(rw.Read(), a.writes)
	fmt.Printf("%+v\n", d.Animal)
	fmt.Printf("%v\n", Animal{Base{1, "x"}, 2})
}
