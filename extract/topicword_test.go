package extract

import (
	"strings"
	"testing"
)

// newsletterPost is made up: a writer's post about running a newsletter, whose paragraphs
// name it, and a sign-up box after it.
const newsletterPost = `<html lang="en"><head><title>What a year of writing a weekly newsletter taught me</title></head><body>
<article><h1>What a year of writing a weekly newsletter taught me</h1>
<p>When I started the newsletter last spring, I had no plan beyond sending one letter every Friday to the few friends who had asked for it.</p>
<p>By the summer the newsletter had grown to four hundred readers, and most of them had found it through a single post that a larger writer shared.</p>
<p>The hardest part was not the writing. It was deciding what the letter was for, and saying no to the topics that did not fit.</p>
<p>Looking back, the issues of the newsletter that did best were the ones where I told a story from my own week and then drew one lesson from it.</p>
<p>If you are thinking of starting one, begin small, keep a steady day, and write to one reader you know rather than to a crowd.</p>
</article>
<div class="box"><p>Sign up for our newsletter to get new posts by e-mail.</p></div>
</body></html>`

// On a page whose headline names a newsletter, a paragraph that names it is the
// article's; a sign-up prompt still goes.
func TestNewsletterTopicKept(t *testing.T) {
	a, err := ExtractString(newsletterPost, Source{Name: "newsletter-post"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	got := bodyText(a)
	for _, want := range []string{"When I started the newsletter last spring", "By the summer the newsletter had grown", "the issues of the newsletter that did best"} {
		if !strings.Contains(got, want) {
			t.Errorf("body lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Sign up for our newsletter") {
		t.Errorf("body holds the sign-up prompt:\n%s", got)
	}
}

// On a page whose headline does not name one, the word alone still marks a promo.
func TestNewsletterWordPromoElsewhere(t *testing.T) {
	page := strings.Replace(newsletterPost, "a weekly newsletter", "a weekly column", 2)
	doc := SegmentHTML(page, Options{})
	features(doc)
	classify(doc, Options{})
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, "When I started the newsletter") && b.Rule != ruleNewsletterPromo {
			t.Errorf("block %q: rule %q, want %q", b.Text, b.Rule, ruleNewsletterPromo)
		}
	}
}

// A paragraph that speaks of newsletters in general (a guide's advice, a writer's habit)
// is prose, not a sign-up prompt; a prompt or a line about the site's own newsletter is
// still one.
func TestNewslettersMentioned(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Be patient with your marketing. Use social media, email newsletters, and word of mouth to reach the customers who live near your shop.", true},
		{"There are dozens of guides on gardening and I have read most of them. I also subscribe to every newsletter on the subject I can find.", true},
		{"This page has been mentioned in a number of magazines and newsletters, and those mentions brought most of its visitors over the years.", true},
		{"Social media is fine, but our weekly newsletter is a much better way to hear about the new trails and the gear we test each season.", false},
		{"Sign up for our newsletters to have the best stories of the week delivered to you every Saturday morning, free of charge.", false},
		{"The Morning Letter is a newsletter with the five stories you need to start the day, written by our editors and sent at six.", false},
		{"This report was produced by a small nonprofit newsroom that covers schools. Sign up for the weekly brief and other newsletters from the desk.", false},
		{"Privacy notice: newsletters may carry news of partners and sponsored content. For more, see the privacy policy of the site and its terms of service.", false},
		{"Newsletters", false},
	} {
		doc := SegmentHTML("<html><body><p>"+c.text+"</p></body></html>", Options{})
		features(doc)
		var b *Block
		for _, x := range doc.Blocks {
			if x.Text == c.text {
				b = x
			}
		}
		if b == nil {
			t.Fatalf("no block %q", c.text)
		}
		if got := newslettersMentioned(b); got != c.want {
			t.Errorf("newslettersMentioned(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// In a guide whose headline names no newsletter, the paragraph that advises using them
// stays in the body.
func TestNewslettersMentionedKept(t *testing.T) {
	page := `<html lang="en"><head><title>Starting a small bakery</title></head><body><article><h1>Starting a small bakery</h1>
<p>Most small bakeries fail in their first two years, and nearly always for the same reason: the owner bakes well but never learns to sell.</p>
<p>Be patient with your marketing. Use social media, email newsletters, and word of mouth to reach the customers who live near your shop.</p>
<p>Keep your menu short at first. A few breads done every day without fault will bring people back more often than a long list done unevenly.</p>
</article></body></html>`
	a, err := ExtractString(page, Source{Name: "newsletters-mentioned"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if got := bodyText(a); !strings.Contains(got, "Use social media, email newsletters") {
		t.Errorf("body lacks the paragraph that mentions newsletters:\n%s", got)
	}
}
