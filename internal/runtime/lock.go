package runtime

import "sync"

// lockRank orders the runtime's locks: a lock may only be taken while every
// lock already held has a lower rank. The order follows lockrank.go's
// intent for the locks gort has.
type lockRank int

const (
	lockRankSched lockRank = iota + 1
	lockRankAllg
	lockRankHchan
	lockRankItab
	lockRankMheap
	lockRankRuntimeTypes // a leaf: taken while allocating
)

// mutex is a runtime lock with a static rank.
type mutex struct {
	mu   sync.Mutex
	rank lockRank
}

func lock(l *mutex)   { l.mu.Lock() }
func unlock(l *mutex) { l.mu.Unlock() }
