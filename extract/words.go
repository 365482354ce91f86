package extract

import (
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed words/buttons.txt
var buttonsFile string

//go:embed words/related_headings.txt
var relatedHeadingsFile string

//go:embed words/ui_labels.txt
var uiLabelsFile string

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
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch labelASCII[c] {
			case labelLetter:
				if space && sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				space = false
				sb.WriteByte(lowerASCIIByte(c))
			case labelSpace:
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsLetter(r):
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsDigit(r):
			space = true
		}
	}
	return sb.String()
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

// labelKey returns labelKey(b.Text), computed once per text.
func (b *Block) labelKey() string {
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
	marketWords     = sections(marketsFile)
	marketAssets    = labelSet(marketWords["assets"])
	marketHeaders   = labelSet(marketWords["headers"])
)

// A buttonWord is an entry of the button lists with what buttonLine needs of it: its
// letters, and the ids in buttonLits of its pieces between spaces.
type buttonWord struct {
	w       string
	letters int
	pieces  []int32
}

// buttonTable holds the words of each of buttonKinds, in the order of buttonWords; their
// pieces are literals of ruleLits, so that the one scan of a block the rules share tells
// which occur. buttonPieces is the mask of those literals.
var buttonTable, buttonPieces = buttonIndex(ruleLits, buttonWords, buttonKinds)

// buttonIndex registers the pieces of the button words in ls, which is built later.
func buttonIndex(ls *litSet, words map[string][]string, kinds []string) ([][]buttonWord, litBits) {
	var mask litBits
	table := make([][]buttonWord, len(kinds))
	for k, kind := range kinds {
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
				mask.set(id)
			}
			table[k] = append(table[k], e)
		}
	}
	return table, mask
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
