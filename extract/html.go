package extract

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/artclean/artclean/extract/internal/htmltree"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// SegmentHTML cuts an HTML page into blocks and reads its declared metadata.
//
// The page is parsed once with golang.org/x/net/html and walked once, iteratively (no
// recursion, so nesting depth costs nothing but the frame stack). Every block-level
// element's own inline text becomes one Block; <br>-separated paragraphs of a text
// container become one block each. Metadata (<title>, <meta>, <link>, JSON-LD, script
// JSON bodies, <time>) is gathered in the same walk and resolved in htmlmeta.go.
//
// Without opts.Rules the walk takes the text it has read out of the tree (see pruneRead):
// the blocks' Node elements keep their attributes, parents and child elements, not their
// text, which is in Block.Text.
func SegmentHTML(s string, opts Options) *Document {
	return segmentTree(htmltree.Parse(s), opts, opts.Rules == nil)
}

// segmentTree cuts the tree under root (nil: an empty page) into blocks; prune lets the
// walk take the text it has read out of the tree.
func segmentTree(root *html.Node, opts Options, prune bool) *Document {
	doc := &Document{Kind: KindHTML}
	sg := getSegmenter(doc, opts)
	sg.prune = prune
	sg.meta.init()
	if root != nil {
		sg.walk(root)
	}
	sg.finishMeta()
	sg.release()
	return doc
}

// Limits that keep pathological pages cheap.
const (
	maxPathParts = 16   // Path keeps the last 16 tags
	maxHintsLen  = 2048 // Hints keeps the nearest 2 KiB of tokens
)

// frame is one open element of the walk.
type frame struct {
	n      *html.Node
	tag    string
	block  bool   // a block-level element: owns the inline text inside it
	inline string // tokens of the inline elements since the nearest block element
	// The class/id/itemprop/role tokens of the element and its ancestors (Block.Hints) are
	// segmenter.hb[hintStart:hintEnd]; hb holds every open element's own tokens in order,
	// and a frame's hints are a suffix of it (see maxHintsLen). The string is made when a
	// block needs it, once, in the frame at stack index hintSrc (the nearest element with
	// tokens of its own).
	hintStart, hintEnd int
	hintSrc            int
	hbBase             int // len(hb) before the element's own tokens
	hintStr            string
	hintMade           bool
	pathStr            string // the tag path, made when a block needs it
	pathMade           bool
	hidden             bool
	hideGroup          int32 // the hidden group the element is in (see hideGroup), 0 for none
	inArticle          bool
	pre                bool
	quote              bool
	caption            bool // a caption-like element or inside one
	figcaption         bool
	fallback           bool // inside an <object>: the content shown in place of the plugin
	link               bool // inside <a href>
	listDepth          int
	ordered            bool
	figure             int // index into segmenter.figures, or -1
	owner              int // index of the nearest block frame (itself when block)
	linkStart          int // runes of link text before this <a> started
	inlineSkips        bool
	preLine            bool // a block element inside <pre>: a line of the preformatted block
	deck               bool // an inline deck element: its lines stand apart from the text around it
	address            bool // inside a mailto: or tel: link
}

// line is one <br>-separated line of the text gathered for the current block.
type line struct {
	start, end int // byte range in acc.buf
	linkRunes  int
	links      int
	inline     string // inline-element tokens of the line's text, when all of it shares them
	// run is a piece of one text node's data that buf[runAt:] held byte for byte when it
	// was written: the line's text, when within it, is cut from the node's string instead
	// of copied (see lineString)
	run     string
	runAt   int
	mixed   bool
	hasText bool
	// inArticle: the line's first text stands inside an article or body container, which
	// may be an inline element (<font class="storyText">, <span class="article-body">)
	// around the text of a block that is itself outside it
	inArticle bool
}

type figure struct {
	images []*Block
}

type segmenter struct {
	doc     *Document
	opts    Options
	stack   []frame
	figures []figure

	// The text of the current block.
	buf        []byte
	lines      []line
	pendSpace  bool
	brRun      int
	doubleBr   bool
	linkRunes  int // link runes counted in total (for <a> text detection)
	pendImages []*Block

	// Page language statistics.
	hangul, letters int

	prune bool // take read text out of the tree (see pruneRead)
	meta  metaState
	hb    []byte              // the open elements' class/id tokens (see frame.hintStart)
	attrs map[string]attrInfo // class/id values read so far
	// controlled holds the ids that a toggle's aria-controls named so far: a hidden
	// element with such an id is a disclosure panel
	controlled map[string]bool

	// The hints and path strings made last: sibling elements mostly share them, and
	// their blocks then share one string.
	hintsMade, pathsMade recentStrings
	pathBuf              []byte
}

// recentStrings remembers the last few strings made from bytes.
type recentStrings struct {
	s    [4]string
	next int
}

// get returns string(b), the same string as last time when b says the same again.
func (r *recentStrings) get(b []byte) string {
	for _, s := range r.s {
		if len(s) == len(b) && s == string(b) {
			return s
		}
	}
	s := string(b)
	r.s[r.next] = s
	r.next = (r.next + 1) % len(r.s)
	return s
}

// segPool keeps the segmenter's buffers and maps from one page for the next.
var segPool = sync.Pool{New: func() any { return new(segmenter) }}

// maxPooledMap is the most entries a pooled map keeps: a page with more distinct class
// names than that leaves its maps to the collector.
const maxPooledMap = 4096

// maxPooledBuf is the largest text buffer a pooled segmenter keeps.
const maxPooledBuf = 1 << 20

func getSegmenter(doc *Document, opts Options) *segmenter {
	sg := segPool.Get().(*segmenter)
	sg.doc, sg.opts = doc, opts
	return sg
}

// release returns sg to segPool with nothing of its page left in it.
func (sg *segmenter) release() {
	clear(sg.stack[:cap(sg.stack)])
	clear(sg.lines[:cap(sg.lines)])
	clear(sg.pendImages[:cap(sg.pendImages)])
	if len(sg.attrs) > maxPooledMap {
		sg.attrs = nil
	}
	if cap(sg.buf) > maxPooledBuf {
		sg.buf = nil
	}
	clear(sg.attrs)
	if len(sg.controlled) > maxPooledMap {
		sg.controlled = nil
	}
	clear(sg.controlled)
	*sg = segmenter{
		stack: sg.stack[:0], buf: sg.buf[:0], lines: sg.lines[:0], pendImages: sg.pendImages[:0],
		hb: sg.hb[:0], attrs: sg.attrs, pathBuf: sg.pathBuf[:0], controlled: sg.controlled,
	}
	segPool.Put(sg)
}

// walk visits the tree in document order without recursion.
func (sg *segmenter) walk(root *html.Node) {
	n := root
	for n != nil {
		if sg.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		skipped := true // the walk did not go into n's children
		for n != nil {
			if len(sg.stack) > 0 && sg.stack[len(sg.stack)-1].n == n {
				sg.leave()
			}
			if n == root {
				n = nil
				break
			}
			next, parent := n.NextSibling, n.Parent
			if sg.prune {
				sg.pruneRead(n, skipped)
			}
			skipped = false
			if next != nil {
				n = next
				break
			}
			n = parent
		}
	}
	sg.flush()
}

// pruneRead takes out of the tree what the walk has read from n and nothing after the
// walk reads: n itself when it is a text or comment node, and the text and comment
// children of an element whose children the walk skipped (a script, a style, a title…).
// On a large page the text nodes weigh as much as the elements; without them the tree the
// blocks point into (Block.Node, for the container pass) is about half the size. The
// segmenter prunes only without user rules, whose selectors may look at text.
func (sg *segmenter) pruneRead(n *html.Node, skipped bool) {
	switch n.Type {
	case html.TextNode, html.CommentNode:
		n.Parent.RemoveChild(n)
	case html.ElementNode:
		if !skipped {
			return
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.TextNode || c.Type == html.CommentNode {
				n.RemoveChild(c)
			}
			c = next
		}
	}
}

// top returns the innermost open frame (a zero frame at the root).
func (sg *segmenter) top() *frame {
	if len(sg.stack) == 0 {
		return &rootFrame
	}
	return &sg.stack[len(sg.stack)-1]
}

var rootFrame = frame{figure: -1, owner: -1, hintSrc: -1}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// enter handles a node on the way down; it reports whether to walk its children.
func (sg *segmenter) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		sg.text(n.Data)
		return false
	case html.ElementNode:
	case html.DocumentNode:
		return true
	default:
		return false
	}
	a := n.DataAtom
	if a == atom.Noscript && !expandNoscript(n) {
		return false
	}
	switch a {
	case atom.Script:
		sg.meta.script(n)
		return false
	case atom.Button:
		if c := attr(n, "aria-controls"); c != "" {
			sg.control(c)
		}
		return false
	case atom.Style, atom.Template, atom.Svg, atom.Math, atom.Iframe,
		atom.Param, atom.Canvas, atom.Select, atom.Option, atom.Input,
		atom.Textarea, atom.Embed, atom.Audio, atom.Map, atom.Datalist:
		return false
	case atom.Title:
		sg.meta.title(n)
		return false
	case atom.Meta:
		sg.meta.metaTag(n)
		return false
	case atom.Link:
		sg.meta.linkTag(n)
		return false
	case atom.Base:
		if sg.meta.base == "" {
			sg.meta.base = strings.TrimSpace(attr(n, "href"))
		}
		return false
	case atom.Br:
		sg.br()
		return false
	case atom.Wbr:
		return false
	case atom.Hr:
		sg.flush()
		return false
	case atom.Img:
		sg.img(n)
		return false
	case atom.Head:
		// Only title/meta/link/script/base matter in head; they are handled above.
	}
	parent := sg.top()
	f := frame{
		n:         n,
		tag:       n.Data,
		inline:    parent.inline,
		hintStart: parent.hintStart,
		hintEnd:   parent.hintEnd,
		hintSrc:   parent.hintSrc,
		hbBase:    len(sg.hb),
		hidden:    parent.hidden,
		hideGroup: parent.hideGroup,
		inArticle: parent.inArticle,
		pre:       parent.pre,
		quote:     parent.quote,
		caption:   parent.caption,
		link:      parent.link,
		address:   parent.address,
		listDepth: parent.listDepth,
		ordered:   parent.ordered,
		figure:    parent.figure,
		owner:     parent.owner,
	}
	f.figcaption = parent.figcaption
	f.fallback = parent.fallback || a == atom.Object
	f.block = isBlockElement(n)
	if a == 0 && strings.IndexByte(n.Data, '-') > 0 {
		f.block = true // custom elements are components, laid out as blocks
	}
	if f.block && parent.pre {
		// a code viewer writes each line of its <pre> as an element of its own: they
		// are lines of one block, not blocks
		f.block, f.preLine = false, true
		sg.preBreak()
	}

	// Own tokens: class, id, itemprop, role.
	hiddenClass, dnone, responsiveShow := false, false, false
	var why uint8 // the hide* signals of the element's own attributes
	panel, boiler := false, false
	var id string
	body, capt, deck := false, false, false
	var itemprop string
	ownStart, ownAttrs := -1, 0
	var ownOne string
	for _, at := range n.Attr {
		switch at.Key {
		case "class", "id", "itemprop", "role":
		case "hidden":
			why |= hideAttr
			continue
		case "aria-hidden":
			// aria-hidden keeps an element from screen readers, not from sight: it hides
			// icons, decorations and duplicated labels, which are not paragraphs. A
			// paragraph marked so is shown (a paywall dims the article's paragraphs past
			// its lead and marks them aria-hidden); the rules judge it as any other.
			if strings.EqualFold(strings.TrimSpace(at.Val), "true") && a != atom.P {
				why |= hideAria
			}
			continue
		case "style":
			why |= styleHide(at.Val)
			continue
		case "aria-labelledby":
			panel = true // a region labelled by its toggle or heading
			continue
		case "aria-controls":
			sg.control(at.Val)
			continue
		case "aria-modal":
			boiler = true
			continue
		case "datetime":
			if a == atom.Time {
				sg.meta.timeTag(at.Val, f.inArticle)
			}
			continue
		case "content":
			continue
		case "itemtype":
			if microProduct(at.Val) {
				sg.meta.itemProduct = true
			}
			continue
		default:
			if strings.HasPrefix(at.Key, "data-") {
				sg.meta.dataDate(at.Key, at.Val)
			}
			continue
		}
		switch at.Key {
		case "itemprop":
			itemprop = at.Val
		case "id":
			id = at.Val
			if headingSlug(n, at.Val) {
				continue
			}
		case "role":
			switch strings.TrimSpace(at.Val) {
			case "tabpanel", "region":
				panel = true
			case "dialog", "alertdialog", "menu", "navigation", "tooltip", "listbox":
				boiler = true
			}
		}
		ai := sg.attrTokens(at.Val)
		if ai.norm == "" {
			continue
		}
		if at.Key == "class" {
			hiddenClass = hiddenClass || ai.flags&attrHidden != 0
			dnone = dnone || ai.flags&attrDNone != 0
			responsiveShow = responsiveShow || ai.flags&attrShow != 0
			if ai.flags&attrSROnly != 0 {
				why |= hideScreenReader
			}
			capt = capt || ai.flags&attrCaption != 0
			deck = deck || ai.flags&attrDeck != 0
		}
		body = body || ai.flags&attrBody != 0
		if ownStart < 0 {
			if f.hintEnd > f.hintStart {
				sg.hb = append(sg.hb, ' ')
			}
			ownStart = len(sg.hb)
		} else {
			sg.hb = append(sg.hb, ' ')
		}
		sg.hb = append(sg.hb, ai.norm...)
		ownAttrs++
		ownOne = ai.norm
	}
	if hiddenClass || (dnone && !responsiveShow) {
		why |= hideClass
	}
	switch {
	case a == atom.Html || a == atom.Body:
		// Classes on <html> and <body> are the page's state and settings
		// (date-hidden, tags-hidden, no-js): they hide parts inside, not the page.
		// A hiding style there is an anti-flicker guard, lifted by script. Being the
		// page's, they are no hints of what one block inside is either (a theme's
		// "right-sidebar", "comments-open" or "caption-two" on <body> names no
		// sidebar, comment or caption).
		why = 0
		capt, deck, body = false, false, false
		if ownStart >= 0 {
			sg.hb = bytes.TrimSuffix(sg.hb[:ownStart], []byte{' '})
			ownStart, ownAttrs = -1, 0
		}
	case why == hideAttr && streamSegmentID(id):
		// React's streamed segment: rendered hidden, then moved into place by a
		// script ($RC("B:0","S:0")).
		why = 0
	}
	if why != 0 && !parent.hidden {
		f.hidden = true
	}
	if f.hidden && !parent.hidden && f.block {
		if id != "" && sg.controlled[id] {
			panel = true
		}
		panel = panel || toggleBefore(n)
		if ownStart >= 0 && negativeHint(string(sg.hb[ownStart:])) != "" {
			boiler = true
		}
		switch a {
		case atom.Dialog, atom.Nav, atom.Aside, atom.Header, atom.Footer, atom.Form:
			boiler = true
		}
		sg.doc.hides = append(sg.doc.hides, hideGroup{why: why, panel: panel, boiler: boiler, inArticle: parent.inArticle})
		f.hideGroup = int32(len(sg.doc.hides))
	}
	if itemprop != "" {
		sg.meta.itemprop(n, itemprop)
	}
	if ownStart >= 0 {
		ownLen := len(sg.hb) - ownStart
		plen := f.hintEnd - f.hintStart
		switch {
		case plen == 0:
			f.hintStart = ownStart
		case plen+1+ownLen <= maxHintsLen:
			// the parent's hints, a space and the own tokens
		default:
			// the nearest half of the parent's hints, from a token boundary
			h := f.hintEnd - min(plen, maxHintsLen/2)
			if i := bytes.IndexByte(sg.hb[h:f.hintEnd], ' '); i >= 0 {
				h += i + 1
			}
			f.hintStart = h
		}
		f.hintEnd = len(sg.hb)
		f.hintSrc = len(sg.stack)
		if !f.block {
			o := ownOne
			if ownAttrs > 1 {
				o = string(sg.hb[ownStart:])
			}
			if f.inline == "" {
				f.inline = o
			} else {
				f.inline = f.inline + " " + o
			}
		}
	}
	if body || a == atom.Article {
		f.inArticle = true
	}
	if capt && !f.fallback && !holdsHeading(n) {
		f.caption = true
	}

	// A hidden inline element inside a visible block is text the reader never sees.
	if f.hidden && !f.block && !parent.hidden {
		sg.hb = sg.hb[:f.hbBase]
		return false
	}
	if deck && !f.block {
		f.deck = true
		sg.br()
	}

	switch a {
	case atom.Table:
		if sg.dataTable(n, &f) {
			sg.hb = sg.hb[:f.hbBase]
			return false
		}
	case atom.Pre:
		f.pre = true
	case atom.Blockquote:
		f.quote = true
	case atom.Ul, atom.Menu, atom.Dir:
		f.listDepth++
		f.ordered = false
	case atom.Ol:
		f.listDepth++
		f.ordered = true
	case atom.Figure:
		sg.figures = append(sg.figures, figure{})
		f.figure = len(sg.figures) - 1
	case atom.Figcaption:
		f.figcaption = true
		f.caption = true
	case atom.A:
		if href := attr(n, "href"); href != "" && !sg.headingAnchor(f.owner, href) {
			f.link = true
			f.linkStart = sg.linkRunes
			f.address = addressHref(href)
		}
		if strings.Contains(" "+lowerASCII(attr(n, "rel"))+" ", " author ") {
			sg.meta.relAuthor(n)
		}
	case atom.Html:
		if l := attr(n, "lang"); l != "" {
			sg.meta.htmlLang = l
		} else if l := attr(n, "xml:lang"); l != "" {
			sg.meta.htmlLang = l
		}
	}
	if f.block {
		sg.flush()
		f.inline = ""
		f.owner = len(sg.stack)
	}
	sg.stack = append(sg.stack, f)
	return true
}

// addressHref reports a link that writes to or calls someone (mailto:, tel:).
func addressHref(href string) bool {
	href = strings.TrimSpace(href)
	return len(href) >= 4 && strings.EqualFold(href[:4], "tel:") ||
		len(href) >= 7 && strings.EqualFold(href[:7], "mailto:")
}

// shownAddress reports the text of an address link that shows the address itself (an
// e-mail address, a phone number): it is data, as a newsroom's contact list is, not link
// text; a phrase linked to an address ("Send us your tips") is a button and counts as one.
func shownAddress(s string) bool {
	if strings.IndexByte(s, '@') >= 0 {
		return true
	}
	digits, other := 0, 0
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '+' || r == '/':
		default:
			other++
		}
	}
	return digits >= 5 && other == 0
}

// leave closes the innermost frame.
func (sg *segmenter) leave() {
	f := &sg.stack[len(sg.stack)-1]
	if f.link && f.n.DataAtom == atom.A && sg.linkRunes > f.linkStart && len(sg.lines) > 0 {
		p := len(sg.stack) - 2
		if p < 0 || !sg.stack[p].link {
			sg.lines[len(sg.lines)-1].links++
		}
	}
	if f.block {
		sg.flush()
	} else if f.deck {
		sg.br()
	} else if f.preLine {
		sg.preBreak()
	}
	sg.hb = sg.hb[:f.hbBase]
	sg.stack = sg.stack[:len(sg.stack)-1]
}

// hintsOf returns a frame's hints (Block.Hints).
func (sg *segmenter) hintsOf(f *frame) string {
	if f.hintEnd <= f.hintStart {
		return ""
	}
	if i := f.hintSrc; i >= 0 && i < len(sg.stack) {
		src := &sg.stack[i]
		if !src.hintMade {
			src.hintStr = sg.hintsMade.get(sg.hb[src.hintStart:src.hintEnd])
			src.hintMade = true
		}
		return src.hintStr
	}
	return string(sg.hb[f.hintStart:f.hintEnd])
}

// isBlockElement reports whether an element starts a new block.
func isBlockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dt,
		atom.Dd, atom.Blockquote, atom.Pre, atom.Figcaption, atom.Caption, atom.Td, atom.Th,
		atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Nav,
		atom.Aside, atom.Address, atom.Summary, atom.Details, atom.Dialog, atom.Form,
		atom.Fieldset, atom.Legend, atom.Figure, atom.Ul, atom.Ol, atom.Dl, atom.Menu,
		atom.Dir, atom.Center, atom.Hgroup, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot,
		atom.Tr, atom.Body, atom.Html, atom.Head, atom.Video, atom.Picture, atom.Frameset,
		atom.Noframes, atom.Optgroup, atom.Colgroup, atom.Search:
		return true
	}
	return false
}

// styleHides reports whether an inline style hides the element.
func styleHides(style string) bool { return styleHide(style) != 0 }

// styleHide returns how an inline style hides the element: hideDisplay, hideVisibility,
// both or neither.
func styleHide(style string) uint8 {
	if !strings.Contains(style, "none") && !strings.Contains(style, "hidden") {
		return 0
	}
	var b [256]byte
	k := 0
	for i := 0; i < len(style) && k < len(b); i++ {
		c := style[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
		k++
	}
	s := string(b[:k])
	var why uint8
	if strings.Contains(s, "display:none") {
		why |= hideDisplay
	}
	if strings.Contains(s, "visibility:hidden") {
		why |= hideVisibility
	}
	return why
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// curLine returns the open line, starting one when none is open.
func (sg *segmenter) curLine() *line {
	if len(sg.lines) == 0 {
		sg.lines = append(sg.lines, line{start: len(sg.buf), end: len(sg.buf)})
	}
	return &sg.lines[len(sg.lines)-1]
}

// text appends a text node to the current block, folding white space (kept inside <pre>).
func (sg *segmenter) text(s string) {
	f := sg.top()
	if f.owner < 0 && len(sg.stack) == 0 {
		return
	}
	if f.tag == "head" || f.tag == "html" && len(strings.TrimSpace(s)) == 0 {
		return
	}
	ln := sg.curLine()
	// What s adds is at most its length and a space: one step for a long text, where
	// append's growth by a quarter would copy it several times.
	sg.buf = slices.Grow(sg.buf, len(s)+1)
	before := len(sg.buf)
	wrote := 0 // runes written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				if f.pre {
					if c == '\n' && sg.buf != nil && len(sg.buf) > ln.start {
						sg.buf = append(sg.buf, '\n')
					} else if c != '\n' && c != '\r' {
						sg.buf = append(sg.buf, ' ')
					}
					ln.end = len(sg.buf)
				} else {
					sg.pendSpace = true
				}
				i++
				continue
			}
			if sg.pendSpace && len(sg.buf) > ln.start {
				sg.buf = append(sg.buf, ' ')
			}
			sg.pendSpace = false
			sg.buf = append(sg.buf, c)
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				sg.letters++
			}
			wrote++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u202f':
			if !f.pre {
				sg.pendSpace = true
			} else {
				sg.buf = append(sg.buf, ' ')
			}
			i += size
			continue
		case '\u200b', '\ufeff', '\u200c', '\u200d', '\u00ad':
			i += size
			continue
		}
		if sg.pendSpace && len(sg.buf) > ln.start {
			sg.buf = append(sg.buf, ' ')
		}
		sg.pendSpace = false
		sg.buf = append(sg.buf, s[i:i+size]...)
		if r >= 0xAC00 && r <= 0xD7A3 {
			sg.hangul++
			sg.letters++
		} else if r >= 0x3130 && r <= 0x318F {
			sg.hangul++
			sg.letters++
		} else if r >= 0xC0 && r < 0x2000 || r >= 0x3040 && r < 0xA000 {
			sg.letters++
		}
		wrote++
		i += size
	}
	if wrote == 0 {
		return
	}
	if !f.pre {
		noteRun(ln, sg.buf, s, before)
	}
	ln.end = len(sg.buf)
	sg.brRun = 0
	if f.link && !(f.address && shownAddress(s)) {
		ln.linkRunes += wrote
		sg.linkRunes += wrote
	}
	if !ln.hasText {
		ln.hasText = true
		ln.inline = f.inline
		ln.inArticle = f.inArticle
	} else if !ln.mixed && ln.inline != f.inline && !strings.HasPrefix(f.inline, ln.inline) {
		ln.mixed = true
	}
}

// noteRun records s as ln.run when the bytes text just wrote from it, buf[before:], are a
// piece of s as they stand: white space folding and dropped characters did not change
// them. Outside <pre>, what text writes starts with a space only when the space comes
// before s's first character, and every byte after it comes from s or is a folded space.
func noteRun(ln *line, buf []byte, s string, before int) {
	w := buf[before:]
	if len(w) > 0 && w[0] == ' ' {
		w = w[1:]
		before++
	}
	if len(w) == 0 {
		return
	}
	i := strings.IndexByte(s, w[0])
	if i < 0 || len(s)-i < len(w) || s[i:i+len(w)] != string(w) {
		return
	}
	ln.run, ln.runAt = s[i:i+len(w)], before
}

// lineString returns the line's bytes as a string, cut from ln.run when they lie within it.
func (sg *segmenter) lineString(ln *line) string {
	if ln.start >= ln.runAt && ln.end <= ln.runAt+len(ln.run) {
		return ln.run[ln.start-ln.runAt : ln.end-ln.runAt]
	}
	return string(sg.buf[ln.start:ln.end])
}

// br ends the current line.
func (sg *segmenter) br() {
	f := sg.top()
	if f.pre {
		sg.buf = append(sg.buf, '\n')
		sg.curLine().end = len(sg.buf)
		return
	}
	sg.brRun++
	if sg.brRun >= 2 {
		sg.doubleBr = true
	}
	sg.pendSpace = false
	sg.curLine()
	sg.lines = append(sg.lines, line{start: len(sg.buf), end: len(sg.buf)})
}

// preBreak ends the line of preformatted text, unless it is ended already.
func (sg *segmenter) preBreak() {
	if n := len(sg.buf); n > 0 && sg.buf[n-1] != '\n' {
		sg.br()
	}
}

// flush turns the text gathered since the last block boundary into blocks, owned by the
// nearest open block element.
func (sg *segmenter) flush() {
	sg.pendSpace = false
	sg.brRun = 0
	doubleBr := sg.doubleBr
	sg.doubleBr = false
	if len(sg.lines) == 0 {
		sg.emitPendingImages()
		return
	}
	lines := sg.lines
	var owner *frame
	if o := sg.top().owner; o >= 0 && o < len(sg.stack) {
		owner = &sg.stack[o]
	} else {
		owner = &rootFrame
	}
	nonEmpty, long := 0, false
	for i := range lines {
		if lines[i].hasText {
			nonEmpty++
			if utf8.RuneCount(sg.buf[lines[i].start:lines[i].end]) >= 80 {
				long = true
			}
		}
	}
	if nonEmpty > 0 {
		path := sg.path(owner)
		if nonEmpty >= 2 && !owner.pre && (doubleBr || long) {
			sg.emitLines(owner, path, lines)
		} else {
			var t string
			if owner.pre {
				t = strings.Trim(string(sg.buf[lines[0].start:lines[len(lines)-1].end]), "\n ")
			} else if nonEmpty == 1 {
				for i := range lines {
					if lines[i].hasText {
						t = strings.TrimSpace(sg.lineString(&lines[i]))
						break
					}
				}
			} else {
				size := 0
				for i := range lines {
					if lines[i].hasText {
						size += lines[i].end - lines[i].start + 1
					}
				}
				var b strings.Builder
				b.Grow(size)
				for i := range lines {
					if !lines[i].hasText {
						continue
					}
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					b.Write(sg.buf[lines[i].start:lines[i].end])
				}
				t = strings.TrimSpace(b.String())
			}
			sg.emitText(owner, path, t, lines)
		}
	}
	sg.buf = sg.buf[:0]
	sg.lines = sg.lines[:0]
	sg.emitPendingImages()
}

// emitLines appends the lines of a <br>-split run as blocks: one a line, except that a
// line a single <br> parts from the one before, which it continues (no sentence or clause
// ends there, and it opens in lower case), is the same paragraph wrapped by hand. Lines
// mostly of link text are links of their own.
func (sg *segmenter) emitLines(owner *frame, path string, lines []line) {
	from, text, last := -1, "", ""
	linked := func(ln *line, t string) bool { return 2*ln.linkRunes > utf8.RuneCountInString(t) }
	lastLinked := false
	emit := func(to int) {
		if from >= 0 {
			sg.emitText(owner, path, text, lines[from:to])
		}
		from = -1
	}
	for i := range lines {
		if !lines[i].hasText {
			emit(i)
			continue
		}
		t := strings.TrimSpace(sg.lineString(&lines[i]))
		isLinked := linked(&lines[i], t)
		if from >= 0 && !lastLinked && !isLinked && wrappedLine(last, t) {
			text += " " + t // (a line alone keeps the text cut from its node)
		} else {
			emit(i)
			from, text = i, t
		}
		last, lastLinked = t, isLinked
	}
	emit(len(lines))
}

// wrappedLine reports whether line continues prev as one hand-wrapped sentence: prev
// ends in no sentence or clause mark and line opens with a lower-case letter.
func wrappedLine(prev, line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLower(r) || strings.HasPrefix(line, "www.") || strings.Contains(line, "://") {
		// (a web address under a product's name is a line of its own)
		return false
	}
	if _, ok := parseLooseDate(line); ok {
		// a headline's date line ("at 12:19 on January 7, 2031") is one too
		return false
	}
	p := strings.TrimRight(prev, " \"'”’)]")
	last, _ := utf8.DecodeLastRuneInString(p)
	switch last {
	case '.', '!', '?', ':', ';', '。', '！', '？', '…', utf8.RuneError:
		return false
	}
	return true
}

// linesInArticle reports lines whose text all stands inside an article or body
// container: the text of a block wrapped by an inline container.
func linesInArticle(lines []line) bool {
	n := 0
	for i := range lines {
		if lines[i].hasText {
			if !lines[i].inArticle {
				return false
			}
			n++
		}
	}
	return n > 0
}

// emitText appends one text block.
func (sg *segmenter) emitText(owner *frame, path, text string, lines []line) {
	if text == "" {
		return
	}
	b := &Block{
		Kind:      BlockPara,
		Text:      text,
		Tag:       owner.tag,
		Path:      path,
		Hints:     sg.hintsOf(owner),
		InArticle: owner.inArticle || linesInArticle(lines),
		Hidden:    owner.hidden,
		hideGroup: owner.hideGroup,
		Node:      owner.n,
		fallback:  owner.fallback,
	}
	if b.Tag == "" {
		b.Tag = "body"
	}
	inline, mixed := "", false
	for i := range lines {
		b.LinkRunes += lines[i].linkRunes
		b.Links += lines[i].links
		if !lines[i].hasText {
			continue
		}
		if lines[i].mixed || (inline != "" && lines[i].inline != inline) {
			mixed = true
		}
		inline = lines[i].inline
	}
	if b.Links == 0 && b.LinkRunes > 0 && owner.link {
		// a link around the block element (a card's <a> holding its headline's <div>)
		// closes after the block is cut: its text is one link all the same
		b.Links = 1
	}
	capt := owner.caption
	if !mixed && inline != "" && !owner.pre {
		// (inside <pre> the inline elements' classes are a highlighter's: a
		// "token comment" or "hljs-comment" is a comment of the code)
		b.Hints = joinHints(b.Hints, inline)
		for tok := range strings.FieldsSeq(inline) {
			if captionToken(tok) && !owner.fallback {
				capt = true
			}
		}
	}
	var a atom.Atom
	if owner.n != nil {
		a = owner.n.DataAtom
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.Kind = BlockHeading
		b.Level = int(owner.tag[1] - '0')
	case atom.Li:
		b.Kind = BlockItem
		b.Level = max(owner.listDepth, 1)
		b.Ordered = owner.ordered
	case atom.Pre:
		b.Kind = BlockPre
	case atom.Figcaption:
		b.Kind = BlockCaption
	default:
		if owner.pre {
			b.Kind = BlockPre
		} else if a == atom.P && sg.inListItem(owner) {
			b.Kind = BlockItem
			b.Level = max(owner.listDepth, 1)
			b.Ordered = owner.ordered
		} else if owner.quote {
			b.Kind = BlockQuote
		} else if capt || owner.figcaption {
			b.Kind = BlockCaption
		}
	}
	if b.Kind == BlockHeading && b.Level == 1 {
		sg.meta.h1(b.Text, b.InArticle, b.Hidden)
	}
	if (b.Kind == BlockCaption || owner.figcaption) && owner.figure >= 0 {
		for _, im := range sg.figures[owner.figure].images {
			if im.Image.Caption == "" {
				im.Image.Caption = b.Text
			} else if len(im.Image.Caption) < 4096 {
				im.Image.Caption += " " + b.Text
			}
		}
	}
	if b.Kind == BlockCaption && len(sg.doc.Blocks) > 0 {
		// A caption right after an image outside a <figure> (a Korean site's
		// <em class="img_desc">) describes that image.
		if last := sg.doc.Blocks[len(sg.doc.Blocks)-1]; last.Image != nil && last.Image.Caption == "" {
			last.Image.Caption = b.Text
		}
	}
	sg.add(b)
}

// inListItem reports whether a paragraph's nearest enclosing block is a list item.
func (sg *segmenter) inListItem(owner *frame) bool {
	for i := len(sg.stack) - 1; i >= 0; i-- {
		if &sg.stack[i] == owner {
			for j := i - 1; j >= 0; j-- {
				if sg.stack[j].block {
					return sg.stack[j].n.DataAtom == atom.Li
				}
			}
			return false
		}
	}
	return false
}

func joinHints(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + " " + b
}

func (sg *segmenter) add(b *Block) {
	if b.Node == nil {
		if f := sg.ownerFrame(); f != nil {
			b.Node = f.n
		}
	}
	b.Index = len(sg.doc.Blocks)
	sg.doc.Blocks = append(sg.doc.Blocks, b)
}

func (sg *segmenter) emitPendingImages() {
	for _, b := range sg.pendImages {
		sg.add(b)
	}
	sg.pendImages = sg.pendImages[:0]
}

// path builds the tag path from body to the owner, keeping the last maxPathParts tags.
func (sg *segmenter) path(owner *frame) string {
	end := -1
	for i := len(sg.stack) - 1; i >= 0; i-- {
		if &sg.stack[i] == owner {
			end = i
			break
		}
	}
	if end < 0 {
		return ""
	}
	if f := &sg.stack[end]; f.pathMade {
		return f.pathStr
	}
	start := 0
	for i := 0; i <= end && i < 3; i++ {
		if sg.stack[i].n.DataAtom == atom.Body {
			start = i + 1
		}
	}
	if end-start+1 > maxPathParts {
		start = end - maxPathParts + 1
	}
	b := sg.pathBuf[:0]
	for i := start; i <= end; i++ {
		if len(b) > 0 {
			b = append(b, '>')
		}
		b = append(b, sg.stack[i].tag...)
	}
	sg.pathBuf = b
	f := &sg.stack[end]
	f.pathStr, f.pathMade = sg.pathsMade.get(b), true
	return f.pathStr
}

// img turns an <img> into an image block: emitted at once between blocks, or after the
// text block it sits in.
func (sg *segmenter) img(n *html.Node) {
	f := sg.top()
	if f.hidden && !sg.ownerFrame().hidden {
		return
	}
	src := imageSrc(n)
	if src == "" {
		return
	}
	w, h := strings.TrimSpace(attr(n, "width")), strings.TrimSpace(attr(n, "height"))
	if w == "1" || h == "1" || w == "0" || h == "0" {
		return // tracking pixels
	}
	alt := strings.Join(strings.Fields(attr(n, "alt")), " ")
	hints := sg.hintsOf(f)
	if own := sg.classTokens(n); own != "" {
		hints = joinHints(hints, own)
	}
	b := &Block{
		Kind:      BlockImage,
		Tag:       "img",
		Text:      alt,
		Path:      sg.path(sg.ownerFrame()),
		Hints:     hints,
		InArticle: f.inArticle,
		Hidden:    f.hidden || attr(n, "hidden") != "" || styleHides(attr(n, "style")),
		Image:     &Image{Src: src, Alt: alt},
		Node:      n,
	}
	if b.Path != "" {
		b.Path += ">img"
	} else {
		b.Path = "img"
	}
	if f.link {
		b.Links = 1
	}
	if f.figure >= 0 {
		sg.figures[f.figure].images = append(sg.figures[f.figure].images, b)
	}
	if len(sg.lines) == 0 {
		sg.add(b)
	} else {
		sg.pendImages = append(sg.pendImages, b)
	}
}

// headingAnchor reports a link from a heading to a place on the same page ("#usage"):
// the heading's permalink or its way back to the table of contents, as documentation
// generators write every section heading; it names no other page, so the heading is
// no link of a menu.
func (sg *segmenter) headingAnchor(owner int, href string) bool {
	if !strings.HasPrefix(strings.TrimSpace(href), "#") || owner < 0 || owner >= len(sg.stack) {
		return false
	}
	if sg.stack[owner].n == nil {
		return false
	}
	switch sg.stack[owner].n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func (sg *segmenter) ownerFrame() *frame {
	if o := sg.top().owner; o >= 0 && o < len(sg.stack) {
		return &sg.stack[o]
	}
	return &rootFrame
}

// classTokens returns an element's lower-case class and id tokens.
func (sg *segmenter) classTokens(n *html.Node) string {
	own := ""
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		own = joinHints(own, sg.attrTokens(a.Val).norm)
	}
	return own
}

// imageSrc picks an image's real address: src, unless it is missing, a data: URI or a
// lazy-loading placeholder, then data-src, data-original, data-lazy-src, … or the first
// srcset candidate.
func imageSrc(n *html.Node) string {
	src := strings.TrimSpace(attr(n, "src"))
	if src != "" && !placeholderSrc(src) {
		return src
	}
	for _, k := range []string{"data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-original-src", "data-full-src", "data-hi-res-src"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" && !strings.HasPrefix(v, "data:") {
			return v
		}
	}
	for _, k := range []string{"data-srcset", "data-lazy-srcset", "srcset"} {
		if v := firstSrcset(attr(n, k)); v != "" && !strings.HasPrefix(v, "data:") {
			return v
		}
	}
	if src != "" && !strings.HasPrefix(src, "data:") {
		return src
	}
	return ""
}

func placeholderSrc(src string) bool {
	if strings.HasPrefix(src, "data:") {
		return true
	}
	l := strings.ToLower(src)
	for _, w := range []string{"blank.gif", "spacer.gif", "pixel.gif", "transparent.gif", "placeholder", "lazy", "1x1", "loading.gif", "grey.gif", "gray.gif", "noimg", "no-image", "noimage", "no_image"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func firstSrcset(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if i := strings.IndexByte(s, ','); i >= 0 && !strings.HasPrefix(s, "data:") {
		s = s[:i]
	}
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

// dataTable reads a table whose cells hold only inline content (at least two rows, at
// least two columns somewhere) as one BlockTable and reports true; a table with blocks or
// tables in its cells is a layout table, walked as ordinary blocks.
func (sg *segmenter) dataTable(t *html.Node, f *frame) bool {
	type item struct {
		n     *html.Node
		entry bool
	}
	var (
		rows      [][]string
		caption   string
		linkRunes int
		links     int
		cell      strings.Builder
		inCell    bool
		cellBlk   int
		row       []string
		maxCols   int
		visited   int
		inFoot    int // depth of tfoot elements around the current row
	)
	endCell := func() {
		if inCell {
			row = append(row, strings.TrimSpace(cell.String()))
			cell.Reset()
			inCell = false
		}
	}
	endRow := func() {
		endCell()
		nonEmpty := false
		for _, c := range row {
			if c != "" {
				nonEmpty = true
			}
		}
		// a footer row that repeats the header (sticky tables print it twice) is
		// read once, as the header
		if nonEmpty && !(inFoot > 0 && len(rows) > 0 && slices.Equal(row, rows[0])) {
			rows = append(rows, row)
			maxCols = max(maxCols, len(row))
		}
		row = nil
	}
	stack := []item{}
	for c := t.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, item{n: c, entry: true})
	}
	linkDepth := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if !it.entry {
			switch n.DataAtom {
			case atom.Td, atom.Th:
				endCell()
			case atom.Tr:
				endRow()
			case atom.A:
				linkDepth--
			case atom.Tfoot:
				inFoot--
			}
			continue
		}
		visited++
		if visited > 20000 {
			return false
		}
		switch n.Type {
		case html.TextNode:
			if !inCell {
				if strings.TrimSpace(n.Data) != "" && caption == "" {
					return false // text outside cells: not a clean data table
				}
				continue
			}
			before := cell.Len()
			appendFolded(&cell, n.Data)
			if linkDepth > 0 {
				linkRunes += utf8.RuneCountInString(cell.String()[before:])
			}
			if cell.Len() > 2000 {
				return false
			}
			continue
		case html.ElementNode:
		default:
			continue
		}
		switch n.DataAtom {
		case atom.Table, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
			atom.H6, atom.Blockquote, atom.Pre, atom.Form, atom.Section, atom.Article,
			atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Dl, atom.Figure, atom.Iframe,
			atom.Video:
			return false
		case atom.P, atom.Div, atom.Li:
			if inCell {
				cellBlk++
				if cellBlk > 1 {
					return false
				}
			}
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Button,
			atom.Select, atom.Input, atom.Textarea:
			continue
		case atom.Caption:
			var cb strings.Builder
			appendNodeText(&cb, n)
			caption = strings.TrimSpace(cb.String())
			continue
		case atom.Tr:
			endRow()
		case atom.Td, atom.Th:
			endCell()
			inCell = true
			cellBlk = 0
		case atom.Br:
			if inCell {
				cell.WriteByte(' ')
			}
		case atom.A:
			linkDepth++
			if inCell {
				links++
			}
		case atom.Tfoot:
			if n.FirstChild != nil {
				inFoot++
			}
		}
		if n.Type == html.ElementNode && n.FirstChild != nil {
			stack = append(stack, item{n: n, entry: false})
			for c := n.LastChild; c != nil; c = c.PrevSibling {
				stack = append(stack, item{n: c, entry: true})
			}
		} else if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Td, atom.Th:
				endCell()
			case atom.Tr:
				endRow()
			}
		}
	}
	endRow()
	if len(rows) < 2 || maxCols < 2 {
		return false
	}
	sg.flush()
	path := sg.path(sg.ownerFrame())
	if path != "" {
		path += ">table"
	} else {
		path = "table"
	}
	if caption != "" {
		sg.add(&Block{Kind: BlockPara, Tag: "caption", Text: caption, Path: path + ">caption", Hints: sg.hintsOf(f), InArticle: f.inArticle, Hidden: f.hidden, hideGroup: f.hideGroup, Node: t})
	}
	var tb strings.Builder
	for i, r := range rows {
		if i > 0 {
			tb.WriteByte('\n')
		}
		for j, c := range r {
			if j > 0 {
				tb.WriteString(" | ")
			}
			tb.WriteString(c)
		}
	}
	sg.add(&Block{
		Kind: BlockTable, Tag: "table", Text: tb.String(), Path: path, Hints: sg.hintsOf(f),
		InArticle: f.inArticle, Hidden: f.hidden, hideGroup: f.hideGroup, Rows: rows, LinkRunes: linkRunes, Links: links, Node: t,
	})
	return true
}

// appendFolded appends s to b with runs of white space folded to one space.
func appendFolded(b *strings.Builder, s string) {
	space := b.Len() > 0 && !strings.HasSuffix(b.String(), " ")
	pend := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			pend = true
			continue
		case '\u200b', '\ufeff':
			continue
		}
		if pend && space {
			b.WriteByte(' ')
		}
		pend = false
		space = true
		b.WriteRune(r)
	}
	if pend && b.Len() > 0 {
		b.WriteByte(' ')
	}
}

// appendNodeText appends the folded text of a small subtree (scripts and styles skipped).
func appendNodeText(b *strings.Builder, n *html.Node) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x.Type {
		case html.TextNode:
			appendFolded(b, x.Data)
			continue
		case html.ElementNode:
			switch x.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				continue
			case atom.Br:
				b.WriteByte(' ')
			}
		}
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// holdsHeading reports whether an element holds a heading: an element classed as a
// caption that does is a card's text (Bootstrap's thumbnail caption with the product's
// name, its maker and price), not a photo's caption. At most headingScanNodes nodes are
// looked at.
func holdsHeading(n *html.Node) bool {
	seen := 0
	var walk func(c *html.Node) bool
	walk = func(c *html.Node) bool {
		for ; c != nil; c = c.NextSibling {
			if seen++; seen > headingScanNodes {
				return false
			}
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					return true
				}
				if walk(c.FirstChild) {
					return true
				}
			}
		}
		return false
	}
	return walk(n.FirstChild)
}

// headingScanNodes bounds holdsHeading's look into a caption-classed element.
const headingScanNodes = 200
