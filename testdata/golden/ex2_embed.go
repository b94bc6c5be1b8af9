// Embeds a file as string and []byte, a directory as embed.FS (hidden and
// underscore files left out), a directory with all: (kept), and a glob,
// then walks and reads them through io/fs.
package main

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed ex2_embed_assets/greeting.txt
var greeting string

//go:embed ex2_embed_assets/config.json
var config []byte

//go:embed ex2_embed_assets
var assets embed.FS

//go:embed all:ex2_embed_assets/sub
var all embed.FS

//go:embed ex2_embed_assets/*.txt ex2_embed_assets/config.json
var globbed embed.FS

//go:embed ex2_embed_assets/greeting.txt
var single embed.FS

var empty embed.FS

func walk(name string, fsys fs.FS) {
	fmt.Println("==", name)
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		fmt.Printf("%-40s dir=%-5v size=%d mode=%v\n", path, d.IsDir(), info.Size(), info.Mode())
		return nil
	})
	fmt.Println("walk err:", err)
}

func main() {
	fmt.Printf("greeting %q\n", greeting)
	fmt.Printf("config %d bytes: %s", len(config), config)
	config[0] = '['
	walk("assets", assets)
	walk("all", all)
	walk("globbed", globbed)
	walk("single", single)
	walk("empty", empty)

	b, err := assets.ReadFile("ex2_embed_assets/sub/inner.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = assets.ReadFile("ex2_embed_assets/.secret")
	fmt.Println(err)
	_, err = assets.ReadFile("ex2_embed_assets/sub")
	fmt.Println(err)
	_, err = assets.Open("/abs")
	fmt.Println(err)
	entries, err := assets.ReadDir("ex2_embed_assets")
	for _, e := range entries {
		fmt.Println(e.Name(), e.IsDir(), e.Type())
	}
	fmt.Println(err)
	sub, _ := fs.Sub(assets, "ex2_embed_assets")
	matches, err := fs.Glob(sub, "*.json")
	fmt.Println(matches, err)
	data, _ := fs.ReadFile(sub, "greeting.txt")
	fmt.Println(strings.Count(string(data), "\n"), "lines")
	f, _ := single.Open("ex2_embed_assets/greeting.txt")
	st, _ := f.Stat()
	fmt.Println(st.Name(), st.Size(), st.IsDir(), st.ModTime().IsZero())
	buf := make([]byte, 5)
	n, err := f.Read(buf)
	fmt.Println(n, err, string(buf))
	f.Close()
}
