package main

func main() {
	c := make(chan int)
	close(c)
	func() {
		defer func() {
			r := recover()
			_, isRuntime := r.(interface{ RuntimeError() })
			println(r.(error).Error(), isRuntime)
		}()
		select {
		case c <- 1:
		default:
		}
	}()
	c <- 1
}
