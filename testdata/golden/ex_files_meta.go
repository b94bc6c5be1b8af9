package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	dir, err := os.MkdirTemp("", "gort-ex-meta-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "data.txt")
	os.WriteFile(p, []byte("payload"), 0644)

	fmt.Println("chmod:", os.Chmod(p, 0600))
	st, _ := os.Stat(p)
	fmt.Println(st.Mode())
	mt := time.Date(2020, 5, 17, 12, 0, 0, 0, time.UTC)
	fmt.Println("chtimes:", os.Chtimes(p, mt, mt))
	st, _ = os.Stat(p)
	fmt.Println(st.ModTime().UTC())

	f, _ := os.OpenFile(p, os.O_RDWR, 0)
	fmt.Println("fchmod:", f.Chmod(0640))
	fmt.Println("ftruncate:", f.Truncate(3))
	fi, _ := f.Stat()
	fmt.Println(fi.Mode(), fi.Size())
	f.Close()
	fmt.Println("chown to self:", os.Chown(p, os.Getuid(), os.Getgid()))

	link := filepath.Join(dir, "link")
	fmt.Println("symlink:", os.Symlink("data.txt", link))
	target, err := os.Readlink(link)
	fmt.Println(target, err)
	lst, _ := os.Lstat(link)
	fmt.Println(lst.Mode()&os.ModeSymlink != 0, lst.Mode().Type() == os.ModeSymlink)
	b, err := os.ReadFile(link)
	fmt.Printf("%q %v\n", b, err)
	hard := filepath.Join(dir, "hard")
	fmt.Println("link:", os.Link(p, hard))
	hs, _ := os.Stat(hard)
	fmt.Println(os.SameFile(hs, fi) || hs.Size() == 3)
	fmt.Println(os.Symlink("x", link) != nil)

	fmt.Println(os.Truncate(filepath.Join(dir, "nope"), 0) != nil)
	os.Remove(link)
	_, err = os.Lstat(link)
	fmt.Println(os.IsNotExist(err))
}
