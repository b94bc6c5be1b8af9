package main

func main() {
	println("blocking forever")
	select {}
}
