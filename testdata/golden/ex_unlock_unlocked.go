package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
	if n > 100 {
		a.mu.Unlock()
	}
}

func main() {
	a := &Account{}
	a.Deposit(50)
	fmt.Println(a.balance)
	defer func() { fmt.Println("recover cannot catch:", recover()) }()
	a.Deposit(500)
}
