package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// litTestPats are literals that stress the automaton: overlapping ones (he, she, hers),
// one inside another, keys longer than maxKey that share their prefix, case-folding and
// exact ones that differ only in case, Hangul, and the fold escapes.
var litTestPats = []litPat{
	{"he", false}, {"she", false}, {"his", false}, {"hers", false}, {"e", false},
	{"ab", true}, {"abab", true}, {"bab", false}, {"AD", false}, {"ad", true}, {"Ad", false},
	{"all rights reserved", true}, {"all rights", true}, {"all rightsx", false},
	{"we may earn a commission", true}, {"we may earn a small commission", true},
	{"입력", false}, {"기사입력", false}, {"입력시간", false}, {"최종 수정", false}, {"연합뉴스", false},
	{"/ 연합뉴스", false}, {"ap 연합", true},
	{"\u212a", false}, {"ſ", false}, {"©", false}, {"ⓒ", false}, {"Ⓒ", false},
	{"cookie", true}, {"Cookie", false}, {"kk", true}, {"(c)", true}, {"::", false}, {"0:", false},
}

var litTestTexts = []string{
	"", "h", "he", "she", "ushers", "HERS", "His hers", "ababab", "ABAB", "xBaB", "bab", "AD", "Ad", "aD", "ad",
	"All Rights Reserved.", "ALL RIGHTS", "all rightsx", "all rightsX", "All RightsX",
	"We may earn a small commission", "WE MAY EARN A COMMISSION.", "we may earn a",
	"기사입력 2024-05-14", "입력시간", "최종 수정 2024", "최종수정", "사진 / 연합뉴스", "/연합뉴스", "AP 연합뉴스",
	"This website uses coo\u212aies", "all rightſ reserved", "ⓒ 2024", "Ⓒ", "© x", "(C) 2024", "a::b", "10:30",
	"Cookie policy", "COOKIE", "kK", "K\u212a",
}

// litTruth is what scan must find: each literal by a direct search.
func litTruth(p litPat, text string) bool {
	if p.fold {
		return strings.Contains(lowerASCIIString(text), p.s)
	}
	return strings.Contains(text, p.s)
}

func TestLitMatcherAgrees(t *testing.T) {
	ls := &litSet{}
	ids := make([]int32, len(litTestPats))
	for i, p := range litTestPats {
		ids[i] = ls.add(p.s, p.fold)
	}
	ls.build()
	texts := append([]string{}, litTestTexts...)
	// random texts of pieces of the literals, in both cases, glued and spaced
	rng := rand.New(rand.NewPCG(7, 7))
	pieces := []string{" ", "a", "b", "A", "B", "d", "D", "h", "e", "s", "r", "S", "H", "입", "력", "기사", "시간", "연합", "뉴스", "/",
		"\u212a", "ſ", "k", "K", "all", "ALL", " rights", " RIGHTS", " reserved", "x", "(c)", "©", ":", "0"}
	for k := range 6000 {
		n := rng.IntN(12)
		if k%2 == 1 {
			n = 20 + rng.IntN(60) // past minSplitScan bytes: scanned in two halves
		}
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// long texts take the same path
	texts = append(texts, strings.Repeat("plain words and more words ", 40)+"All Rights Reserved"+strings.Repeat(" x", 30))
	// a literal across the middle of a text scanned in two halves, at every offset
	for _, p := range litTestPats {
		for off := -len(p.s) - 1; off <= 1; off++ {
			pad := strings.Repeat("x", minSplitScan/2+off)
			texts = append(texts, pad+p.s+strings.Repeat("y", minSplitScan/2))
		}
	}
	var byteHits [256]uint64
	for c := range byteHits {
		byteHits[c] = uint64(c) * 0x9E3779B97F4A7C15
	}
	found := make([]int, len(litTestPats))
	for _, text := range texts {
		var bits litBits
		h := ls.m.scanHits(text, &bits, &byteHits)
		want := uint64(0)
		for i := 0; i < len(text); i++ {
			want |= byteHits[text[i]]
		}
		if h != want {
			t.Errorf("scanHits(%q): byte hits %x, want %x", text, h, want)
		}
		for i, p := range litTestPats {
			want := litTruth(p, text)
			if got := bits.has(ids[i]); got != want {
				t.Errorf("scan(%q): literal %q (fold %v) found %v, want %v", text, p.s, p.fold, got, want)
			}
			if want {
				found[i]++
			}
		}
	}
	for i, n := range found {
		if n == 0 {
			t.Errorf("no test text holds %q: add one", litTestPats[i].s)
		}
	}
}

// A quickRegexp read through a block's scan answers as its regexp does: patterns of
// their own litSet, with case folding, the K and ſ escapes, overlapping and long literals
// and Hangul, on the test texts and random ones.
func TestQuickRegexpScanAgrees(t *testing.T) {
	patterns := []string{
		`(?i)all rights reserved|copyright`, `(?i)cookies? (?:policy|settings)|we use cookies`,
		`(?i)(?:opens|open) in (?:a )?new (?:window|tab)`, `기사입력|입력시간|최종 수정`, `/\s?연합뉴스$`,
		`(?i)\bap\b|afp`, `^(?:AD|PD)\s*:`, `(?i)ⓒ|©|\(c\)\s*\d{4}`, `\d{4}-\d\d-\d\d`, `(?i)suscr[ií]bete`,
		`(?i)^(?:he|she|hers)$`, `(?i)kk|ss`, `(?i)abab|bab`, `[▶▷☞]`, `#\S+`,
		// anchored: prefixes and suffixes, folding ones among them
		`(?i)^(?:sk|ks)ip\b`, `(?i)(?:ok|no)$`, `^[▶▷☞➤►→]`, `^(?:#[^\s#]+\s*)+$`, `^\(?끝\)?$|^\d{4}/\d\d 송고$|^<저작권자`,
		`(?i)^(?:image|photo) (?:caption|source)\b`, `^[—–-]\s.{0,60}\(@\w+\)`,
	}
	ls := &litSet{}
	var qs []*quickRegexp
	for _, p := range patterns {
		qs = append(qs, ls.quick(regexp.MustCompile(p)))
	}
	ls.build()
	texts := append([]string{}, litTestTexts...)
	texts = append(texts, "Opens in a new tab", "(open in new WINDOW)", "Cookie Settings", "We Use Cookies", "AD: x",
		"PD : 홍길동", "Photo/연합뉴스", "사진 / 연합뉴스", "AP", "the ap wire", "AFP", "ⓒ x", "Ⓒ x", "(C) 2024", "2024-05-14",
		"SUSCRÍBETE", "suscribete", "SHE", "hers", "KK", "\u212a\u212a", "ſſ", "SS", "ABAB", "bAb", "▶ more", "#tag",
		"suscr\u00edbete", "Copyright", "COPYRIGHT", "ALL RIGHTS RESERVED", "opens in a new tabs",
		"ſkip", "\u212aſip", "SKIP it", "skipper", "kſip", "O\u212a", "NO", "xno", "no.", "▶ a", "→", "a ▶", "#a #b", "#a b",
		"(끝)", "끝", "(끝", "2024/05 송고", "<저작권자 x>", "x<저작권자", "Image Caption A", "photo source", "an image caption",
		"— Jane (@jane) May 1", "- x (@y)", "x — (@y)")
	rng := rand.New(rand.NewPCG(11, 3))
	pieces := []string{" ", "a", "b", "A", "B", "k", "K", "\u212a", "s", "S", "ſ", "he", "HE", "r", "s", "ap", "AP", "f",
		"(c)", "ⓒ", "Ⓒ", "2024", "-", "05", "/", "연합뉴스", "입력", "기사", "시간", "cookie", "s ", "policy", "open", "in",
		"new", "tab", "©", "#", "▶", "suscr", "í", "Í", "bete", "AD", ":"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for i, q := range qs {
		matched := 0
		for _, text := range texts {
			b := &Block{Text: text}
			want := q.Regexp.MatchString(text)
			if got := q.MatchBlock(b); got != want {
				t.Errorf("%s: MatchBlock(%q) = %v, want %v", patterns[i], text, got, want)
			}
			if got := q.MatchString(text); got != want {
				t.Errorf("%s: MatchString(%q) = %v, want %v", patterns[i], text, got, want)
			}
			if want {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("no test text matches %s: add one", patterns[i])
		}
	}
}

// The package's own rules read their literals through ruleLits: every literal got an id
// (none fell back to a direct search because the set was full), and the prefilters
// that read a block's scan answer as the regexps do on every line of the golden inputs.
func TestRuleLitsScanAgrees(t *testing.T) {
	if ruleLits.m == nil || !ruleLits.sealed {
		t.Fatal("ruleLits was not built")
	}
	for _, q := range allQuick() {
		var walk func(c *cond)
		walk = func(c *cond) {
			if c == nil {
				return
			}
			if c.kind == condLit && len(c.s) > 1 && c.id < 0 {
				t.Errorf("%s: literal %q has no id", q.Regexp, c.s)
			}
			for _, sub := range c.subs {
				walk(sub)
			}
		}
		walk(q.need)
	}
	lines := goldenLines(t)
	for name, q := range quickByName() {
		for _, l := range lines {
			b := &Block{Text: l}
			if got, want := q.MatchBlock(b), q.Regexp.MatchString(l); got != want {
				t.Errorf("%s: MatchBlock(%q) = %v, want %v", name, l, got, want)
			}
		}
	}
}

func allQuick() []*quickRegexp {
	var out []*quickRegexp
	for _, q := range quickByName() {
		out = append(out, q)
	}
	return out
}
