// A deferred function panics while the first panic is running: both are
// printed, the first one marked as not recovered.
package main

func main() {
	defer func() {
		panic("second")
	}()
	defer println("deferred print runs")
	panic("first")
}
