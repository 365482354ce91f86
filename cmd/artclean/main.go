// Command artclean reads a raw news or blog page (HTML or a text dump) and writes only the
// article, as Markdown or JSON.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/artclean/artclean/extract"
)

func main() {
	// A closed stdout (artclean page.html | head -1) must surface as EPIPE on write, which
	// run treats as a quiet end, instead of killing the process with SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], System(), extract.Extract)
	stop()
	os.Exit(code)
}
