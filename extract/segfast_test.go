package extract

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// tokenSamples are class tokens built from the word lists: whole words, words joined by
// "-" and "_" with other parts, upper case, long and odd shapes.
func tokenSamples() []string {
	var words []string
	for _, l := range hintLists {
		for w := range l.words {
			words = append(words, w)
		}
	}
	for w := range deckParts {
		words = append(words, w)
	}
	others := []string{"c", "xs", "md", "hidden", "blind", "d", "none", "block", "flex", "inline",
		"article", "body", "news", "box", "wrap", "inner", "", "1", "sr", "only", "sound"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string {
		if rng.IntN(3) == 0 {
			return others[rng.IntN(len(others))]
		}
		return words[rng.IntN(len(words))]
	}
	out := append([]string{}, words...)
	out = append(out, "d-none", "d-md-block", "hidden-xs", "field-label-hidden", "sr-only",
		"a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-summary", strings.Repeat("x", 120)+"-caption")
	for range 5000 {
		n := 1 + rng.IntN(5)
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte("-_"[rng.IntN(2)])
			}
			b.WriteString(pick())
		}
		out = append(out, b.String())
	}
	return out
}

// TestTokenVerdicts checks the one-pass verdicts against each list's own matcher.
func TestTokenVerdicts(t *testing.T) {
	for _, tok := range tokenSamples() {
		ti := tokenVerdicts(tok)
		for i, l := range hintLists {
			if got, want := ti.kinds[i], matchTokenParts(tok, l.words); got != want {
				t.Errorf("%q list %d: got %q, want %q", tok, i, got, want)
			}
			if got, want := matchToken(tok, l), matchTokenParts(tok, l.words); got != want {
				t.Errorf("matchToken(%q) list %d: got %q, want %q", tok, i, got, want)
			}
		}
		want := uint8(0)
		if hiddenToken(tok) {
			want |= tokHidden
		}
		if showToken(tok) {
			want |= tokShow
		}
		if matchTokenParts(tok, captionWords.words) != "" {
			want |= tokCaption
		}
		if matchTokenParts(tok, bodyContainerWords.words) != "" {
			want |= tokBody
		}
		if deckToken(tok) {
			want |= tokDeck
		}
		if ti.flags != want {
			t.Errorf("%q: flags %05b, want %05b", tok, ti.flags, want)
		}
	}
}

// TestAttrTokens checks the byte scan of class values against splitting them into fields.
func TestAttrTokens(t *testing.T) {
	values := []string{"", " ", "a", "A", "article-body", "Article-Body  clearfix", " x y ", "x\ty\nz",
		"d-none d-md-block", "d-none", "hidden", "img_desc caption", "a\u00a0b", "Ünïcode X", "x\u2003y",
		"summary sr-only", "a  b", "a\fb\vc\rd"}
	toks := tokenSamples()
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString([]string{" ", "  ", "\t", "\n"}[rng.IntN(4)])
			tok := toks[rng.IntN(len(toks))]
			if rng.IntN(4) == 0 {
				tok = strings.ToUpper(tok)
			}
			b.WriteString(tok)
		}
		values = append(values, b.String(), strings.TrimSpace(b.String()))
	}
	sg := getSegmenter(&Document{}, Options{})
	defer sg.release()
	for _, v := range values {
		var want attrInfo
		var norm []string
		for tok := range strings.FieldsSeq(v) {
			tok = lowerASCII(tok)
			norm = append(norm, tok)
			want.add(tokenVerdicts(tok).flags, tok)
		}
		want.norm = strings.Join(norm, " ")
		for range 2 { // read, then cached
			if got := sg.attrTokens(v); got != want {
				t.Errorf("%q: got %+v, want %+v", v, got, want)
			}
		}
	}
}

// TestSegmentHTMLHintsDeep checks every block's hints against the ancestors' tokens joined
// and cut as the walk does, on a page whose hints pass maxHintsLen.
func TestSegmentHTMLHintsDeep(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	depth := 150
	for i := range depth {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, `<div class="Level l%d  wrap_box" id="n%d"><p>text %d</p>`, i, i, i)
		case 1:
			fmt.Fprintf(&b, `<section itemprop="articleBody" role="main"><span class="x%d Y">inline %d</span><img src="/i%d.jpg" class="pic"><p>para %d</p>`, i, i, i, i)
		case 2:
			fmt.Fprintf(&b, `<div><p class="c%d">p %d</p>`, i, i)
		case 3:
			fmt.Fprintf(&b, `<div class="%s"><p>long %d</p>`, strings.Repeat("tok ", 40), i)
		}
	}
	for range depth {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	doc := SegmentHTML(b.String(), Options{})
	if len(doc.Blocks) < depth {
		t.Fatalf("%d blocks", len(doc.Blocks))
	}
	long := false
	for _, blk := range doc.Blocks {
		if blk.Kind == BlockImage || blk.Node == nil {
			continue
		}
		want := refHints(blk.Node)
		if strings.HasPrefix(blk.Text, "inline ") {
			// the span's own tokens follow its block's
			want += fmt.Sprintf(" x%s y", strings.TrimPrefix(blk.Text, "inline "))
		}
		if blk.Hints != want {
			t.Fatalf("block %d %q: hints\n%q\nwant\n%q", blk.Index, blk.Text, blk.Hints, want)
		}
		long = long || len(want) > maxHintsLen/2
	}
	if !long {
		t.Fatal("no block's hints were cut")
	}
}

// refHints computes an element's hints the way the walk used to: each ancestor's class,
// id, itemprop and role tokens appended to its parent's, keeping the nearest half when
// they grow past maxHintsLen.
func refHints(n *html.Node) string {
	var chain []*html.Node
	for x := n; x != nil; x = x.Parent {
		if x.Type == html.ElementNode {
			chain = append(chain, x)
		}
	}
	hints := ""
	for i := len(chain) - 1; i >= 0; i-- {
		var own []string
		for _, a := range chain[i].Attr {
			switch a.Key {
			case "class", "id", "itemprop", "role":
				for tok := range strings.FieldsSeq(a.Val) {
					own = append(own, lowerToken(tok))
				}
			}
		}
		if len(own) == 0 {
			continue
		}
		o := strings.Join(own, " ")
		switch {
		case hints == "":
			hints = o
		case len(hints)+1+len(o) <= maxHintsLen:
			hints += " " + o
		default:
			h := hints[len(hints)-min(len(hints), maxHintsLen/2):]
			if i := strings.IndexByte(h, ' '); i >= 0 {
				h = h[i+1:]
			}
			hints = h + " " + o
		}
	}
	return hints
}

// TestBlockFeaturesWords checks the word scan against strings.Fields and the script counts
// against scriptCounts, on text mixing scripts, odd spaces and punctuation.
func TestBlockFeaturesWords(t *testing.T) {
	pieces := []string{"the", "The", "ÜBER", "für", "news", "기자가", "말했다.", "東京", "カタカナ", "〇", "⺀",
		"K", "(and)", "\"or\"", "—", "...", "$5", "a\u00a0b", "\u2003", "\u3000", " ", "  ", "\t", "\n",
		"\xff", "ä", "KELVIN\u212a", strings.Repeat("x", 50), "é.", "«le»", "이다", "的"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		blk := &Block{Text: text}
		h, l := blockFeatures(blk)
		if wh, wl := scriptCounts(text); h != wh || l != wl {
			t.Errorf("%q: script counts %d %d, want %d %d", text, h, l, wh, wl)
		}
		words, stops, endings := refWordCounts(text)
		if blk.Words != words || blk.Runes != utf8.RuneCountInString(text) {
			t.Errorf("%q: %d words %d runes, want %d %d", text, blk.Words, blk.Runes, words, utf8.RuneCountInString(text))
		}
		if words > 0 && (blk.StopDensity != float64(stops)/float64(words) || blk.EndingDensity != float64(endings)/float64(words)) {
			t.Errorf("%q: densities %v %v, want %d %d of %d", text, blk.StopDensity, blk.EndingDensity, stops, endings, words)
		}
	}
}

// refWordCounts counts the words of t, those that are stop words and those with a Korean
// ending, as blockFeatures did before its shortcuts.
func refWordCounts(t string) (words, stops, endings int) {
	for _, word := range strings.Fields(t) {
		words++
		word = strings.TrimFunc(word, isPunctOrSymbol)
		if word == "" {
			continue
		}
		if stopLatin[strings.ToLower(word)] {
			stops++
		}
		if hasKoreanEnding(word) {
			endings++
		}
	}
	return words, stops, endings
}

// TestTextScans checks the text segmenter's byte scans against plain implementations.
func TestTextScans(t *testing.T) {
	pieces := []string{"a", "B", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "\ufeff", "\u3000", "\u2003", "\xff",
		"\ufffd", "가", "東", "<script>", "<SCRIPT type=x>", "</script>", "</Script >", "<style>", "</STYLE>",
		"<s", "<sx>", "</", "<scriptx>", "<script", "x>", strings.Repeat("w", 70)}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := foldSpace(s), refFoldSpace(s); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := isBlank(s), refIsBlank(s); got != want {
			t.Errorf("isBlank(%q) = %v", s, got)
		}
		if got, want := stripRawElements(s), refStripRawElements(s); got != want {
			t.Errorf("stripRawElements(%q) = %q, want %q", s, got, want)
		}
		if got, want := displayWidth(s), refDisplayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
		if got, want := isASCII(s), utf8.RuneCountInString(s) == len(s) && !strings.ContainsRune(s, utf8.RuneError); got != want {
			t.Errorf("isASCII(%q) = %v, want %v", s, got, want)
		}
	}
	for range 2000 {
		var lines []string
		for range rng.IntN(30) {
			w := 40 + rng.IntN(40)
			if rng.IntN(10) == 0 {
				w = 1000 + rng.IntN(40)
			}
			lines = append(lines, strings.Repeat("x", w))
		}
		if got, want := wrapColumn(lines), refWrapColumn(lines); got != want {
			t.Errorf("wrapColumn = %d, want %d", got, want)
		}
	}
}

func refDisplayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r == '\t':
			w += 4
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func refFoldSpace(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u3000' {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func refIsBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u00a0' && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

func refWrapColumn(lines []string) int {
	counts := map[int]int{}
	for _, l := range lines {
		if w := displayWidth(l); w >= minWrapColumn {
			counts[w]++
		}
	}
	best := 0
	for w := range counts {
		if w <= best {
			continue
		}
		near := 0
		for d := 0; d <= 4; d++ {
			near += counts[w-d]
		}
		if near >= 3 {
			best = w
		}
	}
	return best
}

func refStripRawElements(s string) string {
	if !strings.Contains(s, "</") {
		return s
	}
	lower := []byte(s)
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	ls := string(lower)
	var b strings.Builder
	last := 0
	for i := 0; i < len(ls); {
		j := strings.Index(ls[i:], "<s")
		if j < 0 {
			break
		}
		i += j
		name := ""
		for _, n := range []string{"script", "style"} {
			if strings.HasPrefix(ls[i+1:], n) && i+1+len(n) < len(ls) {
				if c := ls[i+1+len(n)]; c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/' {
					name = n
				}
			}
		}
		if name == "" {
			i++
			continue
		}
		k := strings.Index(ls[i:], "</"+name)
		if k < 0 {
			break
		}
		end := i + k + len("</"+name)
		if gt := strings.IndexByte(ls[end:], '>'); gt >= 0 && gt < 16 {
			end += gt + 1
		}
		b.WriteString(s[last:i])
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// TestIsStopWord checks the trie walk against the set's lookup of the lower-cased word.
func TestIsStopWord(t *testing.T) {
	var words []string
	for w := range stopLatin {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", "x"+w,
			w[:len(w)-1], strings.ReplaceAll(w, "k", "\u212a"), w+"\u00e9", "\u00c9"+w)
	}
	words = append(words, "", "a", "A", "\u212a", "Über", "straße", strings.Repeat("the", 30), "한국어", "\xffthe", "\xc3")
	// the packed lookup of short ASCII words: NUL bytes (which pack as the zero bytes
	// past a word's end), words of 8 and 9 bytes, and random ASCII words
	for w := range stopLatin {
		words = append(words, w+"\x00", "\x00"+w, w[:1]+"\x00"+w[1:], w+strings.Repeat("s", 8-min(8, len(w))), w+strings.Repeat("S", 9-min(9, len(w))))
	}
	rng := rand.New(rand.NewPCG(7, 7))
	const letters = "aeiotnshrdlcumAEIOTNSH\x00'-1@"
	for range 200000 {
		b := make([]byte, 1+rng.IntN(10))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		words = append(words, string(b))
	}
	// a word starting with any rune of the Basic Multilingual Plane, or that rune alone
	some := []string{"", "the", "ber", "x"}
	for r := rune(0x80); r < 0x10000; r++ {
		if r < 0xD800 || r > 0xDFFF {
			words = append(words, string(r)+some[int(r)%len(some)])
		}
	}
	stops := 0
	for _, w := range words {
		want := stopLatin[strings.ToLower(w)]
		if got := isStopWord(w); got != want {
			t.Errorf("isStopWord(%q) = %v, want %v", w, got, want)
		}
		if want {
			stops++
		}
	}
	if stops < 2*len(stopLatin) {
		t.Errorf("only %d stop words tried", stops)
	}
}

// trimPunct, with its shortcuts for words that start and end with ASCII letters, digits or
// Hangul syllables, is strings.TrimFunc(word, isPunctOrSymbol).
func TestTrimPunctAgrees(t *testing.T) {
	ends := []string{"a", "1", "한", "!", "\xff", ""}
	for r := rune(0x21); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, e := range ends {
			for _, w := range []string{string(r) + "x" + e, e + "x" + string(r), string(r) + e, e + string(r) + e} {
				if w == "" {
					continue
				}
				if got, want := trimPunct(w), strings.TrimFunc(w, isPunctOrSymbol); got != want {
					t.Fatalf("trimPunct(%q) = %q, want %q", w, got, want)
				}
			}
		}
	}
	// words of several pieces: runs of punctuation at both ends, cut UTF-8, bad bytes
	pieces := []string{"a", "1", "한", "é", "!", "(", "“", "”", "’", "—", "…", "€", "\xff", "\xe2\x80", "\x80", "«", "™", "\u00a0", "x"}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		w := b.String()
		if got, want := trimPunct(w), strings.TrimFunc(w, isPunctOrSymbol); got != want {
			t.Fatalf("trimPunct(%q) = %q, want %q", w, got, want)
		}
	}
}

// newPackedSet packs the short ASCII words of a set and tells whether it packed every
// ASCII word: isStopWord rules out a long ASCII word only then.
func TestPackedSet(t *testing.T) {
	p := newPackedSet(map[string]bool{"the": true, "zwischen": true, "über": true})
	for w, want := range map[string]bool{"the": true, "THE": true, "zwischen": true, "th": false, "the\x00": false, "über": false} {
		k, ok := packLowerASCII(w)
		if got := ok && p.has(k); got != want {
			t.Errorf("has(%q) = %v", w, got)
		}
	}
	if !p.allASCII {
		t.Error("allASCII false for a set whose ASCII words all pack")
	}
	if newPackedSet(map[string]bool{"the": true, "otherwise": true}).allASCII {
		t.Error("allASCII true for a set with an ASCII word of 9 bytes")
	}
}

// punctOrSymbol's range answered without the tables is punctuation, and it answers
// as isPunctOrSymbol for every rune.
func TestPunctOrSymbol(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := punctOrSymbol(r), isPunctOrSymbol(r); got != want {
			t.Fatalf("punctOrSymbol(%U) = %v, want %v", r, got, want)
		}
	}
}

// No rune below lowRunes is Han, Hiragana or Katakana (blockFeatures weighs those
// apart), and isSpace is unicode.IsSpace for every rune.
func TestLowRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if r < lowRunes && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			t.Fatalf("%U below lowRunes is Han, Hiragana or Katakana", r)
		}
		if got, want := toLower(r), unicode.ToLower(r); got != want {
			t.Fatalf("toLower(%U) = %U, want %U", r, got, want)
		}
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
		if r < lowRunes && ((lowRune[r]&lowLetter != 0) != unicode.IsLetter(r) ||
			(lowRune[r]&lowLetterDig != 0) != (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			t.Fatalf("lowRune[%U] letter or digit bit is wrong", r)
		}
	}
}

// blockFeaturesRef is blockFeatures as it was before lowRune: the rune classes from the
// unicode tables.
func blockFeaturesRef(b *Block) (scHangul, scLetters int) {
	t := b.Text
	runes := 0
	var w float64
	hangul, letters := 0, 0
	for _, r := range t {
		runes++
		switch {
		case r < utf8.RuneSelf:
			w++
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
				scLetters++
			}
		case r >= 0xAC00 && r <= 0xD7A3:
			w += 1.5
			hangul++
			letters++
			scHangul++
			scLetters++
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			w += 3
			letters++
			if unicode.IsLetter(r) {
				scLetters++
			}
		case unicode.IsLetter(r):
			w++
			letters++
			scLetters++
		default:
			w++
		}
	}
	b.Runes = runes
	b.Weighted = w
	b.Hangul = letters > 0 && float64(hangul)/float64(letters) > 0.5
	if b.Runes > 0 {
		b.LinkDensity = min(float64(b.LinkRunes)/float64(b.Runes), 1)
	}
	words, stops, endings := refWordCounts(t)
	b.Words = words
	if words > 0 {
		b.StopDensity = float64(stops) / float64(words)
		b.EndingDensity = float64(endings) / float64(words)
	}
	b.SentenceEnd = sentenceEndFull(t)
	return scHangul, scLetters
}

// blockFeatures, with its shortcuts, fills a block as the plain definitions do.
func TestBlockFeaturesAgree(t *testing.T) {
	pieces := []string{" ", "  ", "\u00a0", "\u2003", "\u3000", "\u1680", "\u0085", "\t", "the", "Der", "und", "привет", "и", "Ωμέγα", "é", "ß", "한국어", "는", "漢字", "ひらがな", "カタカナ", "ｶﾀｶﾅ", "━", "•", "’", "“", "—", "…", ".", "!", "?", "\xff", "\xe2\x80", "12", "٣", "𝒜", "ǅ"}
	texts := goldenLines(t)
	rng := rand.New(rand.NewPCG(13, 1))
	for range 30000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		got, want := &Block{Text: s, LinkRunes: 3}, &Block{Text: s, LinkRunes: 3}
		gh, gl := blockFeatures(got)
		wh, wl := blockFeaturesRef(want)
		if gh != wh || gl != wl || !reflect.DeepEqual(got, want) {
			t.Fatalf("blockFeatures(%q) = %d %d %+v\nwant %d %d %+v", s, gh, gl, *got, wh, wl, *want)
		}
	}
}

// hasLetterOrDigitRef is hasLetterOrDigit as written before its shortcut, on the
// unicode tables (refFoldSpace and refIsBlank serve foldSpace and isBlank).
func hasLetterOrDigitRef(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// foldSpace (and folded, its test for a folded text), isBlank and hasLetterOrDigit
// answer as the definitions on the unicode tables do.
func TestSpaceShortcutsAgree(t *testing.T) {
	pieces := []string{"a", "bc", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x1f", "\u00a0", "\u200b", "\ufeff", "\u3000", "\u0085", "\u1680", "\u2003", "\u2028", "\u202f", "\u205f", "é", "и", "한", "\xff", ".", "━", "٣", "５", "Ⅻ", "ǅ", "\u0483"}
	texts := goldenLines(t)
	rng := rand.New(rand.NewPCG(17, 3))
	for range 40000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	folds, blanks, letters := 0, 0, 0
	for _, s := range texts {
		want := refFoldSpace(s)
		if got := foldSpace(s); got != want {
			t.Fatalf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if got := folded(s); got != (want == s) {
			t.Fatalf("folded(%q) = %v, want %v", s, got, want == s)
		}
		if want == s {
			folds++
		}
		if got, want := isBlank(s), refIsBlank(s); got != want {
			t.Fatalf("isBlank(%q) = %v, want %v", s, got, want)
		} else if want {
			blanks++
		}
		if got, want := hasLetterOrDigit(s), hasLetterOrDigitRef(s); got != want {
			t.Fatalf("hasLetterOrDigit(%q) = %v, want %v", s, got, want)
		} else if !want {
			letters++
		}
	}
	if folds < 1000 || blanks < 1000 || letters < 1000 {
		t.Errorf("%d folded, %d blank, %d without letters or digits: the test tells little", folds, blanks, letters)
	}
}
