#!/usr/bin/env bash
# The scheduler's programs at GOMAXPROCS=2 on both sides (see compare.sh for
# flags and environment): channel ping-pong, buffered fan-in, spawning 1e5
# goroutines, select, a contended sync.Mutex, 1e5 timers, and a CPU-bound
# loop split over two goroutines (bench/speedup.sh compares it with itself
# at one P).
PROGRAMS="pingpong fanin spawn selectloop mutex timers cpusplit" PROCS=${PROCS:-2} exec "$(dirname "$0")/compare.sh" "$@"
