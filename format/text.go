package format

import (
	"io"
	"strings"

	"github.com/artclean/artclean/extract"
)

// PlainText returns the body of a as plain text: paragraphs, in-body headings, list items,
// quotes, preformatted text and tables (one row a line, cells joined by " | "), separated
// by one blank line. Title, subtitles, captions, images and bylines are left out.
func PlainText(a *extract.Article) string {
	if a == nil {
		return ""
	}
	var parts []string
	for _, b := range a.Body {
		if !inText(b) {
			continue
		}
		var s string
		switch b.Kind {
		case extract.BlockTable:
			s = tableText(b)
		case extract.BlockPre:
			s = strings.TrimRight(strings.Trim(b.Text, "\n"), " \t\n") // keep the first line's indent
		default:
			s = strings.TrimSpace(b.Text)
		}
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

// inText reports whether a body block belongs in the plain text.
func inText(b *extract.Block) bool {
	if b == nil {
		return false
	}
	switch b.Kind {
	case extract.BlockImage, extract.BlockCaption:
		return false
	}
	switch b.Role {
	case extract.RoleCaption, extract.RoleImage, extract.RoleByline, extract.RoleDate,
		extract.RoleTitle, extract.RoleSubtitle:
		return false
	}
	return true
}

// tableText is a table as lines of cells joined by " | ".
func tableText(b *extract.Block) string {
	if len(b.Rows) == 0 {
		return strings.TrimSpace(b.Text)
	}
	lines := make([]string, 0, len(b.Rows))
	for _, row := range b.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = strings.TrimSpace(c)
		}
		line := strings.TrimSpace(strings.Join(cells, " | "))
		if line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func renderText(w io.Writer, a *extract.Article, _ Options) error {
	s := PlainText(a)
	if s == "" {
		return nil
	}
	return writeString(w, s+"\n")
}
