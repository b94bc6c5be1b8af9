package main

import "fmt"

type Account struct {
	Balance int
}

func (a *Account) Withdraw(n int) {
	if n > a.Balance {
		panic(fmt.Errorf("insufficient funds: have %d, need %d", a.Balance, n))
	}
	a.Balance -= n
}

type Op func(int)

func runAll(ops []Op, n int) {
	for _, op := range ops {
		op(n)
	}
}

func main() {
	a := &Account{Balance: 10}
	var b Account
	runAll([]Op{a.Withdraw, b.Withdraw}, 5)
}
