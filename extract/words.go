package extract

import (
	_ "embed"
	"sort"
	"strings"
	"unicode"
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
	space := false
	for _, r := range s {
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
