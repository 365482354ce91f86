package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page built by script often serves its content to crawlers and to readers without
// script inside <noscript> (forum software renders the whole thread there). A browser
// with script, as the HTML parser assumes, reads a <noscript> element's content as raw
// text; when that text holds the page's markup, it is parsed and read as the element's
// children. Small ones (a tracking pixel, an "enable JavaScript" note) stay skipped.

// noscriptMinBytes is the least raw text of a <noscript> element read as markup: a
// tracking pixel or an "enable JavaScript" note is far shorter.
const noscriptMinBytes = 512

// expandNoscript replaces the raw text of a <noscript> element in the body that holds
// block markup by the nodes it parses to, and reports whether it did (or had before).
func expandNoscript(n *html.Node) bool {
	c := n.FirstChild
	if c == nil {
		return false
	}
	if c.Type != html.TextNode || c.NextSibling != nil {
		return c.Type == html.ElementNode // parsed already (scripting off)
	}
	t := c.Data
	if len(t) < noscriptMinBytes || !(strings.Contains(t, "<p") || strings.Contains(t, "<div") || strings.Contains(t, "<article") || strings.Contains(t, "<li")) {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Head {
			return false
		}
	}
	nodes, err := html.ParseFragment(strings.NewReader(t), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil || len(nodes) == 0 {
		return false
	}
	n.RemoveChild(c)
	for _, k := range nodes {
		n.AppendChild(k)
	}
	return true
}
