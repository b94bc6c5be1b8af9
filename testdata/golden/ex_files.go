package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
}

func rel(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return "?"
	}
	return r
}

func main() {
	dir, err := os.MkdirTemp("", "gort-ex-files-*")
	check(err)
	defer os.RemoveAll(dir)

	p := filepath.Join(dir, "notes.txt")
	check(os.WriteFile(p, []byte("line one\nline two\nline three\n"), 0644))
	b, err := os.ReadFile(p)
	check(err)
	fmt.Printf("%q\n", b)

	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	check(err)
	n, err := f.WriteString("line four\n")
	fmt.Println(n, err)
	fmt.Fprintf(f, "line %d\n", 5)
	check(f.Close())
	fmt.Println(f.Close() != nil)

	f, err = os.Open(p)
	check(err)
	sc := bufio.NewScanner(f)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		fmt.Printf("%d: %s\n", lineNo, sc.Text())
	}
	check(sc.Err())
	off, err := f.Seek(5, io.SeekStart)
	fmt.Println(off, err)
	buf := make([]byte, 3)
	_, err = io.ReadFull(f, buf)
	fmt.Println(string(buf), err)
	pos, _ := f.Seek(0, io.SeekCurrent)
	fmt.Println("pos", pos)
	rb := make([]byte, 4)
	n, err = f.ReadAt(rb, 9)
	fmt.Println(n, err, string(rb))
	f.Close()

	st, err := os.Stat(p)
	check(err)
	fmt.Println(st.Name(), st.Size(), st.IsDir(), st.Mode().IsRegular(), st.Mode().Perm())
	_, err = os.Stat(filepath.Join(dir, "missing"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))

	check(os.MkdirAll(filepath.Join(dir, "a", "b", "c"), 0755))
	check(os.WriteFile(filepath.Join(dir, "a", "x.go"), []byte("package x"), 0600))
	check(os.WriteFile(filepath.Join(dir, "a", "b", "y.txt"), nil, 0644))
	check(os.Rename(p, filepath.Join(dir, "a", "renamed.txt")))
	_, err = os.Stat(p)
	fmt.Println("old gone:", os.IsNotExist(err))

	entries, err := os.ReadDir(filepath.Join(dir, "a"))
	check(err)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Println(e.Name(), e.IsDir(), e.Type().IsDir(), info.Size())
	}
	var walked []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		walked = append(walked, rel(dir, path))
		return nil
	})
	fmt.Println(walked, err)
	var walked2 []string
	filepath.Walk(dir, func(path string, info fs.FileInfo, err error) error {
		if info.IsDir() && info.Name() == "b" {
			return filepath.SkipDir
		}
		walked2 = append(walked2, rel(dir, path))
		return nil
	})
	fmt.Println(walked2)
	matches, _ := filepath.Glob(filepath.Join(dir, "a", "*.*"))
	for i := range matches {
		matches[i] = rel(dir, matches[i])
	}
	sort.Strings(matches)
	fmt.Println(matches)
	fsys := os.DirFS(dir)
	data, err := fs.ReadFile(fsys, "a/x.go")
	fmt.Println(string(data), err)
	gm, _ := fs.Glob(fsys, "a/b/*")
	fmt.Println(gm)

	err = os.Remove(filepath.Join(dir, "a"))
	fmt.Println("remove non-empty fails:", err != nil)
	check(os.Remove(filepath.Join(dir, "a", "b", "y.txt")))
	_, err = os.ReadFile(filepath.Join(dir, "a", "b", "y.txt"))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, filepath.Base(pe.Path), pe.Err)

	w, err := os.Create(filepath.Join(dir, "out.txt"))
	check(err)
	bw := bufio.NewWriter(w)
	for i := 0; i < 3; i++ {
		bw.WriteString(strings.Repeat(string(rune('a'+i)), 3) + "\n")
	}
	fmt.Println("buffered:", bw.Buffered())
	bw.Flush()
	w.Close()
	rf, _ := os.Open(filepath.Join(dir, "out.txt"))
	br := bufio.NewReader(rf)
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			break
		}
		fmt.Print("> ", line)
	}
	rf.Close()

	fmt.Println(filepath.Base("/a/b/c.txt"), filepath.Dir("/a/b/c.txt"), filepath.Ext("x.tar.gz"), filepath.Clean("/a/../b/./c//d/"), filepath.IsAbs("a/b"))
	sd, sf := filepath.Split("dir/file.go")
	fmt.Println(filepath.Join("a", "", "../b", "c"), sd, sf)
	m, _ := filepath.Match("*.go", "main.go")
	fmt.Println(m, strings.Join(filepath.SplitList("/bin:/usr/bin"), ","))
	tf, err := os.CreateTemp(dir, "tmp-*.dat")
	check(err)
	fmt.Println(strings.HasPrefix(filepath.Base(tf.Name()), "tmp-"), strings.HasSuffix(tf.Name(), ".dat"))
	tf.Close()
	check(os.Chmod(tf.Name(), 0400))
	st, _ = os.Stat(tf.Name())
	fmt.Println(st.Mode())
	check(os.Truncate(filepath.Join(dir, "out.txt"), 4))
	bs, _ := os.ReadFile(filepath.Join(dir, "out.txt"))
	fmt.Printf("%q\n", bs)
	_, err = os.ReadDir(filepath.Join(dir, "nope"))
	fmt.Println(err != nil)
	wd, err := os.Getwd()
	fmt.Println(wd != "", err)
}
