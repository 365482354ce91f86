package extract

import (
	"regexp"
	"strings"
)

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
		if b.CFRule != ruleNewsletterPromo || b.pinned {
			continue
		}
		if reNewsletter.MatchString(reNewsletterWord.ReplaceAllString(b.Text, "letter")) {
			continue
		}
		b.CF, b.CFRule = quality(b)
		b.judge(b.CF, b.CFRule)
	}
}

// reNewsletterGeneric is an English name of newsletters in general rather than of one:
// the plural ("magazines and newsletters", "email newsletters") or a quantifier before it
// ("every newsletter"). The site's own newsletter is named in the singular or with "our"
// ("our newsletters"), offered with a sign-up ("sign up for … and other newsletters") or
// with the sign-up form's fine print (privacy policy, terms of service); reNewsletterOwn
// finds those.
var (
	reNewsletterGeneric = regexp.MustCompile(`(?i)\bnewsletters\b|\b(?:every|any|each|other)\s+(?:\S+\s+)?newsletter\b`)
	reNewsletterOwn     = regexp.MustCompile(`(?i)\b(?:our|my)\s+(?:\S+\s+){0,2}newsletters?\b|\bnewsletters?\s+(?:from|by)\s+(?:us|me)\b|\bsign(?:ing)?[- ]up\b|\bprivacy (?:policy|notice)\b|\bterms of (?:service|use)\b`)
)

// Thresholds of a paragraph that speaks of newsletters: the shortest, and the least share
// of stop words (a sentence of prose, not a sign-up box's line of names).
const (
	newsletterMentionMinRunes = 100
	newsletterMentionMinStops = 0.3
)

// newslettersMentioned reports a paragraph of prose that speaks of newsletters in general
// ("use social media, email newsletters and referrals"; "I subscribe to every newsletter
// on the subject"), not a prompt to take the site's: it ends a sentence, reads as prose,
// holds no prompt (sign up for, in your inbox, subscribe to …) and every newsletter it
// names is newsletters in general, none the site's own. English only: other languages'
// plurals are left to the rule.
func newslettersMentioned(b *Block) bool {
	if !b.SentenceEnd || b.Runes < newsletterMentionMinRunes || b.StopDensity < newsletterMentionMinStops || b.LinkDensity > maxLinkDensity {
		return false
	}
	t := b.Text
	if !strings.Contains(strings.ToLower(t), "newsletter") || reNewsletterOwn.MatchString(t) {
		return false
	}
	// every occurrence generic: taking the generic ones out leaves no name of one
	rest := reNewsletterGeneric.ReplaceAllString(t, "letters")
	if reNewsletterWord.MatchString(rest) {
		return false
	}
	// and no prompt besides the word
	return !reNewsletter.MatchString(rest)
}
