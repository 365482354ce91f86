package extract

import (
	"html"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// metaState gathers what a page declares about itself during the walk; finishMeta
// resolves it into Document.Meta.
type metaState struct {
	pageTitle  string
	htmlLang   string
	base       string
	canonical  string
	metas      map[string]string // first value of each <meta name|property|http-equiv> (lower-case key)
	ogImages   []string
	metaAuthor []string // meta name=author, article:author values
	relAuthors []string
	itemPub    string
	itemMod    string
	timeArt    string // first <time datetime> inside the article
	timeAny    string
	// dataPub and dataMod are the first machine-readable times in data attributes
	// (data-date-time="2025-02-06 15:15:02", data-modify-date="…"), which the element
	// showing a time to the reader often carries with more precision than it shows.
	dataPub, dataMod string
	h1Art            string
	h1Any            string
	ld               ldInfo
	itemProduct      bool // an element's itemtype is a schema.org Product
	nextData         string
	fusion           string
	// flight gathers the decoded strings Next.js app-router scripts push
	// (self.__next_f.push([1,"…"])), in page order
	flight strings.Builder
	// shopScripts are the scripts that write prices, for the product-list fallback
	// (productlist.go)
	shopScripts []string
}

func (m *metaState) init() { m.metas = map[string]string{} }

func (m *metaState) title(n *xhtml.Node) {
	if m.pageTitle != "" {
		return
	}
	var b strings.Builder
	appendNodeText(&b, n)
	m.pageTitle = strings.TrimSpace(b.String())
}

func (m *metaState) metaTag(n *xhtml.Node) {
	var key, content, itemprop string
	hasContent := false
	for _, a := range n.Attr {
		switch a.Key {
		case "name", "property", "http-equiv":
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(a.Val))
			}
		case "itemprop":
			itemprop = a.Val
		case "content":
			content = strings.TrimSpace(a.Val)
			hasContent = true
		}
	}
	if !hasContent || content == "" {
		return
	}
	if itemprop != "" {
		m.itempropValue(itemprop, content)
	}
	if key == "" {
		return
	}
	switch key {
	case "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src":
		if key == "og:image" || len(m.ogImages) == 0 {
			m.ogImages = append(m.ogImages, content)
		}
	case "author", "article:author", "og:article:author", "byl", "dc.creator", "sailthru.author", "parsely-author":
		m.metaAuthor = append(m.metaAuthor, content)
	}
	if _, ok := m.metas[key]; !ok {
		m.metas[key] = content
	}
}

func (m *metaState) linkTag(n *xhtml.Node) {
	rel := " " + strings.ToLower(attr(n, "rel")) + " "
	href := strings.TrimSpace(attr(n, "href"))
	if href == "" {
		return
	}
	if strings.Contains(rel, " canonical ") && m.canonical == "" {
		m.canonical = href
	}
}

func (m *metaState) itemprop(n *xhtml.Node, prop string) {
	v := attr(n, "content")
	if v == "" {
		v = attr(n, "datetime")
	}
	if v != "" && n.Data != "meta" {
		m.itempropValue(prop, v)
	}
}

func (m *metaState) itempropValue(prop, v string) {
	for p := range strings.FieldsSeq(prop) {
		switch p {
		case "datePublished":
			if m.itemPub == "" {
				m.itemPub = v
			}
		case "dateModified":
			if m.itemMod == "" {
				m.itemMod = v
			}
		}
	}
}

// dataDate takes a data attribute naming a date (data-date-time, data-published-date,
// data-modify-date …) whose value is a full date with a time of day.
func (m *metaState) dataDate(key, v string) {
	k := key[len("data-"):]
	if !strings.Contains(k, "date") && !strings.Contains(k, "publish") {
		return
	}
	v = strings.TrimSpace(v)
	if len(v) < 16 || len(v) > 40 {
		return
	}
	if _, hasTime, ok := normalizeDate(v, false); !ok || !hasTime {
		return
	}
	modified := strings.Contains(k, "modif") || strings.Contains(k, "updat")
	switch {
	case modified && m.dataMod == "":
		m.dataMod = v
	case !modified && m.dataPub == "":
		m.dataPub = v
	}
}

func (m *metaState) timeTag(v string, inArticle bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if inArticle && m.timeArt == "" {
		m.timeArt = v
	}
	if m.timeAny == "" {
		m.timeAny = v
	}
}

func (m *metaState) relAuthor(n *xhtml.Node) {
	var b strings.Builder
	appendNodeText(&b, n)
	if t := strings.TrimSpace(b.String()); t != "" && len(m.relAuthors) < 8 {
		m.relAuthors = append(m.relAuthors, t)
	}
}

func (m *metaState) h1(text string, inArticle, hidden bool) {
	if hidden {
		return
	}
	if inArticle && m.h1Art == "" {
		m.h1Art = text
	}
	if m.h1Any == "" {
		m.h1Any = text
	}
}

// script reads the scripts that carry metadata or a body: JSON-LD, Next.js __NEXT_DATA__
// and app-router flight data, and Arc/Fusion's globalContent.
func (m *metaState) script(n *xhtml.Node) {
	if n.FirstChild == nil {
		return
	}
	data := n.FirstChild.Data
	typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	switch {
	case typ == "application/ld+json":
		m.ld.add(data)
	case attr(n, "id") == "__NEXT_DATA__":
		if m.nextData == "" {
			m.nextData = data
		}
	case m.fusion == "" && strings.Contains(data, "Fusion.globalContent"):
		m.fusion = data
	case strings.Contains(data, flightMarker):
		flightChunks(&m.flight, data)
	case len(m.shopScripts) < productListMaxScripts && strings.Contains(data, `"price`):
		m.shopScripts = append(m.shopScripts, data)
	}
}

// finishMeta resolves the gathered declarations into Document.Meta, and resolves image
// addresses against the page's base URL.
func (sg *segmenter) finishMeta() {
	m := &sg.meta
	doc := sg.doc
	meta := &doc.Meta
	doc.Hangul = sg.letters > 0 && sg.hangul*2 > sg.letters

	// Language.
	meta.Lang = bcp47(m.lang())
	korean := strings.HasPrefix(strings.ToLower(meta.Lang), "ko") ||
		strings.HasPrefix(strings.ToLower(m.get("og:locale")), "ko") || doc.Hangul

	images := sg.resolveURLs()

	meta.PageTitle = m.pageTitle
	meta.Site = firstNonEmpty(clean(m.get("og:site_name")), m.ld.site, clean(m.get("application-name")))
	meta.Desc = clean(firstNonEmpty(m.get("description"), m.get("og:description"), m.get("twitter:description")))
	meta.Title = m.headline(meta.Site)
	if m.ld.subtitle != "" && m.ld.subtitle != meta.Title {
		meta.Subtitles = append(meta.Subtitles, m.ld.subtitle)
	}

	// An article object in a script's data (Next.js, Arc/Fusion): its body, time and authors.
	var sd scriptData
	if m.nextData != "" {
		sd = nextData(m.nextData)
	}
	if sd.body == "" && m.fusion != "" {
		sd = fusionData(m.fusion)
	}
	meta.Authors = cleanAuthors(m.authors(sd.authors))
	meta.Published, meta.Modified = m.times(korean, sd.published)

	// Images.
	seen := map[string]bool{}
	for _, src := range m.ogImages {
		src = images.resolve(src)
		if src != "" && !seen[src] {
			seen[src] = true
			meta.Images = append(meta.Images, Image{Src: src})
		}
	}

	// A product declared (see productbox.go).
	doc.product, doc.productNames = m.ld.product || m.itemProduct, m.ld.products

	// A body declared in data.
	switch {
	case m.ld.body != "":
		meta.Body = htmlToParas(m.ld.body)
	}
	if meta.Body == "" {
		meta.Body = sd.body
	}
	if meta.Body == "" {
		// read only when the page's blocks give too little (see flightFallback)
		doc.flight = m.flight.String()
		doc.shopScripts = m.shopScripts
	}
}

// get is the first non-empty <meta> value among keys.
func (m *metaState) get(keys ...string) string {
	for _, k := range keys {
		if v := m.metas[k]; v != "" {
			return v
		}
	}
	return ""
}

// lang is the page's declared language, as written.
func (m *metaState) lang() string {
	if m.htmlLang != "" {
		return m.htmlLang
	}
	return m.get("og:locale", "content-language", "language", "dc.language")
}

// resolveURLs sets the page's URL (canonical, og:url, else --url) and resolves its
// images' addresses against the page's base; it returns the resolver of that base.
func (sg *segmenter) resolveURLs() urlResolver {
	m, meta := &sg.meta, &sg.doc.Meta
	pageURL := sg.opts.URL
	meta.URL = resolveURL(pageURL, firstNonEmpty(m.canonical, m.get("og:url")))
	if meta.URL == "" {
		meta.URL = pageURL
	}
	base := pageURL
	if base == "" {
		base = meta.URL
	}
	if m.base != "" {
		base = resolveURL(base, m.base)
	}
	images := newURLResolver(base)
	for _, b := range sg.doc.Blocks {
		if b.Image != nil {
			b.Image.Src = images.resolve(b.Image.Src)
		}
	}
	return images
}

// headline is the title the page declares: its JSON-LD headline, Open Graph's title, its
// article's <h1> or its <title>, with the site's name and kickers handled.
func (m *metaState) headline(site string) string {
	og := clean(firstNonEmpty(m.get("og:title"), m.get("twitter:title")))
	pt := clean(m.pageTitle)
	var title string
	switch {
	case m.ld.title != "":
		title = stripSiteName(m.ld.title, site, false)
		if t := strings.TrimRight(title, "….  "); t != title && strings.HasPrefix(og, t) {
			title = og
		}
		title = dropTitleSuffix(title, pt)
		// Open Graph's title replaces the headline where the two differ only by a kicker
		// the headline carries; where the page's data names its article as og:title does
		// (the article's own name, a breadcrumb's last step: two declarations against
		// one); and where they are the same words joined otherwise and the <title> writes
		// them as og:title does.
		if og != title && (kickerOf(title, og) || slices.Contains(m.ld.names, og) ||
			sameWords(title, og) && dropTitleSuffix(pt, og) == og) {
			title = og
		}
	case og != "":
		title = dropTitleSuffix(stripSiteName(og, site, false), pt)
	case m.h1Art != "":
		title = m.h1Art
	case m.pageTitle != "":
		title = stripSiteName(clean(m.pageTitle), site, true)
	default:
		title = m.h1Any
	}
	title = dropPipeTail(title)
	title = h1Kicker(title, og, firstNonEmpty(m.h1Art, m.h1Any))
	if title == "" && m.pageTitle != "" {
		title = stripSiteName(clean(m.pageTitle), site, true)
	}
	return title
}

// authors are the page's declared authors: JSON-LD's, else <meta name="author"> (not
// a link), else rel=author links, else those of the script data (fromData).
func (m *metaState) authors(fromData []string) []string {
	var authors []string
	authors = append(authors, m.ld.authors...)
	if len(authors) == 0 {
		for _, a := range m.metaAuthor {
			if strings.Contains(a, "://") || strings.HasPrefix(a, "/") {
				continue
			}
			authors = append(authors, splitAuthors(a)...)
		}
	}
	if len(authors) == 0 {
		for _, a := range m.relAuthors {
			authors = append(authors, splitAuthors(a)...)
		}
	}
	if len(authors) == 0 {
		authors = fromData
	}
	return authors
}

// times are the page's declared publication and modification times, in the order of
// trust of their sources (fromData: the script data's publication time).
func (m *metaState) times(korean bool, fromData string) (published, modified string) {
	get := m.get
	published = pickDate(korean, m.ld.published, get("article:published_time"), get("article:published:time"),
		get("og:article:published_time"), get("article.published"), get("pubdate"),
		get("publishdate"), get("publish-date"), get("date"), get("dc.date"), get("dc.date.issued"),
		get("dcterms.created"), get("parsely-pub-date"), get("sailthru.date"), get("article:published"),
		m.itemPub, m.timeArt, fromData, m.dataPub)
	modified = pickDate(korean, m.ld.modified, get("article:modified_time"), get("article:modified:time"),
		get("og:article:modified_time"), get("og:updated_time"), get("lastmod"),
		get("dcterms.modified"), m.itemMod, m.dataMod)
	return published, modified
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// clean unescapes entities left in a declared value and folds its white space.
func clean(s string) string {
	if s == "" {
		return ""
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// resolveURL resolves ref against base; it returns ref as it is when either does not parse.
func resolveURL(base, ref string) string { return newURLResolver(base).resolve(ref) }

// urlResolver resolves references against one base, parsed once.
type urlResolver struct {
	base string
	u    *url.URL // nil when base is empty or does not parse
}

func newURLResolver(base string) urlResolver {
	r := urlResolver{base: base}
	if base != "" {
		if u, err := url.Parse(base); err == nil {
			r.u = u
		}
	}
	return r
}

func (rs urlResolver) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "data:") {
		return ref
	}
	if strings.HasPrefix(ref, "//") && rs.base == "" {
		return "https:" + ref
	}
	if rs.u == nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return rs.u.ResolveReference(r).String()
}

// bcp47 turns "ko_KR", "ko-kr", "en-US" into BCP 47 form ("ko-KR").
func bcp47(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "_", "-")
	parts := strings.Split(s, "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 2:
			parts[i] = strings.ToUpper(parts[i])
		case 4:
			parts[i] = strings.ToUpper(parts[i][:1]) + strings.ToLower(parts[i][1:])
		default:
			parts[i] = strings.ToLower(parts[i])
		}
	}
	return strings.Join(parts, "-")
}

// kickerOf reports whether title is headline with a kicker in front ("Kicker: headline"):
// a few words (at most kickerMaxWords) and a colon before the whole of headline. Where
// the JSON-LD headline carries the kicker the page shows above its headline and Open
// Graph's title does not, the headline is the title.
func kickerOf(title, headline string) bool {
	k, ok := strings.CutSuffix(title, ": "+headline)
	return ok && headline != "" && k != "" && len(strings.Fields(k)) <= kickerMaxWords
}

// wordsOf splits s into its runs of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// sameWords reports whether a and b are the same words in the same order, whatever
// punctuation joins them ("Kicker - Headline" and "Kicker: Headline").
func sameWords(a, b string) bool {
	return slices.Equal(wordsOf(a), wordsOf(b))
}

// kickerSeparators join a kicker to the headline after it.
var kickerSeparators = []string{": ", " - ", " – ", " — ", " | ", " / "}

// splitKicker splits "Kicker: headline" at its first kicker separator, when what is in
// front is a label of at most kickerMaxWords words.
func splitKicker(t string) (kicker, headline string, ok bool) {
	best := -1
	var sep string
	for _, s := range kickerSeparators {
		if i := strings.Index(t, s); i > 0 && (best < 0 || i < best) {
			best, sep = i, s
		}
	}
	if best < 0 {
		return "", "", false
	}
	kicker, headline = t[:best], strings.TrimSpace(t[best+len(sep):])
	return kicker, headline, headline != "" && len(strings.Fields(kicker)) <= kickerMaxWords
}

// h1Kicker settles a title's kicker by the page's visible headline (h1), which shows the
// kicker the page itself puts above it:
//   - og:title is the title with a kicker in front and the h1 shows that kicker too: the
//     kicker belongs to the title, so og:title;
//   - the title has one kicker and the h1 another over the same headline: neither
//     belongs to it, so the headline alone.
func h1Kicker(title, og, h1 string) string {
	if h1 == "" || title == "" {
		return title
	}
	if k, rest, ok := splitKicker(og); ok && rest == title && strings.HasPrefix(h1, k) {
		return og
	}
	if strings.HasSuffix(h1, title) {
		return title
	}
	if k, rest, ok := splitKicker(title); ok && strings.HasSuffix(h1, rest) {
		k2 := strings.TrimSpace(strings.TrimSuffix(h1, rest))
		if k2 != "" && len(strings.Fields(k2)) <= kickerMaxWords && !shareWords(k, k2) {
			return rest
		}
	}
	return title
}

// shareWords reports whether a and b have a word in common, ignoring case.
func shareWords(a, b string) bool {
	bw := wordsOf(strings.ToLower(b))
	for _, w := range wordsOf(strings.ToLower(a)) {
		if slices.Contains(bw, w) {
			return true
		}
	}
	return false
}

// kickerMaxWords is the longest kicker kickerOf takes: a kicker is a label of a few
// words (a topic, a place, a quote), not a sentence.
const kickerMaxWords = 6

// titleSeparators split a page title from a site name (research doc, trafilatura).
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " < ", "｜", " · ", " » ", " : "}

// stripSiteName removes a site name from a title: a part before or after a separator
// that matches the site name, or (loose) a shorter last part.
func stripSiteName(t, site string, loose bool) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	ns := norm(site)
	matches := func(part string) bool {
		np := norm(part)
		if ns == "" || np == "" {
			return false
		}
		return np == ns || strings.Contains(np, ns) && utf8.RuneCountInString(np) <= utf8.RuneCountInString(ns)+12 ||
			strings.Contains(ns, np)
	}
	for _, sep := range titleSeparators {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if head == "" {
			continue
		}
		if matches(tail) {
			return head
		}
		if j := strings.Index(t, sep); j > 0 && matches(t[:j]) {
			return strings.TrimSpace(t[j+len(sep):])
		}
		if loose && sep != " : " && utf8.RuneCountInString(tail) < utf8.RuneCountInString(head) &&
			utf8.RuneCountInString(tail) <= 40 {
			return head
		}
	}
	return t
}

// dropTitleSuffix returns the page's <title> when a declared title is that <title> plus
// a separator and a suffix (a site or section name the <title> left out).
func dropTitleSuffix(t, pageTitle string) string {
	if pageTitle == "" || len(t) <= len(pageTitle) || !strings.HasPrefix(t, pageTitle) {
		return t
	}
	rest := t[len(pageTitle):]
	for _, sep := range titleSeparators {
		if strings.HasPrefix(rest, sep) {
			return pageTitle
		}
	}
	return t
}

// splitAuthors splits one declared author value into names.
func splitAuthors(s string) []string {
	s = clean(s)
	f := func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '·' || r == '/' || r == '、' }
	var out []string
	for p := range strings.FieldsFuncSeq(s, f) {
		for q := range strings.SplitSeq(p, " and ") {
			for r := range strings.SplitSeq(q, " & ") {
				out = append(out, r)
			}
		}
	}
	return out
}

// authorTitles are job titles written after a Korean reporter's name.
var authorTitles = []string{"선임기자", "전문기자", "인턴기자", "객원기자", "수습기자", "기자", "특파원", "논설위원", "칼럼니스트", "앵커", "PD"}

// cleanAuthor keeps the name of one author value: no "By", e-mail, URL or job title.
func cleanAuthor(s string) string {
	s = clean(s)
	var kept []string
	for _, w := range strings.Fields(s) {
		if strings.Contains(w, "@") || strings.Contains(w, "://") {
			continue
		}
		kept = append(kept, w)
	}
	s = strings.Join(kept, " ")
	s = strings.Trim(s, " ()[]<>=,;:|-")
	for _, p := range []string{"By ", "by ", "BY ", "Von ", "von ", "Par ", "Por ", "글 ", "글=", "사진 "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, t := range authorTitles {
		if strings.HasSuffix(s, t) {
			s = strings.TrimSpace(strings.TrimSuffix(s, t))
			break
		}
	}
	s = strings.Trim(s, " ()[]<>=,;:|-")
	if utf8.RuneCountInString(s) > 60 || utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

func cleanAuthors(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, a := range in {
		a = cleanAuthor(a)
		k := strings.ToLower(a)
		if a == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// htmlToParas turns a declared body (plain text with newlines, or HTML) into paragraphs
// separated by blank lines.
func htmlToParas(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	s = html.UnescapeString(s)
	var b strings.Builder
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l)
	}
	return b.String()
}

// stripTags removes HTML tags from s, turning block tags and <br> into newlines.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' {
			b.WriteByte(c)
			i++
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		tag := strings.ToLower(strings.TrimLeft(s[i+1:i+j], "/ "))
		if k := strings.IndexAny(tag, " \t\n/"); k >= 0 {
			tag = tag[:k]
		}
		switch tag {
		case "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "tr", "figure", "figcaption", "section":
			b.WriteByte('\n')
		}
		i += j + 1
	}
	return b.String()
}

// dropPipeTail removes " | Section | Site | date" tails from a declared title: parts after
// " | " that are short labels, when what is before is a headline of several words.
func dropPipeTail(t string) string {
	for _, sep := range []string{" | ", " < ", " :: ", " » "} {
		parts := strings.Split(t, sep)
		if len(parts) < 2 || len(strings.Fields(parts[0])) < 4 {
			continue
		}
		short := true
		for _, p := range parts[1:] {
			if len(strings.Fields(p)) > 3 {
				short = false
			}
		}
		if short {
			return strings.TrimSpace(parts[0])
		}
	}
	return t
}
