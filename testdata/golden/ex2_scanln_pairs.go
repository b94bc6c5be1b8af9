// Reads "name age" records with fmt.Scanln and a header with Sscanf,
// showing the errors Scanln gives for short and long lines.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	header, _ := r.ReadString('\n')
	if _, err := fmt.Sscanf(header, "records: %d", &n); err != nil {
		fmt.Println("bad header:", err)
		return
	}
	fmt.Println("expecting", n, "records")
	for i := 0; i < n; i++ {
		var name string
		var age int
		c, err := fmt.Fscanln(r, &name, &age)
		fmt.Printf("record %d: count=%d name=%q age=%d err=%v\n", i, c, name, age, err)
		if err != nil && err.Error() == "expected newline" {
			r.ReadString('\n')
		}
	}
	var a, b int
	var op string
	line, _ := r.ReadString('\n')
	c, err := fmt.Sscanf(line, "%d %s %d", &a, &op, &b)
	fmt.Println(c, err, a, op, b)
	var hex, oct int
	var f float32
	c, err = fmt.Sscanf("0x1F 017 2.5", "%v %v %g", &hex, &oct, &f)
	fmt.Println(c, err, hex, oct, f)
	c, err = fmt.Sscan("10 20", &a)
	fmt.Println(c, err, a)
	c, err = fmt.Sscanf("7-8", "%d-%d", &a, &b)
	fmt.Println(c, err, a, b)
	c, err = fmt.Sscanf("x", "%d", &a)
	fmt.Println(c, err)
}
