//go:build gort

package runtime

// gcBgMarkWorker is the collector's background mark worker, a goroutine
// of the runtime's own as the real one: the scheduler hands it the M when
// it should mark (its share of the time, or when nothing else can run),
// and each gcMarkWorkerRun does one turn of mark work and parks it again.
func gcBgMarkWorker() {
	for {
		gcMarkWorkerRun()
	}
}

// gcMarkWorkerRun does the worker's turn of marking, then parks the
// worker until its next turn (a native).
func gcMarkWorkerRun()
