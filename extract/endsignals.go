package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// imageCredit reports a copyright line that is a photo's caption or credit ("Lake
// shore at dawn | © 2019 Jane Roe"): set in a caption or right after an image, it ends
// no article, however many photos the article holds.
func imageCredit(blocks []*Block, i int) bool {
	b := blocks[i]
	if b.Rule != ruleCopyright || reReservedRights.MatchString(b.Text) {
		return false
	}
	return b.Kind == BlockCaption || i > 0 && blocks[i-1].Kind == BlockImage
}

// reReservedRights: the formula of a site's notice, which no photo credit carries.
var reReservedRights = regexp.MustCompile(`(?i)rights reserved|무단|재배포|전재`)

// commentStart reports a block that opens a comment section: a comment-count or comment
// button row, or an element whose nearest class names comments and that the section
// follows (commentFollows).
func commentStart(blocks []*Block, i int) bool {
	b := blocks[i]
	return b.Rule == ruleButtons && b.btnKind == "comment-box" || b.Rule == ruleCommentHeader ||
		commentHinted(b) && commentFollows(blocks, i)
}

// commentHead reports a comment section's start that its own words tell (34 Comments,
// Leave a Reply, a comment button), not a class hint: a forum's replies are hinted as
// comments too, and they are the page's main content.
func commentHead(b *Block) bool {
	return b.Rule == ruleButtons && b.btnKind == "comment-box" || b.Rule == ruleCommentHeader
}

func commentHinted(b *Block) bool {
	return b.Rule == ruleClassHint && nearestHint(b.Hints) == "comment"
}

// commentLookahead is how many blocks after a comment-hinted one commentFollows reads.
const commentLookahead = 8

// commentFollows reports whether a comment-hinted block opens the comments: the next
// block that is either comment-hinted or prose by its own evidence is comment-hinted, or
// none is near. A teaser card's comment count ("Posts 2", "14 comments") is followed by
// more of the article, and the "Add a comment" link under a question by its answers,
// not by comments.
func commentFollows(blocks []*Block, i int) bool {
	for j := i + 1; j < len(blocks) && j <= i+commentLookahead; j++ {
		n := blocks[j]
		switch {
		case commentHinted(n) || n.Rule == ruleCommentHeader:
			return true
		case n.CF == ClassGood:
			return false
		}
	}
	return true
}

// Sentence shape, for prose in languages that a stop list cannot measure.
const (
	minSentences  = 2    // sentences a long block must hold
	minLowerShare = 0.45 // share of its words that start in lower case (menus and titles are capitalised)
)

// sentenceCount counts sentence ends: . ! ? followed by a space and a capital, a digit or
// a quote, plus the end of the text.
func sentenceCount(t string) int {
	n := 0
	rs := []rune(t)
	for i := 0; i+2 < len(rs); i++ {
		switch rs[i] {
		case '.', '!', '?':
			if rs[i+1] == ' ' && (unicode.IsUpper(rs[i+2]) || unicode.IsDigit(rs[i+2]) || strings.ContainsRune("\"“„«'", rs[i+2])) {
				n++
			}
		}
	}
	if sentenceEnd(t) {
		n++
	}
	return n
}

// endsInFullStop reports a text that ends in a full stop (after any closing quotes or
// brackets), not in an ellipsis, a question or an exclamation mark.
func endsInFullStop(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’)]»", r)
	})
	return strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..")
}

// lowerShare is the share of words that start with a lower-case letter, or with a
// letter of a script that has no case below Han and Kana (Arabic, Devanagari, Tamil,
// Georgian, Ethiopic …): such a word is not capitalised as a menu's or a title's is.
func lowerShare(t string) float64 {
	words, lower := 0, 0
	for _, w := range strings.Fields(t) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsLower(r) || r < 0x2E80 && !unicode.IsUpper(r) && !unicode.IsTitle(r) {
			lower++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(lower) / float64(words)
}

// copyrightNotice tells a page's copyright notice ("© 2025 Daily Example. All rights
// reserved.") from a photo credit ("© Agency/Photographer"), which stands anywhere.
func copyrightNotice(t string) bool { return qNotice.MatchString(t) }

// minSentenceRun is how many near-good or good sentence blocks in a row make prose even
// where each alone is too short to be good: a news lead of short paragraphs.
const minSentenceRun = 3

// sentenceRuns gives each block the length of the run of consecutive near-good or good
// blocks ending in a sentence that it belongs to (metadata, images and separators between
// them do not break a run, nor do the short unlinked headings of its sections: a guide's
// numbered steps, each a heading over a few short sentences, are one run of prose).
func sentenceRuns(blocks []*Block) []int {
	runs := make([]int, len(blocks))
	member := func(b *Block) bool {
		return (b.Class == ClassNearGood || b.Class == ClassGood) && b.SentenceEnd && b.Kind != BlockImage
	}
	skip := func(b *Block) bool {
		return neutral(b) || b.Kind == BlockHeading && b.CF == ClassShort && b.LinkRunes == 0
	}
	for i := 0; i < len(blocks); {
		if !member(blocks[i]) {
			i++
			continue
		}
		var idx []int
		j := i
		for ; j < len(blocks); j++ {
			if member(blocks[j]) {
				idx = append(idx, j)
			} else if !skip(blocks[j]) {
				break
			}
		}
		for _, k := range idx {
			runs[k] = len(idx)
		}
		i = j
	}
	return runs
}

// markRepeated marks the low-quality lines a page repeats minRepeats times or more: the
// same caption or credit under every photo of a gallery, a signature under every post.
// Such a line is furniture of its own kind: like an image, it neither makes nor breaks the
// paragraphs around it (see neutral), so that a short paragraph between two photos is
// judged by the paragraphs around it, not by the caption.
func markRepeated(blocks []*Block) {
	counts := map[string]int{}
	for _, b := range blocks {
		if b.CFRule == ruleLowQuality {
			counts[b.Text]++
		}
	}
	for _, b := range blocks {
		b.repeated = b.CFRule == ruleLowQuality && counts[b.Text] >= minRepeats
	}
}

// neutral reports a block that neither makes nor breaks the article around it: metadata,
// images (and the placeholders text dumps leave for them, or the image's alt text doubled
// by its link's), separators, and the heads of a live blog's entries, which stand only
// inside the article. The consent gate of an embedded video or post stands where the
// embed does, as often inside the article as beside it: it is dropped, but its length
// does not cut the article in two. So with the inserts that stand inside a body: a forum
// quote's expand label, a shop's button between a product's paragraphs.
func neutral(b *Block) bool {
	return isMetaRole(b) || b.Kind == BlockImage || b.CFRule == ruleDecoration || b.CFRule == ruleImagePlaceholder ||
		b.CFRule == ruleLiveEntryHead || b.CFRule == ruleDoubledText || b.CFRule == ruleEmbedConsent || b.CFRule == ruleQuoteToggle || b.CFRule == ruleShopButton || b.CFRule == ruleMoreLink || b.repeated
}

// aISummaryReach is how many blocks a summary box's note may stand from the box's points
// (a divider, a "show more" button, the box's heading between).
const aISummaryReach = 3
