// encoding/json as APIs use it: struct tags, omitempty and omitzero,
// "-" and string options, embedded structs, json.RawMessage for delayed
// decoding, custom MarshalJSON/UnmarshalJSON, MarshalIndent, HTML
// escaping, DisallowUnknownFields, and typed errors.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Timestamps struct {
	Created string `json:"created"`
	Updated string `json:"updated,omitempty"`
}

type Status int

func (s Status) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"draft", "published"}[s])
}

func (s *Status) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	switch str {
	case "draft":
		*s = 0
	case "published":
		*s = 1
	default:
		return fmt.Errorf("unknown status %q", str)
	}
	return nil
}

type Article struct {
	Timestamps
	ID       int                    `json:"id"`
	Title    string                 `json:"title"`
	Body     string                 `json:"body,omitempty"`
	Tags     []string               `json:"tags"`
	Views    int64                  `json:"views,string"`
	Draft    bool                   `json:"-"`
	Dash     string                 `json:"-,"`
	Status   Status                 `json:"status"`
	Extra    map[string]any         `json:"extra,omitempty"`
	Payload  json.RawMessage        `json:"payload,omitempty"`
	Author   *struct{ Name string } `json:"author,omitempty"`
	When     time.Time              `json:"when,omitzero"`
	Score    float64                `json:"score"`
	internal int
}

type Event struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

type Click struct{ X, Y int }
type Key struct{ Code string }

func main() {
	a := Article{Timestamps: Timestamps{Created: "2024-01-01"}, ID: 1, Title: "Hello <World> & \"friends\"",
		Tags: nil, Views: 12345, Draft: true, Dash: "dash", Status: 1, Payload: json.RawMessage(`{"raw":[1,2]}`), Score: 1e21}
	b, err := json.Marshal(a)
	fmt.Println(string(b), err)
	ind, _ := json.MarshalIndent(map[string]any{"z": []int{1, 2}, "a": map[string]bool{"t": true}, "m": nil, "e": []string{}}, ">", "  ")
	fmt.Println(string(ind))

	var back Article
	err = json.Unmarshal(b, &back)
	fmt.Printf("%+v %v\n", back, err)

	stream := `[{"type":"click","data":{"X":1,"Y":2}},{"type":"key","data":{"Code":"Esc"}},{"type":"other","data":null}]`
	var events []Event
	json.Unmarshal([]byte(stream), &events)
	for _, e := range events {
		switch e.Type {
		case "click":
			var c Click
			json.Unmarshal(e.Data, &c)
			fmt.Printf("click %+v\n", c)
		case "key":
			var k Key
			json.Unmarshal(e.Data, &k)
			fmt.Printf("key %+v\n", k)
		default:
			fmt.Printf("unknown %s raw=%s\n", e.Type, e.Data)
		}
	}

	dec := json.NewDecoder(strings.NewReader(`{"id": 2, "title": "x", "bogus": true}`))
	dec.DisallowUnknownFields()
	var strict Article
	fmt.Println("strict:", dec.Decode(&strict))

	inputs := []string{`{"id": "one"}`, `{"id": 1,}`, `[1,2`, `{"status":"archived"}`, `{"views":"12x"}`, `"\ud83d\ude00 ok"`, `{"title": 5}`}
	for _, in := range inputs {
		var v Article
		var s string
		var target any = &v
		if strings.HasPrefix(in, `"`) {
			target = &s
		}
		err := json.Unmarshal([]byte(in), target)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			fmt.Printf("syntax at %d: %v\n", se.Offset, err)
		case errors.As(err, &te):
			fmt.Printf("type: field=%s value=%s type=%v: %v\n", te.Field, te.Value, te.Type, err)
		default:
			fmt.Printf("other: %v %q\n", err, s)
		}
	}
	var anyv any
	json.Unmarshal([]byte(`{"n": 1.5e3, "big": 12345678901234567890, "arr": [true, null, "s"]}`), &anyv)
	fmt.Printf("%v %T\n", anyv, anyv.(map[string]any)["n"])
	d2 := json.NewDecoder(strings.NewReader(`{"big": 12345678901234567890}`))
	d2.UseNumber()
	var nm map[string]any
	d2.Decode(&nm)
	num := nm["big"].(json.Number)
	_, ierr := num.Int64()
	fmt.Println(num, num.String(), ierr)

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"html": "<b>&</b>"})
	enc.SetIndent("", "\t")
	enc.Encode(struct {
		A []byte
		B [2]float32
		C *int
		D any
		E uint8
	}{A: []byte("hi"), B: [2]float32{0.1, 3}})
	var buf bytes.Buffer
	json.HTMLEscape(&buf, []byte(`{"x":"<script>"}`))
	fmt.Println(buf.String(), json.Valid([]byte(`{}`)), json.Valid([]byte(`{`)))
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
}
