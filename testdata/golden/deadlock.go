package main

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		println("goroutine exits")
		done <- true
	}()
	<-done
	<-c
}
