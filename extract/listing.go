package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Listing and collection pages (a category of stories, a shop's shelf of products, a
// board of job offers, a calendar of events) have little prose of their own: what users
// want from them is the items of the page's main list, each a linked headline with a
// teaser or a few lines of detail. The article passes drop those items as link lists and
// teaser cards of other articles. listings finds the page's main repeated structure and,
// when the article passes kept far less than it holds, takes its items back as the body.

const (
	// ruleListingItem: a block of an item of the page's main list, on a page that is a
	// listing rather than an article.
	ruleListingItem RuleName = "listing-item"

	// listingMinItems: a main list has at least this many sibling items of one shape;
	// fewer is a pair of columns or a next/previous box, not a list.
	listingMinItems = 4
	// listingItemDepth: how many elements up from a block its list item may be: a card is
	// a few levels of wrappers around its headline and teaser, no more.
	listingItemDepth = 6
	// listingMinLinked: the share of items holding a link (the item's headline or its
	// card links to the item's own page); a list of plain paragraphs is prose.
	listingMinLinked = 0.6
	// listingMinItemRunes: the mean text of an item; a menu of one- or two-word links
	// (sections, tags, pages) holds less.
	listingMinItemRunes = 40
	// listingMaxMenuShare: the most of a list's text that may be rows of links; a mega
	// menu's panels are lists of such rows, a list of items has a headline link apiece.
	listingMaxMenuShare = 0.3
	// listingMenuRowLinks: a block with this many links, nearly all link text, is a row of
	// a menu, not an item's headline.
	listingMenuRowLinks = 3
	// listingMenuRowDensity: "nearly all": what is left is separators and a label.
	listingMenuRowDensity = 0.7
	// listingMaxItemLinks: the most links an item holds on average; a card has its
	// headline, image, author, category and a few tags linked, while the branches of a
	// site's menu tree hold dozens of links each.
	listingMaxItemLinks = 10
	// listingOverBody: the text the list adds must be this many times the body the
	// article passes kept: a page whose own text is a fraction of its list is the list.
	listingOverBody = 1.5
	// listingOverArticle: the same, on a page that bears a publication time, the mark of
	// a story: an article's list of other stories can be long, so the list must dwarf it.
	listingOverArticle = 5.0
	// listingStoryDateLines: a story shows its date line once, or twice (above and
	// below the text, or published and updated); more are the dates of a list's items.
	listingStoryDateLines = 2
	// listingArticleRunes: kept body of this size is a story of its own (some 500
	// words), whatever lists stand beside it: the page is not a listing.
	listingArticleRunes = 3000
	// listingMinRunes: the least text of a main list worth keeping as a page's body.
	listingMinRunes = 400
	// listingPostShare: on a page that is a post under its declared headline (see
	// anchoredPost), the least share of a list's text that must lie inside an article
	// element for the list to be the page's.
	listingPostShare = 0.5
	// listingTinyBody: below this weight of kept text the page has no body to speak of,
	// and a list whose items are rows of links (an A–Z index, a catalogue's categories)
	// may be its main list: the menu test is waived, the class hints still stand.
	listingTinyBody = 150
)

// listGroup is a candidate list: the children of elements of one shape that share a
// shape (tag and class), counted over the whole page (a category page splits its list
// into sections of a few cards each).
type listGroup struct {
	parent, item int32      // the shapes of the list element and of its items (ids)
	items        int        // items counted
	linked       int        // items holding a link
	last         *html.Node // the item the previous block was counted in
	lastLinked   bool       // the last item has been counted as linked
	weight       float64    // text of the blocks the list would keep
	menu         float64    // of which rows of links (menuRow)
	links        int        // links in the blocks it would keep
	hinted       float64    // text of its blocks that class hints drop as boilerplate
	coarse       bool       // items of one kind (firstClass), not of one shape
	comments     bool       // its items' or its own class names comments: readers' posts, not a listing
}

type groupKey struct {
	parent, item int32 // shape ids
	coarse       bool  // item is a kind (firstClass), not a whole shape
}

// listingKeepable reports whether a block of a main list's item can be body: the article
// passes kept it, or dropped it as a link list, a teaser, outside the article; not a
// block dropped as boilerplate by its own content or hints.
func listingKeepable(b *Block) bool {
	return !b.Hidden && b.Text != "" && (b.CF != ClassBad || b.CFRule == ruleLinkList)
}

// listings keeps the items of the page's main list as its body when the page is a list
// rather than an article (see the top of this file). One pass counts, for every block,
// the element shapes of its ancestors up to listingItemDepth; the list with most text
// that reads as items (enough of them, linked, not a menu, not hinted away) is the main
// list; it replaces nothing: its items are added to what the article passes kept, when
// they add listingOverBody times that (listingOverArticle on a page that is a story).
func listings(doc *Document) {
	if doc.Kind != KindHTML {
		return
	}
	blocks := doc.Blocks
	// a page whose passes kept a story's length is no listing, whatever lists it holds:
	// known before any list is counted. The prose the prose box took back does not count:
	// a shop's or a blog's front page has an intro and a few notes in its main element
	// besides its list.
	kept := 0.0
	for _, b := range blocks {
		if b.Class == ClassGood && b.Rule != ruleProseBox {
			kept += b.Weighted
		}
	}
	if kept >= listingArticleRunes {
		return
	}
	// shapes are interned: the counting below hashes two small ids, not two class strings
	ids := map[[2]string]int32{} // by tag and class (or first class token)
	intern := func(tag, class string) int32 {
		k := [2]string{tag, class}
		id, ok := ids[k]
		if !ok {
			id = int32(len(ids))
			ids[k] = id
		}
		return id
	}
	type nodeShape struct{ shape, kind int32 }
	shapes := map[*html.Node]nodeShape{}
	lookup := func(n *html.Node) nodeShape {
		sh, ok := shapes[n]
		if !ok {
			class := attr(n, "class")
			sh.shape = intern(n.Data, class)
			// kind: the shape by the first class token alone, for items whose class
			// lists differ from card to card (see firstClass)
			sh.kind = intern(n.Data, firstClass(class))
			shapes[n] = sh
		}
		return sh
	}
	shape := func(n *html.Node) int32 { return lookup(n).shape }
	kind := func(n *html.Node) int32 { return lookup(n).kind }
	navMemo := map[*html.Node]bool{}
	var inNav func(n *html.Node) bool
	inNav = func(n *html.Node) bool {
		if n == nil || n.Type != html.ElementNode {
			return false
		}
		v, ok := navMemo[n]
		if !ok {
			v = navigationElement(n) || inNav(n.Parent)
			navMemo[n] = v
		}
		return v
	}
	groups := map[groupKey]*listGroup{}
	var order []*listGroup // in page order, so that ties go the same way every run
	count := func(k groupKey, n *html.Node, b *Block, keep bool) {
		g := groups[k]
		if g == nil {
			g = &listGroup{parent: k.parent, item: k.item, coarse: k.coarse, comments: commentClass(n) || commentClass(n.Parent)}
			groups[k] = g
			order = append(order, g)
		}
		if g.last != n {
			g.last, g.lastLinked = n, false
			g.items++
		}
		if b.LinkRunes > 0 && !g.lastLinked {
			g.lastLinked = true
			g.linked++
		}
		if keep {
			g.links += b.Links
			g.weight += b.Weighted
			if menuRow(b) {
				g.menu += b.Weighted
			}
		}
		if b.CFRule == ruleClassHint {
			g.hinted += b.Weighted
		}
	}
	for _, b := range blocks {
		if b.Node == nil || b.Hidden || inNav(b.Node) {
			continue
		}
		keep := listingKeepable(b)
		n := b.Node
		for d := 0; d < listingItemDepth && n.Parent != nil; d, n = d+1, n.Parent {
			p := n.Parent
			if n.Type != html.ElementNode || p.Type != html.ElementNode || !listingItemTags[n.Data] || bareWrapper(n) {
				continue
			}
			ps, ns := shape(p), lookup(n)
			count(groupKey{ps, ns.shape, false}, n, b, keep)
			if ns.kind != ns.shape {
				count(groupKey{ps, ns.kind, true}, n, b, keep)
			}
		}
	}
	// the lists of items of one shape first; the items of one kind only when no list of
	// one shape reads as the page's main list
	var best *listGroup
	tiny := kept < listingTinyBody
	for _, coarse := range []bool{false, true} {
		for _, g := range order {
			if g.coarse != coarse || g.items < listingMinItems || float64(g.linked) < listingMinLinked*float64(g.items) ||
				g.weight < listingMinItemRunes*float64(g.items) || g.hinted > g.weight || (g.menu > listingMaxMenuShare*g.weight && !tiny) ||
				g.links > listingMaxItemLinks*g.items || g.comments {
				continue
			}
			if best == nil || g.weight > best.weight {
				best = g
			}
		}
		if best != nil && best.weight >= listingMinRunes {
			break
		}
		best = nil
	}
	if best == nil {
		cardListing(doc, kept)
		return
	}
	itemShape := shape
	if best.coarse {
		itemShape = kind
	}
	// inList: the block lies in an item of the main list (within listingItemDepth, as
	// counted); memoised by element, so the page's elements are looked at once each
	isItem := map[*html.Node]bool{}
	inList := func(b *Block) bool {
		n := b.Node
		for d := 0; d < listingItemDepth && n != nil && n.Parent != nil; d, n = d+1, n.Parent {
			v, ok := isItem[n]
			if !ok {
				v = n.Type == html.ElementNode && n.Parent.Type == html.ElementNode &&
					itemShape(n) == best.item && shape(n.Parent) == best.parent
				isItem[n] = v
			}
			if v {
				return true
			}
		}
		return false
	}
	var added float64
	var take, dates []*Block
	for _, b := range blocks {
		if b.Node == nil || inNav(b.Node) {
			continue
		}
		if b.Class != ClassGood && listingKeepable(b) && inList(b) {
			added += b.Weighted
			take = append(take, b)
		} else if listingDate(b) && inList(b) {
			dates = append(dates, b)
		}
	}
	need := listingOverBody
	if dated(doc) {
		need = listingOverArticle
	}
	if added < listingMinRunes || added < need*kept {
		cardListing(doc, kept)
		return
	}
	// a dated post, prose inside an article element right under the page's declared
	// headline, makes the page that post: a list outside the element is the blog's
	// sidebar (categories, recent posts, recent comments), however long. (Undated, the
	// heading and its element may be a shop's shelf over its intro.)
	if dated(doc) && anchoredPost(doc) && inArticleShare(take) < listingPostShare {
		return
	}
	for _, b := range take {
		b.place(RoleBody, ClassGood, ruleListingItem)
	}
	// the items' own date lines are part of the items, not the page's time: a listing
	// has none of its own. They do not weigh in the decision above, which is the items'.
	for _, b := range dates {
		b.place(RoleBody, ClassGood, ruleListingItem)
	}
}

// listingDate: a date line (the date-line rule's) of an item of a list, which the
// article passes keep as the page's time or drop as a later copy of it.
func listingDate(b *Block) bool {
	return !b.Hidden && b.Text != "" && b.CFRule == ruleDateLine
}

// listingItemTags: the elements a list's item can be: a list item, a card (article,
// section, a div with a class, a linked block, a figure). Not table rows or bodies (old
// layouts nest whole pages in them), not paragraphs or headings (an article's own text),
// not lists or definition lists (a sidebar's modules of links).
var listingItemTags = map[string]bool{"li": true, "article": true, "section": true, "div": true, "a": true, "figure": true}

// firstClass is the first token of a class list: the item's kind. The tokens after it
// may differ from item to item (a post's id, its categories and tags, as blog software
// writes them on every card), which would split one list into items of a shape each.
func firstClass(class string) string {
	class = strings.TrimLeft(class, " \t\n\f\r")
	if i := strings.IndexAny(class, " \t\n\f\r"); i >= 0 {
		return class[:i]
	}
	return class
}

// commentClass reports an element whose class names a comment (comment-body, and glued
// as blog software writes it, commentbody; not commentary): its blocks are a reader's,
// whatever the list they make.
func commentClass(n *html.Node) bool { return commentInHints(strings.ToLower(attr(n, "class"))) }

// commentInHints reports space-separated lower-case class or id tokens of which one names
// a comment (comment-body, commentbody; not commentary).
func commentInHints(hints string) bool {
	for tok := range strings.FieldsSeq(hints) {
		if i := strings.Index(tok, "comment"); i >= 0 && !strings.HasPrefix(tok[i+len("comment"):], "ar") {
			return true
		}
	}
	return false
}

// navigationElement reports an element that holds the site's navigation: a nav element,
// or one whose role names a menu or the navigation. A mega menu's panels are lists of
// linked items with a line of teaser each, shaped like a listing's cards; the page's own
// list is never inside them.
func navigationElement(n *html.Node) bool {
	if n.Data == "nav" {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(attr(n, "role"))) {
	case "menu", "menubar", "navigation":
		return true
	}
	return false
}

// bareWrapper: a div or span without a class, which pages nest by the dozen around
// anything; siblings of that shape are layout, not items of one kind.
func bareWrapper(n *html.Node) bool {
	return (n.Data == "div" || n.Data == "span") && attr(n, "class") == ""
}

// menuRow: a block of several links and little else.
func menuRow(b *Block) bool {
	return b.Links >= listingMenuRowLinks && b.LinkDensity >= listingMenuRowDensity
}

// dated reports whether the page gives a publication time, in its metadata or in a
// date line or two: the mark of a story, which a listing of stories does not bear. Date
// lines by the dozen are the items' dates.
func dated(doc *Document) bool {
	if doc.Meta.Published != "" {
		return true
	}
	lines := 0
	for _, b := range doc.Blocks {
		if b.Role == RoleDate {
			lines++
		}
	}
	return lines > 0 && lines <= listingStoryDateLines
}

// cardListing takes back, as the body of a page that is a listing, the cards the
// card-list pass dropped when no element holds each card (old layouts put every card's
// headline, date line and teaser side by side in one column, and the list is a run of
// them, not a list of elements): when the cards' teasers weigh listingOverBody times
// what the passes kept (listingOverArticle on a page that bears a publication time),
// every card is an item: its headline, its date or byline, its teaser.
func cardListing(doc *Document, kept float64) {
	blocks := doc.Blocks
	var teasers []int
	added := 0.0
	for i, b := range blocks {
		if b.Rule == ruleCardList && !b.Hidden {
			teasers = append(teasers, i)
			added += b.Weighted
		}
	}
	need := listingOverBody
	if dated(doc) {
		need = listingOverArticle
	}
	if len(teasers) < listingMinItems || added < listingMinRunes || added < need*kept {
		return
	}
	take := func(b *Block) {
		if b.Class != ClassGood && !b.Hidden && b.Text != "" && b.Kind != BlockImage {
			b.place(RoleBody, ClassGood, ruleListingItem)
		}
	}
	for _, t := range teasers {
		// back from the teaser to its headline, over its date and byline lines
		for j, seen := t-1, 0; j >= 0 && seen <= cardMaxGap; j-- {
			n := blocks[j]
			if n.Kind == BlockImage {
				continue
			}
			if n.Runes >= cardTitleMinRunes && n.LinkDensity >= cardTitleLinkDensity && !isMetaRole(n) {
				take(n)
				break
			}
			if n.Role != RoleDate && n.Role != RoleByline && n.CFRule != ruleDateLine && n.CFRule != ruleByline {
				break
			}
			take(n)
			seen++
		}
		take(blocks[t])
	}
}
