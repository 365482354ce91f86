package extract

import (
	"regexp"
	"strings"
)

// Favor selects the balance between precision and recall (Options.Favor): balanced, the
// default, or one of the two sides.
type Favor string

// The balances Options.Favor takes.
const (
	FavorBalanced  Favor = ""
	FavorPrecision Favor = "precision"
	FavorRecall    Favor = "recall"
)

// The favor pass (Options.Favor) moves the balance between precision and recall once the
// balanced verdicts are in: "precision" drops the body blocks the balanced pass kept on
// doubtful grounds, "recall" takes back dropped blocks that stand in or at the body. The
// balanced path does not enter it. Every block it changes carries one of these rule names.
const (
	// ruleFavor… below name the blocks the pass changes.

	// ruleFavorCaption: precision drops a photo's caption, and a short line a context rule
	// kept right beside an image (the image's caption set as a paragraph).
	ruleFavorCaption RuleName = "favor-caption"
	// ruleFavorContainer: precision drops a body block outside the article's element when
	// most of the body is inside it (a lead or a pull quote set outside the body element).
	ruleFavorContainer RuleName = "favor-container"
	// ruleFavorTail: precision drops the body's tail after the last named boilerplate
	// between body blocks, when the tail is a small share of the body (an appeal to
	// readers, a staff list, a note about the publisher after a newsletter box).
	ruleFavorTail RuleName = "favor-tail"
	// ruleFavorEdge: precision drops short lines that are not sentences, and agency
	// reporting credits, at the start and the end of the body.
	ruleFavorEdge RuleName = "favor-edge"
	// ruleFavorAbove: precision drops the body blocks above the headline's copy in the
	// page (a claim box, a kicker paragraph set above the article's own headline).
	ruleFavorAbove RuleName = "favor-above"
	// ruleFavorAbout: precision drops the note about a company or publisher that closes a
	// press release ("Example Corp is a global provider of …", "About Example Corp"): the
	// last body paragraphs whose subject is a name the headline or the site holds.
	ruleFavorAbout RuleName = "favor-about"
	// ruleFavorLegal: precision drops the legal small print a body holds (a copyright
	// line, "All rights reserved", "By signing up you agree to our Terms of Use and Privacy
	// Policy").
	ruleFavorLegal RuleName = "favor-legal"
	// ruleFavorBio: precision drops a note on a person that closes the body (an author box:
	// "Jane Roe is a staff writer covering …", "Hi, I'm Jane, and I write …").
	ruleFavorBio RuleName = "favor-bio"
	// ruleFavorAppeal: precision drops the appeal to readers for money that closes the
	// body ("We do this work at no cost to you …", "Support Example News so we …").
	ruleFavorAppeal RuleName = "favor-appeal"
	// ruleFavorOutside: precision drops a body block outside the element that holds
	// nearly all of the body (a blurb or a box from another column of the page).
	ruleFavorOutside RuleName = "favor-outside"
	// ruleFavorInside: recall keeps a dropped block that stands between two body blocks.
	ruleFavorInside RuleName = "favor-inside"
	// ruleFavorBeside: recall keeps a dropped block of the article's element right before
	// or after the body.
	ruleFavorBeside RuleName = "favor-beside"
)

// favorRules are the favor pass's verdicts, for `artclean rules`.
var favorRules = []Rule{
	{Name: ruleFavorCaption, Kind: "favor", Desc: "--favor precision: a photo's caption, or a short line kept by its context right beside an image"},
	{Name: ruleFavorContainer, Kind: "favor", Desc: "--favor precision: a body block outside the element that holds most of the body"},
	{Name: ruleFavorTail, Kind: "favor", Desc: "--favor precision: the body's last fifth or less, after named boilerplate between body blocks"},
	{Name: ruleFavorEdge, Kind: "favor", Desc: "--favor precision: a short line that is no sentence (kept by its context), a heading or a reporting credit at the start or end of the body"},
	{Name: ruleFavorAbove, Kind: "favor", Desc: "--favor precision: a body block above the copy of the headline that the page shows at the article's top"},
	{Name: ruleFavorAbout, Kind: "favor", Desc: "--favor precision: the closing note about a company the headline names (Example Corp is a …, About Example Corp)"},
	{Name: ruleFavorLegal, Kind: "favor", Desc: "--favor precision: legal small print in the body (a copyright line, All rights reserved, By signing up you agree to our Terms …)"},
	{Name: ruleFavorBio, Kind: "favor", Desc: "--favor precision: a note on a person that closes the body (Jane Roe is a staff writer covering …, Hi, I'm Jane, The author is a professor …, Jane Roe ist Korrespondentin …, Sobre o autor: …), its name not a stop word"},
	{Name: ruleFavorAppeal, Kind: "favor", Desc: "--favor precision: the appeal to readers for money among the body's last paragraphs (at no cost to you, support our journalism, become a member), to the end"},
	{Name: ruleFavorOutside, Kind: "favor", Desc: "--favor precision: a body block outside the deepest element that holds nearly all of the body's text"},
	{Name: ruleFavorInside, Kind: "favor", Desc: "--favor recall: a dropped block (not a duplicate, nor a label, button row, single related link or photo credit) between two body blocks"},
	{Name: ruleFavorBeside, Kind: "favor", Desc: "--favor recall: a dropped block (as for favor-inside) inside the article's element among the few right before or after the body"},
}

// init lists the favor pass's verdicts among the pass rules (`artclean rules`).
func init() { passRules = append(passRules, favorRules...) }

const (
	// favorTailShare is the largest share of the body's weight that precision drops as a
	// tail after boilerplate: an article's own sections after an ad line are longer.
	favorTailShare = 0.2
	// favorContainerShare is the share of the body's weight that must stand inside article
	// containers for precision to drop the body blocks outside them.
	favorContainerShare = 0.5
	// favorCaptionMaxRunes is the longest line beside an image that precision takes for
	// its caption.
	favorCaptionMaxRunes = 100
	// favorEdgeMaxRunes is the longest line without a sentence end that precision drops at
	// the body's edges (a label, a name, "Like this:"); favorEdgeHeadingRunes the longest
	// heading.
	favorEdgeMaxRunes     = 80
	favorEdgeHeadingRunes = 150
	// favorCoreShare is the share of the body's weight that the deepest element must hold
	// for precision to drop the body blocks outside it.
	favorCoreShare = 0.85
	// favorCoreBlockCap caps one block's weight in that share: one long block (a log
	// pasted in a forum post) does not make its post the page's core.
	favorCoreBlockCap = 400.0
	// favorBesideReach is how many dropped text blocks on each side of the body recall
	// looks at: a caption, a credit, a tweet's attribution stand next to the body.
	favorBesideReach = 5
)

// reReportingCredit: an agency's reporting credit that closes an article ("Reporting by
// …", "(Editing by …)", "Jane Roe contributed reporting.").
var reReportingCredit = regexp.MustCompile(`(?i)^\(?\s*(?:(?:additional )?reporting by|editing by|writing by|compiled by)|\bcontributed(?: reporting)?(?: to this (?:report|story))?(?: from [^.]{1,60})?\W*$`)

// favor applies Options.Favor to the assembled verdicts; first is the first body block.
// It returns the first body block after the change. Balanced returns at once.
func favor(blocks []*Block, first int, mode Favor, title string) int {
	if first < 0 || mode != FavorPrecision && mode != FavorRecall {
		return first
	}
	if mode == FavorPrecision {
		// a listing's items are the page's body, each a short line or heading beside
		// its image: the edge, caption and container rules would eat the list
		first = aboveHeadline(blocks, first, title)
		if !listingOfItems(blocks, first) {
			favorPrecision(blocks, first)
		}
		aboutNotes(blocks, first, title)
		smallPrint(blocks, first)
		readerAppeal(blocks, first)
		closingBio(blocks, first)
		return first
	}
	return favorRecall(blocks, first)
}

func favorDrop(b *Block, rule RuleName) {
	b.recast(RoleNone, ClassBad, rule)
}

// favorBody reports a block that the body's text holds.
func favorBody(b *Block) bool { return b.Role == RoleBody && b.Kind != BlockImage }

// rescued reports a block kept by its neighbours or its element, not by its own text.
func rescued(b *Block) bool {
	switch b.Rule {
	case ruleContext, ruleInContainer, ruleParagraphSibling, ruleDataList, ruleBrLine:
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
			favorDrop(b, ruleFavorCaption)
			continue
		}
		// a heading beside an image opens a section (an image above each of a page's
		// sections); it is no caption
		if !favorBody(b) || b.Kind == BlockHeading || b.SentenceEnd || b.Runes > favorCaptionMaxRunes || !rescued(b) {
			continue
		}
		if i > 0 && blocks[i-1].Kind == BlockImage || i+1 < len(blocks) && blocks[i+1].Kind == BlockImage {
			favorDrop(b, ruleFavorCaption)
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
	if in > 0 && in >= favorContainerShare*total {
		for _, b := range blocks[first:] {
			if favorBody(b) && !b.InArticle && !b.pinned {
				favorDrop(b, ruleFavorContainer)
				total -= b.Weighted
			}
		}
	} else {
		total -= outsideCore(blocks, first, total)
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
		if after < favorTailShare*total {
			for _, n := range blocks[i+1:] {
				if favorBody(n) && !n.pinned {
					favorDrop(n, ruleFavorTail)
				}
			}
		}
		break
	}
	// the edges
	edge := func(b *Block) bool {
		if b.Kind == BlockHeading && b.Runes <= favorEdgeHeadingRunes {
			return true
		}
		if !b.SentenceEnd && b.Runes < favorEdgeMaxRunes && (rescued(b) || b.CF == ClassShort || b.CFRule == ruleLowQuality) {
			return true
		}
		return reReportingCredit.MatchString(b.Text) || b.Runes <= favorEdgeHeadingRunes && reDatedByline.MatchString(b.Text)
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
			favorDrop(b, ruleFavorEdge)
		}
	}
}

// outsideCore drops the body blocks outside the deepest element that holds at least
// favorCoreShare of the body's weight (total), and returns the weight it dropped.
func outsideCore(blocks []*Block, first int, total float64) float64 {
	if total == 0 {
		return 0
	}
	weight := func(b *Block) float64 {
		if !favorBody(b) || b.Node == nil {
			return 0
		}
		return min(b.Weighted, favorCoreBlockCap)
	}
	sum := 0.0
	for _, b := range blocks[first:] {
		sum += weight(b)
	}
	core := deepestHolding(blocks[first:], weight, favorCoreShare*sum)
	if core == nil {
		return 0
	}
	dropped := 0.0
	for _, b := range blocks[first:] {
		if !favorBody(b) || b.pinned || b.Node == nil || within(b.Node, core) {
			continue
		}
		favorDrop(b, ruleFavorOutside)
		dropped += b.Weighted
	}
	return dropped
}

// reDatedByline: a byline with the date of the piece ("By Jane Roe and John Doe on
// Monday, May 4th, 2031 at 9:15 a.m."), set as a paragraph.
var reDatedByline = regexp.MustCompile(`^(?:By|BY|by) \p{Lu}[^.!?]*?\b(?:19|20)\d\d\b`)

// favorBreak reports a dropped block that is named boilerplate, not metadata of the
// article set apart (a date line, a byline, a caption or credit) nor text the quality pass
// found merely short or not prose.
func favorBreak(b *Block) bool {
	switch b.CFRule {
	case ruleLowQuality, ruleShort, ruleCode, ruleDateLine, ruleByline, ruleCaption, rulePhotoCredit, ruleCreditLabel:
		return false
	}
	return b.Rule != ruleDuplicate
}

// reAboutNote: the start of a note about a company: "About Name", or "Name is a (global
// provider …)", "Name is headquartered in …", "Name, a leading …"; the name is group 1 or 2.
var reAboutNote = regexp.MustCompile(`^(?:About (\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,3})\s*$|(\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,3})(?: \([^)]*\))?(?: is (?:a|an|the|headquartered|based)|, (?:a|an|the) )\b)`)

// aboutNoteReach is how many body blocks from the end a company note may start.
const aboutNoteReach = 4

// aboutNotes drops the closing note about a company the headline names: from the first of
// the last aboutNoteReach body blocks that opens such a note, to the end.
func aboutNotes(blocks []*Block, first int, title string) {
	if title == "" {
		return
	}
	body := favorBodyIndexes(blocks, first)
	if len(body) <= aboutNoteReach {
		return
	}
	for _, i := range body[len(body)-aboutNoteReach:] {
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
				favorDrop(blocks[j], ruleFavorAbout)
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
	keep := func(b *Block, rule RuleName) {
		b.recast(RoleBody, ClassGood, rule)
	}
	candidate := func(b *Block) bool {
		return b.Role == RoleNone && !b.pinned && b.Kind != BlockImage && b.Rule != ruleDuplicate && b.Text != "" && !furnitureLabel(b)
	}
	for i := lo + 1; i < hi; i++ {
		if b := blocks[i]; candidate(b) || b.Role == RoleCaption && !b.pinned {
			keep(b, ruleFavorInside)
		}
	}
	for _, step := range []int{-1, 1} {
		i := lo
		if step > 0 {
			i = hi
		}
		for seen, j := 0, i+step; seen < favorBesideReach && j >= 0 && j < len(blocks); j += step {
			b := blocks[j]
			if !candidate(b) {
				continue
			}
			seen++
			if b.InArticle {
				keep(b, ruleFavorBeside)
				if j < first {
					first = j
				}
			}
		}
	}
	return first
}

// listingOfItems reports a body made of a listing's items (ruleListingItem).
func listingOfItems(blocks []*Block, first int) bool {
	for _, b := range blocks[first:] {
		if favorBody(b) && b.Rule == ruleListingItem {
			return true
		}
	}
	return false
}

// furnitureLabel reports a dropped block that is never lost text: a navigation or paging
// label (Advertisement, Continue reading below, close), a row of buttons, a single link to
// another article, a photo credit. Taken back between two paragraphs it would only cut
// the sentence run of the text around it.
func furnitureLabel(b *Block) bool {
	switch b.CFRule {
	case ruleUiLabel, ruleButtons, ruleRelatedLink, rulePhotoCredit:
		return true
	}
	return false
}

// reSmallPrint: legal small print: a copyright line, "All rights reserved", a sign-up
// form's consent ("By clicking Subscribe, you agree …"), a line naming both the terms
// of use and the privacy policy.
var reSmallPrint = regexp.MustCompile(`(?i)^(?:©|\(c\) \d|copyright\b)|\ball rights reserved\b|^by (?:clicking|signing up|subscribing|submitting|continuing|registering|creating an account)\b|\bterms (?:of (?:use|service)|and conditions)\b.*\bprivacy\b`)

// smallPrint drops the body blocks that are legal small print.
func smallPrint(blocks []*Block, first int) {
	for _, b := range blocks[first:] {
		if favorBody(b) && !b.pinned && reSmallPrint.MatchString(b.Text) {
			favorDrop(b, ruleFavorLegal)
		}
	}
}

// reBioNote: a note on a person: "Hi, I'm …", "About the author" (or its German, French,
// Spanish, Portuguese, Italian wording), "The author is …" ("Der Autor ist …", "L'auteur
// est …" …), or a name of one to four capitalised words (a credential after a comma) then
// a verb of the note ("is", "has been", "joined", "writes", "covers"; of two to four words,
// "ist", "est", "es", "é", "è" …); reBioTrade: a word of the writer's trade or career in it.
var (
	reBioNote = regexp.MustCompile(`^(?:(?:Hi|Hello),? I['’]m |About the author\b|(?:Über den Autor|Zum Autor|Über die Autorin|À propos de l['’]auteur|Sobre o autor|Sobre el autor|Sobre la autora|L['’]autore)\b)|` +
		`^(?:(?:The|This) (?:author|writer) (?:is|was|has been|writes)|(?:Der|Die) Autor(?:in)? (?:ist|war|schreibt|arbeitet)|L['’](?:auteur|autrice) (?:est|était|écrit)|(?:El|La|O|A) autora? (?:es|fue|é|foi|escribe|escreve)|L['’]autore (?:è|era|scrive))\b|` +
		`^(\p{Lu}[\p{L}'’.-]+)(?: \p{Lu}[\p{L}'’.-]+){0,3}(?:, [A-Z]{2,5})?,? (?:is|was|has been|joined|writes|covers|lives)\b|` +
		`^(\p{Lu}[\p{L}'’.-]+)(?: \p{Lu}[\p{L}'’.-]+){1,3},? (?:ist|war|schreibt|arbeitet|est|était|écrit|es|fue|é|foi|è|era|scrive)\b`)
	reBioTrade = regexp.MustCompile(`(?i)\b(?:journalist|writer|editor|reporter|author|correspondent|contributor|columnist|analyst|freelance|blogger|manager|executive|director|specialist|expert|consultant|founder|marketer|strategist|photographer|professor|lecturer|researcher|covering|covers|writes|written|writing|experience|` +
		`journalistin|korrespondent|korrespondentin|redakteur|redakteurin|autorin|journaliste|rédacteur|rédactrice|correspondant|correspondante|chroniqueur|periodista|jornalista|giornalista|corresponsal|redactor|professeur|profesor|profesora|professora|docente)\b`)
)

// bioMaxRunes is the longest note on a person that precision takes for an author box.
const bioMaxRunes = 700

// bioNote reports whether text starts like a note on a person (reBioNote), its name not
// an article or other stop word ("Die Fähre ist …", "The Council is …").
func bioNote(text string) bool {
	m := reBioNote.FindStringSubmatchIndex(text)
	if m == nil {
		return false
	}
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 && isStopWord(strings.ToLower(text[m[g]:m[g+1]])) {
			return false
		}
	}
	return true
}

// closingBio drops the body's last block when it is a note on a person.
func closingBio(blocks []*Block, first int) {
	for i := len(blocks) - 1; i >= first; i-- {
		b := blocks[i]
		if !favorBody(b) {
			continue
		}
		if !b.pinned && b.Runes <= bioMaxRunes && bioNote(b.Text) && reBioTrade.MatchString(b.Text) {
			favorDrop(b, ruleFavorBio)
		}
		return
	}
}

// aboveHeadlineReach is how many blocks after the first body block precision looks for
// the headline's copy: a box set above the headline is short.
const aboveHeadlineReach = 8

// aboveHeadline drops the body blocks above the page's copy of the headline (a heading
// or line whose text is the title) when it stands among the body's first blocks, and
// returns the first body block after it.
func aboveHeadline(blocks []*Block, first int, title string) int {
	if title == "" {
		return first
	}
	for i := first + 1; i < len(blocks) && i <= first+aboveHeadlineReach; i++ {
		if blocks[i].Text != title {
			continue
		}
		next := firstBody(blocks, i+1)
		if next < 0 {
			return first
		}
		for _, b := range blocks[first:i] {
			if b.pinned {
				return first
			}
		}
		for _, b := range blocks[first:i] {
			if favorBody(b) {
				favorDrop(b, ruleFavorAbove)
			}
		}
		if h := blocks[i]; h.Role == RoleBody {
			h.recast(RoleNone, ClassBad, ruleDuplicate)
		}
		return next
	}
	return first
}

// reReaderAppeal: a paragraph asking the reader for money: "at no cost to you", "support
// our journalism", "Support Example News so we …", "consider donating", "become a member".
var reReaderAppeal = regexp.MustCompile(`(?i)\bat no cost to you\b|\bsupport (?:us|our (?:work|journalism|reporting|newsroom|mission)|independent journalism)\b|\b(?:please )?consider (?:donating|a donation|making a (?:donation|contribution)|supporting us)\b|\bbecome a (?:member|supporter|patron|paying subscriber)\b|^support \p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)? (?:so|and|to|today)\b`)

// appealReach is how many of the body's last paragraphs an appeal may start in.
const appealReach = 3

// readerAppeal drops the body from the first of its last appealReach paragraphs that
// asks the reader for money, to the end.
func readerAppeal(blocks []*Block, first int) {
	body := favorBodyIndexes(blocks, first)
	if len(body) <= appealReach {
		return
	}
	for n, i := range body[len(body)-appealReach:] {
		if !reReaderAppeal.MatchString(blocks[i].Text) {
			continue
		}
		for _, j := range body[len(body)-appealReach+n:] {
			if !blocks[j].pinned {
				favorDrop(blocks[j], ruleFavorAppeal)
			}
		}
		return
	}
}

// favorBodyIndexes lists the indexes of the body blocks from first on.
func favorBodyIndexes(blocks []*Block, first int) []int {
	var body []int
	for i := first; i < len(blocks); i++ {
		if favorBody(blocks[i]) {
			body = append(body, i)
		}
	}
	return body
}
