package extract

import "regexp"

// A blog post or a short news item can be a line or two under its headline: a video with
// a sentence about it, an invitation with an address. The quality pass finds no paragraph
// of a body's length there, so the context pass drops it with its neighbours, and what is
// kept, if anything, is the page's longest prose elsewhere: the blog's "about me" blurb,
// a sidebar's note, a reader's comment. The page says where its post is all the same: the
// headline it declares (og:title, <title>) stands as a heading above the element that
// holds the post's text (entry-content, post-body, storycontent, <article>). When the
// passes kept nothing inside that element and little elsewhere but comments, the text of
// the element is the body and what was kept outside it goes.

// Thresholds of the post-element fallback.
const (
	// postHeadReach: how many blocks after the declared headline the post's element may
	// start (a date line, a byline, a row of tags and share buttons between).
	postHeadReach = 12
	// postMaxOutside: the most text kept outside the post's element (comments not
	// counted) that the element may replace: a sidebar blurb's length, not an article's.
	postMaxOutside = 2 * lengthHigh
	// postMinWords: the least words the post's own text holds: a sentence, not a label.
	postMinWords = 6
	// postMinLineWords: the least words of one line of the post that reads as prose.
	postMinLineWords = 4
	// postMaxLinks: a line the link-list rule dropped is the post's own when less than
	// this share of it is link text (an invitation naming a linked place and book).
	postMaxLinks = 0.5
	// postMinTitleKey: the fewest letters and digits of a declared headline matched
	// against the page's blocks; fewer match a label.
	postMinTitleKey = 6
)

// rulePostBody marks a block of the declared headline's post element, taken as the body
// when the passes kept nothing inside it.
const rulePostBody RuleName = "post-element"

// ruleOutsidePost marks a block kept by the passes outside the declared headline's post
// element, dropped when the element's text is taken as the body.
const ruleOutsidePost RuleName = "outside-post"

// postFallback takes the text of the post element under the declared headline as the body
// when the passes kept none of it (see the top of this file).
func postFallback(doc *Document) {
	blocks := doc.Blocks
	outside := 0.0
	for _, b := range blocks {
		if b.Class != ClassGood || isMetaRole(b) {
			continue
		}
		if b.InArticle {
			return // the passes found the post's element: they judged it
		}
		if !commentInHints(b.Hints) {
			outside += b.Weighted
		}
	}
	if outside >= postMaxOutside {
		return
	}
	h, start := postStart(doc)
	if h < 0 {
		return
	}
	// the element's run: from its first block to the first text outside it (metadata and
	// images passed over)
	end := postEnd(blocks, start)
	var take []*Block
	words, sentence := 0, false
	for _, b := range blocks[start:end] {
		if !postText(b) {
			continue
		}
		take = append(take, b)
		words += b.Words
		// a line of prose by itself: words of a sentence, not a run of labels
		sentence = sentence || b.Words >= postMinLineWords && (b.SentenceEnd || b.StopDensity > 0)
	}
	if words < postMinWords || !sentence {
		return
	}
	for _, b := range blocks {
		if b.Class == ClassGood && !isMetaRole(b) && b.Role != RoleTitle {
			b.place(RoleNone, ClassBad, ruleOutsidePost)
		}
	}
	for _, b := range take {
		b.place(RoleBody, ClassGood, rulePostBody)
	}
}

// postText reports a block of a post's element that may be its text: not hidden, not
// metadata, not named boilerplate (a share row, a button, a promo stand); a line of
// links only when it is mostly plain text.
func postText(b *Block) bool {
	if b.Hidden || b.pinned || b.Kind == BlockImage || isMetaRole(b) || b.Runes == 0 || b.Role != RoleNone && b.Role != RoleBody {
		return false
	}
	switch b.CFRule {
	case "", ruleProse, ruleNearProse, ruleShort, ruleLowQuality, ruleClassHint, ruleTeaser:
		return true
	case ruleLinkList:
		return b.LinkDensity < postMaxLinks
	}
	return b.CF != ClassBad
}

// postStart finds the page's post: a block that shows the page's declared headline (its
// og:title or <title>, whole or a part between separators: a blog's name and a colon
// before it, a bar and a site name after), then, postHeadReach blocks at most below it,
// the first block of an article element. It returns both indices, or -1, -1. Letters and
// digits are compared (a title drops an apostrophe the heading keeps); the headline is
// the match nearest above the element, not the blog's name in the masthead.
func postStart(doc *Document) (head, start int) {
	var keys []string
	for _, t := range []string{doc.Meta.Title, doc.Meta.PageTitle} {
		keys = appendKey(keys, t)
		if parts := reTitleSep.Split(t, -1); len(parts) > 1 {
			for _, p := range parts {
				keys = appendKey(keys, p)
			}
		}
	}
	if len(keys) == 0 {
		return -1, -1
	}
	last := -1
	for i, b := range doc.Blocks {
		if b.Hidden {
			continue
		}
		if b.InArticle && last >= 0 && i-last <= postHeadReach && i > last {
			return last, i
		}
		if b.Runes < titleMinRunes || b.Runes > titleMaxRunes || b.Kind == BlockImage {
			continue
		}
		k := letterKey(b.Text)
		for _, n := range keys {
			if n == k {
				last = i
				break
			}
		}
	}
	return -1, -1
}

func appendKey(keys []string, s string) []string {
	if k := letterKey(s); len(k) >= postMinTitleKey {
		return append(keys, k)
	}
	return keys
}

// reTitleSep: a separator between the parts of a page title (a headline, a blog or site
// name, a section).
var reTitleSep = regexp.MustCompile(`\s+[|\-–—»·:<>/]+\s+|:\s+|\s*[｜|]\s*`)

// anchoredPost reports a page with a paragraph of prose, by its own evidence, inside an
// article element right under the page's declared headline (see postStart): the page is
// that post, whatever the passes made of the paragraph beside a sidebar's text.
func anchoredPost(doc *Document) bool {
	_, start := postStart(doc)
	if start < 0 {
		return false
	}
	for _, b := range doc.Blocks[start:postEnd(doc.Blocks, start)] {
		if b.InArticle && !b.Hidden && !isMetaRole(b) && b.Words >= postMinWords && (b.CF == ClassGood || b.CF == ClassNearGood && b.SentenceEnd) {
			return true
		}
	}
	return false
}

// inArticleShare is the share of the blocks' text that lies inside article elements.
func inArticleShare(blocks []*Block) float64 {
	in, all := 0.0, 0.0
	for _, b := range blocks {
		all += b.Weighted
		if b.InArticle {
			in += b.Weighted
		}
	}
	if all == 0 {
		return 0
	}
	return in / all
}

// postEnd returns the end (exclusive) of the post element's run of blocks from start: the
// first block of text outside an article element (metadata and images passed over).
func postEnd(blocks []*Block, start int) int {
	end := start + 1
	for end < len(blocks) {
		n := blocks[end]
		if !n.InArticle && !neutral(n) && !n.Hidden && n.Runes > 0 {
			break
		}
		end++
	}
	return end
}
