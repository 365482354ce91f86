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
	Features(doc)
	Classify(doc, Options{})
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, "When I started the newsletter") && b.Rule != RuleNewsletterPromo {
			t.Errorf("block %q: rule %q, want %q", b.Text, b.Rule, RuleNewsletterPromo)
		}
	}
}
