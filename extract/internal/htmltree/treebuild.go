package htmltree

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tree builder: a fast path for html.Parse.
//
// buildTree reads the page with golang.org/x/net/html's tokenizer and builds the
// *html.Node tree itself, following the tree-construction rules of x/net/html's parser
// (parse.go) for the parts of the HTML5 algorithm that ordinary pages use. Whenever the
// input needs a part it does not implement exactly (foster parenting, the adoption agency's
// reparenting, <frameset>, …) it bails out and parseHTML falls back to html.Parse. The
// contract: when it does not bail, its tree is the tree html.Parse builds (node types,
// Data, DataAtom, Namespace, Attr, children and text merging), except that its nesting
// limit is tbMaxDepth open elements instead of html.Parse's 512.
//
// It is faster than html.Parse because it does not build a Token per token: tag names are
// atoms' strings, text and attribute values are substrings of the input when they need no
// unescaping, nodes and attributes come from slabs, and the "is an element in scope"
// checks are O(1) when no element of that kind is open.

// tbMaxDepth bounds the stack of open elements. Several steps of the algorithm walk the
// stack (a scope check that finds an element behind a boundary, "any other end tag"
// passing non-special elements, reconstructing formatting elements), so an adversarial
// page costs O(depth) per token: the bound keeps that within about twice html.Parse's
// (whose limit is 512), while pages between 512 and tbMaxDepth deep need no flattening.
const tbMaxDepth = 1024

// tbTooDeep is the reason buildTree gives for a page nested deeper than tbMaxDepth:
// html.Parse, with the same stack at that point, would fail too.
const tbTooDeep = "nested too deep"

// tbBail is the panic value that makes buildTree give up; it carries the reason.
type tbBail struct{ reason string }

// buildTree returns the tree html.Parse would build for s, or nil when it bails out.
func buildTree(s string) *html.Node {
	root, _ := buildTreeReason(s)
	return root
}

// tbInternalError starts the reason given for a panic that is not a bail: a bug, which
// the tests look for; the page is still parsed, by html.Parse.
const tbInternalError = "internal error: "

// buildTreeReason is buildTree that also says why it bailed ("" when it did not).
func buildTreeReason(s string) (root *html.Node, reason string) {
	b := &treeBuilder{s: s, z: html.NewTokenizer(strings.NewReader(s))}
	b.doc = b.newNode(html.DocumentNode, 0, "")
	b.im = tbInitial
	defer func() {
		if r := recover(); r != nil {
			if bail, ok := r.(tbBail); ok {
				root, reason = nil, bail.reason
			} else {
				root, reason = nil, fmt.Sprint(tbInternalError, r)
			}
		}
	}()
	b.run()
	return b.doc, ""
}

// tbMode is an insertion mode (HTML5 §13.2.4.1): it handles b.tok and reports whether
// the token was consumed (false: reprocess it in the new mode).
type tbMode func(*treeBuilder) bool

// tbToken is the current token, read from the tokenizer without html.Token.
type tbToken struct {
	tt          html.TokenType // StartTagToken for self-closing tags too (see selfClosing)
	selfClosing bool
	a           atom.Atom
	name        string // tag name, lower case
	attr        []html.Attribute
	data        string // text, comment or doctype data
	raw         string // the token's bytes in the input (doctype only)
}

type treeBuilder struct {
	s   string
	z   *html.Tokenizer
	off int // byte offset in s of the current token
	tok tbToken

	doc        *html.Node
	oe         []*html.Node // the stack of open elements
	afe        []*html.Node // active formatting elements; nil is a scope marker
	head, form *html.Node
	im         tbMode
	originalIM tbMode
	quirks     bool
	// templateStack is the stack of template insertion modes.
	templateStack []tbMode

	// open counts the open HTML elements of the kinds tbCounted numbers, so that a
	// scope check for a kind with none open costs nothing.
	open [tbNumCounted]int32

	// Text appended to an existing text node accumulates in mergeBuf until text is
	// appended to another one (html.Parse does the same with a map).
	merge    *html.Node
	mergeBuf []byte

	// notRaw is set when the current start tag's element is foreign, so the tokenizer
	// was told not to read what follows as raw text.
	notRaw bool

	nodes   []html.Node      // slab of nodes
	attrs   []html.Attribute // slab of attributes
	tmpAttr []html.Attribute
}

// fail makes buildTree bail out for the reason (a panic that buildTreeReason recovers).
func (b *treeBuilder) fail(reason string) { panic(tbBail{reason}) }

// run reads every token and processes it, then sets the merged text nodes' data.
func (b *treeBuilder) run() {
	for {
		top := b.top()
		b.z.AllowCDATA(top != b.doc && top.Namespace != "")
		tt := b.z.Next()
		if tt == html.ErrorToken && b.z.Err() != io.EOF {
			b.fail("tokenizer error")
		}
		b.readToken(tt)
		b.notRaw = false
		b.process()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.EndTagToken && tt != html.TextToken && !b.notRaw {
			b.skipRawText()
		}
	}
	b.flushMerge()
}

// rawSkipMin is the least raw text skipRawText reads itself: below it, a fresh
// tokenizer costs more than the tokenizer's own reading. (A variable for the tests,
// which set it to 1 to send all raw text through the search.)
var rawSkipMin = 512

// skipRawText reads the raw text after the start tag of a script, style, noscript,
// iframe, xmp, noembed or noframes element by a search for its end tag instead of the
// tokenizer's byte-at-a-time read (scripts are often most of a page's bytes), processes
// it as the one text token the tokenizer would have returned, and goes on with a fresh
// tokenizer at the end tag. It leaves the tokenizer to it (reports false) where the
// tokenizer would read the text otherwise than as it stands: a NUL or carriage return to
// convert, a script holding "<!--" (the script-data escape states), no end tag before
// the end of the input.
func (b *treeBuilder) skipRawText() bool {
	if b.tok.tt != html.StartTagToken {
		return false
	}
	switch b.tok.a {
	case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Xmp, atom.Noembed, atom.Noframes:
	default:
		return false
	}
	rest := b.s[b.off:]
	e := rawTextEnd(rest, b.tok.name)
	if e < rawSkipMin {
		return false
	}
	text := rest[:e]
	if strings.IndexByte(text, '\r') >= 0 || strings.IndexByte(text, 0) >= 0 ||
		b.tok.a == atom.Script && strings.Contains(text, "<!--") {
		return false
	}
	b.tok = tbToken{tt: html.TextToken, data: text}
	b.process()
	b.off += e
	b.z = html.NewTokenizer(strings.NewReader(b.s[b.off:]))
	return true
}

// rawTextEnd returns the index in s of the end tag that closes raw text in an element
// named name ("</" name, ASCII letters in any case, then a space, '/' or '>'), or -1.
func rawTextEnd(s, name string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1
		}
		i += j + 2
		if k := i + len(name); k < len(s) && strings.EqualFold(s[i:k], name) { // name is ASCII: s[i:k] folds to it only when ASCII too
			switch s[k] {
			case ' ', '\n', '\r', '\t', '\f', '/', '>':
				return i - 2
			}
		}
	}
}

// readToken fills b.tok from the tokenizer's current token and moves b.off past it.
func (b *treeBuilder) readToken(tt html.TokenType) {
	z := b.z
	raw := z.Raw()
	off := b.off
	end := off + len(raw)
	// Tokens partition the input: the raw bytes are s[off:end]. Checked, since the
	// substrings taken below rely on it.
	if end > len(b.s) || string(raw) != b.s[off:end] {
		b.fail("offset")
	}
	b.off = end
	b.tok = tbToken{tt: tt}
	switch tt {
	case html.TextToken:
		if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, 0) < 0 &&
			!bytes.HasPrefix(raw, []byte("<![CDATA[")) {
			b.tok.data = b.s[off:end] // nothing to convert: the text is its raw bytes
		} else if t := z.Text(); string(t) == b.s[off:end] {
			b.tok.data = b.s[off:end] // e.g. a script with "&&": the same bytes
		} else {
			b.tok.data = string(t)
		}
	case html.CommentToken:
		b.tok.data = string(z.Text())
	case html.DoctypeToken:
		b.tok.raw = b.s[off:end]
		b.tok.data = string(z.Text())
	case html.StartTagToken, html.SelfClosingTagToken:
		b.tok.a, b.tok.name = b.tagName(raw, 1)
		b.readAttrs(raw, off)
		if tt == html.SelfClosingTagToken {
			b.tok.tt, b.tok.selfClosing = html.StartTagToken, true
		}
	case html.EndTagToken:
		b.tok.a, b.tok.name = b.tagName(raw, 2)
	}
}

// tagName returns the atom and the name of the tag whose raw bytes are raw, the name
// starting at raw[i]: the atom's string for known tags, else a substring of s.
func (b *treeBuilder) tagName(raw []byte, i int) (atom.Atom, string) {
	j := i
	plain := true // no upper case, no NUL
	for ; j < len(raw); j++ {
		c := raw[j]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if 'A' <= c && c <= 'Z' || c == 0 {
			plain = false
		}
	}
	name := raw[i:j]
	if !plain {
		name, _ = b.z.TagName() // lower-cased, NUL replaced
	}
	if a := atom.Lookup(name); a != 0 {
		return a, a.String()
	}
	if plain {
		return 0, b.s[b.off-len(raw)+i : b.off-len(raw)+j]
	}
	return 0, string(name)
}

// readAttrs reads the start tag's attributes into b.tok.attr, taking keys and values
// as atoms' strings or substrings of the tag's raw bytes when they equal them.
func (b *treeBuilder) readAttrs(raw []byte, off int) {
	if !b.scanAttrs(raw, off) {
		b.readTagAttrs(raw, off)
	}
	if attrs := b.tmpAttr; len(attrs) > 0 {
		b.tok.attr = b.attrSlice(len(attrs))
		copy(b.tok.attr, attrs)
	}
}

func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// scanAttrs reads the attributes of the start tag raw (whole, up to its '>') into
// b.tmpAttr the way the tokenizer's readTag splits them, without its copies. It reports
// false when an attribute needs the tokenizer's conversions (an upper-case letter or NUL
// in a key; '&', '\r' or NUL in a value) or the tag is unusual; readTagAttrs reads those.
func (b *treeBuilder) scanAttrs(raw []byte, off int) bool {
	attrs := b.tmpAttr[:0]
	n := len(raw)
	if n < 3 || raw[n-1] != '>' {
		return false
	}
	skipSpace := func(i int) int {
		for i < n && isTagSpace(raw[i]) {
			i++
		}
		return i
	}
	// The tag name (readTagName): up to whitespace (consumed), '/' or '>'.
	i := 2
	for i < n && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	if i < n && isTagSpace(raw[i]) {
		i++
	}
	for i = skipSpace(i); i < n && raw[i] != '>'; i = skipSpace(i) {
		// The key (readTagAttrKey): up to whitespace, '/', '>' or a '=' that is not
		// its first byte.
		ks := i
		for i < n {
			c := raw[i]
			if c == '=' && i == ks {
				i++
				continue
			}
			if c == '=' || c == '/' || c == '>' || isTagSpace(c) {
				break
			}
			if 'A' <= c && c <= 'Z' || c == 0 {
				return false
			}
			i++
		}
		ke := i
		// The value (readTagAttrVal).
		vs, ve := i, i
		i = skipSpace(i)
		if i >= n {
			return false
		}
		switch c := raw[i]; {
		case c == '/':
			i++
		case c == '=':
			i = skipSpace(i + 1)
			if i >= n {
				return false
			}
			switch q := raw[i]; q {
			case '>':
			case '"', '\'':
				j := bytes.IndexByte(raw[i+1:], q)
				if j < 0 {
					return false
				}
				vs, ve = i+1, i+1+j
				i = ve + 1
			default:
				vs = i
				for i < n && !isTagSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				ve = i
				if i < n && raw[i] != '>' {
					i++ // the whitespace ending the value is consumed
				}
			}
		}
		if ke == ks {
			continue
		}
		key, val := raw[ks:ke], raw[vs:ve]
		if bytes.IndexAny(val, "&\r\x00") >= 0 {
			return false
		}
		dup := false
		for _, a := range attrs {
			if a.Key == string(key) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		var a html.Attribute
		if at := atom.Lookup(key); at != 0 {
			a.Key = at.String()
		} else {
			a.Key = b.s[off+ks : off+ke]
		}
		if ve > vs {
			a.Val = b.s[off+vs : off+ve]
		}
		attrs = append(attrs, a)
	}
	if i != n-1 {
		return false
	}
	b.tmpAttr = attrs
	return true
}

// readTagAttrs reads the attributes with the tokenizer's TagAttr.
func (b *treeBuilder) readTagAttrs(raw []byte, off int) {
	attrs := b.tmpAttr[:0]
	cur := 0 // search position in raw
	for {
		k, v, more := b.z.TagAttr()
		if k == nil {
			break
		}
		var a html.Attribute
		if at := atom.Lookup(k); at != 0 {
			a.Key = at.String()
		} else if i := bytes.Index(raw[cur:], k); i >= 0 {
			a.Key = b.s[off+cur+i : off+cur+i+len(k)]
			cur += i + len(k)
		} else {
			a.Key = string(k)
		}
		if len(v) > 0 {
			if i := bytes.Index(raw[cur:], v); i >= 0 {
				a.Val = b.s[off+cur+i : off+cur+i+len(v)]
				cur += i + len(v)
			} else {
				a.Val = string(v)
			}
		}
		attrs = append(attrs, a)
		if !more {
			break
		}
	}
	b.tmpAttr = attrs
}

// attrSlice returns n attributes from the slab; appending to them reallocates.
func (b *treeBuilder) attrSlice(n int) []html.Attribute {
	if cap(b.attrs)-len(b.attrs) < n {
		b.attrs = make([]html.Attribute, 0, max(512, n))
	}
	i := len(b.attrs)
	b.attrs = b.attrs[:i+n]
	return b.attrs[i : i+n : i+n]
}

// newNode returns a node from the slab.
func (b *treeBuilder) newNode(t html.NodeType, a atom.Atom, data string) *html.Node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]html.Node, 0, min(4096, max(64, 2*cap(b.nodes))))
	}
	b.nodes = b.nodes[:len(b.nodes)+1]
	n := &b.nodes[len(b.nodes)-1]
	n.Type, n.DataAtom, n.Data = t, a, data
	return n
}

// appendChild links n as parent's last child.
func appendChild(parent, n *html.Node) {
	last := parent.LastChild
	if last != nil {
		last.NextSibling = n
	} else {
		parent.FirstChild = n
	}
	n.PrevSibling = last
	n.Parent = parent
	parent.LastChild = n
}

// process runs the current token through the insertion modes until it is consumed
// (parseCurrentToken), with the foreign-content rules when they apply (§13.2.6).
func (b *treeBuilder) process() {
	for consumed := false; !consumed; {
		if b.inForeignContent() {
			consumed = b.foreignContent()
		} else {
			consumed = b.im(b)
		}
	}
}

// processImplied processes a start or end tag that the input implies.
func (b *treeBuilder) processImplied(tt html.TokenType, a atom.Atom) {
	saved := b.tok
	b.tok = tbToken{tt: tt, a: a, name: a.String()}
	b.process()
	b.tok = saved
}

// --- The stack of open elements (§13.2.4.2) ---

// The kinds of element whose open count is kept.
const (
	tbP = iota
	tbLi
	tbDd
	tbDt
	tbHeading
	tbButton
	tbSelect
	tbRuby
	tbNobr
	tbBody
	tbTable
	tbTd
	tbTh
	tbTr
	tbTbody
	tbThead
	tbTfoot
	tbCaption
	tbForm
	tbApplet
	tbMarquee
	tbObject
	tbTemplate
	tbNumCounted
)

// tbCounted returns the count index of an HTML element's atom, or -1.
func tbCounted(a atom.Atom) int {
	switch a {
	case atom.P:
		return tbP
	case atom.Li:
		return tbLi
	case atom.Dd:
		return tbDd
	case atom.Dt:
		return tbDt
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return tbHeading
	case atom.Button:
		return tbButton
	case atom.Select:
		return tbSelect
	case atom.Ruby:
		return tbRuby
	case atom.Nobr:
		return tbNobr
	case atom.Body:
		return tbBody
	case atom.Table:
		return tbTable
	case atom.Td:
		return tbTd
	case atom.Th:
		return tbTh
	case atom.Tr:
		return tbTr
	case atom.Tbody:
		return tbTbody
	case atom.Thead:
		return tbThead
	case atom.Tfoot:
		return tbTfoot
	case atom.Caption:
		return tbCaption
	case atom.Form:
		return tbForm
	case atom.Applet:
		return tbApplet
	case atom.Marquee:
		return tbMarquee
	case atom.Object:
		return tbObject
	case atom.Template:
		return tbTemplate
	}
	return -1
}

func (b *treeBuilder) count(n *html.Node, d int32) {
	if n.Namespace == "" {
		if k := tbCounted(n.DataAtom); k >= 0 {
			b.open[k] += d
		}
	}
}

// containsTemplate reports whether an HTML template element is open.
func (b *treeBuilder) containsTemplate() bool { return b.open[tbTemplate] > 0 }

// top is the current node, or the document when no element is open.
func (b *treeBuilder) top() *html.Node {
	if len(b.oe) == 0 {
		return b.doc
	}
	return b.oe[len(b.oe)-1]
}

func (b *treeBuilder) push(n *html.Node) {
	if len(b.oe) >= tbMaxDepth {
		b.fail(tbTooDeep)
	}
	b.oe = append(b.oe, n)
	b.count(n, 1)
}

func (b *treeBuilder) pop() *html.Node {
	n := b.oe[len(b.oe)-1]
	b.oe = b.oe[:len(b.oe)-1]
	b.count(n, -1)
	return n
}

// truncate pops the open elements down to (not including) index i.
func (b *treeBuilder) truncate(i int) {
	for len(b.oe) > i {
		b.pop()
	}
}

// removeOpen removes n from the stack of open elements, wherever it is.
func (b *treeBuilder) removeOpen(n *html.Node) {
	if i := b.oeIndex(n); i >= 0 {
		b.oe = slices.Delete(b.oe, i, i+1)
		b.count(n, -1)
	}
}

func (b *treeBuilder) oeIndex(n *html.Node) int {
	for i := len(b.oe) - 1; i >= 0; i-- {
		if b.oe[i] == n {
			return i
		}
	}
	return -1
}

type tbScope int

const (
	tbDefaultScope tbScope = iota
	tbListItemScope
	tbButtonScope
	tbTableScope
)

// indexInScope returns the index of the highest open HTML element with one of the
// tags that is in scope s, or -1 (indexOfElementInScope).
func (b *treeBuilder) indexInScope(s tbScope, tags ...atom.Atom) int {
	none := true
	for _, t := range tags {
		k := tbCounted(t)
		if k < 0 || b.open[k] > 0 {
			none = false
			break
		}
	}
	if none {
		return -1
	}
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		a := n.DataAtom
		if n.Namespace == "" {
			if slices.Contains(tags, a) {
				return i
			}
			switch s {
			case tbListItemScope:
				if a == atom.Ol || a == atom.Ul {
					return -1
				}
			case tbButtonScope:
				if a == atom.Button {
					return -1
				}
			case tbTableScope:
				if a == atom.Html || a == atom.Table || a == atom.Template {
					return -1
				}
			}
		}
		if s != tbTableScope && scopeStop(n) {
			return -1
		}
	}
	return -1
}

// scopeStop reports whether n bounds the default scope (and the list item and button
// scopes): the HTML, MathML and SVG elements of x/net/html's defaultScopeStopTags.
func scopeStop(n *html.Node) bool {
	switch n.Namespace {
	case "":
		switch n.DataAtom {
		case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee,
			atom.Object, atom.Template, atom.Select:
			return true
		}
	case "math":
		switch n.DataAtom {
		case atom.AnnotationXml, atom.Mi, atom.Mn, atom.Mo, atom.Ms, atom.Mtext:
			return true
		}
	case "svg":
		switch n.DataAtom {
		case atom.Desc, atom.ForeignObject, atom.Title:
			return true
		}
	}
	return false
}

func (b *treeBuilder) inScope(s tbScope, tags ...atom.Atom) bool {
	return b.indexInScope(s, tags...) >= 0
}

// popUntil pops up to and including the highest element with one of the tags in scope
// s, and reports whether there was one.
func (b *treeBuilder) popUntil(s tbScope, tags ...atom.Atom) bool {
	if i := b.indexInScope(s, tags...); i >= 0 {
		b.truncate(i)
		return true
	}
	return false
}

// clearStackToContext pops elements until one of the context's elements is current
// (table: html, table, template; row: html, tr, template; body: html, tbody, tfoot,
// thead, template).
func (b *treeBuilder) clearStackToContext(ctx atom.Atom) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		switch a := b.oe[i].DataAtom; {
		case a == atom.Html || a == atom.Template,
			ctx == atom.Table && a == atom.Table,
			ctx == atom.Tr && a == atom.Tr,
			ctx == atom.Tbody && (a == atom.Tbody || a == atom.Tfoot || a == atom.Thead):
			b.truncate(i + 1)
			return
		}
	}
}

// generateImpliedEndTags pops dd, dt, li, optgroup, option, p, rb, rp, rt and rtc
// elements, except one named except.
func (b *treeBuilder) generateImpliedEndTags(except string) {
	for len(b.oe) > 0 {
		n := b.oe[len(b.oe)-1]
		switch n.DataAtom {
		case atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp, atom.Rt, atom.Rtc:
			if n.Data == except {
				return
			}
			b.pop()
			continue
		}
		return
	}
}

// isSpecial reports whether n is in the special category (x/net/html's isSpecialElement).
func isSpecial(n *html.Node) bool {
	switch n.Namespace {
	case "":
		switch n.DataAtom {
		case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
			atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button,
			atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir,
			atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure,
			atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4,
			atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe,
			atom.Img, atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing, atom.Main,
			atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed, atom.Noframes,
			atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre,
			atom.Script, atom.Section, atom.Select, atom.Source, atom.Style, atom.Summary,
			atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th,
			atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp:
			return true
		}
	case "math":
		switch n.Data {
		case "mi", "mo", "mn", "ms", "mtext", "annotation-xml":
			return true
		}
	case "svg":
		switch n.Data {
		case "foreignObject", "desc", "title":
			return true
		}
	}
	return false
}

// --- Adding nodes ---

// addChild appends n to the current node and, if it is an element, opens it.
func (b *treeBuilder) addChild(n *html.Node) {
	appendChild(b.top(), n)
	if n.Type == html.ElementNode {
		b.push(n)
	}
}

// addElement adds the current tag's element.
func (b *treeBuilder) addElement() *html.Node {
	n := b.newNode(html.ElementNode, b.tok.a, b.tok.name)
	n.Attr = b.tok.attr
	b.addChild(n)
	return n
}

func (b *treeBuilder) addComment() {
	b.addChild(b.newNode(html.CommentNode, 0, b.tok.data))
}

// addText adds text to the current node, merging it into a last text child.
func (b *treeBuilder) addText(text string) {
	if text == "" {
		return
	}
	t := b.top()
	if last := t.LastChild; last != nil && last.Type == html.TextNode {
		if b.merge != last {
			b.flushMerge()
			b.merge = last
			b.mergeBuf = append(b.mergeBuf[:0], last.Data...)
		}
		b.mergeBuf = append(b.mergeBuf, text...)
		return
	}
	b.addChild(b.newNode(html.TextNode, 0, text))
}

func (b *treeBuilder) flushMerge() {
	if b.merge != nil {
		b.merge.Data = string(b.mergeBuf)
		b.merge = nil
	}
}

// --- Active formatting elements (§13.2.4.3) ---

func (b *treeBuilder) afeIndex(n *html.Node) int {
	for i := len(b.afe) - 1; i >= 0; i-- {
		if b.afe[i] == n {
			return i
		}
	}
	return -1
}

func (b *treeBuilder) afeRemove(n *html.Node) {
	if i := b.afeIndex(n); i >= 0 {
		b.afe = slices.Delete(b.afe, i, i+1)
	}
}

func attrCompare(x, y html.Attribute) int {
	if c := strings.Compare(x.Namespace, y.Namespace); c != 0 {
		return c
	}
	if c := strings.Compare(x.Key, y.Key); c != 0 {
		return c
	}
	return strings.Compare(x.Val, y.Val)
}

// addFormattingElement adds a formatting element (with its attributes sorted, as
// html.Parse does) and pushes it on the list, keeping at most three identical ones
// after the last marker (the Noah's Ark clause as x/net/html implements it).
func (b *treeBuilder) addFormattingElement() {
	attr := b.tok.attr
	n := b.addElement()
	slices.SortFunc(attr, attrCompare)
	identical := 0
	for i := len(b.afe) - 1; i >= 0; i-- {
		e := b.afe[i]
		if e == nil {
			break
		}
		if e.Namespace != "" || e.DataAtom != n.DataAtom || !slices.Equal(e.Attr, attr) {
			continue
		}
		identical++
		if identical >= 3 {
			b.afeRemove(e)
		}
	}
	b.afe = append(b.afe, n)
}

// clearAFE removes the entries up to and including the last marker.
func (b *treeBuilder) clearAFE() {
	for {
		if len(b.afe) == 0 {
			b.fail("empty formatting list") // html.Parse panics here and fails
		}
		n := b.afe[len(b.afe)-1]
		b.afe = b.afe[:len(b.afe)-1]
		if len(b.afe) == 0 || n == nil {
			return
		}
	}
}

// reconstructAFE reopens the formatting elements that were closed implicitly.
func (b *treeBuilder) reconstructAFE() {
	if len(b.afe) == 0 {
		return
	}
	n := b.afe[len(b.afe)-1]
	if n == nil || b.oeIndex(n) != -1 {
		return
	}
	i := len(b.afe) - 1
	for n != nil && b.oeIndex(n) == -1 {
		if i == 0 {
			i = -1
			break
		}
		i--
		n = b.afe[i]
	}
	for {
		i++
		e := b.afe[i]
		clone := b.newNode(html.ElementNode, e.DataAtom, e.Data)
		clone.Attr = b.attrSlice(len(e.Attr))
		copy(clone.Attr, e.Attr)
		b.addChild(clone)
		b.afe[i] = clone
		if i == len(b.afe)-1 {
			break
		}
	}
}

// endTagFormatting handles the end tag of a formatting element: the adoption agency
// algorithm in the cases that need no reparenting; it bails on the others.
func (b *treeBuilder) endTagFormatting(a atom.Atom, name string) {
	if cur := b.top(); cur.Data == name && b.afeIndex(cur) == -1 {
		b.pop()
		return
	}
	var fe *html.Node
	for j := len(b.afe) - 1; j >= 0 && b.afe[j] != nil; j-- {
		if b.afe[j].DataAtom == a {
			fe = b.afe[j]
			break
		}
	}
	if fe == nil {
		b.endTagOther(a, name)
		return
	}
	feIndex := b.oeIndex(fe)
	if feIndex == -1 {
		b.afeRemove(fe)
		return
	}
	if !b.inScope(tbDefaultScope, a) {
		return
	}
	for _, e := range b.oe[feIndex:] {
		if isSpecial(e) {
			b.fail("adoption agency")
		}
	}
	b.truncate(feIndex)
	b.afeRemove(fe)
}

// endTagOther is "any other end tag" in body: close the matching element unless a
// special element comes first.
func (b *treeBuilder) endTagOther(a atom.Atom, name string) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		if n.Namespace == "" && n.DataAtom == a && (a != 0 || n.Data == name) {
			b.truncate(i)
			return
		}
		if isSpecial(n) {
			return
		}
	}
}

// resetInsertionMode picks the mode from the open elements (§13.2.4.1).
func (b *treeBuilder) resetInsertionMode() {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		switch n.DataAtom {
		case atom.Td, atom.Th:
			b.im = tbInCell
		case atom.Tr:
			b.im = tbInRow
		case atom.Tbody, atom.Thead, atom.Tfoot:
			b.im = tbInTableBody
		case atom.Caption:
			b.im = tbInCaption
		case atom.Colgroup:
			b.im = tbInColumnGroup
		case atom.Table:
			b.im = tbInTable
		case atom.Template:
			if n.Namespace != "" {
				continue
			}
			if len(b.templateStack) == 0 {
				b.fail("template mode stack empty")
			}
			b.im = b.templateStack[len(b.templateStack)-1]
		case atom.Frameset:
			b.fail("reset mode: frameset")
		case atom.Head:
			b.im = tbInHead
		case atom.Body:
			b.im = tbInBody
		case atom.Html:
			if b.head == nil {
				b.im = tbBeforeHead
			} else {
				b.im = tbAfterHead
			}
		default:
			if i == 0 {
				b.im = tbInBody
				return
			}
			continue
		}
		return
	}
}

// copyAttributes adds to dst the attributes of the current tag it does not have.
func (b *treeBuilder) copyAttributes(dst *html.Node) {
	for _, t := range b.tok.attr {
		if !slices.ContainsFunc(dst.Attr, func(x html.Attribute) bool { return x.Key == t.Key }) {
			dst.Attr = append(dst.Attr, t)
		}
	}
}

// --- Insertion modes ---

const tbWhitespace = " \t\r\n\f"

// tbInitial is §13.2.6.4.1.
func tbInitial(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		b.tok.data = strings.TrimLeft(b.tok.data, tbWhitespace)
		if b.tok.data == "" {
			return true
		}
	case html.CommentToken:
		appendChild(b.doc, b.newNode(html.CommentNode, 0, b.tok.data))
		return true
	case html.DoctypeToken:
		n, quirks := b.doctype()
		appendChild(b.doc, n)
		b.quirks = quirks
		b.im = tbBeforeHTML
		return true
	}
	b.quirks = true
	b.im = tbBeforeHTML
	return false
}

// doctype returns the doctype node and whether it sets quirks mode, by parsing the
// doctype alone with html.Parse followed by "<p><table>": in quirks mode a table does
// not close the paragraph.
func (b *treeBuilder) doctype() (*html.Node, bool) {
	raw := b.tok.raw
	if !strings.HasSuffix(raw, ">") {
		b.fail("doctype at end of input")
	}
	doc, err := html.Parse(strings.NewReader(raw + "<p><table>"))
	if err != nil || doc.FirstChild == nil || doc.FirstChild.Type != html.DoctypeNode {
		b.fail("doctype")
	}
	n := doc.FirstChild
	doc.RemoveChild(n)
	quirks := false
	for d := range doc.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Table {
			quirks = d.Parent.DataAtom == atom.P
		}
	}
	return n, quirks
}

// tbBeforeHTML is §13.2.6.4.2.
func tbBeforeHTML(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.DoctypeToken:
		return true
	case html.TextToken:
		b.tok.data = strings.TrimLeft(b.tok.data, tbWhitespace)
		if b.tok.data == "" {
			return true
		}
	case html.StartTagToken:
		if b.tok.a == atom.Html {
			b.addElement()
			b.im = tbBeforeHead
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Head, atom.Body, atom.Html, atom.Br:
			b.processImplied(html.StartTagToken, atom.Html)
			return false
		}
		return true
	case html.CommentToken:
		appendChild(b.doc, b.newNode(html.CommentNode, 0, b.tok.data))
		return true
	}
	b.processImplied(html.StartTagToken, atom.Html)
	return false
}

// tbBeforeHead is §13.2.6.4.3.
func tbBeforeHead(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		b.tok.data = strings.TrimLeft(b.tok.data, tbWhitespace)
		if b.tok.data == "" {
			return true
		}
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Head:
			b.head = b.addElement()
			b.im = tbInHead
			return true
		case atom.Html:
			return tbInBody(b)
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Head, atom.Body, atom.Html, atom.Br:
			b.processImplied(html.StartTagToken, atom.Head)
			return false
		}
		return true
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	}
	b.processImplied(html.StartTagToken, atom.Head)
	return false
}

// addLeadingSpace adds the text's leading whitespace to the current node and leaves
// the rest in the token; it reports whether nothing is left.
func (b *treeBuilder) addLeadingSpace() bool {
	d := b.tok.data
	s := strings.TrimLeft(d, tbWhitespace)
	if len(s) < len(d) {
		b.addText(d[:len(d)-len(s)])
		if s == "" {
			return true
		}
		b.tok.data = s
	}
	return false
}

// rawTextElement adds an element whose content the tokenizer reads as raw text.
func (b *treeBuilder) rawTextElement() {
	b.addElement()
	b.originalIM = b.im
	b.im = tbText
}

// tbInHead is §13.2.6.4.4 (scripting enabled).
func tbInHead(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if b.addLeadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Html:
			return tbInBody(b)
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta:
			b.addElement()
			b.pop()
			return true
		case atom.Noscript, atom.Noframes, atom.Style:
			b.rawTextElement()
			return true
		case atom.Script, atom.Title:
			if b.originalIM != nil {
				b.fail("originalIM set twice")
			}
			b.rawTextElement()
			return true
		case atom.Head:
			return true
		case atom.Template:
			b.startTemplate()
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Head:
			b.pop()
			b.im = tbAfterHead
			return true
		case atom.Body, atom.Html, atom.Br:
			b.processImplied(html.EndTagToken, atom.Head)
			return false
		case atom.Template:
			b.endTemplate()
		}
		return true
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	}
	b.processImplied(html.EndTagToken, atom.Head)
	return false
}

// startTemplate handles a <template> start tag (in head, and wherever head elements
// are processed as in head).
func (b *treeBuilder) startTemplate() {
	for _, e := range b.oe {
		if e.Namespace != "" {
			b.fail("template in foreign content") // html.Parse ignores the rest of the page
		}
	}
	b.addElement()
	b.afe = append(b.afe, nil)
	b.im = tbInTemplate
	b.templateStack = append(b.templateStack, tbInTemplate)
}

// endTemplate handles a </template> end tag, and the end of the input inside one: close
// the template and its content.
func (b *treeBuilder) endTemplate() {
	if !b.containsTemplate() {
		return
	}
	b.generateImpliedEndTags("")
	for i := len(b.oe) - 1; i >= 0; i-- {
		if n := b.oe[i]; n.Namespace == "" && n.DataAtom == atom.Template {
			b.truncate(i)
			break
		}
	}
	b.clearAFE()
	if len(b.templateStack) == 0 {
		b.fail("template mode stack empty")
	}
	b.templateStack = b.templateStack[:len(b.templateStack)-1]
	b.resetInsertionMode()
}

// tbInTemplate is §13.2.6.4.18 (with x/net/html's divergences).
func tbInTemplate(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken, html.CommentToken, html.DoctypeToken:
		return tbInBody(b)
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes,
			atom.Script, atom.Style, atom.Template, atom.Title:
			return tbInHead(b)
		case atom.Caption, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			b.setTemplateMode(tbInTable)
		case atom.Col:
			b.setTemplateMode(tbInColumnGroup)
		case atom.Tr:
			b.setTemplateMode(tbInTableBody)
		case atom.Td, atom.Th:
			b.setTemplateMode(tbInRow)
		default:
			b.setTemplateMode(tbInBody)
		}
		return false
	case html.EndTagToken:
		if b.tok.a == atom.Template {
			return tbInHead(b)
		}
		return true
	case html.ErrorToken:
		if !b.containsTemplate() {
			return true
		}
		b.endTemplate()
		return false
	}
	return false
}

// setTemplateMode replaces the current template insertion mode with m and switches to it.
func (b *treeBuilder) setTemplateMode(m tbMode) {
	b.templateStack[len(b.templateStack)-1] = m
	b.im = m
}

// tbAfterHead is §13.2.6.4.6.
func tbAfterHead(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if b.addLeadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Html:
			return tbInBody(b)
		case atom.Body:
			b.addElement()
			b.im = tbInBody
			return true
		case atom.Frameset:
			b.fail("frameset")
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes,
			atom.Script, atom.Style, atom.Template, atom.Title:
			// Processed in head, with the head element reopened for the time.
			b.push(b.head)
			consumed := tbInHead(b)
			b.removeOpen(b.head)
			return consumed
		case atom.Head:
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			return tbInHead(b)
		default:
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	}
	b.processImplied(html.StartTagToken, atom.Body)
	return b.tok.tt == html.ErrorToken
}

// tbInBody is §13.2.6.4.7.
func tbInBody(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		b.bodyText()
	case html.StartTagToken:
		return b.bodyStartTag()
	case html.EndTagToken:
		return b.bodyEndTag()
	case html.CommentToken:
		b.addComment()
	case html.ErrorToken:
		if len(b.templateStack) > 0 {
			b.im = tbInTemplate
			return false
		}
	}
	return true
}

func (b *treeBuilder) bodyText() {
	d := b.tok.data
	if n := b.top(); n.DataAtom == atom.Pre || n.DataAtom == atom.Listing {
		if n.FirstChild == nil {
			d = dropLeadingNewline(d)
		}
	}
	if strings.IndexByte(d, 0) >= 0 {
		d = strings.ReplaceAll(d, "\x00", "")
	}
	if d == "" {
		return
	}
	b.reconstructAFE()
	b.addText(d)
}

// dropLeadingNewline drops the newline that may follow <pre>, <listing>, <textarea>.
func dropLeadingNewline(d string) string {
	if d != "" && d[0] == '\r' {
		d = d[1:]
	}
	if d != "" && d[0] == '\n' {
		d = d[1:]
	}
	return d
}

// bodyStartTag is the start-tag part of "in body".
func (b *treeBuilder) bodyStartTag() bool {
	switch b.tok.a {
	case atom.Html:
		if b.containsTemplate() {
			return true
		}
		b.copyAttributes(b.oe[0])
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes,
		atom.Script, atom.Style, atom.Template, atom.Title:
		return tbInHead(b)
	case atom.Body:
		if b.containsTemplate() {
			return true
		}
		if len(b.oe) >= 2 && b.oe[1].DataAtom == atom.Body {
			b.copyAttributes(b.oe[1])
		}
	case atom.Frameset:
		b.fail("frameset")
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Search, atom.Section, atom.Summary, atom.Ul, atom.Pre, atom.Listing, atom.Plaintext:
		b.popUntil(tbButtonScope, atom.P)
		b.addElement()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.popUntil(tbButtonScope, atom.P)
		switch b.top().DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			b.pop()
		}
		b.addElement()
	case atom.Form:
		if b.form != nil && !b.containsTemplate() {
			return true
		}
		b.popUntil(tbButtonScope, atom.P)
		n := b.addElement()
		if !b.containsTemplate() {
			b.form = n
		}
	case atom.Li:
		b.closeListItem(atom.Li, atom.Li)
		b.popUntil(tbButtonScope, atom.P)
		b.addElement()
	case atom.Dd, atom.Dt:
		b.closeListItem(atom.Dd, atom.Dt)
		b.popUntil(tbButtonScope, atom.P)
		b.addElement()
	case atom.Button:
		if b.inScope(tbDefaultScope, atom.Button) {
			b.generateImpliedEndTags("")
			b.popUntil(tbDefaultScope, atom.Button)
		}
		b.reconstructAFE()
		b.addElement()
	case atom.A:
		for i := len(b.afe) - 1; i >= 0 && b.afe[i] != nil; i-- {
			if n := b.afe[i]; n.DataAtom == atom.A {
				b.endTagFormatting(atom.A, "a")
				b.removeOpen(n)
				b.afeRemove(n)
				break
			}
		}
		b.reconstructAFE()
		b.addFormattingElement()
	case atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small,
		atom.Strike, atom.Strong, atom.Tt, atom.U:
		b.reconstructAFE()
		b.addFormattingElement()
	case atom.Nobr:
		b.reconstructAFE()
		if b.inScope(tbDefaultScope, atom.Nobr) {
			b.endTagFormatting(atom.Nobr, "nobr")
			b.reconstructAFE()
		}
		b.addFormattingElement()
	case atom.Applet, atom.Marquee, atom.Object:
		b.reconstructAFE()
		b.addElement()
		b.afe = append(b.afe, nil)
	case atom.Table:
		if !b.quirks {
			b.popUntil(tbButtonScope, atom.P)
		}
		b.addElement()
		b.im = tbInTable
	case atom.Area, atom.Br, atom.Embed, atom.Img, atom.Keygen, atom.Wbr:
		b.reconstructAFE()
		b.addElement()
		b.pop()
	case atom.Input:
		b.popUntil(tbDefaultScope, atom.Select)
		b.reconstructAFE()
		b.addElement()
		b.pop()
	case atom.Param, atom.Source, atom.Track:
		b.addElement()
		b.pop()
	case atom.Hr:
		if b.inScope(tbButtonScope, atom.P) {
			b.generateImpliedEndTags("p")
			b.popUntil(tbDefaultScope, atom.P)
		}
		if b.inScope(tbDefaultScope, atom.Select) {
			b.generateImpliedEndTags("")
		}
		b.addElement()
		b.pop()
	case atom.Image:
		b.tok.a, b.tok.name = atom.Img, atom.Img.String()
		return false
	case atom.Textarea:
		if b.originalIM != nil {
			b.fail("originalIM set twice")
		}
		b.rawTextElement()
	case atom.Xmp:
		b.popUntil(tbButtonScope, atom.P)
		b.reconstructAFE()
		b.rawTextElement()
	case atom.Iframe, atom.Noembed, atom.Noscript:
		b.rawTextElement()
	case atom.Select:
		if b.popUntil(tbDefaultScope, atom.Select) {
			return true
		}
		b.reconstructAFE()
		b.addElement()
	case atom.Option, atom.Optgroup:
		if b.inScope(tbDefaultScope, atom.Select) {
			if b.tok.a == atom.Option {
				b.generateImpliedEndTags("optgroup")
			} else {
				b.generateImpliedEndTags("")
			}
		} else if b.top().DataAtom == atom.Option {
			b.pop()
		}
		b.reconstructAFE()
		b.addElement()
	case atom.Rb, atom.Rtc:
		if b.inScope(tbDefaultScope, atom.Ruby) {
			b.generateImpliedEndTags("")
		}
		b.addElement()
	case atom.Rp, atom.Rt:
		if b.inScope(tbDefaultScope, atom.Ruby) {
			b.generateImpliedEndTags("rtc")
		}
		b.addElement()
	case atom.Math, atom.Svg:
		b.reconstructAFE()
		ns := b.tok.name
		b.adjustForeignAttrs(ns)
		n := b.newNode(html.ElementNode, b.tok.a, b.tok.name)
		n.Namespace = ns
		n.Attr = b.tok.attr
		b.addChild(n)
		if b.tok.selfClosing {
			b.pop()
		}
	case atom.Caption, atom.Col, atom.Colgroup, atom.Frame, atom.Head, atom.Tbody, atom.Td,
		atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
		// Ignored.
	default:
		b.reconstructAFE()
		b.addElement()
	}
	return true
}

// closeListItem closes an open li (or dd/dt) before a new one: the loop of the li and
// dd/dt start tags, which stops at a special element other than address, div and p.
func (b *treeBuilder) closeListItem(a1, a2 atom.Atom) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		switch n.DataAtom {
		case a1, a2:
			b.truncate(i)
			return
		case atom.Address, atom.Div, atom.P:
			continue
		}
		if isSpecial(n) {
			return
		}
	}
}

// bodyEndTag is the end-tag part of "in body".
func (b *treeBuilder) bodyEndTag() bool {
	switch a := b.tok.a; a {
	case atom.Body:
		if b.inScope(tbDefaultScope, atom.Body) {
			b.im = tbAfterBody
		}
	case atom.Html:
		if b.inScope(tbDefaultScope, atom.Body) {
			b.processImplied(html.EndTagToken, atom.Body)
			return false
		}
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.Pre, atom.Search, atom.Section, atom.Select, atom.Summary, atom.Ul:
		if b.inScope(tbDefaultScope, a) {
			b.generateImpliedEndTags("")
			b.popUntil(tbDefaultScope, a)
		}
	case atom.Form:
		if b.containsTemplate() {
			i := b.indexInScope(tbDefaultScope, atom.Form)
			if i == -1 {
				return true
			}
			b.generateImpliedEndTags("")
			if b.oe[i].DataAtom != atom.Form {
				return true
			}
			b.popUntil(tbDefaultScope, atom.Form)
			return true
		}
		node := b.form
		b.form = nil
		i := b.indexInScope(tbDefaultScope, atom.Form)
		if node == nil || i == -1 || b.oe[i] != node {
			return true
		}
		b.generateImpliedEndTags("")
		b.removeOpen(node)
	case atom.P:
		if !b.inScope(tbButtonScope, atom.P) {
			b.processImplied(html.StartTagToken, atom.P)
		}
		b.popUntil(tbButtonScope, atom.P)
	case atom.Li:
		b.popUntil(tbListItemScope, atom.Li)
	case atom.Dd, atom.Dt:
		b.popUntil(tbDefaultScope, a)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.popUntil(tbDefaultScope, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S,
		atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		b.endTagFormatting(a, b.tok.name)
	case atom.Applet, atom.Marquee, atom.Object:
		if b.popUntil(tbDefaultScope, a) {
			b.clearAFE()
		}
	case atom.Br:
		b.tok.tt = html.StartTagToken // </br> is <br>
		return false
	case atom.Template:
		return tbInHead(b)
	default:
		b.endTagOther(a, b.tok.name)
	}
	return true
}

// tbText is §13.2.6.4.8: the content of script, style, textarea, title and the other
// raw text elements.
func tbText(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.ErrorToken:
		b.pop()
	case html.TextToken:
		d := b.tok.data
		if n := b.top(); n.DataAtom == atom.Textarea && n.FirstChild == nil {
			d = dropLeadingNewline(d)
		}
		b.addText(d)
		return true
	case html.EndTagToken:
		b.pop()
	}
	b.im = b.originalIM
	b.originalIM = nil
	return b.tok.tt == html.EndTagToken
}

// foster bails out where html.Parse would foster-parent the token (insert it before
// the table): the "anything else" of the table modes.
func (b *treeBuilder) foster() bool {
	b.fail("foster parenting")
	return true
}

// tbInTable is §13.2.6.4.9.
func tbInTable(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		d := b.tok.data
		if strings.IndexByte(d, 0) >= 0 {
			d = strings.ReplaceAll(d, "\x00", "")
			b.tok.data = d
		}
		switch b.top().DataAtom {
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if strings.Trim(d, tbWhitespace) == "" {
				b.addText(d)
				return true
			}
		}
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Caption:
			b.clearStackToContext(atom.Table)
			b.afe = append(b.afe, nil)
			b.addElement()
			b.im = tbInCaption
			return true
		case atom.Colgroup:
			b.clearStackToContext(atom.Table)
			b.addElement()
			b.im = tbInColumnGroup
			return true
		case atom.Col:
			b.processImplied(html.StartTagToken, atom.Colgroup)
			return false
		case atom.Tbody, atom.Tfoot, atom.Thead:
			b.clearStackToContext(atom.Table)
			b.addElement()
			b.im = tbInTableBody
			return true
		case atom.Td, atom.Th, atom.Tr:
			b.processImplied(html.StartTagToken, atom.Tbody)
			return false
		case atom.Table:
			if b.popUntil(tbTableScope, atom.Table) {
				b.resetInsertionMode()
				return false
			}
			return true
		case atom.Style, atom.Script, atom.Template:
			return tbInHead(b)
		case atom.Input:
			for _, t := range b.tok.attr {
				if t.Key == "type" && strings.EqualFold(t.Val, "hidden") {
					b.addElement()
					b.pop()
					return true
				}
			}
		case atom.Form:
			if b.containsTemplate() || b.form != nil {
				return true
			}
			b.addElement()
			b.form = b.pop()
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Table:
			if b.popUntil(tbTableScope, atom.Table) {
				b.resetInsertionMode()
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td,
			atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			return true
		case atom.Template:
			return tbInHead(b)
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	case html.ErrorToken:
		return tbInBody(b)
	}
	return b.foster()
}

// tbInCaption is §13.2.6.4.11.
func tbInCaption(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Thead, atom.Tr:
			if !b.popUntil(tbTableScope, atom.Caption) {
				return true
			}
			b.clearAFE()
			b.im = tbInTable
			return false
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Caption:
			if b.popUntil(tbTableScope, atom.Caption) {
				b.clearAFE()
				b.im = tbInTable
			}
			return true
		case atom.Table:
			if !b.popUntil(tbTableScope, atom.Caption) {
				return true
			}
			b.clearAFE()
			b.im = tbInTable
			return false
		case atom.Body, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot,
			atom.Th, atom.Thead, atom.Tr:
			return true
		}
	}
	return tbInBody(b)
}

// tbInColumnGroup is §13.2.6.4.12.
func tbInColumnGroup(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.TextToken:
		if b.addLeadingSpace() {
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Html:
			return tbInBody(b)
		case atom.Col:
			b.addElement()
			b.pop()
			return true
		case atom.Template:
			return tbInHead(b)
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Colgroup:
			if b.top().DataAtom == atom.Colgroup {
				b.pop()
				b.im = tbInTable
			}
			return true
		case atom.Col:
			return true
		case atom.Template:
			return tbInHead(b)
		}
	case html.ErrorToken:
		return tbInBody(b)
	}
	if b.top().DataAtom != atom.Colgroup {
		return true
	}
	b.pop()
	b.im = tbInTable
	return false
}

// tbInTableBody is §13.2.6.4.13.
func tbInTableBody(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Tr:
			b.clearStackToContext(atom.Tbody)
			b.addElement()
			b.im = tbInRow
			return true
		case atom.Td, atom.Th:
			b.processImplied(html.StartTagToken, atom.Tr)
			return false
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			if b.popUntil(tbTableScope, atom.Tbody, atom.Thead, atom.Tfoot) {
				b.im = tbInTable
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(tbTableScope, b.tok.a) {
				b.clearStackToContext(atom.Tbody)
				b.pop()
				b.im = tbInTable
			}
			return true
		case atom.Table:
			if b.popUntil(tbTableScope, atom.Tbody, atom.Thead, atom.Tfoot) {
				b.im = tbInTable
				return false
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th, atom.Tr:
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	}
	return tbInTable(b)
}

// tbInRow is §13.2.6.4.14.
func tbInRow(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Td, atom.Th:
			b.clearStackToContext(atom.Tr)
			b.addElement()
			b.afe = append(b.afe, nil)
			b.im = tbInCell
			return true
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			return b.closeRow(false)
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Tr:
			return b.closeRow(true)
		case atom.Table:
			return b.closeRow(false)
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(tbTableScope, b.tok.a) {
				return b.closeRow(false)
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th:
			return true
		}
	}
	return tbInTable(b)
}

// closeRow closes the open tr, if one is in table scope, and returns to "in table
// body"; it returns consumed, or true when there is no tr (the token is ignored).
func (b *treeBuilder) closeRow(consumed bool) bool {
	if !b.inScope(tbTableScope, atom.Tr) {
		return true
	}
	b.clearStackToContext(atom.Tr)
	b.pop()
	b.im = tbInTableBody
	return consumed
}

// tbInCell is §13.2.6.4.15.
func tbInCell(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.StartTagToken:
		switch b.tok.a {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
			atom.Thead, atom.Tr:
			if b.popUntil(tbTableScope, atom.Td, atom.Th) {
				b.clearAFE()
				b.im = tbInRow
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch b.tok.a {
		case atom.Td, atom.Th:
			if !b.popUntil(tbTableScope, b.tok.a) {
				return true
			}
			b.clearAFE()
			b.im = tbInRow
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html:
			return true
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if !b.inScope(tbTableScope, b.tok.a) {
				return true
			}
			if b.popUntil(tbTableScope, atom.Td, atom.Th) {
				b.clearAFE()
			}
			b.im = tbInRow
			return false
		}
	}
	return tbInBody(b)
}

// tbAfterBody is §13.2.6.4.19.
func tbAfterBody(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if strings.TrimLeft(b.tok.data, tbWhitespace) == "" {
			return tbInBody(b)
		}
	case html.StartTagToken:
		if b.tok.a == atom.Html {
			return tbInBody(b)
		}
	case html.EndTagToken:
		if b.tok.a == atom.Html {
			b.im = tbAfterAfterBody
			return true
		}
	case html.CommentToken:
		if len(b.oe) < 1 || b.oe[0].DataAtom != atom.Html {
			b.fail("no html element after body")
		}
		appendChild(b.oe[0], b.newNode(html.CommentNode, 0, b.tok.data))
		return true
	}
	b.im = tbInBody
	return false
}

// tbAfterAfterBody is §13.2.6.4.22.
func tbAfterAfterBody(b *treeBuilder) bool {
	switch b.tok.tt {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if strings.TrimLeft(b.tok.data, tbWhitespace) == "" {
			return tbInBody(b)
		}
	case html.StartTagToken:
		if b.tok.a == atom.Html {
			return tbInBody(b)
		}
	case html.CommentToken:
		appendChild(b.doc, b.newNode(html.CommentNode, 0, b.tok.data))
		return true
	case html.DoctypeToken:
		return tbInBody(b)
	}
	b.im = tbInBody
	return false
}

// --- Foreign content: SVG and MathML (§13.2.6.5) ---

// inForeignContent reports whether the token is processed by the foreign content rules.
func (b *treeBuilder) inForeignContent() bool {
	if len(b.oe) == 0 {
		return false
	}
	n := b.top()
	if n.Namespace == "" {
		return false
	}
	tt := b.tok.tt
	if mathMLTextIntegrationPoint(n) {
		if tt == html.StartTagToken && b.tok.a != atom.Mglyph && b.tok.a != atom.Malignmark {
			return false
		}
		if tt == html.TextToken {
			return false
		}
	}
	if n.Namespace == "math" && n.DataAtom == atom.AnnotationXml && tt == html.StartTagToken && b.tok.a == atom.Svg {
		return false
	}
	if htmlIntegrationPoint(n) && (tt == html.StartTagToken || tt == html.TextToken) {
		return false
	}
	return tt != html.ErrorToken
}

func htmlIntegrationPoint(n *html.Node) bool {
	switch n.Namespace {
	case "math":
		if n.Data == "annotation-xml" {
			for _, a := range n.Attr {
				if a.Key == "encoding" && (strings.EqualFold(a.Val, "text/html") || strings.EqualFold(a.Val, "application/xhtml+xml")) {
					return true
				}
			}
		}
	case "svg":
		switch n.Data {
		case "desc", "foreignObject", "title":
			return true
		}
	}
	return false
}

func mathMLTextIntegrationPoint(n *html.Node) bool {
	if n.Namespace != "math" {
		return false
	}
	switch n.Data {
	case "mi", "mo", "mn", "ms", "mtext":
		return true
	}
	return false
}

// breaksOut reports whether an HTML start tag ends the foreign content it is in.
func breaksOut(name string) bool {
	switch name {
	case "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
		"em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
		"listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
		"strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var":
		return true
	}
	return false
}

// foreignContent processes a token inside svg or math.
func (b *treeBuilder) foreignContent() bool {
	switch b.tok.tt {
	case html.TextToken:
		b.addText(strings.ReplaceAll(b.tok.data, "\x00", "\ufffd"))
	case html.CommentToken:
		b.addComment()
	case html.StartTagToken:
		out := breaksOut(b.tok.name)
		if b.tok.a == atom.Font {
			for _, a := range b.tok.attr {
				if a.Key == "color" || a.Key == "face" || a.Key == "size" {
					out = true
					break
				}
			}
		}
		if out {
			for i := len(b.oe) - 1; i >= 0; i-- {
				if n := b.oe[i]; n.Namespace == "" || htmlIntegrationPoint(n) || mathMLTextIntegrationPoint(n) {
					b.truncate(i + 1)
					break
				}
			}
			return b.im(b)
		}
		ns := b.top().Namespace
		if ns != "svg" && ns != "math" {
			b.fail("unexpected namespace")
		}
		if ns == "svg" {
			b.tok.a, b.tok.name = svgTagName(b.tok.a, b.tok.name)
		}
		b.adjustForeignAttrs(ns)
		n := b.newNode(html.ElementNode, b.tok.a, b.tok.name)
		n.Namespace = ns
		n.Attr = b.tok.attr
		b.addChild(n)
		b.z.NextIsNotRawText()
		b.notRaw = true
		if b.tok.selfClosing {
			b.pop()
		}
	case html.EndTagToken:
		if strings.EqualFold(b.top().Data, b.tok.name) {
			b.pop()
			return true
		}
		for i := len(b.oe) - 1; i >= 0; i-- {
			if strings.EqualFold(b.oe[i].Data, b.tok.name) {
				b.truncate(i)
				return true
			}
			if i > 0 && b.oe[i-1].Namespace == "" {
				break
			}
		}
		return b.im(b)
	}
	return true
}

// The SVG tag name and the foreign attribute adjustments (camel case such as
// "foreignObject" and "viewBox", namespaced attributes such as "xlink:href") are learnt
// from html.Parse itself, once per name, and cached.
var foreignNames struct {
	sync.RWMutex
	tags  map[string]svgTag
	attrs map[foreignKey]html.Attribute // Val unused
}

type foreignKey struct{ ns, key string }

type svgTag struct {
	a    atom.Atom
	name string
}

// foreignNamesMax bounds each cache; names beyond it are looked up every time.
const foreignNamesMax = 4096

// svgTagName returns the atom and name html.Parse gives an element named name inside svg.
func svgTagName(a atom.Atom, name string) (atom.Atom, string) {
	foreignNames.RLock()
	t, ok := foreignNames.tags[name]
	foreignNames.RUnlock()
	if ok {
		return t.a, t.name
	}
	doc, err := html.Parse(strings.NewReader("<svg><" + name + ">"))
	t = svgTag{a, name}
	if err == nil {
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Namespace == "svg" && n.Parent != nil && n.Parent.Namespace == "svg" {
				t = svgTag{n.DataAtom, n.Data}
				break
			}
		}
	}
	if !strings.EqualFold(t.name, name) {
		t = svgTag{a, name} // not found as expected: keep the name (cannot happen)
	}
	foreignNames.Lock()
	if foreignNames.tags == nil {
		foreignNames.tags = map[string]svgTag{}
	}
	if len(foreignNames.tags) < foreignNamesMax {
		foreignNames.tags[strings.Clone(name)] = t
	}
	foreignNames.Unlock()
	return t.a, t.name
}

// adjustForeignAttrs adjusts the current tag's attribute names as html.Parse does on an
// element in namespace ns (svg or math).
func (b *treeBuilder) adjustForeignAttrs(ns string) {
	for i := range b.tok.attr {
		a := &b.tok.attr[i]
		adj, ok := foreignAttr(ns, a.Key)
		if !ok {
			b.fail("foreign attribute")
		}
		a.Namespace, a.Key = adj.Namespace, adj.Key
	}
}

// foreignAttr returns the namespace and key html.Parse gives attribute key on an ns
// element.
func foreignAttr(ns, key string) (html.Attribute, bool) {
	ck := foreignKey{ns, key}
	foreignNames.RLock()
	adj, ok := foreignNames.attrs[ck]
	foreignNames.RUnlock()
	if ok {
		return adj, true
	}
	doc, err := html.Parse(strings.NewReader("<" + ns + " " + key + "=\"\">"))
	if err != nil {
		return adj, false
	}
	found := false
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Namespace == ns {
			if len(n.Attr) != 1 || n.Attr[0].Val != "" {
				return adj, false
			}
			adj, found = html.Attribute{Namespace: n.Attr[0].Namespace, Key: n.Attr[0].Key}, true
			break
		}
	}
	if !found {
		return adj, false
	}
	foreignNames.Lock()
	if foreignNames.attrs == nil {
		foreignNames.attrs = map[foreignKey]html.Attribute{}
	}
	if len(foreignNames.attrs) < foreignNamesMax {
		foreignNames.attrs[foreignKey{ns, strings.Clone(key)}] = adj
	}
	foreignNames.Unlock()
	return adj, true
}
