// Package litjson is a light JSON reader for data read in bulk only to walk it once (the
// flight rows of Next.js pages): strings without escapes are slices of the input, objects
// keep their keys in order as a slice of pairs, numbers are float64, and true, false and
// null are bool and nil. It allocates a fraction of what encoding/json's generic decoding
// does.
package litjson

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Object is a decoded object, its members in the order written.
type Object []Member

// Member is one member of an Object.
type Member struct {
	Key string
	Val any
}

// Get returns the value of the first member named key.
func (o Object) Get(key string) (any, bool) {
	for _, m := range o {
		if m.Key == key {
			return m.Val, true
		}
	}
	return nil, false
}

// Parse decodes the JSON value s holds, with nothing but white space after it; values
// nested deeper than maxDepth make it fail.
func Parse(s string, maxDepth int) (any, bool) {
	p := litJSON{s: s, maxDepth: maxDepth}
	v, ok := p.value(0)
	if !ok {
		return nil, false
	}
	p.space()
	return v, p.i == len(s)
}

// ParsePrefix decodes the JSON value at the start of s (white space before it skipped)
// and returns it with the bytes it spans; text may follow it (a value inside a script).
// When s holds no valid value there, ok is false and n is how far the reader went before
// it failed, so that a caller scanning a script can bound its work.
func ParsePrefix(s string, maxDepth int) (v any, n int, ok bool) {
	p := litJSON{s: s, maxDepth: maxDepth}
	v, ok = p.value(0)
	return v, p.i, ok
}

type litJSON struct {
	s        string
	i        int
	maxDepth int
}

func (p *litJSON) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *litJSON) value(depth int) (any, bool) {
	if depth > p.maxDepth {
		return nil, false
	}
	p.space()
	if p.i >= len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.str()
	case c == '[':
		p.i++
		var arr []any
		p.space()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return []any{}, true
		}
		for {
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			arr = append(arr, v)
			if done, ok := p.after(']'); !ok {
				return nil, false
			} else if done {
				return arr, true
			}
		}
	case c == '{':
		p.i++
		var obj Object
		p.space()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return Object{}, true
		}
		for {
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return nil, false
			}
			k, ok := p.str()
			if !ok {
				return nil, false
			}
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return nil, false
			}
			p.i++
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			obj = append(obj, Member{k.(string), v})
			if done, ok := p.after('}'); !ok {
				return nil, false
			} else if done {
				return obj, true
			}
		}
	case strings.HasPrefix(p.s[p.i:], "true"):
		p.i += 4
		return true, true
	case strings.HasPrefix(p.s[p.i:], "false"):
		p.i += 5
		return false, true
	case strings.HasPrefix(p.s[p.i:], "null"):
		p.i += 4
		return nil, true
	case c == '-' || '0' <= c && c <= '9':
		j := p.i + 1
		for j < len(p.s) && strings.IndexByte("0123456789.eE+-", p.s[j]) >= 0 {
			j++
		}
		f, err := strconv.ParseFloat(p.s[p.i:j], 64)
		if err != nil {
			return nil, false
		}
		p.i = j
		return f, true
	}
	return nil, false
}

// after reads what follows an array's element or an object's member: the closing byte
// (done) or a comma; ok is false for anything else or the end of the input.
func (p *litJSON) after(closing byte) (done, ok bool) {
	p.space()
	if p.i >= len(p.s) {
		return false, false
	}
	switch p.s[p.i] {
	case closing:
		p.i++
		return true, true
	case ',':
		p.i++
		return false, true
	}
	return false, false
}

// str reads the string at p.i: a slice of the input where it has no escapes.
func (p *litJSON) str() (any, bool) {
	start := p.i + 1
	j := start
	for j < len(p.s) && p.s[j] != '"' && p.s[j] != '\\' {
		j++
	}
	if j >= len(p.s) {
		return nil, false
	}
	if p.s[j] == '"' {
		p.i = j + 1
		return p.s[start:j], true
	}
	var b strings.Builder
	b.WriteString(p.s[start:j])
	for j < len(p.s) {
		c := p.s[j]
		switch {
		case c == '"':
			p.i = j + 1
			return b.String(), true
		case c != '\\':
			b.WriteByte(c)
			j++
			continue
		}
		if j+1 >= len(p.s) {
			return nil, false
		}
		e := p.s[j+1]
		j += 2
		if c, ok := ControlEscape(e); ok {
			b.WriteByte(c)
			continue
		}
		switch e {
		case 'u':
			if j+4 > len(p.s) {
				return nil, false
			}
			v, err := strconv.ParseUint(p.s[j:j+4], 16, 32)
			if err != nil {
				return nil, false
			}
			j += 4
			r := rune(v)
			if r >= 0xD800 && r < 0xDC00 && j+6 <= len(p.s) && p.s[j] == '\\' && p.s[j+1] == 'u' {
				if v2, err := strconv.ParseUint(p.s[j+2:j+6], 16, 32); err == nil && v2 >= 0xDC00 && v2 < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (rune(v2) - 0xDC00)
					j += 6
				}
			}
			if r >= 0xD800 && r < 0xE000 {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default: // \" \\ \/
			b.WriteByte(e)
		}
	}
	return nil, false
}

// ControlEscape is the control character of the escapes JSON and JavaScript strings
// share (\n \t \r \b \f).
func ControlEscape(e byte) (byte, bool) {
	switch e {
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case 'r':
		return '\r', true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	}
	return 0, false
}
