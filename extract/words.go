package extract

import (
	_ "embed"
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

//go:embed words/buttons.txt
var buttonsFile string

//go:embed words/related_headings.txt
var relatedHeadingsFile string

//go:embed words/ui_labels.txt
var uiLabelsFile string

//go:embed words/more_links.txt
var moreLinksFile string

//go:embed words/markets.txt
var marketsFile string

// sections reads a word list split into [section] parts, one entry per line.
func sections(file string) map[string][]string {
	out := map[string][]string{}
	cur := ""
	for _, line := range wordLines(file) {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			cur = line[1 : len(line)-1]
			continue
		}
		out[cur] = append(out[cur], line)
	}
	for k := range out {
		// longest first, so "후속기사 원해요" is taken before "원해요"
		sort.SliceStable(out[k], func(i, j int) bool { return len(out[k][i]) > len(out[k][j]) })
	}
	return out
}

// lowerSections lower-cases every entry once, so that matching a block does not.
func lowerSections(m map[string][]string) map[string][]string {
	for _, words := range m {
		for i, w := range words {
			words[i] = strings.ToLower(w)
		}
	}
	return m
}

// labelKey folds a short block to the form its list entries are compared in: lower case,
// punctuation, symbols and digits dropped, spaces folded.
func labelKey(s string) string {
	return string(appendLabelKey(make([]byte, 0, len(s)), s))
}

// appendLabelKey appends labelKey(s) to dst.
func appendLabelKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch labelASCII[c] {
			case labelLetter:
				if space && len(dst) > start {
					dst = append(dst, ' ')
				}
				space = false
				dst = append(dst, lowerASCIIByte(c))
			case labelSpace:
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch letter, sep := labelRune(r); {
		case letter:
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, toLower(r))
		case sep:
			space = true
		}
	}
	return dst
}

// labelRune classes a rune beyond ASCII for appendLabelKey: a letter (unicode.IsLetter),
// or else a separator (a space, punctuation, a symbol or a digit), or neither (a mark).
// Below lowRunes it reads the lowRune table, and a Hangul syllable is a letter, without a
// search of the unicode tables.
func labelRune(r rune) (letter, sep bool) {
	switch {
	case r < lowRunes:
		k := lowRune[r]
		// (a letter or digit that is no letter is a digit)
		return k&lowLetter != 0, k&(lowSpace|lowPunctSym) != 0 || k&(lowLetter|lowLetterDig) == lowLetterDig
	case r >= 0xAC00 && r <= 0xD7A3:
		return true, false
	case unicode.IsLetter(r):
		return true, false
	}
	return false, unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsDigit(r)
}

const (
	labelSkip   = iota // a control character: dropped and no space
	labelLetter        // kept, in lower case
	labelSpace         // a space, punctuation, symbol or digit: a word break
)

// labelASCII is what labelKey does with each ASCII byte, read off the unicode tables.
var labelASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsLetter(c):
			t[c] = labelLetter
		case unicode.IsSpace(c), unicode.IsPunct(c), unicode.IsSymbol(c), unicode.IsDigit(c):
			t[c] = labelSpace
		}
	}
	return t
}()

// labelKey returns labelKey(b.Text), computed once per text. While the block has a scan
// of its text (as the rules have, lent from a pool), the key is kept in the scan's buffer
// and good until the scan is reset: the rules look it up in their lists and keep nothing
// of it.
func (b *Block) labelKey() string {
	if t := b.scanned; t != nil && t.text == b.Text {
		if !t.labelDone {
			t.label, t.labelDone = appendLabelKey(t.label[:0], b.Text), true
		}
		return unsafe.String(unsafe.SliceData(t.label), len(t.label))
	}
	if b.labelOf != b.Text {
		b.label, b.labelOf = labelKey(b.Text), b.Text
	}
	return b.label
}

func labelSet(entries []string) map[string]bool {
	m := make(map[string]bool, len(entries))
	for _, e := range entries {
		m[labelKey(e)] = true
	}
	return m
}

var (
	buttonWords     = lowerSections(sections(buttonsFile))
	buttonKinds     = []string{"reactions", "share", "font-controls", "comment-box", "media-player"}
	relatedHeadings = labelSet(wordLines(relatedHeadingsFile))
	uiLabels        = labelSet(wordLines(uiLabelsFile))
	moreLinks       = labelSet(wordLines(moreLinksFile))
	marketWords     = sections(marketsFile)
	marketAssets    = labelSet(marketWords["assets"])
	marketHeaders   = labelSet(marketWords["headers"])
)

// The label lists, as bits of labelLists.
const (
	inRelatedHeadings uint8 = 1 << iota
	inUILabels
	inMarketAssets
	inMarketHeaders
	inMoreLinks
)

// labelLists tells, by label key, which of the label lists hold it: one lookup of a
// block's key instead of one in each list that the rules ask.
var labelLists = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		set map[string]bool
		bit uint8
	}{{relatedHeadings, inRelatedHeadings}, {uiLabels, inUILabels}, {marketAssets, inMarketAssets}, {marketHeaders, inMarketHeaders}, {moreLinks, inMoreLinks}} {
		for k, ok := range l.set {
			if ok {
				m[k] |= l.bit
			}
		}
	}
	return m
}()

// inLabels reports whether the list of bit holds b.labelKey(), as list[b.labelKey()]
// tells. While the block has a scan of its text, the lists holding its key are looked up
// once and kept on the scan.
func (b *Block) inLabels(bit uint8) bool {
	if t := b.scanned; t != nil && t.text == b.Text {
		if !t.listsDone {
			t.lists, t.listsDone = labelLists[b.labelKey()], true
		}
		return t.lists&bit != 0
	}
	return labelLists[b.labelKey()]&bit != 0
}

// A buttonWord is an entry of the button lists with what buttonLine needs of it: its
// letters, and the ids in ruleLits of its pieces between spaces.
type buttonWord struct {
	w       string
	letters int
	pieces  []int32
}

// maxButtonWords bounds the entries of the button lists: one bit each in a buttonSet.
const maxButtonWords = 256

// A buttonSet is a set of indexes of buttonIndex.words.
type buttonSet [maxButtonWords / 64]uint64

func (s *buttonSet) set(i int) { s[i>>6] |= 1 << (uint(i) & 63) }

// next returns the least index of s not below i, or -1.
func (s *buttonSet) next(i int) int {
	for w := i >> 6; w < len(s); w++ {
		m := s[w]
		if w == i>>6 {
			m &^= 1<<(uint(i)&63) - 1 // (the indexes below i)
		}
		if m != 0 {
			return w<<6 | bits.TrailingZeros64(m)
		}
	}
	return -1
}

// buttonIndex holds the words of the button lists, those of each of buttonKinds in turn
// and in the order of buttonWords. Their pieces are literals of ruleLits, so that the one
// scan of a block the rules share tells which occur.
var buttonIndex = newButtonIndex(ruleLits, buttonWords, buttonKinds)

type buttonIdx struct {
	words  []buttonWord
	starts []int   // by kind: the index of its first word, and len(words) last
	pieces litBits // the literals that are pieces of words
	// byPiece: by literal id, the indexes of the words it is a piece of
	byPiece [litWords * 64][]uint16
}

// newButtonIndex registers the pieces of the button words in ls, which is built later.
func newButtonIndex(ls *litSet, words map[string][]string, kinds []string) *buttonIdx {
	x := &buttonIdx{}
	for _, kind := range kinds {
		x.starts = append(x.starts, len(x.words))
		for _, w := range words[kind] {
			e := buttonWord{w: w, letters: letterCount(w)}
			for _, p := range strings.Split(w, " ") {
				if p == "" {
					continue
				}
				// the words are in lower case, and so is the text they are looked for in
				id := ls.add(p, true)
				if id < 0 {
					panic("buttonIndex: more button words than a litSet holds")
				}
				e.pieces = append(e.pieces, id)
				x.pieces.set(id)
				x.byPiece[id] = append(x.byPiece[id], uint16(len(x.words)))
			}
			x.words = append(x.words, e)
		}
	}
	x.starts = append(x.starts, len(x.words))
	if len(x.words) > maxButtonWords {
		panic("buttonIndex: more button words than maxButtonWords")
	}
	return x
}

// candidates returns the words all of whose pieces are among lits: only they can occur
// in a text whose pieces of button words are lits (see may).
func (x *buttonIdx) candidates(lits *litBits) (c buttonSet, ok bool) {
	for i, w := range lits {
		w &= x.pieces[i]
		for w != 0 {
			id := i<<6 | bits.TrailingZeros64(w)
			w &= w - 1
			for _, k := range x.byPiece[id] {
				if x.words[k].may(lits) {
					c.set(int(k))
					ok = true
				}
			}
		}
	}
	return c, ok
}

// may reports whether the word can occur in a text whose pieces of button words are bits,
// or in what is left of it once words are replaced by a space: a run without a space of
// what is left stands in the text as it was.
func (e *buttonWord) may(bits *litBits) bool {
	for _, id := range e.pieces {
		if !bits.has(id) {
			return false
		}
	}
	return true
}
