package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// stderrIsTerminal and stdoutIsTerminal tell whether a person is watching; tests replace them.
var (
	stderrIsTerminal = func(ios *IOStreams) bool { return isTerminalWriter(ios.ErrOut) }
	stdoutIsTerminal = func(ios *IOStreams) bool { return isTerminalWriter(ios.Out) }
)

func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// progress is the batch's bar on stderr, or nothing when no one is watching. All its
// methods are called from the one goroutine that collects results.
type progress struct {
	bar *progressbar.ProgressBar // nil: no bar
}

func newProgress(w io.Writer, show bool, total int) *progress {
	if !show || total == 0 {
		return &progress{}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("converting"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionUseANSICodes(true),
		progressbar.OptionClearOnFinish(),
	)
	_ = bar.RenderBlank()
	return &progress{bar: bar}
}

// step counts one input done.
func (p *progress) step() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

// above prints a line (through print) above the bar.
func (p *progress) above(print func()) {
	if p.bar == nil {
		print()
		return
	}
	_ = p.bar.Clear()
	print()
	_ = p.bar.RenderBlank()
}

// done takes the bar off the screen.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Clear()
		_ = p.bar.Exit()
	}
}
