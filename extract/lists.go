package extract

import "strings"

// tickerRuns spreads a ticker verdict over the short names and labels between ticker cells:
// a ticker is a run of name/price/percent lines.
func tickerRuns(blocks []*Block) {
	isTick := func(b *Block) bool {
		return b.Rule == ruleTicker || b.Rule == ruleTickerHeader || b.Rule == ruleTickerRun
	}
	for i, b := range blocks {
		if !isTick(b) {
			continue
		}
		for j := i + 1; j < len(blocks) && j <= i+2; j++ {
			n := blocks[j]
			if isTick(n) {
				for k := i + 1; k < j; k++ {
					m := blocks[k]
					if m.Runes <= 30 && !m.SentenceEnd && m.Class != ClassGood && !isMetaRole(m) {
						m.judge(ClassBad, ruleTickerRun)
					}
				}
				break
			}
		}
	}
}

// relatedLists drops the run of short items under a related-news heading, as one list.
// The run ends at a sentence that is not a list item, at a date line or byline (a new
// article's head), or after maxListItems items; when its first item is a bulleted line, at
// the first line that is not.
func relatedLists(blocks []*Block) {
	for i := 0; i < len(blocks); i++ {
		if blocks[i].Rule != ruleRelatedHeading {
			continue
		}
		j, items := i+1, 0
		bulleted, afterHead := false, false
		for ; j < len(blocks) && items < maxListItems; j++ {
			n := blocks[j]
			if n.Rule == ruleRelatedHeading || n.Role == RoleDate || n.Role == RoleByline {
				break
			}
			// a heading element with no link is the next section's heading, not an item:
			// the items of a list of other articles link to them, in full (a section
			// heading's own "edit" or anchor link is a small share of it)
			if n.Kind == BlockHeading && (n.Links == 0 || n.LinkDensity < cardTitleLinkDensity) && n.Node != nil {
				break
			}
			if n.Class == ClassBad {
				if n.Rule == ruleLowQuality || n.Rule == ruleShort {
					n.judge(n.Class, ruleRelatedList)
				}
				continue
			}
			if items == 0 {
				bulleted = n.Bullet != ""
			}
			if bulleted && n.Bullet == "" && n.Kind != BlockItem {
				break
			}
			// a text dump's teaser cards: a headline line, then its summary, then the next
			// card's headline
			teaser := n.Node == nil && afterHead && n.SentenceEnd && n.Runes <= cardTeaserMaxRunes && headlineNext(blocks, j+1)
			if !teaser && (n.Runes > 150 || (n.SentenceEnd && n.Kind != BlockItem)) {
				break
			}
			n.judge(ClassBad, ruleRelatedList)
			afterHead = !n.SentenceEnd
			items++
		}
		i = j - 1
	}
}

// Dated-link thresholds: a list of other stories that shows each one's date before its
// linked headline is minCards such lines in a row.
const (
	ruleDatedLinks RuleName = "dated-links"
	// datedLinkDensity is the least link share of a dated headline (the date is no link).
	datedLinkDensity = 0.5
)

// datedLinks drops the lines of a list of other stories, each a date and a linked
// headline ("January 15, 2031 Ferry crossings cut"), that the date-line rule took for
// the page's dates: minCards or more in a row (images between them aside). They are
// neither the article's date nor its text, and, as any list of links, they part the
// article from what follows the list.
func datedLinks(blocks []*Block) {
	dated := func(b *Block) bool {
		return b.Role == RoleDate && b.Node != nil && b.LinkDensity >= datedLinkDensity && !b.pinned
	}
	for i := 0; i < len(blocks); i++ {
		if !dated(blocks[i]) {
			continue
		}
		run := []int{i}
		j := i + 1
		for ; j < len(blocks); j++ {
			if n := blocks[j]; dated(n) {
				run = append(run, j)
			} else if n.Kind != BlockImage && n.Runes > 0 {
				break
			}
		}
		if len(run) >= minCards {
			for _, k := range run {
				blocks[k].place(RoleNone, ClassBad, ruleDatedLinks)
			}
		}
		i = j - 1
	}
}

// headlineNext: the next block at or after i that no rule dropped is a headline-shaped
// line (short, no sentence end), or none is left.
func headlineNext(blocks []*Block, i int) bool {
	for ; i < len(blocks); i++ {
		if n := blocks[i]; n.Class != ClassBad {
			return n.Runes <= 150 && !n.SentenceEnd
		}
	}
	return true
}

// Card-list thresholds: a list of other articles shown as cards (a linked headline, its
// date or author, a teaser paragraph) is minCards cards or more in a row.
const (
	ruleCardList RuleName = "card-list"
	minCards              = 3
	// cardTitleMinRunes is the shortest headline of a card.
	cardTitleMinRunes = 15
	// cardTitleLinkDensity is the least link share of a card's headline.
	cardTitleLinkDensity = 0.7
	// cardTeaserMaxRunes is the longest teaser paragraph of a card.
	cardTeaserMaxRunes = 450
	// cardMaxGap is the most blocks (not counting images) between a card's headline and
	// its teaser, and between one card and the next.
	cardMaxGap = 4
)

// cardLists drops the teasers of a card list: minCards or more cards in a row, each a
// linked headline followed by a date or author line and a short teaser paragraph, as
// "More from …" and latest-news lists show other articles. An article's own paragraphs
// have no linked headline and date before each one.
func cardLists(blocks []*Block) {
	isTitle := func(b *Block) bool {
		return b.Kind != BlockImage && b.Runes >= cardTitleMinRunes && b.LinkDensity >= cardTitleLinkDensity && !isMetaRole(b)
	}
	// card returns the index of the teaser of a card whose headline is blocks[i], or -1.
	card := func(i int) int {
		dated := false
		for j, seen := i+1, 0; j < len(blocks) && seen <= cardMaxGap; j++ {
			n := blocks[j]
			switch {
			case n.Kind == BlockImage:
				continue
			case n.Role == RoleDate || n.Role == RoleByline:
				dated = true
			case isTitle(n):
				return -1
			case dated && (n.Class == ClassGood || n.Class == ClassNearGood) && n.Runes <= cardTeaserMaxRunes && n.LinkDensity < 0.3:
				return j
			}
			seen++
		}
		return -1
	}
	for i := 0; i < len(blocks); i++ {
		if !isTitle(blocks[i]) {
			continue
		}
		var teasers []int
		for k := i; k < len(blocks) && isTitle(blocks[k]); {
			t := card(k)
			if t < 0 {
				break
			}
			teasers = append(teasers, t)
			// the next card's headline
			next := -1
			for j, seen := t+1, 0; j < len(blocks) && seen <= cardMaxGap; j++ {
				if isTitle(blocks[j]) {
					next = j
					break
				}
				if blocks[j].Kind != BlockImage {
					seen++
				}
			}
			if next < 0 {
				break
			}
			k = next
		}
		if len(teasers) < minCards || inBody(blocks, teasers) {
			continue
		}
		for _, t := range teasers {
			blocks[t].judge(ClassBad, ruleCardList)
		}
		i = teasers[len(teasers)-1]
	}
}

// textCardLists drops a text dump's card list: minCards or more cards in a row, each a
// few short lines without a sentence end (an image's text, the headline, the author), a
// date line and a teaser paragraph. A text dump keeps no links to tell a card's headline
// by; the date line between each headline and its teaser does. (An article's own
// paragraphs have no date line before each one; a live blog's entries put theirs above
// the entry's headline.)
func textCardLists(blocks []*Block) {
	// (a comment's head, "jane says:", makes the same shape: comments are the comment
	// rules' to judge, and the region's end)
	head := func(b *Block) bool {
		return b.Kind == BlockImage || !isMetaRole(b) && b.CFRule != ruleCommentHeader && b.Runes <= 150 && (!b.SentenceEnd || b.Runes <= 60)
	}
	teaser := func(i int) bool {
		return i < len(blocks) && blocks[i].Node == nil && blocks[i].SentenceEnd && blocks[i].Runes <= cardTeaserMaxRunes && !isMetaRole(blocks[i])
	}
	for i := 0; i < len(blocks); i++ {
		if blocks[i].Node != nil || blocks[i].Role != RoleDate || !teaser(i+1) {
			continue
		}
		run := []int{i}
		for k := i; ; {
			next := -1
			for j := k + 2; j < len(blocks) && j <= k+2+cardMaxGap; j++ {
				if blocks[j].Role == RoleDate {
					next = j
					break
				}
				if !head(blocks[j]) {
					break
				}
			}
			if next < 0 || next == k+2 || !teaser(next+1) {
				break
			}
			run = append(run, next)
			k = next
		}
		if len(run) < minCards {
			continue
		}
		drop := func(b *Block) {
			// (what a rule dropped keeps its name: a comment list has the same shape)
			if !b.pinned && !isMetaRole(b) && b.Class != ClassBad {
				b.judge(ClassBad, ruleCardList)
			}
		}
		// the first card's head lines above its date line; each card's teaser and the
		// next card's head lines
		for j := i - 1; j >= 0 && j >= i-cardMaxGap && blocks[j].Node == nil && head(blocks[j]) && blocks[j].Role != RoleDate; j-- {
			drop(blocks[j])
		}
		for _, d := range run {
			for j := d + 1; j < len(blocks) && blocks[j].Role != RoleDate && (j == d+1 || head(blocks[j])); j++ {
				drop(blocks[j])
				if d == run[len(run)-1] {
					break
				}
			}
		}
		i = run[len(run)-1] + 1
	}
}

// inBody reports cards whose teasers stand inside the element that declares the article
// body: a list the article itself makes (events with their dates, products with a line
// each), not one of other articles.
func inBody(blocks []*Block, teasers []int) bool {
	n := 0
	for _, t := range teasers {
		if blocks[t].InArticle && hintsDeclareBody(blocks[t].Hints) {
			n++
		}
	}
	return 2*n > len(teasers)
}

// hintsDeclareBody reports class or id tokens among hints that name an article body.
func hintsDeclareBody(hints string) bool {
	for tok := range strings.FieldsSeq(hints) {
		if bodyContainerToken(tok) {
			return true
		}
	}
	return false
}
