// exec_basic: os/exec through the host: Output, a piped stdin, the exit
// status of false, a command that is not found, Stdout set to os.Stdout,
// and a shell with its own environment and directory.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("echo", "hi").Output()
	fmt.Printf("echo: %q %v\n", out, err)

	cmd := exec.Command("tr", "a-z", "A-Z")
	cmd.Stdin = strings.NewReader("piped input\n")
	out, err = cmd.Output()
	fmt.Printf("tr: %q %v\n", out, err)

	err = exec.Command("false").Run()
	fmt.Println("false:", err)
	if ee, ok := err.(*exec.ExitError); ok {
		fmt.Println("exit code:", ee.ExitCode())
	}

	err = exec.Command("no-such-command-gort").Run()
	fmt.Println("missing:", err)

	cmd = exec.Command("echo", "to stdout")
	cmd.Stdout = os.Stdout
	fmt.Println("run:", cmd.Run())

	cmd = exec.Command("sh", "-c", "echo $GORT_X; pwd; echo err >&2; exit 3")
	cmd.Env = append(os.Environ(), "GORT_X=env ok")
	cmd.Dir = "/tmp"
	out, err = cmd.CombinedOutput()
	fmt.Printf("sh: %q %v\n", out, err)

	p, err := cmd.StdinPipe()
	fmt.Println(p == nil, err)
}
