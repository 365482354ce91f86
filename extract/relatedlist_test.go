package extract

import (
	"testing"

	"golang.org/x/net/html"
)

// TestRelatedListStopsAtSectionHeading checks that a list under a related heading ends at
// a section heading that carries a small link of its own (an "edit" or anchor link), and
// runs on over headings linked in full (the headlines of other articles).
func TestRelatedListStopsAtSectionHeading(t *testing.T) {
	el := &html.Node{Type: html.ElementNode, Data: "h2"}
	for _, tt := range []struct {
		name        string
		linkDensity float64
		wantItem    bool
	}{
		{"section heading with an edit link", 0.12, false},
		{"just under the card-title density", cardTitleLinkDensity - 0.01, false},
		{"headline linked in full", 0.95, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			blocks := []*Block{
				{Text: "See also", Class: ClassBad, Rule: ruleRelatedHeading},
				{Text: "Another story", Kind: BlockHeading, Class: ClassNearGood, Links: 1, LinkDensity: tt.linkDensity, Runes: 30, Node: el},
				{Text: "Some words under it", Class: ClassNearGood, Runes: 19, Node: el},
			}
			relatedLists(blocks)
			if got := blocks[1].Rule == ruleRelatedList; got != tt.wantItem {
				t.Errorf("heading taken as a list item: %v, want %v", got, tt.wantItem)
			}
		})
	}
}
