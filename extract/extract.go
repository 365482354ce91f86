package extract

import (
	"errors"
	"io"
)

// Errors an extraction can end with. The command maps each to one line on stderr.
var (
	ErrEmpty     = errors.New("input is empty")
	ErrBinary    = errors.New("input is binary, not HTML or text")
	ErrTooLarge  = errors.New("input is larger than the size limit")
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

// ExtractString extracts the article from an already decoded page.
func ExtractString(text string, src Source, opts Options) (*Article, error) {
	kind := opts.Input
	if kind == "" {
		kind = KindText
		if LooksLikeHTML(text) {
			kind = KindHTML
		}
	}
	src.Kind = kind
	var doc *Document
	if kind == KindHTML {
		doc = SegmentHTML(text, opts)
	} else {
		doc = SegmentText(text)
	}
	doc.Source = src
	return ExtractDocument(doc, opts)
}

// ExtractDocument classifies the blocks of an already segmented page and assembles its article.
func ExtractDocument(doc *Document, opts Options) (*Article, error) {
	Features(doc)
	Classify(doc, opts)
	a := Assemble(doc, opts)
	if len(a.Body) == 0 {
		return a, ErrNoArticle
	}
	return a, nil
}
