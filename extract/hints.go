package extract

import (
	_ "embed"
	"strings"
)

// Class/id hint vocabularies. The word lists are data, in words/*.txt, one entry a line
// with a comment naming the kind of container it describes.
//
// A class or id token matches a word when the token itself, one of its parts split on
// "-" and "_", or two or three adjacent parts written together equal the word (words are
// kept without "-" and "_"). So "article-share", "sns_box", "relate_news", "most-read",
// "rank_list", "btn_share" and "c-article-body__inner" all match.

//go:embed words/negative.txt
var negativeWordsTxt string

//go:embed words/positive.txt
var positiveWordsTxt string

//go:embed words/bodycontainer.txt
var bodyContainerWordsTxt string

//go:embed words/caption.txt
var captionWordsTxt string

type hintWord struct {
	kind  string
	exact bool // matches only a whole token
}

// hintList is one word list. A token without "-" or "_" is looked up in it; one with
// parts is read by tokenKinds.
type hintList struct {
	words map[string]hintWord
	id    int // index into the kinds of tokenKinds
}

const (
	listNegative = iota
	listPositive
	listBody
	listCaption
	numLists
)

var (
	negativeWords      = &hintList{parseHintWords(negativeWordsTxt), listNegative}
	positiveWords      = &hintList{parseHintWords(positiveWordsTxt), listPositive}
	bodyContainerWords = &hintList{parseHintWords(bodyContainerWordsTxt), listBody}
	captionWords       = &hintList{parseHintWords(captionWordsTxt), listCaption}
	hintLists          = [numLists]*hintList{negativeWords, positiveWords, bodyContainerWords, captionWords}
)

// combinedWord is one word's entries in every list (and whether it is a deck part).
type combinedWord struct {
	in    uint8 // bit i: the word is in hintLists[i]
	deck  bool  // the word is in deckParts
	words [numLists]hintWord
}

// combinedWords holds the words of every list, so that one lookup serves all of them.
var combinedWords = func() map[string]*combinedWord {
	m := map[string]*combinedWord{}
	get := func(w string) *combinedWord {
		if m[w] == nil {
			m[w] = &combinedWord{}
		}
		return m[w]
	}
	for i, l := range hintLists {
		for w, hw := range l.words {
			c := get(w)
			c.in |= 1 << i
			c.words[i] = hw
		}
	}
	for w := range deckParts {
		get(w).deck = true
	}
	return m
}()

// parseHintWords reads a word list: "word = kind # comment" or "word # comment"; a
// leading "^" marks a whole-token-only word.
func parseHintWords(txt string) map[string]hintWord {
	m := map[string]hintWord{}
	for _, line := range strings.Split(txt, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		word, kind, _ := strings.Cut(line, "=")
		word = strings.TrimSpace(word)
		kind = strings.TrimSpace(kind)
		exact := strings.HasPrefix(word, "^")
		word = strings.TrimPrefix(word, "^")
		word = strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(word))
		if kind == "" {
			kind = word
		}
		m[word] = hintWord{kind: kind, exact: exact}
	}
	return m
}

// matchToken looks one lower-case class/id token up in a word list and returns the
// matched entry's kind, or "".
func matchToken(tok string, list *hintList) string {
	if !hasPartSep(tok) {
		return list.words[tok].kind
	}
	return tokenKinds(tok)[list.id]
}

func hasPartSep(tok string) bool {
	return strings.IndexByte(tok, '-') >= 0 || strings.IndexByte(tok, '_') >= 0
}

// matchTokenParts is matchToken without the cache.
func matchTokenParts(tok string, words map[string]hintWord) string {
	if w, ok := words[tok]; ok {
		return w.kind
	}
	if !hasPartSep(tok) {
		return ""
	}
	// Whole token with separators removed.
	var parts [16]string
	n := 0
	start := 0
	for i := 0; i <= len(tok); i++ {
		if i == len(tok) || tok[i] == '-' || tok[i] == '_' {
			if i > start && n < len(parts) {
				parts[n] = tok[start:i]
				n++
			}
			start = i + 1
		}
	}
	var buf [96]byte
	for i := 0; i < n; i++ {
		b := buf[:0]
		for j := i; j < n && j < i+3; j++ {
			b = append(b, parts[j]...)
			if w, ok := words[string(b)]; ok && !w.exact {
				return w.kind
			}
		}
	}
	// the whole token with "-" and "_" taken out, looked up without a new string
	joined := buf[:0]
	for i := 0; i < len(tok); i++ {
		if tok[i] != '-' && tok[i] != '_' {
			joined = append(joined, tok[i])
		}
	}
	if w, ok := words[string(joined)]; ok {
		return w.kind
	}
	return ""
}

// Verdicts on one class/id token: tokenFlags.
const (
	tokHidden  = 1 << iota // hides its element
	tokShow                // a responsive "show" utility (d-md-block)
	tokCaption             // names a caption
	tokBody                // names an article-body container
	tokDeck                // names a deck (summary, subtitle) set inline above the body
)

func negativeToken(tok string) string { return matchToken(tok, negativeWords) }

// negativeHint returns the kind of boilerplate container that a block's hints name
// ("share", "related", "comment", "nav", "footer", "ad", "promo", "ranking/popular",
// "subscribe/newsletter", "breadcrumb", "tags", "byline/author-card", "copyright",
// "sidebar", "cookie/gdpr", "video-player", "reporter card", "hidden"), or "". Hints
// list the ancestors first; the nearest element's match wins.
func negativeHint(hints string) string {
	kind := ""
	lastTokens(hints, func(tok string) bool {
		kind = negativeToken(tok)
		return kind != ""
	})
	return kind
}

// lastTokens calls f on the space-separated tokens of hints from the last (the nearest
// element's) to the first, until f returns true.
func lastTokens(hints string, f func(tok string) bool) {
	end := len(hints)
	for end > 0 {
		i := strings.LastIndexByte(hints[:end], ' ')
		tok := hints[i+1 : end]
		end = max(i, 0)
		if tok != "" && f(tok) {
			return
		}
	}
}

// positiveHint reports whether a block's hints name an article or body container.
func positiveHint(hints string) bool {
	for tok := range strings.FieldsSeq(hints) {
		if matchToken(tok, positiveWords) != "" {
			return true
		}
	}
	return false
}

// bodyContainerToken reports whether one lower-case class/id/itemprop token names the
// element that holds an article's body (article-body, entry-content, news_body …).
func bodyContainerToken(tok string) bool {
	return matchToken(tok, bodyContainerWords) != ""
}

// captionToken reports whether one lower-case class token names a photo caption.
func captionToken(tok string) bool {
	return matchToken(tok, captionWords) != ""
}

// hiddenToken reports whether one lower-case class token hides its element: "hidden",
// "blind", "sr-only", "visually-hidden", "d-none" … but not responsive variants that
// hide only on some screens ("hidden-xs"; "d-none d-md-block" and "hidden md:flex" are
// left to the caller: d-none or hidden alone counts, see showToken).
func hiddenToken(tok string) bool {
	switch tok {
	case "hidden", "blind", "sr-only", "sronly", "visually-hidden", "visuallyhidden",
		"screen-reader-text", "screen-reader-only", "d-none", "is-hidden", "u-hidden",
		"hide", "a11y-hidden", "sound_only", "offscreen", "hidden-text", "hide-text":
		return true
	}
	if !strings.Contains(tok, "hidden") && !strings.Contains(tok, "blind") {
		return false
	}
	// A part "hidden"/"blind" with no responsive breakpoint part, in a token of two parts:
	// longer ones name what is hidden inside ("field-label-hidden" hides a label).
	if strings.Count(tok, "-")+strings.Count(tok, "_") > 1 {
		return false
	}
	hasHidden := false
	for p := range strings.FieldsFuncSeq(tok, func(r rune) bool { return r == '-' || r == '_' }) {
		switch p {
		case "hidden", "blind":
			hasHidden = true
		case "xs", "sm", "md", "lg", "xl", "xxl", "mobile", "desktop", "tablet", "print",
			"pc", "mo", "m", "up", "down", "small", "large", "overflow", "scroll":
			return false
		}
	}
	return hasHidden
}

// screenReaderToken reports whether one lower-case hiding class token (hiddenToken) keeps
// its element for screen readers only: text written for them, never shown.
func screenReaderToken(tok string) bool {
	switch tok {
	case "blind", "sr-only", "sronly", "visually-hidden", "visuallyhidden", "screen-reader-text",
		"screen-reader-only", "a11y-hidden", "sound_only", "offscreen", "hidden-text", "hide-text":
		return true
	}
	return false
}

// showToken reports whether one lower-case class token is a responsive "show" utility: it
// shows on some screens an element that a display-none utility (d-none, hidden) hides on
// the others. Bootstrap writes d-md-block, d-lg-flex, d-sm-inline; Tailwind writes a
// breakpoint variant before a display value, md:flex, lg:block, max-sm:grid,
// min-[900px]:inline-block. A state variant (hover:block, group-hover:flex,
// peer-checked:block) is no show utility: it opens a menu on a pointer or a click.
func showToken(tok string) bool {
	if strings.HasPrefix(tok, "d-") {
		return strings.HasSuffix(tok, "-block") || strings.HasSuffix(tok, "-flex") || strings.HasSuffix(tok, "-inline")
	}
	i := strings.LastIndexByte(tok, ':')
	if i <= 0 {
		return false
	}
	switch tok[i+1:] {
	case "block", "flex", "grid", "inline", "inline-block", "inline-flex", "inline-grid",
		"table", "contents", "flow-root", "list-item":
	default:
		return false
	}
	v := tok[:i]
	if j := strings.LastIndexByte(v, ':'); j >= 0 {
		v = v[j+1:] // the variant nearest the value
	}
	v = strings.TrimPrefix(strings.TrimPrefix(v, "max-"), "min-")
	switch v {
	case "sm", "md", "lg", "xl", "2xl", "3xl", "tablet", "laptop", "desktop":
		return true
	}
	return strings.HasPrefix(v, "[") // an arbitrary breakpoint, min-[900px]
}

// deckParts name a deck: the summary or subtitle lines a page sets above the body
// (subtitle, summary, standfirst, dek …), as a part of a class token.
var deckParts = map[string]bool{
	"subtitle": true, "subtitles": true, "subhead": true, "subheadline": true, "summary": true,
	"deck": true, "dek": true, "standfirst": true, "strapline": true, "subtit": true,
}

// deckToken reports whether one lower-case class token names a deck.
func deckToken(tok string) bool {
	if deckParts[tok] {
		return true
	}
	for p := range strings.FieldsFuncSeq(tok, func(r rune) bool { return r == '-' || r == '_' }) {
		if deckParts[p] {
			return true
		}
	}
	return false
}

// The flags of tokenVerdicts (tokHidden, tokShow, tokCaption, tokBody, tokDeck) are read
// for every class and id token of a page, most of them seen on that page only. Only the
// caption and body-container lists and deckParts give flags, so tokenFlags walks one
// small trie of their words along the token, from the start of each part: most tokens
// leave it at their first byte or two, and no cache is needed.

// Facts about one word of flagWords.
const (
	fwCaption      = 1 << iota // in the caption list
	fwCaptionLoose             // … and not whole-token-only
	fwBody                     // in the body-container list
	fwBodyLoose                // … and not whole-token-only
	fwDeck                     // in deckParts
)

// byteTrie is a trie of byte strings; node 0 is the root. It is built by add, then
// frozen: each node's edges laid out in one array, for next.
type byteTrie struct {
	root  [256]int32 // the root's children by byte (0: none)
	nodes []trieNode
	flat  []flatNode      // by node, once frozen
	edges []trieEdge      // flat[n]'s edges are edges[flat[n].first:][:flat[n].count]
	words []*combinedWord // by node: the word that ends there (hintWordTrie)
}

type trieNode struct {
	next  []trieEdge
	facts uint8 // of the word that ends here
}

type flatNode struct {
	first int32
	count uint16
	facts uint8
}

type trieEdge struct {
	c    byte
	node int32
}

// add adds w and returns its node.
func (t *byteTrie) add(w string, facts uint8) int32 {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, trieNode{})
	}
	n := int32(0)
	for i := 0; i < len(w); i++ {
		n = t.child(n, w[i])
	}
	t.nodes[n].facts |= facts
	return n
}

// child returns the node after n by c, added if missing.
func (t *byteTrie) child(n int32, c byte) int32 {
	if n == 0 {
		if t.root[c] == 0 {
			t.nodes = append(t.nodes, trieNode{})
			t.root[c] = int32(len(t.nodes) - 1)
		}
		return t.root[c]
	}
	for _, e := range t.nodes[n].next {
		if e.c == c {
			return e.node
		}
	}
	t.nodes = append(t.nodes, trieNode{})
	m := int32(len(t.nodes) - 1)
	t.nodes[n].next = append(t.nodes[n].next, trieEdge{c, m})
	return m
}

// freeze lays the trie out for next.
func (t *byteTrie) freeze() *byteTrie {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, trieNode{})
	}
	t.flat = make([]flatNode, len(t.nodes))
	for n, nd := range t.nodes {
		t.flat[n] = flatNode{first: int32(len(t.edges)), count: uint16(len(nd.next)), facts: nd.facts}
		t.edges = append(t.edges, nd.next...)
	}
	t.nodes = nil
	return t
}

// next returns the node after n by c in a frozen trie, or 0.
func (t *byteTrie) next(n int32, c byte) int32 {
	if n == 0 {
		return t.root[c]
	}
	f := t.flat[n]
	for _, e := range t.edges[f.first : f.first+int32(f.count)] {
		if e.c == c {
			return e.node
		}
	}
	return 0
}

// flagWords holds the words that give a token flags.
var flagWords = func() *byteTrie {
	t := &byteTrie{}
	for w, c := range combinedWords {
		var f uint8
		if c.in&(1<<listCaption) != 0 {
			f |= fwCaption
			if !c.words[listCaption].exact {
				f |= fwCaptionLoose
			}
		}
		if c.in&(1<<listBody) != 0 {
			f |= fwBody
			if !c.words[listBody].exact {
				f |= fwBodyLoose
			}
		}
		if c.deck {
			f |= fwDeck
		}
		if f != 0 && w != "" {
			t.add(w, f)
		}
	}
	return t.freeze()
}()

func partSep(c byte) bool { return c == '-' || c == '_' }

// tokenFlags returns the verdicts on a lower-case token (tokenVerdicts(tok).flags, in the
// tests). It reads the words as
// tokenVerdicts does: the token itself; one to three adjacent parts written together,
// among the first 16 parts, for words not whole-token-only; each part for deckParts; and
// all the parts written together.
func tokenFlags(tok string) uint8 {
	var flags uint8
	if hiddenToken(tok) {
		flags |= tokHidden
	}
	if showToken(tok) {
		flags |= tokShow
	}
	t := flagWords
	var facts uint8 // of the words found, loose ones counting only where they may
	if !hasPartSep(tok) {
		n := int32(0)
		for i := 0; i < len(tok) && (i == 0 || n != 0); i++ {
			n = t.next(n, tok[i])
		}
		if n != 0 {
			facts = t.flat[n].facts
			facts |= (facts & (fwCaption | fwBody)) << 1
		}
	} else {
		part := 0
		for i := 0; i < len(tok); i++ {
			if partSep(tok[i]) || i > 0 && !partSep(tok[i-1]) {
				continue
			}
			// part number part starts at i: the words of one to three parts from here
			last := min(part+2, 15) // parts past the 16th join no word but the whole
			p, n := part, int32(0)
			for j := i; j < len(tok); j++ {
				if partSep(tok[j]) {
					continue
				}
				if n = t.next(n, tok[j]); n == 0 {
					break
				}
				if j+1 == len(tok) || partSep(tok[j+1]) { // a part ends
					f := t.flat[n].facts
					if p == part && f&fwDeck != 0 {
						facts |= fwDeck
					}
					if part < 16 {
						facts |= f & (fwCaptionLoose | fwBodyLoose)
					}
					if p++; p > last || part >= 16 {
						break
					}
				}
			}
			part++
		}
		// all the parts written together
		n := int32(0)
		for j := 0; j < len(tok); j++ {
			if partSep(tok[j]) {
				continue
			}
			if n = t.next(n, tok[j]); n == 0 {
				break
			}
		}
		if n != 0 {
			facts |= (t.flat[n].facts & (fwCaption | fwBody)) << 1
		}
	}
	if facts&fwCaptionLoose != 0 {
		flags |= tokCaption
	}
	if facts&fwBodyLoose != 0 {
		flags |= tokBody
	}
	if facts&fwDeck != 0 {
		flags |= tokDeck
	}
	return flags
}

// hintWordTrie holds every word of combinedWords.
var hintWordTrie = func() *byteTrie {
	t := &byteTrie{}
	ends := map[int32]*combinedWord{}
	for w, c := range combinedWords {
		if w != "" {
			ends[t.add(w, 0)] = c
		}
	}
	t.freeze()
	t.words = make([]*combinedWord, len(t.flat))
	for n, c := range ends {
		t.words[n] = c
	}
	return t
}()

// tokenKinds returns tokenVerdicts(tok).kinds: a token without parts is looked up whole;
// in one with parts, the words of one to three adjacent parts among the first 16 (not
// whole-token-only words), in order, decide the lists they are in, then all the parts
// written together decide the rest.
func tokenKinds(tok string) (kinds [numLists]string) {
	t := hintWordTrie
	var decided uint8
	take := func(c *combinedWord, loose bool) {
		for k := range kinds {
			if decided&(1<<k) == 0 && c.in&(1<<k) != 0 && !(loose && c.words[k].exact) {
				kinds[k] = c.words[k].kind
				decided |= 1 << k
			}
		}
	}
	const all = 1<<numLists - 1
	if !hasPartSep(tok) {
		n := int32(0)
		for i := 0; i < len(tok) && (i == 0 || n != 0); i++ {
			n = t.next(n, tok[i])
		}
		if n != 0 && t.words[n] != nil {
			take(t.words[n], false)
		}
		return kinds
	}
	part := 0
	for i := 0; i < len(tok) && part < 16 && decided != all; i++ {
		if partSep(tok[i]) || i > 0 && !partSep(tok[i-1]) {
			continue
		}
		last := min(part+2, 15)
		p, n := part, int32(0)
		for j := i; j < len(tok); j++ {
			if partSep(tok[j]) {
				continue
			}
			if n = t.next(n, tok[j]); n == 0 {
				break
			}
			if j+1 == len(tok) || partSep(tok[j+1]) {
				if c := t.words[n]; c != nil {
					take(c, true)
				}
				if p++; p > last {
					break
				}
			}
		}
		part++
	}
	if decided != all {
		n := int32(0)
		for j := 0; j < len(tok); j++ {
			if partSep(tok[j]) {
				continue
			}
			if n = t.next(n, tok[j]); n == 0 {
				break
			}
		}
		if n != 0 && t.words[n] != nil {
			take(t.words[n], false)
		}
	}
	return kinds
}
