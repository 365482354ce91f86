package extract

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
	if b.Runes > shortLineRunes || b.SentenceEnd || b.Runes == 0 {
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
	if num > 0 && float64(num) >= tickerNumericShare*float64(num+other) && containsDigit(b.Text) && (strings.ContainsAny(b.Text, "%▲▼△▽↑↓") || strings.Contains(b.Text, ",") || other == 0) {
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

// The buttons rule reads the pieces of the button words off the block's shared scan
// and counts only the words all of whose pieces occur: it answers as the plain count does.
func TestButtonsRuleAgrees(t *testing.T) {
	var words []string
	for _, k := range buttonKinds {
		words = append(words, buttonWords[k]...)
	}
	lines := fastPathTexts(t, 3, 2000)
	rng := rand.New(rand.NewPCG(7, 1))
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(5) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				w = w[:len(w)/2]
			case 2:
				w = w[len(w)/2:]
			}
			b.WriteString(w)
			b.WriteString([]string{"", " ", " 12 ", "·", "x", "İ", "\u212a"}[rng.IntN(7)])
		}
		lines = append(lines, b.String())
	}
	var r *Rule
	for i := range builtinRules {
		if builtinRules[i].Name == ruleButtons {
			r = &builtinRules[i]
		}
	}
	hits := 0
	for _, l := range lines {
		b := &Block{Text: l}
		blockFeatures(b)
		wk, wok := buttonLineRef(l, b.Runes)
		if got := r.match(b); got != wok || b.btnKind != wk {
			t.Errorf("buttons(%q) = %v, %q; want %v, %q", l, got, b.btnKind, wok, wk)
		}
		if wok {
			hits++
		}
	}
	if hits < 100 {
		t.Errorf("only %d button rows: the test tells little", hits)
	}
}

func TestButtonSetNext(t *testing.T) {
	var s buttonSet
	in := []int{0, 3, 63, 64, 65, 130, 255}
	for _, i := range in {
		s.set(i)
	}
	var got []int
	for i := s.next(0); i >= 0; i = s.next(i + 1) {
		got = append(got, i)
	}
	if len(got) != len(in) {
		t.Fatalf("next walks %v, want %v", got, in)
	}
	for i := range in {
		if got[i] != in[i] {
			t.Fatalf("next walks %v, want %v", got, in)
		}
	}
	if s.next(256) != -1 || s.next(131) != 255 || s.next(4) != 63 {
		t.Errorf("next(256), next(131), next(4) = %d, %d, %d", s.next(256), s.next(131), s.next(4))
	}
}

// Once a block is scanned, a quickRegexp rules a text out by its bit in the scan's hits:
// it answers as it does on a text searched directly, literal by literal, and as its
// regexp does. Most quickRegexps must have a bit, or the test tells little.
func TestQuickHitsAgree(t *testing.T) {
	texts := fastPathTexts(t, 4, 1000)
	texts = append(texts, "This website uses coo\u212Aies", "all rightſ reserved", "ſign up for our newsletter",
		"Reading time: 4 min", "Photo: x", "▶ 관련 기사", "(끝)", "Sign up for the briefing", "like this story? share it with a friend")
	withHit, gateHits := 0, 0
	for name, q := range quickByName() {
		if q.hit >= 0 {
			withHit++
		}
		for _, s := range texts {
			scanned := &textScan{text: s}
			scanned.lits(ruleLits) // the scan first, as contextFree's rules make it
			direct := &textScan{text: s, once: true}
			got, want := q.mayScan(scanned), q.mayScan(direct)
			if got != want {
				t.Errorf("%s: mayScan(%q) scanned = %v, searched = %v", name, s, got, want)
			}
			if !got && q.Regexp.MatchString(s) {
				t.Errorf("%s: mayScan(%q) = false, but the regexp matches", name, s)
			}
			if q.hit >= 0 {
				// the scan's bit: the gate is met (a literal, a byte, a prefix or a
				// suffix of it) or a fold escape occurs
				want := q.gate.meets(scanned, ruleLits) || q.holdsEscape(scanned)
				if hit := scanned.hits&(1<<q.hit) != 0; hit != want {
					t.Errorf("%s: hits bit of %q = %v, gate or escape: %v", name, s, hit, want)
				}
				if want {
					gateHits++
				}
			}
		}
	}
	if withHit < len(quickByName())/2 {
		t.Errorf("only %d quickRegexps have a bit in the scan's hits", withHit)
	}
	if gateHits < 1000 {
		t.Errorf("only %d texts meet a gate: the test tells little", gateHits)
	}
}

// appendGlued's shortcut for ASCII lines cuts as the full search does.
func TestAppendGluedASCII(t *testing.T) {
	texts := fastPathTexts(t, 5, 3000)
	texts = append(texts, "", "a", "[Reuters reporter] x", "x[AP 기자] y", "끝냈다/로이터연합뉴스그는", "마감했다.22일", "a ▲ b", "x/AP y")
	for _, s := range texts {
		got, want := appendGlued(nil, s), appendGluedFull(nil, s)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Errorf("appendGlued(%q) = %q, want %q", s, got, want)
		}
	}
}

// A block's label key is the same read off the scan the rules share (whose buffer the
// next block's key overwrites) as computed alone.
func TestLabelKeyScan(t *testing.T) {
	texts := fastPathTexts(t, 6, 3000)
	texts = append(texts, "", "  Most Read  ", "İSTANBUL", "\u212aelvin", "ÀB·cd", "a\xffb")
	sc := &textScan{}
	for _, s := range texts {
		want := labelKeyRef(s)
		if got := labelKey(s); got != want {
			t.Errorf("labelKey(%q) = %q, want %q", s, got, want)
		}
		b := &Block{Text: s}
		if got := b.labelKey(); got != want {
			t.Errorf("labelKey of a block (%q) = %q, want %q", s, got, want)
		}
		sc.reset(s)
		b = &Block{Text: s, scanned: sc}
		if got := b.labelKey(); got != want {
			t.Errorf("labelKey of a scanned block (%q) = %q, want %q", s, got, want)
		}
		if got := b.labelKey(); got != want {
			t.Errorf("labelKey of a scanned block (%q), again = %q, want %q", s, got, want)
		}
	}
}

// lineShapeRef is lineShape's bullet test as it was, every bullet tried.
func lineShapeRef(raw string) (indent int, bullet, body string) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		if c == ' ' {
			indent++
			i++
			continue
		}
		if c == '\t' {
			indent += 4
			i++
			continue
		}
		if strings.HasPrefix(raw[i:], "\u00a0") || strings.HasPrefix(raw[i:], "\u3000") {
			indent++
			_, n := utf8.DecodeRuneInString(raw[i:])
			i += n
			continue
		}
		break
	}
	rest := raw[i:]
	for _, b := range bullets {
		if strings.HasPrefix(rest, b) {
			after := rest[len(b):]
			if after == "" || after[0] == ' ' || after[0] == '\t' {
				return indent, b, strings.TrimSpace(after)
			}
		}
	}
	j := 0
	for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j > 0 && j+1 < len(rest) && (rest[j] == '.' || rest[j] == ')') && rest[j+1] == ' ' && indent > 0 {
		return indent, rest[:j+1], strings.TrimSpace(rest[j+2:])
	}
	return indent, "", strings.TrimSpace(rest)
}

func TestLineShapeBullets(t *testing.T) {
	texts := fastPathTexts(t, 7, 1000)
	rng := rand.New(rand.NewPCG(8, 8))
	for range 3000 {
		texts = append(texts, []string{"", " ", "\t", "\u00a0", "  "}[rng.IntN(5)]+bullets[rng.IntN(len(bullets))]+
			[]string{"", " ", "x", "\t", " item"}[rng.IntN(5)])
	}
	bulleted := 0
	for _, s := range texts {
		gi, gb, gt := lineShape(s)
		wi, wb, wt := lineShapeRef(s)
		if gi != wi || gb != wb || gt != wt {
			t.Errorf("lineShape(%q) = %d, %q, %q; want %d, %q, %q", s, gi, gb, gt, wi, wb, wt)
		}
		if wb != "" {
			bulleted++
		}
	}
	if bulleted < 1000 {
		t.Errorf("only %d bulleted lines", bulleted)
	}
}

// The shapes looseDate looks for before it runs the ISO and month-name regexps stand in
// every text those match.
func TestDateShapes(t *testing.T) {
	texts := fastPathTexts(t, 10, 20000)
	texts = append(texts, "2024年5月14日", "2024 年 12 月 1 日", "14.05.2024", "1. 5. 2024", "2024/5/14", "2024.12.01",
		"© 2019 Example", "2019-2020", "123 2019", "2019年123月", "2019", "x1y22z333")
	texts = append(texts, "2019-11-19", "x2019-11-19T10:31", "Nov 19, 2019", "19 NOVEMBER\t2019.", "November 19th 2019",
		"1 jan\n2020", "Jan 1,\f2020_", "Jan 1, 20201", "12019-11-19", "2019-1-19", "dec 3 2019x", "1999-12-31", "x1999-01-01 10:00")
	// month-name dates, with the separators the pattern allows and some it does not
	rng := rand.New(rand.NewPCG(10, 1))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	for range 3000 {
		day := pick("1", "19", "31", "7th", "2nd", "19.", "123")
		mon := pick("Nov", "november", "DEC.", "Sept", "mayo", "ab", "Jan,")
		sp := func() string { return pick(" ", "  ", "\t", "\n", "", "\u00a0", "-") }
		year := pick("2019", "1999", "20190", "201", "2019_", "2019.", "2019x")
		var s string
		if rng.IntN(2) == 0 {
			s = day + sp() + mon + sp() + year
		} else {
			s = mon + sp() + day + pick("", ",") + sp() + year
		}
		texts = append(texts, pick("", "Posted ", "x", "(")+s+pick("", " 10:31 pm", ")", "a"))
	}
	iso, month := 0, 0
	for _, s := range texts {
		if reISODate.MatchString(s) {
			iso++
			if isoShapeIndex(s) < 0 {
				t.Errorf("isoShapeIndex(%q) = -1, but reISODate matches", s)
			}
		}
		if reMonthDate.MatchString(s) {
			month++
			if !hasSpacedYear(s) {
				t.Errorf("hasSpacedYear(%q) = false, but reMonthDate matches", s)
			}
		}
		for _, re := range []*regexp.Regexp{reMonthDate, reCJKDate, reDotDate} {
			if re.MatchString(s) && !hasShortDigitRun(s) {
				t.Errorf("hasShortDigitRun(%q) = false, but %s matches", s, re)
			}
		}
	}
	if iso < 100 || month < 100 {
		t.Errorf("only %d ISO and %d month-name dates: the test tells little", iso, month)
	}
}

// A choice matched branch by branch matches where the whole regexp does: each branch
// alone (its flags kept), and each with its prefilter on a scanned block.
func TestQuickBranchesAgree(t *testing.T) {
	texts := fastPathTexts(t, 11, 1000)
	texts = append(texts, "Sign up for our newsletter", "SUPPORT independent journalism", "straight to your inbox",
		"Already a subscriber? Log in", "Subscribe now to continue reading", "We use cookies", "This site uses Cookies",
		"Photo: x", "ſign up for the briefing", "Abonnez-vous", "SUSCRÍBETE", "Ⓒ 2024", "newſletter",
		// a choice between anchors (the comment header's) is split too
		"34 Comments", "Leave a Reply", "jane says:", "Kommentare (12)", "Comments are closed", "댓글 3개",
		"Leave a Reply or not", "34 Comments and more", "He says: hello", "kommentare anzeigen", "Kommentare",
		"Post Your Comment", "Do you have comments on this story?", "Have your say")
	split, matched := 0, 0
	for name, q := range quickByName() {
		if q.branches == nil {
			continue
		}
		split++
		for _, s := range texts {
			want := q.Regexp.MatchString(s)
			any := false
			for _, br := range q.branches {
				any = any || br.compiled().MatchString(s)
			}
			if any != want {
				t.Errorf("%s: the branches of %q match %v, the regexp %v", name, s, any, want)
			}
			b := &Block{Text: s}
			b.scan().lits(ruleLits)
			if got := q.MatchBlock(b); got != want {
				t.Errorf("%s: MatchBlock(%q) = %v, want %v", name, s, got, want)
			}
			if want {
				matched++
			}
		}
	}
	if split < 3 || matched < 20 {
		t.Errorf("%d regexps split, %d matches: the test tells little", split, matched)
	}
}

// sentenceEnd's shortcut for a text that ends in ASCII answers as the full test does.
func TestSentenceEndShortcut(t *testing.T) {
	texts := fastPathTexts(t, 12, 3000)
	for c := range 256 {
		for _, s := range []string{"a" + string(rune(c)), "a" + string([]byte{byte(c)}), "x." + string(rune(c)), "..." + string(rune(c)), string(rune(c))} {
			texts = append(texts, s)
		}
	}
	texts = append(texts, "Done.", "Done...", "Really?", "Wow!", "He said \"yes.\"", "(see above.)", "end. ", "end.\u00a0", "다.", "끝…")
	ends := 0
	for _, s := range texts {
		got, want := sentenceEnd(s), sentenceEndFull(s)
		if got != want {
			t.Errorf("sentenceEnd(%q) = %v, want %v", s, got, want)
		}
		if want {
			ends++
		}
	}
	if ends < 100 {
		t.Errorf("only %d sentence ends", ends)
	}
}

// isRelatedHeadingRef is isRelatedHeading as it was written before labelLists and the
// byte tests of its suffixes and prefixes.
func isRelatedHeadingRef(b *Block) bool {
	if b.Runes > 40 || b.SentenceEnd {
		return false
	}
	k := labelKey(b.Text)
	if relatedHeadings[k] {
		return true
	}
	for _, suffix := range []string{" 더보기", " more", " today", " now"} {
		if strings.HasSuffix(k, suffix) && relatedHeadings[strings.TrimSuffix(k, suffix)] {
			return true
		}
	}
	for _, prefix := range []string{"more from ", "more in ", "more on ", "more stories from ", "mehr aus ", "mehr zu ", "plus de ", "más de ", "meer over "} {
		if strings.HasPrefix(k, prefix) && len(strings.Fields(k[len(prefix):])) <= 3 {
			return true
		}
	}
	if strings.HasPrefix(b.Text, "More ") && len(strings.Fields(b.Text)) <= 4 && lowerShare(b.Text) == 0 {
		return true
	}
	return false
}

// The rules that look a block's label key up in the label lists (through labelLists, kept
// on the block's scan) answer as the lists themselves do, with a scan lent and without.
func TestLabelListRulesAgree(t *testing.T) {
	texts := fastPathTexts(t, 9, 5000)
	var entries []string
	for _, set := range []map[string]bool{relatedHeadings, uiLabels, marketAssets, marketHeaders} {
		for k := range set {
			entries = append(entries, k)
		}
	}
	sort.Strings(entries)
	affixed := []string{"", " 더보기", " more", " Today", " now", "!", " 1", " x"}
	for i, e := range entries {
		texts = append(texts, e, strings.ToUpper(e), e+affixed[i%len(affixed)], "More from "+e, "mehr aus "+e, "Más de "+e, "more in "+e+" and more", "More "+strings.ToUpper(e[:1])+e[1:])
	}
	rule := func(name string) *Rule {
		for i := range builtinRules {
			if builtinRules[i].Name == RuleName(name) {
				return &builtinRules[i]
			}
		}
		t.Fatalf("no rule %q", name)
		return nil
	}
	uiLabel := rule("ui-label")
	hits := map[string]int{}
	for _, s := range texts {
		for _, lend := range []bool{false, true} {
			b := &Block{Text: s}
			blockFeatures(b)
			if lend {
				b.scanned = &textScan{text: s}
			}
			k := labelKey(s)
			check := func(name string, got, want bool) {
				if got != want {
					t.Errorf("%s(%q) (scan lent: %v) = %v, want %v", name, s, lend, got, want)
				}
				if want {
					hits[name]++
				}
			}
			check("isRelatedHeading", isRelatedHeading(b), isRelatedHeadingRef(b))
			wantHeader := b.Runes <= 30 && !b.SentenceEnd && (marketHeaders[k] ||
				strings.Contains(s, "기준") && (strings.Contains(s, "변동률") || strings.Contains(s, "등락률") || strings.Contains(s, "시세")))
			check("isTickerHeader", isTickerHeader(b), wantHeader)
			check("isTickerLine", isTickerLine(b), isTickerLineRef(b))
			check("ui-label", uiLabel.match(b), b.Runes <= 40 && uiLabels[k])
			for bit, set := range map[uint8]map[string]bool{inRelatedHeadings: relatedHeadings, inUILabels: uiLabels, inMarketAssets: marketAssets, inMarketHeaders: marketHeaders} {
				check("inLabels", b.inLabels(bit), set[k])
			}
		}
	}
	for _, name := range []string{"isRelatedHeading", "isTickerHeader", "isTickerLine", "ui-label", "inLabels"} {
		if hits[name] < 20 {
			t.Errorf("%s: only %d hits: the test tells little", name, hits[name])
		}
	}
}

// A quickRegexp's prefilter on a plain string searches it on the stack: the textScan
// it makes must not escape (a recursion through textScan.lits once made it).
func TestQuickMayAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("allocation counts differ under coverage")
	}
	texts := []string{"nothing to see here", "© 2025 Daily Example. All rights reserved.", "Photo: x", "(끝)"}
	for name, q := range quickByName() {
		for _, s := range texts {
			if n := testing.AllocsPerRun(10, func() { q.may(s) }); n != 0 {
				t.Errorf("%s: may(%q) allocates %v times", name, s, n)
			}
		}
	}
}

// branchesOf splits a choice, and a choice between anchors, and nothing else.
func TestBranchesOf(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		want    int
	}{
		{`a|bc|de|fg`, 4},
		{`a|bc|de`, 0}, // too few to split
		{`^(?:ab|cd|ef|gh)$`, 4},
		{`^(?:ab|cd|ef|gh)`, 4},
		{`^(?:ab|cd|ef|gh)x$`, 0}, // more than anchors around the choice
		{`abc`, 0},
	} {
		tree, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(branchesOf(tree)); got != tt.want {
			t.Errorf("branchesOf(%q): %d branches, want %d", tt.pattern, got, tt.want)
		}
	}
}
