// log/slog with text and JSON handlers writing to stdout, the time
// attribute removed by ReplaceAttr so output is fixed: levels, groups,
// With, attrs of many kinds, LogValuer, and a level filter.
package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"time"
)

type token string

func (token) LogValue() slog.Value { return slog.StringValue("REDACTED") }

type user struct {
	ID   int
	Name string
}

func (u user) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name))
}

func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	if a.Key == "secret" {
		a.Value = slog.StringValue("***")
	}
	return a
}

func main() {
	for _, h := range []slog.Handler{
		slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime, Level: slog.LevelDebug}),
		slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}),
	} {
		log := slog.New(h)
		log.Info("starting", "port", 8080, "debug", true, "ratio", 0.75)
		log.Debug("debug detail", "n", 1)
		log.Warn("disk low", slog.Int64("free", 1<<30), slog.Duration("uptime", 90*time.Minute))
		log.Error("failed", "err", errors.New("boom"), "secret", "hunter2", "tok", token("abc"))
		req := log.With("req", 17).WithGroup("http")
		req.Info("request", "method", "GET", "path", "/a b", slog.Group("resp", "status", 200, "bytes", 512))
		log.Info("user", "u", user{1, "ann"}, "list", []int{1, 2}, "m", map[string]int{"k": 1}, "nil", nil)
		log.Info("quote\"s and\nnewlines", "key with space", "value=with=equals", "empty", "")
		log.LogAttrs(context.Background(), slog.LevelWarn+1, "custom level", slog.Bool("ok", false), slog.Time("when", time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC)))
		log.Info("odd", "dangling")
	}
	var lv slog.LevelVar
	lv.Set(slog.LevelWarn)
	l := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: &lv, ReplaceAttr: noTime, AddSource: false}))
	l.Info("hidden")
	l.Warn("shown")
	lv.Set(slog.LevelInfo)
	l.Info("now shown", "level", lv.Level())
	slog.SetDefault(l)
	slog.Info("through default", "x", 1)
	println := func(v ...any) { slog.Default().Info("println", v...) }
	println("a", 1)
	for _, s := range []string{"debug", "INFO", "warn+2", "error-1", "nope"} {
		var lvl slog.Level
		err := lvl.UnmarshalText([]byte(s))
		l.Warn("parsed level", "in", s, "out", lvl, "err", err)
	}
}
