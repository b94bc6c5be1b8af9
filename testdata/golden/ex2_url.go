// Parses URLs and shows their parts, query values, escaping in both
// directions, reference resolution and the errors of bad input.
package main

import (
	"fmt"
	"net/url"
)

func main() {
	raw := []string{
		"https://user:p%40ss@example.com:8443/a/b%20c/?q=go+lang&x=1&x=2#frag%21",
		"mailto:someone@example.org",
		"/relative/path?only=query",
		"http://[::1]:80/ipv6",
		"file:///etc/hosts",
		"postgres://db.internal/app?sslmode=disable",
	}
	for _, s := range raw {
		u, err := url.Parse(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		pw, hasPw := u.User.Password()
		fmt.Printf("%s\n  scheme=%q opaque=%q user=%q pw=%q(%v) host=%q hostname=%q port=%q\n  path=%q rawpath=%q escpath=%q rawquery=%q frag=%q abs=%v\n",
			u, u.Scheme, u.Opaque, u.User.Username(), pw, hasPw, u.Host, u.Hostname(), u.Port(),
			u.Path, u.RawPath, u.EscapedPath(), u.RawQuery, u.Fragment, u.IsAbs())
		q := u.Query()
		fmt.Println("  query:", q, q.Get("x"), q["x"], q.Has("q"))
	}
	for _, bad := range []string{"http://a b.com/", "%zz", "http://host:port/", ":no-scheme", "http://[::1"} {
		_, err := url.Parse(bad)
		fmt.Println("bad:", err)
	}
	v := url.Values{}
	v.Set("name", "Zoë & Co")
	v.Add("tag", "a/b")
	v.Add("tag", "c d")
	v.Set("empty", "")
	fmt.Println(v.Encode())
	fmt.Println(url.QueryEscape("a b/c?d=e&f"), url.PathEscape("a b/c?d=e&f"))
	for _, s := range []string{"a%20b+c", "100%", "%e4%b8%96"} {
		q, err1 := url.QueryUnescape(s)
		p, err2 := url.PathUnescape(s)
		fmt.Printf("%q %v | %q %v\n", q, err1, p, err2)
	}
	base, _ := url.Parse("http://example.com/dir/sub/page.html?x=1")
	for _, ref := range []string{"other.html", "../up", "/root", "//cdn.example.net/lib.js", "?y=2", "#top", "https://elsewhere/"} {
		r, _ := url.Parse(ref)
		fmt.Println(ref, "->", base.ResolveReference(r))
	}
	u := &url.URL{Scheme: "https", Host: "api.example.com", Path: "/v1/items/a b", RawQuery: url.Values{"page": {"2"}}.Encode()}
	fmt.Println(u.String(), u.RequestURI(), u.JoinPath("x", "../y").String())
	pq, err := url.ParseQuery("a=1&b=2&a=3&c")
	fmt.Println(pq, err)
	_, err = url.ParseQuery("a=1;b=2")
	fmt.Println(err)
	fmt.Println(url.UserPassword("me", "sec ret").String())
}
