package extract

import "strings"

// attrInfo is what a class, id, itemprop or role value says: its tokens, lower-cased and
// joined by one space, and the verdicts on them taken together.
type attrInfo struct {
	norm  string
	flags uint8 // attrHidden, attrDNone, attrShow, attrCaption, attrBody, attrDeck
}

const (
	attrHidden  = 1 << iota // a token other than d-none hides the element
	attrDNone               // d-none
	attrShow                // a responsive show utility (d-md-block)
	attrCaption             // a token names a caption
	attrBody                // a token names an article-body container
	attrDeck                // a token names a deck
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
			tok = lowerASCII(tok)
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
				for _, c := range []byte(v[i:j]) {
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					b = append(b, c)
				}
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
		if tok == "d-none" {
			ai.flags |= attrDNone
		} else {
			ai.flags |= attrHidden
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
