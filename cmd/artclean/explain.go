package main

import (
	"io"
	"os"

	"github.com/artclean/artclean/extract"
	"github.com/artclean/artclean/format"
)

// renderExplain writes the --explain view of a: one line a block, or with -f json / jsonl
// the blocks as data.
func (o *rootOptions) renderExplain(w io.Writer, a *extract.Article) error {
	return format.Explain(w, a, format.ExplainOptions{
		Color:   o.Format != "json" && o.Format != "jsonl" && colorOut(o.IO.Out),
		JSON:    o.Format == "json" || o.Format == "jsonl",
		Compact: o.Format == "jsonl",
	})
}

// colorOut reports whether the explain view may be coloured: only when stdout itself is
// a terminal (a person is reading it, not a pipe or a file) and NO_COLOR is unset.
func colorOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) {
		return false
	}
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
