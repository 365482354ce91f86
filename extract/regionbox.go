package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// The region is anchored to the element that holds the page's prose. The maximum-sum
// span picks one cluster of good text; on a page whose prose comes in several clusters
// split by furniture (the posts of a thread between their authors' cards and buttons,
// the sections of a documentation page between code and tables, an article cut by an
// ad slot and a carousel), it keeps one and loses the rest. The element that holds most
// of the page's prose, judged by the blocks' own evidence before any context, bounds
// where the article may be: prose inside it that the span left out is taken back, unless
// it follows the start of a comment section.

// Thresholds of the prose box.
const (
	// proseBoxShare is the share of the page's prose the box must hold (as
	// containerGoodShare for the article container).
	proseBoxShare = 0.8
	// proseBoxRegionShare: the span is taken as the article when it already holds this
	// share of the box's prose.
	proseBoxRegionShare = 0.6
)

// ruleProseBox marks a prose block inside the element holding the page's prose that the
// region's span had left out.
const ruleProseBox RuleName = "prose-box"

// proseBox takes back the prose that the region left out inside the element holding
// most of the page's prose (HTML only).
func proseBox(blocks []*Block, mainDensity float64) {
	prose := func(b *Block) bool {
		return b.Node != nil && (b.CF == ClassGood || b.CF == ClassNearGood && b.SentenceEnd) && b.Kind != BlockImage && !isMetaRole(b)
	}
	// the totals first: on most pages the span holds the prose and no element is weighed
	total, inRegion := 0.0, 0.0
	for _, b := range blocks {
		if prose(b) {
			total += b.Weighted
			if b.Class == ClassGood {
				inRegion += b.Weighted
			}
		}
	}
	// (no region at all is left to Classify's loosened second try)
	if total < lengthHigh || inRegion == 0 || inRegion >= proseBoxRegionShare*total {
		return
	}
	ownAll := map[*html.Node]float64{}
	ownProse := map[*html.Node]float64{}
	var some *html.Node
	for _, b := range blocks {
		if b.Node == nil || b.Hidden {
			// (what the page hides, its menus' panels and dialogs, dilutes no element)
			continue
		}
		// unlinked lines that read as no prose by themselves (a guide's lists of features,
		// short labels, code) dilute no element: the box is told from the page's frame by
		// its menus, link lists and named boilerplate, which the lines are not
		if neutralLine(b) {
			ownAll[b.Node] += 0 // (owned all the same: the box's blocks are told by the keys)
		} else {
			ownAll[b.Node] += b.Weighted
		}
		some = b.Node
		if prose(b) {
			ownProse[b.Node] += b.Weighted
		}
	}
	box, ok := containerBoxShare(some, ownAll, ownProse, total, proseBoxShare, mainDensity)
	if !ok || box == nil {
		return
	}
	inBox := ownedBelow(box, ownAll)
	boxProse := 0.0
	for n := range inBox {
		boxProse += ownProse[n]
	}
	if inRegion >= proseBoxRegionShare*boxProse {
		return
	}
	// what follows the first good block's end of article stays out: a comment section
	// (a quote's "NAME said:" header is none: threads quote each other), a copyright or
	// tip line, a related-news heading, the headline of a next story stacked under this
	// one; button rows stand under every post of a thread
	started, ended := false, false
	var take []int
	for i, b := range blocks {
		if started && inBox[b.Node] && (commentStart(blocks, i) && b.Rule != ruleCommentHeader || endSignalRules[b.Rule] && b.Rule != ruleButtons && !imageCredit(blocks, i) ||
			b.Kind == BlockHeading && b.Level == 1) {
			ended = true
		}
		started = started || b.Class == ClassGood
		if ended || b.Rule != ruleOutside && b.Rule != ruleContext || b.CF != ClassGood && b.CF != ClassNearGood || !b.SentenceEnd ||
			b.Kind == BlockImage || !inBox[b.Node] || b.LinkDensity > hintedProseMaxLinks {
			continue
		}
		if cardTeaser(blocks, i) {
			// the teaser under a card's linked headline: the page's list decides (listings)
			continue
		}
		take = append(take, i)
	}
	thread := commentThreads(blocks, take)
	for _, i := range take {
		if b := blocks[i]; !thread.out(b) {
			b.judge(ClassGood, ruleProseBox)
		}
	}
}

// neutralLine: a block that the quality pass judged short or low-quality on its own
// evidence, with little link text: neither prose nor the page's frame.
func neutralLine(b *Block) bool {
	return (b.CFRule == ruleShort || b.CFRule == ruleLowQuality || b.CFRule == ruleCode) && b.LinkDensity <= hintedProseMaxLinks && b.Kind != BlockImage
}

// cardTeaser reports a paragraph right under a linked headline, a line of one link
// (images and metadata passed over; a row of share links is no headline, nor a post's
// number or its author's name): the teaser of a card for another page, as a listing's
// items and a landing page's link cards give them, not a section of the page's own text.
func cardTeaser(blocks []*Block, i int) bool {
	p := nearestJudged(blocks, i, -1)
	return p != nil && p.Class != ClassGood && p.Runes >= cardTitleMinRunes && p.Runes < lengthHigh && p.Links == 1 && p.LinkDensity >= cardTitleLinkDensity
}

// threadGate keeps readers' comments out of the passes that take text back into the
// article. A comment thread is named so by the class or id of an element anywhere above
// its posts (the section's "comments" wrapper), however generic the nearer classes
// ("post-text", "message-content"). Where most of the text stands inside such sections
// (the posts of a forum thread are the page's content) they are not told apart so; nor
// does an itemprop count: a forum marks its replies as a post's "comment" items.
type threadGate struct {
	on   bool
	memo map[*html.Node]bool
}

// threadGateShare is the least share of the text that must stand outside every comment
// section for the gate to keep comments out.
const threadGateShare = 0.6

// commentThreads reads whether the text of the region and of the blocks a pass would
// take back (cands) stands mostly outside the comment sections: only then does the gate
// keep them out.
func commentThreads(blocks []*Block, cands []int) threadGate {
	g := threadGate{memo: map[*html.Node]bool{}}
	all, outside := 0.0, 0.0
	add := func(b *Block) {
		all += b.Weighted
		if !g.inComments(b) {
			outside += b.Weighted
		}
	}
	for _, b := range blocks {
		if b.Class == ClassGood && !isMetaRole(b) {
			add(b)
		}
	}
	for _, i := range cands {
		add(blocks[i])
	}
	g.on = all > 0 && outside >= threadGateShare*all
	return g
}

// out reports a block that the gate keeps out: one inside a comment section.
func (g threadGate) out(b *Block) bool { return g.on && g.inComments(b) }

// inComments reports whether an element at or above the block's has a class or id token
// that names comments.
func (g threadGate) inComments(b *Block) bool {
	if b.Node == nil || !mayNameComments(b.Hints) {
		return false
	}
	var path []*html.Node
	found := false
	for n := b.Node; n != nil; n = n.Parent {
		if v, ok := g.memo[n]; ok {
			found = v
			break
		}
		path = append(path, n)
		if commentElement(n) {
			found = true
			break
		}
	}
	for _, n := range path {
		g.memo[n] = found
	}
	return found
}

// commentElement reports an element whose class or id has a token that names comments.
func commentElement(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			if t := lowerToken(tok); mayNameComments(t) && negativeToken(t) == "comment" {
				return true
			}
		}
	}
	return false
}

// mayNameComments: the hints hold a comment word somewhere (the cheap test before the
// walk up the tree).
func mayNameComments(hints string) bool {
	for _, w := range commentWords {
		if strings.Contains(hints, w) {
			return true
		}
	}
	return false
}

// commentWords are the hint words that name comments, but those a forum gives its own
// posts: the container of a thread's replies ("replyNewMessageContainer"), a board's
// discussions.
var commentWords = func() []string {
	var ws []string
	for w, hw := range negativeWords.words {
		if hw.kind == "comment" && !forumWords[w] {
			ws = append(ws, w)
		}
	}
	return ws
}()

var forumWords = map[string]bool{"reply": true, "replies": true, "discussion": true}

// ruleCommentSection marks a block of a comment section that the context passes took
// into the article.
const ruleCommentSection RuleName = "comment-section"

// commentSections drops from the body the blocks inside a comment section (an element
// anywhere above them names comments) when the article's text stands mostly outside such
// sections (threadGate): the neighbours' verdicts carried the region into the readers'
// posts, whose own classes ("post-text", "message-content") name nothing. A section
// above the article's first text is left to the other passes.
func commentSections(blocks []*Block) {
	thread := commentThreads(blocks, nil)
	if !thread.on {
		return
	}
	started := false
	for _, b := range blocks {
		if b.pinned {
			continue
		}
		if isMetaRole(b) {
			// a post's date or author line is the post's, not the article's
			if started && (b.Role == RoleDate || b.Role == RoleByline) && thread.out(b) {
				b.Role = RoleNone
			}
			continue
		}
		if b.Class != ClassGood {
			continue
		}
		if !thread.out(b) {
			started = true
			continue
		}
		if started {
			b.judge(ClassBad, ruleCommentSection)
		}
	}
}
