package extract

import (
	"strings"
	"testing"
)

// A guide's entry lists its facts as labelled links ("Flagship store: <a>Name, Town</a>")
// and a sentence with its names linked, between the entry's own paragraphs: they are the
// article's. A menu's links carry no label and stay out.
func TestLabelledLinks(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + " The shop opened in a converted mill by the river, and its owners still roast the beans on the same iron drum they bought when they started out twenty years ago.</p>"
	}
	page := `<html><body><ul class="menu"><li><a href="/a">Home</a></li><li><a href="/b">Shops</a></li><li><a href="/c">Towns</a></li></ul><article><h1>Ten coffee roasters worth the trip</h1>` +
		para("Intro one.") + para("Intro two.") +
		`<h2>1. Mill Roasters</h2>` + para("Entry one.") +
		`<ul><li><strong>Flagship store:</strong> <a href="/x">Mill Roasters, Riverside</a></li>` +
		`<li>Their shop is on my lists of <a href="/y">the best cafés in the north</a> and <a href="/z">the best places for breakfast</a>.</li></ul>` +
		para("Entry two.") + `</article></body></html>`
	a, err := ExtractString(page, Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(a)
	checkBody(t, body, []string{"Intro one.", "Flagship store: Mill Roasters, Riverside", "Their shop is on my lists", "Entry two."}, nil)
	if strings.Contains(body, "Home") {
		t.Errorf("menu kept:\n%s", body)
	}
}

func TestLabelledLink(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		links int // link runes
		want  bool
	}{
		{"label and linked value", "Flagship store: Mill Roasters", len("Mill Roasters"), true},
		{"label linked too", "Flagship store: Mill Roasters", len("Flagship store: Mill Roasters"), false},
		{"no colon", "Mill Roasters in Riverside", len("Mill Roasters"), false},
		{"label of four words", "Our very own flagship: Mill Roasters", len("Mill Roasters"), false},
		{"no link", "Flagship store: Mill Roasters", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := &Block{Kind: BlockItem, Text: c.text, Runes: len(c.text), LinkRunes: c.links}
			if got := labelledLink(b); got != c.want {
				t.Errorf("labelledLink(%q) = %v, want %v", c.text, got, c.want)
			}
		})
	}
}
