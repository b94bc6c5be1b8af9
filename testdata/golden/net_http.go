// net/http's server and client on the loopback: GET, POST with a body,
// a 404, headers, keep-alive connections, then the server's shutdown.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello, %s", r.URL.Query().Get("name"))
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("X-Method", r.Method)
		w.Header().Set("Content-Type", "text/plain")
		w.Write(body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := &http.Server{Handler: mux}
	served := make(chan error)
	go func() { served <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String()
	for _, name := range []string{"gopher", "gort", "world"} {
		resp, err := http.Get(base + "/hello?name=" + name)
		if err != nil {
			fmt.Println("get:", err)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, resp.Proto, string(b))
	}
	body := strings.Repeat("0123456789", 20000)
	resp, err := http.Post(base+"/echo", "text/plain", strings.NewReader(body))
	if err != nil {
		fmt.Println("post:", err)
		return
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("X-Method"), resp.Header.Get("Content-Type"), len(b), string(b) == body)
	resp, err = http.Get(base + "/missing")
	if err != nil {
		fmt.Println("get:", err)
		return
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("%s %q\n", resp.Status, b)
	srv.Close()
	fmt.Println(<-served)
}
