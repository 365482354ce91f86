package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A documentation page, a wiki page or a tutorial's index writes part of its text as
// lists of links: "For more information, see:" and the guide and the reference below it,
// a section heading and the pages of that section under it. Each item is mostly a link,
// so the link-list rule drops it, and a run of them cuts the region in two, losing the
// sections after it. But such a list is the page's own when the page's text opens it: a
// section heading or a paragraph ending in a colon right before the list's element. A
// list of other stories beside an article is opened by a named heading (Related, Most
// read), which the related-list rule takes first, or stands in an aside; a menu stands in
// the page's navigation, header or footer. The items are left to their neighbours, as
// short blocks: between body text they are body, among menus they stay out.

// ruleSectionLinks names an item (or a heading) of a list of links a page's section makes.
const ruleSectionLinks RuleName = "section-links"

// sectionLinkMaxRunes is the longest item of a section's list of links: the name of a
// page, with its author or a few words on it.
const sectionLinkMaxRunes = 100

// sectionLinks leaves to their neighbours (as short blocks, for the context pass) the
// items of a list of links that the page's text introduces: a list whose element comes
// right after a section heading or a paragraph ending in a colon, outside the page's
// navigation, header, footer and asides, and not a table of contents. Body text around
// them makes them body; a menu or a footer's columns around them keep them out.
func sectionLinks(blocks []*Block) {
	introduced := map[*html.Node]bool{}
	var byNode map[*html.Node]*Block
	// seen: how often each text stands on the page (a table of contents repeats the
	// headings or the questions that stand again below it); both maps are built at the
	// first list met
	var seen map[string]int
	var items []*Block  // the items left to their neighbours, whose lists may make sections
	var others []*Block // the items of lists nothing opens, which may stand among sections
	for _, b := range blocks {
		if b.Kind != BlockItem || b.Class != ClassBad || b.Rule != ruleLinkList || b.CFRule != ruleLinkList ||
			b.pinned || b.Node == nil || b.Runes > sectionLinkMaxRunes {
			continue
		}
		list := enclosingList(b.Node)
		if list == nil {
			continue
		}
		in, ok := introduced[list]
		if !ok {
			if byNode == nil {
				byNode = make(map[*html.Node]*Block, len(blocks))
				seen = make(map[string]int, len(blocks))
				for _, o := range blocks {
					if o.Node != nil {
						byNode[o.Node] = o
					}
					// (a text the same as a short item's, case aside, has its rune count)
					if o.Runes <= sectionLinkMaxRunes {
						seen[strings.ToLower(o.Text)]++
					}
				}
			}
			in = introducedList(list, byNode)
			introduced[list] = in
		}
		if in && !(seen[strings.ToLower(b.Text)] > 1 && inPageLinks(list)) {
			b.judge(ClassShort, ruleSectionLinks)
			items = append(items, b)
		} else if !in && !furnitureList(list) && !inPageLinks(list) {
			others = append(others, b)
		}
	}
	linkSections(blocks, items, others)
}

// ruleLinkSections names an item of a list of links that is one of a page's sections.
const ruleLinkSections RuleName = "link-sections"

// linkSectionsMin is the fewest introduced lists of links one element must hold for them
// to be the page's sections: a wiki's reading list or a tutorial's index under its
// headings. A page's furniture gives each column of links its own element (a footer's
// columns, a sidebar's widgets), or stands in a navigation that no list here is in.
const linkSectionsMin = 3

// linkSectionsProseShare is the least share of the page's good text that the element
// holding the sections must hold: the sections of links are the page's content only
// where its text is.
const linkSectionsProseShare = 0.5

// linkSections keeps the items (of sectionLinks) whose list stands, with
// linkSectionsMin or more such lists, in one element: sections made of lists of links
// are the content of an index, a wiki's guide or a tutorial's table of topics, whether or
// not any prose stands beside them; their neighbours alone, headings and other items,
// could not say so. The lists that a paragraph of that element's text opens without a
// colon (others: outside the navigation, not a table of contents) are its sections too.
// The sections are anchored to the page's text: the element must hold linkSectionsProseShare
// of the good text the page has so far; a news page's sections of other stories stand apart
// from its article.
func linkSections(blocks, items, others []*Block) {
	if len(items) < linkSectionsMin {
		return
	}
	lists := map[*html.Node]*html.Node{} // list -> its parent
	for _, b := range items {
		if l := enclosingList(b.Node); l != nil {
			lists[l] = l.Parent
		}
	}
	per := map[*html.Node]int{}
	for _, p := range lists {
		per[p]++
	}
	sections := map[*html.Node]float64{}
	for p, n := range per {
		if n >= linkSectionsMin {
			sections[p] = 0
		}
	}
	if len(sections) == 0 {
		return
	}
	total := 0.0
	for _, b := range blocks {
		if b.Class != ClassGood || isMetaRole(b) || b.Node == nil {
			continue
		}
		total += b.Weighted
		for a := b.Node.Parent; a != nil; a = a.Parent {
			if _, ok := sections[a]; ok {
				sections[a] += b.Weighted
				break
			}
		}
	}
	for p, g := range sections {
		if total == 0 || g < linkSectionsProseShare*total {
			per[p] = 0
		}
	}
	for _, bs := range [][]*Block{items, others} {
		for _, b := range bs {
			if l := enclosingList(b.Node); l != nil && l.Parent != nil && per[l.Parent] >= linkSectionsMin {
				b.judge(ClassGood, ruleLinkSections)
			}
		}
	}
}

// enclosingList returns the nearest <ul> or <ol> holding n, within a few levels.
func enclosingList(n *html.Node) *html.Node {
	for d := 0; n != nil && d < 4; n, d = n.Parent, d+1 {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) {
			return n
		}
	}
	return nil
}

// introducedList reports (the text of a paragraph read from its block, byNode) a list that
// a section heading or a paragraph ending in a colon opens (its previous element, nothing
// but white space between), and that no navigation, header, footer or aside holds.
func introducedList(list *html.Node, byNode map[*html.Node]*Block) bool {
	if furnitureList(list) {
		return false
	}
	prev := list.PrevSibling
	for ; prev != nil; prev = prev.PrevSibling {
		if prev.Type == html.TextNode && strings.TrimSpace(prev.Data) != "" {
			return false
		}
		if prev.Type == html.ElementNode {
			break
		}
	}
	if prev == nil {
		return false
	}
	if isHeadingNode(prev) {
		return true
	}
	if prev.DataAtom != atom.P {
		return false
	}
	p := byNode[prev]
	return p != nil && strings.HasSuffix(strings.TrimSpace(p.Text), ":")
}

// furnitureList reports a list that a navigation, header, footer or aside holds.
func furnitureList(list *html.Node) bool {
	for a := list.Parent; a != nil; a = a.Parent {
		switch a.DataAtom {
		case atom.Nav, atom.Header, atom.Footer, atom.Aside:
			return true
		}
	}
	return false
}

// contentsScanLinks bounds how many links of a list inPageLinks reads.
const contentsScanLinks = 8

// inPageLinks reports a list whose links all lead to places in the page itself
// (#fragments): with items that the page repeats below (its headings, its questions), a
// table of contents ("Jump to:", "On this page"), which is not part of the text; the
// questions of an FAQ that open their answers in place are.
func inPageLinks(list *html.Node) bool {
	seen, inPage := 0, true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && seen < contentsScanLinks; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				if href := attr(c, "href"); href != "" {
					seen++
					inPage = inPage && strings.HasPrefix(strings.TrimSpace(href), "#")
				}
				continue
			}
			walk(c)
		}
	}
	walk(list)
	return seen > 0 && inPage
}
