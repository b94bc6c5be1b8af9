//go:build gort

package runtime

// The process's arguments and environment, as the real runtime keeps them
// (argslice, envs), filled from the host on first use, and the hooks that
// hand them to os and syscall. GODEBUG changes reach internal/godebug
// through the update function it registers.

import _ "unsafe" // for go:linkname

var (
	argslice []string
	envs     []string
	envsRead bool
)

// argc and argv read the program's arguments from the VM (natives).
func argc() int
func argv(i int) string

// envc and envv read the process environment the VM was started with.
func envc() int
func envv(i int) string

func goenvs() []string {
	if !envsRead {
		envsRead = true
		for i := range envc() {
			envs = append(envs, envv(i))
		}
	}
	return envs
}

func gogetenv(key string) string {
	for _, kv := range goenvs() {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:]
		}
	}
	return ""
}

//go:linkname os_runtime_args os.runtime_args
func os_runtime_args() []string {
	if argslice == nil {
		for i := range argc() {
			argslice = append(argslice, argv(i))
		}
	}
	return append([]string{}, argslice...)
}

//go:linkname syscall_runtime_envs syscall.runtime_envs
func syscall_runtime_envs() []string { return append([]string{}, goenvs()...) }

//go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
func syscall_runtimeSetenv(key, value string) {
	if key == "GODEBUG" {
		godebugNotify(value)
	}
}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(key string) {
	if key == "GODEBUG" {
		godebugNotify("")
	}
}

// godebugDefault is the GODEBUG default the go command builds into a
// binary: empty for a main module at the toolchain's language version.
const godebugDefault = ""

var godebugUpdate func(string, string)

//go:linkname godebug_setUpdate internal/godebug.setUpdate
func godebug_setUpdate(update func(string, string)) {
	godebugUpdate = update
	godebugNotify(gogetenv("GODEBUG"))
}

func godebugNotify(env string) {
	if godebugUpdate != nil {
		godebugUpdate(godebugDefault, env)
	}
}

//go:linkname godebug_setNewIncNonDefault internal/godebug.setNewIncNonDefault
func godebug_setNewIncNonDefault(newIncNonDefault func(string) func()) {}

// Non-default-behaviour counters are runtime/metrics names, which gort
// does not serve yet.
//
//go:linkname godebug_registerMetric internal/godebug.registerMetric
func godebug_registerMetric(name string, read func() uint64) {}
