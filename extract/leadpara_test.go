package extract

import (
	"strings"
	"testing"
)

// A paragraph the page marks as its standfirst that is a whole sentence longer than a
// deck line is the story's first paragraph: it stays in the body. A deck set as a
// heading stays a deck.
func TestStandfirstLeadParagraph(t *testing.T) {
	rest := `<p>The old mill had stood empty for eleven years before the town bought it, and most of its windows had been broken by the storms of the last two winters.</p>
<p>Volunteers spent the summer clearing the ground floor, and a local builder offered to repair the roof at cost if the council paid for the slates and the timber.</p>
<p>The council said the new hall would open in the spring, with rooms for the choir, the chess club and the weekly market that now meets in a car park.</p>`
	lead := "HUNDREDS of residents turned out on Saturday to help clear the old mill by the river, which the council plans to turn into a community hall next year."
	page := func(deck string) string {
		return `<html lang="en"><head><title>Town clears the old mill</title></head><body>
<div class="nav"><a href="/">Home</a> | <a href="/news">News</a></div>
<div class="article"><h1>Town clears the old mill</h1>
` + deck + rest + `</div><div class="footer"><p>Copyright 2024 The Mill Town Echo</p></div></body></html>`
	}
	a, err := ExtractString(page(`<p class="standfirst"><strong>`+lead+`</strong></p>`), Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if all := bodyText(a); !strings.HasPrefix(all, "HUNDREDS of residents") {
		t.Errorf("the lead paragraph is not the body's first:\n%s\nsubtitles %q", all, a.Subtitles)
	}
	a, err = ExtractString(page(`<h2 class="standfirst">`+lead+`</h2>`), Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if all := bodyText(a); strings.Contains(all, "HUNDREDS of residents") {
		t.Errorf("a deck set as a heading is in the body:\n%s", all)
	}
}
