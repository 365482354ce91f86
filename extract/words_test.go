package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// buttonLineRef is buttonLine without its prefilter: every word of every list is counted.
func buttonLineRef(t string, runes int) (string, bool) {
	if runes == 0 || runes > buttonLineMaxRunes {
		return "", false
	}
	s := strings.ToLower(t)
	total := letterCount(s)
	if total == 0 {
		return "", false
	}
	best, bestN := "", 0
	for _, k := range buttonKinds {
		n := 0
		for _, w := range buttonWords[k] {
			if c := strings.Count(s, w); c > 0 {
				n += c * letterCount(w)
				s = strings.ReplaceAll(s, w, " ")
			}
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	if bestN == 0 || float64(letterCount(s)) > buttonLineMaxRest*float64(total) {
		return "", false
	}
	return best, true
}

// The button words' automaton only skips words that cannot occur: buttonLine answers as
// the plain count does, on the golden lines and on rows glued from the words themselves
// (in both cases, run together and spaced, so that a replaced word leaves pieces of others).
func TestButtonLineAgrees(t *testing.T) {
	// runes that strings.ToLower changes (İ to i, the Kelvin sign to k) and invalid UTF-8
	lines := append(goldenLines(t), "LİKE 12", "KAKAO 3 SHARE", "공유\xff하기 좋아요", "ÉDIT Like 3", "Like\xc3")
	var words []string
	for _, k := range buttonKinds {
		words = append(words, buttonWords[k]...)
	}
	rng := rand.New(rand.NewPCG(5, 9))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				w = w[:len(w)/2] // a piece of a word
			}
			b.WriteString(w)
			b.WriteString([]string{"", " ", " 12 ", "·", "x"}[rng.IntN(5)])
		}
		lines = append(lines, b.String())
	}
	hits := 0
	for _, l := range lines {
		n := utf8.RuneCountInString(l)
		gk, gok := buttonLine(l, n)
		wk, wok := buttonLineRef(l, n)
		if gk != wk || gok != wok {
			t.Errorf("buttonLine(%q) = %q, %v; want %q, %v", l, gk, gok, wk, wok)
		}
		if wok {
			hits++
		}
	}
	if hits < 100 {
		t.Errorf("only %d lines are button rows: the test tells little", hits)
	}
}

// labelKeyRef is labelKey rune by rune through the unicode tables.
func labelKeyRef(s string) string {
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

// labelKey's table for ASCII bytes gives what the unicode tables give, control
// characters, invalid UTF-8 and upper-case non-ASCII letters included.
func TestLabelKeyAgrees(t *testing.T) {
	lines := append(goldenLines(t), "Most Read", "  주요 뉴스 ", "MORE—from\tSPORTS", "a\x00b\x7fc", "x\xffy\xc3",
		"ÀÉÎ Ωmega", "№ 1 · Top-10!", "İstanbul", "\u212a\u212b", "많이 본 뉴스 >")
	for c := range 256 {
		lines = append(lines, "a"+string(rune(c))+"b", "a"+string([]byte{byte(c)})+"b")
	}
	for _, l := range lines {
		if got, want := labelKey(l), labelKeyRef(l); got != want {
			t.Errorf("labelKey(%q) = %q, want %q", l, got, want)
		}
	}
}

// letterCount and hasNonASCIIUpper, with their shortcuts for ASCII, Hangul and CJK, answer
// as the plain loops over unicode.IsLetter and unicode.ToLower do, for every rune of the
// Basic Multilingual Plane and some beyond, and for bad bytes.
func TestLetterCountAndUpperAgree(t *testing.T) {
	var rs []string
	for r := rune(0); r < 0x20000; r++ {
		if r < 0xD800 || r > 0xDFFF {
			rs = append(rs, string(r))
		}
	}
	rs = append(rs, "\xff", "\xc3", "\xed\xa0\x80", "\xe5\xb0")
	for _, s := range rs {
		for _, in := range []string{s, "ab" + s + "C", "한" + s} {
			n, upper := 0, false
			for _, r := range in {
				if unicode.IsLetter(r) {
					n++
				}
				if r >= utf8.RuneSelf && unicode.ToLower(r) != r {
					upper = true
				}
			}
			if got := letterCount(in); got != n {
				t.Fatalf("letterCount(%q) = %d, want %d", in, got, n)
			}
			if got := hasNonASCIIUpper(in); got != upper {
				t.Fatalf("hasNonASCIIUpper(%q) = %v, want %v", in, got, upper)
			}
		}
	}
}

// labelRune classes every rune as the unicode tables do.
func TestLabelRune(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		letter, sep := labelRune(r)
		wantLetter := unicode.IsLetter(r)
		wantSep := !wantLetter && (unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsDigit(r))
		if letter != wantLetter || sep != wantSep {
			t.Fatalf("labelRune(%U) = %v, %v; want %v, %v", r, letter, sep, wantLetter, wantSep)
		}
	}
}
