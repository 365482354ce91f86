package htmltree

import "strings"

// A page whose <title> is never closed (a damaged or cut copy: "</titavaScript" where two
// lines were spliced, or "</titlevalue=…" where a template lost the rest of its tag) is all
// title to an HTML parser: the title's text runs to the end of the input and the page has
// no body. Such a title is closed at the first tag after it, as a reader of the source
// would.

// closeTitle returns s with a <title> that has no end tag closed before the first "<"
// that follows its text; s itself when the title is closed or there is none.
func closeTitle(s string) string {
	for _, end := range []string{"</title", "</TITLE", "</Title"} {
		if hasEndTag(s, end) {
			return s
		}
	}
	at := -1
	for _, start := range []string{"<title", "<TITLE", "<Title"} {
		if i := strings.Index(s, start); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return s
	}
	open := strings.IndexByte(s[at:], '>')
	if open < 0 {
		return s
	}
	text := at + open + 1
	next := strings.IndexByte(s[text:], '<')
	if next < 0 {
		return s
	}
	return s[:text+next] + "</title>" + s[text+next:]
}

// hasEndTag reports whether s holds end as a whole end tag's start: followed by white
// space, "/" or ">" (or the end of s), as an HTML tokenizer closes a title; "</titlex"
// is the text of the title, not its end.
func hasEndTag(s, end string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], end)
		if j < 0 {
			return false
		}
		k := i + j + len(end)
		if k == len(s) {
			return true
		}
		switch s[k] {
		case ' ', '\t', '\n', '\f', '\r', '/', '>':
			return true
		}
		i = k
	}
}
