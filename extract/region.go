package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// containerBound drops good blocks outside the page's article containers when most of the
// good text is inside them (HTML only: text blocks are never InArticle).
func containerBound(blocks []*Block) {
	in, all := 0.0, 0.0
	for _, b := range blocks {
		if b.Class == ClassGood {
			all += b.Weighted
			if b.InArticle {
				in += b.Weighted
			}
		}
	}
	if in < lengthHigh || in < containerMinGood*all {
		return
	}
	for i, b := range blocks {
		if !b.InArticle && b.Class == ClassGood && !leadOf(blocks, i) {
			b.judge(ClassBad, ruleContainer)
		}
	}
}

// leadOf reports a paragraph of sentences that stands just before the article container's
// first body block: a lead set outside the body element. A paragraph may be a short one (a
// one-sentence lead in an element of its own, styled apart); a heading or list item there
// is a deck or a summary's bullet, taken only when it is a paragraph's length.
func leadOf(blocks []*Block, i int) bool {
	b := blocks[i]
	minLead := float64(lengthHigh)
	if b.Kind == BlockPara {
		minLead = lengthLow
	}
	if !b.SentenceEnd || b.Weighted < minLead || b.CF == ClassBad {
		return false
	}
	for j, seen := i+1, 0; j < len(blocks) && seen < 3; j++ {
		n := blocks[j]
		if isMetaRole(n) || n.Kind == BlockImage || n.Runes == 0 {
			continue
		}
		if n.InArticle && n.Class == ClassGood {
			return true
		}
		seen++
	}
	return false
}

// regionScore is what a block adds to a span of the region (a bad block costs at least
// penalty): good text counts, text that ends no sentence less, boilerplate against it.
func regionScore(penalty float64) func(b *Block) float64 {
	return func(b *Block) float64 {
		switch {
		case neutral(b):
			// separators, metadata and the low-quality lines a page repeats (markRepeated)
			// neither make nor break the article
			return 0
		case b.Rule == ruleRelatedList:
			// the items of a related-news box cost a quarter of their length (its heading
			// counts in full): a box set between the article's paragraphs does not cut
			// the article, a long list after it still ends it
			return -b.Weighted / 4
		case b.Class == ClassGood && !b.SentenceEnd && b.Kind != BlockHeading && b.Kind != BlockItem:
			// text that does not end as a sentence counts for less: headlines and teasers
			return b.Weighted / 4
		case b.Class == ClassGood:
			return b.Weighted
		case b.Class == ClassNearGood:
			return b.Weighted / 2
		case b.Class == ClassShort:
			return 0
		}
		if b.Rule == ruleLowQuality || b.Kind == BlockPre {
			// text that is merely not prose-like (an embedded post, a list line) costs
			// less than named boilerplate; so does preformatted text, whatever dropped
			// it: a furniture is never preformatted, but a long code sample or an API's
			// sample response, set in a panel beside the reference, is often hinted away
			return -min(max(b.Weighted, penalty), lowQualityMaxPenalty)
		}
		return -max(b.Weighted, penalty)
	}
}

// region keeps the body to the span of blocks where good text clusters (the maximum-sum
// span of block scores), cut at the first end-of-article signal that follows most of it.
func region(blocks []*Block, opts Options) {
	penalty := float64(badBlockPenalty)
	if opts.Favor == FavorRecall {
		penalty /= 2
	}
	score := regionScore(penalty)
	bestSum, bestStart, bestEnd := maxSpan(blocks, 0, score)
	// A text page's head (its first labelled date line) comes right before the article:
	// when one is found, the region starts after it, unless that leaves far less text.
	if head := textHead(blocks); head >= 0 && head+1 < len(blocks) {
		s, st, en := maxSpanFrom(blocks, head+1, score)
		if st >= 0 && s >= headSpanShare*bestSum {
			bestSum, bestStart, bestEnd = s, st, en
		}
	}
	if bestStart < 0 {
		for _, b := range blocks {
			if b.Class == ClassGood {
				b.judge(ClassBad, ruleOutside)
			}
		}
		return
	}
	// end-of-article signals
	total := 0.0
	for i := bestStart; i <= bestEnd; i++ {
		if blocks[i].Class == ClassGood {
			total += blocks[i].Weighted
		}
	}
	seen := 0.0
	var bodyArticle *html.Node // the <article> holding the region's first good block
	for i := bestStart; i <= bestEnd; i++ {
		if b := blocks[i]; b.Class == ClassGood && b.Node != nil {
			bodyArticle = articleOf(b.Node)
			break
		}
	}
	for i := bestStart; i <= bestEnd; i++ {
		b := blocks[i]
		if b.Kind == BlockHeading && b.Level == 1 && i > bestStart && seen >= max(lengthHigh, strongSignalShare*total) &&
			articleOf(b.Node) != nil && articleOf(b.Node) != bodyArticle {
			// the headline of another <article>: a page that stacks the next story
			// under this one
			bestEnd = i - 1
			break
		}
		if b.Class == ClassGood {
			seen += b.Weighted
		}
		share := endSignalShare
		switch {
		case b.Rule == ruleRelatedHeading:
			// "Read also" boxes stand inside articles too: only near the end do they end it
			share = relatedSignalShare
		case b.Rule == ruleCopyright && copyrightNotice(b.Text), b.Rule == ruleTipLine, b.Rule == ruleButtons && b.btnKind == "reactions":
			// what closes a news article: its copyright line, the tip line, the reactions
			share = strongSignalShare
		}
		if endSignalRules[b.Rule] && !imageCredit(blocks, i) && (seen >= share*total ||
			seen >= max(lengthHigh, strongSignalShare*total) && closedBefore(blocks, bestStart, i, bestEnd, seen, share)) ||
			commentStart(blocks, i) && (seen >= max(lengthHigh, commentSignalShare*total) ||
				seen >= lengthHigh && commentHead(b) && closedBefore(blocks, bestStart, i, bestEnd, seen, commentSignalShare)) {
			bestEnd = i
			break
		}
	}
	for i, b := range blocks {
		if i >= bestStart && i <= bestEnd {
			continue
		}
		if b.Class == ClassGood || b.Kind == BlockImage {
			b.judge(ClassBad, ruleOutside)
		}
		// metadata after the article is not the article's
		if i > bestEnd && isMetaRole(b) {
			b.Role = RoleNone
		}
	}
}

// closedBefore reports an end-of-article signal at blocks[i] that stands after the
// element holding the article's text so far has closed: the signal lies outside the
// deepest element that holds containerGoodShare of the good text before it, and the good
// text after it inside that element, or in one of its shape, is too little to outweigh it
// (the share test of region, with only that text counted after the signal). What follows
// is another part of the page, however much prose it holds: the teasers of other stories
// after a story, readers' comments. A list or a section the article makes stays inside
// its element, and counts; so does the rest of an article cut into several bodies.
func closedBefore(blocks []*Block, start, i, end int, seen, share float64) bool {
	if blocks[i].Node == nil {
		return false
	}
	box := deepestHolding(blocks[start:i], func(b *Block) float64 {
		if b.Class == ClassGood {
			return b.Weighted
		}
		return 0
	}, containerGoodShare*seen)
	if box == nil || box.DataAtom == atom.Body || box.DataAtom == atom.Html {
		return false
	}
	if within(blocks[i].Node, box) {
		return false
	}
	after := 0.0
	for j := i + 1; j <= end; j++ {
		if b := blocks[j]; b.Class == ClassGood && b.Node != nil && withinLike(b.Node, box) {
			after += b.Weighted
		}
	}
	return seen >= share*(seen+after)
}

// deepestHolding returns the deepest element that holds at least least of the blocks'
// weight (weight of each block, 0 for one that does not count), or nil.
func deepestHolding(blocks []*Block, weight func(*Block) float64, least float64) *html.Node {
	held := map[*html.Node]float64{}
	for _, b := range blocks {
		if w := weight(b); w > 0 && b.Node != nil {
			for n := b.Node; n != nil; n = n.Parent {
				held[n] += w
			}
		}
	}
	var box *html.Node
	boxDepth := -1
	for n, w := range held {
		if w < least || n.Type != html.ElementNode {
			continue
		}
		if d := nodeDepth(n); d > boxDepth {
			box, boxDepth = n, d
		}
	}
	return box
}

// withinLike reports whether n lies in box or in an element of its shape (the same tag,
// class and id): an article cut into several bodies around its inserts goes on in the
// next one.
func withinLike(n, box *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box || n.Type == html.ElementNode && n.DataAtom == box.DataAtom && n.Data == box.Data &&
			attr(n, "class") == attr(box, "class") && attr(n, "id") == attr(box, "id") {
			return true
		}
	}
	return false
}

// within reports whether n is box or lies below it.
func within(n, box *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box {
			return true
		}
	}
	return false
}

// maxSpan is the maximum-sum span of block scores (Kadane) over blocks[from:].
func maxSpan(blocks []*Block, from int, score func(*Block) float64) (best float64, start, end int) {
	best, start, end = 0, -1, -1
	sum, st := 0.0, from
	for i := from; i < len(blocks); i++ {
		if sum <= 0 {
			sum, st = 0, i
		}
		sum += score(blocks[i])
		if sum > best {
			best, start, end = sum, st, i
		}
	}
	return
}

// maxSpanFrom is the best span that starts within headGap blocks of from.
func maxSpanFrom(blocks []*Block, from int, score func(*Block) float64) (best float64, start, end int) {
	best, start, end = 0, -1, -1
	for st := from; st < len(blocks) && st <= from+headGap; st++ {
		sum := 0.0
		for i := st; i < len(blocks); i++ {
			sum += score(blocks[i])
			if sum > best {
				best, start, end = sum, st, i
			}
		}
		if start >= 0 {
			// the first start that reaches a positive span is the article's start
			break
		}
	}
	return
}

// textHead is the index of a text page's head: its first labelled Korean date line, else
// the first date line that two good sentence blocks follow at once; -1 if none.
func textHead(blocks []*Block) int {
	for i, b := range blocks {
		if b.Role == RoleDate && b.Tag == "" && qDateLineKo.MatchString(b.Text) {
			return i
		}
	}
	good := func(n *Block) bool { return n.Class == ClassGood && n.SentenceEnd && n.Weighted >= lengthHigh }
	for i, b := range blocks {
		if b.Role != RoleDate || b.Tag != "" || i+2 >= len(blocks) {
			continue
		}
		if good(blocks[i+1]) && good(blocks[i+2]) {
			return i
		}
	}
	return -1
}

// minMarkerList is the shortest run of ▲-lines that is a list in the body rather than a
// photo caption: a caption stands alone (or twice, the same), a list of news briefs does not.
const minMarkerList = 3

// markerLists turns runs of distinct ▲-lines back into body text.
func markerLists(blocks []*Block) {
	isMarker := func(b *Block) bool {
		return b.CFRule == ruleCaption && (strings.HasPrefix(b.Text, "▲") || strings.HasPrefix(b.Text, "△"))
	}
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && isMarker(blocks[j]) {
			j++
		}
		if j-i >= minMarkerList && blocks[i].Text != blocks[i+1].Text {
			for k := i; k < j; k++ {
				b := blocks[k]
				b.place(RoleNone, ClassGood, ruleMarkerList)
			}
		}
		i = max(j, i+1)
	}
}

// hintKeepShare is the least share of the good text that class hints must leave; below it
// (and not one paragraph outside them) the hints are wrong about this page (a page-wide
// class names a menu) and are reverted,
// as trafilatura reverts its pruning when at most 1/7 of the text would remain.
const hintKeepShare = 1.0 / 7

func revertHints(blocks []*Block, force bool) {
	kept, hinted := 0.0, 0.0
	for _, b := range blocks {
		switch {
		case b.CF == ClassGood || b.CF == ClassNearGood:
			kept += b.Weighted
		case b.CFRule == ruleClassHint && b.hintQ == ClassGood && !consentHinted(b):
			hinted += b.Weighted
		}
	}
	if hinted == 0 || !force && (kept >= lengthLow || kept > hintKeepShare*(kept+hinted)) {
		return
	}
	for _, b := range blocks {
		if b.CFRule == ruleClassHint && !consentHinted(b) {
			b.CF, b.CFRule = b.hintQ, b.hintQRule
			b.judge(b.CF, b.CFRule)
		}
	}
}

// consentHinted reports a block that a cookie or consent container holds: the prose of a
// consent dialog is never the page's text, however little else the page has.
func consentHinted(b *Block) bool { return b.scan().nearestHint(b.Hints) == hintConsent }

// articleOf returns the nearest <article> element holding n, or nil.
func articleOf(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			return n
		}
	}
	return nil
}

// hostOf is the lower-case host of a URL, without "www.", or "".
func hostOf(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// Container thresholds: the element that holds the article is the deepest one holding
// containerGoodShare of the good text, where good text is at least containerDensity of
// all its text.
const (
	containerGoodShare = 0.8
	containerDensity   = 0.5
	// containerMainDensity is the least share of good text in a <main> landmark for it to
	// hold the body of a page that gives no publication time (a service, product or
	// documentation page): the page's author declared it the main content, as a class
	// naming an article body does, but it holds cards, figures and buttons between its
	// paragraphs, and its prose comes in short sections that no one span joins. On a
	// story's page the landmark holds the teasers and lists around the story too.
	containerMainDensity = 0.2
	// containerMaxLinkDensity: a block inside the container with more link text than
	// this is a link list even there.
	containerMaxLinkDensity = 0.5
)
