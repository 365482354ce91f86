package extract

import (
	"fmt"
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
		// a slideshow of another story's slides, each a long caption, under "Also on …"
		{"promo under a related heading", `<article>` + other + `<p>Also on Harbour Daily:</p><div class="promo-box">` + paras(3) + `</div></article>`, false},
		{"promo without a heading", `<article>` + other + `<div class="promo-box">` + paras(3) + `</div></article>`, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := "<html><body>" + menu + c.body + "</body></html>"
			doc := SegmentHTML(page, Options{})
			features(doc)
			classify(doc, Options{})
			kept := 0
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, "rebuilding the old pier") && b.Class == ClassGood && (strings.Contains(b.Hints, "widget") || strings.Contains(b.Hints, "promo")) {
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

// A page builder wraps every panel of the page in the same hinted classes: once the
// panels with a run of prose have outweighed the hint, a shorter panel of the same make
// inside the same layout is lifted with them; a sidebar widget outside it is not.
func TestHintedProsePanels(t *testing.T) {
	var b strings.Builder
	para := func(i int) string {
		return fmt.Sprintf("<p>Panel text %d: when you get an offer, ask for the full package in writing, and compare the pay, the leave and the pension with the figures you found for the same job elsewhere.</p>", i)
	}
	b.WriteString(`<html><body><div class="page"><div class="entry-content"><p>Intro one: this page explains how to weigh a job offer, what to ask before you sign it, and where the office can help you with the figures.</p><p>Intro two: read each part in turn, and bring your questions to a walk-in hour if anything is left unclear after you have read it.</p><div class="panel-layout">`)
	for p := range 3 {
		fmt.Fprintf(&b, `<div class="panel-row"><div class="panel-cell"><div class="so-panel widget widget_text panel-%d"><div class="textwidget">`, p)
		for i := range 3 {
			b.WriteString(para(p*10 + i))
		}
		b.WriteString(`</div></div></div></div>`)
		if p == 1 {
			b.WriteString(`<div class="panel-row"><div class="panel-cell"><div class="so-panel widget widget_text panel-last"><div class="textwidget"><h3>What to ask</h3><p>Short panel: knowing what you bring to the table makes it easier to ask for a better offer, and to walk away from one that does not fit.</p><p>Ask questions</p><p>“Is there room in the budget?”</p><p>“When do you need my answer?”</p></div></div></div></div>`)
		}
	}
	b.WriteString(`</div></div><aside class="sidebar"><div class="widget widget_text"><div class="textwidget"><p>About this office: we are open on school days from ten until four, and we answer mail within two days of getting it.</p></div></div></aside></div></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	checkBody(t, bodyText(a), []string{"Intro one:", "Panel text 0:", "Panel text 22:", "Short panel:", "When do you need"}, []string{"About this office"})
}

// Inside the article's container a "ranking" or "best" hint names what the article is
// (a ranked guide to products or schools): its entries' prose stays, whether one
// element holds a run of it or a series of cards made alike holds a paragraph each.
// Outside the container the same hint is the site's list of popular articles.
func TestHintedRanking(t *testing.T) {
	intro := `<h1>A guide to rain jackets</h1><p>Intro: we wore each jacket through a wet month of walks to work, and weighed how dry it kept us against what it cost and how it packed, and we asked the shops that sold them how often buyers brought them back before the end of the first winter.</p><p>Intro two: prices are those we paid in the autumn, and each entry ends with the figures we measured ourselves.</p>`
	entry := func(i int) string {
		return fmt.Sprintf("<p>Entry %d: the shell kept the rain out through a long afternoon on the hill, and the hood stayed put in the wind, though the pockets sat too high to reach with a pack on.</p>", i)
	}
	var cards strings.Builder
	for i := range 4 {
		fmt.Fprintf(&cards, `<section class="rank-card"><h3>Jacket %d</h3><div class="ranking-card-blurb">%s<p>Weight: 300 g | Price: $%d</p></div></section>`, i, entry(i), 100+i)
	}
	panel := `<section id="jacket-one"><h2>Jacket one</h2><div id="best-budget-pick-panel">` + entry(10) + entry(11) + entry(12) + `</div></section>`
	popular := `<div class="most-popular-box">` + entry(20) + entry(21) + entry(22) + `</div>`
	cases := []struct {
		name      string
		page      string
		want, not []string
	}{
		{"panel in the article", `<article>` + intro + panel + `</article>`, []string{"Intro:", "Entry 10:", "Entry 12:"}, nil},
		{"cards in the article", `<article>` + intro + `<div class="ranking-list">` + cards.String() + `</div></article>`, []string{"Intro:", "Entry 0:", "Entry 3:"}, nil},
		{"popular box outside the article", `<article>` + intro + entry(30) + entry(31) + `</article>` + popular, []string{"Intro:", "Entry 31:"}, []string{"Entry 20:", "Entry 22:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := ExtractString("<html><body>"+c.page+"</body></html>", Source{Name: "page.html"}, Options{Input: KindHTML})
			if err != nil {
				t.Fatal(err)
			}
			checkBody(t, bodyText(a), c.want, c.not)
		})
	}
}
