//go:build gort

package runtime

import "unsafe"

// os.Exit runs the exit hooks before the process ends. The hooks are the
// runtime's internal/runtime/exithook list, which only coverage and the
// race detector fill in the real toolchain; gort has neither, so there is
// nothing to run.
//
//go:linkname os_beforeExit os.runtime_beforeExit
func os_beforeExit(exitCode int) {}

// Synctest bubbles (testing/synctest) are not built: no goroutine is ever
// in one, so the hooks sync and time call outside a bubble have their
// outside-a-bubble answers.

//go:linkname synctest_IsInBubble internal/synctest.IsInBubble
func synctest_IsInBubble() bool { return false }

//go:linkname synctest_acquire internal/synctest.acquire
func synctest_acquire() any { return nil }

//go:linkname synctest_release internal/synctest.release
func synctest_release(bubble any) {}

//go:linkname synctest_inBubble internal/synctest.inBubble
func synctest_inBubble(bubble any, f func()) { f() }

//go:linkname synctest_associate internal/synctest.associate
func synctest_associate(p unsafe.Pointer) int { return 0 } // Unbubbled

//go:linkname synctest_disassociate internal/synctest.disassociate
func synctest_disassociate(p unsafe.Pointer) {}

//go:linkname synctest_isAssociated internal/synctest.isAssociated
func synctest_isAssociated(p unsafe.Pointer) bool { return false }
