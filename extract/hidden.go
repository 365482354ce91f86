package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Hiding is evidence, not a veto. The segmenter marks a block Hidden when its element or
// an ancestor is hidden, and it remembers for each outermost hidden element (a hidden
// group) how it was hidden and what kind of element it is. Once the blocks' own features
// are known, weighHidden shows again the groups whose hiding would delete the article: a
// page hides its menus, dialogs, screen-reader labels and duplicates, not most of its
// prose, and the answers of an FAQ or the panels of a tab set are hidden only until a
// click. The blocks of a group shown again are judged by the rules as any other.

// How an element's own attributes hide it (hideGroup.why).
const (
	hideAttr         = 1 << iota // the hidden attribute
	hideAria                     // aria-hidden="true": hidden from screen readers, not from sight
	hideDisplay                  // style display:none
	hideVisibility               // style visibility:hidden: the space kept, as for a fade-in
	hideClass                    // a hiding class (hidden, d-none, is-hidden …)
	hideScreenReader             // a class that keeps the element for screen readers only (sr-only)
)

// hideGroup is one outermost hidden element of a page.
type hideGroup struct {
	why    uint8 // hide* bits
	panel  bool  // a disclosure or tab panel: labelled by or controlled by a toggle, or after one
	boiler bool  // a dialog, menu, navigation, or named so by its class (modal, menu, cookie …)
	// inArticle: the element's parent is inside an article or body container
	inArticle bool
	shown     bool // weighHidden shows its blocks
	// aside: shown as a panel beside the page's prose, not as its bulk (see weighHidden)
	aside bool
	prose float64
}

// weak reports whether the group is hidden only by signals that keep an element from
// screen readers or from sight for a moment: aria-hidden (carousel slides, decorations)
// and visibility:hidden (fade-in and anti-flicker start states, revealed by script).
func (g *hideGroup) weak() bool { return g.why&^hideVisibility == 0 }

// srOnly reports whether a class keeps the group for screen readers only: such text is
// meant to stay out of the page as read.
func (g *hideGroup) srOnly() bool { return g.why&hideScreenReader != 0 }

const (
	// proseMinWeight is the least weighted length of a block that counts as prose for
	// hiding: about one sentence of eight words.
	proseMinWeight = 40
	// proseMaxLinks is the most link density of a block that counts as prose.
	proseMaxLinks = 0.3
	// groupMinProse is the least prose a hidden group must hold to be shown again: one
	// full sentence or more (an FAQ answer is often one or two).
	groupMinProse = 50
)

// proseWeight returns the weighted length of b when it reads as prose: a sentence of a
// few words or more, mostly not link text; else 0.
func proseWeight(b *Block) float64 {
	if b.Kind == BlockImage || b.Kind == BlockTable || !b.SentenceEnd ||
		b.Weighted < proseMinWeight || b.LinkDensity > proseMaxLinks {
		return 0
	}
	return b.Weighted
}

// weighHidden shows again the hidden groups with prose whose hiding the page argues
// against, unless the group is a dialog, a menu or named as boilerplate:
//   - a group that holds more prose than all the visible blocks: hiding it would delete
//     the article (a wrapper hidden until a script reveals it);
//   - a disclosure panel, or a group hidden only by visibility:hidden, but screen-reader
//     text. Such a panel sits beside the article's prose: the classes inside it do not
//     put it in the article (InArticle is its parent's).
//
// A hidden menu holds no prose and a hidden dialog is named so; both stay dropped. A hidden
// copy of visible text counts no prose; where a group shown holds one, it is dropped later
// as a duplicate (body in assemble.go).
func weighHidden(doc *Document) {
	if len(doc.hides) == 0 {
		return
	}
	// The visible prose, and its texts: a hidden block that says the same (a print or
	// share copy of the article) adds no prose of its own.
	visible, hidden := 0.0, 0.0
	seen := map[string]bool{}
	for _, b := range doc.Blocks {
		if w := proseWeight(b); w > 0 && !b.Hidden {
			visible += w
			seen[b.Text] = true
		}
	}
	for _, b := range doc.Blocks {
		if b.Hidden && b.hideGroup > 0 && !seen[b.Text] {
			w := proseWeight(b)
			doc.hides[b.hideGroup-1].prose += w
			hidden += w
		}
	}
	if hidden == 0 {
		return
	}
	shown := false
	for i := range doc.hides {
		g := &doc.hides[i]
		if g.prose < groupMinProse {
			continue
		}
		if g.boiler {
			continue
		}
		switch {
		case g.prose > visible:
			g.shown = true
		case (g.panel || g.weak()) && !g.srOnly():
			g.shown, g.aside = true, true
		}
		shown = shown || g.shown
	}
	if !shown {
		return
	}
	for _, b := range doc.Blocks {
		if !b.Hidden || b.hideGroup == 0 {
			continue
		}
		if g := &doc.hides[b.hideGroup-1]; g.shown {
			b.Hidden = false
			if g.aside {
				// A panel's own classes name its own content (content, body):
				// they tell nothing of where the article is.
				b.InArticle = g.inArticle
			}
		}
	}
}

// streamSegmentID reports whether id names a segment that React streams in hidden and a
// script then moves into place: "S:" and a hexadecimal number.
func streamSegmentID(id string) bool {
	rest, ok := strings.CutPrefix(id, "S:")
	if !ok || rest == "" {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// control notes the ids that a toggle's aria-controls names.
func (sg *segmenter) control(ids string) {
	for id := range strings.FieldsSeq(ids) {
		if sg.controlled == nil {
			sg.controlled = map[string]bool{}
		}
		sg.controlled[id] = true
	}
}

// toggleBefore reports whether the element before n is a toggle or a heading that a
// disclosure panel follows: a heading, a button, a summary, a definition term, or an
// element that says whether it is expanded.
func toggleBefore(n *html.Node) bool {
	p := n.PrevSibling
	for p != nil && p.Type != html.ElementNode {
		p = p.PrevSibling
	}
	if p == nil {
		return false
	}
	switch p.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Button, atom.Summary, atom.Dt:
		return true
	}
	// the toggle may sit in a wrapper of its own (<div><a aria-expanded>…</a></div>):
	// follow lone element children down a few levels
	for range toggleWrapDepth + 1 {
		if attr(p, "aria-expanded") != "" {
			return true
		}
		if p = loneElementChild(p); p == nil {
			return false
		}
	}
	return false
}

// toggleWrapDepth is how many wrapper elements may stand around the toggle that a hidden
// disclosure panel follows.
const toggleWrapDepth = 2

// loneElementChild returns n's only element child, or nil when it has none or several,
// or when it holds text of its own beside it.
func loneElementChild(n *html.Node) *html.Node {
	var one *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if one != nil {
				return nil
			}
			one = c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return one
}
