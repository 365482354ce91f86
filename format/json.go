package format

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/artclean/artclean/extract"
)

// jsonArticle is the JSON contract (DESIGN.md): one object per document, fields in this
// order, lists never null.
type jsonArticle struct {
	Title     string          `json:"title"`
	Subtitles []string        `json:"subtitles"`
	Authors   []string        `json:"authors"`
	Published string          `json:"published"`
	Modified  string          `json:"modified"`
	Site      string          `json:"site"`
	URL       string          `json:"url"`
	Lang      string          `json:"lang"`
	Text      string          `json:"text"`
	Markdown  string          `json:"markdown"`
	Images    []extract.Image `json:"images"`
	Source    extract.Source  `json:"source"`
}

func newJSONArticle(a *extract.Article) jsonArticle {
	return jsonArticle{
		Title:     a.Title,
		Subtitles: orEmpty(a.Subtitles),
		Authors:   orEmpty(a.Authors),
		Published: a.Published,
		Modified:  a.Modified,
		Site:      a.Site,
		URL:       a.URL,
		Lang:      a.Lang,
		Text:      PlainText(a),
		Markdown:  Markdown(a),
		Images:    images(a),
		Source:    a.Source,
	}
}

// images lists the article's images; when the assembler left Article.Images empty, the
// image blocks of the body stand in.
func images(a *extract.Article) []extract.Image {
	if len(a.Images) > 0 {
		return a.Images
	}
	out := []extract.Image{}
	for _, b := range a.Body {
		if b != nil && b.Kind == extract.BlockImage && b.Image != nil {
			out = append(out, *b.Image)
		}
	}
	return out
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func renderJSON(w io.Writer, a *extract.Article, _ Options) error {
	return encodeJSON(w, a, "  ")
}

func renderJSONL(w io.Writer, a *extract.Article, _ Options) error {
	return encodeJSON(w, a, "")
}

// encodeJSON writes the object in one Write, so a JSON Lines stream never holds half a line
// from a failed document. HTML escaping is off: Korean, <, > and & stay as they are.
func encodeJSON(w io.Writer, a *extract.Article, indent string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(newJSONArticle(a)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
