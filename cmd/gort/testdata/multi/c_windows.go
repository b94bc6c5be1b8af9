package main

// Excluded by its file name: with it, suffix would be declared twice.
func suffix() string { return ", windows" }
