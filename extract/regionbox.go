package extract

import "golang.org/x/net/html"

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
	// ProseBoxShare is the share of the page's prose the box must hold (as
	// ContainerGoodShare for the article container).
	ProseBoxShare = 0.8
	// ProseBoxRegionShare: the span is taken as the article when it already holds this
	// share of the box's prose.
	ProseBoxRegionShare = 0.6
)

// RuleProseBox marks a prose block inside the element holding the page's prose that the
// region's span had left out.
const RuleProseBox = "prose-box"

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
	if total < LengthHigh || inRegion == 0 || inRegion >= ProseBoxRegionShare*total {
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
	box, ok := containerBoxShare(some, ownAll, ownProse, total, ProseBoxShare, mainDensity)
	if !ok || box == nil {
		return
	}
	inBox := ownedBelow(box, ownAll)
	boxProse := 0.0
	for n := range inBox {
		boxProse += ownProse[n]
	}
	if inRegion >= ProseBoxRegionShare*boxProse {
		return
	}
	// what follows the first good block's end of article stays out: a comment section
	// (a quote's "NAME said:" header is none: threads quote each other), a copyright or
	// tip line, a related-news heading, the headline of a next story stacked under this
	// one; button rows stand under every post of a thread
	started, ended := false, false
	for i, b := range blocks {
		if started && inBox[b.Node] && (commentStart(blocks, i) && b.Rule != "comment-header" || endSignalRules[b.Rule] && b.Rule != "buttons" && !imageCredit(blocks, i) ||
			b.Kind == BlockHeading && b.Level == 1) {
			ended = true
		}
		started = started || b.Class == ClassGood
		if ended || b.Rule != RuleOutside && b.Rule != RuleContext || b.CF != ClassGood && b.CF != ClassNearGood || !b.SentenceEnd ||
			b.Kind == BlockImage || !inBox[b.Node] || b.LinkDensity > HintedProseMaxLinks {
			continue
		}
		if cardTeaser(blocks, i) {
			// the teaser under a card's linked headline: the page's list decides (listings)
			continue
		}
		b.Class, b.Rule = ClassGood, RuleProseBox
	}
}

// neutralLine: a block that the quality pass judged short or low-quality on its own
// evidence, with little link text: neither prose nor the page's frame.
func neutralLine(b *Block) bool {
	return (b.CFRule == RuleShort || b.CFRule == RuleLowQuality || b.CFRule == RuleCode) && b.LinkDensity <= HintedProseMaxLinks && b.Kind != BlockImage
}

// cardTeaser reports a paragraph right under a linked headline, a line of one link
// (images and metadata passed over; a row of share links is no headline, nor a post's
// number or its author's name): the teaser of a card for another page, as a listing's
// items and a landing page's link cards give them, not a section of the page's own text.
func cardTeaser(blocks []*Block, i int) bool {
	p := nearestJudged(blocks, i, -1)
	return p != nil && p.Class != ClassGood && p.Runes >= CardTitleMinRunes && p.Runes < LengthHigh && p.Links == 1 && p.LinkDensity >= CardTitleLinkDensity
}
