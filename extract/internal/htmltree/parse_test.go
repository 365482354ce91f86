package htmltree

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// flattenDeepCopy is how parse rewrote a too-deep page before the flattener: the same
// rules, into a copy of the page.
func flattenDeepCopy(s string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	var stack []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(string(name)) {
				break
			}
			if len(stack) >= limit && !keptDeep(string(name)) {
				dropped[string(name)]++
				continue
			}
			stack = append(stack, string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == n {
					stack = stack[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
	return out.String()
}

// TestFlattener checks that the flattener yields the rewritten page byte for byte, read
// in small and large pieces, on deep pages, pages with tokens longer than a read and
// pages that need no rewriting.
func TestFlattener(t *testing.T) {
	deep := func(depth int, inner string) string {
		var b strings.Builder
		b.WriteString("<!DOCTYPE html><html><body>")
		for i := range depth {
			fmt.Fprintf(&b, `<div class="l%d"><span>t%d</span><br><script>var x%d = "<div>";</script>`, i, i, i)
		}
		b.WriteString(inner)
		for range depth {
			b.WriteString("</div>")
		}
		b.WriteString("</p></b><!-- end --></body></html>")
		return b.String()
	}
	long := strings.Repeat("a long text ", 2000)
	for _, page := range []string{
		"",
		"<p>short</p>",
		deep(10, "<p>"+long+"</p>"),
		deep(600, "<p>inside</p>"),
		deep(700, `<img src="/i.jpg" alt="`+long+`"><textarea><div></textarea>`),
	} {
		for _, limit := range []int{3, 100, maxParseDepth} {
			want := flattenDeepCopy(page, limit)
			for _, size := range []int{1, 7, 4096, 1 << 20} {
				got, err := io.ReadAll(io.LimitReader(&pieceReader{r: newFlattener(page, limit), n: size}, int64(len(page))+1))
				if err != nil || string(got) != want {
					t.Errorf("page of %d bytes, limit %d, pieces of %d: got %d bytes (%v), want %d", len(page), limit, size, len(got), err, len(want))
				}
			}
		}
	}
	if root := parse(deep(600, "<p>inside</p>")); root == nil {
		t.Errorf("parse of a page 1200 elements deep: nil")
	}
}

// pieceReader reads from r at most n bytes at a time.
type pieceReader struct {
	r io.Reader
	n int
}

func (p *pieceReader) Read(b []byte) (int, error) { return p.r.Read(b[:min(len(b), p.n)]) }
