package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
)

// IOStreams are the command's standard streams and what is known about them. Tests build
// one on buffers; System builds the real one.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer // data only
	ErrOut io.Writer // diagnostics only

	InTTY    bool // stdin is a terminal: with no FILE, hint at usage instead of waiting
	ErrColor bool // stderr is a terminal and NO_COLOR is unset: diagnostics may be coloured
}

// System returns the process's streams. Colour is decided from stderr, where diagnostics
// go, not from stdout, which is usually a pipe.
func System() *IOStreams {
	errTTY := isTerminal(os.Stderr)
	useColor := errTTY && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	color.NoColor = !useColor
	return &IOStreams{
		In:       os.Stdin,
		Out:      os.Stdout,
		ErrOut:   os.Stderr,
		InTTY:    isTerminal(os.Stdin),
		ErrColor: useColor,
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Diag writes one diagnostic line, "artclean: msg", to stderr, the prefix in red on a
// terminal. A failure to write it is ignored: there is nowhere left to report it.
func (s *IOStreams) Diag(msg string) { s.diag(color.FgRed, msg) }

// Warn writes one warning line, "artclean: msg", to stderr, the prefix in yellow on a
// terminal: the input was written, but not all of it may be what was wanted.
func (s *IOStreams) Warn(msg string) { s.diag(color.FgYellow, msg) }

func (s *IOStreams) diag(fg color.Attribute, msg string) {
	prefix := color.New(fg, color.Bold)
	if s.ErrColor {
		prefix.EnableColor()
	} else {
		prefix.DisableColor()
	}
	msg = strings.Join(strings.Fields(msg), " ") // one line, whatever the error held
	fmt.Fprintln(s.ErrOut, prefix.Sprint("artclean:"), msg)
}
