package extract

import (
	"errors"
	"strings"
	"testing"
)

// A page whose body holds no text (a script-rendered shell) has no article, but its head
// still names it: Extract returns that metadata together with ErrNoArticle, so a caller can
// tell the case apart and still write what is known.
func TestNoArticleKeepsMetadata(t *testing.T) {
	page := `<!doctype html><html lang="nl"><head>
<title>Veerdienst hervat na storm | Havenbode</title>
<meta property="og:title" content="Veerdienst hervat na storm">
<meta property="og:site_name" content="Havenbode">
<meta name="author" content="Joke Verlinden">
<meta property="article:published_time" content="2023-03-14T08:30:00+01:00">
<link rel="canonical" href="https://havenbode.example/veer/hervat">
</head><body><div id="app"></div><script>window.zqBoot && zqBoot()</script></body></html>`
	for _, kind := range []InputKind{"", KindHTML} {
		a, err := Extract(strings.NewReader(page), Options{Name: "shell.html", Input: kind})
		if !errors.Is(err, ErrNoArticle) {
			t.Fatalf("input %q: got error %v, want ErrNoArticle", kind, err)
		}
		if a == nil {
			t.Fatalf("input %q: got no article, want the page's metadata", kind)
		}
		if len(a.Body) != 0 {
			t.Errorf("input %q: got %d body blocks, want none", kind, len(a.Body))
		}
		want := Article{Title: "Veerdienst hervat na storm", Site: "Havenbode", URL: "https://havenbode.example/veer/hervat",
			Lang: "nl", Published: "2023-03-14T08:30:00+01:00", Authors: []string{"Joke Verlinden"}}
		got := Article{Title: a.Title, Site: a.Site, URL: a.URL, Lang: a.Lang, Published: a.Published, Authors: a.Authors}
		if got.Title != want.Title || got.Site != want.Site || got.URL != want.URL || got.Lang != want.Lang ||
			got.Published != want.Published || strings.Join(got.Authors, "|") != strings.Join(want.Authors, "|") {
			t.Errorf("input %q: got %+v,\nwant %+v", kind, got, want)
		}
		if a.Source.Name != "shell.html" || a.Source.Kind != KindHTML {
			t.Errorf("input %q: got source %+v, want shell.html as html", kind, a.Source)
		}
	}
}
