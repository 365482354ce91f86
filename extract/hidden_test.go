package extract

import (
	"fmt"
	"strings"
	"testing"
)

// hiddenPage builds a page: an article of n paragraphs of made-up prose inside open and
// close (the markup under test), with extra markup after the article's wrapper.
func hiddenPage(bodyAttrs, open, close, extra string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>Lighthouse keepers return to the north cape</title></head><body%s>`, bodyAttrs)
	b.WriteString(`<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>`)
	b.WriteString(open)
	b.WriteString(`<article><h1>Lighthouse keepers return to the north cape</h1>`)
	for i := range n {
		fmt.Fprintf(&b, "<p>The keepers climbed the tower on morning %d and found that the lamp had been kept clean by the volunteers who had walked up from the village all winter.</p>", i)
	}
	b.WriteString(`</article>`)
	b.WriteString(close)
	b.WriteString(extra)
	b.WriteString(`<footer><p>Contact us</p></footer></body></html>`)
	return b.String()
}

// TestHiddenWeighed: hiding is evidence weighed against the blocks' own and against the
// share of the page's prose it would remove; no one hiding signal deletes an article.
func TestHiddenWeighed(t *testing.T) {
	const (
		keeper  = "lamp had been kept clean"
		answer  = "The ferry leaves the harbour twice a day in summer and once a day in winter."
		answer2 = "Tickets are sold on board and at the kiosk beside the harbour office."
	)
	faq := `<section class="faq"><h2>Questions</h2>` +
		`<h3>When does the ferry leave?</h3><div class="answer" hidden>` + answer + `</div>` +
		`<button aria-controls="faq-2" aria-expanded="false">Where are tickets sold?</button>` +
		`<div id="faq-2" style="display:none">` + answer2 + `</div></section>`
	const methodNote = "The counts were made by two volunteers who walked the shore at low tide each month."
	method := `<div><a href="#" aria-expanded="false">How the counts were made</a></div>` +
		`<div class="hide" aria-hidden="true"><p>` + methodNote + `</p><p>Birds seen on the water were counted once, from the same three points each time.</p></div>`
	tests := []struct {
		name         string
		page         string
		want, reject []string
	}{
		{"page-state classes on body",
			hiddenPage(` class="single date-hidden tags-hidden author-hidden"`, "", "", "", 4),
			[]string{keeper}, nil},
		{"page-state classes on html",
			strings.Replace(hiddenPage("", "", "", "", 4), "<html>", `<html class="no-js sidebar-hidden">`, 1),
			[]string{keeper}, nil},
		{"React streamed segment",
			hiddenPage("", `<div id="B:0"></div><div hidden id="S:0">`, `</div>`, `<script>$RC("B:0","S:0")</script>`, 4),
			[]string{keeper}, nil},
		{"responsive show utility (Tailwind)",
			hiddenPage("", `<div class="hidden md:flex">`, `</div>`, "", 4),
			[]string{keeper}, nil},
		{"responsive show utility (Bootstrap)",
			hiddenPage("", `<div class="d-none d-lg-block">`, `</div>`, "", 4),
			[]string{keeper}, nil},
		{"anti-flicker wrapper",
			hiddenPage("", `<div style="visibility: hidden; min-height: 100vh">`, `</div>`, "", 4),
			[]string{keeper}, nil},
		{"wrapper hidden until a script shows it",
			hiddenPage("", `<div class="js-reveal" style="display:none">`, `</div>`, "", 4),
			[]string{keeper}, nil},
		{"FAQ answers after their questions",
			strings.Replace(hiddenPage("", "", "", "", 4), "</article>", faq+"</article>", 1),
			[]string{keeper, answer, answer2}, nil},
		{"disclosure after a toggle in a wrapper of its own",
			strings.Replace(hiddenPage("", "", "", "", 4), "</article>", method+"</article>", 1),
			[]string{keeper, methodNote}, nil},
		{"hidden menu after a wrapped toggle stays hidden",
			hiddenPage("", "", "", `<div><span><button aria-expanded="false">Menu</button></span></div><div class="hide" aria-hidden="true"><ul><li><a href="/a">Weather</a></li><li><a href="/b">Tides</a></li><li><a href="/c">Ferries</a></li></ul></div>`, 4),
			[]string{keeper}, []string{"Tides"}},
		{"hover menu stays hidden",
			hiddenPage("", "", "", `<div class="hidden group-hover:block"><p>The harbour master will retire next spring after thirty years at the quay.</p></div>`, 4),
			[]string{keeper}, []string{"harbour master"}},
		{"hidden mobile menu stays hidden",
			hiddenPage("", "", "", `<button aria-controls="m" aria-expanded="false">Menu</button><div id="m" hidden><ul><li><a href="/a">Weather</a></li><li><a href="/b">Tides</a></li><li><a href="/c">Ferries</a></li></ul></div>`, 4),
			[]string{keeper}, []string{"Tides"}},
		{"hidden dialog stays hidden",
			hiddenPage("", "", "", `<h2>Sign up</h2><div role="dialog" aria-labelledby="d" hidden><p>Sign up to our letter and we will send you the best stories of the week every Friday morning.</p></div>`, 4),
			[]string{keeper}, []string{"every Friday"}},
		{"screen-reader text stays hidden",
			hiddenPage("", "", "", `<h2>Share</h2><div class="sr-only"><p>This part of the page holds the buttons to share the story with your friends and family.</p></div>`, 4),
			[]string{keeper}, []string{"friends and family"}},
		{"a lone hidden paragraph beside the article stays hidden",
			hiddenPage("", "", "", `<div class="is-hidden"><p>The old keepers' cottage will open as a small museum when the repairs are done.</p></div>`, 4),
			[]string{keeper}, []string{"small museum"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ExtractString(tt.page, Source{Name: "page.html"}, Options{Input: KindHTML})
			if err != nil {
				t.Fatal(err)
			}
			checkBody(t, bodyText(a), tt.want, tt.reject)
		})
	}
}

// TestHiddenCopyOnce: a hidden copy of the visible article, shown again because the
// hidden copy holds as much prose, is read once.
func TestHiddenCopyOnce(t *testing.T) {
	var art strings.Builder
	for i := range 4 {
		fmt.Fprintf(&art, "<p>The keepers climbed the tower on morning %d and found that the lamp had been kept clean by the volunteers.</p>", i)
	}
	page := `<html><body><div class="hidden"><article>` + art.String() + `</article></div><div class="mobile"><article>` + art.String() + `</article></div></body></html>`
	a, err := ExtractString(page, Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(bodyText(a), "on morning 2 "); n != 1 {
		t.Errorf("the paragraph is read %d times:\n%s", n, bodyText(a))
	}
}

func TestShowToken(t *testing.T) {
	for _, tt := range []struct {
		tok  string
		want bool
	}{
		{"d-md-block", true}, {"d-lg-flex", true}, {"d-none", false},
		{"md:flex", true}, {"lg:block", true}, {"sm:inline-block", true}, {"2xl:grid", true},
		{"max-md:block", true}, {"min-[900px]:flex", true}, {"dark:md:flex", true},
		{"hover:block", false}, {"group-hover:flex", false}, {"peer-checked:block", false},
		{"md:hidden", false}, {"md:flex-col", false}, {"block", false}, {"flex", false},
	} {
		if got := showToken(tt.tok); got != tt.want {
			t.Errorf("showToken(%q) = %v, want %v", tt.tok, got, tt.want)
		}
	}
}

func TestStreamSegmentID(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want bool
	}{
		{"S:0", true}, {"S:1f", true}, {"S:", false}, {"S:x", false}, {"B:0", false}, {"s:0", false}, {"S:0:1", false},
	} {
		if got := streamSegmentID(tt.id); got != tt.want {
			t.Errorf("streamSegmentID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}
