package extract

import (
	"io"
	"strings"
)

// Read reads and decodes one input to UTF-8. (stub: replaced by the reader work)
func Read(r io.Reader, opts Options) (string, Source, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", Source{}, err
	}
	if len(b) == 0 {
		return "", Source{}, ErrEmpty
	}
	return string(b), Source{Name: opts.Name, Charset: "utf-8", Bytes: len(b)}, nil
}

// LooksLikeHTML reports whether decoded input is HTML rather than text. (stub)
func LooksLikeHTML(s string) bool {
	head := strings.ToLower(s[:min(len(s), 1024)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype") || strings.Contains(head, "<body") || strings.Contains(head, "<div") || strings.Contains(head, "<p>")
}
