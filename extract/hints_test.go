package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNegativeHint(t *testing.T) {
	tests := []struct{ hints, want string }{
		{"wrap article-share", "share"},
		{"sns_box", "share"},
		{"relate_news", "related"},
		{"news-most-read", "ranking/popular"},
		{"rank_list", "ranking/popular"},
		{"reply_area", "comment"},
		{"cmt", "comment"},
		{"btn_share", "share"},
		{"Site-Footer", ""}, // hints are lower case already; upper case does not match
		{"site-footer", "footer"},
		{"copy", "copyright"},
		{"body-copy", ""},
		{"c-breadcrumbs__item", "breadcrumb"},
		{"newsletter-signup", "subscribe/newsletter"},
		{"sidebar article-body", "sidebar"}, // an ancestor's kind is reported too
		{"article-body sidebar", "sidebar"},
		{"sr-only", ""},         // hidden text is the segmenter's Hidden flag, not a hint kind
		{"overflow-hidden", ""}, // a part "hidden" does not hide the element
		{"article-body paragraph", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.hints, func(t *testing.T) {
			got := negativeHint(tt.hints)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPositiveHint(t *testing.T) {
	tests := []struct {
		hints string
		want  bool
	}{
		{"article-body", true},
		{"news_body", true},
		{"article_txt", true},
		{"entry-content", true},
		{"view_con", true},
		{"sidebar widget", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.hints, func(t *testing.T) {
			if got := positiveHint(tt.hints); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBodyContainerToken(t *testing.T) {
	tests := []struct {
		tok  string
		want bool
	}{
		{"article-body", true},
		{"articlebody", true},
		{"c-article-body__inner", true},
		{"entry-content", true},
		{"news_body", true},
		{"article_txt", true},
		{"view_con", true},
		{"cont_view", true},
		{"story-body", true},
		{"article", false},
		{"body", false},
		{"related-list", false},
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			if got := bodyContainerToken(tt.tok); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHiddenToken(t *testing.T) {
	tests := []struct {
		tok  string
		want bool
	}{
		{"hidden", true}, {"blind", true}, {"sr-only", true}, {"visually-hidden", true},
		{"is-hidden", true}, {"hidden-xs", false}, {"hidden-md-up", false}, {"overflow-hidden", false},
		{"hide-comments", false}, {"article", false},
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			if got := hiddenToken(tt.tok); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// tokenFlags and tokenKinds, the trie walks every class token is read with, must say
// what tokenVerdicts says, for the words of the lists, the words cut, joined and dressed in
// separators, and every class and id token of the test pages.
func TestTokenTriesAsVerdicts(t *testing.T) {
	toks := map[string]bool{}
	var words []string
	for w := range combinedWords {
		words = append(words, w)
	}
	slices.Sort(words)
	for i, w := range words {
		o := words[(i*7+3)%len(words)]
		for _, s := range []string{
			w, w[:len(w)/2], w[:len(w)-1], w + "s", "x" + w, w[:len(w)/2] + "-" + w[len(w)/2:],
			w[:1] + "_" + w[1:], "-" + w, w + "_", "a-" + w, w + "-b", "a-b-" + w, "a-b-c-" + w,
			w + "-" + o, o + "__" + w, "x-" + w + "-" + o + "-y", w + "-" + o + "-" + w,
			strings.Repeat("p-", 15) + w, strings.Repeat("p-", 16) + w, strings.Repeat("p-", 14) + w + "-" + o,
			strings.Repeat("q_", 20) + w[:len(w)/2] + "-" + w[len(w)/2:],
		} {
			toks[s] = true
		}
		// the word cut in two, three and four parts, after a part that keeps it from
		// being the whole token written together
		for k := 2; k <= 4 && k <= len(w); k++ {
			var cut []string
			for j := range k {
				cut = append(cut, w[j*len(w)/k:(j+1)*len(w)/k])
			}
			toks["x-"+strings.Join(cut, "-")] = true
			for _, r := range []int{13, 14, 15} {
				toks[strings.Repeat("p-", r)+strings.Join(cut, "_")] = true
			}
			toks[strings.Join(cut, "-")] = true
		}
	}
	for _, s := range []string{"", "-", "--", "_-_", "d-none", "d-md-block", "hidden-xs", "sr-only",
		"field-label-hidden", "is-hidden", "visually-hidden", "d-lg-flex", "blind"} {
		toks[s] = true
	}
	files, _ := filepath.Glob("../testdata/*/*/*.html")
	more, _ := filepath.Glob("../testdata/*/*.html")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		root, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for n := range root.Descendants() {
			for _, a := range n.Attr {
				if a.Key == "class" || a.Key == "id" || a.Key == "itemprop" || a.Key == "role" {
					for _, tok := range strings.Fields(lowerASCII(a.Val)) {
						toks[tok] = true
					}
				}
			}
		}
	}
	if len(toks) < 3000 {
		t.Fatalf("only %d tokens to try", len(toks))
	}
	for tok := range toks {
		want := tokenVerdicts(tok)
		if got := tokenFlags(tok); got != want.flags {
			t.Errorf("tokenFlags(%q) = %05b, tokenVerdicts: %05b", tok, got, want.flags)
		}
		if got := tokenKinds(tok); got != want.kinds {
			t.Errorf("tokenKinds(%q) = %q, tokenVerdicts: %q", tok, got, want.kinds)
		}
	}
}

// tokInfo is every verdict on one lower-case class/id token.
type tokInfo struct {
	kinds [numLists]string // matchToken per list
	flags uint8            // tokHidden, tokShow, tokCaption, tokBody, tokDeck
}

// tokenVerdicts, the reference for tokenFlags and tokenKinds, computes every verdict on one lower-case
// token: what matchTokenParts, hiddenToken and deckToken say, with one lookup per
// candidate word for all lists.
func tokenVerdicts(tok string) tokInfo {
	var ti tokInfo
	if hiddenToken(tok) {
		ti.flags |= tokHidden
	}
	if showToken(tok) {
		ti.flags |= tokShow
	}
	var decided uint8 // lists whose kind is known
	deck := false
	if c := combinedWords[tok]; c != nil {
		for i := range ti.kinds {
			if c.in&(1<<i) != 0 {
				ti.kinds[i] = c.words[i].kind
				decided |= 1 << i
			}
		}
		deck = c.deck
	}
	const all = 1<<numLists - 1
	if hasPartSep(tok) && (decided != all || !deck) {
		var parts [16]string
		n := 0
		start := 0
		for i := 0; i <= len(tok); i++ {
			if i == len(tok) || tok[i] == '-' || tok[i] == '_' {
				if i > start {
					if n < len(parts) {
						parts[n] = tok[start:i]
						n++
					} else if !deck && deckParts[tok[start:i]] {
						deck = true // deckToken looks at every part
					}
				}
				start = i + 1
			}
		}
		var buf [96]byte
		for i := 0; i < n; i++ {
			b := buf[:0]
			for j := i; j < n && j < i+3; j++ {
				b = append(b, parts[j]...)
				c := combinedWords[string(b)]
				if c == nil {
					continue
				}
				if j == i && c.deck {
					deck = true
				}
				for k := range ti.kinds {
					if decided&(1<<k) == 0 && c.in&(1<<k) != 0 && !c.words[k].exact {
						ti.kinds[k] = c.words[k].kind
						decided |= 1 << k
					}
				}
			}
		}
		if decided != all {
			joined := buf[:0]
			for i := 0; i < len(tok); i++ {
				if tok[i] != '-' && tok[i] != '_' {
					joined = append(joined, tok[i])
				}
			}
			if c := combinedWords[string(joined)]; c != nil {
				for k := range ti.kinds {
					if decided&(1<<k) == 0 && c.in&(1<<k) != 0 {
						ti.kinds[k] = c.words[k].kind
					}
				}
			}
		}
	}
	if ti.kinds[listCaption] != "" {
		ti.flags |= tokCaption
	}
	if ti.kinds[listBody] != "" {
		ti.flags |= tokBody
	}
	if deck {
		ti.flags |= tokDeck
	}
	return ti
}

// nearestHint reads each token's kinds at once; it must say what asking each list does.
func TestNearestHintAsLists(t *testing.T) {
	toks := tokenSamples()
	ref := func(hints string) string {
		kind, inside := "", false
		lastTokens(hints, func(tok string) bool {
			if inside {
				// above a positive name only a consent container still names the block
				if negativeToken(tok) == hintConsent {
					kind = hintConsent
					return true
				}
				return false
			}
			if kind = negativeToken(tok); kind != "" {
				return true
			}
			inside = bodyContainerToken(tok) || matchToken(tok, positiveWords) != ""
			return false
		})
		return kind
	}
	found := 0
	for i := range 3000 {
		h := strings.Join([]string{toks[(i*31)%len(toks)], toks[(i*17+5)%len(toks)], toks[(i*7+1)%len(toks)]}, " ")
		got, want := nearestHint(h), ref(h)
		if got != want {
			t.Errorf("nearestHint(%q) = %q, want %q", h, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found < 300 {
		t.Errorf("only %d hints with a kind", found)
	}
}

// Camel-case class names of real words are read as their words; generated ones are not
// parted, or their two-letter pieces would read as words ("ad").
func TestCamelCaseTokens(t *testing.T) {
	for tok, want := range map[string]bool{
		"PromoSmall": true, "PromoSmall-description": true, "articleBody": true,
		"FactBox-listItem": true, "js-PromoSmall": true, "PromoSmall-js": true,
		"block-id-n1AuAdJlVL": false, "sc-bdVaJa": false, "iPhone": false, "myAd": false,
		"article-body": false, "HTML": false, "XMLHttp": false, "a-": false, "aB": false, "-": false,
	} {
		if got := camelWords(tok); got != want {
			t.Errorf("camelWords(%q) = %v, want %v", tok, got, want)
		}
	}
	var sg segmenter
	if got := sg.readAttrTokens("PromoSmall-wrapper block-x9AdQz").norm; got != "promo-small-wrapper block-x9adqz" {
		t.Errorf("got %q, want the camel-case token parted and the generated one not", got)
	}
	if k := nearestHint("article promo-small-wrapper"); k != "promo" {
		t.Errorf("nearestHint of a PromoSmall box: got %q, want promo", k)
	}
}
