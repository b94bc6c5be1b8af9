package main

var parts = []string{"from", "b.go"}

func greeting() string { return "hello" + suffix() }
