// A streaming JSON reader over stdin-like input: Decoder.Token walks a large
// array element by element, More, InputOffset, Buffered, and decoding a
// sequence of concatenated values.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

type Record struct {
	Name  string  `json:"name"`
	Score float64 `json:"score"`
}

func main() {
	dec := json.NewDecoder(os.Stdin)
	tok, err := dec.Token()
	fmt.Printf("open: %v %T %v\n", tok, tok, err)
	total := 0.0
	n := 0
	for dec.More() {
		var r Record
		if err := dec.Decode(&r); err != nil {
			fmt.Println("decode:", err)
			return
		}
		n++
		total += r.Score
		fmt.Printf("%d %-6s %6.2f offset=%d\n", n, r.Name, r.Score, dec.InputOffset())
	}
	tok, err = dec.Token()
	fmt.Printf("close: %v %v avg=%.3f\n", tok, err, total/float64(n))
	tok, err = dec.Token()
	fmt.Println("then:", tok, err)

	d := json.NewDecoder(strings.NewReader(`{"a": [1, "two", {"three": null}], "b": false} 7 "eight"`))
	for {
		t, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("err:", err)
			break
		}
		fmt.Printf("%T:%v more=%v\n", t, t, d.More())
	}
	d = json.NewDecoder(strings.NewReader(`{"x":1}{"x":2} {"x":3} oops`))
	for {
		var m map[string]int
		err := d.Decode(&m)
		if err != nil {
			fmt.Println("stop:", err)
			break
		}
		fmt.Println(m)
	}
	d = json.NewDecoder(strings.NewReader(`[1, 2] trailing`))
	var arr []int
	d.Decode(&arr)
	rest, _ := io.ReadAll(d.Buffered())
	fmt.Printf("%v %q\n", arr, rest)
	d = json.NewDecoder(strings.NewReader(`{"a" 1}`))
	d.Token()
	_, err = d.Token()
	fmt.Println(err)
}
