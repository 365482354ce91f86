// Package htmltree builds the *html.Node tree of a page: with its own fast tree builder
// (treebuild.go) when it can, else with golang.org/x/net/html's parser, and never fails on
// a page nested too deep for that parser or on a <title> left open.
package htmltree

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Parse returns the tree of the page s: a <title> that is never closed is closed at the
// first tag after its text (closeTitle), and the page is built by the fast builder or by
// html.Parse (parse). It returns nil only when no parser can read s.
func Parse(s string) *html.Node { return parse(closeTitle(s)) }

// Build returns the tree the fast builder makes of s, or nil when it bails out (see
// buildTree); for benchmarks and tests that compare it with html.Parse.
func Build(s string) *html.Node { return buildTree(s) }

// maxParseDepth keeps the rewritten input well under the parser's hard limit of 512 open
// elements.
const maxParseDepth = 400

// parse parses s, with the fast tree builder (treebuild.go) when it can build the
// page, else with html.Parse. The parser refuses pages nested deeper than 512 elements;
// such a page is rewritten with its too-deep tags dropped (their text kept) and parsed
// again.
func parse(s string) *html.Node {
	root, reason := buildTreeReason(s)
	if root != nil {
		return root
	}
	if reason != tbTooDeep { // too deep for the builder is too deep for html.Parse
		var err error
		if root, err = html.Parse(strings.NewReader(s)); err == nil {
			return root
		}
	}
	for _, depth := range []int{maxParseDepth, 100} {
		if root, err := html.Parse(newFlattener(s, depth)); err == nil {
			return root
		}
	}
	return nil
}

// flattener reads s with the start and end tags nested deeper than limit dropped
// (approximately, by a tokenizer-level stack) and everything else as written, token by
// token, so that the parser reads the rewritten page without a copy of it.
type flattener struct {
	z       *html.Tokenizer
	limit   int
	pending []byte // the rest of the current token's raw bytes
	stack   []string
	dropped map[string]int
}

func newFlattener(s string, limit int) *flattener {
	return &flattener{z: html.NewTokenizer(strings.NewReader(s)), limit: limit, dropped: map[string]int{}}
}

func (f *flattener) Read(p []byte) (int, error) {
	for len(f.pending) == 0 {
		if !f.next() {
			return 0, io.EOF
		}
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}

// next moves to the next token that is kept and makes its raw bytes pending; it reports
// false at the end of s. The bytes stay valid until the tokenizer moves on, which it does
// only when they have all been read.
func (f *flattener) next() bool {
	z := f.z
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return false
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(string(name)) {
				break
			}
			if len(f.stack) >= f.limit && !keptDeep(string(name)) {
				f.dropped[string(name)]++
				continue
			}
			f.stack = append(f.stack, string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if f.dropped[n] > 0 {
				f.dropped[n]--
				continue
			}
			for i := len(f.stack) - 1; i >= 0; i-- {
				if f.stack[i] == n {
					f.stack = f.stack[:i]
					break
				}
			}
		}
		f.pending = raw
		return true
	}
}

// keptDeep names the elements flattenDeep keeps at any depth: dropping their tags would
// turn the script, style or markup inside them into page text.
func keptDeep(name string) bool {
	switch name {
	case "script", "style", "noscript", "template", "textarea", "title", "xmp", "iframe",
		"noembed", "noframes", "plaintext", "svg", "math", "select", "object":
		return true
	}
	return false
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"source", "track", "wbr", "param", "keygen":
		return true
	}
	return false
}
