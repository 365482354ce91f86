package extract

import "strings"

// attrInfo is what a class, id, itemprop or role value says: its tokens, lower-cased and
// joined by one space, and the verdicts on them taken together.
type attrInfo struct {
	norm  string
	flags uint8 // attrHidden, attrDNone, attrShow, attrCaption, attrBody, attrDeck, attrSROnly
}

const (
	attrHidden  = 1 << iota // a token other than d-none or hidden hides the element
	attrDNone               // a display-none utility (d-none, hidden) that a show utility overrides
	attrShow                // a responsive show utility (d-md-block)
	attrCaption             // a token names a caption
	attrBody                // a token names an article-body container
	attrDeck                // a token names a deck
	attrSROnly              // a token hides the element from sight for screen readers only (sr-only)
)

// attrTokens reads one class/id/itemprop/role value, once per distinct value and page:
// pages repeat their class strings.
func (sg *segmenter) attrTokens(v string) attrInfo {
	if v == "" {
		return attrInfo{}
	}
	if ai, ok := sg.attrs[v]; ok {
		return ai
	}
	ai := sg.readAttrTokens(v)
	if sg.attrs == nil {
		sg.attrs = map[string]attrInfo{}
	}
	sg.attrs[v] = ai
	return ai
}

func (sg *segmenter) readAttrTokens(v string) attrInfo {
	var ai attrInfo
	if !asciiTokens(v) {
		// Non-ASCII white space separates tokens too: the general path.
		var b strings.Builder
		for tok := range strings.FieldsSeq(v) {
			tok = lowerToken(tok)
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(tok)
			ai.add(tokenFlags(tok), tok)
		}
		ai.norm = b.String()
		if ai.norm == v {
			ai.norm = v
		}
		return ai
	}
	// ASCII: lower-case in place of a copy only when needed, and keep v itself when it
	// is already one-space separated lower case.
	norm := v
	if needsNorm(v) {
		b := make([]byte, 0, len(v))
		for i := 0; i < len(v); {
			for i < len(v) && asciiSpace(v[i]) {
				i++
			}
			j := i
			for j < len(v) && !asciiSpace(v[j]) {
				j++
			}
			if j > i {
				if len(b) > 0 {
					b = append(b, ' ')
				}
				b = appendToken(b, v[i:j])
			}
			i = j
		}
		norm = string(b)
	}
	ai.norm = norm
	for i := 0; i < len(norm); {
		j := strings.IndexByte(norm[i:], ' ')
		if j < 0 {
			j = len(norm) - i
		}
		tok := norm[i : i+j]
		ai.add(tokenFlags(tok), tok)
		i += j + 1
	}
	return ai
}

// add takes one lower-case token's verdicts in.
func (ai *attrInfo) add(tf uint8, tok string) {
	if tf&tokHidden != 0 {
		if tok == "d-none" || tok == "hidden" {
			ai.flags |= attrDNone
		} else {
			ai.flags |= attrHidden
		}
		if screenReaderToken(tok) {
			ai.flags |= attrSROnly
		}
	}
	if tf&tokShow != 0 {
		ai.flags |= attrShow
	}
	if tf&tokCaption != 0 {
		ai.flags |= attrCaption
	}
	if tf&tokBody != 0 {
		ai.flags |= attrBody
	}
	if tf&tokDeck != 0 {
		ai.flags |= attrDeck
	}
}

// asciiTokens reports whether v is all ASCII, so that only ASCII white space can
// separate its tokens.
func asciiTokens(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// needsNorm reports whether an ASCII value differs from its tokens lower-cased and joined
// by one space.
func needsNorm(v string) bool {
	if v == "" || v[0] == ' ' || v[len(v)-1] == ' ' {
		return true
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'A' <= c && c <= 'Z':
			return true
		case c == ' ':
			if v[i+1] == ' ' {
				return true
			}
		case asciiSpace(c):
			return true
		}
	}
	return false
}

// camelWords reports whether an ASCII token is written in camel case of real words
// (PromoSmall, articleBody, RenderKeyPoints-list): it changes from a lower-case to an
// upper-case letter somewhere, and the words on both sides of every such change have
// three letters or more. Such a token is parted at its case changes as at "-", so that
// its words are read; a generated one (block-n1AuAdJl, sc-bdVaJa) is not, or its
// two-letter pieces would read as words ("ad").
func camelWords(tok string) bool {
	lower := func(c byte) bool { return 'a' <= c && c <= 'z' }
	upper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	changes := false
	start := 0 // where the current word began
	for k := 1; k <= len(tok); k++ {
		if k < len(tok) && (lower(tok[k]) || upper(tok[k]) && !lower(tok[k-1])) {
			continue
		}
		// a word ends at k: at a change to upper case, at another byte or at the end
		change := k < len(tok) && upper(tok[k])
		prevChange := start > 0 && start < len(tok) && upper(tok[start]) && lower(tok[start-1])
		if (change || prevChange) && k-start < 3 {
			return false
		}
		changes = changes || change
		start = k
		if k < len(tok) && !change {
			start = k + 1
		}
	}
	return changes
}

// lowerToken lower-cases a class/id token's ASCII letters, parting a camel-case token of
// words (camelWords) with "-" at its case changes.
func lowerToken(tok string) string {
	if !camelWords(tok) {
		return lowerASCII(tok)
	}
	return string(appendToken(make([]byte, 0, len(tok)+4), tok))
}

// appendToken appends tok to b with its ASCII letters lower-cased and, when tok is
// camel case of words (camelWords), a "-" at each change from lower to upper case.
func appendToken(b []byte, tok string) []byte {
	camel := camelWords(tok)
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		if 'A' <= c && c <= 'Z' {
			if camel && k > 0 && 'a' <= tok[k-1] && tok[k-1] <= 'z' {
				b = append(b, '-')
			}
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
