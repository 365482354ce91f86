package extract

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quickRegexp is a regexp with a prefilter: literals that every match must contain,
// read off the pattern's own syntax tree, so that the regexp runs only on text that holds
// them. Most blocks hold none of a rule's words, and a byte scan is many times cheaper
// than the regexp engine. Because the literals are derived from the pattern, a pattern
// can change without its prefilter going stale; a pattern with no required literal simply
// runs unfiltered.
type quickRegexp struct {
	*regexp.Regexp
	// all: every group must be present; a group is present when one of its needles is.
	all [][]needle
	// foldEscapes are the non-ASCII runes that (?i) matches to an ASCII letter of a
	// folding needle (K, ſ): text holding one is passed to the regexp unfiltered.
	foldEscapes []string
}

// needle is one literal; fold needles are lower-case ASCII-folded and compared ignoring
// ASCII case.
type needle struct {
	s    string
	fold bool
	// run > 0: instead of s, a run of at least run consecutive bytes of class (x{4} for
	// an ASCII class x, as \d{4})
	run   int
	class *[256]bool
}

// maxClassNeedles is the largest character class taken as a group of one-rune needles.
const maxClassNeedles = 10

func quick(re *regexp.Regexp) *quickRegexp {
	q := &quickRegexp{Regexp: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return q
	}
	q.all = required(tree)
	seen := map[rune]bool{}
	for _, g := range q.all {
		for _, n := range g {
			if !n.fold {
				continue
			}
			for _, c := range n.s {
				for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
					if f >= utf8.RuneSelf && !seen[f] {
						seen[f] = true
						q.foldEscapes = append(q.foldEscapes, string(f))
					}
				}
			}
		}
	}
	return q
}

// required returns groups of needles such that any match of re holds a needle of every
// group; nil when nothing is required.
func required(re *syntax.Regexp) [][]needle {
	switch re.Op {
	case syntax.OpLiteral:
		if g := literalNeedles(re); g != nil {
			return [][]needle{g}
		}
	case syntax.OpCharClass:
		var g []needle
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(g) == maxClassNeedles {
					return nil
				}
				g = append(g, needle{s: string(c)})
			}
		}
		return [][]needle{g}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if c := asciiClass(re.Sub[0]); c != nil && re.Min >= 2 {
			return [][]needle{{{run: re.Min, class: c}}}
		}
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var all [][]needle
		for _, sub := range re.Sub {
			all = append(all, required(sub)...)
		}
		return all
	case syntax.OpAlternate:
		// every branch must require something; one group of each will do
		var g []needle
		for _, sub := range re.Sub {
			r := required(sub)
			if len(r) == 0 {
				return nil
			}
			g = append(g, bestGroup(r)...)
		}
		return [][]needle{g}
	}
	return nil
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

// bestGroup picks the most selective group: the longest shortest needle, then the fewest
// needles.
func bestGroup(all [][]needle) []needle {
	best := all[0]
	for _, g := range all[1:] {
		if minLen(g) > minLen(best) || minLen(g) == minLen(best) && len(g) < len(best) {
			best = g
		}
	}
	return best
}

func minLen(g []needle) int {
	m := -1
	for _, n := range g {
		l := len(n.s)
		if n.run > 0 {
			l = n.run
		}
		if m < 0 || l < m {
			m = l
		}
	}
	return m
}

// literalNeedles turns a literal into needles. A case-folding literal is compared
// ignoring ASCII case; a non-ASCII rune that has other cases (ⓒ, Ⓒ) cannot be, so the
// longest run of runes without one is taken, or else the first rune's cases.
func literalNeedles(re *syntax.Regexp) []needle {
	if re.Flags&syntax.FoldCase == 0 {
		return []needle{{s: string(re.Rune)}}
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
		low := lowerASCIIString(string(best))
		return []needle{{s: low, fold: true}}
	}
	c := re.Rune[0]
	g := []needle{{s: string(c)}}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		g = append(g, needle{s: string(f)})
	}
	return g
}

// textScan is what the prefilters read off one text, computed when first needed and
// kept on its block, so that the rules tried on one block share it.
type textScan struct {
	text                       string
	lower                      string // text with ASCII letters in lower case
	pairs, lowerPairs          bytePairs
	lowered, paired, lowPaired bool
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

// may reports whether s could match: it holds a needle of every group.
func (q *quickRegexp) may(s string) bool {
	if len(q.all) == 0 {
		return true
	}
	t := textScan{text: s}
	return q.mayScan(&t)
}

func (q *quickRegexp) mayScan(t *textScan) bool {
	if len(q.all) == 0 {
		return true
	}
	s := t.text
	for _, e := range q.foldEscapes {
		if strings.Contains(s, e) {
			return true
		}
	}
	for _, g := range q.all {
		found := false
		for _, n := range g {
			switch {
			case n.run > 0:
				found = hasRun(s, n.class, n.run)
			case n.fold:
				found = t.lowerTextPairs().may(n.s) && strings.Contains(t.lowerText(), n.s)
			default:
				found = t.textPairs().may(n.s) && strings.Contains(s, n.s)
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
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
