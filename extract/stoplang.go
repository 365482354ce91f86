package extract

import (
	"embed"
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Per-language stop lists (words/stoplists/LANG.txt, from stopwords-iso: see the README
// there). A page's blocks are weighed against the merged list of words/stopwords.txt
// together with the list of the page's language, so that prose in a language the merged
// list covers thinly (Arabic, Vietnamese, Persian, Romanian …) is not taken for a menu
// for want of stop words. The language is the page's own (<html lang>), else the
// language whose list holds the most of the page's words.

//go:embed words/stoplists/*.txt
var stopListFiles embed.FS

// stopLangs names the languages that have a list, in order.
var stopLangs = func() []string {
	ents, err := stopListFiles.ReadDir("words/stoplists")
	if err != nil {
		panic(err)
	}
	var out []string
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), ".txt"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	if len(out) > 64 {
		panic("stoplang: more languages than a uint64 marks")
	}
	return out
}()

// stopLangWords reads the list of a language of stopLangs.
func stopLangWords(lang string) map[string]bool {
	b, err := stopListFiles.ReadFile("words/stoplists/" + lang + ".txt")
	if err != nil {
		panic(err)
	}
	return wordSet(string(b))
}

// A stopList is a set of stop words made to be looked up fast by isStop.
type stopList struct {
	set      *lowerSet  // every word
	packed   *packedSet // the words that packLowerASCII packs
	first    [256]bool  // the first bytes of the words
	maxBytes int        // the longest word a lookup may match, before lower-casing
}

func newStopList(words map[string]bool) *stopList {
	s := &stopList{set: newLowerSet(words), packed: newPackedSet(words)}
	n := 0
	for w := range words {
		if w != "" {
			s.first[w[0]] = true
		}
		n = max(n, len(w))
	}
	// lower-casing shrinks a UTF-8 letter to no less than a third of its bytes (the
	// Kelvin sign to "k")
	s.maxBytes = 3 * n
	return s
}

// stopDefault is the merged list alone: for a page in a language with no list of its own.
var stopDefault = newStopList(stopLatin)

var (
	stopByLangMu sync.Mutex
	stopByLang   = map[string]*stopList{}
)

// mergedLangs are the languages the merged list was written for and tuned on, a section
// of it each: they keep it alone. Their stopwords-iso lists are long ("comprehensive": the
// English one holds 1,196 words, "home", "page", "open", "use" and "cases" among them) and
// would raise the stop density of menus and headlines as much as that of prose.
var mergedLangs = map[string]bool{
	"en": true, "de": true, "fr": true, "es": true, "pt": true, "it": true, "nl": true,
	"sv": true, "da": true, "no": true, "pl": true, "cs": true, "ru": true,
}

// stopListFor returns the merged list joined with the list of lang (a code of stopLangs),
// or the merged list alone when lang has none or is one of mergedLangs. Each list is made
// once, when first asked for.
func stopListFor(lang string) *stopList {
	i := sort.SearchStrings(stopLangs, lang)
	if lang == "" || i == len(stopLangs) || stopLangs[i] != lang || mergedLangs[lang] {
		return stopDefault
	}
	stopByLangMu.Lock()
	defer stopByLangMu.Unlock()
	if s := stopByLang[lang]; s != nil {
		return s
	}
	words := stopLangWords(lang)
	for w := range stopLatin {
		words[w] = true
	}
	s := newStopList(words)
	stopByLang[lang] = s
	return s
}

// pageLangCode reduces a BCP 47 tag to its language subtag, lower-cased: "pt-BR" → "pt".
// Old codes stopwords-iso does not use are mapped to its own: Norwegian Bokmål and Nynorsk
// to "no", Hebrew's and Indonesian's withdrawn codes to theirs.
func pageLangCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "nb", "nn":
		return "no"
	case "iw":
		return "he"
	case "in":
		return "id"
	}
	return tag
}

// detect marks, for every word of every list, the languages whose list holds it.
var detect struct {
	once  sync.Once
	set   *lowerSet
	marks []uint64 // by the word's index in set.words
}

func loadDetect() {
	// the words go into the table as they are read, each once, its languages marked; no
	// map, no sort: this runs when a page without lang is read
	files := make([]string, len(stopLangs))
	count := 0
	for i, lang := range stopLangs {
		b, err := stopListFiles.ReadFile("words/stoplists/" + lang + ".txt")
		if err != nil {
			panic(err)
		}
		files[i] = string(b)
		count += strings.Count(files[i], " ") + strings.Count(files[i], "\n")
	}
	n := 4
	for n < 4*count {
		n *= 2
	}
	a := &lowerSet{slots: make([]uint16, n), mask: uint32(n - 1)}
	var marks []uint64
	for i, file := range files {
		eachListWord(file, func(w string) {
			h := fnv1a(w)
			for {
				k := a.slots[h&a.mask]
				if k == 0 {
					if len(a.words) >= 1<<16-1 || len(w) > maxLowerWord {
						panic("stoplang: too many words, or a word too long")
					}
					a.words = append(a.words, w)
					marks = append(marks, 1<<i)
					a.slots[h&a.mask] = uint16(len(a.words))
					a.longest = max(a.longest, len(w))
					return
				}
				if a.words[k-1] == w {
					marks[k-1] |= 1 << i
					return
				}
				h++
			}
		})
	}
	detect.set, detect.marks = a, marks
}

// eachListWord calls f with each word of a list file, as wordSet reads it.
func eachListWord(file string, f func(string)) {
	for line := range strings.Lines(file) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for i := 0; i < len(line); {
			if asciiSpace(line[i]) {
				i++
				continue
			}
			j := i
			for j < len(line) && !asciiSpace(line[j]) {
				j++
			}
			f(line[i:j])
			i = j
		}
	}
}

// Detection reads at most detectMaxWords words, and names a language only when its list
// holds at least detectMinHits of them.
const (
	detectMaxWords = 1000
	detectMinHits  = 10
)

// detectStopLang names the language of stopLangs whose list holds the most words of the
// blocks' text, or "" when none holds detectMinHits. Ties go to the language first in order.
func detectStopLang(blocks []*Block) string {
	detect.once.Do(loadDetect)
	var hits [64]int
	n := 0
	for _, b := range blocks {
		t := b.Text
		for i := 0; i < len(t) && n < detectMaxWords; {
			// the fields of t, as strings.Fields cuts them
			r, size := rune(t[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(t[i:])
			}
			if isSpace(r) {
				i += size
				continue
			}
			j := i + size
			for j < len(t) {
				r, size := rune(t[j]), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(t[j:])
				}
				if isSpace(r) {
					break
				}
				j += size
			}
			w := trimPunct(t[i:j])
			i = j
			n++
			if w == "" || len(w) > 3*detect.set.longest {
				continue
			}
			if k := detect.set.index(w); k >= 0 {
				for m := detect.marks[k]; m != 0; m &= m - 1 {
					hits[bits.TrailingZeros64(m)]++
				}
			}
		}
		if n >= detectMaxWords {
			break
		}
	}
	best, lang := detectMinHits-1, ""
	for i, l := range stopLangs {
		if hits[i] > best {
			best, lang = hits[i], l
		}
	}
	return lang
}

// docStopList picks the stop list of the page: the list of the language the page names,
// else of the language detected from its words (none for Korean, which is weighed by its
// endings).
func docStopList(doc *Document) *stopList {
	if doc.Meta.Lang != "" {
		return stopListFor(pageLangCode(doc.Meta.Lang))
	}
	if doc.Hangul {
		return stopDefault
	}
	return stopListFor(detectStopLang(doc.Blocks))
}
