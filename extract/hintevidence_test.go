package extract

import (
	"strings"
	"testing"
)

// prosePara is a made-up paragraph of ordinary prose, numbered so no two are alike.
func prosePara(i int) string {
	return "<p>The harbour town spent the winter of year " + strings.Repeat("I", i+1) +
		" rebuilding the old pier, and the fishermen who had waited for it since the storm said that " +
		"the work was slower than they had hoped but better than they had feared.</p>"
}

func paras(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(prosePara(i))
	}
	return b.String()
}

// A negative class token on a wrapper that holds a run of prose is outweighed by the
// prose; on a wrapper of the page's frame (a footer) or holding too little prose it stands.
func TestHintedProse(t *testing.T) {
	other := strings.Repeat("<p>Across the valley the new school opened its doors in the spring, and the teachers, who had taught in borrowed rooms for two years, said the children settled in within a week.</p>", 3)
	menu := `<ul class="menu"><li><a href="/a">Home</a></li><li><a href="/b">About</a></li></ul>`
	cases := []struct {
		name     string
		body     string
		wantKept bool
	}{
		{"widget wrapper, three paragraphs", `<div class="builder-widget text-editor-widget">` + paras(3) + `</div>`, true},
		{"widget wrapper, two paragraphs", `<article>` + other + `</article><div class="builder-widget">` + paras(2) + `</div>`, false},
		{"footer, three paragraphs", `<article>` + paras(1) + `</article><footer class="site-footer"><div class="footer">` + paras(3) + `</div></footer>`, false},
		{"comments, three paragraphs", `<article>` + paras(1) + `</article><div class="comments">` + paras(3) + `</div>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := "<html><body>" + menu + c.body + "</body></html>"
			doc := SegmentHTML(page, Options{})
			Features(doc)
			Classify(doc, Options{})
			kept := 0
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, "rebuilding the old pier") && b.Class == ClassGood && strings.Contains(b.Hints, "widget") {
					kept++
				}
				if strings.Contains(b.Text, "rebuilding the old pier") && b.Class == ClassGood && (strings.Contains(b.Hints, "footer") || strings.Contains(b.Hints, "comments")) {
					t.Errorf("block %d %q kept by %s inside a vetoing hint", b.Index, b.Text[:30], b.Rule)
				}
			}
			if got := kept > 0; got != c.wantKept {
				t.Errorf("hinted prose kept = %v (%d blocks), want %v", got, kept, c.wantKept)
			}
		})
	}
}
