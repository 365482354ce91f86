package extract

import (
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed words/stopwords.txt
var stopLatinFile string

//go:embed words/endings_ko.txt
var endingsKoFile string

var (
	stopLatin = wordSet(stopLatinFile)
	endingsKo = wordSet(endingsKoFile)
)

// wordSet reads a word list: white-space separated entries, lines starting with # are comments.
func wordSet(file string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(file, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			set[w] = true
		}
	}
	return set
}

// wordLines reads a phrase list: one entry per line, # comments and blank lines skipped.
func wordLines(file string) []string {
	var out []string
	for _, line := range strings.Split(file, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// features fills the derived features of every block and the document's script.
func features(doc *Document) {
	hangul, letters := 0, 0
	stops := docStopList(doc)
	for _, b := range doc.Blocks {
		h, l := blockFeaturesList(b, stops)
		hangul += h
		letters += l
	}
	doc.Hangul = letters > 0 && float64(hangul)/float64(letters) > 0.3
	weighHidden(doc)
}

// blockFeatures is blockFeaturesList with the merged stop list alone.
func blockFeatures(b *Block) (scHangul, scLetters int) { return blockFeaturesList(b, stopDefault) }

// blockFeaturesList fills b's features in one pass over its text, which counts its runes
// as it cuts its words, its stop words those of sl. It returns the Hangul and letter
// counts of scriptCounts(b.Text).
func blockFeaturesList(b *Block, sl *stopList) (scHangul, scLetters int) {
	t := b.Text
	var nc runeCounts // the runes beyond ASCII
	// ASCII bytes (a letter is a-z or A-Z, and no rune is Han or Kana) are counted apart
	// and added at the end: each weighs 1, and the sums of weights (multiples of 1/2)
	// are exact in any order
	ascii, asciiLetters := 0, 0
	words, stops, endings := 0, 0, 0
	for i := 0; i < len(t); {
		// the fields of t, as strings.Fields cuts them, and the spaces between them
		c := t[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				ascii++ // (no space is a letter)
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(t[i:]); isSpace(r) {
			nc.add(r)
			i += n
			continue
		}
		j := i
		for j < len(t) {
			c := t[j]
			switch wordByte[c] {
			case wordASCII:
				ascii++
				asciiLetters += int(asciiLetter[c])
				j++
				continue
			case wordSpace:
			default:
				r, n := utf8.DecodeRuneInString(t[j:])
				if !isSpace(r) {
					nc.add(r)
					j += n
					continue
				}
			}
			break
		}
		word := t[i:j]
		i = j
		words++
		word = trimPunct(word)
		if word == "" {
			continue
		}
		if len(word) <= sl.maxBytes && sl.isStop(word) {
			stops++
		}
		// (a word ending in an ASCII byte ends in no Hangul syllable)
		if word[len(word)-1] >= utf8.RuneSelf && hasKoreanEnding(word) {
			endings++
		}
	}
	letters := nc.letters + asciiLetters
	b.Runes = nc.runes + ascii
	b.Weighted = nc.w + float64(ascii)
	b.Hangul = letters > 0 && float64(nc.hangul)/float64(letters) > 0.5
	if b.Runes > 0 {
		b.LinkDensity = float64(b.LinkRunes) / float64(b.Runes)
		if b.LinkDensity > 1 {
			b.LinkDensity = 1
		}
	}
	b.Words = words
	if words > 0 {
		b.StopDensity = float64(stops) / float64(words)
		b.EndingDensity = float64(endings) / float64(words)
	}
	b.SentenceEnd = sentenceEnd(t)
	return nc.hangul, nc.scLetters + asciiLetters
}

// runeCounts are what blockFeatures counts of the runes beyond ASCII of a text: runes,
// Hangul syllables, letters (Han and Kana all counted), letters as unicode.IsLetter
// counts them, and the weighted length.
type runeCounts struct {
	runes, hangul, letters, scLetters int
	w                                 float64
}

// add counts r, a rune beyond ASCII (U+FFFD for a bad byte).
func (c *runeCounts) add(r rune) {
	c.runes++
	switch {
	case r < lowRunes:
		// below U+2E80, where Han, Hiragana and Katakana start, the table answers
		c.w++
		if lowRune[r]&lowLetter != 0 {
			c.letters++
			c.scLetters++
		}
	case r >= 0xAC00 && r <= 0xD7A3:
		c.w += 1.5
		c.hangul++
		c.letters++
		c.scLetters++
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		c.w += 3
		c.letters++
		if unicode.IsLetter(r) {
			c.scLetters++
		}
	case unicode.IsLetter(r):
		c.w++
		c.letters++
		c.scLetters++
	default:
		c.w++
	}
}

// lowRunes bounds the runes of lowRune: U+2E80, where the CJK blocks (Han, Hiragana,
// Katakana) start.
const lowRunes = 0x2E80

// The classes of a rune in lowRune, read off the unicode tables.
const (
	lowLetter    = 1 << iota // unicode.IsLetter
	lowSpace                 // unicode.IsSpace
	lowPunctSym              // unicode.IsPunct or unicode.IsSymbol
	lowLetterDig             // unicode.IsLetter or unicode.IsDigit
)

// lowRune tells the classes of each rune below lowRunes: the Latin, Greek, Cyrillic …
// letters of a text answered by one load instead of a search of the unicode tables.
var lowRune = func() (t [lowRunes]uint8) {
	for r := range rune(lowRunes) {
		if unicode.IsLetter(r) {
			t[r] |= lowLetter
		}
		if unicode.IsSpace(r) {
			t[r] |= lowSpace
		}
		if isPunctOrSymbol(r) {
			t[r] |= lowPunctSym
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t[r] |= lowLetterDig
		}
	}
	return t
}()

// lowLower is unicode.ToLower of each rune below lowRunes (every one of which lowers to
// a rune below U+10000: TestLowRunes checks it).
var lowLower = func() (t [lowRunes]uint16) {
	for r := range rune(lowRunes) {
		t[r] = uint16(unicode.ToLower(r))
	}
	return t
}()

// toLower is unicode.ToLower, read off lowLower below lowRunes.
func toLower(r rune) rune {
	if uint32(r) < lowRunes {
		return rune(lowLower[r])
	}
	return unicode.ToLower(r)
}

// isSpace is unicode.IsSpace, read off lowRune below lowRunes. Above U+3000, the
// ideographic space, no rune is a space: Hangul, Han and Kana text needs no search of the
// unicode tables (TestLowRunes checks every rune).
func isSpace(r rune) bool {
	if uint32(r) < lowRunes {
		return lowRune[r]&lowSpace != 0
	}
	return r <= '\u3000' && unicode.IsSpace(r)
}

// The kinds of bytes in a word, for blockFeatures: an ASCII byte of a word, an ASCII
// space (which asciiSpace reports), or the first byte of a rune beyond ASCII.
const (
	wordASCII = iota
	wordSpace
	wordOther
)

var wordByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = wordOther
		case asciiSpace(byte(c)):
			t[c] = wordSpace
		}
	}
	return t
}()

// asciiLetter is 1 for the ASCII letters a-z and A-Z, 0 for the other bytes.
var asciiLetter = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	return t
}()

// packByte is each byte as packLowerASCII packs it, lowered; 0 for NUL and the bytes
// beyond ASCII, which it does not pack.
var packByte = func() (t [256]uint8) {
	for c := 1; c < utf8.RuneSelf; c++ {
		t[c] = lowerASCIIByte(byte(c))
	}
	return t
}()

// asciiPunct marks the ASCII punctuation and symbol characters (isPunctOrSymbol).
var asciiPunct = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isPunctOrSymbol(rune(c))
	}
	return t
}()

// trimPunct is strings.TrimFunc(word, isPunctOrSymbol), without the calls for a word that
// starts and ends with an ASCII letter or digit.
func trimPunct(word string) string {
	f, l := word[0], word[len(word)-1]
	if f < utf8.RuneSelf && l < utf8.RuneSelf && !asciiPunct[f] && !asciiPunct[l] {
		return word
	}
	// ASCII punctuation at the ends ("word," "(word)") goes a byte at a time: TrimFunc
	// takes it away too, and then goes on from what is left
	i, j := 0, len(word)
	for i < j && word[i] < utf8.RuneSelf && asciiPunct[word[i]] {
		i++
	}
	for j > i && word[j-1] < utf8.RuneSelf && asciiPunct[word[j-1]] {
		j--
	}
	if word = word[i:j]; word == "" {
		return ""
	}
	f, l = word[0], word[len(word)-1]
	// nor for one that starts or ends with a Hangul syllable (a letter), the other end
	// being one too or an ASCII letter or digit
	if (f < utf8.RuneSelf && !asciiPunct[f] || f >= utf8.RuneSelf && hangulSyllable(utf8.DecodeRuneInString(word))) &&
		(l < utf8.RuneSelf && !asciiPunct[l] || l >= utf8.RuneSelf && hangulSyllable(utf8.DecodeLastRuneInString(word))) {
		return word
	}
	// TrimFunc's work, without its calls through a function value: runes from the
	// start, then from the end, while they are punctuation or symbols (a bad byte reads
	// as U+FFFD, a symbol, as TrimFunc reads it)
	i, j = 0, len(word)
	for i < j {
		if c := word[i]; c < utf8.RuneSelf {
			if !asciiPunct[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(word[i:])
		if !punctOrSymbol(r) {
			break
		}
		i += n
	}
	for j > i {
		if c := word[j-1]; c < utf8.RuneSelf {
			if !asciiPunct[c] {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(word[i:j])
		if !punctOrSymbol(r) {
			break
		}
		j -= n
	}
	return word[i:j]
}

// punctOrSymbol is isPunctOrSymbol, read off lowRune below lowRunes (Latin, Cyrillic,
// general punctuation: dashes, curly quotes, bullets).
func punctOrSymbol(r rune) bool {
	if uint32(r) < lowRunes {
		return lowRune[r]&lowPunctSym != 0
	}
	return isPunctOrSymbol(r)
}

func hangulSyllable(r rune, _ int) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// isStopWord reports whether the merged list holds the word, lowered.
func isStopWord(word string) bool { return stopDefault.isStop(word) }

// isStop reports s.set[strings.ToLower(word)]: the word is lowered rune by rune into a
// buffer on the stack, as strings.ToLower lowers it, and looked up.
func (s *stopList) isStop(word string) bool {
	if word == "" {
		return false
	}
	if c := word[0]; c < utf8.RuneSelf {
		if !s.first[lowerASCIIByte(c)] {
			return false // no stop word starts as this word does once lower-cased
		}
		// a short ASCII word lowers byte by byte: it is a stop word when its packed
		// lowered bytes are those of one (s.packed holds every such stop word)
		if k, ok := packLowerASCII(word); ok {
			return s.packed.has(k)
		}
		// a longer ASCII word lowers to as many ASCII bytes: when every ASCII stop word
		// is short enough to pack, it is none of them
		if len(word) > 8 && s.packed.allASCII && isASCII(word) {
			return false
		}
		return s.set.hasLower(word)
	}
	if !s.first[lowerFirstByte(word)] {
		return false
	}
	return s.set.hasLower(word)
}

// packLowerASCII packs a word of 1 to 8 ASCII bytes, none of them NUL, lowered, into a
// uint64, its first byte lowest and the bytes past its end zero; ok is false for any
// other word. Two such words pack alike only when they are alike lowered: with no NUL
// byte in either, the zero bytes tell the length.
func packLowerASCII(w string) (k uint64, ok bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := packByte[w[i]]
		if c == 0 {
			return 0, false
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

// A packedSet is a set of words packed by packLowerASCII: an open-addressing table of
// their keys, hashed by a multiplication (a key is never 0, which marks an empty slot).
type packedSet struct {
	keys  []uint64
	shift uint
	// allASCII: every word of the set made of ASCII bytes alone packs (it has 8 bytes
	// or fewer)
	allASCII bool
}

// newPackedSet makes the packedSet of the words of set that packLowerASCII packs to
// themselves (the words in lower case, as word lists hold them).
func newPackedSet(set map[string]bool) *packedSet {
	var keys []uint64
	allASCII := true
	for w := range set {
		if k, ok := packLowerASCII(w); ok && lowerASCIIString(w) == w {
			keys = append(keys, k)
		} else if isASCII(w) && len(w) > 8 {
			allASCII = false
		}
	}
	bits := uint(2)
	for 1<<bits < 4*len(keys) {
		bits++
	}
	p := &packedSet{keys: make([]uint64, 1<<bits), shift: 64 - bits, allASCII: allASCII}
	for _, k := range keys {
		i := p.slot(k)
		for p.keys[i] != 0 {
			i = (i + 1) & (len(p.keys) - 1)
		}
		p.keys[i] = k
	}
	return p
}

func (p *packedSet) slot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> p.shift) }

// has reports whether the set holds the word packed as k.
func (p *packedSet) has(k uint64) bool {
	for i := p.slot(k); ; i = (i + 1) & (len(p.keys) - 1) {
		switch p.keys[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// A lowerSet is a set of words, looked up by a word as strings.ToLower makes it: an
// open-addressing hash table, hashed by FNV-1a of the bytes.
type lowerSet struct {
	slots   []uint16 // 1 + the index in words of the word hashed there; 0: empty
	words   []string
	mask    uint32
	longest int // the longest word's bytes
}

// maxLowerWord bounds the words of a lowerSet: the buffer a word is lowered into.
const maxLowerWord = 64

func newLowerSet(set map[string]bool) *lowerSet {
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	sort.Strings(words) // (the table is the same from run to run)
	return newLowerSetSorted(words)
}

// newLowerSetSorted makes the lowerSet of words, sorted and each once; a.words is words.
func newLowerSetSorted(words []string) *lowerSet {
	a := &lowerSet{words: words}
	for _, w := range words {
		a.longest = max(a.longest, len(w))
	}
	if a.longest > maxLowerWord || len(a.words) >= 1<<16-1 {
		panic("lowerSet: a word too long, or too many words")
	}
	n := 4
	for n < 4*len(a.words) {
		n *= 2
	}
	a.slots, a.mask = make([]uint16, n), uint32(n-1)
	for i, w := range a.words {
		h := fnv1a(w)
		for a.slots[h&a.mask] != 0 {
			h++
		}
		a.slots[h&a.mask] = uint16(i + 1)
	}
	return a
}

// hasLower reports whether the set holds strings.ToLower(w).
func (a *lowerSet) hasLower(w string) bool { return a.index(w) >= 0 }

// index returns the index in a.words of strings.ToLower(w), or -1 when the set lacks it.
func (a *lowerSet) index(w string) int {
	if h, ok := fnvLowerASCII(w); ok {
		// an ASCII word is hashed as it is lowered, without a copy
		for {
			k := a.slots[h&a.mask]
			if k == 0 {
				return -1
			}
			if e := a.words[k-1]; len(e) == len(w) && hasAt(w, 0, litPat{e, true}) {
				return int(k - 1) // (e, in lower case, is w lowered)
			}
			h++
		}
	}
	// strings.ToLower lowers any other text rune by rune with unicode.ToLower, a bad
	// byte becoming U+FFFD
	var buf [maxLowerWord + utf8.UTFMax]byte
	n := 0
	for i := 0; i < len(w); {
		if n > a.longest {
			return -1 // longer than any word of the set
		}
		c := w[i]
		if c < utf8.RuneSelf {
			buf[n] = lowerASCIIByte(c)
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		n += utf8.EncodeRune(buf[n:], toLower(r))
	}
	low := buf[:n]
	h := fnv1a(low)
	for {
		k := a.slots[h&a.mask]
		if k == 0 {
			return -1
		}
		if a.words[k-1] == string(low) {
			return int(k - 1)
		}
		h++
	}
}

// fnvLowerASCII returns fnv1a of s with its ASCII letters lowered, and false (and no
// hash) when s holds a byte beyond ASCII.
func fnvLowerASCII(s string) (uint32, bool) {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		h = (h ^ uint32(lowerASCIIByte(c))) * 16777619
	}
	return h, true
}

// fnv1a returns the FNV-1a hash of s.
func fnv1a[S string | []byte](s S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// lowerFirstByte returns the first byte of strings.ToLower(word), for a word that is not
// empty, without lowering the rest (a bad byte lowers to U+FFFD, as strings.ToLower has it).
func lowerFirstByte(word string) byte {
	r, _ := utf8.DecodeRuneInString(word)
	if r < 0xAC00 || r > 0xD7A3 { // (Hangul syllables have no case)
		r = toLower(r)
	}
	if r < utf8.RuneSelf {
		return byte(r)
	}
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], r)
	return b[0]
}

func isPunctOrSymbol(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// hasKoreanEnding reports whether an eojeol ends in a particle or verb ending.
func hasKoreanEnding(word string) bool {
	last, n := utf8.DecodeLastRuneInString(word)
	if last < 0xAC00 || last > 0xD7A3 {
		return false
	}
	if endingsKo[word[len(word)-n:]] {
		return true
	}
	// two- and three-syllable endings
	for k := 2; k <= 3; k++ {
		i := len(word)
		for j := 0; j < k && i > 0; j++ {
			_, m := utf8.DecodeLastRuneInString(word[:i])
			i -= m
		}
		if i > 0 && endingsKo[word[i:]] {
			return true
		}
	}
	return false
}

// sentenceEnd reports whether text ends like a sentence: terminal punctuation, possibly
// followed by closing quotes or brackets, or a Korean final ending with punctuation.
func sentenceEnd(t string) bool {
	if t != "" {
		// a text ending in an ASCII byte that is no space, quote or bracket is not trimmed:
		// its last rune is that byte
		if c := t[len(t)-1]; c < utf8.RuneSelf && !asciiSpace(c) && c != '"' && c != '\'' && c != ')' && c != ']' {
			switch c {
			case '.':
				return !strings.HasSuffix(t, "...")
			case '!', '?':
				return true
			}
			return false
		}
	}
	return sentenceEndFull(t)
}

// sentenceEndFull is sentenceEnd without its shortcut for a text ending in ASCII.
func sentenceEndFull(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’)]」』》〉›»", r)
	})
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '…':
		return false // a cut-off teaser or headline, not a finished sentence
	case '.':
		return !strings.HasSuffix(t, "...")
	case '!', '?', '。', '！', '？', '।', '؟', '۔',
		// the full stops of Devanagari (double danda), Armenian, Ethiopic, Myanmar,
		// Tibetan and Khmer
		'॥', '։', '።', '။', '།', '៕':
		return true
	}
	return false
}

// scriptCounts counts Hangul runes and all letters of s.
func scriptCounts(s string) (hangul, letters int) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
			}
		} else if r >= 0xAC00 && r <= 0xD7A3 {
			hangul++
			letters++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	return
}
