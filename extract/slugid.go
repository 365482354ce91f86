package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// slugScanBytes bounds how much of a heading's text headingSlug reads.
const slugScanBytes = 300

// headingSlug reports an id made from the words of a heading: the element's own (a
// heading) or that of the heading it opens with (a section). Documentation generators
// and wikis give every section such an id ("respond-to-review-comments",
// "related-settings"), so it says what the section is about, not what kind of box it is:
// it is no class hint.
func headingSlug(n *html.Node, id string) bool {
	h := n
	if !isHeadingNode(h) {
		h = firstElementChild(n)
		if h == nil || !isHeadingNode(h) {
			return false
		}
	}
	var words map[string]bool
	parts := 0
	for part := range strings.FieldsFuncSeq(strings.ToLower(id), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if strings.TrimFunc(part, unicode.IsDigit) == "" {
			continue // a number that tells apart two sections of one name ("usage-2")
		}
		if words == nil {
			words = headingWords(h)
		}
		if !words[part] {
			return false
		}
		parts++
	}
	return parts > 0
}

func isHeadingNode(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// firstElementChild is n's first child element, when only white space and empty
// elements (a link target: <span id="old-name"></span>) come before it.
func firstElementChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if c.FirstChild == nil && c.DataAtom != atom.Img {
				continue
			}
			return c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return nil
}

// headingWords returns the lower-case words of a heading's text.
func headingWords(h *html.Node) map[string]bool {
	var sb strings.Builder
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for ; c != nil && sb.Len() < slugScanBytes; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sb.WriteString(c.Data)
				sb.WriteByte(' ')
			case html.ElementNode:
				walk(c.FirstChild)
			}
		}
	}
	walk(h.FirstChild)
	words := map[string]bool{}
	for w := range strings.FieldsFuncSeq(strings.ToLower(sb.String()), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words[w] = true
	}
	return words
}
