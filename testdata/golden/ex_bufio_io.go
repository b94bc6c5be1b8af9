package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
)

type countingWriter struct {
	w     io.Writer
	bytes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.bytes += n
	return n, err
}

type rot13Reader struct{ r io.Reader }

func (r rot13Reader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z':
			p[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			p[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

func main() {
	text := "The quick brown fox\njumps over\n\nthe lazy dog. 42 is the answer"
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Split(bufio.ScanWords)
	words := 0
	for sc.Scan() {
		words++
	}
	fmt.Println("words:", words)
	sc = bufio.NewScanner(strings.NewReader(text))
	sc.Split(bufio.ScanRunes)
	runes := 0
	for sc.Scan() {
		runes++
	}
	fmt.Println("runes:", runes)
	sc = bufio.NewScanner(strings.NewReader("1,2,,3"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("[%s]", sc.Text())
	}
	fmt.Println()
	long := strings.Repeat("x", 100)
	sc = bufio.NewScanner(strings.NewReader(long + "\n"))
	sc.Buffer(make([]byte, 10), 20)
	for sc.Scan() {
	}
	fmt.Println("err:", sc.Err())

	r := bufio.NewReaderSize(strings.NewReader("héllo world\nsecond"), 16)
	c, sz, _ := r.ReadRune()
	fmt.Println(string(c), sz)
	r.UnreadRune()
	peek, _ := r.Peek(3)
	fmt.Printf("%q\n", peek)
	tok, _ := r.ReadBytes(' ')
	fmt.Printf("%q\n", tok)
	line, isPrefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", line, isPrefix, err)
	rest, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", rest, err)

	cw := &countingWriter{w: os.Stdout}
	fmt.Fprintf(cw, "%s\n", "counted line")
	io.WriteString(cw, "another\n")
	fmt.Println("bytes:", cw.bytes)
	io.Copy(os.Stdout, rot13Reader{strings.NewReader("Lbh penpxrq gur pbqr!\n")})
	var sb strings.Builder
	n, err := io.CopyN(&sb, strings.NewReader("abcdefgh"), 5)
	fmt.Println(n, err, sb.String())
	lr := io.LimitReader(strings.NewReader("limited reader text"), 7)
	lb, _ := io.ReadAll(lr)
	fmt.Printf("%q\n", lb)
	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader("two "), strings.NewReader("three"))
	mb, _ := io.ReadAll(mr)
	fmt.Println(string(mb))
	var b1, b2 bytes.Buffer
	mw := io.MultiWriter(&b1, &b2)
	fmt.Fprint(mw, "dup")
	fmt.Println(b1.String(), b2.String())
	tr := io.TeeReader(strings.NewReader("tee"), &b1)
	io.ReadAll(tr)
	fmt.Println(b1.String())
	sr := io.NewSectionReader(strings.NewReader("0123456789"), 3, 4)
	sb2, _ := io.ReadAll(sr)
	fmt.Println(string(sb2), sr.Size())
	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(pw, "msg %d\n", i)
		}
		pw.CloseWithError(fmt.Errorf("producer done"))
	}()
	ps := bufio.NewScanner(pr)
	for ps.Scan() {
		fmt.Println("piped:", ps.Text())
	}
	fmt.Println("pipe err:", ps.Err())
	h := sha256.New()
	io.Copy(h, strings.NewReader(text))
	fmt.Printf("%x\n", h.Sum(nil))
	_, err = io.ReadFull(strings.NewReader("ab"), make([]byte, 4))
	fmt.Println(err, err == io.ErrUnexpectedEOF)
	_, err = io.ReadAtLeast(strings.NewReader(""), make([]byte, 4), 2)
	fmt.Println(err)
	bw := bufio.NewWriterSize(os.Stdout, 8)
	fmt.Fprint(bw, "0123456789abc")
	fmt.Print("|")
	bw.Flush()
	fmt.Println()
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in")), bufio.NewWriter(os.Stdout))
	s, _ := rw.ReadString('\n')
	rw.WriteString(strings.ToUpper(s) + "\n")
	rw.Flush()
	fmt.Println(strings.IndexFunc("abc1", unicode.IsNumber), io.EOF, io.ErrShortWrite, io.ErrClosedPipe)
	dr := strings.NewReader("discard me")
	dn, _ := io.Copy(io.Discard, dr)
	fmt.Println(dn, dr.Len())
}
