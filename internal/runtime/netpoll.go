package runtime

import "syscall"

// The netpoller's hooks for internal/poll. There is no netpoller yet (the
// parallel scheduler brings it), so registering a descriptor fails, as
// epoll does for a regular file: internal/poll then does blocking I/O on
// it, which is what os needs for files and the standard streams.

func init() {
	for name, f := range map[string]nativeFunc{
		"internal/poll.runtime_pollServerInit": func(mp *m, gp *g, fp uintptr) int { return stContinue },
		// pollOpen(fd uintptr) (uintptr, int)
		"internal/poll.runtime_pollOpen": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.mem.MustWriteWords(fp+8, []uint64{0, uint64(syscall.EPERM)})
			return stContinue
		},
		// isPollServerDescriptor(fd uintptr) bool
		"internal/poll.runtime_isPollServerDescriptor": func(mp *m, gp *g, fp uintptr) int {
			mp.vm.st8(fp+8, 0)
			return stContinue
		},
	} {
		nativeTable[name] = f
	}
}
