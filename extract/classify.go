package extract

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Thresholds of the quality pass (jusText's, with trafilatura's lengths, in weighted
// runes so one threshold serves Latin and Hangul text).
const (
	lengthLow      = 50   // below: short (jusText LENGTH_LOW 70; trafilatura 50)
	lengthHigh     = 150  // above: long enough to be good on its own (jusText 200; trafilatura 150)
	stopwordsLow   = 0.20 // share of stop words for near-good Latin text (jusText 0.30, for one language)
	stopwordsHigh  = 0.24 // share of stop words for good Latin text (jusText 0.32)
	endingsLow     = 0.30 // share of eojeol with a Korean ending for near-good Hangul text
	endingsHigh    = 0.45 // share for good Hangul text (body 0.60–0.64, UI 0–0.18)
	maxHeadingDist = 200  // weighted runes within which a heading must be followed by good text
	endSignalShare = 0.5  // share of the region's good text that must precede an end-of-article signal
	// commentSignalShare is the share that must precede the start of a comment section,
	// a stronger signal: what follows it is readers' text, however much of it there is.
	commentSignalShare = 0.2
	// relatedSignalShare is the share that must precede a related-list heading for it to
	// end the article.
	relatedSignalShare = 0.8
	// strongSignalShare is the share that must precede a copyright, tip or reaction line.
	strongSignalShare = 0.25
	badBlockPenalty   = 40 // the least a bad block takes off the region score
	// minRepeats is how often a low-quality line must stand on a page to be neutral.
	minRepeats = 3
	// lowQualityMaxPenalty is the most a low-quality block takes off the region score.
	lowQualityMaxPenalty = 100
	containerMinGood     = 0.5  // share of good text inside article containers for them to bound the body
	maxListItems         = 40   // the most items a related list under one heading takes
	headSpanShare        = 0.15 // the region after a page's head must hold this share of the best region's score
	headGap              = 60   // blocks after the head within which the article must start
)

// endSignalRules are the rules whose blocks mark the end of the article once most of its
// text has gone by (boilerpipe's terminating blocks).
var endSignalRules = map[RuleName]bool{
	ruleButtons: true, ruleCopyright: true, ruleRelatedHeading: true, ruleTipLine: true, ruleCommentPolicy: true,
}

// classify gives every block its verdict: a context-free pass of named rules and quality
// measures, then a revision from its neighbours, then the article region.
func classify(doc *Document, opts Options) {
	blocks := doc.Blocks
	host := hostOf(opts.URL)
	if host == "" {
		host = hostOf(doc.Meta.URL)
	}
	for _, b := range blocks {
		contextFree(b, opts.Rules, host)
		b.scanned = nil // the rules' prefilter scan is needed no more
		b.judge(b.CF, b.CFRule)
	}
	topicPromos(doc) // (before the hint passes, which read the verdicts)
	revertHints(blocks, false)
	hintedProse(blocks)
	markRepeated(blocks) // (from the context-free verdicts, which the passes below keep)
	// a page that gives no publication time is no story: its <main> landmark bounds its
	// body even when cards and buttons leave it thin in prose (see containerMainDensity)
	mainDensity := containerDensity
	if !dated(doc) {
		mainDensity = containerMainDensity
	}
	classifyContext(blocks, opts, host, mainDensity)
	// Nothing reads as an article: loosen the quality pass, as trafilatura falls back
	// when too little came out, and try again; first with the class hints standing
	// (short paragraphs around a data table, with a side column hinted away), then,
	// when that leaves less than hintKeepShare of what the hints dropped, without them.
	if !anyGood(blocks) {
		loosen(blocks)
		classifyContext(blocks, opts, host, mainDensity)
		if g, hinted := goodAndHinted(blocks); g == 0 || g < hintKeepShare*(g+hinted) {
			revertHints(blocks, true)
			loosen(blocks)
			classifyContext(blocks, opts, host, mainDensity)
		}
	}
	endAtCommentPolicy(blocks)
	listings(doc) // a page that is a list of items, not an article: its items are the body
	if doc.Kind == KindHTML {
		proseFallback(blocks) // a page that has prose yields a body
		postFallback(doc)     // a short post under its declared headline is its body
		productFallback(doc)  // a declared product's buy box under its name
	}
	for _, b := range blocks {
		b.Changed = b.Class != b.CF || b.Rule != b.CFRule
		if b.Role == RoleNone && b.Class == ClassGood {
			b.Role = RoleBody
		}
	}
}

// loosen resets the verdicts to the context-free ones, with sentences of low or middling
// quality taken as good.
func loosen(blocks []*Block) {
	for _, b := range blocks {
		b.judge(b.CF, b.CFRule)
		if b.pinned {
			continue
		}
		if b.Role == RoleNone && b.CFRule == ruleLowQuality && b.SentenceEnd {
			b.judge(ClassNearGood, ruleLoose)
		}
		if b.Role == RoleNone && b.Class == ClassNearGood && b.SentenceEnd {
			b.Class = ClassGood
		}
	}
}

// goodAndHinted returns the weight of the good blocks and that of the blocks class hints
// dropped that would be good by themselves.
func goodAndHinted(blocks []*Block) (good, hinted float64) {
	for _, b := range blocks {
		switch {
		case b.Class == ClassGood:
			good += b.Weighted
		case b.CFRule == ruleClassHint && (b.hintQ == ClassGood || b.hintQ == ClassNearGood && b.SentenceEnd):
			hinted += b.Weighted
		}
	}
	return good, hinted
}

func anyGood(blocks []*Block) bool {
	for _, b := range blocks {
		if b.Class == ClassGood {
			return true
		}
	}
	return false
}

func classifyContext(blocks []*Block, opts Options, host string, mainDensity float64) {
	markerLists(blocks)
	tickerRuns(blocks)
	relatedLists(blocks)
	datedLinks(blocks)
	cardLists(blocks)
	textCardLists(blocks)
	sectionLinks(blocks)
	revise(blocks)
	brLines(blocks)
	dataLists(blocks)
	containerBound(blocks)
	region(blocks, opts)
	proseBox(blocks, mainDensity)
	dropFurniture(blocks)
	containerFill(blocks, mainDensity)
	paragraphSiblings(blocks)
	dataTables(blocks)
	listMates(blocks)
	referenceLists(blocks)
	codeBlocks(blocks)
	bodyTeasers(blocks)
	bodyLinkLines(blocks, host)
	aiSummaries(blocks)
	commentSections(blocks)
	textCaptions(blocks)
	// what a user rule decided stands, whatever the neighbours say
	for _, b := range blocks {
		if b.pinned {
			b.place(RoleNone, b.CF, b.CFRule)
		}
	}
}

// contextFree sets b.CF, b.CFRule and, for metadata rules, b.Role. The user's rules
// come first and pin their verdict; disabled built-ins are passed over.
func contextFree(b *Block, user UserRules, host string) {
	b.Role = RoleNone
	if user != nil {
		if name, keep, ok := user.Decide(b, host); ok {
			b.CF, b.CFRule, b.pinned = ClassBad, RuleName(name), true
			if keep {
				b.CF = ClassGood
			}
			return
		}
	}
	if b.Kind == BlockImage {
		b.CF, b.CFRule = ClassNearGood, ruleImage
		return
	}
	// the rules share one scan of the text, lent for the while
	t := scanPool.Get().(*textScan)
	t.reset(b.Text)
	b.scanned = t
	defer func() {
		b.scanned = nil
		scanPool.Put(t)
	}()
	rules := builtinRules // (a local: the calls below would have the global loaded anew)
	for i := range rules {
		r := &rules[i]
		if user != nil && user.Disabled(string(r.Name)) {
			continue
		}
		if r.match(b) {
			b.CF, b.CFRule = ClassBad, r.Name
			b.Role = r.Role
			if r.Name == ruleClassHint {
				b.hintQ, b.hintQRule = quality(b)
			}
			return
		}
	}
	b.CF, b.CFRule = quality(b)
}

// shortMaxLinkDensity is the most link text a short block may hold and still be left to
// its neighbours; more, and it is a link of a list or menu.
const shortMaxLinkDensity = 0.6

// quality is the length × language test for a block no rule matched.
func quality(b *Block) (Class, RuleName) {
	c, r := textQuality(b)
	if r == ruleLowQuality && b.Kind == BlockPre && b.Node != nil {
		// a code example, a command or a configuration has few stop words by nature:
		// it is no sign of boilerplate, and between the paragraphs that explain it,
		// it is theirs
		return ClassShort, ruleCode
	}
	return c, r
}

// textQuality is quality for any kind of block.
func textQuality(b *Block) (Class, RuleName) {
	w := b.Weighted
	if b.Kind == BlockTable && b.Node == nil {
		// a table in a text dump has no words to judge by, and no element around it
		// to say where it stands: its neighbours decide
		return ClassShort, ruleShort
	}
	if qQuotedPostSign.MatchBlock(b) {
		// a quoted post's sign-off goes with the post: its neighbours decide
		return ClassShort, ruleShort
	}
	if b.Hangul {
		switch {
		case w < lengthLow/2:
			return ClassShort, ruleShort
		case b.EndingDensity >= endingsHigh && w >= lengthHigh/2 && b.SentenceEnd:
			return ClassGood, ruleProse
		case b.EndingDensity >= endingsLow && (b.SentenceEnd || w >= lengthLow):
			return ClassNearGood, ruleNearProse
		case b.SentenceEnd && w >= lengthHigh:
			// long sentences of names and numbers have few endings but are prose
			return ClassGood, ruleProse
		case w < lengthLow:
			return ClassShort, ruleShort
		}
		return ClassBad, ruleLowQuality
	}
	if w < lengthLow {
		if b.LinkRunes > 0 && b.LinkDensity > shortMaxLinkDensity {
			return ClassBad, ruleLinkList
		}
		// a short line with a name linked in it ("Expo 2026: May 5–7 | Lyon" with the
		// expo's name linked) is left to its neighbours, as any short line
		return ClassShort, ruleShort
	}
	if b.Words <= 2 && b.Runes > 0 && !b.SentenceEnd {
		// Han or Kana text has no spaces: judge by length and sentence punctuation
		if !hasSpaceScript(b.Text) {
			if w > lengthHigh && b.SentenceEnd {
				return ClassGood, ruleProse
			}
			return ClassNearGood, ruleNearProse
		}
		return ClassShort, ruleShort
	}
	sd := b.StopDensity
	switch {
	case sd >= stopwordsHigh && w > lengthHigh:
		return ClassGood, ruleProse
	case sd >= stopwordsHigh, sd >= stopwordsLow:
		return ClassNearGood, ruleNearProse
	case b.SentenceEnd && sd >= stopwordsLow/2:
		// sentences in a language the stop list covers thinly
		return ClassNearGood, ruleNearProse
	case b.SentenceEnd && w >= lengthLow && (sentenceCount(b.Text) >= minSentences || w > lengthHigh || endsInFullStop(b.Text)) && lowerShare(b.Text) >= minLowerShare:
		// several sentences of mostly lower-case words: prose in a language whose
		// function words are endings (Turkish, Finnish, Hungarian), not separate words;
		// or one such sentence closed by a full stop, as agency copy writes a paragraph
		// of one sentence (a headline or a teaser ends without one, or in a question)
		return ClassNearGood, ruleNearProse
	case !hasSpaceScript(b.Text) && b.SentenceEnd:
		if w > lengthHigh {
			return ClassGood, ruleProse
		}
		return ClassNearGood, ruleNearProse
	}
	return ClassBad, ruleLowQuality
}

// hasSpaceScript reports whether the text is in a script that separates words by spaces.
func hasSpaceScript(s string) bool {
	cjk, letters := 0, 0
	for _, r := range s {
		if r >= 0x3040 && r <= 0x9FFF {
			cjk++
		}
		if r > ' ' {
			letters++
		}
	}
	return cjk*3 < letters
}

func isMetaRole(b *Block) bool {
	return b.Role == RoleDate || b.Role == RoleByline || b.Role == RoleCaption
}

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

// revise is jusText's context pass: short and near-good blocks take the verdict of the
// good or bad blocks around them; blocks kept as metadata are passed over.
func revise(blocks []*Block) {
	// (1) a short heading followed closely by good text is near-good
	for i, b := range blocks {
		if b.Kind == BlockHeading && b.Class == ClassShort && goodFollows(blocks, i) {
			b.judge(ClassNearGood, ruleContext)
		}
	}
	// neighbour(i, step, skipNear) is the class of the nearest block before (step -1) or
	// after (step 1) block i that is good or bad (or near-good unless skipNear), read from
	// tables built in two sweeps: scanning from every short block would be quadratic.
	prevSkip, nextSkip := neighbourClasses(blocks, true)
	prevNear, nextNear := neighbourClasses(blocks, false)
	neighbour := func(i, step int, skipNear bool) Class {
		switch {
		case step < 0 && skipNear:
			return prevSkip[i]
		case step < 0:
			return prevNear[i]
		case skipNear:
			return nextSkip[i]
		}
		return nextNear[i]
	}
	// (2) short blocks
	newClass := make([]Class, len(blocks))
	markFurniture(blocks)
	for i, b := range blocks {
		newClass[i] = b.Class
		if b.Class != ClassShort || isMetaRole(b) {
			continue
		}
		prev, next := neighbour(i, -1, true), neighbour(i, 1, true)
		switch {
		case prev == ClassGood && next == ClassGood:
			newClass[i] = ClassGood
		case prev == ClassBad && next == ClassBad:
			newClass[i] = ClassBad
		default:
			// mixed: good only if a near-good block lies between it and the bad side
			step := -1
			if next == ClassBad {
				step = 1
			}
			if neighbour(i, step, false) == ClassNearGood {
				newClass[i] = ClassGood
			} else {
				newClass[i] = ClassBad
			}
		}
	}
	for i, b := range blocks {
		if newClass[i] != b.Class {
			b.judge(newClass[i], ruleContext)
		}
	}
	// (3) near-good blocks are good unless both neighbours are bad; the blocks before i
	// may have just changed, those after it not yet
	_, nextSkip = neighbourClasses(blocks, true)
	runs := sentenceRuns(blocks)
	left := ClassBad
	for i, b := range blocks {
		if i > 0 && !isMetaRole(blocks[i-1]) && blocks[i-1].Kind != BlockImage &&
			(blocks[i-1].Class == ClassGood || blocks[i-1].Class == ClassBad) {
			left = blocks[i-1].Class
		}
		if b.Class != ClassNearGood || b.Kind == BlockImage {
			continue
		}
		if left == ClassBad && nextSkip[i] == ClassBad && runs[i] < minSentenceRun {
			b.judge(ClassBad, ruleContext)
		} else {
			b.Class = ClassGood
			if b.Rule != ruleNearProse && b.Rule != ruleImage {
				b.judge(b.Class, ruleContext)
			}
		}
	}
	// (4) a heading made bad by the context is good when good text follows closely
	for i, b := range blocks {
		if b.Kind == BlockHeading && b.Class == ClassBad && b.CF != ClassBad && goodFollows(blocks, i) {
			b.judge(ClassGood, ruleContext)
		}
	}
	// (5) a teaser between body paragraphs is the body's own
	bodyTeasers(blocks)
}

// brLineMaxLinkDensity is the most link text a line of a broken paragraph may hold and
// still go with the paragraph's prose: a line that is mostly a link is a link of its own.
const brLineMaxLinkDensity = 0.5

// brLines keeps the lines of one element cut apart by <br> with that element's prose: a
// paragraph written as a run of lines ("Date: …<br>Venue: …<br><br>The event …") is one
// paragraph, and when one of its lines reads as body the others are that body's facts, not
// boilerplate, however few stop words they hold. Lines that a named rule dropped (a date
// line, a copyright) keep their verdict; so do lines mostly linked.
func brLines(blocks []*Block) {
	for i := 0; i < len(blocks); {
		n := blocks[i].Node
		j := i + 1
		for j < len(blocks) && n != nil && blocks[j].Node == n {
			j++
		}
		if j-i < 2 || n == nil {
			i = j
			continue
		}
		prose := false
		for _, b := range blocks[i:j] {
			if b.Class == ClassGood && b.Kind == BlockPara && b.SentenceEnd && !isMetaRole(b) {
				prose = true
				break
			}
		}
		for _, b := range blocks[i:j] {
			if !prose || b.Class != ClassBad || b.Kind != BlockPara || b.pinned || isMetaRole(b) ||
				b.LinkDensity > brLineMaxLinkDensity {
				continue
			}
			switch b.CFRule {
			case ruleShort, ruleLowQuality, ruleNearProse:
				b.judge(ClassGood, ruleBrLine)
			}
		}
		if prose && itemTitle(blocks[i], blocks[i+1]) {
			blocks[i].judge(ClassGood, ruleBrLine)
		}
		i = j
	}
}

// itemTitleMaxRunes is the longest linked line that brLines takes as the title of the
// description below it.
const itemTitleMaxRunes = 120

// itemTitleMinLinks is the least link text such a title holds: all of it but the spaces
// and the quotes around it.
const itemTitleMinLinks = 0.75

// itemTitle reports a first line b that is one link and nothing else, a title's length,
// with the element's next line n a body paragraph: an entry of a list of items, each its
// linked title, a <br> and the sentences that describe it (a guide's articles, a
// directory, a journal's contents). The title names what the kept description is about;
// a menu's links have no sentences under them, and a teaser of another article that the
// passes dropped takes its title out with it.
func itemTitle(b, n *Block) bool {
	return b.Class == ClassBad && b.Kind == BlockPara && !b.pinned && !isMetaRole(b) &&
		b.CFRule == ruleLinkList && b.Links == 1 && b.LinkDensity >= itemTitleMinLinks && b.Runes <= itemTitleMaxRunes &&
		n.Class == ClassGood && n.Kind == BlockPara && n.SentenceEnd && n.LinkRunes == 0 && !isMetaRole(n)
}

// bodyTeasers takes back a teaser right after a body paragraph, and followed by another
// or by a paywall prompt: the body's own, a paragraph cut off where the paywall begins, or
// a paragraph that trails off in an ellipsis, as Russian and other prose writes them. The
// teasers of other articles come in lists, among headlines and links, not between
// paragraphs. revise calls it, and classifyContext again once the container passes have
// taken in the short lines of the body, so that a teaser beside one of them is judged too.
func bodyTeasers(blocks []*Block) {
	for i, b := range blocks {
		if b.CFRule != ruleTeaser || b.Class != ClassBad || b.pinned {
			continue
		}
		p, n := nearestJudged(blocks, i, -1), nearestJudged(blocks, i, 1)
		// (not a preview of the paragraph that follows it in full)
		preview := n != nil && strings.HasPrefix(n.Text, strings.TrimRight(b.Text, "….  "))
		if p != nil && p.Class == ClassGood && (n != nil && !preview && (n.Class == ClassGood || n.CFRule == rulePaywallPromo) || endsBodyElement(p, b, n) || continuedOnNextPage(p, b)) {
			b.judge(ClassGood, ruleContext)
		}
	}
}

// endsBodyElement reports a teaser b that is the last paragraph of the article's element,
// its sibling p (the body paragraph before it) in the same parent and nothing after it
// there (n is the next judged block), or the last block of a text dump after a body
// paragraph: a free preview cut at the paywall, which ends in an ellipsis with no prompt
// after it. A teaser of another article is linked or stands in a list of its own, not as
// the closing paragraph of the body's element; and the teaser is a paragraph's length,
// not a reader's reply in a comment thread.
func endsBodyElement(p, b, n *Block) bool {
	if b.Weighted < lengthHigh || commentInHints(b.Hints) {
		return false
	}
	if b.Node == nil && p.Node == nil {
		// a text dump knows no elements: the teaser that ends the dump, after a body
		// paragraph, is the preview's last paragraph
		return n == nil && b.LinkRunes == 0
	}
	if !b.InArticle || b.LinkRunes > 0 || p.Node == nil || b.Node == nil || b.Node.Parent == nil || p.Node.Parent != b.Node.Parent {
		return false
	}
	return n == nil || n.Node == nil || n.Node.Parent != b.Node.Parent
}

// continuedLabelMaxRunes bounds the link label a paginated article's last paragraph ends
// in ("Continued…", "Continued on page 2…"): a label, not a sentence.
const continuedLabelMaxRunes = 25

// continuedOnNextPage reports a teaser b after the body paragraph p that is the last
// paragraph of a paginated article's page: whole sentences, then a link to the next page whose label carries the ellipsis
// ("… to radar. Continued…"). A teaser of another article is cut in mid-sentence or is
// linked as a whole; here the only link is the label after the last full stop.
func continuedOnNextPage(p, b *Block) bool {
	if b.LinkRunes == 0 || b.Weighted < lengthLow || commentInHints(b.Hints) || b.Node == nil || p.Node == nil {
		return false
	}
	// in the article, or in the element that holds the body paragraph before it
	if !b.InArticle && (b.Node.Parent == nil || b.Node.Parent != p.Node.Parent) {
		return false
	}
	t := strings.TrimRight(b.Text, " .…")
	end := strings.LastIndexAny(t, ".!?\"”’")
	if end < 0 {
		return false
	}
	label := strings.TrimSpace(t[end+1:])
	runes := utf8.RuneCountInString(label)
	// the link is the label (with its dots), and nothing of the sentences before it
	return runes > 0 && runes <= continuedLabelMaxRunes && b.LinkRunes <= runes+3 && !strings.ContainsAny(label, ".!?")
}

// ruleCodeBlock names a preformatted block (a code listing, a console session) kept
// between body blocks.
const ruleCodeBlock RuleName = "code-block"

// codeBlocks keeps the preformatted blocks (<pre>) that stand between body blocks: the
// code a tutorial walks through, a console session, a text table. The quality pass reads
// them as text and finds no prose (few stop words, no sentences), but a page's furniture
// is never preformatted; named boilerplate stays dropped, and so does a <pre> with no
// body on one of its sides. A run of them is judged as one.
func codeBlocks(blocks []*Block) {
	code := func(b *Block) bool {
		return b.Kind == BlockPre && b.Class == ClassBad && !b.pinned && !isMetaRole(b) &&
			(b.CFRule == ruleLowQuality || b.CFRule == ruleShort || b.CFRule == ruleCode) && b.LinkDensity <= hintedProseMaxLinks
	}
	keepRunsInBody(blocks, code, ruleCodeBlock)
}

// keepRunsInBody keeps, under rule, every run of blocks that match (metadata and images
// between them passed over) whose nearest judged neighbours on both sides are body.
func keepRunsInBody(blocks []*Block, match func(*Block) bool, rule RuleName) {
	for i := 0; i < len(blocks); i++ {
		if !match(blocks[i]) {
			continue
		}
		end := i + 1
		for end < len(blocks) && (neutral(blocks[end]) || match(blocks[end])) {
			end++
		}
		p, n := nearestJudged(blocks, i, -1), nearestJudged(blocks, end-1, 1)
		if p != nil && n != nil && p.Class == ClassGood && n.Class == ClassGood {
			for k := i; k < end; k++ {
				if match(blocks[k]) {
					blocks[k].judge(ClassGood, rule)
				}
			}
		}
		i = end - 1
	}
}

// ruleDataList names a row of a list of data that the article introduces with a colon.
const ruleDataList RuleName = "data-list"

// dataListMinItems is the fewest rows a data list has.
const dataListMinItems = 3

// dataLists keeps the rows of a list of data that an article paragraph introduces with a
// colon ("The tour dates:", "Here are the offers:"): dates and places of a schedule,
// products with their prices, the rows of a table a text dump flattened. Each row is a
// line shorter than a paragraph with a figure in it, that the quality pass left to its
// neighbours (short or low-quality: no sentence, few stop words); the list ends at the
// first line that is not a row. Web addresses between the rows (a shop link under each
// product) are the rows' own; images are passed over. A list of other articles is not introduced by
// the body's own paragraph and its headlines seldom carry figures; named boilerplate
// (a related heading, a menu label) ends the list.
//
// On an HTML page a row may hold no figure when it holds no link either (itemRow): the
// names of a squad, the things a how-to needs. The headlines of other articles and the
// entries of a menu are links; a list the article writes out is not. Such a list's intro
// may follow an insert rather than a paragraph ("What you need:" under a box of links)
// when body text follows the list at once.
func dataLists(blocks []*Block) {
	row := func(b *Block) bool {
		return b.Runes < lengthHigh && (containsDigit(b.Text) || itemRow(b)) && !isMetaRole(b) && !b.pinned &&
			(b.CFRule == ruleShort || b.CFRule == ruleLowQuality || b.CFRule == ruleTicker)
	}
	// noTable is the end of the last run of cells found to be no table: a table cannot
	// start inside it either (the run ends where it ended, with fewer figures)
	noTable := 0
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if i >= noTable {
			k, end := flattenedTable(blocks, i)
			if k > i {
				for ; i < k; i++ {
					blocks[i].judge(ClassGood, ruleDataList)
				}
				i--
				continue
			}
			noTable = end
		}
		if !strings.HasSuffix(strings.TrimSpace(b.Text), ":") || b.Kind == BlockImage || isMetaRole(b) {
			continue
		}
		intro := b.Class == ClassGood
		weak := !intro && (b.CFRule == ruleShort || b.CFRule == ruleLowQuality || b.CFRule == ruleNearProse)
		if weak {
			p := nearestJudged(blocks, i, -1)
			intro = p != nil && p.Class == ClassGood
		}
		if !intro && !weak {
			continue
		}
		var rows, links []int
		j := i + 1
		for ; j < len(blocks); j++ {
			n := blocks[j]
			if neutral(n) {
				continue
			}
			if n.CFRule == ruleContactLine && strings.Contains(n.Text, "://") && !n.pinned {
				links = append(links, j)
				continue
			}
			if !row(n) {
				break
			}
			rows = append(rows, j)
		}
		if len(rows) < dataListMinItems {
			continue
		}
		if !intro {
			// an intro after an insert: body text follows the list at once, and the rows
			// are all items, not figures (a ticker under a box of links)
			n := nearestJudged(blocks, rows[len(rows)-1], 1)
			items := true
			for _, k := range rows {
				items = items && itemRow(blocks[k])
			}
			if !items || n == nil || n.Class != ClassGood || b.Node == nil {
				continue
			}
		}
		// the links between the rows are the rows' own (a shop link under each product)
		last := rows[len(rows)-1]
		for _, k := range links {
			if k < last {
				rows = append(rows, k)
			}
		}
		if b.Class != ClassGood {
			b.judge(ClassGood, ruleDataList)
		}
		for _, k := range rows {
			blocks[k].judge(ClassGood, ruleDataList)
		}
		i = j - 1
	}
}

// itemRow reports a line of an HTML page that can be an item of a list the article
// writes out though it holds no figure: no link in it, no heading, no sentence's end.
func itemRow(b *Block) bool {
	return b.Node != nil && b.Links == 0 && b.LinkRunes == 0 && b.Kind != BlockHeading && b.Kind != BlockImage && !b.SentenceEnd
}

// flattenedTable returns the end (exclusive) of a table that a text dump flattened into one
// cell a line, starting at block i right after a body paragraph, or i when there is none:
// a run of cells (lines shorter than a short line, not sentences, that the quality pass
// left to their neighbours), dataListMinItems or more of them figures alone (what reads as
// a ticker cell: a number, a price, a percentage; not a date line), followed at once by
// a paragraph that is prose by itself. The figures read as ticker cells, but a ticker
// stands beside the article, not between two of its paragraphs.
//
// With no table it returns i and the end of the run of cells it looked at (i when it
// looked at none).
func flattenedTable(blocks []*Block, i int) (int, int) {
	cell := func(b *Block) bool {
		return b.Runes < shortLineRunes && !b.SentenceEnd && !isMetaRole(b) && !b.pinned && b.Kind != BlockImage &&
			(b.CFRule == ruleShort || b.CFRule == ruleLowQuality || b.CFRule == ruleTicker)
	}
	if neutral(blocks[i]) || !cell(blocks[i]) {
		return i, i
	}
	if p := nearestJudged(blocks, i, -1); p == nil || p.Class != ClassGood {
		return i, i
	}
	j, figures := i, 0
	for ; j < len(blocks) && cell(blocks[j]); j++ {
		if blocks[j].CFRule == ruleTicker && containsDigit(blocks[j].Text) {
			figures++
		}
	}
	if figures < dataListMinItems || j >= len(blocks) || blocks[j].CF != ClassGood || !blocks[j].SentenceEnd {
		return i, j
	}
	return j, j
}

// bodyLinkLines keeps a line that is only a web address when body text stands on both sides
// of it: a source, a product or a reference link the article writes out (a list of
// products each followed by its shop link, sources under a quote). Outside the body such
// a line is contact furniture (a site's address under its logo) and stays dropped; so
// does a link to the page's own site (its short link to share), and a lone e-mail
// address, a reporter's contact even inside the body.
//
// It keeps too a sentence with its names linked (linkedStatement), and a shop link under
// a product the article presents ("See it now: Shop",
// "Get it at Shop for $24.99"): a link line, but the article's own buying advice, where
// body text stands on both sides of it. A shop link in a side column has no body around it.
func bodyLinkLines(blocks []*Block, host string) {
	candidate := func(b *Block) bool {
		if b.Class != ClassBad || b.pinned {
			return false
		}
		switch b.CFRule {
		case ruleContactLine:
			return qURLOnly.MatchBlock(b) && !(host != "" && sameSite(host, hostOf(urlWithScheme(b.Text))))
		case ruleLinkList:
			return b.Kind != BlockHeading && (b.Runes <= shopLinkMaxRunes && reShopLink.MatchString(b.Text) || linkedStatement(b) || labelledLink(b))
		}
		return false
	}
	// a run of them (a product's links to two shops), metadata and images between
	keepRunsInBody(blocks, candidate, ruleContext)
}

// linkedStatement reports a sentence that states something with most of its words
// linked (names and sources linked to their pages): the link-list rule drops it, but
// between body paragraphs it is the article's. A question or a cry ("Who is …?", "Get
// the app!") is more often the headline of another article or a promotion, so only a
// sentence ending in a full stop counts.
func linkedStatement(b *Block) bool {
	if !b.SentenceEnd || b.LinkDensity > proseMaxLinkDensity || b.StopDensity < stopwordsLow {
		return false
	}
	t := strings.TrimRight(b.Text, " \"”’'")
	return strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..")
}

// labelMaxWords is the most words of the label before a labelled link's colon.
const labelMaxWords = 3

// labelledLink reports a short line that names a fact with a label and links its value
// ("Official site: Harbour Inn", "Flagship store: Main Street, Lyon"): a guide's entries
// carry such lines under their descriptions. The label is plain text, so the line is
// never all link; a menu's or a list's links have no label, and a share row's label
// ("Follow us:") stands over links that a share rule names.
func labelledLink(b *Block) bool {
	if b.Kind != BlockPara && b.Kind != BlockItem || b.Runes > shopLinkMaxRunes || b.LinkRunes == 0 {
		return false
	}
	i := strings.IndexByte(b.Text, ':')
	if i <= 0 || i+1 >= len(b.Text) {
		return false
	}
	label := b.Text[:i]
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > labelMaxWords || strings.ContainsAny(label, "|•·") {
		return false
	}
	// the label's runes are not linked: the link text fits in what follows the colon
	labelRunes := utf8.RuneCountInString(b.Text[:i+1])
	return b.LinkRunes <= b.Runes-labelRunes
}

// shopLinkMaxRunes is the longest line that can be a shop link under a product.
const shopLinkMaxRunes = 80

// reShopLink: a shop link's words: "See it now: Shop", "Buy it at Shop", "Get it on
// Shop", "Also at Shop", or a line that ends in what the product costs there ("… at Shop for $24.99").
var reShopLink = regexp.MustCompile(`(?i)^(?:see|get|buy|shop|order|also)(?: it| them| one)?(?: now)?\s?(?::|\bat\b|\bon\b|\bfrom\b)|\b(?:for|at|from)\s(?:[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£]|dollars|euros?))$`)

// urlWithScheme puts a scheme before an address written from "www.", so that it parses
// with a host.
func urlWithScheme(u string) string {
	if strings.HasPrefix(u, "www.") {
		return "http://" + u
	}
	return u
}

// sameSite reports whether two host names (without "www.") are one site: equal, or one
// a subdomain of the other (p.example.com, example.com).
func sameSite(a, b string) bool {
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}

// Short-run thresholds: an article's text between two paragraphs holds a few short lines
// (a subheading, a list of names or results), a menu, a programme or a tag cloud dozens of
// lines of a word or two.
const (
	// maxShortRun is the most short blocks in a row that the context pass takes into the
	// body whatever they are.
	maxShortRun = 20
	// shortRunItemRunes is the mean length of the lines of a longer run below which the
	// run is furniture: menu entries and schedule cells are a word or two, the items of a
	// list in an article a phrase.
	shortRunItemRunes = 16
	// ruleShortRun names a short block of such a run.
	ruleShortRun RuleName = "short-run"
)

// markFurniture marks the short blocks that stand in a run of furniture: more than
// maxShortRun blocks in a row that are short (metadata, images and decoration passed over),
// of shortRunItemRunes runes or fewer on average. The context pass judges them as it judges
// any short block, so that the region is found as before; dropFurniture then drops those
// the article took in.
func markFurniture(blocks []*Block) {
	for i := 0; i < len(blocks); {
		b := blocks[i]
		b.furniture = false
		if b.Class != ClassShort {
			i++
			continue
		}
		j, n, runes := i, 0, 0
		for ; j < len(blocks) && (blocks[j].Class == ClassShort || neutral(blocks[j])); j++ {
			if blocks[j].Class == ClassShort {
				n++
				runes += blocks[j].Runes
			}
			blocks[j].furniture = false
		}
		if n > maxShortRun && runes <= shortRunItemRunes*n {
			for k := i; k < j; k++ {
				blocks[k].furniture = blocks[k].Class == ClassShort
			}
		}
		i = j
	}
}

// dropFurniture drops the blocks of a run of furniture that the context pass took into
// the article: a menu, a programme or a tag cloud of lines of a word or two. It drops as
// well a label of a few words that the page repeats minRepeats times or more among the
// body's paragraphs ("Advertisement", "Article content", "Share"): an article's own short
// lines, its subheadings, say something once.
func dropFurniture(blocks []*Block) {
	// counted are only the texts of labels the body holds: a handful on most pages
	var counts map[string]int
	for _, b := range blocks {
		if b.furniture && b.Class == ClassGood {
			b.judge(ClassBad, ruleShortRun)
		}
		if b.Class == ClassGood && repeatedLabel(b) {
			if counts == nil {
				counts = map[string]int{}
			}
			counts[b.Text] = 0
		}
	}
	if counts == nil {
		return
	}
	for _, b := range blocks {
		if n, ok := counts[b.Text]; ok && repeatedLabel(b) {
			counts[b.Text] = n + 1
		}
	}
	for _, b := range blocks {
		if b.Class == ClassGood && repeatedLabel(b) && counts[b.Text] >= minRepeats {
			b.judge(ClassBad, ruleRepeatedLabel)
		}
	}
}

// repeatedLabelMaxWords is the most words of a repeated label.
const repeatedLabelMaxWords = 3

// ruleRepeatedLabel names a short label the page repeats among the body's paragraphs.
const ruleRepeatedLabel RuleName = "repeated-label"

// repeatedLabel reports a block that can be a label of page furniture: short, a few words,
// not a sentence, not a broadcast marker ([앵커]) nor metadata.
func repeatedLabel(b *Block) bool {
	return b.CF == ClassShort && !b.SentenceEnd && b.Words <= repeatedLabelMaxWords && b.Kind != BlockImage &&
		!isMetaRole(b) && !isMarkerLine(b.Text)
}

// nearestJudged returns the nearest block before (step -1) or after (step 1) block i that
// is not neutral (metadata, images, decoration), or nil.
func nearestJudged(blocks []*Block, i, step int) *Block {
	for j := i + step; j >= 0 && j < len(blocks); j += step {
		if !neutral(blocks[j]) {
			return blocks[j]
		}
	}
	return nil
}

// neighbourClasses returns, for every block, the class of the nearest block before it and
// after it that is good or bad (or near-good, unless skipNear), passing over metadata and
// images; ClassBad when there is none.
func neighbourClasses(blocks []*Block, skipNear bool) (prev, next []Class) {
	prev, next = make([]Class, len(blocks)), make([]Class, len(blocks))
	sweep := func(out []Class, from, to, step int) {
		c := ClassBad
		for i := from; i != to; i += step {
			out[i] = c
			n := blocks[i]
			if neutral(n) {
				continue
			}
			if n.Class == ClassGood || n.Class == ClassBad || (n.Class == ClassNearGood && !skipNear) {
				c = n.Class
			}
		}
	}
	sweep(prev, 0, len(blocks), 1)
	sweep(next, len(blocks)-1, -1, -1)
	return prev, next
}

func goodFollows(blocks []*Block, i int) bool {
	dist := 0.0
	for j := i + 1; j < len(blocks) && dist <= maxHeadingDist; j++ {
		if blocks[j].Class == ClassGood {
			return true
		}
		dist += blocks[j].Weighted
	}
	return false
}

// containerBound drops good blocks outside the page's article containers when most of the
// good text is inside them (HTML only: text blocks are never InArticle).
func containerBound(blocks []*Block) {
	in, all := 0.0, 0.0
	for _, b := range blocks {
		if b.Class == ClassGood {
			all += b.Weighted
			if b.InArticle {
				in += b.Weighted
			}
		}
	}
	if in < lengthHigh || in < containerMinGood*all {
		return
	}
	for i, b := range blocks {
		if !b.InArticle && b.Class == ClassGood && !leadOf(blocks, i) {
			b.judge(ClassBad, ruleContainer)
		}
	}
}

// leadOf reports a paragraph of sentences that stands just before the article container's
// first body block: a lead set outside the body element. A paragraph may be a short one (a
// one-sentence lead in an element of its own, styled apart); a heading or list item there
// is a deck or a summary's bullet, taken only when it is a paragraph's length.
func leadOf(blocks []*Block, i int) bool {
	b := blocks[i]
	minLead := float64(lengthHigh)
	if b.Kind == BlockPara {
		minLead = lengthLow
	}
	if !b.SentenceEnd || b.Weighted < minLead || b.CF == ClassBad {
		return false
	}
	for j, seen := i+1, 0; j < len(blocks) && seen < 3; j++ {
		n := blocks[j]
		if isMetaRole(n) || n.Kind == BlockImage || n.Runes == 0 {
			continue
		}
		if n.InArticle && n.Class == ClassGood {
			return true
		}
		seen++
	}
	return false
}

// region keeps the body to the span of blocks where good text clusters (the maximum-sum
// span of block scores), cut at the first end-of-article signal that follows most of it.
func region(blocks []*Block, opts Options) {
	penalty := float64(badBlockPenalty)
	if opts.Favor == FavorRecall {
		penalty /= 2
	}
	score := func(b *Block) float64 {
		switch {
		case neutral(b):
			// separators, metadata and the low-quality lines a page repeats (markRepeated)
			// neither make nor break the article
			return 0
		case b.Rule == ruleRelatedList:
			// the items of a related-news box cost a quarter of their length (its heading
			// counts in full): a box set between the article's paragraphs does not cut
			// the article, a long list after it still ends it
			return -b.Weighted / 4
		case b.Class == ClassGood && !b.SentenceEnd && b.Kind != BlockHeading && b.Kind != BlockItem:
			// text that does not end as a sentence counts for less: headlines and teasers
			return b.Weighted / 4
		case b.Class == ClassGood:
			return b.Weighted
		case b.Class == ClassNearGood:
			return b.Weighted / 2
		case b.Class == ClassShort:
			return 0
		}
		if b.Rule == ruleLowQuality || b.Kind == BlockPre {
			// text that is merely not prose-like (an embedded post, a list line) costs
			// less than named boilerplate; so does preformatted text, whatever dropped
			// it: a furniture is never preformatted, but a long code sample or an API's
			// sample response, set in a panel beside the reference, is often hinted away
			return -min(max(b.Weighted, penalty), lowQualityMaxPenalty)
		}
		return -max(b.Weighted, penalty)
	}
	bestSum, bestStart, bestEnd := maxSpan(blocks, 0, score)
	// A text page's head (its first labelled date line) comes right before the article:
	// when one is found, the region starts after it, unless that leaves far less text.
	if head := textHead(blocks); head >= 0 && head+1 < len(blocks) {
		s, st, en := maxSpanFrom(blocks, head+1, score)
		if st >= 0 && s >= headSpanShare*bestSum {
			bestSum, bestStart, bestEnd = s, st, en
		}
	}
	if bestStart < 0 {
		for _, b := range blocks {
			if b.Class == ClassGood {
				b.judge(ClassBad, ruleOutside)
			}
		}
		return
	}
	// end-of-article signals
	total := 0.0
	for i := bestStart; i <= bestEnd; i++ {
		if blocks[i].Class == ClassGood {
			total += blocks[i].Weighted
		}
	}
	seen := 0.0
	var bodyArticle *html.Node // the <article> holding the region's first good block
	for i := bestStart; i <= bestEnd; i++ {
		if b := blocks[i]; b.Class == ClassGood && b.Node != nil {
			bodyArticle = articleOf(b.Node)
			break
		}
	}
	for i := bestStart; i <= bestEnd; i++ {
		b := blocks[i]
		if b.Kind == BlockHeading && b.Level == 1 && i > bestStart && seen >= max(lengthHigh, strongSignalShare*total) &&
			articleOf(b.Node) != nil && articleOf(b.Node) != bodyArticle {
			// the headline of another <article>: a page that stacks the next story
			// under this one
			bestEnd = i - 1
			break
		}
		if b.Class == ClassGood {
			seen += b.Weighted
		}
		share := endSignalShare
		switch {
		case b.Rule == ruleRelatedHeading:
			// "Read also" boxes stand inside articles too: only near the end do they end it
			share = relatedSignalShare
		case b.Rule == ruleCopyright && copyrightNotice(b.Text), b.Rule == ruleTipLine, b.Rule == ruleButtons && b.btnKind == "reactions":
			// what closes a news article: its copyright line, the tip line, the reactions
			share = strongSignalShare
		}
		if endSignalRules[b.Rule] && !imageCredit(blocks, i) && (seen >= share*total ||
			seen >= max(lengthHigh, strongSignalShare*total) && closedBefore(blocks, bestStart, i, bestEnd, seen, share)) ||
			commentStart(blocks, i) && (seen >= max(lengthHigh, commentSignalShare*total) ||
				seen >= lengthHigh && commentHead(b) && closedBefore(blocks, bestStart, i, bestEnd, seen, commentSignalShare)) {
			bestEnd = i
			break
		}
	}
	for i, b := range blocks {
		if i >= bestStart && i <= bestEnd {
			continue
		}
		if b.Class == ClassGood || b.Kind == BlockImage {
			b.judge(ClassBad, ruleOutside)
		}
		// metadata after the article is not the article's
		if i > bestEnd && isMetaRole(b) {
			b.Role = RoleNone
		}
	}
}

// closedBefore reports an end-of-article signal at blocks[i] that stands after the
// element holding the article's text so far has closed: the signal lies outside the
// deepest element that holds containerGoodShare of the good text before it, and the good
// text after it inside that element, or in one of its shape, is too little to outweigh it
// (the share test of region, with only that text counted after the signal). What follows
// is another part of the page, however much prose it holds: the teasers of other stories
// after a story, readers' comments. A list or a section the article makes stays inside
// its element, and counts; so does the rest of an article cut into several bodies.
func closedBefore(blocks []*Block, start, i, end int, seen, share float64) bool {
	if blocks[i].Node == nil {
		return false
	}
	box := deepestHolding(blocks[start:i], func(b *Block) float64 {
		if b.Class == ClassGood {
			return b.Weighted
		}
		return 0
	}, containerGoodShare*seen)
	if box == nil || box.DataAtom == atom.Body || box.DataAtom == atom.Html {
		return false
	}
	if within(blocks[i].Node, box) {
		return false
	}
	after := 0.0
	for j := i + 1; j <= end; j++ {
		if b := blocks[j]; b.Class == ClassGood && b.Node != nil && withinLike(b.Node, box) {
			after += b.Weighted
		}
	}
	return seen >= share*(seen+after)
}

// deepestHolding returns the deepest element that holds at least least of the blocks'
// weight (weight of each block, 0 for one that does not count), or nil.
func deepestHolding(blocks []*Block, weight func(*Block) float64, least float64) *html.Node {
	held := map[*html.Node]float64{}
	for _, b := range blocks {
		if w := weight(b); w > 0 && b.Node != nil {
			for n := b.Node; n != nil; n = n.Parent {
				held[n] += w
			}
		}
	}
	var box *html.Node
	boxDepth := -1
	for n, w := range held {
		if w < least || n.Type != html.ElementNode {
			continue
		}
		if d := nodeDepth(n); d > boxDepth {
			box, boxDepth = n, d
		}
	}
	return box
}

// withinLike reports whether n lies in box or in an element of its shape (the same tag,
// class and id): an article cut into several bodies around its inserts goes on in the
// next one.
func withinLike(n, box *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box || n.Type == html.ElementNode && n.DataAtom == box.DataAtom && n.Data == box.Data &&
			attr(n, "class") == attr(box, "class") && attr(n, "id") == attr(box, "id") {
			return true
		}
	}
	return false
}

// within reports whether n is box or lies below it.
func within(n, box *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box {
			return true
		}
	}
	return false
}

// maxSpan is the maximum-sum span of block scores (Kadane) over blocks[from:].
func maxSpan(blocks []*Block, from int, score func(*Block) float64) (best float64, start, end int) {
	best, start, end = 0, -1, -1
	sum, st := 0.0, from
	for i := from; i < len(blocks); i++ {
		if sum <= 0 {
			sum, st = 0, i
		}
		sum += score(blocks[i])
		if sum > best {
			best, start, end = sum, st, i
		}
	}
	return
}

// maxSpanFrom is the best span that starts within headGap blocks of from.
func maxSpanFrom(blocks []*Block, from int, score func(*Block) float64) (best float64, start, end int) {
	best, start, end = 0, -1, -1
	for st := from; st < len(blocks) && st <= from+headGap; st++ {
		sum := 0.0
		for i := st; i < len(blocks); i++ {
			sum += score(blocks[i])
			if sum > best {
				best, start, end = sum, st, i
			}
		}
		if start >= 0 {
			// the first start that reaches a positive span is the article's start
			break
		}
	}
	return
}

// textHead is the index of a text page's head: its first labelled Korean date line, else
// the first date line that two good sentence blocks follow at once; -1 if none.
func textHead(blocks []*Block) int {
	for i, b := range blocks {
		if b.Role == RoleDate && b.Tag == "" && qDateLineKo.MatchString(b.Text) {
			return i
		}
	}
	good := func(n *Block) bool { return n.Class == ClassGood && n.SentenceEnd && n.Weighted >= lengthHigh }
	for i, b := range blocks {
		if b.Role != RoleDate || b.Tag != "" || i+2 >= len(blocks) {
			continue
		}
		if good(blocks[i+1]) && good(blocks[i+2]) {
			return i
		}
	}
	return -1
}

// minMarkerList is the shortest run of ▲-lines that is a list in the body rather than a
// photo caption: a caption stands alone (or twice, the same), a list of news briefs does not.
const minMarkerList = 3

// markerLists turns runs of distinct ▲-lines back into body text.
func markerLists(blocks []*Block) {
	isMarker := func(b *Block) bool {
		return b.CFRule == ruleCaption && (strings.HasPrefix(b.Text, "▲") || strings.HasPrefix(b.Text, "△"))
	}
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && isMarker(blocks[j]) {
			j++
		}
		if j-i >= minMarkerList && blocks[i].Text != blocks[i+1].Text {
			for k := i; k < j; k++ {
				b := blocks[k]
				b.place(RoleNone, ClassGood, ruleMarkerList)
			}
		}
		i = max(j, i+1)
	}
}

// hintKeepShare is the least share of the good text that class hints must leave; below it
// (and not one paragraph outside them) the hints are wrong about this page (a page-wide
// class names a menu) and are reverted,
// as trafilatura reverts its pruning when at most 1/7 of the text would remain.
const hintKeepShare = 1.0 / 7

func revertHints(blocks []*Block, force bool) {
	kept, hinted := 0.0, 0.0
	for _, b := range blocks {
		switch {
		case b.CF == ClassGood || b.CF == ClassNearGood:
			kept += b.Weighted
		case b.CFRule == ruleClassHint && b.hintQ == ClassGood && !consentHinted(b):
			hinted += b.Weighted
		}
	}
	if hinted == 0 || !force && (kept >= lengthLow || kept > hintKeepShare*(kept+hinted)) {
		return
	}
	for _, b := range blocks {
		if b.CFRule == ruleClassHint && !consentHinted(b) {
			b.CF, b.CFRule = b.hintQ, b.hintQRule
			b.judge(b.CF, b.CFRule)
		}
	}
}

// consentHinted reports a block that a cookie or consent container holds: the prose of a
// consent dialog is never the page's text, however little else the page has.
func consentHinted(b *Block) bool { return b.scan().nearestHint(b.Hints) == hintConsent }

// articleOf returns the nearest <article> element holding n, or nil.
func articleOf(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			return n
		}
	}
	return nil
}

// hostOf is the lower-case host of a URL, without "www.", or "".
func hostOf(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// Container thresholds: the element that holds the article is the deepest one holding
// containerGoodShare of the good text, where good text is at least containerDensity of
// all its text.
const (
	containerGoodShare = 0.8
	containerDensity   = 0.5
	// containerMainDensity is the least share of good text in a <main> landmark for it to
	// hold the body of a page that gives no publication time (a service, product or
	// documentation page): the page's author declared it the main content, as a class
	// naming an article body does, but it holds cards, figures and buttons between its
	// paragraphs, and its prose comes in short sections that no one span joins. On a
	// story's page the landmark holds the teasers and lists around the story too.
	containerMainDensity = 0.2
	// containerMaxLinkDensity: a block inside the container with more link text than
	// this is a link list even there.
	containerMaxLinkDensity = 0.5
)

// containerFill keeps what the element holding the article holds: short lines, list
// items and tables that the quality pass could not judge alone (recipes, fact boxes,
// Q&A) are body when they sit among the body paragraphs. Blocks a boilerplate rule
// matched stay dropped. HTML only: it needs the elements.
func containerFill(blocks []*Block, mainDensity float64) {
	// the weight of the blocks each element owns; an element's whole weight is that of
	// its subtree, summed in one walk of the tree (weights are multiples of 1/2, so
	// their sums are exact in any order)
	ownAll := map[*html.Node]float64{}
	ownGood := map[*html.Node]float64{}
	total := 0.0
	var some *html.Node
	for _, b := range blocks {
		if b.Node == nil {
			continue
		}
		isGood := b.Class == ClassGood && !isMetaRole(b)
		if isGood {
			total += b.Weighted
			ownGood[b.Node] += b.Weighted
		}
		if b.Kind == BlockTable && !isGood && (b.CFRule == ruleLowQuality || b.CFRule == ruleShort) {
			// a data table (a training plan, a timetable) that no rule names is long
			// but no prose: it does not dilute the element that holds it
			ownAll[b.Node] += 0
		} else {
			ownAll[b.Node] += b.Weighted
		}
		some = b.Node
	}
	if total < lengthHigh {
		return
	}
	box, ok := containerBoxShare(some, ownAll, ownGood, total, containerGoodShare, mainDensity)
	if !ok {
		box = containerBoxByAncestors(blocks, total)
	}
	if box == nil {
		return
	}
	// the block-owning elements inside the box, found by one walk of its subtree (asking
	// each block's ancestors would cost the page's depth a block)
	var inBox map[*html.Node]bool
	var fill []int
	for i, b := range blocks {
		if b.Class == ClassGood || b.Node == nil || isMetaRole(b) || b.pinned || b.Kind == BlockImage {
			continue
		}
		switch b.CFRule {
		case ruleShort, ruleNearProse, ruleLowQuality, ruleProse, ruleCode, ruleHintedProse:
			// (hinted-prose: prose whose element's boilerplate hint its prose outweighed)
		default:
			continue
		}
		if b.Rule == ruleRelatedList || b.Rule == ruleTickerRun || b.LinkDensity > containerMaxLinkDensity {
			continue
		}
		if inBox == nil {
			inBox = ownedBelowNoForms(box, ownAll)
		}
		if inBox[b.Node] {
			fill = append(fill, i)
		}
	}
	thread := commentThreads(blocks, fill)
	for _, i := range fill {
		b := blocks[i]
		if thread.out(b) {
			continue
		}
		if loneCard(blocks, i) {
			b.judge(b.Class, ruleCardList)
			continue
		}
		b.judge(ClassGood, ruleInContainer)
	}
}

// endAtCommentPolicy ends the article at the first block the comment-policy rule dropped
// after lengthHigh and endSignalShare of the good text: the rules of a comment section head that section, and
// what follows them (their other lines, the form, the comments) is no body, whichever
// pass took it in.
func endAtCommentPolicy(blocks []*Block) {
	total, seen := 0.0, 0.0
	for _, b := range blocks {
		if b.Class == ClassGood {
			total += b.Weighted
		}
	}
	for i, b := range blocks {
		if b.CFRule == ruleCommentPolicy && seen >= max(lengthHigh, endSignalShare*total) {
			for _, a := range blocks[i+1:] {
				if a.Class == ClassGood || a.Kind == BlockImage {
					a.judge(ClassBad, ruleOutside)
				}
			}
			return
		}
		if b.Class == ClassGood {
			seen += b.Weighted
		}
	}
}

// loneCard reports a teaser of a card for another article that a page sets inside the
// article's element, as "Next story" and "Previous story" links at the article's foot do:
// blocks[i] has a linked headline right before it (images passed over) and a date or
// author line right after it, or a linked headline and then a date or author line before
// it. An article's own short lines do not stand between a linked headline and a date.
// cardLists drops such teasers when three cards or more stand in a row; a card or two
// alone it leaves to this test, which keeps them out of the container's rescue only.
func loneCard(blocks []*Block, i int) bool {
	isTitle := func(b *Block) bool {
		return b != nil && b.Kind != BlockImage && b.Runes >= cardTitleMinRunes && b.LinkDensity >= cardTitleLinkDensity && !isMetaRole(b)
	}
	// the region pass takes the role off metadata after the article; the rule stays
	dated := func(b *Block) bool {
		return b != nil && (b.Role == RoleDate || b.Role == RoleByline || b.CFRule == ruleDateLine || b.CFRule == ruleByline)
	}
	// the nearest blocks that are not images, at most cardMaxGap steps away
	step := func(j, d int) (int, *Block) {
		for k := 0; k <= cardMaxGap; k++ {
			j += d
			if j < 0 || j >= len(blocks) {
				return j, nil
			}
			if blocks[j].Kind != BlockImage {
				return j, blocks[j]
			}
		}
		return j, nil
	}
	p, prev := step(i, -1)
	_, next := step(i, 1)
	if isTitle(prev) && dated(next) {
		return true
	}
	if dated(prev) {
		_, before := step(p, -1)
		return isTitle(before)
	}
	return false
}

// paragraphSiblings keeps the paragraphs that stand beside the article's own: the <p>
// children of the element whose <p> children hold containerGoodShare of the good text.
// An article's short lines, lists written as lines ("Region: town, town") and sentences
// with inline links (place or topic names linked to their pages) are <p> elements there
// that the quality pass could not judge alone or took for link lists; the element holding
// them can hold too much of such text for containerFill's density test when the article
// is one long paragraph and a list. Menus and teaser lists are not paragraphs of the
// article's element. Blocks a boilerplate rule matched, blocks that are almost all link
// text and those the region pass put outside the article stay dropped.
func paragraphSiblings(blocks []*Block) {
	total := 0.0
	var parentGood map[*html.Node]float64
	for _, b := range blocks {
		if b.Class != ClassGood || isMetaRole(b) || b.Node == nil {
			continue
		}
		total += b.Weighted
		if b.Node.DataAtom != atom.P || b.Node.Parent == nil {
			continue
		}
		if parentGood == nil {
			parentGood = map[*html.Node]float64{}
		}
		parentGood[b.Node.Parent] += b.Weighted
	}
	if total < lengthHigh {
		return
	}
	var box *html.Node
	for n, g := range parentGood {
		if g >= containerGoodShare*total {
			box = n // (at most one element holds more than half of the good text)
		}
	}
	if box == nil {
		return
	}
	for _, b := range blocks {
		if b.Class == ClassGood || b.Node == nil || b.Node.Parent != box || b.Node.DataAtom != atom.P ||
			isMetaRole(b) || b.pinned || b.Rule == ruleOutside {
			continue
		}
		switch b.CFRule {
		case ruleShort, ruleNearProse, ruleLowQuality, ruleProse, ruleLinkList:
		default:
			continue
		}
		// a link list's line is kept only when its links are several names among
		// unlinked words; one link over most of the line is a link to another page
		// ("Read more: …", a headline)
		if b.LinkDensity > proseMaxLinkDensity || b.CFRule == ruleLinkList && b.Links < 2 {
			continue
		}
		b.judge(ClassGood, ruleParagraphSibling)
	}
}

// Data-table thresholds: the most link text a table of data may hold, the most blocks
// between it and the body paragraph it follows, and the longest label that may stand
// between (a heading cell such as "Bowling" or "Fall of wickets").
const (
	dataTableMaxLinks     = 0.1
	dataTableMaxGap       = 3
	dataTableLabelMaxRune = 40
)

// dataTables keeps a table of data that follows the article's text: a scoreboard under a
// match report, a poll's crosstabs between the paragraphs that introduce and explain
// them. The quality pass reads its cells as no prose and the container pass cannot take
// it in when the tree builder set a table of broken markup outside the article's
// element; a table without links that comes right after a body paragraph (or after
// another such table), with at most a few short unlinked labels between, is the
// article's. A table that a named rule dropped (a ticker, a related list) stays out.
func dataTables(blocks []*Block) {
	dataTable := func(b *Block) bool {
		if b.Kind != BlockTable || b.Class == ClassGood || b.pinned || isMetaRole(b) || b.LinkDensity > dataTableMaxLinks {
			return false
		}
		switch b.CFRule {
		case ruleLowQuality, ruleShort, ruleNearProse:
		default:
			return false
		}
		return b.Rule == b.CFRule || b.Rule == ruleContext
	}
	// a label the table's own heading may be: a short unlinked line no rule named, or an
	// unlinked cell of the table's markup (a row of figures the ticker rule took)
	label := func(b *Block) bool {
		if b.Class == ClassGood || b.Links > 0 || isMetaRole(b) {
			return false
		}
		if b.Runes <= dataTableLabelMaxRune && (b.Rule == ruleContext || b.Rule == ruleShort) {
			return true
		}
		return b.Runes <= 2*dataTableLabelMaxRune && b.Node != nil && (b.Node.DataAtom == atom.Td || b.Node.DataAtom == atom.Th) &&
			(b.Rule == ruleContext || b.Rule == ruleShort || b.Rule == ruleTicker)
	}
	for i, b := range blocks {
		if !dataTable(b) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-1-dataTableMaxGap; j-- {
			a := blocks[j]
			if a.Class == ClassGood && !isMetaRole(a) && a.Kind != BlockImage {
				b.judge(ClassGood, ruleDataTable)
				// the labels between head the table: they go with it, unless a rule named them
				for _, l := range blocks[j+1 : i] {
					if l.Kind != BlockImage && (l.Rule == ruleContext || l.Rule == ruleShort) {
						l.judge(ClassGood, ruleDataTable)
					}
				}
				break
			}
			if a.Kind != BlockImage && !label(a) {
				break
			}
		}
	}
}

// List-mate thresholds: the fewest body items a list must hold for its linked items to
// be the article's too, and the least share of its items they must make.
const (
	listMateMinItems = 2
	listMateShare    = 0.3
)

// listMates keeps the items of a list that the link-list rule dropped when enough of the
// list's other items are the article's prose: an article's list of changes, steps or
// news links its items to their sources ("Bug 1234 fixed", "Here's our year in review!")
// among items written out. A list of other articles links every item, and has no such
// prose mates.
func listMates(blocks []*Block) {
	type tally struct{ good, linked int }
	var lists map[*html.Node]*tally
	item := func(b *Block) *html.Node {
		if b.Kind != BlockItem || b.Node == nil || b.Node.DataAtom != atom.Li || b.Node.Parent == nil || isMetaRole(b) {
			return nil
		}
		return b.Node.Parent
	}
	linked := func(b *Block) bool {
		// (an item the section-links pass left to its neighbours, and they dropped, is
		// still a linked item)
		return b.Class != ClassGood && b.CFRule == ruleLinkList && !b.pinned &&
			(b.Rule == ruleLinkList || b.Rule == ruleSectionLinks || b.Rule == ruleContext)
	}
	for _, b := range blocks {
		l := item(b)
		if l == nil {
			continue
		}
		good := b.Class == ClassGood && (b.CF == ClassGood || b.CF == ClassNearGood) && b.LinkDensity <= maxLinkDensity
		if !good && !linked(b) {
			continue
		}
		if lists == nil {
			lists = map[*html.Node]*tally{}
		}
		t := lists[l]
		if t == nil {
			t = &tally{}
			lists[l] = t
		}
		if good {
			t.good++
		} else {
			t.linked++
		}
	}
	if lists == nil {
		return
	}
	for _, b := range blocks {
		l := item(b)
		if l == nil || !linked(b) {
			continue
		}
		if t := lists[l]; t.good >= listMateMinItems && float64(t.good) >= listMateShare*float64(t.good+t.linked) {
			b.judge(ClassGood, ruleListMate)
		}
	}
}

// containerBox finds the element that holds the article: the deepest one holding
// containerGoodShare of the good text, where good text is at least containerDensity of
// all its text (or the element declares a body). It walks the tree once, from the root of
// some; ok is false when some blocks' elements lie outside that tree.
func containerBox(some *html.Node, ownAll, ownGood map[*html.Node]float64, total float64) (box *html.Node, ok bool) {
	return containerBoxShare(some, ownAll, ownGood, total, containerGoodShare, containerDensity)
}

// containerBoxShare is containerBox with the share of the good text the element must hold,
// and the density a <main> landmark must have (the page's author declared it the main
// content, as a class naming an article body does, but it holds the page's cards and
// buttons as well as its prose).
func containerBoxShare(some *html.Node, ownAll, ownGood map[*html.Node]float64, total, share, mainDensity float64) (box *html.Node, ok bool) {
	root := some
	for root.Parent != nil {
		root = root.Parent
	}
	type frame struct {
		n, next   *html.Node
		all, good float64
	}
	// blocks are owned by elements: then the other nodes need no lookup
	elementsOnly := true
	for n := range ownAll {
		elementsOnly = elementsOnly && n.Type == html.ElementNode
	}
	reached := 0
	push := func(stack []frame, n *html.Node) []frame {
		f := frame{n: n, next: n.FirstChild}
		if n.Type == html.ElementNode || !elementsOnly {
			var isBlock bool
			if f.all, isBlock = ownAll[n]; isBlock {
				reached++
				f.good = ownGood[n] // (a node with good text is one with text)
			}
		}
		return append(stack, f)
	}
	stack := push(nil, root)
	boxDepth := -1
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if c := top.next; c != nil {
			top.next = c.NextSibling
			stack = push(stack, c)
			continue
		}
		f := *top
		depth := len(stack) // as nodeDepth counts: the root is 1
		stack = stack[:len(stack)-1]
		if len(stack) > 0 {
			p := &stack[len(stack)-1]
			p.all += f.all
			p.good += f.good
		}
		g := f.good
		if g <= 0 || g < share*total || g < containerDensity*f.all && !declaredBody(f.n) && !(g >= mainDensity*f.all && mainLandmark(f.n)) {
			continue
		}
		if depth > boxDepth {
			box, boxDepth = f.n, depth
		}
	}
	return box, reached == len(ownAll)
}

// containerBoxByAncestors is containerBox for blocks whose elements do not all share one
// tree: each block adds its weight to all its ancestors.
func containerBoxByAncestors(blocks []*Block, total float64) *html.Node {
	good := map[*html.Node]float64{}
	all := map[*html.Node]float64{}
	for _, b := range blocks {
		if b.Node == nil {
			continue
		}
		isGood := b.Class == ClassGood && !isMetaRole(b)
		for n := b.Node; n != nil; n = n.Parent {
			all[n] += b.Weighted
			if isGood {
				good[n] += b.Weighted
			}
		}
	}
	var box *html.Node
	boxDepth := -1
	for n, g := range good {
		if g < containerGoodShare*total || g < containerDensity*all[n] && !declaredBody(n) {
			continue
		}
		if d := nodeDepth(n); d > boxDepth {
			box, boxDepth = n, d
		}
	}
	return box
}

// declaredBody reports an element whose class, id or itemprop names an article body
// (article-body, entry-content, articleBody …): its text is the article even where
// the quality pass could not tell.
func declaredBody(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "itemprop" {
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			if bodyContainerToken(strings.ToLower(tok)) {
				return true
			}
		}
	}
	return false
}

// mainLandmark reports the element a page declares its main content: <main>, or an element
// with role="main".
func mainLandmark(n *html.Node) bool {
	if n.DataAtom == atom.Main {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "role" && strings.EqualFold(strings.TrimSpace(a.Val), "main") {
			return true
		}
	}
	return false
}

func nodeDepth(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// ownedBelow returns the elements of box's subtree (box included) that own blocks.
func ownedBelow(box *html.Node, own map[*html.Node]float64) map[*html.Node]bool {
	return ownedBelowSkip(box, own, false)
}

// ownedBelowSkip is ownedBelow, without the forms inside box when noForms is set.
func ownedBelowSkip(box *html.Node, own map[*html.Node]float64, noForms bool) map[*html.Node]bool {
	in := map[*html.Node]bool{}
	stack := []*html.Node{box}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if noForms && n != box && n.Type == html.ElementNode && n.DataAtom == atom.Form {
			continue
		}
		if _, ok := own[n]; ok {
			in[n] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return in
}

// ownedBelowNoForms is ownedBelow without the forms inside box: a reply form, a sign-up
// or a search form below the article holds labels and notes, not the article (a page
// that wraps itself in one form has the box inside it, and is read as a whole).
func ownedBelowNoForms(box *html.Node, own map[*html.Node]float64) map[*html.Node]bool {
	return ownedBelowSkip(box, own, true)
}

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

// refNumber returns the number a block of a list of references opens with ("[12] …",
// "12. …"), when the block reads as a citation: a year, and authors or parts set off by
// two commas or more; 0 when it does not.
func refNumber(b *Block) int {
	if b.Node == nil || b.Kind != BlockPara && b.Kind != BlockItem || strings.Count(b.Text, ",") < 2 {
		return 0
	}
	m := reRefNumber.FindStringSubmatch(b.Text)
	if m == nil || !reRefYear.MatchString(b.Text) {
		return 0
	}
	d := m[1] + m[2]
	n, _ := strconv.Atoi(d)
	return n
}

// referenceLists keeps the entries of a list of references that closes a paper or a
// report: three or more citations in a row, numbered upwards ([1], [2] … or 1., 2. …),
// each with its year and its authors set off by commas, right after the body (its
// "References" heading, or an entry the quality pass kept). Each entry links to its
// source, so the link-list rule drops it, and the last ones fall past the region's end;
// but a reader of the paper reads them as its text. A list of other stories has no
// authors and years in every line, nor numbers counting up from the body's last block.
func referenceLists(blocks []*Block) {
	for i := 0; i < len(blocks); {
		if refNumber(blocks[i]) == 0 {
			i++
			continue
		}
		j, last, items := i, 0, 0
		for j < len(blocks) {
			if blocks[j].Kind == BlockImage {
				j++
				continue
			}
			n := refNumber(blocks[j])
			if n == 0 || n <= last {
				break
			}
			last, items = n, items+1
			j++
		}
		p := nearestJudged(blocks, i, -1)
		if p != nil && p.Class == ClassGood && items >= referenceListMinItems {
			for _, b := range blocks[i:j] {
				if b.Class != ClassBad || b.pinned || isMetaRole(b) || b.Kind == BlockImage {
					continue
				}
				switch b.CFRule {
				case ruleLinkList, ruleShort, ruleNearProse, ruleLowQuality:
					b.judge(ClassGood, ruleReferenceList)
				}
			}
		}
		i = j
	}
}
