package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/artclean/artclean/extract/internal/litjson"
)

// Next.js's app router sends the page to the browser a second time, as React Server
// Component "flight" data pushed from scripts: self.__next_f.push([1,"…"]), each string a
// piece of one text of rows such as
//
//	1a:["$","p",null,{"children":"A paragraph."}]
//	1b:T2c,<44 bytes of raw text>
//
// where a row is an element tree (["$", type, key, props]), a long text (T, with its
// length in bytes), an import or a hint, and a string "$1a" or "$L1a" stands for row 1a.
// A page whose body is rendered in the browser carries it only there: nextFlightBody reads
// the body back from the rows.

// flightMarker is what a script that pushes flight data holds.
const flightMarker = "__next_f.push("

// flightMinPara is the fewest runes of a paragraph that counts as prose when the flight
// tree's article container is chosen.
const flightMinPara = 40

// flightMaxLinkShare is the largest share of a flight block's text that may sit in links
// for the block to be body (above it, it is a menu or a list of other pages).
const flightMaxLinkShare = 0.5

// flightArticleShare is the least share of the tree's prose an <article> or <main> must
// hold to be taken as the article's container.
const flightArticleShare = 0.5

// flightRegionShare is the share of the tree's prose that the chosen container, the
// deepest one holding that much, must hold when no <article> or <main> does.
const flightRegionShare = 0.8

// flightBudget bounds the number of values visited in the flight rows.
const flightBudget = 400000

// flightChunks appends to dst the strings a script pushes as flight data, decoded.
func flightChunks(dst *strings.Builder, script string) {
	for {
		i := strings.Index(script, flightMarker)
		if i < 0 {
			return
		}
		script = script[i+len(flightMarker):]
		rest := strings.TrimLeft(script, " \t\r\n")
		if !strings.HasPrefix(rest, "[") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		// only type 1 carries rows (0 starts the stream, 2 is form state, 3 binary data)
		if !strings.HasPrefix(rest, "1") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if !strings.HasPrefix(rest, ",") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		s, n, ok := jsString(rest)
		if !ok {
			continue
		}
		dst.WriteString(s)
		script = rest[n:]
	}
}

// jsString decodes the JavaScript string literal at the start of s ('…' or "…") and
// returns it with the number of bytes the literal takes.
func jsString(s string) (string, int, bool) {
	if s == "" || s[0] != '"' && s[0] != '\'' {
		return "", 0, false
	}
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); {
		c := s[i]
		switch {
		case c == q:
			return b.String(), i + 1, true
		case c == '\n':
			return "", 0, false
		case c != '\\':
			j := i + 1
			for j < len(s) && s[j] != q && s[j] != '\\' && s[j] != '\n' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if i+1 >= len(s) {
			return "", 0, false
		}
		e := s[i+1]
		i += 2
		if c, ok := litjson.ControlEscape(e); ok {
			b.WriteByte(c)
			continue
		}
		switch e {
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\n': // a line continuation
		case '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case 'x':
			if i+2 > len(s) {
				return "", 0, false
			}
			v, err := strconv.ParseUint(s[i:i+2], 16, 8)
			if err != nil {
				return "", 0, false
			}
			b.WriteRune(rune(v))
			i += 2
		case 'u':
			r, n := jsUnicode(s[i:])
			if n == 0 {
				return "", 0, false
			}
			i += n
			// a pair of surrogates is one character
			if r >= 0xD800 && r < 0xDC00 && strings.HasPrefix(s[i:], `\u`) {
				if r2, n2 := jsUnicode(s[i+2:]); n2 > 0 && r2 >= 0xDC00 && r2 < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00)
					i += 2 + n2
				}
			}
			b.WriteRune(r)
		default:
			b.WriteByte(e)
		}
	}
	return "", 0, false
}

// jsUnicode reads the digits after \u: four hex digits or {hex digits}.
func jsUnicode(s string) (rune, int) {
	if strings.HasPrefix(s, "{") {
		j := strings.IndexByte(s, '}')
		if j < 2 || j > 7 {
			return 0, 0
		}
		v, err := strconv.ParseUint(s[1:j], 16, 32)
		if err != nil || v > utf8.MaxRune {
			return 0, 0
		}
		return rune(v), j + 1
	}
	if len(s) < 4 {
		return 0, 0
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), 4
}

// nextFlightRow reads the row at the start of s: its id, and its text (a T row) or its
// line (any other row; "" id for a line that is no row). ok is false at the end.
func nextFlightRow(s string) (id, text, line, rest string, ok bool) {
	if s == "" {
		return "", "", "", "", false
	}
	c := strings.IndexByte(s, ':')
	nl := strings.IndexByte(s, '\n')
	if c < 0 || nl >= 0 && nl < c || !isFlightID(s[:c]) {
		if nl < 0 {
			return "", "", s, "", true
		}
		return "", "", s[:nl], s[nl+1:], true
	}
	id, s = s[:c], s[c+1:]
	if len(s) > 0 && s[0] == 'T' {
		// T<hex length in bytes>,<text>
		if k := strings.IndexByte(s, ','); k > 0 {
			if n, err := strconv.ParseUint(s[1:k], 16, 32); err == nil {
				s = s[k+1:]
				n = min(n, uint64(len(s)))
				return id, s[:n], "", s[n:], true
			}
		}
	}
	if nl = strings.IndexByte(s, '\n'); nl >= 0 {
		return id, "", s[:nl], s[nl+1:], true
	}
	return id, "", s, "", true
}

// flightRows splits the flight text into its rows: id → the row's JSON (for element and
// value rows) or its text (for T rows). Imports, hints and other tagged rows are left out.
func flightRows(s string) (json map[string]string, text map[string]string) {
	json, text = map[string]string{}, map[string]string{}
	for len(s) > 0 {
		id, t, line, rest, ok := nextFlightRow(s)
		if !ok {
			break
		}
		s = rest
		switch {
		case id == "":
		case t != "":
			text[id] = t
		case line != "" && (line[0] == '[' || line[0] == '{' || line[0] == '"'):
			json[id] = line
		}
	}
	return
}

// isFlightID reports whether s is a row id: lower-case hex digits.
func isFlightID(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// flightReader renders the rows' element trees as blocks.
type flightReader struct {
	raw    map[string]string // row id → JSON not yet decoded
	text   map[string]string // row id → T row text
	parsed map[string]any
	active map[string]bool // rows being rendered: a reference back to one is a cycle
	budget int

	nodes  int           // element ids handed out; 0 is the root
	parent []int         // element id → its parent's id
	tags   []string      // element id → tag
	blocks []flightBlock // in tree order
	cur    strings.Builder
	links  int   // runes of cur inside links
	inLink int   // depth of <a> elements around the walk
	stack  []int // open block-level elements
	strs   []string
}

type flightBlock struct {
	kind  BlockKind
	text  string
	runes int
	links int
	owner int // the innermost block-level element holding it
}

// flightTags are the elements whose text makes one block, and its kind.
var flightTags = map[string]BlockKind{
	"p": BlockPara, "h1": BlockHeading, "h2": BlockHeading, "h3": BlockHeading, "h4": BlockHeading,
	"h5": BlockHeading, "h6": BlockHeading, "li": BlockItem, "blockquote": BlockQuote, "pre": BlockPara,
	"dd": BlockPara, "dt": BlockPara, "td": BlockPara, "th": BlockPara, "figcaption": BlockCaption,
	"div": BlockPara, "section": BlockPara, "article": BlockPara, "main": BlockPara, "ul": BlockPara,
	"ol": BlockPara, "table": BlockPara, "tr": BlockPara, "figure": BlockPara, "header": BlockPara,
	"dl": BlockPara, "details": BlockPara, "summary": BlockPara,
}

// flightSkip are the elements that hold no article text.
var flightSkip = map[string]bool{
	"script": true, "style": true, "link": true, "meta": true, "title": true, "noscript": true,
	"svg": true, "button": true, "form": true, "input": true, "select": true, "textarea": true,
	"iframe": true, "template": true, "head": true, "nav": true, "footer": true, "aside": true,
	"img": true, "picture": true, "video": true, "audio": true, "canvas": true, "dialog": true,
}

// flightSkipProps are the props of the router's own components that hold what is shown
// in place of the page (not found, an error) rather than the page.
var flightSkipProps = map[string]bool{
	"notFound": true, "forbidden": true, "unauthorized": true, "error": true,
	"errorStyles": true, "errorScripts": true, "loading": true, "fallback": true,
}

// nextFlightBody reads the article body out of the flight text: the paragraphs, headings
// and list items of the element trees, taken from the container that holds the page's
// prose (the largest <article> or <main> holding most of it, else the deepest element
// holding nearly all of it); or, where longer, a body an app's data holds as such (an
// HTML string, or paragraphs of prose, among its props). "" when there is none.
func nextFlightBody(flight string) string {
	if flight == "" {
		return ""
	}
	raw, text := flightRows(flight)
	if len(raw) == 0 {
		return ""
	}
	r := &flightReader{raw: raw, text: text, parsed: map[string]any{}, active: map[string]bool{}, budget: flightBudget}
	r.parent, r.tags = []int{-1}, []string{""}
	r.stack = []int{0}
	r.nodes = 1
	if _, ok := raw["0"]; ok {
		r.walk(r.row("0"), 0, false)
	} else {
		// without the root (a page cut short), each row is a tree of its own
		for _, id := range sortedKeys(raw) {
			if _, seen := r.parsed[id]; !seen {
				r.walk(r.row(id), 0, false)
			}
		}
	}
	r.flush()
	best := r.body()
	// a body the app's data holds as such
	for _, s := range r.strs {
		if b := htmlToParas(s); utf8.RuneCountInString(b) > utf8.RuneCountInString(best) {
			best = b
		}
	}
	return best
}

// flightFallbackShare is how much smaller than the text the flight data can hold the
// body from the page's blocks must be for the flight data to be read (see useEmbedded,
// which takes the flight body only where the blocks give less than half of it).
const flightFallbackShare = 0.5

// flightFallback reads the body out of the page's flight data, as the body its data
// declares, when the body from the page's blocks is small beside the text the flight data
// holds: decoding every row costs as much as reading the page again, and most pages that
// carry flight data render their body in the HTML too.
func flightFallback(doc *Document, body []*Block) {
	if doc.flight == "" || doc.Meta.Body != "" {
		return
	}
	n := 0
	for _, b := range body {
		if b.Role == RoleBody {
			n += b.Runes
		}
	}
	if float64(n) >= flightFallbackShare*float64(flightTextBound(doc.flight)) {
		return
	}
	doc.Meta.Body = nextFlightBody(doc.flight)
}

// flightTextBound tells, in one pass over the rows and no decoding, about how much text
// the flight data can render at most: its long texts, the strings its elements show (the
// values of "children" and the strings of arrays), and the long strings with paragraphs
// or markup that may be a body held as data.
func flightTextBound(s string) int {
	n := 0
	for len(s) > 0 {
		id, text, line, rest, ok := nextFlightRow(s)
		if !ok {
			break
		}
		s = rest
		switch {
		case id == "":
		case text != "":
			if textLike(text) {
				n += len(text)
			}
		case line != "" && (line[0] == '[' || line[0] == '{' || line[0] == '"'):
			n += shownStrings(line)
		}
	}
	return n
}

// shownStrings sums the bytes of the JSON strings in line that an element may show.
func shownStrings(line string) int {
	n := 0
	var stack []byte // '[' or '{' for each open container
	key, wantKey := "", false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '[', '{':
			stack = append(stack, c)
			wantKey = c == '{'
		case ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			wantKey = false
		case ',':
			wantKey = len(stack) > 0 && stack[len(stack)-1] == '{'
		case '"':
			j := i + 1
			for j < len(line) && line[j] != '"' {
				if line[j] == '\\' {
					j++
				}
				j++
			}
			str := line[i+1 : min(j, len(line))]
			i = j
			switch {
			case wantKey:
				key, wantKey = str, false
			case len(stack) == 0 || stack[len(stack)-1] == '[' || key == "children":
				n += len(str)
			case len(str) >= flightMinString && (strings.Contains(str, "</p>") || strings.Contains(str, `\n\n`)):
				n += len(str)
			}
		}
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// row ids are hex numbers: shorter first, then in order
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	return keys
}

// row decodes a row once; nil for one that does not decode.
func (r *flightReader) row(id string) any {
	if v, ok := r.parsed[id]; ok {
		return v
	}
	var v any
	if w, ok := litjson.Parse(r.raw[id], 2*maxJSONDepth); ok {
		v = w
	}
	r.parsed[id] = v
	return v
}

// ref resolves a reference string ("$1a", "$L1a", "$@1a") to its row's value; ok is false
// for a string that is no reference.
func (r *flightReader) ref(s string) (id string, ok bool) {
	if len(s) < 2 || s[0] != '$' {
		return "", false
	}
	t := s[1:]
	if t[0] == 'L' || t[0] == '@' {
		t = t[1:]
	}
	if !isFlightID(t) {
		return "", false
	}
	return t, true
}

// walk renders v. In data mode (the values of a component's props, or of any object)
// strings are not text shown to the reader but may be a body the app holds as such;
// elements found there are rendered all the same.
func (r *flightReader) walk(v any, depth int, data bool) {
	r.budget--
	if r.budget < 0 || depth > maxJSONDepth {
		return
	}
	switch x := v.(type) {
	case string:
		if id, ok := r.ref(x); ok {
			r.follow(id, depth, data)
			return
		}
		if strings.HasPrefix(x, "$") {
			if !strings.HasPrefix(x, "$$") {
				return // a symbol, "$undefined", a path into another row …
			}
			x = x[1:]
		}
		if data {
			r.propString(x)
		} else {
			r.addText(x)
		}
	case float64:
		if !data {
			r.addText(strconv.FormatFloat(x, 'f', -1, 64))
		}
	case []any:
		if len(x) == 4 && x[0] == "$" {
			if typ, ok := x[1].(string); ok {
				props, _ := x[3].(litjson.Object)
				r.element(typ, props, depth)
				return
			}
		}
		for _, e := range x {
			r.walk(e, depth+1, data)
		}
	case litjson.Object:
		for _, m := range x {
			r.walk(m.Val, depth+1, true)
		}
	}
}

// follow renders the row id stands for, in place.
func (r *flightReader) follow(id string, depth int, data bool) {
	if r.active[id] {
		return
	}
	if t, ok := r.text[id]; ok {
		if data {
			r.propString(t)
		} else {
			r.addText(t)
		}
		return
	}
	if _, ok := r.raw[id]; !ok {
		return
	}
	r.active[id] = true
	r.walk(r.row(id), depth+1, data)
	r.active[id] = false
}

func (r *flightReader) addText(s string) {
	if s == "" {
		return
	}
	r.cur.WriteString(s)
	if r.inLink > 0 {
		r.links += utf8.RuneCountInString(s)
	}
}

// element renders one element: an HTML tag, or a component whose props hold its content.
func (r *flightReader) element(typ string, props litjson.Object, depth int) {
	if props == nil {
		return
	}
	if h, _ := props.Get("hidden"); h == true {
		return
	}
	if strings.HasPrefix(typ, "$") {
		// a component (client, fragment, suspense …): its children, and its other props
		// as data; a script loader's children are code
		if _, ok := props.Get("strategy"); ok {
			return
		}
		for _, m := range props {
			if !flightSkipProps[m.Key] {
				r.walk(m.Val, depth+1, m.Key != "children")
			}
		}
		return
	}
	tag := strings.ToLower(typ)
	if flightSkip[tag] {
		return
	}
	if d, ok := props.Get("dangerouslySetInnerHTML"); ok {
		r.walk(d, depth+1, true)
	}
	children, _ := props.Get("children")
	if tag == "br" {
		r.cur.WriteByte('\n')
		return
	}
	kind, block := flightTags[tag]
	if !block {
		if tag == "a" {
			r.inLink++
		}
		r.walk(children, depth+1, false)
		if tag == "a" {
			r.inLink--
		}
		return
	}
	r.flush()
	id := r.nodes
	r.nodes++
	r.parent = append(r.parent, r.stack[len(r.stack)-1])
	r.tags = append(r.tags, tag)
	r.stack = append(r.stack, id)
	r.walk(children, depth+1, false)
	r.flushAs(kind)
	r.stack = r.stack[:len(r.stack)-1]
}

// propString keeps a string prop that may be a body: long, with markup or paragraphs.
func (r *flightReader) propString(s string) {
	if len(s) < flightMinString {
		return
	}
	if textLike(s) && (strings.Contains(s, "</p>") || proseParas(s)) {
		r.strs = append(r.strs, s)
	}
}

// textLike reports whether a long string may be text or HTML rather than JSON, a style
// sheet or a script: HTML starts with a tag; the others are known by their braces,
// semicolons and equals signs, of which prose has few.
func textLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0] == '{' || s[0] == '[' {
		return false
	}
	if s[0] == '<' {
		return true
	}
	head := s[:min(len(s), 2000)]
	code := 0
	for i := 0; i < len(head); i++ {
		switch head[i] {
		case '{', '}', ';', '=':
			code++
		}
	}
	return code*100 < flightMaxCodeShare*len(head)
}

// flightMaxCodeShare is the most braces, semicolons and equals signs per 100 bytes a
// string may hold and still be read as text.
const flightMaxCodeShare = 2

// flightMinString is the fewest bytes of a string among an app's data that may be a body.
const flightMinString = 200

// flightMinMeanPara is the least mean length in runes of the paragraphs of a plain string
// among an app's data for it to be read as a body (a query, a list of names or a piece of
// code has short lines).
const flightMinMeanPara = 60

// proseParas reports whether s is paragraphs of prose: at least two, long on average,
// most of them ending a sentence.
func proseParas(s string) bool {
	n, runes, ends := 0, 0, 0
	for p := range strings.SplitSeq(s, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		n++
		runes += utf8.RuneCountInString(p)
		if r, _ := utf8.DecodeLastRuneInString(p); strings.ContainsRune(".!?。…\"'”’)", r) {
			ends++
		}
	}
	return n >= 2 && runes >= flightMinMeanPara*n && ends*2 >= n
}

func (r *flightReader) flush() { r.flushAs(BlockPara) }

// flushAs ends the text gathered so far as a block of the given kind, owned by the
// innermost open block element.
func (r *flightReader) flushAs(kind BlockKind) {
	t := foldSpace(r.cur.String())
	links := r.links
	r.cur.Reset()
	r.links = 0
	if t == "" {
		return
	}
	r.blocks = append(r.blocks, flightBlock{kind: kind, text: t, runes: utf8.RuneCountInString(t), links: links, owner: r.stack[len(r.stack)-1]})
}

// body chooses the article's container and renders its blocks.
func (r *flightReader) body() string {
	prose := make([]int, r.nodes) // element id → runes of prose paragraphs inside
	total := 0
	for _, b := range r.blocks {
		if !r.prose(b) {
			continue
		}
		total += b.runes
		for e := b.owner; e >= 0; e = r.parent[e] {
			prose[e] += b.runes
		}
	}
	if total == 0 {
		return ""
	}
	box, boxProse := 0, 0
	for e := 1; e < r.nodes; e++ {
		if (r.tags[e] == "article" || r.tags[e] == "main") && prose[e] > boxProse &&
			float64(prose[e]) >= flightArticleShare*float64(total) {
			box, boxProse = e, prose[e]
		}
	}
	if box == 0 {
		// the deepest element holding nearly all the prose
		depth := func(e int) int {
			d := 0
			for ; e > 0; e = r.parent[e] {
				d++
			}
			return d
		}
		bestDepth := 0
		for e := 1; e < r.nodes; e++ {
			if float64(prose[e]) >= flightRegionShare*float64(total) {
				if d := depth(e); d > bestDepth {
					box, bestDepth = e, d
				}
			}
		}
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, blk := range r.blocks {
		// the headline is the article's title, not its body
		if !r.inside(blk.owner, box) || blk.kind == BlockCaption || r.tags[blk.owner] == "h1" ||
			float64(blk.links) > flightMaxLinkShare*float64(blk.runes) || seen[blk.text] {
			continue
		}
		seen[blk.text] = true
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk.text)
	}
	return b.String()
}

// prose reports whether a block counts toward choosing the container: a paragraph of
// some length, mostly not links.
func (r *flightReader) prose(b flightBlock) bool {
	return b.kind == BlockPara && b.runes >= flightMinPara && float64(b.links) <= flightMaxLinkShare*float64(b.runes)
}

func (r *flightReader) inside(e, box int) bool {
	for ; e >= 0; e = r.parent[e] {
		if e == box {
			return true
		}
	}
	return false
}
