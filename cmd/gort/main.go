// Command gort runs Go programs from source on gort's runtime.
//
//	gort run [-seed N] file.go... [args]   compile and run, as `go run` would
//	gort run [-seed N] dir [args]
//	gort dis file.go... [func]             print the bytecode of a function (or all)
//	gort clean -cache                      remove the build cache
//
// The build cache is in $GORTCACHE, or gort/ in the user cache directory;
// GORTCACHE=off turns it off (see cache.go).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	goruntime "runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gort/internal/arena"
	"gort/internal/buildcache"
	"gort/internal/bytecode"
	"gort/internal/compiler"
	"gort/internal/loader"
	"gort/internal/runtime"
)

func usage() {
	fmt.Fprintln(os.Stderr, "usage: gort run [-seed N] file.go... [arguments]\n       gort dis file.go... [func]\n       gort clean -cache")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	hostKnobs()
	// Loading, type-checking and compiling the standard library from
	// source builds a large graph that lives until the program runs; the
	// host collector at its default pace spends a third of start-up on it.
	// GOGC=200 halves that for about 10% more peak memory. A GOGC in the
	// environment is the program's (hostKnobs), and the host takes the
	// default.
	debug.SetGCPercent(200)
	switch os.Args[1] {
	case "run":
		os.Exit(run(os.Args[2:]))
	case "dis":
		os.Exit(dis(os.Args[2:]))
	case "clean":
		os.Exit(clean(os.Args[2:]))
	default:
		usage()
	}
}

// build loads and compiles a program, reporting errors as the go command
// does (type errors exit 1; unsupported features exit 2).
// The program goes into the arena of slot 0, which build maps. The caller
// calls wait before it exits: a new image is still being written to the
// build cache.
func build(pkg []string) (p *bytecode.Program, mem *arena.Arena, wait func(), code int) {
	wait = func() {}
	if err := loader.CheckGOROOT(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return nil, nil, wait, 2
	}
	mem, err := arena.Map(0)
	if err != nil {
		if errors.Is(err, arena.ErrTaken) {
			reexec()
		}
		fmt.Fprintln(os.Stderr, err)
		return nil, nil, wait, 2
	}
	os.Unsetenv(retryKey) // gort's own, not the program's environment
	cache, err := buildcache.Open()
	if errors.Is(err, buildcache.ErrRelative) {
		fmt.Fprintln(os.Stderr, "gort:", err)
		return nil, nil, wait, 1
	}
	// Without a cache (one that cannot be made), gort builds every time.
	key, keyed := imageKey(pkg, mem)
	if !keyed {
		cache = nil
	}
	if p = cachedImage(cache, key, mem); p != nil {
		traceCache("hit")
		return p, mem, wait, 0
	}
	if cache != nil {
		traceCache("miss")
		if p, in := linkedImage(cache, pkg, mem); p != nil {
			return p, mem, storeImage(cache, key, in, p, mem), 0
		}
	}
	lp, err := loader.Load(pkg)
	if err != nil {
		var le *loader.Error
		if errors.As(err, &le) {
			fmt.Fprintln(os.Stderr, le.Msg)
			return nil, nil, wait, le.Code
		}
		fmt.Fprintln(os.Stderr, err)
		return nil, nil, wait, 2
	}
	if p, err = compiler.Compile(lp, mem); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return nil, nil, wait, 2
	}
	return p, mem, storeImage(cache, key, lp.Inputs, p, mem), 0
}

// programKnobs are the environment variables that both the host Go runtime
// under gort and the program's runtime read. They are the program's: with
// GODEBUG=gctrace=1 the program must print its own collector's lines and
// not the host's, and GOGC=off must not stop the host's collector. So
// hostKnobs starts gort again without them, keeping each as
// GORT_PROGRAM_<name>, and programEnv gives them back to the program.
var programKnobs = []string{"GODEBUG", "GOGC", "GOMEMLIMIT"}

const programKnobPrefix = "GORT_PROGRAM_"

// hostKnobs re-executes gort with the program's knobs moved out of the
// host runtime's way, if any is set.
func hostKnobs() {
	if _, done := os.LookupEnv(programKnobPrefix + "KNOBS"); done {
		return
	}
	var env []string
	moved := false
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if slices.Contains(programKnobs, k) {
			env = append(env, programKnobPrefix+k+"="+v)
			moved = true
			continue
		}
		env = append(env, kv)
	}
	if !moved {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	env = append(env, programKnobPrefix+"KNOBS=1")
	syscall.Exec(exe, os.Args, env)
}

// programEnv is the environment the program sees: gort's, with the knobs
// hostKnobs moved put back.
func programEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		switch {
		case k == programKnobPrefix+"KNOBS" || k == retryKey:
		case strings.HasPrefix(k, programKnobPrefix):
			env = append(env, strings.TrimPrefix(k, programKnobPrefix)+"="+v)
		default:
			env = append(env, kv)
		}
	}
	return env
}

// retryKey counts reexec's restarts in the environment.
const retryKey = "GORT_ARENA_RETRY"

// reexec starts gort again when the host heap happened to be placed where
// the arena goes; the new process draws a new heap base. It gives up after
// a few tries.
func reexec() {
	tries, _ := strconv.Atoi(os.Getenv(retryKey))
	if tries >= 8 {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	env := append(os.Environ(), retryKey+"="+strconv.Itoa(tries+1))
	syscall.Exec(exe, os.Args, env)
}

func run(args []string) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	seed := fs.Uint64("seed", 1, "run deterministically, on one M, with every random choice drawn from `N`")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of gort itself (not of the program) to `file`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gort:", err)
			return 2
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	pkg, progArgs := loader.SplitArgs(fs.Args())
	p, mem, wait, code := build(pkg)
	defer wait()
	if p == nil {
		return code
	}
	opts := runtime.Options{Arena: mem, Args: append([]string{pkg[0]}, progArgs...), Env: programEnv(), Seed: *seed}
	// Without -seed the program runs as the binary gc builds does: on
	// GOMAXPROCS Ps and as many Ms as it needs, its random choices seeded
	// afresh each run.
	seeded := false
	fs.Visit(func(f *flag.Flag) { seeded = seeded || f.Name == "seed" })
	if !seeded {
		opts.Parallel = true
		opts.Seed = uint64(time.Now().UnixNano())
	}
	if os.Getenv("GORT_HOSTALLOCS") != "1" {
		return runtime.Run(p, opts)
	}
	// The hidden GORT_HOSTALLOCS=1 reports the host heap allocations made
	// while the program runs (boot included, compile and load not): the
	// interpreter must make none in steady state (DESIGN.md §4), and
	// cmd/gort's allocs test checks that this count does not grow with the
	// work a program does.
	wait() // the cache's writer allocates too
	var before, after goruntime.MemStats
	goruntime.ReadMemStats(&before)
	status := runtime.Run(p, opts)
	goruntime.ReadMemStats(&after)
	fmt.Fprintf(os.Stderr, "gort: host mallocs during run: %d\n", after.Mallocs-before.Mallocs)
	return status
}

func dis(args []string) int {
	pkg, rest := loader.SplitArgs(args)
	p, _, wait, code := build(pkg)
	defer wait()
	if p == nil {
		return code
	}
	want := ""
	if len(rest) > 0 {
		want = rest[0]
	}
	for _, f := range p.Funcs {
		if f.Native != "" || strings.HasPrefix(f.Name, "runtime.") && want == "" || strings.HasPrefix(f.File, "$GORT/library/") {
			continue // natives, the runtime, a library image's empty main
		}
		if want == "" || f.Name == want {
			bytecode.Disassemble(os.Stdout, p.Fset, f)
		}
	}
	return 0
}

// clean removes the build cache, as `go clean -cache` removes the go
// command's: silently, exit 0.
func clean(args []string) int {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	all := fs.Bool("cache", false, "remove the entire build cache")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if !*all || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gort clean -cache")
		return 2
	}
	dir, err := buildcache.Dir()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gort:", err)
		return 1
	}
	if dir == "off" {
		return 0
	}
	if err := buildcache.Clean(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gort: clean -cache:", err)
		return 1
	}
	return 0
}
