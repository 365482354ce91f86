package extract

import (
	"fmt"
	"strings"
	"testing"
)

// blogPara is a made-up paragraph of a blog post.
func blogPara(i int) string {
	return fmt.Sprintf("Paragraph %d of the post: we planed the oak boards by hand over the weekend, and the grain came up far finer than the cheap pine we had used for the first shelf in the shed.", i)
}

func htmlBody(t *testing.T, page string) string {
	t.Helper()
	a, err := ExtractString(page, Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	return bodyText(a)
}

// Classes on <body> are the theme's settings: "right-sidebar", "caption-two" and
// "comments-open" there name no sidebar, caption or comment section for the post.
func TestBodyClassesNoHints(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html class="js sidebar-right"><body class="single theme-right-sidebar theme-caption-two comments-open"><div id="wrap"><div class="columns"><div class="postarea"><h1>Oak shelves</h1>`)
	for i := range 5 {
		b.WriteString("<p>" + blogPara(i) + "</p>")
	}
	b.WriteString(`</div></div><div class="widget-area"><ul><li><a href="/a">Archive</a></li><li><a href="/b">About</a></li></ul></div></div></body></html>`)
	checkBody(t, htmlBody(t, b.String()), []string{"Paragraph 0 of the post", "Paragraph 4 of the post"}, []string{"Archive"})
}

// A teaser card inside the body shows its story's comment count ("Posts 2"): that count
// opens no comment section, and the article goes on after the card.
func TestCommentCountInCard(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="post"><h1>Oak shelves</h1><div class="story">`)
	for i := range 2 {
		b.WriteString("<p>" + blogPara(i) + "</p>")
	}
	b.WriteString(`<div class="card"><span>Related</span><h5><a href="/other">Five ways to store your tools</a></h5><p class="excerpt">Keep the shed tidy with these simple racks.</p><div class="extra-comments"><label>Posts</label> <a href="/other#threads">2</a></div><div class="author">By <a href="/u/x">Sam Poe</a></div></div>`)
	for i := 2; i < 9; i++ {
		b.WriteString("<p>" + blogPara(i) + "</p>")
	}
	b.WriteString(`</div></div></body></html>`)
	checkBody(t, htmlBody(t, b.String()), []string{"Paragraph 0 of the post", "Paragraph 8 of the post"}, nil)
}

// Photo credits with a copyright sign under each picture end no article, however far
// into it the last one stands.
func TestImageCreditsNoEnd(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><article><h1>Oak shelves</h1><div class="entry">`)
	for i := range 12 {
		b.WriteString("<p>" + blogPara(i) + "</p>")
		if i%3 == 2 {
			fmt.Fprintf(&b, `<figure><img src="/p%d.jpg" alt=""><figcaption><p>Shed at dusk | © 201%d Jo Roe</p></figcaption></figure>`, i, i%10)
		}
	}
	b.WriteString(`</div></article><footer><p>© 2024 Jo Roe. All rights reserved.</p></footer></body></html>`)
	checkBody(t, htmlBody(t, b.String()), []string{"Paragraph 0 of the post", "Paragraph 11 of the post"}, []string{"All rights reserved"})
}

// A sentence that speaks of copyright is prose; a notice is not.
func TestCopyrightMention(t *testing.T) {
	for _, c := range []struct {
		text   string
		notice bool
	}{
		{"Can I even assert copyright over this code, given how much of it a model wrote?", false},
		{"Does this library amount to a breach of copyright, or is it fair use?", false},
		{"© 2024 Example Media. All rights reserved.", true},
		{"Copyright 2019 Jo Roe", true},
		{"Copyright Example Media", true},
		{"All content on this site is protected by copyright and may not be copied.", true},
	} {
		b := &Block{Kind: BlockPara, Text: c.text}
		blockFeatures(b)
		got := false
		for i := range builtinRules {
			if builtinRules[i].Name == ruleCopyright {
				got = builtinRules[i].match(b)
			}
		}
		if got != c.notice {
			t.Errorf("%q: copyright rule %v, want %v", c.text, got, c.notice)
		}
	}
}

// Data tables at the foot of a post (a training plan per level, each under its heading)
// are the post's, not boilerplate: long rows of short cells do not make the element that
// holds them look like anything but the article.
func TestTablesInContainer(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/plans">Plans</a></li></ul></nav><div class="page"><div class="wrap"><h1>From the sofa to ten miles</h1>`)
	for i := range 5 {
		b.WriteString("<p>" + blogPara(i) + "</p>")
	}
	for lvl := range 3 {
		fmt.Fprintf(&b, `<h3>Level %d plan</h3><table><tr><td>Week</td><td>Mon</td><td>Tue</td><td>Wed</td><td>Thu</td><td>Fri</td><td>Sat</td><td>Sun</td></tr>`, lvl)
		for w := range 16 {
			fmt.Fprintf(&b, `<tr><td>%d</td><td>Rest</td><td>Easy %d mi</td><td>Cross</td><td>Tempo %d mi</td><td>Rest</td><td>Long %d mi</td><td>Walk</td></tr>`, w+1, 2+lvl, 3+lvl, 5+w/2)
		}
		b.WriteString(`</table>`)
	}
	b.WriteString(`</div></div><footer><p>About us · Contact · Jobs</p></footer></body></html>`)
	checkBody(t, htmlBody(t, b.String()), []string{"Paragraph 4 of the post", "Level 2 plan", "Long 12 mi"}, []string{"About us"})
}

// A credit is a photo's; a notice of reserved rights right after a row of icons is the
// site's, and still ends the article.
func TestImageCreditOrNotice(t *testing.T) {
	img := &Block{Kind: BlockImage}
	for _, c := range []struct {
		text   string
		credit bool
	}{
		{"Harbour at dawn | © 2017 Jo Roe", true},
		{"© 2008 Example Press. All Rights Reserved.", false},
	} {
		b := &Block{Kind: BlockPara, Text: c.text, Rule: ruleCopyright}
		if got := imageCredit([]*Block{img, b}, 1); got != c.credit {
			t.Errorf("imageCredit(%q) = %v, want %v", c.text, got, c.credit)
		}
	}
}

// A reply form under the article, inside the article's element, holds labels and notes:
// the element's rescue of short lines does not reach into it.
func TestContainerSkipsForms(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="main"><div class="question"><h1>Oak or pine for shelves?</h1>`)
	for i := range 4 {
		b.WriteString("<p>" + blogPara(i) + "</p>")
	}
	b.WriteString(`<p>Short line kept</p>`)
	for i := 4; i < 6; i++ {
		b.WriteString("<p>" + blogPara(i) + "</p>")
	}
	b.WriteString(`<form class="post-form" action="/answer"><h2>Your reply</h2><div><p>Sign in with your account</p><p>Post as a guest</p><label>Name</label><p>Required, never shown</p></div><button>Post reply</button></form></div></div></body></html>`)
	checkBody(t, htmlBody(t, b.String()), []string{"Paragraph 0 of the post", "Paragraph 5 of the post", "Short line kept"}, []string{"Post as a guest", "Required, never shown"})
}

func TestDisclaimer(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"This page is for informational purposes only.", true},
		{"Example Advisers, LLC is a registered investment adviser. Advisory services are offered only where the firm is licensed. Past performance is no guarantee of future returns. Investing involves risk, including the loss of principal, and nothing here is an offer to buy or sell any security.", true},
		{"The firm and its affiliates do not provide tax, legal or accounting advice. This material has been prepared for informational purposes only and should not be relied on as such; consult your own advisers before you act on any of it.", true},
		// a health shop's small print: not meant to replace a doctor, nor to diagnose
		{"What you read on this site is not meant to substitute for a visit to your own doctor or nurse. Our herbal teas and tablets have not been tested by any health authority and are not intended to diagnose, treat, cure or prevent any illness.", true},
		{"The new ferry is meant to replace the old boat by the spring, and the harbour board says it is not meant to replace the winter timetable as well, which stays as it is for now.", false},
		// an article about advice, with one formula said twice, is prose
		{"Many young savers never pay for financial advice, she said, and those who do often buy financial advice only once, when a house or a child makes the sums too hard to do alone at the kitchen table.", false},
		{"Past performance is no guarantee of future returns, the fund's manager warned, but the five years since the crash have rewarded those who held on through the worst months of the slump.", false},
	} {
		b := &Block{Kind: BlockPara, Text: c.text}
		blockFeatures(b)
		if got := isDisclaimer(b); got != c.want {
			t.Errorf("isDisclaimer(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestDisclaimerAdviceHeading(t *testing.T) {
	b := &Block{Kind: BlockHeading, Text: "When to Seek Professional Financial Advice"}
	blockFeatures(b)
	if isDisclaimer(b) {
		t.Errorf("a heading about advice taken for a disclaimer")
	}
}

// A card whose text sits in an element classed "caption" (a shop grid's thumbnail
// caption holding the product's name, maker and number under a heading) is the card's
// text, not a photo's caption.
func TestCaptionClassHoldingHeading(t *testing.T) {
	page := `<html><body><div class="grid">`
	for i := range 6 {
		page += fmt.Sprintf(`<div class="item"><a class="thumbnail" href="/p%d"><img src="/p%d.jpg" alt="Lamp %d"></a><a href="/p%d"><div class="caption"><div>Desk lamp model %d with a brass arm</div><div>Maker: Example Works</div><h3>Item number: EW-%d</h3><div>Price: $%d.00</div></div></a></div>`, i, i, i, i, i, i, 40+i)
	}
	page += `</div><figure><img src="/shop.jpg" alt=""><figcaption class="caption">The shop floor in spring</figcaption></figure></body></html>`
	doc := SegmentHTML(page, Options{})
	for _, b := range doc.Blocks {
		switch {
		case strings.HasPrefix(b.Text, "Maker:") && b.Kind == BlockCaption:
			t.Errorf("%q segmented as a caption", b.Text)
		case b.Text == "The shop floor in spring" && b.Kind != BlockCaption:
			t.Errorf("the photo's caption lost its kind: %v", b.Kind)
		}
	}
}
