// Package vmruntime embeds the Go source of the runtime package that programs
// running under gort see. Its files carry the build tag "gort" so the go
// command never compiles them for the host; the loader type-checks them as
// package runtime, and its bodyless functions are bound to natives.
package vmruntime

import "embed"

//go:embed runtime/*.go
var FS embed.FS
