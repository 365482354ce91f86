package extract

import "golang.org/x/net/html"

// InputKind says how a page was cut into blocks.
type InputKind string

const (
	KindHTML InputKind = "html"
	KindText InputKind = "text"
)

// Class is a block's quality class, after jusText: the context-free pass gives one, the
// context pass revises it.
type Class uint8

const (
	ClassUnknown  Class = iota
	ClassBad            // boilerplate
	ClassShort          // too short to judge alone
	ClassNearGood       // probably body
	ClassGood           // body
)

func (c Class) String() string {
	switch c {
	case ClassBad:
		return "bad"
	case ClassShort:
		return "short"
	case ClassNearGood:
		return "neargood"
	case ClassGood:
		return "good"
	}
	return "unknown"
}

// Role is what a kept block is in the article. A dropped block has RoleNone.
type Role uint8

const (
	RoleNone     Role = iota
	RoleBody          // paragraph, list item, quote, table, in-body heading
	RoleTitle         // the headline
	RoleSubtitle      // a deck line under the headline
	RoleCaption       // a photo caption
	RoleByline        // an author line (kept as metadata, not body)
	RoleDate          // a date line (kept as metadata, not body)
	RoleImage         // an image in the body
)

func (r Role) String() string {
	switch r {
	case RoleBody:
		return "body"
	case RoleTitle:
		return "title"
	case RoleSubtitle:
		return "subtitle"
	case RoleCaption:
		return "caption"
	case RoleByline:
		return "byline"
	case RoleDate:
		return "date"
	case RoleImage:
		return "image"
	}
	return "dropped"
}

// BlockKind is the structural kind of a block, from its element or its line shape.
type BlockKind uint8

const (
	BlockPara    BlockKind = iota // a paragraph or a plain line
	BlockHeading                  // h1–h6, or a heading-shaped line
	BlockItem                     // a list item
	BlockQuote                    // a block quote
	BlockPre                      // preformatted text
	BlockTable                    // a whole table (Rows filled)
	BlockImage                    // an image (Image filled)
	BlockCaption                  // figcaption or a caption-shaped line
)

// Image is an image in the body.
type Image struct {
	Src     string `json:"src"`
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
}

// Block is one unit of the page: an HTML block-level element's own text, or a paragraph
// or line of a text dump. Features a segmenter cannot know are left zero.
type Block struct {
	// The fields are ordered so that the one-byte ones share words: a page can have a
	// hundred thousand blocks.

	Index int       // position in Document.Blocks
	Text  string    // the text, white space folded (for BlockTable: cells joined by " | ", rows by "\n")
	Kind  BlockKind // structural kind

	// HTML features.
	Ordered   bool       // item of an <ol>
	InArticle bool       // inside an <article>, [itemprop=articleBody] or a body-like container
	Hidden    bool       // hidden by attribute or inline style
	Tag       string     // the block element's tag name ("p", "li", "h2", "td", "figcaption" …)
	Path      string     // tag path from body, e.g. "div>article>div>p"
	Hints     string     // lower-cased class and id tokens of the element and its ancestors, space separated
	LinkRunes int        // runes inside <a> elements
	Links     int        // number of <a> elements with text
	Level     int        // heading level 1–6 (BlockHeading); nesting depth for list items
	Rows      [][]string // table cells (BlockTable)
	Image     *Image     // BlockImage: the image; its Caption filled when known
	Node      *html.Node // the element that owns the block's text, or the img or table (HTML only); without Options.Rules its tree keeps no text (see SegmentHTML)

	// Text features.
	Line        int    // first line number in the input (1-based), text input
	Bullet      string // list bullet that started the line ("•", "*", "-", "·", "1." …)
	Indent      int    // leading spaces
	BlankBefore bool   // a blank line (or the start) precedes
	BlankAfter  bool   // a blank line (or the end) follows

	// Derived features, filled by Features.
	SentenceEnd   bool    // ends like a sentence (. ! ? 다. 요. …)
	Hangul        bool    // mostly Hangul
	Runes         int     // runes of Text
	Weighted      float64 // length weighted by script (Latin ×1, Hangul ×1.5, Han/Kana ×3)
	Words         int     // white-space separated tokens
	LinkDensity   float64 // LinkRunes / Runes
	EndingDensity float64 // Hangul: share of eojeol ending in a particle or verb ending
	StopDensity   float64 // Latin: share of words in the stop list

	// Verdicts.
	CF      Class    // context-free class
	Class   Class    // final class, after the context pass
	Role    Role     // what the block is in the article; RoleNone means dropped
	Changed bool     // the context pass changed the context-free verdict
	Rule    RuleName // name of the rule that decided the final verdict
	CFRule  RuleName // name of the rule that decided the context-free class

	// the quality verdict a class-hint rule overrode, kept to revert it when the hints
	// would leave almost nothing
	hintQ Class
	// hideGroup: 1 + the index in Document.hides of the hidden element the block is in,
	// 0 when it is in none
	hideGroup int32
	// fallback: the block is in an <object>'s fallback content, what the page shows in
	// place of the plugin (a Flash video's poster, status line and description)
	fallback bool
	// pinned: a user rule decided this block; no later pass changes it
	pinned bool
	// furniture: a short block in a long run of short lines (see markFurniture)
	furniture bool
	// repeated: a low-quality line the page repeats minRepeats times or more (see
	// markRepeated)
	repeated  bool
	hintQRule RuleName // the rule hintQ came from
	// label, labelOf: labelKey(Text) and the Text it was computed from, as several rules
	// look the same short block up in their lists
	label, labelOf string
	// scanned: what the rules' prefilters read off Text
	scanned *textScan
	// btnKind: the kind of a button row (reactions, share, font-controls, comment-box,
	// media-player), set by the buttons rule
	btnKind string
}

// judge gives the block a verdict, class and the name of the rule that decided it: every
// verdict a pass gives goes through here (or through place and recast, which call it), so
// that no block changes its class without a rule's name.
func (b *Block) judge(c Class, r RuleName) { b.Class, b.Rule = c, r }

// place gives the block its role in the article with its verdict.
func (b *Block) place(role Role, c Class, r RuleName) {
	b.judge(c, r)
	b.Role = role
}

// recast changes a verdict after the roles were given (the assembly's and --favor's
// revisions), and marks the block as changed for --explain.
func (b *Block) recast(role Role, c Class, r RuleName) {
	b.place(role, c, r)
	b.Changed = true
}

// Kept reports whether the block is part of the output article.
func (b *Block) Kept() bool { return b.Role != RoleNone }

// Meta is the metadata a page declares about itself (JSON-LD, Open Graph, <meta>, <time>),
// before any guessing from the text.
type Meta struct {
	Title     string   // JSON-LD headline, og:title, or <title>
	PageTitle string   // the <title> element as it is
	Subtitles []string // deck lines declared as such
	Authors   []string
	Published string // RFC 3339 when an offset is known; may be a bare local time otherwise
	Modified  string
	Site      string
	URL       string
	Lang      string
	Desc      string // description / og:description
	Body      string // a body declared in data (JSON-LD articleBody, script JSON), paragraphs split by blank lines
	Images    []Image
}

// Document is one page cut into blocks, with what it declares about itself. It is the
// per-run state: nothing of it is shared between documents.
type Document struct {
	Kind   InputKind
	Blocks []*Block
	Meta   Meta
	Source Source
	Hangul bool // the page's text is mostly Korean

	hides  []hideGroup // the page's outermost hidden elements (see weighHidden)
	flight string      // Next.js app-router flight data, decoded (see nextflight.go)
	// product: the page declares a product in JSON-LD or microdata; productNames are the
	// names the JSON-LD gives it (see productbox.go)
	product      bool
	productNames []string
	// shopScripts: the scripts that write prices, read when the passes kept next to
	// nothing (see productlist.go)
	shopScripts []string
	// embeddedRule names the rule of the blocks made from Meta.Body when a fallback,
	// not the page's declarations, wrote it; ruleEmbedded when empty
	embeddedRule RuleName
}

// Source describes the input.
type Source struct {
	Name    string    `json:"name"`
	Kind    InputKind `json:"kind"`
	Charset string    `json:"charset"`
	Bytes   int       `json:"bytes"`
}

// Article is the result of an extraction.
type Article struct {
	Title     string
	Subtitles []string
	Authors   []string
	Published string // RFC 3339 with offset, "" if unknown
	Modified  string
	Site      string
	URL       string
	Lang      string
	Body      []*Block // the body blocks in order (paragraphs, headings, items, quotes, tables, images, captions)
	Images    []Image
	Source    Source
	Blocks    []*Block // every block of the page with its verdict, for --explain
}

// Options says what the caller wants. The zero value is usable; it holds no per-document
// state, so one Options serves many goroutines.
type Options struct {
	Name    string    // the input's name, for Source and errors ("-" for stdin)
	URL     string    // the page's address, if known
	Input   InputKind // "" sniffs; KindHTML or KindText forces
	MaxSize int64     // limit on the decoded input in bytes; 0 means DefaultMaxSize
	Favor   Favor     // FavorBalanced (""), FavorPrecision or FavorRecall
	// Rules are the user's own rules (artclean --rules FILE), tried before the built-ins;
	// nil means none.
	Rules UserRules
}

// UserRules are rules a user adds to the built-ins. Decide is asked first for every
// block: ok reports a match, keep whether the matching rule keeps the block as body
// (true) or drops it (false), name is the rule's name for --explain. Disabled reports a
// built-in rule the user switched off, by name.
type UserRules interface {
	Decide(b *Block, host string) (name string, keep, ok bool)
	Disabled(name string) bool
}

// DefaultMaxSize is the default limit on the decoded input.
const DefaultMaxSize = 64 << 20
