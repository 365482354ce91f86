package extract

import (
	"errors"
	"io"

	"github.com/artclean/artclean/extract/internal/input"
	"golang.org/x/net/html"
)

// Errors an extraction can end with. The command maps each to one line on stderr.
var (
	ErrEmpty     = input.ErrEmpty
	ErrBinary    = input.ErrBinary
	ErrTooLarge  = input.ErrTooLarge
	ErrNoArticle = errors.New("no article text found")
)

// Extract reads one page from r and returns its article.
func Extract(r io.Reader, opts Options) (*Article, error) {
	text, src, err := Read(r, opts)
	if err != nil {
		return nil, err
	}
	return ExtractString(text, src, opts)
}

// Read reads one input, decompresses it if it is gzip, and decodes it to UTF-8 (see
// internal/input): the text is valid UTF-8, without NUL bytes and without a leading byte
// order mark; a page kept as a JSON string's body is unescaped.
//
// Source carries opts.Name, the canonical lower-case name of the charset the input was
// decoded from and the number of raw bytes read; Source.Kind is left for the caller.
// opts.MaxSize (0 means DefaultMaxSize) bounds the decompressed input and the decoded
// text. Errors wrap ErrEmpty, ErrBinary or ErrTooLarge with a detail for a person.
func Read(r io.Reader, opts Options) (string, Source, error) {
	limit := opts.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	text, charset, raw, err := input.Read(r, limit)
	return text, Source{Name: opts.Name, Charset: charset, Bytes: raw}, err
}

// ExtractString extracts the article from an already decoded page.
func ExtractString(text string, src Source, opts Options) (*Article, error) {
	kind := opts.Input
	if kind == "" {
		kind = KindText
		if input.LooksLikeHTML(text) {
			kind = KindHTML
		}
	}
	src.Kind = kind
	var doc *Document
	if kind == KindHTML {
		doc = SegmentHTML(text, opts)
	} else {
		doc = segmentText(text)
	}
	doc.Source = src
	return extractDocument(doc, opts)
}

// ExtractNode extracts the article from a page its caller has already parsed (with
// golang.org/x/net/html, or any parser that builds the same *html.Node tree); src.Kind is
// set to KindHTML. The tree is read as it is, with one exception: the raw text of a large
// <noscript> element that holds the page's markup (see expandNoscript) is replaced by the
// nodes it parses to, as a browser without script would show it. The article's blocks
// point into the tree (Block.Node).
func ExtractNode(root *html.Node, src Source, opts Options) (*Article, error) {
	src.Kind = KindHTML
	doc := segmentTree(root, opts, false)
	doc.Source = src
	return extractDocument(doc, opts)
}

// extractDocument classifies the blocks of an already segmented page and assembles its article.
func extractDocument(doc *Document, opts Options) (*Article, error) {
	features(doc)
	classify(doc, opts)
	a := assemble(doc, opts)
	if len(a.Body) == 0 {
		return a, ErrNoArticle
	}
	return a, nil
}
