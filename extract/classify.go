package extract

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
		proseFallback(blocks)    // a page that has prose yields a body
		postFallback(doc)        // a short post under its declared headline is its body
		productFallback(doc)     // a declared product's buy box under its name
		productListFallback(doc) // a shop's product grid held as the platform's data
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
