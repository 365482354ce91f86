package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/artclean/artclean/extract"
	"golang.org/x/net/html"
)

const examplePage = `<!doctype html><html lang="en"><head>
<title>Lighthouse keeper retires after forty years | Coast Weekly</title>
<meta property="og:title" content="Lighthouse keeper retires after forty years">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Lighthouse keeper retires after forty years</h1>
<p>The keeper of the north point light climbed its hundred and twelve steps for the last time on Friday, four decades after she first took the post.</p>
<p>She says she will miss the storms more than the calm days, and that the lamp never failed on her watch, not even in the winter of the great flood.</p>
<p>Share this article: Facebook Twitter Email</p>
</article>
<footer><p>© 2024 Coast Weekly. All rights reserved.</p></footer>
</body></html>`

func ExampleExtract() {
	a, err := extract.Extract(strings.NewReader(examplePage), extract.Options{Name: "page.html"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published)
	for _, b := range a.Body {
		fmt.Println("-", b.Text[:40])
	}
	// Output:
	// Lighthouse keeper retires after forty years
	// 2024-03-05T09:30:00+01:00
	// - The keeper of the north point light clim
	// - She says she will miss the storms more t
}

func ExampleExtractNode() {
	root, err := html.Parse(strings.NewReader(examplePage))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := extract.ExtractNode(root, extract.Source{Name: "page.html"}, extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "—", len(a.Body), "paragraphs")
	// Output:
	// Lighthouse keeper retires after forty years — 2 paragraphs
}

// ExtractNode reads the caller's tree without taking its text out, and finds the article
// that Extract finds in the same page.
func TestExtractNodeLikeExtract(t *testing.T) {
	root, err := html.Parse(strings.NewReader(examplePage))
	if err != nil {
		t.Fatal(err)
	}
	got, err := extract.ExtractNode(root, extract.Source{}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := extract.ExtractString(examplePage, extract.Source{}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Published != want.Published || len(got.Body) != len(want.Body) {
		t.Fatalf("got %q %q %d blocks, want %q %q %d", got.Title, got.Published, len(got.Body), want.Title, want.Published, len(want.Body))
	}
	for i := range got.Body {
		if got.Body[i].Text != want.Body[i].Text {
			t.Errorf("block %d: got %q, want %q", i, got.Body[i].Text, want.Body[i].Text)
		}
	}
	var text strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if !strings.Contains(text.String(), "hundred and twelve steps") {
		t.Errorf("the caller's tree lost its text")
	}
}
