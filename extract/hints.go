package extract

import (
	_ "embed"
	"strings"
	"sync"
)

// Class/id hint vocabularies. The word lists are data, in words/*.txt, one entry a line
// with a comment naming the kind of container it describes.
//
// A class or id token matches a word when the token itself, one of its parts split on
// "-" and "_", or two or three adjacent parts written together equal the word (words are
// kept without "-" and "_"). So "article-share", "sns_box", "relate_news", "most-read",
// "rank_list", "btn_share" and "c-article-body__inner" all match.

//go:embed words/negative.txt
var negativeWordsTxt string

//go:embed words/positive.txt
var positiveWordsTxt string

//go:embed words/bodycontainer.txt
var bodyContainerWordsTxt string

//go:embed words/caption.txt
var captionWordsTxt string

type hintWord struct {
	kind  string
	exact bool // matches only a whole token
}

var (
	negativeWords      = parseHintWords(negativeWordsTxt)
	positiveWords      = parseHintWords(positiveWordsTxt)
	bodyContainerWords = parseHintWords(bodyContainerWordsTxt)
	captionWords       = parseHintWords(captionWordsTxt)
)

// parseHintWords reads a word list: "word = kind # comment" or "word # comment"; a
// leading "^" marks a whole-token-only word.
func parseHintWords(txt string) map[string]hintWord {
	m := map[string]hintWord{}
	for _, line := range strings.Split(txt, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		word, kind, _ := strings.Cut(line, "=")
		word = strings.TrimSpace(word)
		kind = strings.TrimSpace(kind)
		exact := strings.HasPrefix(word, "^")
		word = strings.TrimPrefix(word, "^")
		word = strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(word))
		if kind == "" {
			kind = word
		}
		m[word] = hintWord{kind: kind, exact: exact}
	}
	return m
}

// matchToken looks one lower-case class/id token up in a word list and returns the
// matched entry's kind, or "".
func matchToken(tok string, words map[string]hintWord) string {
	if w, ok := words[tok]; ok {
		return w.kind
	}
	if strings.IndexByte(tok, '-') < 0 && strings.IndexByte(tok, '_') < 0 {
		return ""
	}
	// Whole token with separators removed.
	var parts [16]string
	n := 0
	start := 0
	for i := 0; i <= len(tok); i++ {
		if i == len(tok) || tok[i] == '-' || tok[i] == '_' {
			if i > start && n < len(parts) {
				parts[n] = tok[start:i]
				n++
			}
			start = i + 1
		}
	}
	var buf [96]byte
	for i := 0; i < n; i++ {
		b := buf[:0]
		for j := i; j < n && j < i+3; j++ {
			b = append(b, parts[j]...)
			if w, ok := words[string(b)]; ok && !w.exact {
				return w.kind
			}
		}
	}
	// the whole token with "-" and "_" taken out, looked up without a new string
	joined := buf[:0]
	for i := 0; i < len(tok); i++ {
		if tok[i] != '-' && tok[i] != '_' {
			joined = append(joined, tok[i])
		}
	}
	if w, ok := words[string(joined)]; ok {
		return w.kind
	}
	return ""
}

// A per-process cache of token verdicts: class names repeat across blocks and pages.
var (
	negCache  sync.Map // token → kind ("" for no match)
	negCached int64
	negMu     sync.Mutex
)

const maxHintCache = 200_000

func negativeToken(tok string) string {
	if v, ok := negCache.Load(tok); ok {
		return v.(string)
	}
	k := matchToken(tok, negativeWords)
	negMu.Lock()
	if negCached < maxHintCache {
		negCached++
		negCache.Store(strings.Clone(tok), k)
	}
	negMu.Unlock()
	return k
}

// negativeHint returns the kind of boilerplate container that a block's hints name
// ("share", "related", "comment", "nav", "footer", "ad", "promo", "ranking/popular",
// "subscribe/newsletter", "breadcrumb", "tags", "byline/author-card", "copyright",
// "sidebar", "cookie/gdpr", "video-player", "reporter card", "hidden"), or "". Hints
// list the ancestors first; the nearest element's match wins.
func negativeHint(hints string) string {
	kind := ""
	lastTokens(hints, func(tok string) bool {
		kind = negativeToken(tok)
		return kind != ""
	})
	return kind
}

// lastTokens calls f on the space-separated tokens of hints from the last (the nearest
// element's) to the first, until f returns true.
func lastTokens(hints string, f func(tok string) bool) {
	end := len(hints)
	for end > 0 {
		i := strings.LastIndexByte(hints[:end], ' ')
		tok := hints[i+1 : end]
		end = max(i, 0)
		if tok != "" && f(tok) {
			return
		}
	}
}

// positiveHint reports whether a block's hints name an article or body container.
func positiveHint(hints string) bool {
	for tok := range strings.FieldsSeq(hints) {
		if matchToken(tok, positiveWords) != "" {
			return true
		}
	}
	return false
}

// bodyContainerToken reports whether one lower-case class/id/itemprop token names the
// element that holds an article's body (article-body, entry-content, news_body …).
func bodyContainerToken(tok string) bool {
	return matchToken(tok, bodyContainerWords) != ""
}

// captionToken reports whether one lower-case class token names a photo caption.
func captionToken(tok string) bool {
	return matchToken(tok, captionWords) != ""
}

// hiddenToken reports whether one lower-case class token hides its element: "hidden",
// "blind", "sr-only", "visually-hidden", "d-none" … but not responsive variants that
// hide only on some screens ("hidden-xs", "d-none d-md-block" is left to the caller:
// d-none alone counts).
func hiddenToken(tok string) bool {
	switch tok {
	case "hidden", "blind", "sr-only", "sronly", "visually-hidden", "visuallyhidden",
		"screen-reader-text", "screen-reader-only", "d-none", "is-hidden", "u-hidden",
		"hide", "a11y-hidden", "sound_only", "offscreen", "hidden-text", "hide-text":
		return true
	}
	if !strings.Contains(tok, "hidden") && !strings.Contains(tok, "blind") {
		return false
	}
	// A part "hidden"/"blind" with no responsive breakpoint part, in a token of two parts:
	// longer ones name what is hidden inside ("field-label-hidden" hides a label).
	if strings.Count(tok, "-")+strings.Count(tok, "_") > 1 {
		return false
	}
	hasHidden := false
	for p := range strings.FieldsFuncSeq(tok, func(r rune) bool { return r == '-' || r == '_' }) {
		switch p {
		case "hidden", "blind":
			hasHidden = true
		case "xs", "sm", "md", "lg", "xl", "xxl", "mobile", "desktop", "tablet", "print",
			"pc", "mo", "m", "up", "down", "small", "large", "overflow", "scroll":
			return false
		}
	}
	return hasHidden
}

// deckParts name a deck: the summary or subtitle lines a page sets above the body
// (subtitle, summary, standfirst, dek …), as a part of a class token.
var deckParts = map[string]bool{
	"subtitle": true, "subtitles": true, "subhead": true, "subheadline": true, "summary": true,
	"deck": true, "dek": true, "standfirst": true, "strapline": true, "subtit": true,
}

// deckToken reports whether one lower-case class token names a deck.
func deckToken(tok string) bool {
	if deckParts[tok] {
		return true
	}
	for p := range strings.FieldsFuncSeq(tok, func(r rune) bool { return r == '-' || r == '_' }) {
		if deckParts[p] {
			return true
		}
	}
	return false
}
