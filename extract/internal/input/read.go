// Package input reads one input of the extractor: it takes off gzip layers, refuses
// binary data, finds the charset (byte order mark, declaration, sniffing) and decodes to
// valid UTF-8, unescapes a page kept as a JSON string's body, and tells HTML from a text
// dump (LooksLikeHTML).
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/artclean/artclean/extract/internal/scan"
)

// The errors Read wraps.
var (
	ErrEmpty    = errors.New("input is empty")
	ErrBinary   = errors.New("input is binary, not HTML or text")
	ErrTooLarge = errors.New("input is larger than the size limit")
)

// Read reads one input, decompresses it if it is gzip, and decodes it to UTF-8.
//
// The returned text is always valid UTF-8, without NUL bytes and without a leading byte
// order mark. A page that arrives as the body of a JSON string (`<p class=\"x\">\n…`, every
// quote and line break escaped) is unescaped as a JSON decoder would.
//
// charset is the canonical lower-case name of the charset the input was decoded from
// ("utf-8", "euc-kr", "utf-16le", "windows-1252" …; "" when reading stopped before
// decoding) and raw the number of raw bytes read.
//
// limit bounds the decompressed input, enforced while reading so that a gzip bomb stops
// early, and the decoded text.
//
// Errors wrap ErrEmpty, ErrBinary or ErrTooLarge with a detail for a person; a gzip stream
// that yields nothing, or a failing reader, gives a plain error.
func Read(r io.Reader, limit int64) (text, charset string, raw int, err error) {
	data, n, gz, err := readAll(r, limit)
	raw = clampInt(n)
	if err != nil {
		return "", "", raw, err
	}
	if int64(len(data)) > limit {
		if gz > 0 {
			return "", charset, raw, fmt.Errorf("%w (more than %d bytes once decompressed)", ErrTooLarge, limit)
		}
		return "", charset, raw, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, limit)
	}
	if len(data) == 0 {
		if gz > 0 {
			return "", charset, raw, fmt.Errorf("%w (the gzip stream decompresses to 0 bytes; check the file or the download)", ErrEmpty)
		}
		return "", charset, raw, fmt.Errorf("%w (0 bytes; check the file or the download)", ErrEmpty)
	}

	if what := magic(data); what != "" {
		return "", charset, raw, fmt.Errorf("%w (looks like %s)", ErrBinary, what)
	}

	wide := isWide(data)
	if !wide {
		// Control bytes read the same in every ASCII-compatible charset: refuse binary
		// data before decoding all of it.
		if what := binaryContent(bytesString(data[:min(len(data), 8192)])); what != "" {
			return "", charset, raw, fmt.Errorf("%w (%s)", ErrBinary, what)
		}
	}
	text, charset, valid := decode(data)

	// (text that is data itself, from its first byte, was looked at above)
	if wide || len(text) != len(data) || len(text) > 0 && unsafe.StringData(text) != &data[0] {
		if what := binaryContent(text); what != "" {
			return "", charset, raw, fmt.Errorf("%w (%s)", ErrBinary, what)
		}
	}
	if valid {
		text = cleanValid(text)
	} else {
		text = Clean(text)
	}
	text = unescapeFragment(text) // a page stored as a JSON string's body (read_escaped.go)
	if strings.TrimSpace(text) == "" {
		return "", charset, raw, fmt.Errorf("%w (only white space, %d bytes; check the file or the download)", ErrEmpty, n)
	}
	if int64(len(text)) > limit {
		return "", charset, raw, fmt.Errorf("%w (%d bytes once decoded from %s to UTF-8)", ErrTooLarge, len(text), charset)
	}
	return text, charset, raw, nil
}

// maxGzipLayers is how many gzip layers are taken off: a page gzipped twice (a server
// compressing an already compressed file) is common enough; more is not a page.
const maxGzipLayers = 2

// readAll reads r to the end, taking off up to maxGzipLayers gzip layers, and stops
// after limit+1 decompressed bytes. It returns the (decompressed) bytes, the number of raw
// bytes read from r and the number of gzip layers taken off. A gzip stream that breaks off
// after some output is not an error: the output so far is returned.
func readAll(r io.Reader, limit int64) (data []byte, raw int64, layers int, err error) {
	hint := sizeHint(r)
	cr := &countReader{r: r}
	br := bufio.NewReader(cr)
	for layers < maxGzipLayers {
		head, _ := br.Peek(2)
		if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			break
		}
		zr, zerr := gzip.NewReader(br)
		if zerr != nil {
			if cr.err != nil {
				return nil, cr.n, layers, fmt.Errorf("reading input: %w", cr.err)
			}
			return nil, cr.n, layers, gzipError(zerr)
		}
		br = bufio.NewReader(zr)
		layers++
	}
	if limit < math.MaxInt64 {
		limit++
	}
	if layers > 0 {
		hint = -1 // the raw size says nothing about the decompressed one
	}
	data, err = readFull(io.LimitReader(br, limit), hint, limit)
	if err != nil {
		if cr.err != nil {
			// The reader itself failed (not the decompression): that is not a short page.
			return nil, cr.n, layers, fmt.Errorf("reading input: %w", cr.err)
		}
		if layers == 0 {
			return nil, cr.n, layers, fmt.Errorf("reading input: %w", err)
		}
		if len(data) == 0 {
			return nil, cr.n, layers, gzipError(err)
		}
		// A truncated or damaged gzip stream: what came out before the damage still
		// holds the article, most of the time.
		err = nil
	}
	return data, cr.n, layers, nil
}

// sizeHint returns the number of bytes r still holds when r can tell (an in-memory
// reader, a regular file), or -1.
func sizeHint(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		return int64(v.Len())
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
		off, err := v.Seek(0, io.SeekCurrent)
		if err != nil || off > fi.Size() {
			return -1
		}
		return fi.Size() - off
	}
	return -1
}

// readFull is io.ReadAll with a size hint: when the size is known the buffer is
// allocated once, at its final size, rather than grown (and copied) by doubling.
func readFull(r io.Reader, hint, limit int64) ([]byte, error) {
	if hint < 0 {
		return io.ReadAll(r)
	}
	// One byte more than the hint, so that the read that reports io.EOF (or a file that
	// grew meanwhile) does not have to grow the buffer.
	size := min(hint, limit) + 1
	if size > math.MaxInt32 {
		return io.ReadAll(r)
	}
	b := make([]byte, 0, max(size, 512))
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // longer than it said: grow as io.ReadAll would
		}
	}
}

func gzipError(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("gzip stream is truncated or corrupt (%w): nothing could be decompressed; check the file or download it again", err)
}

// countReader counts the bytes read from r and keeps r's own error apart from the
// decompressor's.
type countReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

func clampInt(n int64) int {
	if n > math.MaxInt {
		return math.MaxInt
	}
	return int(n)
}

// Clean makes text valid UTF-8 (each bad byte becomes U+FFFD), drops NUL bytes and a
// leading byte order mark. It copies only when something has to change.
func Clean(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.IndexByte(text, 0) < 0 && utf8.ValidString(text) {
		return text
	}
	return repair(text)
}

// cleanValid is Clean for text known to be valid UTF-8: only NUL bytes and a leading
// byte order mark may have to go.
func cleanValid(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.IndexByte(text, 0) < 0 {
		return text
	}
	return repair(text)
}

// repair is Clean's copy. Stretches that need no change, found a few hundred bytes at
// a time by the fast checks, are copied whole; the rest is read rune by rune.
func repair(text string) string {
	const stretch = 256
	var b strings.Builder
	b.Grow(len(text))
	start := 0
	for i := 0; i < len(text); {
		end := min(i+stretch, len(text))
		if s := text[i:end]; strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
			i = end
			continue
		}
		for i < end {
			c := text[i]
			if c < utf8.RuneSelf {
				if c == 0 {
					b.WriteString(text[start:i])
					start = i + 1
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if size == 1 && r == utf8.RuneError {
				b.WriteString(text[start:i])
				b.WriteString("\uFFFD")
				start = i + 1
			}
			i += size
		}
	}
	b.WriteString(text[start:])
	return b.String()
}

// LooksLikeHTML reports whether decoded input is HTML rather than a plain text dump of a
// page. It looks at the start of the input only (a byte scan of at most 4 KiB):
//
//   - after a byte order mark and white space the input starts with a doctype, a comment,
//     an XML declaration or a known tag (<html>, <head>, <body>, <div>, <p> …), or
//   - the first 4 KiB contain <html, <head, <body or <!doctype, or
//   - the first 4 KiB hold many block tags (<div, <p>, <p , <article, <br, </p> …) for
//     their length, so that prose that mentions "<div>" once stays text.
func LooksLikeHTML(s string) bool {
	s = strings.TrimPrefix(s, "\uFEFF")
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	s = s[i:]
	// A page may open with a long inline script or style sheet (and comments around it)
	// before its first tag: the window starts after them.
	rest, skipped := skipLeadingCode(s)
	if skipped {
		s = rest
	}
	if len(s) > 4096 {
		s = s[:4096]
	}
	if len(s) < 2 {
		return skipped
	}
	startsTag := skipped || s[0] == '<' && startsHTML(s[1:])
	blocks := 0
	for j := 0; j < len(s); {
		k := strings.IndexByte(s[j:], '<')
		if k < 0 {
			break
		}
		j += k + 1
		rest := s[j:]
		switch {
		case hasTagFold(rest, "html"), hasTagFold(rest, "head"), hasTagFold(rest, "body"),
			scan.HasPrefixFold(rest, "!doctype"):
			return true
		case hasTagFold(rest, "div"), hasTagFold(rest, "p"), hasTagFold(rest, "article"),
			hasTagFold(rest, "br"), hasTagFold(rest, "section"), hasTagFold(rest, "li"),
			hasTagFold(rest, "/p"), hasTagFold(rest, "/div"), hasTagFold(rest, "/li"),
			hasTagFold(rest, "table"), hasTagFold(rest, "td"), hasTagFold(rest, "span"),
			hasTagFold(rest, "a"), hasTagFold(rest, "/a"), hasTagFold(rest, "img"):
			blocks++
		}
	}
	// A page cut out of its <html> still carries a tag every few hundred bytes; prose
	// about HTML mentions one now and then. A text dump may start with a stray tag a
	// dumper left (a tracking pixel), so a leading tag alone is HTML only when tags go on.
	if startsTag && blocks >= 2 && blocks*1000 >= len(s) {
		return true
	}
	return blocks >= 4 && blocks*400 >= len(s)
}

// maxLeadingCode is how far into the input LooksLikeHTML passes over leading scripts,
// style sheets and comments.
const maxLeadingCode = 256 << 10

// skipLeadingCode passes over the <script> and <style> elements and comments that s
// starts with (white space between them), each closed within maxLeadingCode bytes of
// the start; it reports whether it passed over a script or a style sheet. A text dump
// keeps no script source between its tags.
func skipLeadingCode(s string) (string, bool) {
	code := false
	for {
		i := 0
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		s = s[i:]
		window := s[:min(len(s), maxLeadingCode)]
		if strings.HasPrefix(s, "<!--") {
			k := strings.Index(window, "-->")
			if k < 0 {
				return s, code
			}
			s = s[k+3:]
			continue
		}
		var name string
		switch {
		case len(s) > 1 && s[0] == '<' && hasTagFold(s[1:], "script"):
			name = "/script"
		case len(s) > 1 && s[0] == '<' && hasTagFold(s[1:], "style"):
			name = "/style"
		default:
			return s, code
		}
		end := -1
		for j := 0; j < len(window); {
			k := strings.IndexByte(window[j:], '<')
			if k < 0 {
				break
			}
			j += k + 1
			if hasTagFold(window[j:], name) {
				if g := strings.IndexByte(window[j:], '>'); g >= 0 {
					end = j + g + 1
				}
				break
			}
		}
		if end < 0 {
			return s, code
		}
		s, code = s[end:], true
	}
}

// knownTags are the tags an HTML document or fragment may start with.
var knownTags = []string{
	"html", "head", "body", "meta", "title", "link", "base", "script", "style", "noscript",
	"div", "p", "span", "a", "article", "section", "header", "footer", "nav", "main", "aside",
	"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
	"td", "th", "tbody", "thead", "form", "iframe", "img", "figure", "figcaption", "picture",
	"pre", "blockquote", "br", "hr", "center", "font", "b", "i", "em", "strong", "svg",
	"template", "frameset", "frame", "input", "button", "label", "select", "option",
}

// startsHTML reports whether s (what follows a leading '<') opens HTML.
func startsHTML(s string) bool {
	if scan.HasPrefixFold(s, "!doctype") || strings.HasPrefix(s, "!--") || scan.HasPrefixFold(s, "?xml") {
		return true
	}
	for _, t := range knownTags {
		if hasTagFold(s, t) {
			return true
		}
	}
	return false
}

// hasTagFold reports whether s starts with the tag name (ASCII case-insensitive)
// followed by the end of a tag name: white space, '>' or '/'.
func hasTagFold(s, name string) bool {
	if !scan.HasPrefixFold(s, name) || len(s) == len(name) {
		return false
	}
	c := s[len(name)]
	return c == '>' || c == '/' || isSpace(c)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// indexFoldBytes is bytes.Index ignoring ASCII case, for a lower-case needle whose first byte
// is not a letter ("<meta").
func indexFoldBytes(b []byte, needle string) int {
	for i := 0; i+len(needle) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], needle[0])
		if j < 0 {
			return -1
		}
		i += j
		if scan.HasPrefixFold(string(b[i:min(len(b), i+len(needle))]), needle) {
			return i
		}
	}
	return -1
}
