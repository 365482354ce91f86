package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// containerBox sums the tree in one walk; it must find the element the sums over each
// block's ancestors find.
func TestContainerBoxAgrees(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*", "input.html"))
	if len(files) == 0 {
		t.Skip("no golden HTML inputs")
	}
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f)), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := SegmentHTML(string(data), Options{})
			features(doc)
			classify(doc, Options{})
			ownAll, ownGood := map[*html.Node]float64{}, map[*html.Node]float64{}
			total := 0.0
			var some *html.Node
			for _, b := range doc.Blocks {
				if b.Node == nil {
					continue
				}
				if b.Class == ClassGood && !isMetaRole(b) {
					total += b.Weighted
					ownGood[b.Node] += b.Weighted
				}
				ownAll[b.Node] += b.Weighted
				some = b.Node
			}
			if some == nil || total == 0 {
				t.Skip("no good blocks")
			}
			got, ok := containerBox(some, ownAll, ownGood, total)
			if !ok {
				t.Fatalf("containerBox did not reach every block's element")
			}
			if want := containerBoxByAncestors(doc.Blocks, total); got != want {
				t.Errorf("containerBox = %v, want %v", nodeName(got), nodeName(want))
			}
		})
	}
}

func nodeName(n *html.Node) string {
	if n == nil {
		return "<nil>"
	}
	return n.Data
}

// A "Next story" card at the foot of the article's element (a linked headline, a teaser,
// the author and time) is another article's: its teaser is not taken in with the short
// lines of the article; a short line between the article's paragraphs still is.
func TestLoneCardTeaserNotTakenIn(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="site-menu"><a href="/a">Home</a> <a href="/b">News</a></div><div class="story"><h1>Harbour council keeps the old ferry timetable</h1>`)
	for i := range 5 {
		fmt.Fprintf(&b, "<p>The council met on the evening of vote %d and said that it would keep the old timetable for the whole of the year, as the ferry board had asked it to do in the spring.</p>", i)
		if i == 2 {
			b.WriteString("<div>Ferry times – winter and summer</div>")
		}
	}
	b.WriteString(`<div><a href="/next">- Next Harbour News</a></div>`)
	b.WriteString(`<div><a href="/other-story">Bridge toll rises again in the new year</a></div>`)
	b.WriteString(`<div>The second toll rise in a year – drivers pay more from March</div>`)
	b.WriteString(`<div>Jane Roe 2019-11-20 14:35:08</div>`)
	b.WriteString(`</div><div class="footer"><a href="/c">Contact</a></div></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(a)
	if strings.Contains(body, "drivers pay more") {
		t.Errorf("the next story's teaser was taken in:\n%s", body)
	}
	if !strings.Contains(body, "Ferry times – winter and summer") {
		t.Errorf("the article's short line was dropped:\n%s", body)
	}
}

// An old table layout marks its story text with an inline element (<font class=
// "storyText">) and parts the paragraphs with bare <p> tags: the first paragraph stands
// in the <font> with no block of its own, and the parser moves the last <p> out of the
// <font> when the </font> closes it (the adoption agency). Both are in the container all
// the same, and stay in the body.
func TestInlineContainerParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><table><tr><td><a href="/">Home</a> <a href="/news">News</a></td></tr><tr><td>`)
	b.WriteString(`<p><font class="storyHeadline">Harbour council keeps the old ferry timetable</font></p>`)
	b.WriteString(`<font face="Times" class="storyText">PORTVILLE — The harbour council voted on Monday to keep the old ferry timetable for another year.<p>`)
	for i := range 4 {
		fmt.Fprintf(&b, "The council met on the evening of vote %d and said that it would keep the old timetable for the whole of the year, as the ferry board had asked it to do in the spring.<p>\n", i)
	}
	b.WriteString(`The board will meet again in March to set the fares for the summer season, a spokesman for the harbour said on Tuesday.</font>`)
	b.WriteString(`</td><td><p>Weather: sunny, with a light wind from the west over the bay in the afternoon and on into the evening hours.</p></td></tr></table></body></html>`)
	doc := SegmentHTML(b.String(), Options{})
	for _, text := range []string{"PORTVILLE", "The board will meet again"} {
		var blk *Block
		for _, x := range doc.Blocks {
			if strings.HasPrefix(x.Text, text) {
				blk = x
			}
		}
		if blk == nil {
			t.Fatalf("no block %q", text)
		}
		if !blk.InArticle {
			t.Errorf("block %q: got InArticle false, want true", text)
		}
	}
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(a)
	for _, want := range []string{"The harbour council voted on Monday", "The board will meet again in March"} {
		if !strings.Contains(body, want) {
			t.Errorf("got body without %q:\n%s", want, body)
		}
	}
}
