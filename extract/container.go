package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// containerFill keeps what the element holding the article holds: short lines, list
// items and tables that the quality pass could not judge alone (recipes, fact boxes,
// Q&A) are body when they sit among the body paragraphs. Blocks a boilerplate rule
// matched stay dropped. HTML only: it needs the elements.
func containerFill(blocks []*Block, mainDensity float64) {
	// the weight of the blocks each element owns; an element's whole weight is that of
	// its subtree, summed in one walk of the tree (weights are multiples of 1/2, so
	// their sums are exact in any order)
	ownAll := map[*html.Node]float64{}
	ownGood := map[*html.Node]float64{}
	total := 0.0
	var some *html.Node
	for _, b := range blocks {
		if b.Node == nil {
			continue
		}
		isGood := b.Class == ClassGood && !isMetaRole(b)
		if isGood {
			total += b.Weighted
			ownGood[b.Node] += b.Weighted
		}
		if b.Kind == BlockTable && !isGood && (b.CFRule == ruleLowQuality || b.CFRule == ruleShort) {
			// a data table (a training plan, a timetable) that no rule names is long
			// but no prose: it does not dilute the element that holds it
			ownAll[b.Node] += 0
		} else {
			ownAll[b.Node] += b.Weighted
		}
		some = b.Node
	}
	if total < lengthHigh {
		return
	}
	box, ok := containerBoxShare(some, ownAll, ownGood, total, containerGoodShare, mainDensity)
	if !ok {
		box = containerBoxByAncestors(blocks, total)
	}
	if box == nil {
		return
	}
	// the block-owning elements inside the box, found by one walk of its subtree (asking
	// each block's ancestors would cost the page's depth a block)
	var inBox map[*html.Node]bool
	var fill []int
	for i, b := range blocks {
		if b.Class == ClassGood || b.Node == nil || isMetaRole(b) || b.pinned || b.Kind == BlockImage {
			continue
		}
		switch b.CFRule {
		case ruleShort, ruleNearProse, ruleLowQuality, ruleProse, ruleCode, ruleHintedProse:
			// (hinted-prose: prose whose element's boilerplate hint its prose outweighed)
		default:
			continue
		}
		if b.Rule == ruleRelatedList || b.Rule == ruleTickerRun || b.LinkDensity > containerMaxLinkDensity {
			continue
		}
		if inBox == nil {
			inBox = ownedBelowNoForms(box, ownAll)
		}
		if inBox[b.Node] {
			fill = append(fill, i)
		}
	}
	thread := commentThreads(blocks, fill)
	for _, i := range fill {
		b := blocks[i]
		if thread.out(b) {
			continue
		}
		if loneCard(blocks, i) {
			b.judge(b.Class, ruleCardList)
			continue
		}
		b.judge(ClassGood, ruleInContainer)
	}
}

// endAtCommentPolicy ends the article at the first block the comment-policy rule dropped
// after lengthHigh and endSignalShare of the good text: the rules of a comment section head that section, and
// what follows them (their other lines, the form, the comments) is no body, whichever
// pass took it in.
func endAtCommentPolicy(blocks []*Block) {
	total, seen := 0.0, 0.0
	for _, b := range blocks {
		if b.Class == ClassGood {
			total += b.Weighted
		}
	}
	for i, b := range blocks {
		if b.CFRule == ruleCommentPolicy && seen >= max(lengthHigh, endSignalShare*total) {
			for _, a := range blocks[i+1:] {
				if a.Class == ClassGood || a.Kind == BlockImage {
					a.judge(ClassBad, ruleOutside)
				}
			}
			return
		}
		if b.Class == ClassGood {
			seen += b.Weighted
		}
	}
}

// loneCard reports a teaser of a card for another article that a page sets inside the
// article's element, as "Next story" and "Previous story" links at the article's foot do:
// blocks[i] has a linked headline right before it (images passed over) and a date or
// author line right after it, or a linked headline and then a date or author line before
// it. An article's own short lines do not stand between a linked headline and a date.
// cardLists drops such teasers when three cards or more stand in a row; a card or two
// alone it leaves to this test, which keeps them out of the container's rescue only.
func loneCard(blocks []*Block, i int) bool {
	isTitle := func(b *Block) bool {
		return b != nil && b.Kind != BlockImage && b.Runes >= cardTitleMinRunes && b.LinkDensity >= cardTitleLinkDensity && !isMetaRole(b)
	}
	// the region pass takes the role off metadata after the article; the rule stays
	dated := func(b *Block) bool {
		return b != nil && (b.Role == RoleDate || b.Role == RoleByline || b.CFRule == ruleDateLine || b.CFRule == ruleByline)
	}
	// the nearest blocks that are not images, at most cardMaxGap steps away
	step := func(j, d int) (int, *Block) {
		for k := 0; k <= cardMaxGap; k++ {
			j += d
			if j < 0 || j >= len(blocks) {
				return j, nil
			}
			if blocks[j].Kind != BlockImage {
				return j, blocks[j]
			}
		}
		return j, nil
	}
	p, prev := step(i, -1)
	_, next := step(i, 1)
	if isTitle(prev) && dated(next) {
		return true
	}
	if dated(prev) {
		_, before := step(p, -1)
		return isTitle(before)
	}
	return false
}

// paragraphSiblings keeps the paragraphs that stand beside the article's own: the <p>
// children of the element whose <p> children hold containerGoodShare of the good text.
// An article's short lines, lists written as lines ("Region: town, town") and sentences
// with inline links (place or topic names linked to their pages) are <p> elements there
// that the quality pass could not judge alone or took for link lists; the element holding
// them can hold too much of such text for containerFill's density test when the article
// is one long paragraph and a list. Menus and teaser lists are not paragraphs of the
// article's element. Blocks a boilerplate rule matched, blocks that are almost all link
// text and those the region pass put outside the article stay dropped.
func paragraphSiblings(blocks []*Block) {
	total := 0.0
	var parentGood map[*html.Node]float64
	for _, b := range blocks {
		if b.Class != ClassGood || isMetaRole(b) || b.Node == nil {
			continue
		}
		total += b.Weighted
		if b.Node.DataAtom != atom.P || b.Node.Parent == nil {
			continue
		}
		if parentGood == nil {
			parentGood = map[*html.Node]float64{}
		}
		parentGood[b.Node.Parent] += b.Weighted
	}
	if total < lengthHigh {
		return
	}
	var box *html.Node
	for n, g := range parentGood {
		if g >= containerGoodShare*total {
			box = n // (at most one element holds more than half of the good text)
		}
	}
	if box == nil {
		return
	}
	for _, b := range blocks {
		if b.Class == ClassGood || b.Node == nil || b.Node.Parent != box || b.Node.DataAtom != atom.P ||
			isMetaRole(b) || b.pinned || b.Rule == ruleOutside {
			continue
		}
		switch b.CFRule {
		case ruleShort, ruleNearProse, ruleLowQuality, ruleProse, ruleLinkList:
		default:
			continue
		}
		// a link list's line is kept only when its links are several names among
		// unlinked words; one link over most of the line is a link to another page
		// ("Read more: …", a headline)
		if b.LinkDensity > proseMaxLinkDensity || b.CFRule == ruleLinkList && b.Links < 2 {
			continue
		}
		b.judge(ClassGood, ruleParagraphSibling)
	}
}

// Data-table thresholds: the most link text a table of data may hold, the most blocks
// between it and the body paragraph it follows, and the longest label that may stand
// between (a heading cell such as "Bowling" or "Fall of wickets").
const (
	dataTableMaxLinks     = 0.1
	dataTableMaxGap       = 3
	dataTableLabelMaxRune = 40
)

// dataTables keeps a table of data that follows the article's text: a scoreboard under a
// match report, a poll's crosstabs between the paragraphs that introduce and explain
// them. The quality pass reads its cells as no prose and the container pass cannot take
// it in when the tree builder set a table of broken markup outside the article's
// element; a table without links that comes right after a body paragraph (or after
// another such table), with at most a few short unlinked labels between, is the
// article's. A table that a named rule dropped (a ticker, a related list) stays out.
func dataTables(blocks []*Block) {
	dataTable := func(b *Block) bool {
		if b.Kind != BlockTable || b.Class == ClassGood || b.pinned || isMetaRole(b) || b.LinkDensity > dataTableMaxLinks {
			return false
		}
		switch b.CFRule {
		case ruleLowQuality, ruleShort, ruleNearProse:
		default:
			return false
		}
		return b.Rule == b.CFRule || b.Rule == ruleContext
	}
	// a label the table's own heading may be: a short unlinked line no rule named, or an
	// unlinked cell of the table's markup (a row of figures the ticker rule took)
	label := func(b *Block) bool {
		if b.Class == ClassGood || b.Links > 0 || isMetaRole(b) {
			return false
		}
		if b.Runes <= dataTableLabelMaxRune && (b.Rule == ruleContext || b.Rule == ruleShort) {
			return true
		}
		return b.Runes <= 2*dataTableLabelMaxRune && b.Node != nil && (b.Node.DataAtom == atom.Td || b.Node.DataAtom == atom.Th) &&
			(b.Rule == ruleContext || b.Rule == ruleShort || b.Rule == ruleTicker)
	}
	for i, b := range blocks {
		if !dataTable(b) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-1-dataTableMaxGap; j-- {
			a := blocks[j]
			if a.Class == ClassGood && !isMetaRole(a) && a.Kind != BlockImage {
				b.judge(ClassGood, ruleDataTable)
				// the labels between head the table: they go with it, unless a rule named them
				for _, l := range blocks[j+1 : i] {
					if l.Kind != BlockImage && (l.Rule == ruleContext || l.Rule == ruleShort) {
						l.judge(ClassGood, ruleDataTable)
					}
				}
				break
			}
			if a.Kind != BlockImage && !label(a) {
				break
			}
		}
	}
}

// List-mate thresholds: the fewest body items a list must hold for its linked items to
// be the article's too, and the least share of its items they must make.
const (
	listMateMinItems = 2
	listMateShare    = 0.3
)

// listMates keeps the items of a list that the link-list rule dropped when enough of the
// list's other items are the article's prose: an article's list of changes, steps or
// news links its items to their sources ("Bug 1234 fixed", "Here's our year in review!")
// among items written out. A list of other articles links every item, and has no such
// prose mates.
func listMates(blocks []*Block) {
	type tally struct{ good, linked int }
	var lists map[*html.Node]*tally
	item := func(b *Block) *html.Node {
		if b.Kind != BlockItem || b.Node == nil || b.Node.DataAtom != atom.Li || b.Node.Parent == nil || isMetaRole(b) {
			return nil
		}
		return b.Node.Parent
	}
	linked := func(b *Block) bool {
		// (an item the section-links pass left to its neighbours, and they dropped, is
		// still a linked item)
		return b.Class != ClassGood && b.CFRule == ruleLinkList && !b.pinned &&
			(b.Rule == ruleLinkList || b.Rule == ruleSectionLinks || b.Rule == ruleContext)
	}
	for _, b := range blocks {
		l := item(b)
		if l == nil {
			continue
		}
		good := b.Class == ClassGood && (b.CF == ClassGood || b.CF == ClassNearGood) && b.LinkDensity <= maxLinkDensity
		if !good && !linked(b) {
			continue
		}
		if lists == nil {
			lists = map[*html.Node]*tally{}
		}
		t := lists[l]
		if t == nil {
			t = &tally{}
			lists[l] = t
		}
		if good {
			t.good++
		} else {
			t.linked++
		}
	}
	if lists == nil {
		return
	}
	for _, b := range blocks {
		l := item(b)
		if l == nil || !linked(b) {
			continue
		}
		if t := lists[l]; t.good >= listMateMinItems && float64(t.good) >= listMateShare*float64(t.good+t.linked) {
			b.judge(ClassGood, ruleListMate)
		}
	}
}

// containerBox finds the element that holds the article: the deepest one holding
// containerGoodShare of the good text, where good text is at least containerDensity of
// all its text (or the element declares a body). It walks the tree once, from the root of
// some; ok is false when some blocks' elements lie outside that tree.
func containerBox(some *html.Node, ownAll, ownGood map[*html.Node]float64, total float64) (box *html.Node, ok bool) {
	return containerBoxShare(some, ownAll, ownGood, total, containerGoodShare, containerDensity)
}

// containerBoxShare is containerBox with the share of the good text the element must hold,
// and the density a <main> landmark must have (the page's author declared it the main
// content, as a class naming an article body does, but it holds the page's cards and
// buttons as well as its prose).
func containerBoxShare(some *html.Node, ownAll, ownGood map[*html.Node]float64, total, share, mainDensity float64) (box *html.Node, ok bool) {
	root := some
	for root.Parent != nil {
		root = root.Parent
	}
	type frame struct {
		n, next   *html.Node
		all, good float64
	}
	// blocks are owned by elements: then the other nodes need no lookup
	elementsOnly := true
	for n := range ownAll {
		elementsOnly = elementsOnly && n.Type == html.ElementNode
	}
	reached := 0
	push := func(stack []frame, n *html.Node) []frame {
		f := frame{n: n, next: n.FirstChild}
		if n.Type == html.ElementNode || !elementsOnly {
			var isBlock bool
			if f.all, isBlock = ownAll[n]; isBlock {
				reached++
				f.good = ownGood[n] // (a node with good text is one with text)
			}
		}
		return append(stack, f)
	}
	stack := push(nil, root)
	boxDepth := -1
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if c := top.next; c != nil {
			top.next = c.NextSibling
			stack = push(stack, c)
			continue
		}
		f := *top
		depth := len(stack) // as nodeDepth counts: the root is 1
		stack = stack[:len(stack)-1]
		if len(stack) > 0 {
			p := &stack[len(stack)-1]
			p.all += f.all
			p.good += f.good
		}
		g := f.good
		if g <= 0 || g < share*total || g < containerDensity*f.all && !declaredBody(f.n) && !(g >= mainDensity*f.all && mainLandmark(f.n)) {
			continue
		}
		if depth > boxDepth {
			box, boxDepth = f.n, depth
		}
	}
	return box, reached == len(ownAll)
}

// containerBoxByAncestors is containerBox for blocks whose elements do not all share one
// tree: each block adds its weight to all its ancestors.
func containerBoxByAncestors(blocks []*Block, total float64) *html.Node {
	good := map[*html.Node]float64{}
	all := map[*html.Node]float64{}
	for _, b := range blocks {
		if b.Node == nil {
			continue
		}
		isGood := b.Class == ClassGood && !isMetaRole(b)
		for n := b.Node; n != nil; n = n.Parent {
			all[n] += b.Weighted
			if isGood {
				good[n] += b.Weighted
			}
		}
	}
	var box *html.Node
	boxDepth := -1
	for n, g := range good {
		if g < containerGoodShare*total || g < containerDensity*all[n] && !declaredBody(n) {
			continue
		}
		if d := nodeDepth(n); d > boxDepth {
			box, boxDepth = n, d
		}
	}
	return box
}

// declaredBody reports an element whose class, id or itemprop names an article body
// (article-body, entry-content, articleBody …): its text is the article even where
// the quality pass could not tell.
func declaredBody(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "itemprop" {
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			if bodyContainerToken(strings.ToLower(tok)) {
				return true
			}
		}
	}
	return false
}

// mainLandmark reports the element a page declares its main content: <main>, or an element
// with role="main".
func mainLandmark(n *html.Node) bool {
	if n.DataAtom == atom.Main {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "role" && strings.EqualFold(strings.TrimSpace(a.Val), "main") {
			return true
		}
	}
	return false
}

func nodeDepth(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// ownedBelow returns the elements of box's subtree (box included) that own blocks.
func ownedBelow(box *html.Node, own map[*html.Node]float64) map[*html.Node]bool {
	return ownedBelowSkip(box, own, false)
}

// ownedBelowSkip is ownedBelow, without the forms inside box when noForms is set.
func ownedBelowSkip(box *html.Node, own map[*html.Node]float64, noForms bool) map[*html.Node]bool {
	in := map[*html.Node]bool{}
	stack := []*html.Node{box}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if noForms && n != box && n.Type == html.ElementNode && n.DataAtom == atom.Form {
			continue
		}
		if _, ok := own[n]; ok {
			in[n] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return in
}

// ownedBelowNoForms is ownedBelow without the forms inside box: a reply form, a sign-up
// or a search form below the article holds labels and notes, not the article (a page
// that wraps itself in one form has the box inside it, and is read as a whole).
func ownedBelowNoForms(box *html.Node, own map[*html.Node]float64) map[*html.Node]bool {
	return ownedBelowSkip(box, own, true)
}
