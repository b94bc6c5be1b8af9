package runtime

import "sync"

// lockRank orders the runtime's locks: a lock may only be taken while
// every lock the M already holds has a lower rank, as lockrank.go's static
// ranking demands of the real runtime's locks (checked there only in
// lock-ranking builds; here always, the check is cheap). The order is the
// nesting the code has: getitab allocates the itab while it holds the itab
// lock, and allocation takes the heap's locks and the type cache's.
type lockRank int

const (
	lockRankSched lockRank = iota + 1
	lockRankItab
	lockRankMheap
	lockRankRuntimeTypes // a leaf: taken while allocating
)

func (r lockRank) String() string {
	switch r {
	case lockRankSched:
		return "sched"
	case lockRankItab:
		return "itab"
	case lockRankMheap:
		return "mheap"
	case lockRankRuntimeTypes:
		return "runtimeTypes"
	}
	return "unranked"
}

// mutex is a runtime lock with a static rank.
type mutex struct {
	mu   sync.Mutex
	rank lockRank
}

// maxLocksHeld bounds the locks one M holds at once: the ranks are
// strictly increasing along the held list, so it is at most their number.
const maxLocksHeld = int(lockRankRuntimeTypes)

// lock takes l on behalf of mp, after checking l's rank against the locks
// mp already holds: a lock taken out of order could deadlock against an M
// taking the same two the other way round, so it is gort's bug.
func lock(mp *m, l *mutex) {
	if n := mp.nlocksHeld; n > 0 && mp.locksHeld[n-1].rank >= l.rank {
		throw("lock ordering problem: " + mp.locksHeld[n-1].rank.String() + " held while taking " + l.rank.String())
	}
	l.mu.Lock()
	mp.locksHeld[mp.nlocksHeld] = l
	mp.nlocksHeld++
}

// unlock releases l, which mp holds; locks may be released in any order.
func unlock(mp *m, l *mutex) {
	for i := mp.nlocksHeld - 1; i >= 0; i-- {
		if mp.locksHeld[i] == l {
			copy(mp.locksHeld[i:], mp.locksHeld[i+1:mp.nlocksHeld])
			mp.nlocksHeld--
			mp.locksHeld[mp.nlocksHeld] = nil
			l.mu.Unlock()
			return
		}
	}
	throw("unlock of a lock this M does not hold")
}
