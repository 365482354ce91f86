// Package format renders an extract.Article as Markdown, JSON, JSON Lines or plain text.
// Renderers are chosen by name, one per output kind; each dispatches on the block kind.
package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/artclean/artclean/extract"
)

// Options says how to render. It holds no per-document state.
type Options struct {
	// NoFrontMatter leaves the YAML front matter out of the md output.
	NoFrontMatter bool
}

// Default is the format used when none is named.
const Default = "md"

type renderFunc func(w io.Writer, a *extract.Article, opts Options) error

var renderers = map[string]renderFunc{
	"md":    renderMarkdown,
	"json":  renderJSON,
	"jsonl": renderJSONL,
	"text":  renderText,
}

// Names lists the format names Render accepts, in the order help should show them.
func Names() []string { return []string{"md", "json", "jsonl", "text"} }

// Valid reports whether name is a format Render accepts.
func Valid(name string) bool {
	_, ok := renderers[name]
	return ok
}

// Render writes a in the format called name ("" means Default) to w.
func Render(w io.Writer, a *extract.Article, name string, opts Options) error {
	if name == "" {
		name = Default
	}
	r, ok := renderers[name]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
	}
	if a == nil {
		a = &extract.Article{}
	}
	return r(w, a, opts)
}

// writeString writes s to w in one call, so a closed pipe is seen once.
func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}
