package format

import (
	"strings"
	"unicode"
)

// inline escapes the characters of s that Markdown would read as markup inside a line:
// emphasis, code spans, links, strikethrough, entities and raw HTML. Text that cannot be
// read as markup is left alone, so Korean and ordinary punctuation stay readable.
func inline(s string) string {
	var b strings.Builder
	rs := []rune(s)
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return ' '
		}
		return rs[i]
	}
	for i, r := range rs {
		switch r {
		case '\\', '*', '`':
			b.WriteByte('\\')
		case '_':
			if !isWordRune(at(i-1)) || !isWordRune(at(i+1)) {
				b.WriteByte('\\')
			}
		case '~':
			if at(i-1) == '~' || at(i+1) == '~' {
				b.WriteByte('\\')
			}
		case ']':
			if n := at(i + 1); n == '(' || n == '[' {
				b.WriteByte('\\')
			}
		case '<':
			if n := at(i + 1); isASCIILetter(n) || n == '/' || n == '!' || n == '?' {
				b.WriteByte('\\')
			}
		case '&':
			if entityAt(rs[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lineStart escapes what would make an already inline-escaped line start a block:
// a heading, a quote, a list item, a thematic break, a fence, a table row, a link
// reference definition or a setext underline.
func lineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '=', '|', '[', '~':
		return `\` + s
	}
	// ":--|--:" under a line with a "|" makes a table of the two (GFM).
	if s[0] == ':' && strings.Trim(s, "-:| ") == "" {
		return `\` + s
	}
	// "1." or "1)" starts an ordered list item.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// entityAt reports whether rs starts with an HTML character reference: &name; &#123; &#x1F;
func entityAt(rs []rune) bool {
	if len(rs) < 3 || rs[0] != '&' {
		return false
	}
	i := 1
	switch {
	case rs[1] == '#' && len(rs) > 2 && (rs[2] == 'x' || rs[2] == 'X'):
		i = 3
		for i < len(rs) && isHex(rs[i]) {
			i++
		}
		return i > 3 && i < len(rs) && rs[i] == ';'
	case rs[1] == '#':
		i = 2
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			i++
		}
		return i > 2 && i < len(rs) && rs[i] == ';'
	case isASCIILetter(rs[1]):
		for i < len(rs) && (isASCIILetter(rs[i]) || rs[i] >= '0' && rs[i] <= '9') {
			i++
		}
		return i < len(rs) && rs[i] == ';'
	}
	return false
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// isWordRune reports whether r is a letter or digit of any script: "_" between two of them
// cannot open or close emphasis.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
