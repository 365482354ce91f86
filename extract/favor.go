package extract

import (
	"regexp"
	"strings"
)

// The favor pass (Options.Favor) moves the balance between precision and recall once the
// balanced verdicts are in: "precision" drops the body blocks the balanced pass kept on
// doubtful grounds, "recall" takes back dropped blocks that stand in or at the body. The
// balanced path does not enter it. Every block it changes carries one of these rule names.
const (
	FavorPrecision = "precision"
	FavorRecall    = "recall"

	// RuleFavorCaption: precision drops a photo's caption, and a short line a context rule
	// kept right beside an image (the image's caption set as a paragraph).
	RuleFavorCaption = "favor-caption"
	// RuleFavorContainer: precision drops a body block outside the article's element when
	// most of the body is inside it (a lead or a pull quote set outside the body element).
	RuleFavorContainer = "favor-container"
	// RuleFavorTail: precision drops the body's tail after the last named boilerplate
	// between body blocks, when the tail is a small share of the body (an appeal to
	// readers, a staff list, a note about the publisher after a newsletter box).
	RuleFavorTail = "favor-tail"
	// RuleFavorEdge: precision drops short lines that are not sentences, and agency
	// reporting credits, at the start and the end of the body.
	RuleFavorEdge = "favor-edge"
	// RuleFavorAbout: precision drops the note about a company or publisher that closes a
	// press release ("Example Corp is a global provider of …", "About Example Corp"): the
	// last body paragraphs whose subject is a name the headline or the site holds.
	RuleFavorAbout = "favor-about"
	// RuleFavorInside: recall keeps a dropped block that stands between two body blocks.
	RuleFavorInside = "favor-inside"
	// RuleFavorBeside: recall keeps a dropped block of the article's element right before
	// or after the body.
	RuleFavorBeside = "favor-beside"
)

// favorRules are the favor pass's verdicts, for `artclean rules`.
var favorRules = []Rule{
	{Name: RuleFavorCaption, Kind: "favor", Desc: "--favor precision: a photo's caption, or a short line kept by its context right beside an image"},
	{Name: RuleFavorContainer, Kind: "favor", Desc: "--favor precision: a body block outside the element that holds most of the body"},
	{Name: RuleFavorTail, Kind: "favor", Desc: "--favor precision: the body's last fifth or less, after named boilerplate between body blocks"},
	{Name: RuleFavorEdge, Kind: "favor", Desc: "--favor precision: a short line that is no sentence (kept by its context), a heading or a reporting credit at the start or end of the body"},
	{Name: RuleFavorAbout, Kind: "favor", Desc: "--favor precision: the closing note about a company the headline names (Example Corp is a …, About Example Corp)"},
	{Name: RuleFavorInside, Kind: "favor", Desc: "--favor recall: a dropped block (not a duplicate) between two body blocks"},
	{Name: RuleFavorBeside, Kind: "favor", Desc: "--favor recall: a dropped block inside the article's element among the few right before or after the body"},
}

// init lists the favor pass's verdicts among the pass rules (`artclean rules`).
func init() { passRules = append(passRules, favorRules...) }

const (
	// FavorTailShare is the largest share of the body's weight that precision drops as a
	// tail after boilerplate: an article's own sections after an ad line are longer.
	FavorTailShare = 0.2
	// FavorContainerShare is the share of the body's weight that must stand inside article
	// containers for precision to drop the body blocks outside them.
	FavorContainerShare = 0.5
	// FavorCaptionMaxRunes is the longest line beside an image that precision takes for
	// its caption.
	FavorCaptionMaxRunes = 100
	// FavorEdgeMaxRunes is the longest line without a sentence end that precision drops at
	// the body's edges (a label, a name, "Like this:"); FavorEdgeHeadingRunes the longest
	// heading.
	FavorEdgeMaxRunes     = 80
	FavorEdgeHeadingRunes = 150
	// FavorBesideReach is how many dropped text blocks on each side of the body recall
	// looks at: a caption, a credit, a tweet's attribution stand next to the body.
	FavorBesideReach = 5
)

// reReportingCredit: an agency's reporting credit that closes an article ("Reporting by
// …", "(Editing by …)", "Jane Roe contributed reporting.").
var reReportingCredit = regexp.MustCompile(`(?i)^\(?\s*(?:(?:additional )?reporting by|editing by|writing by|compiled by)|\bcontributed(?: reporting)?(?: to this (?:report|story))?\W*$`)

// favor applies Options.Favor to the assembled verdicts; first is the first body block.
// It returns the first body block after the change. Balanced returns at once.
func favor(blocks []*Block, first int, mode, title string) int {
	if first < 0 || mode != FavorPrecision && mode != FavorRecall {
		return first
	}
	if mode == FavorPrecision {
		favorPrecision(blocks, first)
		aboutNotes(blocks, first, title)
		return first
	}
	return favorRecall(blocks, first)
}

func favorDrop(b *Block, rule string) {
	b.Role, b.Class, b.Rule, b.Changed = RoleNone, ClassBad, rule, true
}

// favorBody reports a block that the body's text holds.
func favorBody(b *Block) bool { return b.Role == RoleBody && b.Kind != BlockImage }

// rescued reports a block kept by its neighbours or its element, not by its own text.
func rescued(b *Block) bool {
	switch b.Rule {
	case RuleContext, RuleInContainer, RuleParagraphSibling, RuleDataList:
		return true
	}
	return false
}

func favorPrecision(blocks []*Block, first int) {
	// captions: the blocks with the role, and a short line kept by context beside an image
	for i := first; i < len(blocks); i++ {
		b := blocks[i]
		if b.pinned {
			continue
		}
		if b.Role == RoleCaption {
			favorDrop(b, RuleFavorCaption)
			continue
		}
		if !favorBody(b) || b.SentenceEnd || b.Runes > FavorCaptionMaxRunes || !rescued(b) {
			continue
		}
		if i > 0 && blocks[i-1].Kind == BlockImage || i+1 < len(blocks) && blocks[i+1].Kind == BlockImage {
			favorDrop(b, RuleFavorCaption)
		}
	}
	// outside the article's element
	total, in := 0.0, 0.0
	for _, b := range blocks[first:] {
		if favorBody(b) {
			total += b.Weighted
			if b.InArticle {
				in += b.Weighted
			}
		}
	}
	if in > 0 && in >= FavorContainerShare*total {
		for _, b := range blocks[first:] {
			if favorBody(b) && !b.InArticle && !b.pinned {
				favorDrop(b, RuleFavorContainer)
				total -= b.Weighted
			}
		}
	}
	// the tail after named boilerplate
	after := 0.0
	for i := len(blocks) - 1; i > first; i-- {
		b := blocks[i]
		if favorBody(b) {
			after += b.Weighted
			continue
		}
		if after == 0 || b.Role != RoleNone || b.CF != ClassBad || neutral(b) || !favorBreak(b) {
			continue
		}
		if after < FavorTailShare*total {
			for _, n := range blocks[i+1:] {
				if favorBody(n) && !n.pinned {
					favorDrop(n, RuleFavorTail)
				}
			}
		}
		break
	}
	// the edges
	edge := func(b *Block) bool {
		if b.Kind == BlockHeading && b.Runes <= FavorEdgeHeadingRunes {
			return true
		}
		if !b.SentenceEnd && b.Runes < FavorEdgeMaxRunes && (rescued(b) || b.CF == ClassShort || b.CFRule == RuleLowQuality) {
			return true
		}
		return reReportingCredit.MatchString(b.Text)
	}
	for _, step := range []int{1, -1} {
		i := first
		if step < 0 {
			i = len(blocks) - 1
		}
		for ; i >= first && i < len(blocks); i += step {
			b := blocks[i]
			if !favorBody(b) {
				continue
			}
			if b.pinned || !edge(b) {
				break
			}
			favorDrop(b, RuleFavorEdge)
		}
	}
}

// favorBreak reports a dropped block that is named boilerplate, not metadata of the
// article set apart (a date line, a byline, a caption or credit) nor text the quality pass
// found merely short or not prose.
func favorBreak(b *Block) bool {
	switch b.CFRule {
	case RuleLowQuality, RuleShort, "date-line", "byline", "caption", "photo-credit", "credit-label":
		return false
	}
	return b.Rule != RuleDuplicate
}

// reAboutNote: the start of a note about a company: "About Name", or "Name is a (global
// provider …)", "Name is headquartered in …", "Name, a leading …"; the name is group 1 or 2.
var reAboutNote = regexp.MustCompile(`^(?:About (\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,3})\s*$|(\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,3})(?: \([^)]*\))?(?: is (?:a|an|the|headquartered|based)|, (?:a|an|the) )\b)`)

// AboutNoteReach is how many body blocks from the end a company note may start.
const AboutNoteReach = 4

// aboutNotes drops the closing note about a company the headline names: from the first of
// the last AboutNoteReach body blocks that opens such a note, to the end.
func aboutNotes(blocks []*Block, first int, title string) {
	if title == "" {
		return
	}
	var body []int
	for i := first; i < len(blocks); i++ {
		if favorBody(blocks[i]) {
			body = append(body, i)
		}
	}
	if len(body) <= AboutNoteReach {
		return
	}
	for _, i := range body[len(body)-AboutNoteReach:] {
		m := reAboutNote.FindStringSubmatch(blocks[i].Text)
		if m == nil {
			continue
		}
		name := m[1] + m[2]
		if !strings.Contains(title, name) {
			continue
		}
		for _, j := range body {
			if j >= i && !blocks[j].pinned {
				favorDrop(blocks[j], RuleFavorAbout)
			}
		}
		return
	}
}

func favorRecall(blocks []*Block, first int) int {
	lo, hi := -1, -1
	for i := first; i < len(blocks); i++ {
		if favorBody(blocks[i]) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 {
		return first
	}
	keep := func(b *Block, rule string) {
		b.Role, b.Class, b.Rule, b.Changed = RoleBody, ClassGood, rule, true
	}
	candidate := func(b *Block) bool {
		return b.Role == RoleNone && !b.pinned && b.Kind != BlockImage && b.Rule != RuleDuplicate && b.Text != ""
	}
	for i := lo + 1; i < hi; i++ {
		if b := blocks[i]; candidate(b) || b.Role == RoleCaption && !b.pinned {
			keep(b, RuleFavorInside)
		}
	}
	for _, step := range []int{-1, 1} {
		i := lo
		if step > 0 {
			i = hi
		}
		for seen, j := 0, i+step; seen < FavorBesideReach && j >= 0 && j < len(blocks); j += step {
			b := blocks[j]
			if !candidate(b) {
				continue
			}
			seen++
			if b.InArticle {
				keep(b, RuleFavorBeside)
				if j < first {
					first = j
				}
			}
		}
	}
	return first
}
