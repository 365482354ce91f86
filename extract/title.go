package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleShaped: a line that can be a headline.
func titleShaped(b *Block) bool {
	if b.Runes < titleMinRunes || b.Runes > titleMaxRunes || isMetaRole(b) || b.Kind == BlockImage || isMarkerLine(b.Text) {
		return false
	}
	switch b.CFRule {
	case ruleButtons, ruleUiLabel, ruleRelatedHeading, ruleCopyright, ruleTipLine, ruleTicker, ruleTickerHeader,
		ruleImagePlaceholder, ruleContactLine, ruleHashtags, ruleHidden, ruleLinkList, ruleNotice, ruleCredits:
		return false
	}
	// a headline does not end in a full stop after a Korean sentence ending
	t := strings.TrimRight(b.Text, " ")
	return !(b.Hangul && (strings.HasSuffix(t, "다.") || strings.HasSuffix(t, "요.")))
}

// findTitle finds the headline of a page among its blocks: the headline-shaped line just
// above the date line (or byline) that heads the article, else the line above the body
// that the page's declared title or first line names.
func findTitle(doc *Document, first int) int {
	blocks := doc.Blocks
	limit := first
	if limit < 0 {
		limit = len(blocks)
	}
	// anchored on the first date line or byline before the body: a labelled Korean date
	// line first, then any date line or byline
	anchors := []func(b *Block) bool{
		func(b *Block) bool { return b.Role == RoleDate && qDateLineKo.MatchString(b.Text) },
		func(b *Block) bool { return b.Role == RoleDate || b.Role == RoleByline },
	}
	// a text dump that shows its headline twice, unless both copies stand right under the
	// header's date line, where a photo's text and its caption do
	if doc.Kind == KindText {
		if i := repeatedHeadline(blocks, first); i >= 0 && !(i >= 2 && blocks[i-1].Text == blocks[i].Text && blocks[i-2].Role == RoleDate) {
			return i
		}
	}
	for k, anchor := range anchors {
		// (a labelled Korean date line heads the article wherever it stands)
		if doc.Kind == KindText && k > 0 {
			// a text dump's header is the one nearest the body: the date lines above it
			// are teasers' and menus'
			for i := limit - 1; i >= 0 && i >= limit-headerReach; i-- {
				if !anchor(blocks[i]) {
					continue
				}
				j := headlineAbove(blocks, i)
				// a header that puts its date line above the headline: only a label or
				// a name above it, and a headline between it and the body
				if j < 0 || softHeadline(blocks[j]) || !blocks[j].Hangul && blocks[j].Words < titleMinWords-1 {
					if below := headlineBelow(blocks, i, limit); below >= 0 {
						return below
					}
				}
				if j >= 0 {
					return j
				}
			}
			continue
		}
		for i := 0; i < limit; i++ {
			if !anchor(blocks[i]) {
				continue
			}
			for j := i - 1; j >= 0 && j >= i-titleLookBack; j-- {
				b := blocks[j]
				if isMetaRole(b) {
					continue
				}
				if titleShaped(b) {
					return j
				}
			}
		}
	}
	// a declared title, or the first line less its site suffix, repeated above the body
	names := []string{doc.Meta.Title, doc.Meta.PageTitle}
	if len(blocks) > 0 {
		names = append(names, blocks[0].Text)
	}
	for k, n := range names {
		n = strings.TrimSpace(stripSiteName(n, "", true))
		if n == "" {
			continue
		}
		// the first line names a headline only when it stands again further down
		lowest := 0
		if k == 2 {
			lowest = 1
		}
		for i := limit - 1; i >= lowest; i-- {
			if blocks[i].Text == n && titleShaped(blocks[i]) {
				return i
			}
		}
	}
	// a text dump whose first body block is a question of a few words under the page's
	// furniture, a paragraph after it: a headline that asks ("What is …?"), not the
	// article's first paragraph
	if doc.Kind == KindText && first > 0 && first+1 < len(blocks) {
		b := blocks[first]
		if titleShaped(b) && strings.HasSuffix(b.Text, "?") && b.Words >= titleMinWords && b.Runes <= subtitleMaxRunes &&
			blocks[first-1].Class == ClassBad && firstBody(blocks, first+1) > first && firstBody(blocks, first+1) <= first+titleLookBack {
			return first
		}
	}
	// a text dump with neither: the block right above the body (images and metadata
	// passed over), unless a boilerplate rule named it, when it is shaped like a headline of a few words and not a sentence,
	// and the page has furniture above it
	if doc.Kind == KindText && doc.Meta.Title == "" && first > 0 {
		j := first - 1
		for j >= 0 && j >= first-titleLookBack && (isMetaRole(blocks[j]) || blocks[j].Kind == BlockImage) {
			// (the line above a photo's caption is the photo's text, not a headline)
			if blocks[j].Role == RoleCaption {
				return -1
			}
			j--
		}
		if j < 0 || j < first-titleLookBack {
			return -1
		}
		b := blocks[j]
		if !titleShaped(b) || namedBoilerplate(b) || b.SentenceEnd || b.Kind == BlockItem || b.Words < titleMinWords || reDateLike.MatchString(b.Text) || headerFurniture(b) {
			return -1
		}
		// a dump that opens with its short lines is a body fragment starting with its
		// deck: no headline there
		for k := j - 1; k >= 0; k-- {
			if !titleShaped(blocks[k]) || blocks[k].SentenceEnd {
				return j
			}
		}
	}
	return -1
}

// headerFurnitureReach is how many blocks of a header's furniture (names, credits,
// buttons, reading times) headlineAbove passes over on its way up from a date line.
const headerFurnitureReach = 8

// headerReach is how far above a text dump's first body paragraph its header's date line
// or byline is looked for.
const headerReach = 3 * headlineRepeatReach

// deckMinRunes is the length from which a line under a shorter headline-shaped line is
// taken for the deck under its headline.
const deckMinRunes = 80

// headlineAbove finds the headline of a text dump above its date line or byline at i: it
// walks up over the header's furniture (the author's name on its own line, a byline too
// long for the byline rule, photo credits, share buttons, a reading time, a label ending
// in a colon) and over a deck (a line that ends like a sentence with a full stop), and
// takes the first headline-shaped line it meets. When only a deck or a name stands there,
// the nearest of them is taken.
func headlineAbove(blocks []*Block, i int) int {
	soft, steps := -1, 0
	for j := i - 1; j >= 0 && j >= i-titleLookBack-headerFurnitureReach && steps < titleLookBack; j-- {
		b := blocks[j]
		if isMetaRole(b) || headerFurniture(b) || b.CF == ClassBad && b.Runes < titleMinRunes {
			continue
		}
		if captionPair(blocks, j-1) {
			j--
			continue
		}
		steps++
		if !titleShaped(b) {
			continue
		}
		if softHeadline(b) {
			if soft < 0 {
				soft = j
			}
			continue
		}
		// a deck without a full stop: a long line right under a shorter headline of
		// several words (at least half its length), with only the header's furniture
		// below it
		if j > 0 && j+1 < len(blocks) && !b.Hangul && b.Runes >= deckMinRunes && headerTail(blocks, j+1) {
			if u := blocks[j-1]; titleShaped(u) && !softHeadline(u) && !headerFurniture(u) && u.Words >= titleMinWords+1 && u.Runes < b.Runes && 2*u.Runes >= b.Runes {
				return j - 1
			}
		}
		return j
	}
	return soft
}

// captionPair: the blocks at i and i+1 are an image's text shown twice, the second time
// with more after it ("Caption" and "Caption Photo: Agency", or "… Show more"): a caption,
// both. (Broader than creditedCopy, which the body passes use: in a header, whatever
// follows the copy, a credit or a button, makes both lines the photo's.)
func captionPair(blocks []*Block, i int) bool {
	if i < 0 || i+1 >= len(blocks) {
		return false
	}
	a, b := blocks[i], blocks[i+1]
	return a.Runes >= titleMinRunes && len(b.Text) > len(a.Text) && strings.HasPrefix(b.Text, a.Text)
}

// headerTail: the block at i belongs to the lower part of an article's header, below the
// headline and deck: a date line, a byline, a name, the header's furniture or a caption.
func headerTail(blocks []*Block, i int) bool {
	b := blocks[i]
	return isMetaRole(b) || headerFurniture(b) || nameLine(b) || captionPair(blocks, i)
}

// headlineBelow finds the headline of a header that puts its date line at i above it: the
// first headline-shaped line after the date line, before the body at limit, that is not
// the header's furniture, a name or a sentence.
func headlineBelow(blocks []*Block, i, limit int) int {
	for k := i + 1; k < limit && k <= i+titleLookBack; k++ {
		b := blocks[k]
		if isMetaRole(b) || headerFurniture(b) || b.Kind == BlockImage {
			continue
		}
		if b.Hangul || !titleShaped(b) || softHeadline(b) {
			return -1
		}
		return k
	}
	return -1
}

// softHeadline: a headline-shaped line that is more likely the header's deck or its
// author: a line ending in a full stop, or a name (nameLine).
func softHeadline(b *Block) bool {
	t := strings.TrimSpace(b.Text)
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") {
		return true
	}
	return nameLine(b)
}

// nameLine: a line of one to four capitalised words, a person's name (an author shown
// above the date line without "By"), maybe with the place written from ("Jane Doe in
// Madrid").
func nameLine(b *Block) bool {
	if b.Words > 6 || b.Hangul {
		return false
	}
	t := strings.TrimSpace(b.Text)
	if i := strings.LastIndex(t, " in "); i > 0 && namesOnly(t[i+4:]) {
		t = t[:i]
	}
	return len(strings.Fields(t)) <= 4 && namesOnly(t)
}

// reGluedBy finds a byline a dump glued to its "by" ("byJane Roe").
var reGluedBy = regexp.MustCompile(`^(?:\[[^\]]*\])?by\p{Lu}`)

// reRightsReserved finds a photo's credit line that reserves the rights, in a few
// languages ("Tous droits réservés Agency").
var reRightsReserved = regexp.MustCompile(`(?i)all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|tutti i diritti riservati`)

// reAgo finds a relative time ("2 minutes ago"), which a dump may glue to the author's
// name.
var reAgo = regexp.MustCompile(`(?i)\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b`)

// headerFurniture: a line of an article's header that is never its headline: a byline
// (also one too long for the byline rule), a label ending in a colon, a date or a time, a
// reading time, a photo credit, and what a boilerplate rule named (buttons, placeholders).
func headerFurniture(b *Block) bool {
	t := strings.TrimSpace(b.Text)
	// (a related-list rule may have taken the headline for one of a list's teasers)
	if namedBoilerplate(b) && b.CFRule != ruleRelatedList || strings.HasSuffix(t, ":") || reDateLike.MatchString(t) || reAgo.MatchString(t) {
		return true
	}
	if byPrefix(t) || reGluedBy.MatchString(t) {
		return true
	}
	if name, ok := cutBylinePrefix(t); ok && namesOnly(name) {
		return true
	}
	// "von Jane Roe": the German byline as some pages write it, in lower case
	if name, ok := strings.CutPrefix(t, "von "); ok && namesOnly(name) {
		return true
	}
	if reRightsReserved.MatchString(t) && b.Runes <= 120 {
		return true
	}
	if b.Runes <= 40 && qReadingTime.MatchBlock(b) {
		return true
	}
	return b.Runes <= 200 && (strings.Contains(t, "©") || qCaptionEn.MatchBlock(b) || qCreditLabel.MatchBlock(b))
}

// headlineRepeatReach is how many blocks around the first body paragraph are searched for
// a headline a text dump shows twice.
const headlineRepeatReach = 8

// repeatedHeadline finds the headline of a text dump that shows it twice near the top of
// the article (the heading, and a link, an image's title or a share text of the same
// words): a headline-shaped line that stands again within headlineRepeatReach blocks, at
// most that far above the first body paragraph or just below it. It returns the index of
// the lower copy, or -1.
func repeatedHeadline(blocks []*Block, first int) int {
	if first < 0 {
		return -1
	}
	lo, hi := max(first-3*headlineRepeatReach, 0), min(first+2, len(blocks)-1)
	for i := hi; i >= lo; i-- {
		b := blocks[i]
		if !titleShaped(b) || namedBoilerplate(b) || b.Words < titleMinWords || strings.HasSuffix(b.Text, ".") {
			continue
		}
		for j := i - 1; j >= max(i-headlineRepeatReach, 0); j-- {
			if blocks[j].Text == b.Text || gluedCopy(blocks[j].Text, b.Text) {
				// (a caption shown twice, or furniture a page repeats, is no headline)
				if creditBelow(blocks, i) || headerFurniture(b) {
					break
				}
				return i
			}
		}
	}
	return -1
}

// creditBelow: the block after i is a photo credit, so the line at i (shown twice as an
// image's caption and its alternative text) is a caption, not a headline.
func creditBelow(blocks []*Block, i int) bool {
	return i+1 < len(blocks) && photoCredit(blocks[i+1])
}

// gluedCopy: u is t as a dump of the page's breadcrumb trail or kicker shows it again,
// the trail's last step glued to the headline ("NewsPoliticsHeadline …"), or the same
// letters with other punctuation ("Kicker/Headline", "Kicker Headline").
func gluedCopy(u, t string) bool {
	if len(u) <= len(t) {
		// (the same letters: the lengths differ by the punctuation and spaces at most)
		return len(u)+len(t)/4+8 >= len(t) && letterKey(u) == letterKey(t)
	}
	if !strings.HasSuffix(u, t) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(u[:len(u)-len(t)])
	return unicode.IsLetter(r) && unicode.IsLower(r)
}

// reDateLike finds a numeric date or a clock time: a line that holds one is an author,
// date or list line, not a headline.
var reDateLike = regexp.MustCompile(`\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b\d{1,2}:\d\d\b`)

// namedBoilerplate reports a block that a boilerplate rule, not the quality test, dropped.
func namedBoilerplate(b *Block) bool {
	if b.CF != ClassBad {
		return false
	}
	switch b.CFRule {
	case ruleLowQuality, ruleShort, ruleNearProse, ruleProse, ruleCode, ruleLinkList:
		return false
	}
	return true
}

// subtitles collects the deck lines: the run of short lines without a sentence ending that
// stands just above the first body paragraph (captions and images between are passed over).
func subtitles(blocks []*Block, start, first int, haveTitle bool) []string {
	// without a headline, deck lines are taken only where they open the page (a body
	// fragment that starts with its deck)
	if first <= start || !haveTitle && (start != 0 || first > maxSubtitles+2) {
		return nil
	}
	end := first
	for end > start && (isMetaRole(blocks[end-1]) || blocks[end-1].Kind == BlockImage) {
		end--
	}
	// the author's name on its own line above the date line or byline is no deck line
	if end > start && end < first && isMetaRole(blocks[end]) && blocks[end-1].CF != ClassBad && nameLine(blocks[end-1]) {
		end--
	}
	i := end
	for i > start {
		b := blocks[i-1]
		if b.CF == ClassBad || isMetaRole(b) || b.SentenceEnd || b.Runes > subtitleMaxRunes || b.Runes < 4 || b.Kind == BlockItem || isMarkerLine(b.Text) {
			break
		}
		i--
	}
	if end-i > maxSubtitles {
		return nil
	}
	var out []string
	for k := i; k < end; k++ {
		b := blocks[k]
		b.recast(RoleSubtitle, ClassGood, ruleSubtitle)
		out = append(out, b.Text)
	}
	return out
}
