package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

func main() {
	dir, err := os.MkdirTemp("", "gortfs")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	must := func(err error) {
		if err != nil {
			fmt.Println("error:", err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "a", "b", "c"), 0755))
	must(os.WriteFile(filepath.Join(dir, "a", "f1.txt"), []byte("one"), 0644))
	must(os.WriteFile(filepath.Join(dir, "a", "b", "f2.txt"), []byte("two!"), 0600))
	must(os.Chmod(filepath.Join(dir, "a", "f1.txt"), 0640))
	st, err := os.Stat(filepath.Join(dir, "a", "f1.txt"))
	fmt.Println(st.Name(), st.Size(), st.Mode(), st.IsDir(), err)
	must(os.Rename(filepath.Join(dir, "a", "f1.txt"), filepath.Join(dir, "a", "g1.txt")))
	must(os.Symlink("g1.txt", filepath.Join(dir, "a", "link")))
	l, err := os.Readlink(filepath.Join(dir, "a", "link"))
	fmt.Println("link ->", l, err)
	must(os.Link(filepath.Join(dir, "a", "g1.txt"), filepath.Join(dir, "a", "hard")))
	t := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	must(os.Chtimes(filepath.Join(dir, "a", "g1.txt"), t, t))
	st, _ = os.Stat(filepath.Join(dir, "a", "g1.txt"))
	fmt.Println("mtime", st.ModTime().UTC())
	must(os.Truncate(filepath.Join(dir, "a", "g1.txt"), 1))
	b, _ := os.ReadFile(filepath.Join(dir, "a", "hard"))
	fmt.Printf("%q\n", b)
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		names = append(names, fmt.Sprintf("%s dir=%v", rel, d.IsDir()))
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		fmt.Println(n)
	}
	_, err = os.Stat(filepath.Join(dir, "nope"))
	fmt.Println(os.IsNotExist(err))
	ents, _ := os.ReadDir(filepath.Join(dir, "a"))
	for _, e := range ents {
		fmt.Println(e.Name(), e.IsDir(), e.Type())
	}
}
