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
	Features(doc)
	Classify(doc, Options{})
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
	Features(doc)
	Classify(doc, Options{})
	for i := range 6 {
		for _, b := range doc.Blocks {
			if strings.HasPrefix(b.Text, fmt.Sprintf("Section %d:", i)) && b.Class != ClassGood {
				t.Errorf("section %d dropped by %s (cf %s)", i, b.Rule, b.CFRule)
			}
		}
	}
}
