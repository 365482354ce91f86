package input

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/artclean/artclean/extract/internal/scan"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// decode decodes data to UTF-8 and names the charset it used. The result may still hold
// NUL bytes and a leading BOM; Clean takes them off. Text that is already UTF-8 is not
// copied: the string shares data's memory, so data must not change afterwards.
//
// The order: a byte order mark; UTF-16 without a BOM (NUL bytes at every other position);
// valid UTF-8 with multibyte content, whatever the page declares (a page that says euc-kr
// but is UTF-8 is read as UTF-8); a charset declared by <meta> or <?xml?> in the first
// 1024 bytes; UTF-8 with a few damaged bytes; EUC-KR (CP949) when it reads as Korean;
// windows-1252.
//
// valid reports that the text is known to be valid UTF-8 (it was checked on the way), so
// that Clean need not check it again.
func decode(data []byte) (text, charset string, valid bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return bytesString(data[3:]), "utf-8", false
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}):
		return decodeWith(utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), data[4:]), "utf-32le", false
	case bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		return decodeWith(utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), data[4:]), "utf-32be", false
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:]), "utf-16le", false
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:]), "utf-16be", false
	}
	switch sniffUTF16(data) {
	case "utf-16le":
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data), "utf-16le", false
	case "utf-16be":
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data), "utf-16be", false
	}

	multi, bad := utf8Stats(data)
	declEnc, declName := declared(data[:min(len(data), 1024)])
	if bad == 0 && (multi > 0 || declEnc == nil) {
		return bytesString(data), "utf-8", true
	}
	if declEnc != nil && (declName != "utf-8" || bad == 0) {
		// ASCII under a declared charset reads the same (or, for the ISO-2022 kind, right),
		// so the declaration names it; a legacy page that is not valid UTF-8 is what it says.
		return decodeWith(declEnc, data), declName, false
	}
	// Not valid UTF-8, and either undeclared or declared UTF-8.
	// UTF-8 with some damaged bytes: legacy text seldom forms valid multibyte sequences
	// by chance (and EUC-KR forms far fewer of them than broken ones).
	if (multi >= 2 || declName == "utf-8") && bad <= multi {
		return bytesString(data), "utf-8", false
	}
	if looksEUCKR(data) {
		return decodeWith(korean.EUCKR, data), "euc-kr", false
	}
	if declName == "utf-8" {
		return bytesString(data), "utf-8", false
	}
	return decodeWith(charmap.Windows1252, data), "windows-1252", false
}

// isWide reports whether data is UTF-16 or UTF-32 (by BOM, or UTF-16 by its NUL bytes),
// where NUL bytes are part of the text.
func isWide(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) ||
		bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}) || sniffUTF16(data) != ""
}

// decodeWith decodes data with e. The x/text decoders replace what they cannot read with
// U+FFFD rather than fail; should one fail anyway, the bytes go through as (cleaned) UTF-8.
func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return bytesString(data)
	}
	return bytesString(out)
}

// bytesString returns data as a string without copying it. The caller gives data up: it
// must not be written to afterwards.
func bytesString(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	return unsafe.String(&data[0], len(data))
}

// utf8Stats counts the valid multibyte UTF-8 sequences and the bytes that are not valid
// UTF-8 in data.
func utf8Stats(data []byte) (multi, bad int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			// ASCII, most of a page, eight bytes at a time
			for i+8 <= len(data) && binary.LittleEndian.Uint64(data[i:])&0x8080808080808080 == 0 {
				i += 8
			}
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return multi, bad
}

// sniffUTF16 recognises UTF-16 without a byte order mark by its NUL bytes: text with
// much ASCII in it (as every HTML page has) has a NUL in the high byte of most code units
// and almost none in the low byte. It returns "utf-16le", "utf-16be" or "".
func sniffUTF16(data []byte) string {
	n := min(len(data), 8192) &^ 1
	pairs := n / 2
	if pairs < 4 {
		return ""
	}
	if bytes.IndexByte(data[:n], 0) < 0 {
		return "" // no NUL byte: neither half of the pairs has any
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*3 && even*10 <= odd:
		return "utf-16le"
	case even*10 >= pairs*3 && odd*10 <= even:
		return "utf-16be"
	}
	return ""
}

// looksEUCKR reports whether data reads as Korean in EUC-KR (CP949, as x/text has it):
// most of its non-ASCII characters are Hangul and hardly any bytes fail to decode. It
// looks at the first 64 KiB.
func looksEUCKR(data []byte) bool {
	sample := data[:min(len(data), 64<<10)]
	out, err := korean.EUCKR.NewDecoder().Bytes(sample)
	if err != nil {
		return false
	}
	nonASCII, hangul, repl := 0, 0, 0
	for _, r := range string(out) {
		if r < utf8.RuneSelf {
			continue
		}
		nonASCII++
		switch {
		case r == utf8.RuneError:
			repl++
		case r >= 0xac00 && r <= 0xd7a3, r >= 0x3131 && r <= 0x318e:
			hangul++
		}
	}
	if len(sample) < len(data) && repl > 0 {
		repl-- // the sample may end inside a character
	}
	return hangul > 0 && hangul*2 >= nonASCII && repl*50 <= nonASCII
}

// declared finds the charset a page declares in head (its first 1024 bytes): an XML
// declaration's encoding, or <meta charset> / <meta http-equiv="content-type" content="…;
// charset=…">. It returns the encoding and its canonical WHATWG name, or nil. Declarations
// a byte-oriented page cannot mean (UTF-16, "replacement") are ignored.
func declared(head []byte) (encoding.Encoding, string) {
	label := xmlEncoding(head)
	if label == "" && indexFoldBytes(head, "<meta") >= 0 {
		label = metaCharset(head)
	}
	if label == "" {
		return nil, ""
	}
	e, name := charset.Lookup(label)
	switch {
	case e == nil, name == "replacement", strings.HasPrefix(name, "utf-16"):
		return nil, ""
	case name == "x-user-defined":
		return charmap.Windows1252, "windows-1252"
	}
	return e, name
}

func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var cs, content string
			contentType := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = strings.TrimSpace(string(v))
				case "content":
					content = string(v)
				case "http-equiv":
					contentType = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				}
			}
			if cs != "" {
				return cs
			}
			if contentType {
				if cs = contentCharset(content); cs != "" {
					return cs
				}
			}
		}
	}
}

// contentCharset takes the charset parameter out of a content-type value such as
// "text/html; charset=euc-kr".
func contentCharset(content string) string {
	i := 0
	for ; i < len(content) && !scan.HasPrefixFold(content[i:], "charset"); i++ {
	}
	if i == len(content) {
		return ""
	}
	s := strings.TrimLeft(content[i+len("charset"):], " \t\r\n\f")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\r\n\f")
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			return strings.TrimSpace(s[:j])
		}
		return ""
	}
	if j := strings.IndexAny(s, "; \t\r\n\f\"'"); j >= 0 {
		s = s[:j]
	}
	return s
}

// xmlEncoding reads encoding="…" from an XML declaration at the start of head.
func xmlEncoding(head []byte) string {
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	s := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(s) == 0 || s[0] != '=' {
		return ""
	}
	s = bytes.TrimLeft(s[1:], " \t\r\n")
	if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
		return ""
	}
	q := s[0]
	s = s[1:]
	j := bytes.IndexByte(s, q)
	if j < 0 {
		return ""
	}
	return string(bytes.TrimSpace(s[:j]))
}
