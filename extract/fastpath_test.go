package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// fastPathTexts returns the golden lines and random lines glued from pieces that the
// fast paths of the rules treat apart: ASCII and other spaces, digits (ASCII and not),
// signs and arrows, letters of several scripts, a bad byte, and dates in the forms
// looseDate reads.
func fastPathTexts(t *testing.T, seed uint64, n int) []string {
	texts := goldenLines(t)
	pieces := []string{
		" ", "  ", "\t", "\u0085", "\u00a0", "\u3000", "\u2028", "1", "12", "2024", "19", "٣", "５",
		",", ".", "%", "+", "-", "−", "▲", "▼", "△", "▽", "↑", "↓", "$", "a", "Z", "KOSPI", "코스피", "나스닥",
		"비트코인", "é", "ß", "\xff", "\xe2\x82", "Nov", "November", "19th", "年", "月", "日", "/", ":", "pm",
		"2019-11-19", "19.11.2019", "2019/11/19", "10:31", "CST", "(", ")", "Dow", "S&P 500",
	}
	rng := rand.New(rand.NewPCG(seed, 17))
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// isTickerLineRef is isTickerLine as it was written before its ASCII table.
func isTickerLineRef(b *Block) bool {
	if b.Runes > ShortLineRunes || b.SentenceEnd || b.Runes == 0 {
		return false
	}
	num, other := 0, 0
	for _, r := range b.Text {
		switch {
		case unicode.IsSpace(r):
		case unicode.IsDigit(r) || strings.ContainsRune(",.%+-−▲▼△▽↑↓", r):
			num++
		default:
			other++
		}
	}
	if num > 0 && float64(num) >= TickerNumericShare*float64(num+other) && containsDigit(b.Text) && (strings.ContainsAny(b.Text, "%▲▼△▽↑↓") || strings.Contains(b.Text, ",") || other == 0) {
		return true
	}
	return marketAssets[b.labelKey()]
}

func TestTickerLineAgrees(t *testing.T) {
	hits := 0
	for _, s := range fastPathTexts(t, 1, 20000) {
		b := &Block{Text: s}
		blockFeatures(b)
		got, want := isTickerLine(b), isTickerLineRef(b)
		if got != want {
			t.Errorf("isTickerLine(%q) = %v, want %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 100 {
		t.Errorf("only %d ticker lines: the test tells little", hits)
	}
}

// looseDate's precheck (four digits in a row) never rules out a text that the full
// reading finds a date in.
func TestLooseDatePrecheck(t *testing.T) {
	hits := 0
	for _, s := range fastPathTexts(t, 2, 20000) {
		a, b := textScan{text: s, once: true}, textScan{text: s, once: true}
		gd, gok := looseDate(&a)
		wd, wok := looseDateFull(&b)
		if gd != wd || gok != wok {
			t.Errorf("looseDate(%q) = %q, %v; want %q, %v", s, gd, gok, wd, wok)
		}
		if wok {
			hits++
		}
	}
	if hits < 100 {
		t.Errorf("only %d dates: the test tells little", hits)
	}
}
