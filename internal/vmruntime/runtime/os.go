//go:build gort

package runtime

import _ "unsafe" // for go:linkname

// os.Exit runs the exit hooks before the process ends. The hooks are the
// runtime's internal/runtime/exithook list, which only coverage and the
// race detector fill in the real toolchain; gort has neither, so there is
// nothing to run.
//
//go:linkname os_beforeExit os.runtime_beforeExit
func os_beforeExit(exitCode int) {}
