package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

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
