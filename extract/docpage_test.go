package extract

import "testing"

// Documentation pages: the text is cut into sections by headings that link to
// themselves, by code blocks and by the ids a generator makes from each heading.

func TestHeadingAnchorIsNoLink(t *testing.T) {
	tests := []struct {
		name      string
		html      string
		text      string
		wantLinks bool
	}{
		{"heading that is its own permalink", `<body><h2 id="set-up"><a href="#set-up">Setting up the loom</a></h2></body>`, "Setting up the loom", false},
		{"heading with a pilcrow permalink", `<body><h3>Threading the warp<a class="headerlink" href="#threading">¶</a></h3></body>`, "Threading the warp¶", false},
		{"heading back to the contents", `<body><h2><a class="toc-backref" href="#id4">Winding bobbins</a></h2></body>`, "Winding bobbins", false},
		{"heading linking to another page", `<body><h2><a href="/guides/dyeing">Dyeing the yarn</a></h2></body>`, "Dyeing the yarn", true},
		{"contents entry linking into the page", `<body><ul><li><a href="#set-up">Setting up the loom</a></li></ul></body>`, "Setting up the loom", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(tt.html, Options{})
			b := findBlock(doc, tt.text)
			if b == nil {
				t.Fatalf("no block %q in %q", tt.text, texts(doc, -1))
			}
			if got := b.LinkRunes > 0; got != tt.wantLinks {
				t.Errorf("link runes %d, want links %v", b.LinkRunes, tt.wantLinks)
			}
		})
	}
}
