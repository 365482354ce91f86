package extract

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// Title and subtitle shapes.
const (
	titleMinRunes    = 8   // a headline is at least this long
	titleMaxRunes    = 150 // and at most this long
	subtitleMaxRunes = 100 // a deck line is at most this long
	maxSubtitles     = 6
	titleLookBack    = 4 // blocks above a date line searched for the headline
	// titleMinWords is the fewest words of a headline found only by its place above the
	// body of a text dump (a name or a section label is shorter)
	titleMinWords = 4
)

// assemble builds the article from the classified blocks: metadata from the page's own
// declarations first, then from the blocks (headline, date line, byline, deck lines), and
// the body from what the classifier kept.
func assemble(doc *Document, opts Options) *Article {
	blocks := doc.Blocks
	a := &Article{Source: doc.Source, Blocks: blocks, URL: doc.Meta.URL, Site: doc.Meta.Site, Lang: doc.Meta.Lang}
	if a.URL == "" {
		a.URL = opts.URL
	}
	korean := doc.Hangul || strings.HasPrefix(strings.ToLower(doc.Meta.Lang), "ko")
	if a.Lang == "" {
		a.Lang = guessLang(doc)
	}

	first := firstBody(blocks, 0)
	titleAt := -1
	if doc.Kind == KindText || doc.Meta.Title == "" {
		titleAt = findTitle(doc, first)
	}
	if titleAt >= 0 {
		tb := blocks[titleAt]
		tb.place(RoleTitle, ClassGood, ruleTitle)
		a.Title = stripLogoName(tb.Text, blocks[:titleAt])
		first = firstBody(blocks, titleAt+1)
	} else {
		a.Title = doc.Meta.Title
	}

	// blocks between the headline and the first body paragraph: deck lines or furniture
	start := titleAt + 1
	// a broadcast marker ([앵커]) right above the first paragraph opens the body
	for first > start && isMarkerLine(blocks[first-1].Text) && blocks[first-1].CF != ClassBad {
		first--
		b := blocks[first]
		b.place(RoleBody, ClassGood, ruleContext)
	}
	if first >= 0 {
		// a page whose headline comes from its metadata has no fragment deck to find
		a.Subtitles = subtitles(blocks, start, first, titleAt >= 0 || a.Title != "")
		if titleAt < 0 && a.Title != "" {
			a.Subtitles = dropTitleLines(blocks, a.Subtitles, a.Title)
		}
		for i := start; i < first; i++ {
			b := blocks[i]
			if b.Role == RoleBody {
				b.recast(RoleNone, ClassBad, ruleOutside)
			}
		}
	}
	if len(a.Subtitles) == 0 && doc.Kind == KindHTML && first >= 0 {
		a.Subtitles = deckLines(blocks, first)
		// a deck the page marks as such may read like a sentence and so have been
		// taken for the first paragraph
		for first >= 0 && hasDeckHint(blocks[first].Hints) && blocks[first].Runes <= 2*subtitleMaxRunes && !leadParagraph(blocks[first]) {
			b := blocks[first]
			b.recast(RoleSubtitle, ClassGood, ruleSubtitle)
			a.Subtitles = append(a.Subtitles, b.Text)
			first = firstBody(blocks, first+1)
		}
	}
	// a standfirst: the page's description shown above the byline or date line (the
	// headline's copy in the text may stand above it)
	for doc.Kind == KindHTML && first >= 0 {
		at := first
		if blocks[at].Text == a.Title {
			at = firstBody(blocks, at+1)
		}
		if at < 0 || !isStandfirst(blocks, at, doc.Meta.Desc) {
			break
		}
		if at != first {
			t := blocks[first]
			t.recast(RoleNone, ClassBad, ruleDuplicate)
		}
		b := blocks[at]
		b.recast(RoleSubtitle, ClassGood, ruleStandfirst)
		a.Subtitles = append(a.Subtitles, b.Text)
		first = firstBody(blocks, at+1)
	}
	if len(a.Subtitles) == 0 && len(doc.Meta.Subtitles) > 0 {
		a.Subtitles = doc.Meta.Subtitles
	}

	// times and authors: declared first, then from the date line and byline
	a.Published = withOffset(doc.Meta.Published, korean)
	a.Modified = withOffset(doc.Meta.Modified, korean)
	a.Authors = cleanAuthors(doc.Meta.Authors)
	for _, b := range blocks {
		switch b.Role {
		case RoleDate:
			pub, mod := dateLineTimes(b.Text)
			if pub == "" && mod == "" {
				if t, ok := parseLooseDate(b.Text); ok {
					pub = withOffset(t, korean)
				}
			}
			if a.Published == "" || morePrecise(pub, a.Published) {
				a.Published = pub
			}
			if a.Modified == "" {
				a.Modified = mod
			}
		case RoleByline:
			if len(doc.Meta.Authors) == 0 {
				if name := bylineName(b.Text); name != "" && !contains(a.Authors, name) {
					a.Authors = append(a.Authors, name)
				}
			}
		}
	}
	// a later, more precise copy of the date line (a print copy with seconds)
	for _, b := range blocks {
		if b.CFRule == ruleDateLine && b.Role == RoleNone {
			pub, mod := dateLineTimes(b.Text)
			if morePrecise(pub, a.Published) {
				a.Published = pub
			}
			if morePrecise(mod, a.Modified) {
				a.Modified = mod
			}
		}
	}
	if korean && len(a.Authors) > 0 && !allKoreanNames(a.Authors) {
		// a Korean page's author metas often name the publisher; a reporter's byline
		// in the text is the better source
		if t := textAuthors(blocks, first); len(t) > 0 {
			a.Authors = t
		}
	}
	if len(a.Authors) == 0 {
		a.Authors = textAuthors(blocks, first)
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Subtitles == nil {
		a.Subtitles = []string{}
	}

	authorBios(blocks, first, a.Authors)
	first = favor(blocks, first, opts.Favor, a.Title) // --favor precision|recall; balanced returns first
	a.Body = body(blocks, first, a.Title)
	flightFallback(doc, a.Body)
	if useEmbedded(doc, a.Body) {
		if guided := guidedBody(doc); guided != nil {
			a.Body = guided
		} else {
			a.Body = embeddedBody(doc)
		}
	}
	a.Images = []Image{}
	for _, b := range a.Body {
		if b.Kind == BlockImage && b.Image != nil {
			a.Images = append(a.Images, *b.Image)
		}
	}
	return a
}

// firstBody is the index of the first good block at or after from that reads as a body
// paragraph (ends like a sentence or is long), or -1.
func firstBody(blocks []*Block, from int) int {
	from = max(from, 0)
	for i := from; i < len(blocks); i++ {
		b := blocks[i]
		if b.Class == ClassGood && b.Role == RoleBody && (b.SentenceEnd || b.Weighted >= lengthHigh || b.Rule == ruleListingItem || b.Rule == ruleLinkSections || b.Rule == ruleProseFallback || b.Rule == rulePostBody || b.Rule == ruleProductBox) {
			return paragraphRun(blocks, from, i)
		}
	}
	return -1
}

// firstRunMinParagraphs is the fewest body paragraphs in a row, beside the first that
// ends as a sentence, that open the body before it: a deck is a line or two.
const firstRunMinParagraphs = 3

// paragraphRun returns where the body opens when the paragraph at first is not its
// start: the body paragraphs right before it (images passed over) that are its siblings,
// of its tag, when there are firstRunMinParagraphs or more. A writer who sets one phrase
// a line, with no sentence punctuation (a travel blog's lines between its photos, a poem),
// writes paragraphs all the same; a deck or a kicker is one or two lines, and a byline or
// a date line stops the walk.
func paragraphRun(blocks []*Block, from, first int) int {
	f := blocks[first]
	if f.Node == nil || f.Node.Parent == nil || f.Kind != BlockPara {
		return first
	}
	start, run := first, 0
	var last *Block
	for j := first - 1; j >= from; j-- {
		b := blocks[j]
		if b.Kind == BlockImage && !isMetaRole(b) {
			continue
		}
		if b.Class != ClassGood || b.Role != RoleBody || b.Kind != BlockPara || b.Node == nil ||
			b.Node.Parent != f.Node.Parent || b.Tag != f.Tag {
			break
		}
		// the <br>-split lines of one element (a deck of three lines) are one paragraph
		if last == nil || b.Node != last.Node {
			run++
		}
		start, last = j, b
	}
	if run < firstRunMinParagraphs {
		return first
	}
	return start
}

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

// body gathers the kept blocks from the first body paragraph on: body text, in-body
// images and captions, each caption once.
func body(blocks []*Block, first int, title string) []*Block {
	if first < 0 {
		return nil
	}
	var out []*Block
	seen := map[string]bool{}
	// the path of a body text's first occurrence: a text repeated in the same place of
	// the structure is a repeated line of the article (a recipe's "1 cup milk"), one
	// repeated elsewhere a copy (a mobile and a desktop rendering of the same lead)
	firstPath := map[string]string{}
	last := -1
	for i := first; i < len(blocks); i++ {
		if blocks[i].Role == RoleBody {
			last = i
		}
	}
	for i := first; i <= last; i++ {
		b := blocks[i]
		if b.Kind == BlockImage && b.Class != ClassBad {
			b.Role = RoleImage
		}
		switch b.Role {
		case RoleImage:
		case RoleBody:
			if b.Text == title && b.Kind != BlockImage {
				b.recast(RoleNone, ClassBad, ruleDuplicate)
				continue
			}
		case RoleCaption:
		default:
			continue
		}
		if b.Kind == BlockImage {
			if b.Image != nil && b.Image.Caption == "" && i+1 < len(blocks) && blocks[i+1].Role == RoleCaption {
				b.Image.Caption = blocks[i+1].Text
			}
		}
		key := b.Text
		if b.Kind == BlockImage && b.Image != nil {
			key = "img:" + b.Image.Src
		}
		if key != "" && seen[key] && (b.Role == RoleCaption || b.Kind == BlockImage || b.Runes >= 20 && (b.Path == "" || firstPath[key] != b.Path)) {
			b.recast(RoleNone, ClassBad, ruleDuplicate)
			continue
		}
		if !seen[key] {
			firstPath[key] = b.Path
		}
		seen[key] = true
		out = append(out, b)
	}
	// captions before the first paragraph belong to the lead image
	for i := first - 1; i >= 0 && i >= first-3; i-- {
		b := blocks[i]
		if b.Role != RoleCaption {
			break
		}
		if seen[b.Text] {
			b.recast(RoleNone, ClassBad, ruleDuplicate)
			continue
		}
		seen[b.Text] = true
		out = append([]*Block{b}, out...)
	}
	return out
}

// useEmbedded reports whether the body declared in the page's data is the better body: the
// blocks gave nothing, or far less text than the data holds.
func useEmbedded(doc *Document, body []*Block) bool {
	if doc.Meta.Body == "" {
		return false
	}
	n := 0
	for _, b := range body {
		if b.Role == RoleBody {
			n += b.Runes
		}
	}
	return float64(n) < 0.5*float64(utf8.RuneCountInString(doc.Meta.Body))
}

// guidedMinCover is the least share of an embedded body the page's own blocks must
// cover for them to stand in for it.
const guidedMinCover = 0.8

// guidedMinKey is the fewest letters and digits of a block other than a heading that the
// embedded body's guide takes when the page's own classification did not keep it.
const guidedMinKey = 24

// guidedBody returns the page's blocks that the embedded body holds, in page order, when
// they cover most of it: the same text with the page's paragraphs, headings and
// punctuation (embedded bodies often come flattened to one paragraph, or with their
// punctuation mangled). Text is compared on its letters and digits alone. nil when the
// blocks cover too little.
func guidedBody(doc *Document) []*Block {
	// a body escaped twice (&amp;Ccedil;) reads as text only once unescaped again
	want := letterKey(html.UnescapeString(doc.Meta.Body))
	if want == "" {
		return nil
	}
	var out []*Block
	covered, seen := 0, map[string]bool{}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case BlockPara, BlockHeading, BlockItem, BlockQuote:
		default:
			continue
		}
		if isMetaRole(b) && b.Role != RoleCaption && b.Role != RoleBody {
			continue
		}
		// a name or a word alone (a tag, a team) is in any long body by chance
		k := letterKey(b.Text)
		if len(k) < 10 || len(k) < guidedMinKey && b.Role != RoleBody && b.Kind != BlockHeading || seen[k] || !strings.Contains(want, k) {
			continue
		}
		seen[k] = true
		covered += len(k)
		out = append(out, b)
	}
	if float64(covered) < guidedMinCover*float64(len(want)) {
		return nil
	}
	for _, b := range out {
		b.Role, b.Class, b.Changed = RoleBody, ClassGood, true
		if b.Rule != ruleProse && b.Rule != ruleNearProse {
			b.judge(b.Class, ruleEmbeddedGuide)
		}
	}
	return out
}

// ruleEmbeddedGuide marks a block taken as body because the page's embedded body holds it.
const ruleEmbeddedGuide RuleName = "embedded-guide"

// letterKey is s lower-cased with everything but letters and digits removed.
func letterKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func embeddedBody(doc *Document) []*Block {
	var out []*Block
	for _, p := range strings.Split(doc.Meta.Body, "\n\n") {
		p = foldSpace(p)
		if p == "" {
			continue
		}
		b := &Block{Index: len(doc.Blocks), Kind: BlockPara, Text: p, Class: ClassGood, CF: ClassGood, Role: RoleBody, Rule: ruleEmbedded, CFRule: ruleEmbedded}
		blockFeatures(b)
		doc.Blocks = append(doc.Blocks, b)
		out = append(out, b)
	}
	return out
}

// bylineName takes the name out of a byline: "홍길동 기자 hong@x.kr" → "홍길동", "By Jane Doe" → "Jane Doe".
func bylineName(t string) string {
	if m := qBylineKo.FindStringSubmatch(t); m != nil {
		return m[1]
	}
	t = strings.TrimSpace(t)
	if byPrefix(t) {
		t = strings.TrimSpace(t[len("By "):])
		if i := strings.IndexAny(t, ",|·"); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
		return t
	}
	if name, ok := cutBylinePrefix(t); ok && namesOnly(name) {
		return name
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// guessLang names the page's language from its script when the page does not say.
func guessLang(doc *Document) string {
	if doc.Hangul {
		return "ko"
	}
	return ""
}

// morePrecise reports whether t names the same minute as u with seconds u lacks: a page
// that prints "08:26" in its head and "08:26:22" further down.
func morePrecise(t, u string) bool {
	return len(t) >= 19 && len(u) >= 19 && t[:16] == u[:16] && u[17:19] == "00" && t[17:19] != "00"
}

// stripLogoName removes the site's name from the front of a headline, when one of the
// first lines of the page is that name alone (a logo's text).
func stripLogoName(title string, before []*Block) string {
	for i, b := range before {
		if i >= 5 {
			break
		}
		n := b.Text
		if b.Runes > 20 || b.Runes < 2 || !strings.HasPrefix(title, n+" ") {
			continue
		}
		return strings.TrimSpace(title[len(n):])
	}
	return title
}

var (
	// a wire-service header glued to the first paragraph: "(서울=연합뉴스) 홍길동 기자 = …"
	reWireHeader = regexp.MustCompile(`^[\[(]\s*[가-힣]{1,6}\s*=\s*[^\])]{1,20}[\])]\s*([가-힣]{2,4})\s?(?:기자|특파원)`)
	// "Jane Doe - Nov 19, 2019": a name before a date on a date line
	reNameDate = regexp.MustCompile(`^((?:\p{Lu}[\p{L}.'’-]+)(?:\s\p{Lu}[\p{L}.'’-]+){1,3})\s+[-|·–—]\s+`)
	// "Posted on February 20, 2022 by Jane Doe": a name after the date
	reDateByName = regexp.MustCompile(`\b[Bb]y\s+((?:\p{Lu}[\p{L}.'’-]+)(?:\s\p{Lu}[\p{L}.'’-]+){0,3})\s*$`)
	// a Korean personal name: two to four syllables
	reKoreanName = regexp.MustCompile(`^[가-힣]{2,4}$`)
)

// tailBylineReach is how many blocks past the body a byline may stand and still be the
// article's ("홍길동 기자 hong@…" under the last paragraph).
const tailBylineReach = 8

// textAuthors finds the authors a page gives only in its text: a wire header glued to the
// first paragraph, a byline under the body, a name before the date.
func textAuthors(blocks []*Block, first int) []string {
	for _, b := range blocks {
		if b.Role == RoleByline || b.CFRule == ruleByline && first >= 0 && b.Index < first {
			if n := bylineName(b.Text); n != "" {
				return []string{n}
			}
		}
	}
	if first >= 0 {
		if m := reWireHeader.FindStringSubmatch(blocks[first].Text); m != nil {
			return []string{m[1]}
		}
		last := first
		for i := first; i < len(blocks); i++ {
			if blocks[i].Role == RoleBody {
				last = i
			}
		}
		for i := last + 1; i < len(blocks) && i <= last+tailBylineReach; i++ {
			if blocks[i].CFRule == ruleByline {
				if n := bylineName(blocks[i].Text); n != "" {
					return []string{n}
				}
			}
		}
	}
	for _, b := range blocks {
		if b.Role == RoleDate {
			if m := reNameDate.FindStringSubmatch(b.Text); m != nil {
				return []string{m[1]}
			}
			if m := reDateByName.FindStringSubmatch(b.Text); m != nil {
				return []string{m[1]}
			}
		}
	}
	return nil
}

// leadParagraph reports a block the page marks as its deck or standfirst that is the
// story's first paragraph written out: a <p> holding a sentence longer than a deck line.
// A deck set as a heading, or a line without a sentence's ending, stays a deck.
func leadParagraph(b *Block) bool {
	return b.SentenceEnd && b.Runes > subtitleMaxRunes && b.Node != nil && b.Node.DataAtom == atom.P
}

// deckReach is how many blocks above the first paragraph a deck may start.
const deckReach = 8

// deckLines are the lines of an element the page marks as a deck (summary, subtitle)
// right above the first body paragraph; a byline among them is not a deck line.
func deckLines(blocks []*Block, first int) []string {
	var out []string
	for i := max(0, first-deckReach); i < first; i++ {
		b := blocks[i]
		if b.Hidden || b.Runes > subtitleMaxRunes || b.CFRule == ruleByline || b.Kind == BlockImage || !hasDeckHint(b.Hints) {
			continue
		}
		b.recast(RoleSubtitle, ClassGood, ruleSubtitle)
		out = append(out, b.Text)
	}
	return out
}

// standfirstMinKey is the fewest letters of a page description that can name a standfirst.
const standfirstMinKey = 40

// isStandfirst reports whether the block at i, the first body paragraph, is a standfirst
// (a dek): the summary a page sets between its headline and the byline or date line, the
// same text as its description meta. Many CMSs fill the description from the dek, but
// also from the lede; what tells the dek is the place: a byline or date line stands below
// it, before the next paragraph, and none above it.
func isStandfirst(blocks []*Block, i int, desc string) bool {
	b := blocks[i]
	if b.Runes > 2*subtitleMaxRunes || len(desc) < standfirstMinKey {
		return false
	}
	dk, bk := letterKey(desc), letterKey(b.Text)
	if len(dk) < standfirstMinKey || len(bk) < standfirstMinKey {
		return false
	}
	// a description may be cut short of the block's text, or run on past it
	if !strings.HasPrefix(bk, dk) && !strings.HasPrefix(dk, bk) {
		return false
	}
	furniture := func(c *Block) bool {
		return !c.Hidden && (c.Role == RoleDate || c.Role == RoleByline || c.CFRule == ruleByline || c.CFRule == ruleDateLine)
	}
	for k := max(0, i-deckReach); k < i; k++ {
		if furniture(blocks[k]) {
			return false
		}
	}
	next := firstBody(blocks, i+1)
	if next < 0 {
		return false
	}
	for k := i + 1; k < next; k++ {
		if furniture(blocks[k]) {
			return true
		}
	}
	return false
}

// hasDeckHint reports whether the nearest class tokens of a block name a deck.
func hasDeckHint(hints string) bool {
	f := strings.Fields(hints)
	for i := len(f) - 1; i >= 0 && i >= len(f)-3; i-- {
		if deckToken(f[i]) {
			return true
		}
	}
	return false
}

// rePublisherKo: words that end Korean publishers' names, never a person's.
var rePublisherKo = regexp.MustCompile(`(?:경제|뉴스|일보|신문|방송|미디어|투데이|타임즈|타임스|닷컴|매일|통신|저널|헤럴드)$`)

func allKoreanNames(names []string) bool {
	for _, n := range names {
		if !reKoreanName.MatchString(n) || rePublisherKo.MatchString(n) {
			return false
		}
	}
	return true
}

// dropTitleLines removes the headline from deck lines found on a page whose title came
// from its metadata (the <h1> stands above the deck), and gives its block back the title
// role.
func dropTitleLines(blocks []*Block, subs []string, title string) []string {
	var out []string
	for _, t := range subs {
		if t == title {
			for _, b := range blocks {
				if b.Role == RoleSubtitle && b.Text == t {
					b.place(RoleTitle, b.Class, ruleTitle)
				}
			}
			continue
		}
		out = append(out, t)
	}
	return out
}

// authorBioMaxRunes is the longest paragraph authorBios takes for a note on the author.
const authorBioMaxRunes = 400

// bioVerbs are the forms of "to be" that a note on an author puts after the name
// ("Jane Roe is a correspondent", "Jane Roe ist Korrespondentin", "Jane Roe est…").
var bioVerbs = map[string]bool{
	"is": true, "was": true, "has": true, "ist": true, "war": true, "arbeitet": true, "est": true, "es": true,
	"er": true, "var": true, "är": true, "jest": true, "je": true, "è": true, "é": true,
}

// authorBios drops the note on the author that closes many articles ("Korrespondent Jane
// Roe ist bei der Zeitung für …", "Jane Roe is a senior researcher …"): a body paragraph in
// the second half of the body that names one of the article's authors in its first words,
// followed by a form of "to be".
func authorBios(blocks []*Block, first int, authors []string) {
	if first < 0 {
		return
	}
	authorBoxes(blocks, first)
	if len(authors) == 0 {
		return
	}
	var names [][]string
	for _, a := range authors {
		if f := strings.Fields(a); len(f) >= 2 && len(f) <= 4 {
			names = append(names, f)
		}
	}
	if len(names) == 0 {
		return
	}
	total := 0.0
	for i := first; i < len(blocks); i++ {
		if blocks[i].Role == RoleBody {
			total += blocks[i].Weighted
		}
	}
	seen := 0.0
	for i := first; i < len(blocks); i++ {
		b := blocks[i]
		if b.Role != RoleBody {
			continue
		}
		seen += b.Weighted
		if seen-b.Weighted < total/2 || b.Runes > authorBioMaxRunes || b.Kind == BlockQuote {
			continue
		}
		// the first words are all namesAuthor reads: cut them off the text (folded to single
		// spaces) into an array on the stack, not a slice of all its words
		var buf [bioWords]string
		words, rest := buf[:0], b.Text
		for len(words) < bioWords && rest != "" {
			var w string
			w, rest, _ = strings.Cut(rest, " ")
			if w != "" {
				words = append(words, w)
			}
		}
		if namesAuthor(words, names) {
			b.recast(RoleNone, ClassBad, ruleAuthorBio)
		}
	}
}

// bioWords is how many first words of a paragraph namesAuthor can read: two words of a
// title, a name of up to four, the verb.
const bioWords = 7

// namesAuthor reports whether words start with one of names, after at most two words (a
// title: "Korrespondent", "Dr."), and go on with a form of "to be" right after it.
func namesAuthor(words []string, names [][]string) bool {
	for skip := 0; skip <= 2; skip++ {
		for _, n := range names {
			end := skip + len(n)
			if end >= len(words) {
				continue
			}
			if slices.Equal(words[skip:end], n) && bioVerbs[strings.ToLower(words[end])] {
				return true
			}
		}
	}
	return false
}

// reAboutName reads the heading of an author box: "About Jane Roe", "Sobre …", "Über …".
var reAboutName = regexp.MustCompile(`^(?:About|Sobre|Über|À propos de|Acerca de|A proposito di)\s+(.+)$`)

// authorBoxReach is how many blocks under its heading an author box's name and note stand.
const authorBoxReach = 3

// authorBoxes drops the box on the author after an article: a heading "About" and a
// person's name, the name again, and the note on the person that names them in its
// first words ("About Jane Roe" / "Jane Roe" / "Mother of two, Jane Roe writes on …"),
// up to twice as long as a note found by the author's name alone.
func authorBoxes(blocks []*Block, first int) {
	for i := first + 1; i < len(blocks); i++ {
		h := blocks[i]
		if h.Runes > 60 || h.SentenceEnd {
			continue
		}
		m := reAboutName.FindStringSubmatch(h.Text)
		if m == nil || !namesOnly(m[1]) {
			continue
		}
		if n := len(strings.Fields(m[1])); n < 2 || n > 4 {
			continue
		}
		name := m[1]
		bio := -1
		for j := i + 1; j < len(blocks) && j <= i+authorBoxReach; j++ {
			b := blocks[j]
			if b.Text == name {
				continue
			}
			if b.Runes <= 2*authorBioMaxRunes && b.SentenceEnd && strings.Contains(firstRunes(b.Text, 100), name) {
				bio = j
			}
			break
		}
		if bio < 0 {
			continue
		}
		for j := i; j <= bio; j++ {
			if b := blocks[j]; b.Role == RoleBody || b.Role == RoleNone && b.Class == ClassGood {
				b.recast(RoleNone, ClassBad, ruleAuthorBio)
			}
		}
		i = bio
	}
}

// firstRunes is s cut after n runes.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
