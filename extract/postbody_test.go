package extract

import "testing"

func TestPostStart(t *testing.T) {
	const side = `<div id="side"><h2>About</h2><p>I write about trains, tea and the weather on this small blog of mine.</p></div>`
	tests := []struct {
		name string
		html string
		want string // text of the headline block found, "" for none
	}{
		{"og:title shown as the post heading",
			`<head><meta property="og:title" content="Night Trains"></head><body><h1>Rail Diary</h1><div class="post"><h3>Night Trains</h3><div class="entry-content"><p>A short film about sleepers.</p></div></div>` + side,
			"Night Trains"},
		{"title part after the blog name, not the masthead's name",
			`<head><title>Rail Diary: Night Trains</title></head><body><h1>Rail Diary</h1><div class="post"><h3>Night Trains</h3><div class="post-body"><p>A short film about sleepers.</p></div></div>` + side,
			"Night Trains"},
		{"apostrophe dropped by the title",
			`<head><title>Bens Night Trains - Rail Diary</title></head><body><div class="post"><h3>Ben’s Night Trains</h3><div class="entry-body"><p>A short film about sleepers.</p></div></div>` + side,
			"Ben’s Night Trains"},
		{"no article element under the heading",
			`<head><title>Night Trains</title></head><body><h3>Night Trains</h3><p>A short film about sleepers.</p>` + side,
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML("<html>"+tt.html+"</body></html>", Options{})
			features(doc)
			h, _ := postStart(doc)
			got := ""
			if h >= 0 {
				got = doc.Blocks[h].Text
			}
			if got != tt.want {
				t.Errorf("got headline %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPostFallbackKeepsOneLinePost(t *testing.T) {
	page := `<html><head><meta property="og:title" content="Night Trains"></head><body>
<div class="post"><h3><a href="/p/1">Night Trains</a></h3><div class="meta">films — 18:40</div>
<div class="storycontent"><p>A lovely short film about the <a href="/x">last sleeper</a>! Made by Ana Rey</p></div></div>
<div id="side"><h2>About me</h2><p>Hello and welcome to my little blog, where I write a few lines about the films, records and recipes I find on my travels by train and boat.</p></div>
</body></html>`
	doc := SegmentHTML(page, Options{})
	a, err := extractDocument(doc, Options{})
	if err != nil {
		t.Fatalf("got error %v", err)
	}
	var got []string
	for _, b := range a.Body {
		got = append(got, b.Text)
	}
	if len(got) != 1 || got[0] != "A lovely short film about the last sleeper! Made by Ana Rey" {
		t.Errorf("got body %q, want the post's one line alone", got)
	}
}
