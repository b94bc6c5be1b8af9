package main

import (
	"bytes"
	"fmt"
	"log"
	"log/slog"
	"os"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("app: ")
	log.Println("starting", 1, 2)
	log.Printf("value=%d", 42)
	var buf bytes.Buffer
	l := log.New(&buf, "[buf] ", log.Lmsgprefix)
	l.Print("hello")
	l.Printf("n=%v", []int{1})
	fmt.Print(buf.String())
	l2 := log.New(os.Stdout, "", log.Lshortfile)
	l2.Println("with file")
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	})
	logger := slog.New(h)
	logger.Info("user login", "user", "ann", "attempt", 3, "ok", true)
	logger.Debug("details", slog.Group("req", slog.String("method", "GET"), slog.Int("status", 200)))
	logger.With("component", "db").Warn("slow query", "ms", 1234.5)
	logger.Error("failed", "err", fmt.Errorf("boom"))
	jh := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	jl := slog.New(jh)
	jl.Info("json", "list", []int{1, 2}, "map", map[string]int{"a": 1})
	jl.Debug("hidden")
	defer fmt.Println("deferred not run by Fatal")
	log.Fatalf("fatal: %s", "bye")
}
