package extract

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// body gathers the kept blocks from the first body paragraph on: body text, in-body
// images and captions, each caption once.
func body(blocks []*Block, first int, title string) []*Block {
	if first < 0 {
		return nil
	}
	var out []*Block
	seen := map[string]bool{}
	// the path of a body text's first occurrence: a text repeated in the same place of
	// the structure is a repeated line of the article (a recipe's "1 cup milk"), one
	// repeated elsewhere a copy (a mobile and a desktop rendering of the same lead)
	firstPath := map[string]string{}
	last := -1
	for i := first; i < len(blocks); i++ {
		if blocks[i].Role == RoleBody {
			last = i
		}
	}
	for i := first; i <= last; i++ {
		b := blocks[i]
		if b.Kind == BlockImage && b.Class != ClassBad {
			b.Role = RoleImage
		}
		switch b.Role {
		case RoleImage:
		case RoleBody:
			if b.Text == title && b.Kind != BlockImage {
				b.recast(RoleNone, ClassBad, ruleDuplicate)
				continue
			}
		case RoleCaption:
		default:
			continue
		}
		if b.Kind == BlockImage {
			if b.Image != nil && b.Image.Caption == "" && i+1 < len(blocks) && blocks[i+1].Role == RoleCaption {
				b.Image.Caption = blocks[i+1].Text
			}
		}
		key := b.Text
		if b.Kind == BlockImage && b.Image != nil {
			key = "img:" + b.Image.Src
		}
		if key != "" && seen[key] && (b.Role == RoleCaption || b.Kind == BlockImage || b.Runes >= 20 && (b.Path == "" || firstPath[key] != b.Path)) {
			b.recast(RoleNone, ClassBad, ruleDuplicate)
			continue
		}
		if !seen[key] {
			firstPath[key] = b.Path
		}
		seen[key] = true
		out = append(out, b)
	}
	// captions before the first paragraph belong to the lead image
	for i := first - 1; i >= 0 && i >= first-3; i-- {
		b := blocks[i]
		if b.Role != RoleCaption {
			break
		}
		if seen[b.Text] {
			b.recast(RoleNone, ClassBad, ruleDuplicate)
			continue
		}
		seen[b.Text] = true
		out = append([]*Block{b}, out...)
	}
	return out
}

// useEmbedded reports whether the body declared in the page's data is the better body: the
// blocks gave nothing, or far less text than the data holds.
func useEmbedded(doc *Document, body []*Block) bool {
	if doc.Meta.Body == "" {
		return false
	}
	n := 0
	for _, b := range body {
		if b.Role == RoleBody {
			n += b.Runes
		}
	}
	return float64(n) < 0.5*float64(utf8.RuneCountInString(doc.Meta.Body))
}

// guidedMinCover is the least share of an embedded body the page's own blocks must
// cover for them to stand in for it.
const guidedMinCover = 0.8

// guidedMinKey is the fewest letters and digits of a block other than a heading that the
// embedded body's guide takes when the page's own classification did not keep it.
const guidedMinKey = 24

// guidedBody returns the page's blocks that the embedded body holds, in page order, when
// they cover most of it: the same text with the page's paragraphs, headings and
// punctuation (embedded bodies often come flattened to one paragraph, or with their
// punctuation mangled). Text is compared on its letters and digits alone. nil when the
// blocks cover too little.
func guidedBody(doc *Document) []*Block {
	// a body escaped twice (&amp;Ccedil;) reads as text only once unescaped again
	want := letterKey(html.UnescapeString(doc.Meta.Body))
	if want == "" {
		return nil
	}
	var out []*Block
	covered, seen := 0, map[string]bool{}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case BlockPara, BlockHeading, BlockItem, BlockQuote:
		default:
			continue
		}
		if isMetaRole(b) && b.Role != RoleCaption && b.Role != RoleBody {
			continue
		}
		// a name or a word alone (a tag, a team) is in any long body by chance
		k := letterKey(b.Text)
		if len(k) < 10 || len(k) < guidedMinKey && b.Role != RoleBody && b.Kind != BlockHeading || seen[k] || !strings.Contains(want, k) {
			continue
		}
		seen[k] = true
		covered += len(k)
		out = append(out, b)
	}
	if float64(covered) < guidedMinCover*float64(len(want)) {
		return nil
	}
	for _, b := range out {
		b.Role, b.Class, b.Changed = RoleBody, ClassGood, true
		if b.Rule != ruleProse && b.Rule != ruleNearProse {
			b.judge(b.Class, ruleEmbeddedGuide)
		}
	}
	return out
}

// ruleEmbeddedGuide marks a block taken as body because the page's embedded body holds it.
const ruleEmbeddedGuide RuleName = "embedded-guide"

// letterKey is s lower-cased with everything but letters and digits removed.
func letterKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func embeddedBody(doc *Document) []*Block {
	var out []*Block
	rule := ruleEmbedded
	if doc.embeddedRule != "" {
		rule = doc.embeddedRule
	}
	for _, p := range strings.Split(doc.Meta.Body, "\n\n") {
		p = foldSpace(p)
		if p == "" {
			continue
		}
		b := &Block{Index: len(doc.Blocks), Kind: BlockPara, Text: p, Class: ClassGood, CF: ClassGood, Role: RoleBody, Rule: rule, CFRule: rule}
		blockFeatures(b)
		doc.Blocks = append(doc.Blocks, b)
		out = append(out, b)
	}
	return out
}
