package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Documentation pages: the text is cut into sections by headings that link to
// themselves, by code blocks and by the ids a generator makes from each heading.

func TestHeadingAnchorIsNoLink(t *testing.T) {
	tests := []struct {
		name      string
		html      string
		text      string
		wantLinks bool
	}{
		{"heading that is its own permalink", `<body><h2 id="set-up"><a href="#set-up">Setting up the loom</a></h2></body>`, "Setting up the loom", false},
		{"heading with a pilcrow permalink", `<body><h3>Threading the warp<a class="headerlink" href="#threading">¶</a></h3></body>`, "Threading the warp¶", false},
		{"heading back to the contents", `<body><h2><a class="toc-backref" href="#id4">Winding bobbins</a></h2></body>`, "Winding bobbins", false},
		{"heading linking to another page", `<body><h2><a href="/guides/dyeing">Dyeing the yarn</a></h2></body>`, "Dyeing the yarn", true},
		{"contents entry linking into the page", `<body><ul><li><a href="#set-up">Setting up the loom</a></li></ul></body>`, "Setting up the loom", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(tt.html, Options{})
			b := findBlock(doc, tt.text)
			if b == nil {
				t.Fatalf("no block %q in %q", tt.text, texts(doc, -1))
			}
			if got := b.LinkRunes > 0; got != tt.wantLinks {
				t.Errorf("link runes %d, want links %v", b.LinkRunes, tt.wantLinks)
			}
		})
	}
}

func TestHeadingSlug(t *testing.T) {
	tests := []struct {
		name, html, id string
		want           bool
	}{
		{"section opening with its heading", `<section id="replying-to-comments"><h2>Replying to comments</h2><p>x</p></section>`, "replying-to-comments", true},
		{"link target before the heading", `<div class="section" id="share-a-pattern"><span id="old-name"></span>
<h2>Share a pattern<a href="#share-a-pattern">¶</a></h2></div>`, "share-a-pattern", true},
		{"numbered duplicate", `<section id="related-tools-2"><h3>Related tools</h3></section>`, "related-tools-2", true},
		{"heading's own id", `<h2 id="footer_options">Footer options</h2>`, "footer_options", true},
		{"id naming a box", `<div id="comments"><h2>Leave a reply</h2></div>`, "comments", false},
		{"text before the heading", `<div id="related-news">See also <h3>Related news</h3></div>`, "related-news", false},
		{"no heading", `<div id="sidebar-widget"><p>Sidebar widget</p></div>`, "sidebar-widget", false},
		{"only a number", `<section id="2"><h2>2 Getting started</h2></section>`, "2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := elementWithID(parseFragment(t, tt.html), tt.id)
			if n == nil {
				t.Fatalf("no element with id %q", tt.id)
			}
			if got := headingSlug(n, tt.id); got != tt.want {
				t.Errorf("headingSlug(%q) = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}

func parseFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func elementWithID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := elementWithID(c, id); m != nil {
			return m
		}
	}
	return nil
}

func TestPreLinesOneBlock(t *testing.T) {
	doc := SegmentHTML(`<body><pre class="editor"><code><div class="cm-line"><span class="tok-comment">// count the rows</span></div><div class="cm-line">let rows = 0;</div><div class="cm-line">for (const r of cloth) rows++;</div></code></pre></body>`, Options{})
	if len(doc.Blocks) != 1 {
		t.Fatalf("got %d blocks %q, want the <pre> as one", len(doc.Blocks), texts(doc, -1))
	}
	b := doc.Blocks[0]
	if want := "// count the rows\nlet rows = 0;\nfor (const r of cloth) rows++;"; b.Text != want || b.Kind != BlockPre {
		t.Errorf("got kind %d %q, want a pre block %q", b.Kind, b.Text, want)
	}
	if strings.Contains(b.Hints, "comment") {
		t.Errorf("a highlighter's class is taken as a hint: %q", b.Hints)
	}
	doc = SegmentHTML(`<body><pre><span class="hljs-comment"># tension in newtons, per thread</span></pre></body>`, Options{})
	if len(doc.Blocks) != 1 || strings.Contains(doc.Blocks[0].Hints, "comment") {
		t.Errorf("a highlighter's class is taken as a hint: %q", doc.Blocks[0].Hints)
	}
}

func TestCodeBlockQuality(t *testing.T) {
	doc := SegmentHTML(`<body><pre>$ loom --warp 240 --weft 180 --shed auto --out cloth.bin --verbose --dry-run --seed 42</pre>
<p>$ loom --warp 240 --weft 180 --shed auto --out cloth.bin --verbose --dry-run --seed 42</p></body>`, Options{})
	if len(doc.Blocks) != 2 {
		t.Fatalf("got %d blocks, want 2", len(doc.Blocks))
	}
	features(doc)
	if c, r := quality(doc.Blocks[0]); c != ClassShort || r != ruleCode {
		t.Errorf("a command in <pre>: got %v %s, want short %s", c, r, ruleCode)
	}
	if c, r := quality(doc.Blocks[1]); c != ClassBad || r != ruleLowQuality {
		t.Errorf("the same line in <p>: got %v %s, want bad %s", c, r, ruleLowQuality)
	}
}

// TestDocumentationPage reads the golden case en-html-docs, a made-up documentation page:
// a navigation column, then the text in sections whose ids are made from their headings,
// with code between the paragraphs.
func TestDocumentationPage(t *testing.T) {
	docPage, err := os.ReadFile(filepath.Join("..", "testdata", "cases", "en-html-docs", "input.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ExtractString(string(docPage), Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, want := range []string{
		"Counting the warp",                   // a heading with its permalink
		"$ loom set --warp 240 --frame main",  // a command between two paragraphs
		"tension = 0.8",                       // a configuration block
		"Sharing comments with other weavers", // a heading linking back to the contents
		"A pattern can carry notes",           // a section whose id names comments
		`$ loom note add "tension slipped`,    // its code
		"The weft density and the beater",     // a section whose id names related items
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the body lacks %q:\n%s", want, all)
		}
	}
	for _, not := range []string{"Warp settings", "Loomkit authors"} {
		if strings.Contains(all, not) {
			t.Errorf("the body holds %q:\n%s", not, all)
		}
	}
}

func TestCodeBetweenParagraphs(t *testing.T) {
	page := `<html lang="en"><head><title>Winding bobbins</title></head><body>
<div class="sidebar"><ul>
<li><a href="/docs/install">Installing Loomkit</a></li><li><a href="/docs/warp">Warp settings</a></li>
<li><a href="/docs/weft">Weft settings</a></li><li><a href="/docs/patterns">Patterns</a></li></ul></div>
<main>
<h1>Winding bobbins</h1>
<p>Before the first pass the loom must know how many warp threads it carries and in which order the heddles lift them, so this guide walks through the settings one at a time.</p>
<p>Start the winder from the command line with the yarn and the length you want:</p>
<pre>$ loom wind --yarn linen-white --length 40m --bobbin 1 --speed slow --stop-on-knot --report</pre>
<p>The winder stops at every knot and asks whether to go on or to cut the yarn there.</p>
<pre>wound 40.0 m of linen-white on bobbin 1 (3 knots, 0 cuts) in 2m14s; tension 0.8 steady</pre>
<p>To wind several bobbins in a row, give the list in a file and let the winder read it:</p>
<pre>[[bobbin]]
yarn = "linen-white"
length = "40m"
[[bobbin]]
yarn = "wool-red"
length = "25m"</pre>
<p>The report of each bobbin is written beside the file, with the same name and the ending .log, so that a long winding can be checked later without watching it.</p>
</main>
<footer><p>© 2024 The Loomkit authors.</p></footer>
</body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, want := range []string{"$ loom wind --yarn linen-white", "wound 40.0 m of linen-white", `yarn = "wool-red"`, "The report of each bobbin"} {
		if !strings.Contains(all, want) {
			t.Errorf("the body lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Weft settings") {
		t.Errorf("the navigation column is in the body:\n%s", all)
	}
}
