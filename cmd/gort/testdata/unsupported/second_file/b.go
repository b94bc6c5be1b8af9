// b.go imports runtime/trace on line 5, so that the position names the second file.

package main

import "runtime/trace"

func hello() { println(trace.IsEnabled()) }
