package extract

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/net/html"
)

// texts returns the texts of the blocks of a kind (all kinds when kind < 0).
func texts(doc *Document, kind int) []string {
	var out []string
	for _, b := range doc.Blocks {
		if kind < 0 || int(b.Kind) == kind {
			out = append(out, b.Text)
		}
	}
	return out
}

func findBlock(doc *Document, text string) *Block {
	for _, b := range doc.Blocks {
		if b.Text == text {
			return b
		}
	}
	return nil
}

func eqStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSegmentHTMLBlocks(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string // texts of all blocks, in order
	}{
		{
			name: "paragraphs and inline elements",
			html: `<body><p>Rain <b>fell</b> on the<br> <i>quiet</i>   town.</p><p>Then &amp; now.</p></body>`,
			want: []string{"Rain fell on the quiet town.", "Then & now."},
		},
		{
			name: "double br splits a text container",
			html: `<body><div>First line of the notice.<br><br>Second line of the notice.<br><br></div></body>`,
			want: []string{"First line of the notice.", "Second line of the notice."},
		},
		{
			name: "single br keeps a short address together",
			html: `<body><address>12 Elm Road<br>Springfield<br>Nowhere</address></body>`,
			want: []string{"12 Elm Road Springfield Nowhere"},
		},
		{
			name: "single br splits long prose lines",
			html: `<body><div>` + strings.Repeat("가", 90) + `<br>` + strings.Repeat("나", 85) + `</div></body>`,
			want: []string{strings.Repeat("가", 90), strings.Repeat("나", 85)},
		},
		{
			name: "skipped elements",
			html: `<body><p>Kept.</p><script>var x = "gone";</script><style>p{}</style><noscript>gone</noscript><button>gone</button><select><option>gone</option></select><!-- gone --><p>Also kept.</p></body>`,
			want: []string{"Kept.", "Also kept."},
		},
		{
			name: "text around a nested block",
			html: `<body><div>Before the list.<ul><li>one</li><li>two</li></ul>After the list.</div></body>`,
			want: []string{"Before the list.", "one", "two", "After the list."},
		},
		{
			name: "pre keeps its lines",
			html: "<body><pre>line one\n  line two\n</pre></body>",
			want: []string{"line one\n  line two"},
		},
		{
			name: "hidden inline text is left out",
			html: `<body><p>Print this <span class="blind">screen reader only</span>page.</p><p>Visible <span style="display: none">gone</span>text.</p></body>`,
			want: []string{"Print this page.", "Visible text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(tt.html, Options{})
			if got := texts(doc, -1); !eqStrings(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for i, b := range doc.Blocks {
				if b.Index != i {
					t.Errorf("block %d has Index %d", i, b.Index)
				}
			}
		})
	}
}

func TestSegmentHTMLKorean(t *testing.T) {
	// A portal-style article: the body is text nodes separated by <br><br> inside an
	// <article>, with a lazy photo and its caption in an inline wrapper.
	page := `<html lang="ko"><head><title>시험 기사 제목 : 예시일보</title>
<meta property="og:site_name" content="예시일보"></head><body>
<div class="media_end_head"><h2 class="title">시험 기사 제목</h2></div>
<div id="contents" class="news_body_wrap">
<article id="body_area">
<span class="photo_wrap"><div class="img_w"><img data-src="/img/a.jpg" src="data:image/gif;base64,R0lGOD"></div><em class="img_desc">새로 지은 다리 위로 차들이 지나가고 있다.</em></span><br><br>
[예시일보=홍길동 기자] 시청은 오늘 새 다리를 개통했다고 밝혔다.<br><br>
다리는 두 마을을 잇는다.<br><br>
<span class="blind">본문 끝</span>
</article></div>
<div class="sns_box"><a href="#">공유하기</a></div>
</body></html>`
	doc := SegmentHTML(page, Options{URL: "https://news.example.com/a/1"})
	want := []struct {
		text string
		kind BlockKind
	}{
		{"시험 기사 제목", BlockHeading},
		{"", BlockImage},
		{"새로 지은 다리 위로 차들이 지나가고 있다.", BlockCaption},
		{"[예시일보=홍길동 기자] 시청은 오늘 새 다리를 개통했다고 밝혔다.", BlockPara},
		{"다리는 두 마을을 잇는다.", BlockPara},
		{"공유하기", BlockPara},
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("got %d blocks %q, want %d", len(doc.Blocks), texts(doc, -1), len(want))
	}
	for i, w := range want {
		b := doc.Blocks[i]
		if b.Text != w.text || b.Kind != w.kind {
			t.Errorf("block %d: got %q kind %d, want %q kind %d", i, b.Text, b.Kind, w.text, w.kind)
		}
	}
	img := doc.Blocks[1].Image
	if img == nil || img.Src != "https://news.example.com/img/a.jpg" {
		t.Errorf("got image %+v, want src https://news.example.com/img/a.jpg", img)
	} else if img.Caption != "새로 지은 다리 위로 차들이 지나가고 있다." {
		t.Errorf("got caption %q, want the img_desc text", img.Caption)
	}
	for _, i := range []int{1, 2, 3, 4} {
		if !doc.Blocks[i].InArticle {
			t.Errorf("block %d %q: got InArticle false, want true", i, doc.Blocks[i].Text)
		}
	}
	if doc.Blocks[0].InArticle {
		t.Errorf("heading outside the article: got InArticle true, want false")
	}
	share := doc.Blocks[5]
	if share.LinkRunes != 4 || share.Links != 1 {
		t.Errorf("share block: got LinkRunes %d Links %d, want 4 and 1", share.LinkRunes, share.Links)
	}
	if got := negativeHint(share.Hints); got != "share" {
		t.Errorf("share block: got negativeHint %q, want %q", got, "share")
	}
	if got := doc.Blocks[3].Path; got != "div>article" {
		t.Errorf("got path %q, want %q", got, "div>article")
	}
	if !doc.Hangul {
		t.Errorf("got Hangul false, want true")
	}
	if doc.Meta.Title != "시험 기사 제목" {
		t.Errorf("got title %q, want %q", doc.Meta.Title, "시험 기사 제목")
	}
}

func TestSegmentHTMLKinds(t *testing.T) {
	page := `<body><article class="post">
<h1>Big title</h1><h3 class="sub">Small head</h3>
<ol><li>first<ul><li>inner</li></ul></li><li><p>second</p></li></ol>
<blockquote><p>Quoted words.</p></blockquote>
<figure><img src="/p.png" alt="a  cat"><figcaption>A cat on a mat.</figcaption></figure>
</article><div class="hidden"><p>Not shown.</p></div><div aria-hidden="true">Also not shown.</div></body>`
	doc := SegmentHTML(page, Options{URL: "http://example.org/x/y.html"})
	checks := []struct {
		text    string
		kind    BlockKind
		level   int
		ordered bool
		hidden  bool
	}{
		{"Big title", BlockHeading, 1, false, false},
		{"Small head", BlockHeading, 3, false, false},
		{"first", BlockItem, 1, true, false},
		{"inner", BlockItem, 2, false, false},
		{"second", BlockItem, 1, true, false},
		{"Quoted words.", BlockQuote, 0, false, false},
		{"A cat on a mat.", BlockCaption, 0, false, false},
		{"Not shown.", BlockPara, 0, false, true},
		{"Also not shown.", BlockPara, 0, false, true},
	}
	for _, c := range checks {
		t.Run(c.text, func(t *testing.T) {
			b := findBlock(doc, c.text)
			if b == nil {
				t.Fatalf("got no block %q in %q", c.text, texts(doc, -1))
			}
			if b.Kind != c.kind || b.Level != c.level || b.Ordered != c.ordered || b.Hidden != c.hidden {
				t.Errorf("got kind %d level %d ordered %v hidden %v, want %d %d %v %v",
					b.Kind, b.Level, b.Ordered, b.Hidden, c.kind, c.level, c.ordered, c.hidden)
			}
		})
	}
	t.Run("figure image", func(t *testing.T) {
		var img *Image
		for _, b := range doc.Blocks {
			if b.Image != nil {
				img = b.Image
			}
		}
		want := Image{Src: "http://example.org/p.png", Alt: "a cat", Caption: "A cat on a mat."}
		if img == nil || *img != want {
			t.Errorf("got %+v, want %+v", img, want)
		}
	})
}

func TestSegmentHTMLTables(t *testing.T) {
	t.Run("data table", func(t *testing.T) {
		page := `<body><table><caption>Scores</caption><tr><th>Team</th><th>Points</th></tr>
<tr><td><a href="/r">Reds</a></td><td>10</td></tr><tr><td>Blues</td><td>7</td></tr></table></body>`
		doc := SegmentHTML(page, Options{})
		var tb *Block
		for _, b := range doc.Blocks {
			if b.Kind == BlockTable {
				tb = b
			}
		}
		if tb == nil {
			t.Fatalf("got no table block in %q", texts(doc, -1))
		}
		want := "Team | Points\nReds | 10\nBlues | 7"
		if tb.Text != want {
			t.Errorf("got %q, want %q", tb.Text, want)
		}
		if len(tb.Rows) != 3 || tb.Rows[1][0] != "Reds" {
			t.Errorf("got rows %q, want 3 rows with Reds", tb.Rows)
		}
		if tb.LinkRunes != 4 || tb.Links != 1 {
			t.Errorf("got LinkRunes %d Links %d, want 4 and 1", tb.LinkRunes, tb.Links)
		}
		if findBlock(doc, "Scores") == nil {
			t.Errorf("got no caption block in %q", texts(doc, -1))
		}
	})
	t.Run("footer repeats header", func(t *testing.T) {
		page := `<body><table><thead><tr><th>Runner</th><th>Time</th></tr></thead>
<tfoot><tr><th>Runner</th><th>Time</th></tr></tfoot>
<tbody><tr><td>Ada</td><td>31:02</td></tr><tr><td>Bo</td><td>33:40</td></tr></tbody>
</table><table><tfoot><tr><td>Total</td><td>64:42</td></tr></tfoot><tr><td>Ada</td><td>31:02</td></tr></table></body>`
		doc := SegmentHTML(page, Options{})
		var tbs []*Block
		for _, b := range doc.Blocks {
			if b.Kind == BlockTable {
				tbs = append(tbs, b)
			}
		}
		if len(tbs) != 2 {
			t.Fatalf("got %d tables in %q, want 2", len(tbs), texts(doc, -1))
		}
		if want := "Runner | Time\nAda | 31:02\nBo | 33:40"; tbs[0].Text != want {
			t.Errorf("got %q, want %q", tbs[0].Text, want)
		}
		// a footer of its own (a total) stays
		if !strings.Contains(tbs[1].Text, "Total | 64:42") {
			t.Errorf("got %q, want the total row", tbs[1].Text)
		}
	})
	t.Run("layout table", func(t *testing.T) {
		page := `<body><table><tr><td><p>Left column story.</p><p>More of it.</p></td><td>Menu</td></tr>
<tr><td><table><tr><td>inner</td></tr></table></td><td>x</td></tr></table></body>`
		doc := SegmentHTML(page, Options{})
		want := []string{"Left column story.", "More of it.", "Menu", "inner", "x"}
		if got := texts(doc, -1); !eqStrings(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		for _, b := range doc.Blocks {
			if b.Kind == BlockTable {
				t.Errorf("got a table block %q, want cells as blocks", b.Text)
			}
		}
		if b := findBlock(doc, "Menu"); b == nil || b.Tag != "td" {
			t.Errorf("got %+v, want a td block", b)
		}
	})
}

func TestSegmentHTMLLazyImages(t *testing.T) {
	tests := []struct {
		name, img, want string
	}{
		{"plain src", `<img src="/a.jpg">`, "https://site.test/a.jpg"},
		{"data uri with data-src", `<img src="data:image/png;base64,AAAA" data-src="/b.jpg">`, "https://site.test/b.jpg"},
		{"placeholder with data-original", `<img src="/img/blank.gif" data-original="//cdn.test/c.jpg">`, "https://cdn.test/c.jpg"},
		{"lazy-src", `<img data-lazy-src="d.jpg">`, "https://site.test/news/d.jpg"},
		{"srcset first candidate", `<img srcset="/e-320.jpg 320w, /e-640.jpg 640w">`, "https://site.test/e-320.jpg"},
		{"tracking pixel skipped", `<img src="/t.gif" width="1" height="1">`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(`<body><div>`+tt.img+`</div></body>`, Options{URL: "https://site.test/news/1.html"})
			got := ""
			for _, b := range doc.Blocks {
				if b.Image != nil {
					got = b.Image.Src
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("base href", func(t *testing.T) {
		doc := SegmentHTML(`<html><head><base href="https://static.test/m/"></head><body><img src="f.jpg"></body></html>`, Options{URL: "https://site.test/"})
		if len(doc.Blocks) != 1 || doc.Blocks[0].Image.Src != "https://static.test/m/f.jpg" {
			t.Errorf("got %q, want https://static.test/m/f.jpg", texts(doc, -1))
		}
	})
}

func TestSegmentHTMLHints(t *testing.T) {
	page := `<body><div id="Wrap" class="Page"><section class="article-body" itemprop="x"><p class="lead" role="note">Lead text.</p></section></div></body>`
	doc := SegmentHTML(page, Options{})
	b := findBlock(doc, "Lead text.")
	if b == nil {
		t.Fatalf("no block")
	}
	if want := "wrap page article-body x lead note"; b.Hints != want {
		t.Errorf("got hints %q, want %q", b.Hints, want)
	}
	if !b.InArticle {
		t.Errorf("got InArticle false, want true (article-body container)")
	}
	if b.Path != "div>section>p" {
		t.Errorf("got path %q, want div>section>p", b.Path)
	}
}

func TestSegmentHTMLDeepNesting(t *testing.T) {
	const n = 200000
	page := "<html><body><p>Top.</p>" + strings.Repeat("<div>", n) + "Deep text." + strings.Repeat("</div>", n) + "<p>Bottom.</p></body></html>"
	doc := SegmentHTML(page, Options{})
	got := texts(doc, -1)
	want := []string{"Top.", "Deep text.", "Bottom."}
	if !eqStrings(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, b := range doc.Blocks {
		if strings.Count(b.Path, ">")+1 > maxPathParts {
			t.Errorf("got path of %d parts, want at most %d", strings.Count(b.Path, ">")+1, maxPathParts)
		}
	}
}

func TestSegmentHTMLEmpty(t *testing.T) {
	for _, s := range []string{"", "<html></html>", "plain words only", "<body><br><br></body>"} {
		doc := SegmentHTML(s, Options{URL: "https://x.test/"})
		if doc == nil || doc.Kind != KindHTML {
			t.Errorf("%q: got %+v, want an HTML document", s, doc)
		}
	}
}

func BenchmarkSegmentHTML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>A page - Site</title></head><body><nav><ul>`)
	for i := 0; i < 50; i++ {
		sb.WriteString(`<li><a href="/s">Section link</a></li>`)
	}
	sb.WriteString(`</ul></nav><article class="article-body">`)
	for i := 0; i < 200; i++ {
		sb.WriteString(`<p class="para">Some <b>body</b> text that goes on for a while, <a href="/x">with a link</a>, and ends here.</p>`)
	}
	sb.WriteString(`</article></body></html>`)
	page := sb.String()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		SegmentHTML(page, Options{})
	}
}

// BenchmarkParseBaseline is the yardstick for BenchmarkSegmentHTML: html.Parse and a
// plain text walk of the same page.
func BenchmarkParseBaseline(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>A page - Site</title></head><body><nav><ul>`)
	for i := 0; i < 50; i++ {
		sb.WriteString(`<li><a href="/s">Section link</a></li>`)
	}
	sb.WriteString(`</ul></nav><article class="article-body">`)
	for i := 0; i < 200; i++ {
		sb.WriteString(`<p class="para">Some <b>body</b> text that goes on for a while, <a href="/x">with a link</a>, and ends here.</p>`)
	}
	sb.WriteString(`</article></body></html>`)
	page := sb.String()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		root, _ := html.Parse(strings.NewReader(page))
		var w strings.Builder
		var f func(n *html.Node)
		f = func(n *html.Node) {
			if n.Type == html.TextNode {
				w.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				f(c)
			}
		}
		f(root)
	}
}

// Sibling elements with one class share their blocks' hints and path strings.
func TestSiblingBlocksShareStrings(t *testing.T) {
	doc := SegmentHTML(`<html><body><div id="main"><ul class="list"><li class="item">one</li><li class="Item">two</li><li class="item other">three</li></ul></div></body></html>`, Options{})
	if len(doc.Blocks) != 3 {
		t.Fatalf("%d blocks, want 3", len(doc.Blocks))
	}
	a, b, c := doc.Blocks[0], doc.Blocks[1], doc.Blocks[2]
	if a.Hints != "main list item" || b.Hints != a.Hints || c.Hints != "main list item other" {
		t.Fatalf("hints %q, %q, %q", a.Hints, b.Hints, c.Hints)
	}
	if unsafe.StringData(a.Hints) != unsafe.StringData(b.Hints) {
		t.Errorf("the two items' equal hints are two strings")
	}
	if a.Path != "div>ul>li" || unsafe.StringData(a.Path) != unsafe.StringData(c.Path) {
		t.Errorf("paths %q, %q: want one string div>ul>li", a.Path, c.Path)
	}
}

// A paragraph marked aria-hidden (a paywall dims the article's paragraphs past its lead
// so) is shown and judged as any other; aria-hidden on another element still hides it.
func TestAriaHiddenParagraphShown(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><article><h1>Harbour council keeps the old ferry timetable</h1>`)
	for i := range 3 {
		fmt.Fprintf(&b, "<p>The council met on the evening of vote %d and said that it would keep the old timetable for the whole of the year, as the ferry board had asked it to do.</p>", i)
	}
	b.WriteString(`<p class="locked" aria-hidden="true">The board will look at the winter timetable again in the autumn, when the new boats have come and the crews have been trained.</p>`)
	b.WriteString(`<div aria-hidden="true">The board will hear the drivers' union about the new shifts before the timetable changes.</div>`)
	b.WriteString(`</article></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(a)
	if !strings.Contains(body, "when the new boats have come") {
		t.Errorf("the aria-hidden paragraph was dropped:\n%s", body)
	}
	if strings.Contains(body, "drivers' union") {
		t.Errorf("the aria-hidden element was taken in:\n%s", body)
	}
}

// TestUnclosedTitleBody: the body of a page whose <title> never closes is segmented
// (htmltree closes the title at the next tag).
func TestUnclosedTitleBody(t *testing.T) {
	page := "<html><head><title>Harbour news</titl\n<body><p>" + strings.Repeat("The ferry will run on a winter timetable from Monday, the operator said. ", 4) + "</p></body></html>"
	doc := SegmentHTML(page, Options{})
	found := false
	for _, b := range doc.Blocks {
		found = found || strings.Contains(b.Text, "winter timetable")
	}
	if !found {
		t.Errorf("body of a page with an unclosed title not segmented")
	}
}
