package extract

import (
	"fmt"
	"strings"
	"testing"
)

// threadPage is a made-up forum thread: posts with their author cards, dates and button
// rows, in one thread element, beside a menu and a footer.
func threadPage(posts int) string {
	var b strings.Builder
	b.WriteString(`<html><body><ul class="menu"><li><a href="/">Forums</a></li><li><a href="/new">New posts</a></li></ul><div class="thread">`)
	for i := range posts {
		fmt.Fprintf(&b, `<div class="message"><div class="user-card"><a href="/u/%d">member%d</a><span>Senior member</span><span>%d</span><span>%d</span></div>`, i, i, 100+i, 7*i+3)
		b.WriteString(`<div class="message-body">`)
		if i > 0 && i%3 == 0 {
			fmt.Fprintf(&b, `<blockquote><div><a href="#">member%d said:</a></div><div>Did you turn the option off first?</div></blockquote>`, i-1)
		}
		fmt.Fprintf(&b, `<p>Post number %d: I tried the setting you describe on my old laptop and the sync stopped for a day, then the storage figure finally went down by itself after a restart.</p>`, i)
		if i%2 == 0 {
			fmt.Fprintf(&b, `<p>My advice for number %d is to wait a little before you delete anything, because the counter on the server side lags behind what the phone shows for a long while.</p>`, i)
		}
		b.WriteString(`</div><div class="actions"><a href="#">Like</a> <a href="#">Reply</a> <a href="#">Report</a></div></div>`)
	}
	b.WriteString(`</div><footer><p>Terms and rules · Privacy policy</p></footer></body></html>`)
	return b.String()
}

// Every post of a thread is body, not only the cluster the maximum-sum span found.
func TestProseBoxThread(t *testing.T) {
	doc := SegmentHTML(threadPage(8), Options{})
	features(doc)
	classify(doc, Options{})
	for i := range 8 {
		found := false
		for _, b := range doc.Blocks {
			if strings.HasPrefix(b.Text, fmt.Sprintf("Post number %d:", i)) {
				found = true
				if b.Class != ClassGood {
					t.Errorf("post %d dropped by %s (cf %s)", i, b.Rule, b.CFRule)
				}
			}
		}
		if !found {
			t.Fatalf("post %d not segmented", i)
		}
	}
}

// guidePage is a made-up comparison guide: prose sections, each followed by lists of
// terse feature lines (few stop words, no links), as product round-ups write them.
func guidePage(sections int) string {
	var b strings.Builder
	b.WriteString(`<html><body><ul class="menu"><li><a href="/">Home</a></li><li><a href="/blog">Blog</a></li><li><a href="/pricing">Pricing</a></li></ul><div class="content">`)
	for i := range sections {
		fmt.Fprintf(&b, `<h2>%d. Provider %c</h2><p>Section %d: this provider suits teams that want their machines in one region and would rather pay a flat monthly price than track every hour they use, which keeps the bills easy to plan.</p>`, i+1, 'A'+i, i)
		b.WriteString(`<h3>Features</h3><ul>`)
		for j := range 8 {
			fmt.Fprintf(&b, `<li>Model %d%d: 16 vCPU, 64 GB RAM, 2x960 GB NVMe, 10 Gbps uplink</li>`, i, j)
		}
		b.WriteString(`</ul><h3>Pros</h3><ul><li>Fast provisioning, hourly billing</li><li>Flexible scaling, API-first tooling</li><li>Regional data centers, DDoS filtering</li></ul>`)
	}
	b.WriteString(`</div><footer><a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></footer></body></html>`)
	return b.String()
}

// Terse list lines between a guide's sections dilute no element: the element holding
// the sections' prose bounds the article, and every section's paragraph is body.
func TestProseBoxGuideLists(t *testing.T) {
	doc := SegmentHTML(guidePage(6), Options{})
	features(doc)
	classify(doc, Options{})
	for i := range 6 {
		for _, b := range doc.Blocks {
			if strings.HasPrefix(b.Text, fmt.Sprintf("Section %d:", i)) && b.Class != ClassGood {
				t.Errorf("section %d dropped by %s (cf %s)", i, b.Rule, b.CFRule)
			}
		}
	}
}

// servicePage is a made-up service page: a hero, a row of clients, figures, feature cards
// each with a button, linked use-case cards, and a FAQ, all in the element wrap opens
// (a <main> landmark, or a plain div), with a menu and a footer around it.
func servicePage(wrap string) string {
	var b strings.Builder
	b.WriteString(`<html><body><nav><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/about">About</a></nav>` + wrap)
	b.WriteString(`<h1>Window cleaning for tall buildings</h1><p>We clean the glass of offices and towers from rope and cradle, in all seasons.</p><a href="/quote">Get a quote</a>`)
	b.WriteString(`<div class="clients"><a href="/c/1">Harbour Tower</a> <a href="/c/2">North Quay Offices</a> <a href="/c/3">Elm Street Plaza</a> <a href="/c/4">The Glasshouse</a> <a href="/c/5">Riverside Court</a> <a href="/c/6">Meridian House</a></div>`)
	b.WriteString(`<div class="stats"><p><b>1,200+</b> buildings cleaned</p><p><b>25 years</b> on the ropes</p><p><b>0</b> accidents since 2010</p></div>`)
	for i := range 4 {
		fmt.Fprintf(&b, `<div class="card"><img src="/i/%d.svg" alt=""><h3>Service %d</h3><p>Feature %d: our crews work at any height with their own anchors and insurance, and they leave no streaks.</p><a href="/s/%d">Learn more about this service</a></div>`, i, i, i, i)
	}
	for i := range 3 {
		fmt.Fprintf(&b, `<div class="uc"><a href="/for/%d"><h3>Sector %d</h3><p>Teaser %d: how the crews plan the work around the building's tenants, its opening hours and the wind on the upper floors.</p></a><a href="/for/%d">Read the case</a> <a href="/quote">Get a quote</a></div>`, i, i, i, i)
	}
	b.WriteString(`<h2>Questions</h2><h3>How often should glass be cleaned?</h3><p>Most towers book us four times a year; buildings by a busy road or the sea need us more often, because salt and soot settle on the glass within weeks.</p>`)
	b.WriteString(`<h3>Do you need the roof?</h3><p>Only for an hour at the start of the day: the anchors are checked and the ropes rigged, and after that the crews work from the outside without disturbing anyone inside.</p>`)
	b.WriteString(`</` + strings.Fields(strings.Trim(wrap, "<>"))[0] + `><footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`)
	return b.String()
}

// A <main> landmark bounds the body even when its cards and buttons leave it thin in
// prose: every section of a service page is body, not only its FAQ; its linked cards are
// not. A plain element bounds it too once its unlinked figure lines (neutral lines) are
// not counted against its prose.
func TestMainLandmarkServicePage(t *testing.T) {
	for _, tc := range []struct {
		wrap         string
		wantFeatures bool
	}{
		{`<main>`, true},
		{`<div role="main">`, true},
		{`<div class="wrap">`, true},
	} {
		t.Run(tc.wrap, func(t *testing.T) {
			doc := SegmentHTML(servicePage(tc.wrap), Options{})
			features(doc)
			classify(doc, Options{})
			kept := map[string]bool{}
			for _, b := range doc.Blocks {
				for _, p := range []string{"Feature ", "Teaser ", "Most towers"} {
					if strings.HasPrefix(b.Text, p) && b.Class == ClassGood {
						kept[p] = true
					}
				}
			}
			if !kept["Most towers"] {
				t.Errorf("the FAQ was dropped")
			}
			if kept["Feature "] != tc.wantFeatures {
				t.Errorf("feature cards kept: got %v, want %v", kept["Feature "], tc.wantFeatures)
			}
			if kept["Teaser "] {
				t.Errorf("a linked card was kept")
			}
		})
	}
}

func TestMainLandmark(t *testing.T) {
	for _, tc := range []struct {
		page string
		want bool
	}{
		{`<main id="x">text</main>`, true},
		{`<div id="x" role="main">text</div>`, true},
		{`<div id="x" role=" Main ">text</div>`, true},
		{`<div id="x" class="main">text</div>`, false},
		{`<section id="x" role="region">text</section>`, false},
	} {
		doc := SegmentHTML("<html><body>"+tc.page+"</body></html>", Options{})
		var n = doc.Blocks[0].Node
		for n != nil && attr(n, "id") != "x" {
			n = n.Parent
		}
		if n == nil {
			t.Fatalf("%s: element not found", tc.page)
		}
		if got := mainLandmark(n); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.page, got, tc.want)
		}
	}
}
