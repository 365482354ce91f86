package extract

import "regexp"

// reNewsletterWord is the bare name of a newsletter in the languages newsletter-promo
// knows. Alone in a block it is a sign-up box's word; on a page whose headline names
// it, it is what the article is about (a writer's post on running a newsletter), and a
// paragraph that names it is the article's.
// newsletter-promo's pattern (reNewsletter) holds the same words.
var reNewsletterWord = regexp.MustCompile(`(?i)` + newsletterWords)

const newsletterWords = `newsletter|nieuwsbrief|nyhetsbrev|nyhedsbrev|uutiskirje|infolettre|hírlevél|뉴스레터`

// topicPromos re-judges, on a page whose headline names a newsletter, the blocks that
// newsletter-promo dropped for that word alone: their verdict becomes their own quality.
// A block that also holds a prompt (sign up for, in your inbox, subscribe to …) stays
// dropped.
func topicPromos(doc *Document) {
	title := doc.Meta.Title
	if title == "" {
		title = doc.Meta.PageTitle
	}
	if title == "" || !reNewsletterWord.MatchString(title) {
		return
	}
	for _, b := range doc.Blocks {
		if b.CFRule != RuleNewsletterPromo || b.pinned {
			continue
		}
		if reNewsletter.MatchString(reNewsletterWord.ReplaceAllString(b.Text, "letter")) {
			continue
		}
		b.CF, b.CFRule = quality(b)
		b.Class, b.Rule = b.CF, b.CFRule
	}
}
