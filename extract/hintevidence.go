package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Class and id hints are evidence, not vetoes. A negative token (widget, sidebar, video,
// promo …) names what an element usually holds; page builders put such tokens on every
// wrapper they make ("elementor-widget-text-editor", "video-page", "sidebar-layout"), so
// an element whose hint says boilerplate but whose text is a run of real prose is judged
// by that prose: the hint is lifted for its blocks and the rest of the classifier (the
// region, the container, the neighbours) decides.

// Thresholds of the hint's evidence against prose.
const (
	// hintedProseMinBlocks is the fewest prose paragraphs an element hinted as boilerplate
	// must hold for its prose to outweigh its hint: one or two are a promo's pitch or an
	// author's note.
	hintedProseMinBlocks = 3
	// hintedProseMinWeight is the least weighted length of that prose.
	hintedProseMinWeight = 2 * lengthHigh
	// hintedProseShare is the least share of the element's hinted text that must be prose:
	// a list of teasers with a sentence each is not an article.
	hintedProseShare = 0.5
	// hintedProseMaxLinks is the most link density a prose paragraph may have to count.
	hintedProseMaxLinks = 0.2
	// hintedAlikeMin is the fewest elements made alike whose prose is weighed together.
	hintedAlikeMin = 2
)

// vetoHints are the kinds of boilerplate whose hint stands however much prose the element
// holds: readers' comments, consent dialogs, lists of other articles, and the page's
// frame (menus, footers with their legal notes, advertising, sign-up boxes).
var vetoHints = map[string]bool{
	"comment": true, "cookie/gdpr": true, "related": true,
	"nav": true, "footer": true, "copyright": true, "ad": true, "subscribe/newsletter": true,
}

// containedHints are the kinds whose hint stands unless the element lies in the
// article's container: outside it a "most popular" or "best of" box is the site's list
// of other articles, inside it the words name what the article is (a ranking of
// products, a "best of" guide whose sections carry ids like "best-budget-pick").
var containedHints = map[string]bool{"ranking/popular": true}

// ruleHintedProse marks a block whose class hint was lifted because its element holds a
// run of prose.
const ruleHintedProse RuleName = "hinted-prose"

// hintedProse lifts the class hint of the blocks of every element that the hint names as
// boilerplate but that holds a run of prose (HTML only: it needs the elements). An
// element right after the heading of a related list ("Also on Site:" over a promo's
// slideshow of long captions) is what its hint says twice over, and is not lifted.
func hintedProse(blocks []*Block) {
	type tally struct {
		prose, fair, all float64 // fair: text good or near-good by itself
		n                int
		kind             string
		headed           bool // a related-list heading stands right before its first block
		outside          bool // a block of it lies outside the article's container
	}
	storyGood := 0.0 // good text in the article's container that no hint names
	for _, b := range blocks {
		if b.InArticle && b.CF == ClassGood && b.CFRule != ruleClassHint {
			storyGood += b.Weighted
		}
	}
	var owner map[*Block]*html.Node
	var sums map[*html.Node]*tally
	hints := hintWalk{}
	for i, b := range blocks {
		if b.CFRule != ruleClassHint || b.Node == nil || b.pinned {
			continue
		}
		el, kind := hints.of(b.Node)
		if el == nil {
			// the hint is an inline element's (a <span class="sidebar"> holding
			// <br>-split lines): the block's own element stands for it
			if kind = nearestHint(b.Hints); kind == "" {
				continue
			}
			el = b.Node
		}
		if owner == nil {
			owner, sums = map[*Block]*html.Node{}, map[*html.Node]*tally{}
		}
		owner[b] = el
		t := sums[el]
		if t == nil {
			t = &tally{kind: kind, headed: i > 0 && blocks[i-1].CFRule == ruleRelatedHeading}
			sums[el] = t
		}
		t.all += b.Weighted
		t.outside = t.outside || !b.InArticle
		if (b.hintQ == ClassGood || b.hintQ == ClassNearGood) && b.LinkDensity <= hintedProseMaxLinks {
			t.fair += b.Weighted
		}
		if b.hintQ == ClassGood && b.SentenceEnd && b.LinkDensity <= hintedProseMaxLinks && b.Kind != BlockImage {
			t.prose += b.Weighted
			t.n++
		}
	}
	lifts := func(t *tally) bool {
		// (a "read more" label right above a "read more" wrapper is its button, not the
		// heading of a list of other articles)
		headed := t.headed && t.kind != "read-more"
		if vetoHints[t.kind] || containedHints[t.kind] && t.outside || headed || t.n < hintedProseMinBlocks {
			return false
		}
		if !t.outside && t.fair >= hintedProseMinWeight && t.fair >= hintedProseShare*t.all && t.fair <= storyGood {
			// a box inside the article's own container (a newspaper's sidebar set in
			// the story) is held to fair text, not to long sentences
			return true
		}
		return t.prose >= hintedProseMinWeight && t.prose >= hintedProseShare*t.all
	}
	// A ranking's entries inside the article's container (the cards of a "best of"
	// guide, the panels of its accordion) come as a series of elements made alike, each
	// with a paragraph or two: with real prose among them and mostly fair text, the
	// series is held to fair text with no cap from the story around it, since the
	// entries are most of the article. Other hints keep to one element's evidence: a
	// page builder's widgets all share one class, and a series of author cards is the
	// site's staff, however long their bios.
	liftsAlike := func(t *tally) bool {
		return containedHints[t.kind] && !t.headed && !t.outside && t.n >= hintedProseMinBlocks &&
			t.prose >= hintedProseMinWeight && t.fair >= hintedProseShare*t.all
	}
	// Elements made alike (one tag, class and hint) are read together: the cards of a
	// ranking or the panels of an accordion hold a paragraph or two each, too few for
	// the prose to outweigh the hint one by one, but together they are the article.
	groups := map[string]*tally{}
	members := map[string]int{}
	for el, t := range sums {
		key := t.kind + "|" + el.Data + "." + attr(el, "class")
		g := groups[key]
		if g == nil {
			g = &tally{kind: t.kind}
			groups[key] = g
		}
		g.prose += t.prose
		g.fair += t.fair
		g.all += t.all
		g.n += t.n
		g.headed = g.headed || t.headed
		g.outside = g.outside || t.outside
		members[key]++
	}
	// The elements a page builder made alike (one tag and class) inside the element that
	// holds those it lifted are its panels too: one whose text is mostly prose is lifted
	// with them, however short (a panel of one paragraph and a question list).
	within := map[string]*html.Node{} // signature → the element holding the lifted ones
	for el, t := range sums {
		if !lifts(t) {
			continue
		}
		sig := elementShape(el)
		if a, ok := within[sig]; !ok {
			within[sig] = el.Parent
		} else {
			within[sig] = commonAncestor(a, el)
		}
	}
	lifted := func(el *html.Node, t *tally) bool {
		if lifts(t) {
			return true
		}
		key := t.kind + "|" + el.Data + "." + attr(el, "class")
		if g := groups[key]; members[key] >= hintedAlikeMin && liftsAlike(g) {
			return true
		}
		if vetoHints[t.kind] || containedHints[t.kind] && t.outside || t.headed || t.fair == 0 || t.fair < hintedProseShare*t.all {
			return false
		}
		a := within[elementShape(el)]
		return a != nil && isAncestor(a, el)
	}
	done := map[*html.Node]bool{}
	for _, b := range blocks {
		el, ok := owner[b]
		if !ok {
			continue
		}
		t := sums[el]
		v, seen := done[el]
		if !seen {
			v = lifted(el, t)
			done[el] = v
		}
		if !v {
			continue
		}
		b.CF, b.CFRule = b.hintQ, b.hintQRule
		if b.CF == ClassGood || b.CF == ClassNearGood {
			b.CFRule = ruleHintedProse
		}
		b.judge(b.CF, b.CFRule)
	}
}

// hintWalk remembers by node the element whose hint applies there: the blocks of a menu
// or a column share their ancestors, which are read once each.
type hintWalk map[*html.Node]hintFound

type hintFound struct {
	el   *html.Node
	kind string
}

// of returns the nearest element at or above n whose class, id, itemprop or role has a
// negative token, and the kind it names; nil when a positive or body token stands nearer
// (the hint then does not apply). It walks up to the first node known or decided, then
// remembers every node on the way.
func (m hintWalk) of(n *html.Node) (*html.Node, string) {
	var path []*html.Node
	var h hintFound
	for x := n; x != nil; x = x.Parent {
		if known, ok := m[x]; ok {
			h = known
			break
		}
		path = append(path, x)
		if k, positive := ownHint(x); k != "" {
			h = hintFound{x, k}
			break
		} else if positive {
			break
		}
	}
	for _, x := range path {
		m[x] = h
	}
	return h.el, h.kind
}

// ownHint reads one node's class, id, itemprop and role: the kind its first negative
// token names, or whether a positive or body token stands there (an element node only).
func ownHint(n *html.Node) (kind string, positive bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "itemprop", "role":
		default:
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			k := tokenKinds(lowerToken(tok))
			if k[listNegative] != "" {
				return k[listNegative], false
			}
			positive = positive || k[listBody] != "" || k[listPositive] != ""
		}
	}
	return "", positive
}

// elementShape is an element's tag and the negative tokens of its class: the panels a
// page builder makes share them (their other classes count them: first-child, -3).
func elementShape(n *html.Node) string {
	shape := n.Data
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			if negativeToken(lowerToken(tok)) != "" {
				shape += "." + tok
			}
		}
	}
	return shape
}

// commonAncestor is the nearest element holding both a and b (nil if none).
func commonAncestor(a, b *html.Node) *html.Node {
	for x := a; x != nil; x = x.Parent {
		if isAncestor(x, b) {
			return x
		}
	}
	return nil
}

// isAncestor reports whether a is b or holds it.
func isAncestor(a, b *html.Node) bool {
	for ; b != nil; b = b.Parent {
		if b == a {
			return true
		}
	}
	return false
}
