package extract

import (
	"strings"
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

	first = a.decks(doc, titleAt, first)

	a.timesAndAuthors(doc, first, korean)
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
		// a fallback's lines (a product list) are not the page's text: no guide
		if guided := guidedBody(doc); guided != nil && doc.embeddedRule == "" {
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

// decks finds the subtitles between the headline (block titleAt, or none) and the first
// body paragraph: deck lines, a deck the page marks as such, a standfirst, else the
// declared subtitles; the furniture between is dropped. It returns the first body block
// after them.
func (a *Article) decks(doc *Document, titleAt, first int) int {
	blocks := doc.Blocks
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

	return first
}

// timesAndAuthors sets the article's times and authors: declared first, then from the
// date lines and bylines of the text.
func (a *Article) timesAndAuthors(doc *Document, first int, korean bool) {
	blocks := doc.Blocks
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
}

// firstBody is the index of the first good block at or after from that reads as a body
// paragraph (ends like a sentence or is long), or -1.
func firstBody(blocks []*Block, from int) int {
	from = max(from, 0)
	for i := from; i < len(blocks); i++ {
		b := blocks[i]
		if b.Class == ClassGood && b.Role == RoleBody && (b.SentenceEnd || b.Weighted >= lengthHigh || bodyStartRules[b.Rule]) {
			return paragraphRun(blocks, from, i)
		}
	}
	return -1
}

// bodyStartRules are the passes whose blocks open a body though they are no paragraphs:
// a listing's items, sections of links, and what the fallbacks take (a run of prose, a
// post's element, a product's buy box).
var bodyStartRules = map[RuleName]bool{
	ruleListingItem: true, ruleLinkSections: true, ruleProseFallback: true, rulePostBody: true, ruleProductBox: true,
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
