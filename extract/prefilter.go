package extract

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quickRegexp is a regexp with a prefilter: a condition every match meets (literals it
// must hold, a prefix or suffix it must have), read off the pattern's own syntax tree, so
// that the regexp runs only on text that meets it. Most blocks hold none of a rule's
// words, and a byte scan is many times cheaper than the regexp engine. Because the
// condition is derived from the pattern, a pattern can change without its prefilter going
// stale; a pattern with no such condition simply runs unfiltered.
type quickRegexp struct {
	*regexp.Regexp
	need *cond // nil: no condition
	// foldEscapes are the non-ASCII runes that (?i) matches to an ASCII letter of a
	// folding literal (K, ſ): text holding one is passed to the regexp unfiltered.
	foldEscapes []string
}

type condKind uint8

const (
	condLit    condKind = iota // s occurs (ignoring ASCII case when fold)
	condPrefix                 // the text starts with s
	condSuffix                 // the text ends with s
	condRun                    // run consecutive bytes of class occur (\d{4})
	condAnd                    // every sub holds
	condOr                     // some sub holds
)

// cond is a necessary condition for a match.
type cond struct {
	kind  condKind
	s     string // condLit, condPrefix, condSuffix; fold literals are in lower case
	fold  bool
	run   int
	class *[256]bool
	subs  []*cond
}

// maxClassNeedles is the largest character class taken as a choice of one-rune literals.
const maxClassNeedles = 10

func quick(re *regexp.Regexp) *quickRegexp {
	q := &quickRegexp{Regexp: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return q
	}
	q.need = required(tree)
	seen := map[rune]bool{}
	var escapes func(c *cond)
	escapes = func(c *cond) {
		if c == nil {
			return
		}
		for _, sub := range c.subs {
			escapes(sub)
		}
		if !c.fold {
			return
		}
		for _, r := range c.s {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf && !seen[f] {
					seen[f] = true
					q.foldEscapes = append(q.foldEscapes, string(f))
				}
			}
		}
	}
	escapes(q.need)
	return q
}

// required returns a condition every match of re meets, or nil.
func required(re *syntax.Regexp) *cond {
	switch re.Op {
	case syntax.OpLiteral:
		return literalCond(re)
	case syntax.OpCharClass:
		var subs []*cond
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(subs) == maxClassNeedles {
					return nil
				}
				subs = append(subs, &cond{kind: condLit, s: string(c)})
			}
		}
		return anyOf(subs)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if c := asciiClass(re.Sub[0]); c != nil && re.Min >= 2 {
			return &cond{kind: condRun, run: re.Min, class: c}
		}
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var subs []*cond
		for i, sub := range re.Sub {
			lit := sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0
			switch {
			case lit && i > 0 && re.Sub[i-1].Op == syntax.OpBeginText:
				subs = append(subs, &cond{kind: condPrefix, s: string(sub.Rune)})
			case lit && i+1 < len(re.Sub) && re.Sub[i+1].Op == syntax.OpEndText:
				subs = append(subs, &cond{kind: condSuffix, s: string(sub.Rune)})
			default:
				if c := required(sub); c != nil {
					subs = append(subs, c)
				}
			}
		}
		// the cheap tests first: a prefix or suffix is one comparison
		sort.SliceStable(subs, func(i, j int) bool {
			return subs[i].kind == condPrefix || subs[i].kind == condSuffix
		})
		switch len(subs) {
		case 0:
			return nil
		case 1:
			return subs[0]
		}
		return &cond{kind: condAnd, subs: subs}
	case syntax.OpAlternate:
		var subs []*cond
		for _, sub := range re.Sub {
			c := required(sub)
			if c == nil {
				return nil
			}
			subs = append(subs, c)
		}
		return anyOf(subs)
	}
	return nil
}

func anyOf(subs []*cond) *cond {
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	return &cond{kind: condOr, subs: subs}
}

// asciiClass returns the byte set of a character class of ASCII runes only, or nil.
func asciiClass(re *syntax.Regexp) *[256]bool {
	if re.Op != syntax.OpCharClass || len(re.Rune) == 0 {
		return nil
	}
	var c [256]bool
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i+1] >= utf8.RuneSelf {
			return nil
		}
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			c[r] = true
		}
	}
	return &c
}

// hasRun reports whether s holds n consecutive bytes of class c.
func hasRun(s string, c *[256]bool, n int) bool {
	k := 0
	for i := 0; i < len(s); i++ {
		if c[s[i]] {
			k++
			if k >= n {
				return true
			}
		} else {
			k = 0
		}
	}
	return false
}

// literalCond turns a literal into a condition. A case-folding literal is compared
// ignoring ASCII case; a non-ASCII rune that has other cases (ⓒ, Ⓒ) cannot be, so the
// longest run of runes without one is taken, or else the first rune in any of its cases.
func literalCond(re *syntax.Regexp) *cond {
	if re.Flags&syntax.FoldCase == 0 {
		return &cond{kind: condLit, s: string(re.Rune)}
	}
	var best, cur []rune
	for _, c := range re.Rune {
		if c >= utf8.RuneSelf && unicode.SimpleFold(c) != c {
			cur = nil
			continue
		}
		cur = append(cur, c)
		if len(cur) > len(best) {
			best = append(best[:0:0], cur...)
		}
	}
	if len(best) > 0 {
		return &cond{kind: condLit, s: lowerASCIIString(string(best)), fold: true}
	}
	c := re.Rune[0]
	subs := []*cond{{kind: condLit, s: string(c)}}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		subs = append(subs, &cond{kind: condLit, s: string(f)})
	}
	return anyOf(subs)
}

// holds evaluates the condition on a text.
func (c *cond) holds(t *textScan) bool {
	switch c.kind {
	case condLit:
		// the byte pairs pay when many literals are looked for in one text, as the rules
		// do on a block; a single search goes straight to the bytes
		if c.fold {
			return (t.once || t.lowerTextPairs().may(c.s)) && strings.Contains(t.lowerText(), c.s)
		}
		return (t.once || t.textPairs().may(c.s)) && strings.Contains(t.text, c.s)
	case condPrefix:
		return strings.HasPrefix(t.text, c.s)
	case condSuffix:
		return strings.HasSuffix(t.text, c.s)
	case condRun:
		return hasRun(t.text, c.class, c.run)
	case condAnd:
		for _, sub := range c.subs {
			if !sub.holds(t) {
				return false
			}
		}
		return true
	case condOr:
		for _, sub := range c.subs {
			if sub.holds(t) {
				return true
			}
		}
		return false
	}
	return true
}

// textScan is what the prefilters read off one text, computed when first needed and
// kept on its block, so that the rules tried on one block share it.
type textScan struct {
	text                       string
	lower                      string // text with ASCII letters in lower case
	pairs, lowerPairs          bytePairs
	lowered, paired, lowPaired bool
	once                       bool // scanned for one regexp only: no byte pairs
}

func (t *textScan) lowerText() string {
	if !t.lowered {
		t.lower, t.lowered = lowerASCIIString(t.text), true
	}
	return t.lower
}

func (t *textScan) textPairs() *bytePairs {
	if !t.paired {
		t.pairs, t.paired = bytePairsOf(t.text), true
	}
	return &t.pairs
}

func (t *textScan) lowerTextPairs() *bytePairs {
	if !t.lowPaired {
		t.lowerPairs, t.lowPaired = bytePairsOf(t.lowerText()), true
	}
	return &t.lowerPairs
}

// scan returns the block's textScan, made anew when its text changed.
func (b *Block) scan() *textScan {
	if b.scanned == nil || b.scanned.text != b.Text {
		b.scanned = &textScan{text: b.Text}
	}
	return b.scanned
}

// may reports whether s could match.
func (q *quickRegexp) may(s string) bool {
	if q.need == nil {
		return true
	}
	t := textScan{text: s, once: true}
	return q.mayScan(&t)
}

func (q *quickRegexp) mayScan(t *textScan) bool {
	if q.need == nil {
		return true
	}
	for _, e := range q.foldEscapes {
		if strings.Contains(t.text, e) {
			return true
		}
	}
	return q.need.holds(t)
}

// lowerASCIIString returns s with ASCII letters in lower case; other bytes, and so every
// multi-byte rune, stay as they are. It copies only when there is an upper-case letter.
func lowerASCIIString(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := make([]byte, len(s))
			copy(b, s[:i])
			for j := i; j < len(s); j++ {
				c := s[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[j] = c
			}
			return string(b)
		}
	}
	return s
}

// MatchBlock is MatchString(b.Text), with the prefilter's scan of the text kept on b.
func (q *quickRegexp) MatchBlock(b *Block) bool {
	return q.mayScan(b.scan()) && q.Regexp.MatchString(b.Text)
}

func (q *quickRegexp) MatchString(s string) bool {
	return q.may(s) && q.Regexp.MatchString(s)
}

func (q *quickRegexp) FindStringSubmatch(s string) []string {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindStringSubmatch(s)
}

func (q *quickRegexp) FindStringIndex(s string) []int {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindStringIndex(s)
}

func (q *quickRegexp) FindStringSubmatchIndex(s string) []int {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindStringSubmatchIndex(s)
}

func (q *quickRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindAllStringSubmatch(s, n)
}

func (q *quickRegexp) ReplaceAllString(src, repl string) string {
	if !q.may(src) {
		return src
	}
	return q.Regexp.ReplaceAllString(src, repl)
}

// The rules' regexps with their prefilters.
var (
	qDateLineKo = quick(reDateLineKo)
	qBylineKo   = quick(reBylineKo)
	qEmail      = quick(reEmail)
	qCopyright  = quick(reCopyright)
	qTipLine    = quick(reTipLine)
	qCredits    = quick(reCredits)
	qWireTail   = quick(reWireTail)
	qSignOff    = quick(reSignOff)
	qCaptionKo  = quick(reCaptionKo)
	qCaptionEn  = quick(reCaptionEn)
	qHashtags   = quick(reHashtags)
	qPlacehold  = quick(rePlacehold)
	qURLOnly    = quick(reURLOnly)
	qPromo      = quick(rePromo)
	qEmbedGate  = quick(reEmbedGate)
	qCookie     = quick(reCookie)
	qPlayer     = quick(rePlayer)

	qCommentHdr     = quick(reCommentHdr)
	qNewWindow      = quick(reNewWindow)
	qPhotoCredit    = quick(rePhotoCredit)
	qImageCaption   = quick(reImageCaption)
	qQuotedPostSign = quick(reQuotedPostSign)
	qNotice         = quick(reNotice)
	qNewsletter     = quick(reNewsletter)
	qPager          = quick(rePager)
	qUpdatedAt      = quick(reUpdatedAt)
	qCJKDate        = quick(reCJKDate)
	qReadingTime    = quick(reReadingTime)
	qPaywall        = quick(rePaywall)
	qAffiliate      = quick(reAffiliate)
	qRelTime        = quick(reRelTime)
	qRelatedLink    = quick(reRelatedLink)

	qPlaceholderToken = quick(rePlaceholderToken)

	qISODate   = quick(reISODate)
	qMonthDate = quick(reMonthDate)
	qDotDate   = quick(reDotDate)

	qGluedCaptionStart = quick(reGluedCaptionStart)
	qGluedCaptionEnd   = quick(reGluedCaptionEnd)
	qGluedHeader       = quick(reGluedHeader)
)

// bytePairs is a Bloom filter of the adjacent byte pairs of a text, to skip the words of a
// list that cannot occur in it. Pairs with a space are not recorded and never checked: a
// caller that replaces the words it finds by a space (buttonLine) makes new pairs only
// with the space, so the filter stays right for what remains of the text.
type bytePairs [16]uint64

func pairBit(a, b byte) uint { return (uint(a)*131 + uint(b)) & 1023 }

func bytePairsOf[T string | []byte](s T) bytePairs {
	var p bytePairs
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' && s[i+1] != ' ' {
			h := pairBit(s[i], s[i+1])
			p[h>>6] |= 1 << (h & 63)
		}
	}
	return p
}

// may reports whether w could occur in the text: every pair of it without a space is
// recorded.
func (p *bytePairs) may(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == ' ' || w[i+1] == ' ' {
			continue
		}
		h := pairBit(w[i], w[i+1])
		if p[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}
