package format

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/artclean/artclean/extract"
)

// fzOpensBlock matches a Markdown line that would start a block other than a paragraph (or
// continue a table, or underline a setext heading) when it follows a paragraph line.
var fzOpensBlock = regexp.MustCompile(`^ {0,3}(#{1,6}([ \t]|$)|>|[-+*]([ \t]|$)|[0-9]{1,9}[.)]([ \t]|$)|` +
	"```|~~~|" + `<[A-Za-z/!?]|\||=+[ \t]*$|(-[ \t]*){3,}$|(\*[ \t]*){3,}$|(_[ \t]*){3,}$|\[[^\]]*\]:|:?-+:?[ \t]*\|)|^ {4}|^\t`)

// fzRawHTML reports whether line holds a '<' that opens raw HTML: not escaped by an odd run
// of backslashes and followed by a letter, '/', '!' or '?'.
func fzRawHTML(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] != '<' || i+1 >= len(line) {
			continue
		}
		n := line[i+1]
		if !(n >= 'a' && n <= 'z' || n >= 'A' && n <= 'Z' || n == '/' || n == '!' || n == '?') {
			continue
		}
		bs := 0
		for j := i - 1; j >= 0 && line[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 0 {
			return true
		}
	}
	return false
}

func fzArticle(s string) *extract.Article {
	return &extract.Article{
		Title:     s,
		Subtitles: []string{s},
		Authors:   []string{s},
		Body: []*extract.Block{
			{Kind: extract.BlockPara, Role: extract.RoleBody, Text: s},
			{Kind: extract.BlockHeading, Role: extract.RoleBody, Level: 2, Text: s},
			{Kind: extract.BlockItem, Role: extract.RoleBody, Level: 1, Text: s},
			{Kind: extract.BlockItem, Role: extract.RoleBody, Level: 2, Ordered: true, Text: s},
			{Kind: extract.BlockQuote, Role: extract.RoleBody, Text: s},
			{Kind: extract.BlockPre, Role: extract.RoleBody, Text: s},
			{Kind: extract.BlockTable, Role: extract.RoleBody, Text: s, Rows: [][]string{{s, "b"}, {"c", s}}},
			{Kind: extract.BlockImage, Role: extract.RoleImage, Image: &extract.Image{Src: s, Alt: s, Caption: s}},
			{Kind: extract.BlockCaption, Role: extract.RoleCaption, Text: s + " (caption)"},
		},
	}
}

var fzTexts = []string{
	"# not a heading", "> not a quote", "- not an item", "+ not an item", "* not an item",
	"1. not an item", "12) not an item", "```go", "~~~", "| a | b |", ":-- | --:",
	"a <b>bold</b> <!-- c --> <?php ?> </p>", "&amp; &#39; &#x41;", "[ref]: /url", "=====",
	"***", "_ _ _", "line one\n# line two\n> line three\n    code?", `back\slash\`, "x](y) ![z]",
	"제목: 한국어 <strong>강조</strong> 1. 항목", "\u00a0# after a no-break space", "\t\t- tabbed",
}

func FuzzRender(f *testing.F) {
	for _, s := range fzTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD") // extract hands on valid UTF-8 only
		a := fzArticle(s)
		for _, name := range Names() {
			var buf bytes.Buffer
			if err := Render(&buf, a, name, Options{}); err != nil {
				t.Fatalf("%s: got error %v", name, err)
			}
			if !utf8.Valid(buf.Bytes()) {
				t.Fatalf("%s: got invalid UTF-8 %q", name, buf.String())
			}
			switch name {
			case "json", "jsonl":
				var v map[string]any
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Fatalf("%s: got output that does not parse: %v\n%s", name, err, buf.String())
				}
				if name == "jsonl" && strings.Count(buf.String(), "\n") != 1 {
					t.Fatalf("jsonl: got %q, want one line", buf.String())
				}
			}
		}
		// A paragraph's lines stay paragraph lines, with no raw HTML in them.
		para := paragraph(s)
		for _, line := range strings.Split(para, "\n") {
			if fzOpensBlock.MatchString(line) {
				t.Fatalf("paragraph %q: got the line %q, which opens a block", s, line)
			}
			if fzRawHTML(line) {
				t.Fatalf("paragraph %q: got the line %q, which holds raw HTML", s, line)
			}
		}
		// One-line texts: after a marker, in a heading, in a caption, in a cell.
		one := oneLine(s)
		for _, got := range []string{inlineStart(one), headingText(one), italic(one)} {
			if strings.Contains(got, "\n") || fzRawHTML(got) {
				t.Fatalf("%q: got %q, want one line without raw HTML", one, got)
			}
		}
		if one != "" && fzOpensBlock.MatchString(inlineStart(one)) {
			t.Fatalf("%q: got %q after a list marker, which opens a block", one, inlineStart(one))
		}
		if d := linkDest(s); strings.ContainsAny(d, " \t\n\r()<>\\") {
			t.Fatalf("link destination %q: got %q with a character that ends or breaks it", s, d)
		}
	})
}

// TestMarkdownEscapes checks that body text that would change the Markdown's meaning is
// escaped, and that the escape is as small as it can be.
func TestMarkdownEscapes(t *testing.T) {
	tests := []struct {
		name string
		kind extract.BlockKind
		in   string
		want string
	}{
		{"heading", extract.BlockPara, "# not a heading", `\# not a heading`},
		{"heading level 3", extract.BlockPara, "### three", `\### three`},
		{"quote", extract.BlockPara, "> not a quote", `\> not a quote`},
		{"dash item", extract.BlockPara, "- not an item", `\- not an item`},
		{"plus item", extract.BlockPara, "+ not an item", `\+ not an item`},
		{"star item", extract.BlockPara, "* not an item", `\* not an item`},
		{"ordered item", extract.BlockPara, "1. not an item", `1\. not an item`},
		{"ordered item with paren", extract.BlockPara, "12) not an item", `12\) not an item`},
		{"a year is not an item", extract.BlockPara, "2025. 2. 6. 발표", `2025\. 2. 6. 발표`},
		{"backtick fence", extract.BlockPara, "```go", "\\`\\`\\`go"},
		{"tilde fence", extract.BlockPara, "~~~", `\~\~\~`},
		{"table row", extract.BlockPara, "| a | b |", `\| a | b |`},
		{"table delimiter", extract.BlockPara, ":-- | --:", `\:-- | --:`},
		{"setext underline", extract.BlockPara, "=====", `\=====`},
		{"thematic break", extract.BlockPara, "***", `\*\*\*`},
		{"link reference", extract.BlockPara, "[ref]: /url", `\[ref]: /url`},
		{"tags", extract.BlockPara, "text with <b>bold</b> and <!-- c -->", `text with \<b>bold\</b> and \<!-- c -->`},
		{"less-than in prose", extract.BlockPara, "a < b and 3<4", "a < b and 3<4"},
		{"entity", extract.BlockPara, "&amp; stays &amp;", `\&amp; stays \&amp;`},
		{"second line heading", extract.BlockPara, "first\n# second", "first\n\\# second"},
		{"indented code", extract.BlockPara, "    four spaces", "four spaces"},
		{"colon in prose", extract.BlockPara, ": a note", ": a note"},
		{"Korean", extract.BlockPara, "서울 — 1일 발표", "서울 — 1일 발표"},
		{"item starting with a marker", extract.BlockItem, "- inner", `- \- inner`},
		{"item starting with a number", extract.BlockItem, "3. inner", `- 3\. inner`},
		{"item with a tag", extract.BlockItem, "<script>x</script>", `- \<script>x\</script>`},
		{"heading ending in #", extract.BlockHeading, "C#", `## C\#`},
		{"quote with a heading line", extract.BlockQuote, "# h", `> \# h`},
		{"caption with stars", extract.BlockCaption, "*photo*", `*\*photo\**`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &extract.Article{Body: []*extract.Block{{Kind: tt.kind, Role: extract.RoleBody, Text: tt.in}}}
			if got := Markdown(a); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLinkDest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a.jpg", "https://example.com/a.jpg"},
		{"/img/a b.jpg", "/img/a%20b.jpg"},
		{"/img/(1).jpg", "/img/%281%29.jpg"},
		{"/img/a\\", "/img/a%5C"},
		{"/img/a\nb", "/img/a%0Ab"},
		{"/img/<a>", "/img/%3Ca%3E"},
		{"/img/사진.jpg", "/img/사진.jpg"},
	}
	for _, tt := range tests {
		if got := linkDest(tt.in); got != tt.want {
			t.Errorf("linkDest(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
