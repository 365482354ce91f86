package main

import (
	"errors"
	"fmt"
)

// Exit codes. Every error the command ends with is mapped to one of them here, in exitCode.
const (
	exitOK          = 0   // the article was written, or only the metadata of a page without article text
	exitInput       = 1   // an input failed: unreadable, missing, a directory, empty, binary, too large
	exitUsage       = 2   // the command line is wrong: unknown flag, bad value, too many arguments
	exitInterrupted = 130 // interrupted (Ctrl-C), as shells report 128+SIGINT
)

// errInterrupted ends a run stopped by its context.
var errInterrupted = errors.New("interrupted")

// inputError is a failure of one input: "NAME: what is wrong (what to do)".
type inputError struct {
	name string // the input as the user named it; "stdin" for -
	err  error
	hint string // what to do, without parentheses; may be empty
}

func (e *inputError) Error() string {
	if e.hint == "" {
		return fmt.Sprintf("%s: %v", e.name, e.err)
	}
	return fmt.Sprintf("%s: %v (%s)", e.name, e.err, e.hint)
}

func (e *inputError) Unwrap() error { return e.err }

// usageError is a wrong command line. Errors cobra and pflag return are usage errors too.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() + " (see 'artclean --help')" }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// exitCode maps the error a run ended with to the process's exit code. Only the command's
// own typed errors mean an input failed; anything else came from parsing the command line.
func exitCode(err error) int {
	var ie *inputError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInterrupted):
		return exitInterrupted
	case errors.As(err, &ie):
		return exitInput
	default:
		return exitUsage
	}
}

// report writes the error(s) a run ended with to stderr, one line each. In quiet mode input
// failures are left to the exit code; usage errors are always shown.
func report(ios *IOStreams, err error, quiet bool) {
	if err == nil {
		return
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var ie *inputError
		if quiet && (errors.As(e, &ie) || errors.Is(e, errInterrupted)) {
			continue
		}
		var ue *usageError
		if exitCode(e) == exitUsage && !errors.As(e, &ue) {
			e = &usageError{e}
		}
		ios.Diag(e.Error())
	}
}
