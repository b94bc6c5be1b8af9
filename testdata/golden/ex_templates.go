package main

import (
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
	Tags  []string
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }

type Order struct {
	ID       int
	Customer string
	Items    []Item
	Notes    map[string]string
	Paid     bool
}

const invoice = `Order #{{.ID}} for {{.Customer | upper}}
{{range $i, $it := .Items}}{{add $i 1}}. {{printf "%-8s" $it.Name}} {{$it.Qty}} x {{printf "%.2f" $it.Price}} = {{printf "%7.2f" $it.Total}}{{if $it.Tags}} [{{join $it.Tags ", "}}]{{end}}
{{else}}no items
{{end}}{{with .Notes}}Notes:{{range $k, $v := .}} {{$k}}={{$v}};{{end}}{{end}}
Status: {{if .Paid}}paid{{else if gt (len .Items) 2}}pending (large){{else}}pending{{end}}
{{define "footer"}}-- {{.}} --{{end}}{{template "footer" "thanks"}}
`

func main() {
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"add":   func(a, b int) int { return a + b },
		"join":  strings.Join,
	}
	t := template.Must(template.New("invoice").Funcs(funcs).Parse(invoice))
	o := Order{ID: 42, Customer: "ann", Items: []Item{{"widget", 2.5, 4, []string{"blue", "small"}}, {"gadget", 10, 1, nil}, {"doohick", 0.99, 10, nil}},
		Notes: map[string]string{"gift": "yes", "deliver": "am"}}
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println("error:", err)
	}
	t.Execute(os.Stdout, Order{ID: 1, Customer: "bob", Paid: true})
	t2 := template.Must(template.New("x").Parse(`{{.Missing}}`))
	err := t2.Execute(os.Stdout, o)
	fmt.Println()
	fmt.Println("error:", err)
	_, err = template.New("bad").Parse("{{if}}")
	fmt.Println("parse error:", err)
	t3 := template.Must(template.New("m").Option("missingkey=error").Parse(`{{.a}} {{.b}}`))
	err = t3.Execute(os.Stdout, map[string]int{"a": 1})
	fmt.Println()
	fmt.Println("error:", err)
	t4 := template.Must(template.New("ws").Parse("a  {{- 1 -}}  b {{/* comment */}} {{\"quoted\" | printf \"%q\"}} {{len \"abc\"}} {{index .S 1}} {{slice .S 1 2}} {{eq .N 3}} {{ne 1 2}} {{and 1 0}} {{or 0 \"x\"}} {{not true}} {{html \"<a>\"}} {{js \"it's\"}} {{urlquery \"a b&c\"}} {{print 1 2}} {{println \"end\"}}"))
	t4.Execute(os.Stdout, map[string]any{"S": []string{"x", "y", "z"}, "N": 3})
	var sb strings.Builder
	template.Must(template.New("vars").Parse(`{{$x := 5}}{{$x = 7}}{{$x}} {{range $i, $c := .}}{{if $i}},{{end}}{{$c}}{{end}} {{block "b" .}}default block {{len .}}{{end}}`)).Execute(&sb, []int{3, 1, 2})
	fmt.Println(sb.String())
	for i := range 3 {
		template.Must(template.New("break").Parse(`{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}} {{end}}`)).Execute(os.Stdout, []int{0, 1, 2, 3, 4 + i})
	}
	fmt.Println()

	ht := htmpl.Must(htmpl.New("page").Parse(`<html><body><h1>{{.Title}}</h1>
<a href="/search?q={{.Query}}" title="{{.Title}}">link</a>
<script>var data = {{.Data}}; var s = "{{.Query}}";</script>
<p style="color: {{.Color}}">{{.Body}}</p>
<ul>{{range .List}}<li>{{.}}</li>{{end}}</ul>
{{.Safe}}
</body></html>
`))
	err = ht.Execute(os.Stdout, map[string]any{
		"Title": `Tom & Jerry's "show"`,
		"Query": "a b&c=<d>",
		"Data":  map[string]any{"k": []int{1, 2}, "s": "</script>"},
		"Color": "red; background: url(evil)",
		"Body":  "<b>bold?</b>",
		"List":  []string{"one", "<two>"},
		"Safe":  htmpl.HTML("<em>trusted</em>"),
	})
	fmt.Println(err)
	fmt.Println(htmpl.HTMLEscapeString("<x & 'y'>"), htmpl.JSEscapeString("a'b\"c</"), template.HTMLEscapeString("\""))
}
