package extract

import (
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/net/html"
)

// noRules is a UserRules that decides nothing: with it the segmenter keeps the tree whole.
type noRules struct{}

func (noRules) Decide(*Block, string) (string, bool, bool) { return "", false, false }
func (noRules) Disabled(string) bool                       { return false }

// within reports whether s's bytes lie inside t's.
func sharesMemory(s, t string) bool {
	if s == "" || t == "" {
		return false
	}
	p, q := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(t)))
	return p >= q && p+uintptr(len(s)) <= q+uintptr(len(t))
}

// TestSegmentHTMLTextShared checks block texts on the paths that cut them from a text
// node instead of copying (one node, white space already single) and on those that build
// them; the expected texts are those the segmenter gave before it shared any.
func TestSegmentHTMLTextShared(t *testing.T) {
	for _, tt := range []struct {
		in     string
		want   []string
		shared bool // the (first) block's text is cut from its text node
	}{
		{"<p>Plain sentence here.</p>", []string{"Plain sentence here."}, true},
		{"<p>  lead and trail  </p>", []string{"lead and trail"}, true},
		{"<p>two  spaces\nand newline</p>", []string{"two spaces and newline"}, false},
		{"<p>nbsp&nbsp;here</p>", []string{"nbsp here"}, false},
		{"<p>&#8203;\u2014dash after a zero-width space</p>", []string{"\u2014dash after a zero-width space"}, false},
		{"<p>\u00a0\u00a0after two nbsp</p>", []string{"after two nbsp"}, true},
		{"<p>a <b>bold</b> word</p>", []string{"a bold word"}, false},
		{"<p><a href=\"/x\">link</a> then text</p>", []string{"link then text"}, false},
		{"<p>line one<br>line two</p>", []string{"line one line two"}, false},
		{"<p>first line<br><br>second line</p>", []string{"first line", "second line"}, true},
		{"<pre>  keep   this\n  too  </pre>", []string{"keep   this\n  too"}, false},
		{"<div>own text<p>inner</p>tail</div>", []string{"own text", "inner", "tail"}, true},
		{"<p>caf\u00e9 &amp; bar</p>", []string{"caf\u00e9 & bar"}, true},
	} {
		doc := SegmentHTML("<html><body>"+tt.in+"</body></html>", Options{Rules: noRules{}})
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
		}
		if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
			continue
		}
		b := doc.Blocks[0]
		shared := false
		for c := b.Node.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && sharesMemory(b.Text, c.Data) {
				shared = true
			}
		}
		if shared != tt.shared {
			t.Errorf("%q: text cut from its node: %v, want %v", tt.in, shared, tt.shared)
		}
	}
}

// TestSegmentHTMLPrunesText checks that without user rules the tree the blocks point into
// keeps its elements and drops the text, comments and script bodies the walk has read,
// and that with user rules (whose selectors may read text) it stays whole.
func TestSegmentHTMLPrunesText(t *testing.T) {
	page := `<html><head><title>T</title><script>var x = 1;</script><style>p{}</style></head>
<body><!-- a comment --><div class="main"><p>One <a href="/a">link</a> here.</p>
<p>Two <img src="/i.jpg" alt="pic"> words.</p><ul><li>item</li></ul></div></body></html>`
	count := func(doc *Document) (elems, texts int) {
		root := doc.Blocks[0].Node
		for root.Parent != nil {
			root = root.Parent
		}
		for n := range root.Descendants() {
			switch n.Type {
			case html.ElementNode:
				elems++
			case html.TextNode, html.CommentNode:
				texts++
			}
		}
		return elems, texts
	}
	pruned := SegmentHTML(page, Options{})
	whole := SegmentHTML(page, Options{Rules: noRules{}})
	if len(pruned.Blocks) != len(whole.Blocks) {
		t.Fatalf("got %d blocks pruned, %d whole", len(pruned.Blocks), len(whole.Blocks))
	}
	for i := range pruned.Blocks {
		if p, w := pruned.Blocks[i], whole.Blocks[i]; p.Text != w.Text || p.Node.Data != w.Node.Data {
			t.Errorf("block %d: pruned %q in <%s>, whole %q in <%s>", i, p.Text, p.Node.Data, w.Text, w.Node.Data)
		}
	}
	pe, pt := count(pruned)
	we, wt := count(whole)
	if pt != 0 {
		t.Errorf("pruned tree: %d text and comment nodes left, want 0", pt)
	}
	if wt == 0 {
		t.Errorf("tree with user rules: no text nodes, want them kept")
	}
	if pe != we || pe < 12 {
		t.Errorf("elements: %d pruned, %d whole, want the same (at least 12)", pe, we)
	}
	if pruned.Meta.PageTitle != "T" {
		t.Errorf("page title %q, want T", pruned.Meta.PageTitle)
	}
}
