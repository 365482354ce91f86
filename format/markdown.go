package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/artclean/artclean/extract"
)

// The md document: YAML front matter, "# title", one bold paragraph per subtitle, then the
// body. Subtitles are bold rather than "> " quotes so that a real block quote at the top of
// the body stays distinguishable from the deck.

func renderMarkdown(w io.Writer, a *extract.Article, opts Options) error {
	var parts []string
	if !opts.NoFrontMatter {
		if fm := frontMatter(a); fm != "" {
			parts = append(parts, fm)
		}
	}
	if t := oneLine(a.Title); t != "" {
		parts = append(parts, "# "+headingText(t))
	}
	for _, s := range a.Subtitles {
		if s = oneLine(s); s != "" {
			parts = append(parts, "**"+inline(s)+"**")
		}
	}
	if body := Markdown(a); body != "" {
		parts = append(parts, body)
	}
	if len(parts) == 0 {
		return nil
	}
	return writeString(w, strings.Join(parts, "\n\n")+"\n")
}

// frontMatter is the metadata as a YAML block between --- lines, empty fields left out.
// Every string is double-quoted, so no value can turn into a number, a date, a boolean or
// YAML syntax.
func frontMatter(a *extract.Article) string {
	var b strings.Builder
	scalar := func(key, val string) {
		if val = strings.TrimSpace(val); val != "" {
			fmt.Fprintf(&b, "%s: %s\n", key, yamlQuote(val))
		}
	}
	list := func(key string, vals []string) {
		var kept []string
		for _, v := range vals {
			if v = strings.TrimSpace(v); v != "" {
				kept = append(kept, v)
			}
		}
		if len(kept) == 0 {
			return
		}
		b.WriteString(key + ":\n")
		for _, v := range kept {
			b.WriteString("  - " + yamlQuote(v) + "\n")
		}
	}
	scalar("title", a.Title)
	list("subtitles", a.Subtitles)
	list("authors", a.Authors)
	scalar("published", a.Published)
	scalar("modified", a.Modified)
	scalar("site", a.Site)
	scalar("url", a.URL)
	scalar("lang", a.Lang)
	if b.Len() == 0 {
		return ""
	}
	return "---\n" + b.String() + "---"
}

// yamlQuote returns s as a YAML double-quoted scalar.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == 0x85:
			b.WriteString(`\N`)
		case r == 0x2028:
			b.WriteString(`\L`)
		case r == 0x2029:
			b.WriteString(`\P`)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == 0xFEFF:
			b.WriteString(`\uFEFF`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Markdown returns the body of a as Markdown: headings from "##" down (the title owns "#"),
// nested lists, quotes, fenced code, pipe tables, images followed by their captions in
// italics, caption blocks as italic lines. Text is escaped so that it reads as it is:
// nothing in it can become markup or raw HTML.
func Markdown(a *extract.Article) string {
	if a == nil {
		return ""
	}
	var m mdBody
	for _, b := range a.Body {
		if b != nil {
			m.block(b)
		}
	}
	return m.b.String()
}

// mdBody writes body blocks one after another, tracking the lists it is inside.
type mdBody struct {
	b        strings.Builder
	lastItem bool   // the previous block written was a list item
	counters []int  // per list depth: the number of the last ordered item
	ordered  []bool // per list depth: whether that list is ordered
	caption  string // the caption written under the last image, to skip its duplicate
}

// put writes one block's Markdown, separated from the previous one by a blank line, or by
// a line break between items of one list.
func (m *mdBody) put(s string, item bool) {
	if s == "" {
		return
	}
	if m.b.Len() > 0 {
		if item && m.lastItem {
			m.b.WriteString("\n")
		} else {
			m.b.WriteString("\n\n")
		}
	}
	m.b.WriteString(s)
	m.lastItem = item
	if !item {
		m.counters, m.ordered = m.counters[:0], m.ordered[:0]
	}
}

func (m *mdBody) block(b *extract.Block) {
	switch b.Role {
	case extract.RoleByline, extract.RoleDate, extract.RoleTitle, extract.RoleSubtitle:
		return
	}
	caption := m.caption
	m.caption = ""
	switch {
	case b.Kind == extract.BlockImage:
		m.image(b)
	case b.Kind == extract.BlockCaption || b.Role == extract.RoleCaption:
		t := oneLine(b.Text)
		if t != "" && t != caption {
			m.put(italic(t), false)
		}
	case b.Kind == extract.BlockHeading:
		if t := oneLine(b.Text); t != "" {
			level := min(max(b.Level, 2), 6)
			m.put(strings.Repeat("#", level)+" "+headingText(t), false)
		}
	case b.Kind == extract.BlockItem:
		m.item(b)
	case b.Kind == extract.BlockQuote:
		m.put(quote(b.Text), false)
	case b.Kind == extract.BlockPre:
		m.put(fenced(b.Text), false)
	case b.Kind == extract.BlockTable:
		m.put(pipeTable(b), false)
	default:
		m.put(paragraph(b.Text), false)
	}
}

func (m *mdBody) image(b *extract.Block) {
	if b.Image == nil {
		return
	}
	var lines []string
	if src := strings.TrimSpace(b.Image.Src); src != "" {
		lines = append(lines, "!["+altText(b.Image.Alt)+"]("+linkDest(src)+")")
	}
	capt := oneLine(b.Image.Caption)
	if capt != "" {
		lines = append(lines, italic(capt))
	}
	m.put(strings.Join(lines, "\n"), false)
	m.caption = capt
}

// item writes a list item, indented four spaces per level of nesting (enough for the
// content column of "- " and "1. " parents alike) and numbered within its list.
func (m *mdBody) item(b *extract.Block) {
	t := oneLine(b.Text)
	if t == "" {
		return
	}
	depth := max(b.Level-1, 0) // Level 0 and 1 are both the top level
	if !m.lastItem {
		m.counters, m.ordered = m.counters[:0], m.ordered[:0]
	}
	depth = min(depth, len(m.counters)) // never skip a level: that would make a code block
	if depth < len(m.counters) && m.ordered[depth] != b.Ordered {
		m.counters, m.ordered = m.counters[:depth], m.ordered[:depth] // a new list starts
	} else if depth < len(m.counters) {
		m.counters, m.ordered = m.counters[:depth+1], m.ordered[:depth+1]
	}
	if depth == len(m.counters) {
		m.counters = append(m.counters, 0)
		m.ordered = append(m.ordered, b.Ordered)
	}
	m.counters[depth]++
	marker := "- "
	if b.Ordered {
		marker = fmt.Sprintf("%d. ", m.counters[depth])
	}
	m.put(strings.Repeat("    ", depth)+marker+inlineStart(t), true)
}

// paragraph escapes each line of a paragraph.
func paragraph(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, lineStart(inline(l)))
		}
	}
	return strings.Join(lines, "\n")
}

func quote(s string) string {
	p := paragraph(s)
	if p == "" {
		return ""
	}
	return "> " + strings.ReplaceAll(p, "\n", "\n> ")
}

// fenced wraps s in a code fence longer than any run of backticks inside it.
func fenced(s string) string {
	s = strings.Trim(s, "\n")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "\n" + s + "\n" + fence
}

// pipeTable writes a table with its first row as the header.
func pipeTable(b *extract.Block) string {
	rows := b.Rows
	if len(rows) == 0 {
		for _, line := range strings.Split(b.Text, "\n") {
			if strings.TrimSpace(line) != "" {
				rows = append(rows, strings.Split(line, " | "))
			}
		}
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	row := func(cells []string) string {
		out := make([]string, cols)
		for i := range out {
			if i < len(cells) {
				out[i] = strings.ReplaceAll(inline(oneLine(cells[i])), "|", `\|`)
			}
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	lines := []string{row(rows[0]), "|" + strings.Repeat(" --- |", cols)}
	for _, r := range rows[1:] {
		lines = append(lines, row(r))
	}
	return strings.Join(lines, "\n")
}

func italic(s string) string { return "*" + inline(s) + "*" }

// headingText escapes a heading's text, including a trailing "#" that would be read as the
// closing sequence.
func headingText(s string) string {
	s = inline(s)
	if strings.HasSuffix(s, "#") {
		s = s[:len(s)-1] + `\#`
	}
	return s
}

// inlineStart escapes text that follows a list marker: it must not start another marker.
func inlineStart(s string) string { return lineStart(inline(s)) }

func altText(s string) string {
	s = inline(oneLine(s))
	s = strings.ReplaceAll(s, "[", `\[`)
	return strings.ReplaceAll(s, "]", `\]`)
}

// linkDest percent-encodes the characters that would end or break a link destination:
// white space and control characters, parentheses, angle brackets and the backslash.
func linkDest(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r <= ' ' || r == 0x7f || r == '(' || r == ')' || r == '<' || r == '>' || r == '\\':
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine folds white space, newlines included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
