package extract

import (
	"strings"
	"testing"
)

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
			features(doc)
			for _, b := range doc.Blocks {
				contextFree(b, nil, "")
				b.Class, b.Rule = b.CF, b.CFRule
			}
			b := findBlock(doc, "Guide to the warp")
			if b == nil {
				t.Fatalf("no item block in %q", texts(doc, -1))
			}
			if b.CFRule != ruleLinkList {
				t.Fatalf("item's rule %q, want link-list", b.CFRule)
			}
			sectionLinks(doc.Blocks)
			if b.Class != tt.want {
				t.Errorf("item's class %v, want %v", b.Class, tt.want)
			}
		})
	}
}

// A guide whose sections are lists of links under their headings, all in one element,
// keeps them as its text, from the first section on, even with one short paragraph of
// prose among them; lists of links that each stand in their own element (a footer's
// columns), or fewer than linkSectionsMin lists in one element, do not make sections.
func TestLinkSections(t *testing.T) {
	section := func(h string, items ...string) string {
		s := `<h2>` + h + `</h2><ul>`
		for i, it := range items {
			s += `<li><a href="/guide/` + h[:3] + string(rune('a'+i)) + `">` + it + `</a></li>`
		}
		return s + `</ul>`
	}
	sections := []string{
		section("Asking about slow looms", "Slow loom questions"),
		section("Setting up the frame", "Levelling the frame", "Choosing a bench", "Tensioning the back beam"),
		section("Care of the heddles", "Cleaning the heddles", "Replacing a broken heddle"),
		section("Warping boards", "Board sizes", "Counting threads on the pegs"),
	}
	prose := `<p>Weaving courses are held by several guilds every year; the events page lists the next ones and what to bring.</p>`
	page := func(body string) string {
		return `<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/recent">Recent changes</a></li></ul></nav>
<h1>Loom tuning guides</h1>
<div id="content"><div class="contents"><ul><li><a href="#a">1 Asking about slow looms</a></li><li><a href="#b">2 Setting up the frame</a></li></ul></div>
` + body + `</div>
<footer><p>This page was last edited on a Tuesday.</p></footer></body></html>`
	}
	tests := []struct {
		name     string
		body     string
		want     []string
		wantNone []string
	}{
		{"four sections of links in one element", strings.Join(sections[:2], "") + prose + strings.Join(sections[2:], ""),
			[]string{"Slow loom questions", "Levelling the frame", "Tensioning the back beam", "Cleaning the heddles", "Counting threads on the pegs"}, nil},
		{"three sections, the fewest", sections[0] + prose + sections[1] + sections[2],
			[]string{"Slow loom questions", "Levelling the frame", "Cleaning the heddles"}, nil},
		{"sections apart from the article's text", `<div class="story">` + strings.Repeat(`<p>The guild met on Saturday to compare looms, and every member who brought a frame left with a tighter warp and a list of the parts worth replacing before winter.</p>`, 4) +
			`</div><div class="more">` + strings.Join(sections[1:], "") + `</div>`,
			[]string{"The guild met on Saturday"}, []string{"Levelling the frame", "Cleaning the heddles", "Counting threads on the pegs"}},
		{"sections in their own elements", `<div>` + sections[1] + `</div><div>` + sections[2] + `</div>` + prose + `<div>` + sections[3] + `</div>`,
			nil, []string{"Levelling the frame", "Cleaning the heddles", "Counting threads on the pegs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ExtractString(page(tt.body), Source{Name: "page"}, Options{Input: KindHTML})
			if err != nil {
				t.Fatal(err)
			}
			all := bodyText(a)
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("body lacks %q:\n%s", w, all)
				}
			}
			for _, w := range tt.wantNone {
				if strings.Contains(all, w) {
					t.Errorf("body holds %q:\n%s", w, all)
				}
			}
		})
	}
}
