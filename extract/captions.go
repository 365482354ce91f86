package extract

import (
	"regexp"
	"strings"
)

// aiSummaries drops the summary box a language model wrote: the points (list items) above
// or below the note that says so, with the box's short heading. The article's own text
// follows the box; the summary repeats it.
func aiSummaries(blocks []*Block) {
	for i, b := range blocks {
		if b.CFRule != ruleAISummaryNote {
			continue
		}
		for _, d := range []int{-1, 1} {
			k, gap := i+d, 0
			for k >= 0 && k < len(blocks) && blocks[k].Kind != BlockItem && gap < aISummaryReach && (blocks[k].Runes <= 40 && !blocks[k].SentenceEnd || !hasLetterOrDigit(blocks[k].Text)) {
				k += d
				gap++
			}
			items := 0
			for ; k >= 0 && k < len(blocks) && blocks[k].Kind == BlockItem; k += d {
				items++
			}
			if items == 0 {
				continue
			}
			// the points, the blocks between them and the note, and a heading above them
			from, to := min(i+d, k-d), max(i+d, k-d)
			if d < 0 && k >= 0 && blocks[k].Runes <= 40 && !blocks[k].SentenceEnd && blocks[k].Kind != BlockItem {
				from = k
			}
			if d > 0 && from > 0 && blocks[from-1].Runes <= 40 && !blocks[from-1].SentenceEnd && blocks[from-1].Kind != BlockItem && from-1 != i {
				from--
			}
			for j := from; j <= to; j++ {
				if x := blocks[j]; !x.pinned && x.Role == RoleNone {
					x.judge(ClassBad, ruleAISummary)
				}
			}
		}
	}
}

// captionMaxRunes is the longest line textCaptions takes for a photo's caption.
const captionMaxRunes = 200

// textCaptions drops, in a text dump, the caption of a photo in the body: the line right
// above the photo's credit (Foto: …, © Name/Agency, Name/dpa), with the body above the
// caption and going on below the credit. A credit that closes the article (an agency's
// tag, the credits of the whole piece) or names a source (Quelle: …) has no caption
// above it.
func textCaptions(blocks []*Block) {
	for i := 0; i+2 < len(blocks); i++ {
		b, c := blocks[i], blocks[i+1]
		if b.Node != nil || b.Role != RoleNone || b.pinned || b.Runes > captionMaxRunes+captionMaxRunes/2 {
			continue
		}
		// an image's text shown again as its caption with the credit after it ("… (Photo:
		// Agency)", "… © Name"): both lines are the caption
		if creditedCopy(b.Text, c.Text) && c.Role == RoleNone && !c.pinned && (b.Class == ClassGood || c.Class == ClassGood) &&
			bodyNear(blocks, i, -1) && bodyNear(blocks, i+1, 1) {
			for _, x := range []*Block{b, c} {
				if x.Class == ClassGood {
					x.judge(ClassBad, ruleTextCaption)
				}
			}
			i++
			continue
		}
		// (a caption's whole sentence below a short line: the line is the photo's text)
		credit := photoCredit(c) || c.CFRule == ruleCaption && b.Runes <= creditMaxRunes
		if b.Class != ClassGood || b.Runes > captionMaxRunes || c.Class == ClassGood || !credit || !bodyNear(blocks, i, -1) || !bodyNear(blocks, i+1, 1) {
			continue
		}
		b.judge(ClassBad, ruleTextCaption)
	}
}

// creditedCopy: u is t with a photo credit after it ("t (Photo: Agency)", "t © Name",
// "t / Name / Agency").
func creditedCopy(t, u string) bool {
	if len(u) <= len(t) || !strings.HasPrefix(u, t) {
		return false
	}
	rest := strings.TrimSpace(u[len(t):])
	return strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "©") || strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "|") ||
		reCreditLabel.MatchString(rest) || reCaptionEn.MatchString(rest)
}

// bodyNear: a body block stands within captionBodyReach blocks of i in direction d.
func bodyNear(blocks []*Block, i, d int) bool {
	for k := i + d; k >= 0 && k < len(blocks) && k != i+d*(captionBodyReach+1); k += d {
		if n := blocks[k]; n.Class == ClassGood && n.Role == RoleNone {
			return true
		}
	}
	return false
}

// captionBodyReach is how far from a caption the body must go on, above and below it.
const captionBodyReach = 3

// photoCredit: a line that credits a photo, not the article's source (a caption rule's
// line counts when it is short: a credit, not the caption's sentence).
func photoCredit(b *Block) bool {
	switch b.CFRule {
	case ruleCaption:
		return b.Runes <= creditMaxRunes && !qSourceLabel.MatchBlock(b)
	case rulePhotoCredit, ruleCreditLabel:
		return !qSourceLabel.MatchBlock(b)
	}
	return false
}

// creditMaxRunes is the longest line a caption rule names that counts as a photo's credit.
const creditMaxRunes = 80

// ruleReferenceList names an entry of the article's numbered list of references.
const ruleReferenceList RuleName = "reference-list"

// referenceListMinItems is the fewest numbered references in a row that make a list of
// them.
const referenceListMinItems = 3

var (
	reRefNumber = regexp.MustCompile(`^(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s?\S`)
	reRefYear   = regexp.MustCompile(`\b(?:1[6-9]|20)\d\d\b`)
)
