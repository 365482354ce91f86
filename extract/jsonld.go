package extract

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ldInfo is what the page's JSON-LD says about its article. The first article-typed
// object (NewsArticle, Article, BlogPosting …) wins for each field.
type ldInfo struct {
	found    bool // an article object was seen
	title    string
	subtitle string
	// names are other names the page's data gives its article: the article object's own
	// name where it differs from its headline, and the last step of a breadcrumb trail.
	names     []string
	authors   []string
	published string
	modified  string
	site      string
	body      string
	// product: the page declares a schema.org Product (or ProductGroup); products are
	// the names it gives them (see productbox.go)
	product  bool
	products []string
}

// ldArticleTypes are the schema.org types whose headline is the page's article.
var ldArticleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "askpublicnewsarticle": true, "livebloposting": true,
	"liveblogposting": true, "techarticle": true, "scholarlyarticle": true, "report": true,
	"socialmediaposting": true, "posting": true, "videoobject": false,
}

// ldProductTypes are the schema.org types of a product a shop sells (see productbox.go).
var ldProductTypes = []string{"product", "productgroup", "productmodel", "individualproduct"}

// maxJSONDepth bounds the walk through decoded JSON.
const maxJSONDepth = 64

// add parses one JSON-LD script; broken JSON is repaired once (raw control characters in
// strings) and otherwise skipped.
func (ld *ldInfo) add(data string) {
	v, ok := decodeJSON(data)
	if !ok {
		return
	}
	ld.walk(v, 0)
}

// decodeJSON decodes the first JSON value in s, retrying once with raw control characters
// inside strings escaped (a common fault of hand-built JSON-LD).
func decodeJSON(s string) (any, bool) {
	s = strings.TrimSpace(s)
	// wrappers old pages put around script data: HTML comments, CDATA sections, and the
	// JavaScript comments that hide them ("//<![CDATA[", "/*<![CDATA[*/")
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"/*<![CDATA[*/", "/*]]>*/"}, {"<![CDATA[", "]]>"}} {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(s, w[0])), w[1]))
	}
	s = strings.TrimSuffix(s, ";")
	var v any
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&v); err == nil {
		return v, true
	}
	fixed := escapeControls(s)
	dec = json.NewDecoder(strings.NewReader(fixed))
	if err := dec.Decode(&v); err == nil {
		return v, true
	}
	return nil, false
}

// escapeControls escapes raw newlines, tabs and other control bytes inside JSON strings.
func escapeControls(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 64)
	in, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if in {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				in = false
			case c < 0x20:
				switch c {
				case '\n':
					b.WriteString(`\n`)
				case '\r':
					b.WriteString(`\r`)
				case '\t':
					b.WriteString(`\t`)
				}
				continue
			}
		} else if c == '"' {
			in = true
		}
		b.WriteByte(c)
	}
	return b.String()
}

func (ld *ldInfo) walk(v any, depth int) {
	if depth > maxJSONDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.walk(e, depth+1)
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			ld.article(x)
		} else if isType(x["@type"], "breadcrumblist") {
			ld.breadcrumb(x["itemListElement"])
		} else if isType(x["@type"], ldProductTypes...) {
			ld.product = true
			if n := str(x["name"]); n != "" && len(ld.products) < maxLDNames {
				ld.products = append(ld.products, n)
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "breadcrumb"} {
			if e, ok := x[k]; ok {
				ld.walk(e, depth+1)
			}
		}
	}
}

func isType(t any, names ...string) bool {
	return anyType(t, func(s string) bool {
		for _, n := range names {
			if s == n {
				return true
			}
		}
		return false
	})
}

func isArticleType(t any) bool {
	return anyType(t, func(s string) bool { return ldArticleTypes[s] })
}

// anyType reports whether a JSON-LD @type (a string or a list of them), lower-cased and
// without the schema.org prefix, satisfies match.
func anyType(t any, match func(string) bool) bool {
	check := func(s string) bool {
		return match(strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(s, "http://schema.org/"), "https://schema.org/")))
	}
	switch x := t.(type) {
	case string:
		return check(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && check(s) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return clean(x)
	case []any:
		for _, e := range x {
			if s := str(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := str(x["@value"]); s != "" {
			return s
		}
	}
	return ""
}

// article takes the fields of one article object.
func (ld *ldInfo) article(x map[string]any) {
	ld.found = true
	if ld.title == "" {
		setFirst(&ld.title, x, "headline", "name")
		if n := str(x["name"]); n != "" && n != ld.title && len(ld.names) < maxLDNames {
			ld.names = append(ld.names, n)
		}
	}
	setFirst(&ld.subtitle, x, "alternativeHeadline")
	setFirst(&ld.published, x, "datePublished", "dateCreated")
	setFirst(&ld.modified, x, "dateModified")
	if ld.site == "" {
		ld.site = ldName(x["publisher"])
	}
	if len(ld.authors) == 0 {
		ld.authors = ldAuthors(x["author"], 0)
		if len(ld.authors) == 0 {
			ld.authors = ldAuthors(x["creator"], 0)
		}
	}
	if ld.body == "" {
		if s, ok := x["articleBody"].(string); ok {
			ld.body = s
		} else if s, ok := x["text"].(string); ok && len(s) > 200 {
			ld.body = s
		}
	}
}

// maxLDNames bounds the names kept from a page's JSON-LD.
const maxLDNames = 8

// breadcrumb keeps the name of a breadcrumb trail's last step, which is the page itself.
func (ld *ldInfo) breadcrumb(v any) {
	items, ok := v.([]any)
	if !ok || len(items) == 0 || len(ld.names) >= maxLDNames {
		return
	}
	last, lastPos := "", -1.0
	for i, e := range items {
		x, ok := e.(map[string]any)
		if !ok {
			continue
		}
		pos := float64(i)
		switch p := x["position"].(type) {
		case float64:
			pos = p
		case string:
			if f, err := strconv.ParseFloat(strings.TrimSpace(p), 64); err == nil {
				pos = f
			}
		}
		if pos < lastPos {
			continue
		}
		n := str(x["name"])
		if n == "" {
			if it, ok := x["item"].(map[string]any); ok {
				n = str(it["name"])
			}
		}
		last, lastPos = n, pos
	}
	if last != "" {
		ld.names = append(ld.names, last)
	}
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return clean(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		for _, e := range x {
			if s := ldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldAuthors reads author names: a string, a Person/Organization object, or an array.
func ldAuthors(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return nil
		}
		return splitAuthors(x)
	case map[string]any:
		if n := str(x["name"]); n != "" && !strings.Contains(n, "://") {
			return []string{n}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldAuthors(e, depth+1)...)
		}
		return out
	}
	return nil
}

// scriptData is what an app's embedded data says of its article.
type scriptData struct {
	body      string
	published string
	authors   []string
}

// nextData reads Next.js's __NEXT_DATA__ JSON.
func nextData(data string) scriptData {
	v, ok := decodeJSON(data)
	if !ok {
		return scriptData{}
	}
	return dataArticle(v)
}

// fusionData reads Arc/Fusion's "Fusion.globalContent = {...};" script.
func fusionData(script string) scriptData {
	i := strings.Index(script, "Fusion.globalContent")
	if i < 0 {
		return scriptData{}
	}
	rest := script[i+len("Fusion.globalContent"):]
	j := strings.IndexByte(rest, '=')
	if j < 0 || strings.TrimSpace(rest[:j]) != "" {
		return scriptData{}
	}
	rest = strings.TrimSpace(rest[j+1:])
	if !strings.HasPrefix(rest, "{") {
		return scriptData{}
	}
	var v any
	if err := json.NewDecoder(strings.NewReader(rest)).Decode(&v); err != nil {
		return scriptData{}
	}
	return dataArticle(v)
}

// Keys under which apps keep an article's publication time and authors.
var (
	dataTimeKeys   = []string{"datePublished", "publishedAt", "published_at", "publishDate", "publish_date", "firstPublished", "first_publish_date", "publicationDate", "displayDate", "display_date"}
	dataAuthorKeys = []string{"authors", "author", "byline", "credits"}
)

// dataArticle walks app data for the article: the longest list of text elements (Arc's
// content_elements, or any list of {type: paragraph|text|header, text|content}), else the
// longest articleBody string; and, in the object that holds the body, its time and authors.
func dataArticle(v any) scriptData {
	var out scriptData
	best := 0
	var articleBody string
	budget := 200000
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		budget--
		if depth > maxJSONDepth || budget < 0 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			// in key order: ties between equal-length bodies, and where the budget runs
			// out, must not depend on map order
			for _, k := range slices.Sorted(maps.Keys(x)) {
				e := x[k]
				if arr, ok := e.([]any); ok {
					if t := contentElements(arr); len(t) > best {
						best = len(t)
						out.body = t
						out.published, out.authors = dataMeta(x)
					}
				}
				if k == "articleBody" {
					if s, ok := e.(string); ok && len(s) > len(articleBody) {
						articleBody = s
					}
				}
				walk(e, depth+1)
			}
		}
	}
	walk(v, 0)
	if out.body == "" && articleBody != "" {
		out.body = htmlToParas(articleBody)
	}
	return out
}

// dataMeta reads the time and authors of an article object.
func dataMeta(x map[string]any) (published string, authors []string) {
	for _, k := range dataTimeKeys {
		if s, ok := x[k].(string); ok && s != "" {
			published = s
			break
		}
	}
	for _, k := range dataAuthorKeys {
		if a := ldAuthors(x[k], 0); len(a) > 0 {
			authors = a
			break
		}
	}
	return
}

// contentElements renders Arc content elements — text, header and list items — as
// paragraphs separated by blank lines; other elements (images, embeds, ads) are skipped.
func contentElements(arr []any) string {
	var b strings.Builder
	add := func(s string) {
		s = htmlToParas(s)
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	for _, e := range arr {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		typ, _ := m["type"].(string)
		switch typ {
		case "text", "header", "paragraph", "heading", "p", "h2", "h3":
			for _, key := range []string{"content", "text", "html", "value"} {
				if s, ok := m[key].(string); ok {
					add(s)
					break
				}
			}
		case "list":
			if items, ok := m["items"].([]any); ok {
				for _, it := range items {
					if im, ok := it.(map[string]any); ok {
						if s, ok := im["content"].(string); ok {
							add(s)
						}
					}
				}
			}
		}
	}
	return b.String()
}

// setFirst fills an empty field from the first of keys that holds a value.
func setFirst(field *string, x map[string]any, keys ...string) {
	for _, k := range keys {
		if *field != "" {
			return
		}
		*field = str(x[k])
	}
}
