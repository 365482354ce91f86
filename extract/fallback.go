package extract

// A page that has prose always yields a body. The passes before this one can all say no
// to the same text: a listing's items cut off with an ellipsis read as teasers of other
// articles, a run of paragraphs under a wrapper whose class names a widget is hinted
// away, a region chosen elsewhere leaves them outside. When what is left is nothing, or
// far less than the page's best run of prose, that run is taken as the body (as
// trafilatura falls back to its baseline when its main extraction comes out too small).
// The run is judged by the blocks' own evidence alone — their length and language —
// with the verdicts of rules that name a kind of text standing (consent dialogs,
// copyright lines, newsletter boxes are never the article, whatever their prose).

// Thresholds of the prose fallback.
const (
	// fallbackMaxBody: a body of this many weighted runes or more (one good paragraph's
	// length) is something: the fallback is not tried, since a short article beside a
	// long sidebar blurb is a page the passes read right.
	fallbackMaxBody = lengthHigh
	// fallbackMinProse: the least prose the best run must add to the body to be taken.
	fallbackMinProse = 2 * lengthHigh
	// fallbackShare: the body is "far smaller" than the best run when it holds less than
	// this share of the prose the run adds.
	fallbackShare = 0.25
)

// ruleProseFallback marks a block of the page's best run of prose, taken as the body when
// the passes kept nothing or far less.
const ruleProseFallback RuleName = "prose-fallback"

// fallbackRules are the context-free verdicts the fallback may overrule: a summary cut
// off with an ellipsis (a listing's items, an article's paragraphs cut by a damaged
// copy) and a class hint on a wrapper; the blocks that no rule matched are judged by
// their quality. Every other rule names what its block is, and stands.
var fallbackRules = map[RuleName]bool{
	ruleTeaser: true, ruleMoreTeaser: true, ruleClassHint: true,
}

// ownProse reports whether a block reads as prose by its own evidence: a paragraph good
// by length and language, or a near-good one that ends a sentence or is a paragraph's
// length; with the verdict of a class hint or a teaser rule set aside.
func ownProse(b *Block) bool {
	if b.Hidden || b.pinned || b.Kind == BlockImage || isMetaRole(b) || b.Role != RoleNone && b.Role != RoleBody {
		return false
	}
	q := b.CF
	switch {
	case b.CFRule == ruleClassHint:
		if consentHinted(b) {
			return false // a consent dialog's prose is never the page's
		}
		q = b.hintQ
	case fallbackRules[b.CFRule]:
		q, _ = quality(b)
	case b.CF == ClassBad:
		return false
	}
	return q == ClassGood || q == ClassNearGood && (b.SentenceEnd || b.Weighted >= lengthLow)
}

// keptBody is the weighted length of the body the passes kept: good blocks that are no
// metadata. The fallbacks fire when it is under fallbackMaxBody.
func keptBody(blocks []*Block) float64 {
	kept := 0.0
	for _, b := range blocks {
		if b.Class == ClassGood && !isMetaRole(b) {
			kept += b.Weighted
		}
	}
	return kept
}

// proseFallback takes the page's best run of prose as its body when the passes kept
// nothing or far less (see the top of this file).
func proseFallback(blocks []*Block) {
	kept := keptBody(blocks)
	if kept >= fallbackMaxBody {
		return
	}
	// the best run: prose counts for, anything else against it (a short line a little,
	// boilerplate as much as the region pass weighs it), so the run holds the prose that
	// clusters and the labels between its paragraphs, not the page
	prose := make([]bool, len(blocks))
	best, sum, start, end, st := 0.0, 0.0, -1, -1, 0
	for i, b := range blocks {
		prose[i] = ownProse(b)
		if sum <= 0 {
			sum, st = 0, i
		}
		switch {
		case prose[i]:
			sum += b.Weighted
		case b.Weighted < lengthLow:
			sum -= b.Weighted / 2
		default:
			sum -= max(badBlockPenalty, b.Weighted)
		}
		if sum > best {
			best, start, end = sum, st, i
		}
	}
	if start < 0 {
		return
	}
	added := 0.0
	for j := start; j <= end; j++ {
		if prose[j] && blocks[j].Class != ClassGood {
			added += blocks[j].Weighted
		}
	}
	if added < fallbackMinProse || kept >= fallbackShare*added {
		return
	}
	for j := start; j <= end; j++ {
		if b := blocks[j]; prose[j] && b.Class != ClassGood {
			b.place(RoleBody, ClassGood, ruleProseFallback)
		}
	}
}
