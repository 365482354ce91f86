package format

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/artclean/artclean/extract"
)

func para(s string) *extract.Block {
	return &extract.Block{Kind: extract.BlockPara, Role: extract.RoleBody, Text: s}
}

func heading(level int, s string) *extract.Block {
	return &extract.Block{Kind: extract.BlockHeading, Role: extract.RoleBody, Level: level, Text: s}
}

func item(level int, ordered bool, s string) *extract.Block {
	return &extract.Block{Kind: extract.BlockItem, Role: extract.RoleBody, Level: level, Ordered: ordered, Text: s}
}

func image(src, alt, caption string) *extract.Block {
	return &extract.Block{Kind: extract.BlockImage, Role: extract.RoleImage,
		Image: &extract.Image{Src: src, Alt: alt, Caption: caption}}
}

// sample is a small Korean article with one block of every kind.
func sample() *extract.Article {
	return &extract.Article{
		Title:     "서울 아침 기온 -10도…올겨울 최강 한파",
		Subtitles: []string{"내일까지 이어져", "주말엔 풀려"},
		Authors:   []string{"홍길동"},
		Published: "2025-02-06T15:15:00+09:00",
		Site:      "예시일보",
		URL:       "https://news.example.com/a/1",
		Lang:      "ko",
		Body: []*extract.Block{
			image("https://img.example.com/1.jpg", "한파", "출근길 시민들 (사진=예시일보)"),
			{Kind: extract.BlockCaption, Role: extract.RoleCaption, Text: "출근길 시민들 (사진=예시일보)"},
			para("6일 서울의 아침 기온이 영하 10도까지 떨어졌다."),
			heading(3, "지역별 기온"),
			item(1, false, "서울 -10도"),
			item(1, false, "대전 -8도"),
			{Kind: extract.BlockTable, Role: extract.RoleBody, Rows: [][]string{{"지역", "기온"}, {"서울", "-10"}}},
			{Kind: extract.BlockQuote, Role: extract.RoleBody, Text: "빙판길을 조심하세요."},
			{Kind: extract.BlockPre, Role: extract.RoleBody, Text: "a <b> & c"},
			{Kind: extract.BlockPara, Role: extract.RoleByline, Text: "홍길동 기자"},
		},
		Source: extract.Source{Name: "page.html", Kind: extract.KindHTML, Charset: "utf-8", Bytes: 1234},
	}
}

const sampleText = `6일 서울의 아침 기온이 영하 10도까지 떨어졌다.

지역별 기온

서울 -10도

대전 -8도

지역 | 기온
서울 | -10

빙판길을 조심하세요.

a <b> & c`

const sampleBody = "![한파](https://img.example.com/1.jpg)\n" +
	"*출근길 시민들 (사진=예시일보)*\n\n" +
	"6일 서울의 아침 기온이 영하 10도까지 떨어졌다.\n\n" +
	"### 지역별 기온\n\n" +
	"- 서울 -10도\n" +
	"- 대전 -8도\n\n" +
	"| 지역 | 기온 |\n| --- | --- |\n| 서울 | -10 |\n\n" +
	"> 빙판길을 조심하세요.\n\n" +
	"```\na <b> & c\n```"

const sampleMD = `---
title: "서울 아침 기온 -10도…올겨울 최강 한파"
subtitles:
  - "내일까지 이어져"
  - "주말엔 풀려"
authors:
  - "홍길동"
published: "2025-02-06T15:15:00+09:00"
site: "예시일보"
url: "https://news.example.com/a/1"
lang: "ko"
---

# 서울 아침 기온 -10도…올겨울 최강 한파

**내일까지 이어져**

**주말엔 풀려**

` + sampleBody + "\n"

func TestPlainText(t *testing.T) {
	tests := []struct {
		name string
		a    *extract.Article
		want string
	}{
		{"nil", nil, ""},
		{"empty", &extract.Article{Title: "t"}, ""},
		{"sample", sample(), sampleText},
		{"one blank line between blocks, spaces trimmed", &extract.Article{Body: []*extract.Block{
			para("  a  "), para(""), para("b"),
		}}, "a\n\nb"},
		{"captions and images out", &extract.Article{Body: []*extract.Block{
			para("a"),
			{Kind: extract.BlockPara, Role: extract.RoleCaption, Text: "caption by role"},
			{Kind: extract.BlockCaption, Role: extract.RoleBody, Text: "caption by kind"},
			image("x.jpg", "alt", "cap"),
			para("b"),
		}}, "a\n\nb"},
		{"table from text when rows are missing", &extract.Article{Body: []*extract.Block{
			{Kind: extract.BlockTable, Role: extract.RoleBody, Text: "a | b\nc | d"},
		}}, "a | b\nc | d"},
		{"pre keeps its lines and indent", &extract.Article{Body: []*extract.Block{
			{Kind: extract.BlockPre, Role: extract.RoleBody, Text: "\n  x := 1\ny := 2\n"},
		}}, "  x := 1\ny := 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.a); got != tt.want {
				t.Errorf("PlainText:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownBody(t *testing.T) {
	body := func(bs ...*extract.Block) *extract.Article { return &extract.Article{Body: bs} }
	tests := []struct {
		name string
		a    *extract.Article
		want string
	}{
		{"sample", sample(), sampleBody},
		{"heading levels clamp to 2..6", body(heading(1, "a"), heading(2, "b"), heading(0, "c"), heading(9, "d")),
			"## a\n\n## b\n\n## c\n\n###### d"},
		{"heading trailing hash", body(heading(2, "C#")), `## C\#`},
		{"ordered items numbered", body(item(1, true, "a"), item(1, true, "b"), item(1, true, "c")),
			"1. a\n2. b\n3. c"},
		{"nested items", body(item(1, false, "a"), item(2, true, "b"), item(2, true, "c"), item(1, false, "d")),
			"- a\n    1. b\n    2. c\n- d"},
		{"nesting never skips a level", body(item(1, false, "a"), item(3, false, "b")),
			"- a\n    - b"},
		{"numbering restarts after a paragraph", body(item(1, true, "a"), para("p"), item(1, true, "b")),
			"1. a\n\np\n\n1. b"},
		{"level 0 is top level", body(item(0, false, "a"), item(0, false, "b")), "- a\n- b"},
		{"item text that looks like a marker", body(item(1, false, "- a"), item(1, false, "1. b")),
			"- \\- a\n- 1\\. b"},
		{"quote with lines", body(&extract.Block{Kind: extract.BlockQuote, Text: "a\n# b"}), "> a\n> \\# b"},
		{"fence longer than backticks inside", body(&extract.Block{Kind: extract.BlockPre, Text: "x ``` y"}),
			"````\nx ``` y\n````"},
		{"ragged table padded, pipes escaped", body(&extract.Block{Kind: extract.BlockTable,
			Rows: [][]string{{"a", "b|c"}, {"d"}}}),
			"| a | b\\|c |\n| --- | --- |\n| d |  |"},
		{"image without caption", body(image("a b.jpg", "x]y", "")), `![x\]y](a%20b.jpg)`},
		{"image caption duplicate skipped, others kept", body(
			image("i.jpg", "", "cap"),
			&extract.Block{Kind: extract.BlockCaption, Text: "cap"},
			&extract.Block{Kind: extract.BlockCaption, Text: "other *cap*"}),
			"![](i.jpg)\n*cap*\n\n*other \\*cap\\**"},
		{"bylines, dates, titles left out", body(
			&extract.Block{Kind: extract.BlockPara, Role: extract.RoleByline, Text: "By X"},
			&extract.Block{Kind: extract.BlockPara, Role: extract.RoleDate, Text: "입력 2025"},
			para("a")), "a"},
		{"nil blocks skipped", body(nil, para("a")), "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(tt.a); got != tt.want {
				t.Errorf("Markdown:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain 한국어 text.", "plain 한국어 text."},
		{"# not a heading", `\# not a heading`},
		{"> not a quote", `\> not a quote`},
		{"- not an item", `\- not an item`},
		{"+ not an item", `\+ not an item`},
		{"* not an item", `\* not an item`},
		{"1. not a list", `1\. not a list`},
		{"2025) not a list", `2025\) not a list`},
		{"2025년 3월", "2025년 3월"},
		{"``` not a fence", "\\`\\`\\` not a fence"},
		{"~~~ not a fence", `\~\~\~ not a fence`},
		{"| not | a table", `\| not | a table`},
		{"--- not a rule", `\--- not a rule`},
		{"=== not an underline", `\=== not an underline`},
		{"[a]: not a definition", `\[a]: not a definition`},
		{"a <script>alert(1)</script> b", `a \<script>alert(1)\</script> b`},
		{"<!-- comment -->", `\<!-- comment -->`},
		{"a < b > c", "a < b > c"},
		{"AT&T &amp; &#169; &#x1F600;", `AT&T \&amp; \&#169; \&#x1F600;`},
		{"*bold* and _it_ and snake_case", `\*bold\* and \_it\_ and snake_case`},
		{"a \\ b", `a \\ b`},
		{"[link](http://x)", `\[link\](http://x)`},
		{"~~struck~~ ~ok", `\~\~struck\~\~ ~ok`},
		{"  # indented", `\# indented`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := paragraph(tt.in); got != tt.want {
				t.Errorf("paragraph(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestYAMLQuote(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\b`, `"a\\b"`},
		{"a\nb\tc", `"a\nb\tc"`},
		{"yes", `"yes"`},
		{"key: value # c", `"key: value # c"`},
		{"\x00\x7f\u0085\u2028", `"\x00\x7f\N\L"`},
		{"\xff", "\"\uFFFD\""},
		{"한국어", `"한국어"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := yamlQuote(tt.in); got != tt.want {
				t.Errorf("yamlQuote(%q): got %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name   string
		a      *extract.Article
		format string
		opts   Options
		want   string
	}{
		{"md sample", sample(), "md", Options{}, sampleMD},
		{"default is md", sample(), "", Options{}, sampleMD},
		{"md without front matter", &extract.Article{Title: "T", Body: []*extract.Block{para("a")}}, "md",
			Options{NoFrontMatter: true}, "# T\n\na\n"},
		{"md empty fields omitted", &extract.Article{Title: "T: \"x\"", Body: []*extract.Block{para("a")}}, "md",
			Options{}, "---\ntitle: \"T: \\\"x\\\"\"\n---\n\n# T: \"x\"\n\na\n"},
		{"md of nothing", &extract.Article{}, "md", Options{}, ""},
		{"text sample", sample(), "text", Options{}, sampleText + "\n"},
		{"text of nothing", &extract.Article{Title: "T"}, "text", Options{}, ""},
		{"jsonl empty article", &extract.Article{}, "jsonl", Options{},
			`{"title":"","subtitles":[],"authors":[],"published":"","modified":"","site":"","url":"","lang":"",` +
				`"text":"","markdown":"","images":[],"source":{"name":"","kind":"","charset":"","bytes":0}}` + "\n"},
		{"json empty article", &extract.Article{}, "json", Options{}, `{
  "title": "",
  "subtitles": [],
  "authors": [],
  "published": "",
  "modified": "",
  "site": "",
  "url": "",
  "lang": "",
  "text": "",
  "markdown": "",
  "images": [],
  "source": {
    "name": "",
    "kind": "",
    "charset": "",
    "bytes": 0
  }
}
`},
		{"jsonl keeps <>& and Korean", &extract.Article{Title: "<a> & 한", Body: []*extract.Block{para("x")}}, "jsonl", Options{},
			`{"title":"<a> & 한","subtitles":[],"authors":[],"published":"","modified":"","site":"","url":"","lang":"",` +
				`"text":"x","markdown":"x","images":[],"source":{"name":"","kind":"","charset":"","bytes":0}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, tt.a, tt.format, tt.opts); err != nil {
				t.Fatalf("Render: got error %v, want nil", err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("Render %s:\ngot  %q\nwant %q", tt.format, got, tt.want)
			}
		})
	}
}

func TestRenderJSONSample(t *testing.T) {
	for _, name := range []string{"json", "jsonl"} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, sample(), name, Options{}); err != nil {
				t.Fatalf("Render: got error %v, want nil", err)
			}
			out := buf.Bytes()
			if name == "jsonl" && bytes.Count(out, []byte("\n")) != 1 {
				t.Errorf("jsonl: got %d newlines, want 1", bytes.Count(out, []byte("\n")))
			}
			var got map[string]any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			checks := map[string]any{
				"title":     "서울 아침 기온 -10도…올겨울 최강 한파",
				"text":      sampleText,
				"markdown":  sampleBody,
				"published": "2025-02-06T15:15:00+09:00",
				"modified":  "",
			}
			for k, want := range checks {
				if got[k] != want {
					t.Errorf("%s: got %q, want %q", k, got[k], want)
				}
			}
			imgs, _ := got["images"].([]any)
			if len(imgs) != 1 {
				t.Fatalf("images: got %v, want one image from the body", got["images"])
			}
			if img := imgs[0].(map[string]any); img["caption"] != "출근길 시민들 (사진=예시일보)" || img["src"] != "https://img.example.com/1.jpg" {
				t.Errorf("image: got %v", img)
			}
			src := got["source"].(map[string]any)
			if src["kind"] != "html" || src["bytes"] != 1234.0 || src["name"] != "page.html" {
				t.Errorf("source: got %v", src)
			}
			if strings.Contains(buf.String(), `\u003c`) {
				t.Errorf("got HTML-escaped output, want <>& as they are")
			}
			// The same input gives the same bytes.
			var again bytes.Buffer
			_ = Render(&again, sample(), name, Options{})
			if !bytes.Equal(out, again.Bytes()) {
				t.Errorf("two renders differ")
			}
		})
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Render(&buf, sample(), "xml", Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("got error %v, want one naming \"xml\"", err)
	}
	if buf.Len() != 0 {
		t.Errorf("got output %q, want none", buf.String())
	}
	for _, n := range Names() {
		if !Valid(n) {
			t.Errorf("Valid(%q): got false, want true", n)
		}
	}
}
