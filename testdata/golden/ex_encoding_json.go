package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type User struct {
	ID        int               `json:"id"`
	Name      string            `json:"name"`
	Email     string            `json:"email,omitempty"`
	Admin     bool              `json:"-"`
	Tags      []string          `json:"tags"`
	Addr      *Address          `json:"address,omitempty"`
	Extra     map[string]any    `json:"extra,omitempty"`
	Score     float64           `json:"score,string"`
	Created   time.Time         `json:"created"`
	Raw       json.RawMessage   `json:"raw,omitempty"`
	Labels    map[string]string `json:"labels"`
	unexposed int
}

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"low", "mid", "high"}[l])
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch s {
	case "low":
		*l = 0
	case "mid":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("bad level %q", s)
	}
	return nil
}

type Config struct {
	Level   Level   `json:"level"`
	Retries int     `json:"retries"`
	Ratio   float32 `json:"ratio"`
	Inner   struct {
		On bool `json:"on"`
	} `json:"inner"`
}

func main() {
	u := User{ID: 1, Name: "Ann <admin> & co", Tags: []string{"a", "b"}, Addr: &Address{Street: "Main"},
		Extra: map[string]any{"z": 1, "a": []int{1, 2}, "m": nil}, Score: 9.5,
		Created: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Raw: json.RawMessage(`{"k":[1,2]}`)}
	b, err := json.Marshal(u)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(Config{Level: 2, Retries: 3, Ratio: 0.25}, "", "  ")
	fmt.Println(string(b))
	var u2 User
	err = json.Unmarshal([]byte(`{"id":7,"name":"Bob","tags":null,"score":"1.25","address":{"street":"S","city":"C"},"extra":{"n":1.5,"s":"x","b":true,"arr":[1,"two",null],"obj":{"q":1}},"unknown":5}`), &u2)
	fmt.Printf("%+v %v\n", u2.Addr, err)
	fmt.Println(u2.ID, u2.Name, u2.Tags == nil, u2.Score, u2.Extra["n"], u2.Extra["arr"], u2.Extra["obj"])
	fmt.Printf("%T %T %T\n", u2.Extra["n"], u2.Extra["arr"], u2.Extra["obj"])
	var c Config
	fmt.Println(json.Unmarshal([]byte(`{"level":"mid","retries":2,"inner":{"on":true}}`), &c), c.Level, c.Inner.On)
	fmt.Println(json.Unmarshal([]byte(`{"level":"max"}`), &c))
	fmt.Println(json.Unmarshal([]byte(`{"retries":"x"}`), &c))
	fmt.Println(json.Unmarshal([]byte(`{"retries":1,}`), &c))
	fmt.Println(json.Unmarshal([]byte(`[1,2`), new([]int)))
	var anyv any
	json.Unmarshal([]byte(`[1, 2.5, "s", true, null, {"b":2,"a":1}]`), &anyv)
	fmt.Println(anyv)
	out, _ := json.Marshal(anyv)
	fmt.Println(string(out))
	dec := json.NewDecoder(strings.NewReader(`{"a":1} {"a":2} {"a":3}`))
	for {
		var m map[string]int
		if err := dec.Decode(&m); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Print(m["a"], " ")
	}
	dec = json.NewDecoder(strings.NewReader(`{"n": 12345678901234567890}`))
	dec.UseNumber()
	var nm map[string]any
	dec.Decode(&nm)
	fmt.Printf("%v %T\n", nm["n"], nm["n"])
	dec = json.NewDecoder(strings.NewReader(`{"x":1,"y":2}`))
	dec.DisallowUnknownFields()
	var strict struct{ X int }
	fmt.Println(dec.Decode(&strict))
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"html": "<b>&</b>"})
	enc.SetIndent(">", "\t")
	enc.Encode([]any{1, "x", map[string]int{"k": 1}})
	var buf bytes.Buffer
	json.Indent(&buf, []byte(`{"a":[1,2],"b":{}}`), "", " ")
	fmt.Println(buf.String())
	buf.Reset()
	json.Compact(&buf, []byte("{ \"a\" : [ 1 , 2 ] }"))
	fmt.Println(buf.String(), json.Valid([]byte(`{"a":}`)), json.Valid([]byte(`"ok"`)))
	fb, _ := json.Marshal([]float64{1, 1.5, 1e21, 1e-7, 100000000})
	fmt.Println(string(fb))
	bs, _ := json.Marshal(map[int]string{2: "b", 10: "j", 1: "a"})
	fmt.Println(string(bs))
	bb, _ := json.Marshal(struct {
		B []byte
		P *int
		I interface{}
		E struct{}
		S string `json:"s,omitempty"`
		U uint8
	}{B: []byte("hi")})
	fmt.Println(string(bb))
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	type Emb struct{ A, B int }
	type Wrap struct {
		Emb
		B string
	}
	wb, _ := json.Marshal(Wrap{Emb{1, 2}, "shadow"})
	fmt.Println(string(wb))
	var se *json.SyntaxError
	err = json.Unmarshal([]byte(`{"a" 1}`), &anyv)
	if e, ok := err.(*json.SyntaxError); ok {
		se = e
		fmt.Println("syntax error at", se.Offset, se)
	}
	var ute *json.UnmarshalTypeError
	err = json.Unmarshal([]byte(`{"id":"str"}`), &u2)
	if e, ok := err.(*json.UnmarshalTypeError); ok {
		ute = e
		fmt.Println(ute.Field, ute.Value, ute.Type)
	}
}
