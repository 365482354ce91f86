package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artclean/artclean/extract/internal/input"
	"golang.org/x/net/html"
)

// fzSeeds adds every golden input under testdata/cases (raw bytes, as a user would give
// them) and a few hand-made pages to f.
func fzSeeds(f *testing.F, extra ...string) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*", "input.*"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

var fzPages = []string{
	"<p>The ferry to the island leaves at nine; tickets are sold on board.</p>",
	"<html><body><article><h1>Ferry</h1><p>a<b>b</b>c &amp; d&eacute;</p><table><tr><td>x<td>y<tr><td>1<td>2</table></article></body></html>",
	"<div><p>one<br><br>two<br>three</p><pre>  code\n  more</pre><ul><li>item<li><p>para in item</ul></div>",
	"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"Body \\u00e9 text.\"}</script><p>x</p>",
	"• 첫째 항목\n• 둘째 항목\n\n서울 시내 버스가 내일부터 새 노선으로 운행된다고 시가 밝혔다.\n",
	"   1. numbered\n  - dash\n\n" + strings.Repeat("wrapped line of a dump that is long enough to reach the column ", 3),
	"<figure><img src=\"a.jpg\" alt=\"a boat\"><figcaption>The boat</figcaption></figure>",
}

// fzWords are the \w-ish tokens of s: runs of letters, digits and marks.
func fzWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// fzSqueeze drops all white space (Unicode), so that text joined across a hard wrap or an
// element boundary still matches.
func fzSqueeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u200c' || r == '\u200d' {
			return -1
		}
		return r
	}, s)
}

// fzPresent reports whether tok occurs in hay, or, failing that, is made of pieces that each
// occur in hay: text glued across skipped or hidden elements ("a<span hidden>x</span>b")
// is one token in the output but two in the input. A rune that occurs nowhere in the input
// fails. Each piece is the longest prefix hay holds, found by binary search (a prefix of a
// substring is a substring); past fzMaxPieces pieces only the runes are checked.
func fzPresent(tok, hay string) bool {
	if strings.Contains(hay, tok) {
		return true
	}
	for pieces := 0; tok != ""; pieces++ {
		if pieces == fzMaxPieces {
			for _, r := range tok {
				if !strings.ContainsRune(hay, r) {
					return false
				}
			}
			return true
		}
		ends := []int{}
		for i := range tok {
			if i > 0 {
				ends = append(ends, i)
			}
		}
		ends = append(ends, len(tok))
		lo, hi := 0, len(ends) // ends[:lo] are in hay; ends[hi:] are not
		for lo < hi {
			m := (lo + hi) / 2
			if strings.Contains(hay, tok[:ends[m]]) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo == 0 {
			return false
		}
		tok = tok[ends[lo-1]:]
	}
	return true
}

const fzMaxPieces = 16

// fzHTMLHaystack is the text an HTML page holds, white space dropped: its text nodes, its
// attribute values and the strings of JSON in its scripts, each also with entities decoded.
func fzHTMLHaystack(s string) string {
	var b strings.Builder
	add := func(t string) {
		b.WriteString(fzSqueeze(t))
		b.WriteByte(0)
		if u := html.UnescapeString(t); u != t {
			b.WriteString(fzSqueeze(u))
			b.WriteByte(0)
		}
	}
	var jsonStrings func(v any)
	jsonStrings = func(v any) {
		switch v := v.(type) {
		case string:
			add(v)
		case []any:
			for _, x := range v {
				jsonStrings(x)
			}
		case map[string]any:
			for k, x := range v {
				add(k)
				jsonStrings(x)
			}
		}
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var text strings.Builder
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			t := string(z.Text())
			text.WriteString(t)
			var v any
			if json.Unmarshal([]byte(strings.TrimSpace(t)), &v) == nil {
				jsonStrings(v)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				_, v, more := z.TagAttr()
				add(string(v))
				if !more {
					break
				}
			}
		}
	}
	add(text.String())
	if root, err := html.Parse(strings.NewReader(s)); err == nil {
		var tree strings.Builder
		for n := range root.Descendants() {
			if n.Type == html.TextNode {
				tree.WriteString(n.Data)
			}
		}
		add(tree.String())
	}
	add(s)
	return b.String()
}

// fzCheckWords fails t for every token of out that the haystack does not hold.
func fzCheckWords(t *testing.T, what, out, hay string) {
	t.Helper()
	for _, w := range fzWords(out) {
		if !fzPresent(w, hay) {
			t.Fatalf("%s: got the word %q, which the input does not hold", what, w)
		}
	}
}

func fzCheckBlocks(t *testing.T, doc *Document, hay string) {
	t.Helper()
	for i, b := range doc.Blocks {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %d: got invalid UTF-8 %q", i, b.Text)
		}
		if b.Index != i {
			t.Fatalf("block %d: got Index %d, want %d", i, b.Index, i)
		}
		fzCheckWords(t, "block text", b.Text, hay)
	}
}

// fzMaxInput keeps one fuzz run short: the word check costs more than the extraction.
const fzMaxInput = 32 << 10

func FuzzSegmentHTML(f *testing.F) {
	fzSeeds(f, fzPages...)
	f.Fuzz(func(t *testing.T, in []byte) {
		s := input.Clean(string(in[:min(len(in), fzMaxInput)])) // what Read hands on: valid UTF-8, no NUL
		doc := SegmentHTML(s, Options{})
		fzCheckBlocks(t, doc, fzHTMLHaystack(s))
	})
}

func FuzzSegmentText(f *testing.F) {
	fzSeeds(f, fzPages...)
	f.Fuzz(func(t *testing.T, in []byte) {
		s := input.Clean(string(in[:min(len(in), fzMaxInput)]))
		doc := segmentText(s)
		hay := fzSqueeze(s)
		for i, b := range doc.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Fatalf("block %d: got invalid UTF-8 %q", i, b.Text)
			}
			if b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
				t.Fatalf("block %d: got text %q, want it trimmed and non-empty", i, b.Text)
			}
			for _, w := range fzWords(b.Text) {
				if !strings.Contains(hay, w) {
					t.Fatalf("block %d: got the word %q, which the input does not hold", i, w)
				}
			}
		}
	})
}

// FuzzExtract runs the whole extraction, from raw bytes, and checks the article's text.
// Rendering lives in package format (which imports this one); format/fuzz_test.go fuzzes
// the renderers.
func FuzzExtract(f *testing.F) {
	fzSeeds(f, fzPages...)
	f.Fuzz(func(t *testing.T, in []byte) {
		in = in[:min(len(in), fzMaxInput)]
		a, err := Extract(bytes.NewReader(in), Options{MaxSize: 1 << 20})
		if a == nil {
			if err == nil {
				t.Fatal("got no article and no error")
			}
			return
		}
		text, _, rerr := Read(bytes.NewReader(in), Options{MaxSize: 1 << 20})
		if rerr != nil {
			t.Fatalf("got an article, but reading alone fails: %v", rerr)
		}
		hay := fzSqueeze(text) + "\x00" + fzHTMLHaystack(text)
		for _, s := range append([]string{a.Title, a.Published, a.Modified, a.Site, a.Lang}, append(a.Subtitles, a.Authors...)...) {
			if !utf8.ValidString(s) {
				t.Fatalf("got invalid UTF-8 %q in the metadata", s)
			}
		}
		for i, b := range a.Body {
			if b == nil {
				t.Fatalf("body block %d is nil", i)
			}
			if !utf8.ValidString(b.Text) {
				t.Fatalf("body block %d: got invalid UTF-8 %q", i, b.Text)
			}
			if b.Kind == BlockImage {
				continue
			}
			fzCheckWords(t, "body", b.Text, hay)
		}
	})
}
