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
