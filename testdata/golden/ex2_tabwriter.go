// Prints an inventory table with text/tabwriter: left and right aligned
// columns, padding characters, Debug bars and a trailing-tab cell.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

type item struct {
	name  string
	qty   int
	price float64
}

func main() {
	items := []item{{"apple", 12, 0.5}, {"watermelon", 1, 3.25}, {"kiwi", 140, 0.2}, {"fig", 7, 1}}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tQTY\tPRICE\tTOTAL\t")
	for _, it := range items {
		fmt.Fprintf(w, "%s\t%d\t%.2f\t%.2f\t\n", it.name, it.qty, it.price, float64(it.qty)*it.price)
	}
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 5, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	for _, it := range items {
		fmt.Fprintf(w, "%s\t%d\t%.1f\t\n", it.name, it.qty, it.price)
	}
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 0, '.', tabwriter.FilterHTML|tabwriter.StripEscape)
	fmt.Fprintln(w, "a\tb&amp;c\tccc")
	fmt.Fprintln(w, "aaaa\t\xffesc\taped\xff\td")
	fmt.Fprintln(w, "\t<b>x</b>\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 8, 1, '\t', tabwriter.TabIndent)
	fmt.Fprintln(w, "\tindented\tcol")
	fmt.Fprintln(w, "\tx\ty")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "new block\tz")
	w.Flush()
}
