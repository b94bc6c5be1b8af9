package loader

import (
	"runtime"
	"strings"
	"testing"
)

// TestLangVersion: a module's go line becomes the language version the go
// command gives the compiler (-lang): major.minor, never newer than the
// toolchain's.
func TestLangVersion(t *testing.T) {
	v := strings.TrimPrefix(runtime.Version(), "go")
	tool, ok := parseLang(v)
	if !ok {
		t.Skipf("toolchain version %q does not parse", runtime.Version())
	}
	toolLang := "go" + strings.Join(strings.SplitN(v, ".", 3)[:2], ".")
	if tool[0] != 1 {
		t.Fatalf("parseLang(%q) = %v", v, tool)
	}
	tests := []struct{ in, want string }{
		{"1.13", "go1.13"},
		{"1.16", "go1.16"},
		{"1.21.3", "go1.21"},
		{"1.22rc1", "go1.22"},
		{"1.22.0", "go1.22"},
		{"1", "go1.0"},
		{"", toolLang},
		{v, toolLang},
		{"1.999", toolLang},
		{"2.0", toolLang},
	}
	for _, tt := range tests {
		if got := langVersion(tt.in); got != tt.want {
			t.Errorf("langVersion(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
