package extract

import (
	"html"
	"strings"
)

// A shop's product page shows its product in a buy box: the name, the brand, a rating
// count, the price, payment and delivery options, sizes — a column of short lines with
// no paragraph among them, and on many pages nothing else, the description and reviews
// being loaded later by script. The quality pass finds no prose there and the context
// pass drops the whole column, leaving the body empty or a stray sentence of fine print.
// The page says what it is all the same: it declares a schema.org Product (JSON-LD or
// microdata), and its heading shows the product's name. When the passes kept next to
// nothing on such a page, the lines under that heading are the body, as far as the next
// heading (the description, the reviews, other products) — the buy box — with the
// verdicts of rules that name a kind of text standing (hidden text, tickers, buttons,
// menus of links).

// Thresholds of the product-box fallback.
const (
	// productBoxMaxBlocks: the most blocks after the product's name the box may hold:
	// a few dozen lines (name, brand, rating, price, payments, variants, delivery), not
	// the page.
	productBoxMaxBlocks = 60
	// productBoxMinWords: the least words the box's lines must hold together.
	productBoxMinWords = postMinWords
)

// ruleProductBox marks a line of a product's buy box under its declared name, taken as
// the body when the passes kept next to nothing on a page that declares a product.
const ruleProductBox RuleName = "product-box"

// microProduct reports a microdata itemtype naming a schema.org product.
func microProduct(t string) bool {
	for _, f := range strings.Fields(t) {
		f = strings.ToLower(f)
		i := strings.LastIndex(f, "schema.org/")
		if i < 0 {
			continue
		}
		for _, n := range ldProductTypes {
			if f[i+len("schema.org/"):] == n {
				return true
			}
		}
	}
	return false
}

// productFallback takes the buy box under the product's declared name as the body when
// the passes kept less than a paragraph (see the top of this file).
func productFallback(doc *Document) {
	if !doc.product {
		return
	}
	blocks := doc.Blocks
	if keptBody(blocks) >= fallbackMaxBody {
		return
	}
	start := productHead(doc)
	if start < 0 {
		return
	}
	var take []*Block
	words := 0
	for i := start; i < len(blocks) && i <= start+productBoxMaxBlocks; i++ {
		b := blocks[i]
		if i > start && b.Kind == BlockHeading && !b.Hidden {
			break
		}
		if b.Class == ClassGood && !isMetaRole(b) && b.Rule != ruleContext {
			continue // kept already, on its own evidence
		}
		if i == start && isMetaRole(b) {
			continue // the name shown as the page's title
		}
		if !postText(b) {
			continue
		}
		take = append(take, b)
		words += b.Words
	}
	if words < productBoxMinWords {
		return
	}
	for _, b := range take {
		b.place(RoleBody, ClassGood, ruleProductBox)
	}
}

// productHead finds the block that shows the declared product's name: the name the
// JSON-LD gives it, or the page's declared title or a part of it between separators
// (a shop's name after a bar); whole, or with the brand before or after it. Letters and
// digits are compared, after entities are read (names come escaped twice). A heading
// wins over another block; -1 when none shows it.
func productHead(doc *Document) int {
	var keys []string
	for _, t := range append(append([]string(nil), doc.productNames...), doc.Meta.Title, doc.Meta.PageTitle) {
		t = html.UnescapeString(t)
		keys = appendKey(keys, t)
		if parts := reTitleSep.Split(t, -1); len(parts) > 1 {
			for _, p := range parts {
				keys = appendKey(keys, p)
			}
		}
	}
	if len(keys) == 0 {
		return -1
	}
	first := -1
	for i, b := range doc.Blocks {
		if b.Hidden || b.Kind == BlockImage || b.Runes < titleMinRunes || b.Runes > titleMaxRunes {
			continue
		}
		k := letterKey(b.Text)
		for _, n := range keys {
			if k == n || len(n) >= len(k)/2 && (strings.HasPrefix(k, n) || strings.HasSuffix(k, n)) {
				if b.Kind == BlockHeading {
					return i
				}
				if first < 0 {
					first = i
				}
				break
			}
		}
	}
	return first
}
