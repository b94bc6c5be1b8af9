// exec_pipes: a child writing more than a pipe holds, a conversation
// through StdinPipe and StdoutPipe, and a child killed by a signal.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"syscall"
)

func main() {
	// More output than a pipe holds.
	out, err := exec.Command("sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); done").Output()
	fmt.Println(len(out), strings.Count(string(out), "\n"), err)

	// A conversation through StdinPipe and StdoutPipe.
	cmd := exec.Command("cat")
	in, _ := cmd.StdinPipe()
	outp, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		fmt.Println(err)
		return
	}
	r := bufio.NewReader(outp)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(in, "msg %d\n", i)
		line, _ := r.ReadString('\n')
		fmt.Print("echoed ", line)
	}
	in.Close()
	rest, _ := io.ReadAll(r)
	fmt.Printf("rest %q wait %v\n", rest, cmd.Wait())

	// Killing a child.
	cmd = exec.Command("sleep", "10")
	cmd.Start()
	cmd.Process.Signal(syscall.SIGTERM)
	fmt.Println("killed:", cmd.Wait())
}
