package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

var (
	ErrInsufficient = errors.New("insufficient funds")
	ErrNoAccount    = errors.New("no such account")
)

type Account struct {
	ID      string
	Owner   string
	balance int64
	history []string
	mu      sync.Mutex
}

type Bank struct {
	mu       sync.RWMutex
	accounts map[string]*Account
}

func NewBank() *Bank { return &Bank{accounts: make(map[string]*Account)} }

func (b *Bank) Open(id, owner string, initial int64) *Account {
	b.mu.Lock()
	defer b.mu.Unlock()
	a := &Account{ID: id, Owner: owner, balance: initial}
	b.accounts[id] = a
	return a
}

func (b *Bank) get(id string) (*Account, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	a, ok := b.accounts[id]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNoAccount, id)
	}
	return a, nil
}

func (b *Bank) Transfer(from, to string, amt int64) error {
	src, err := b.get(from)
	if err != nil {
		return fmt.Errorf("transfer: %w", err)
	}
	dst, err := b.get(to)
	if err != nil {
		return fmt.Errorf("transfer: %w", err)
	}
	first, second := src, dst
	if first.ID > second.ID {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if src.balance < amt {
		return fmt.Errorf("transfer %d from %s: %w", amt, from, ErrInsufficient)
	}
	src.balance -= amt
	dst.balance += amt
	src.history = append(src.history, fmt.Sprintf("-%d->%s", amt, to))
	dst.history = append(dst.history, fmt.Sprintf("+%d<-%s", amt, from))
	return nil
}

func (b *Bank) Total() int64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	var t int64
	for _, a := range b.accounts {
		a.mu.Lock()
		t += a.balance
		a.mu.Unlock()
	}
	return t
}

func main() {
	bank := NewBank()
	ids := []string{"A", "B", "C", "D"}
	for i, id := range ids {
		bank.Open(id, strings.Repeat(id, 3), int64(100*(i+1)))
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := map[string]int{}
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				from := ids[(w+i)%4]
				to := ids[(w+2*i+1)%4]
				if from == to {
					continue
				}
				if err := bank.Transfer(from, to, int64((w*7+i*3)%40+1)); err != nil {
					mu.Lock()
					switch {
					case errors.Is(err, ErrInsufficient):
						failures["insufficient"]++
					default:
						failures["other"]++
					}
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("total conserved:", bank.Total() == 1000)
	err := bank.Transfer("A", "Z", 1)
	fmt.Println(err, errors.Is(err, ErrNoAccount))
	err = bank.Transfer("A", "B", 1_000_000)
	fmt.Println(err, errors.Is(err, ErrInsufficient))
	keys := make([]string, 0, len(failures))
	for k := range failures {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(len(keys) <= 2)
	a, _ := bank.get("A")
	fmt.Println(a.Owner, len(a.history) > 0)
}
