package extract

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html/atom"
)

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
