package input

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Some scrapers store a page as the body of a JSON string and hand that over as the page:
// `<div class=\"story\">\n<p>The ferry…</p>` with literal backslash sequences where the
// page had quotes and line breaks. Read takes such a page back to what it was, as a JSON
// decoder would, before it is sniffed and segmented.
//
// A JSON string holds no raw double quote and no raw line break: every one is escaped. So
// a page is taken as escaped when
//
//   - escapes stand where a page has its quotes and line breaks, around tags and between
//     paragraphs (=\" \"> >\n \n< \n\n, and \u003c, a '<' as encoding/json writes it),
//     escMin times at least: a Windows path in prose (C:\new\reports) has none;
//   - no attribute quote is raw (=") and the other raw quotes and line breaks are next to
//     none, at most one for every escRatio escaped ones: a real page, even one that
//     carries a great deal of escaped JSON in its scripts, has its attribute quotes raw;
//   - escapes (of any kind) run through the whole page, in at least three of its four
//     quarters: a page with no raw quote that carries an escaped string in one script has
//     them in one place.
//
// A wrapping pair of quotes, as the string stood in its JSON, is taken off too.
const (
	escMin   = 3
	escRatio = 20
	// escLayers is how many layers are taken off: a JSON string inside a JSON string
	// (\\\" for a quote) is seen; more is not a page.
	escLayers = 2
)

// unescapeFragment returns s unescaped when the whole of s reads as the body of a JSON
// string, else s itself.
func unescapeFragment(s string) string {
	for range escLayers {
		body, ok := escapedBody(s)
		if !ok {
			break
		}
		s = unescapeJSON(body)
	}
	return s
}

// escapedBody reports whether s is the body of a JSON string (see above) and returns it
// without a wrapping pair of quotes. A page without a backslash, or with a raw attribute
// quote (most pages have one in their first bytes), costs one short scan.
func escapedBody(s string) (string, bool) {
	if strings.IndexByte(s, '\\') < 0 || strings.Contains(s, `="`) { // `=\"` does not hold `="`
		return s, false
	}
	body := strings.TrimSpace(s)
	if len(body) >= 2 && body[0] == '"' && body[len(body)-1] == '"' && !escapedAt(body, len(body)-1) {
		body = body[1 : len(body)-1]
	}
	var escQ, escNL, structural int
	var quarters [4]bool
	for i := 0; ; i += 2 {
		j := strings.IndexByte(body[i:], '\\')
		if j < 0 || i+j+1 >= len(body) {
			break
		}
		i += j
		before, after := byte(0), body[i+2:]
		if i > 0 {
			before = body[i-1]
		}
		quarters[i*4/len(body)] = true
		switch body[i+1] {
		case '"':
			escQ++
			if before == '=' {
				structural++
			}
			if strings.HasPrefix(after, ">") {
				structural++
			}
		case 'n', 'r':
			escNL++
			if before == '>' {
				structural++
			}
			if strings.HasPrefix(after, "<") || strings.HasPrefix(after, `\n`) {
				structural++
			}
		case 'u':
			if strings.HasPrefix(after, "003c") || strings.HasPrefix(after, "003C") {
				structural++
			}
		} // \\ and the rest: the pair is skipped whole
	}
	esc := escQ + escNL
	if esc < escMin || structural < escMin {
		return s, false
	}
	rawQ := strings.Count(body, `"`) - escQ
	rawNL := strings.Count(strings.TrimSpace(body), "\n")
	if rawQ*escRatio > esc || rawNL*escRatio > esc {
		return s, false
	}
	spread := 0
	for _, q := range quarters {
		if q {
			spread++
		}
	}
	if spread < 3 {
		return s, false
	}
	return body, true
}

// escapedAt reports whether the byte at i is escaped: preceded by an odd number of
// backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// unescapeJSON decodes the escapes of a JSON string body: \" \\ \/ \n \r \t \f, \b
// (dropped, as a backspace means nothing on a page) and \uXXXX, a surrogate pair as one
// character, a lone surrogate as U+FFFD and \u0000 dropped (Read's text holds no NUL). A
// backslash before anything else is kept as it stands, with what follows it.
func unescapeJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '\\')
		if i < 0 || i == len(s)-1 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		c := s[i+1]
		s = s[i+2:]
		switch c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'f':
			b.WriteByte('\f')
		case 'b':
		case 'u':
			r, n := hex4(s)
			if n == 0 {
				b.WriteString(`\u`)
				continue
			}
			s = s[n:]
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if strings.HasPrefix(s, `\u`) {
					if lo, m := hex4(s[2:]); m > 0 {
						if p := utf16.DecodeRune(r, lo); p != utf8.RuneError {
							r2, s = p, s[2+m:]
						}
					}
				}
				r = r2
			}
			if r != 0 {
				b.WriteRune(r)
			}
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
}

// hex4 reads the four hex digits that follow \u at the start of s: the code unit and 4,
// or 0, 0 when they are not there.
func hex4(s string) (rune, int) {
	if len(s) < 4 {
		return 0, 0
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, 0
		}
		r = r<<4 | rune(c)
	}
	return r, 4
}
