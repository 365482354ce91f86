package extract

import "testing"

// A list of links that the page's text opens is left to its neighbours; a list that a
// menu or an aside holds, or that nothing opens, keeps the link-list verdict.
func TestSectionLinks(t *testing.T) {
	const prose = `<p>The loom keeps its settings in the project file, and every guide below explains one of them in the words a weaver would use at the frame.</p>`
	tests := []struct {
		name string
		html string
		want Class
	}{
		{"opened by a paragraph ending in a colon", prose + `<p>For the details, see:</p><ul><li><a href="/a">Guide to the warp</a></li><li><a href="/b">Warp reference</a></li></ul>` + prose, ClassShort},
		{"opened by a section heading", prose + `<h2>Further reading</h2><ul><li><a href="/a">Guide to the warp</a></li><li><a href="/b">Warp reference</a></li></ul>` + prose, ClassShort},
		{"a table of contents", prose + `<h2>On this page</h2><ul><li><a href="#warp">Guide to the warp</a></li><li><a href="#weft">Weft</a></li></ul>` + prose + `<h2 id="warp">Guide to the warp</h2>` + prose, ClassBad},
		{"questions that open their answers", prose + `<h2>Questions</h2><ul><li><a href="#q1">Guide to the warp</a></li><li><a href="#q2">Weft</a></li></ul>` + prose, ClassShort},
		{"opened by nothing", prose + `<div><ul><li><a href="/a">Guide to the warp</a></li><li><a href="/b">Warp reference</a></li></ul></div>` + prose, ClassBad},
		{"a paragraph that does not open it", prose + `<p>The guides are kept up to date.</p><ul><li><a href="/a">Guide to the warp</a></li><li><a href="/b">Warp reference</a></li></ul>` + prose, ClassBad},
		{"a menu with a heading", prose + `<nav><h2>Guides</h2><ul><li><a href="/a">Guide to the warp</a></li><li><a href="/b">Warp reference</a></li></ul></nav>` + prose, ClassBad},
		{"an aside with a heading", prose + `<aside><h3>More guides</h3><ul><li><a href="/a">Guide to the warp</a></li><li><a href="/b">Warp reference</a></li></ul></aside>` + prose, ClassBad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(`<body>`+tt.html+`</body>`, Options{})
			Features(doc)
			for _, b := range doc.Blocks {
				contextFree(b, nil, "")
				b.Class, b.Rule = b.CF, b.CFRule
			}
			b := findBlock(doc, "Guide to the warp")
			if b == nil {
				t.Fatalf("no item block in %q", texts(doc, -1))
			}
			if b.CFRule != "link-list" {
				t.Fatalf("item's rule %q, want link-list", b.CFRule)
			}
			sectionLinks(doc.Blocks)
			if b.Class != tt.want {
				t.Errorf("item's class %v, want %v", b.Class, tt.want)
			}
		})
	}
}
