package extract

import (
	"strings"
	"testing"
)

// favorPage is a made-up article: a caption set as a paragraph under its photo, a
// paragraph in a side note between the body's paragraphs, and a desk's name closing it.
const favorPage = `<html lang="en"><head><title>The ferry keeps its winter timetable</title></head><body>
<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<article><div class="article-body">
<h1>The ferry keeps its winter timetable</h1>
<p>The island's ferry will keep its early crossing through the winter, the operator said on Monday, after a month of talks with the harbour board and the town council.</p>
<p>Two afternoon crossings on weekdays will be dropped until the end of March, and passengers with season tickets will get a refund for the month, paid automatically into their accounts.</p>
<img src="/img/harbour.jpg" alt="">
<p>Harbour at dawn</p>
<p>The operator said that the number of passengers in the winter had fallen by a third since the new bridge opened, and that the early crossing was the only one that still paid for itself.</p>
<div class="sidebar-note"><p>The council has asked the operator to publish the number of passengers on each crossing every month, so that the town can see which of them are still needed in the years to come.</p></div>
<p>The harbour board will meet again in the spring to decide on the summer timetable, which in past years has added four crossings a day from the start of May until the end of September.</p>
<p>Local newsroom</p>
</div></article>
<div class="footer"><p>Copyright 2031 The Island Gazette. All rights reserved.</p></div>
</body></html>`

// Precision drops the caption line and the short line at the body's end that balanced
// keeps; recall keeps the side note's paragraph that balanced drops. Each change names its
// rule, and the paragraphs all modes agree on stay.
func TestFavor(t *testing.T) {
	const (
		caption = "Harbour at dawn"
		edge    = "Local newsroom"
		note    = "The council has asked the operator to publish"
		para    = "The harbour board will meet again in the spring"
	)
	tests := []struct {
		favor     string
		in, out   []string
		ruleOf    string // text of a block whose rule is checked
		wantRule  string
		wantTotal int // body blocks
	}{
		{favor: "", in: []string{caption, edge, para}, out: []string{note}, ruleOf: note, wantRule: "class-hint", wantTotal: 6},
		{favor: FavorPrecision, in: []string{para}, out: []string{caption, edge, note}, ruleOf: caption, wantRule: RuleFavorCaption, wantTotal: 4},
		{favor: FavorPrecision, in: []string{para}, out: []string{edge}, ruleOf: edge, wantRule: RuleFavorEdge, wantTotal: 4},
		{favor: FavorRecall, in: []string{caption, edge, note, para}, ruleOf: note, wantRule: RuleFavorInside, wantTotal: 7},
	}
	for _, tt := range tests {
		t.Run(tt.favor+"/"+tt.wantRule, func(t *testing.T) {
			a, err := ExtractString(favorPage, Source{Name: "page"}, Options{Input: KindHTML, Favor: tt.favor})
			if err != nil {
				t.Fatal(err)
			}
			got := bodyText(a)
			checkBody(t, got, tt.in, tt.out)
			n := 0
			for _, b := range a.Body {
				if b.Role == RoleBody {
					n++
				}
			}
			if n != tt.wantTotal {
				t.Errorf("%d body blocks, want %d:\n%s", n, tt.wantTotal, got)
			}
			for _, b := range a.Blocks {
				if strings.HasPrefix(b.Text, tt.ruleOf) && b.Rule != tt.wantRule {
					t.Errorf("%q: rule %q, want %q", tt.ruleOf, b.Rule, tt.wantRule)
				}
			}
		})
	}
}

// A reporting credit closing the body is an edge line for precision; a heading or a short
// line inside the body is not.
func TestFavorPrecisionEdges(t *testing.T) {
	long := func(s string) *Block {
		return &Block{Kind: BlockPara, Text: s, Role: RoleBody, Class: ClassGood, Rule: RuleProse, CF: ClassGood, SentenceEnd: true, Runes: 200, Weighted: 200}
	}
	short := func(s string) *Block {
		return &Block{Kind: BlockPara, Text: s, Role: RoleBody, Class: ClassGood, Rule: RuleContext, CF: ClassShort, Runes: len(s), Weighted: float64(len(s))}
	}
	blocks := []*Block{
		short("Share this"),
		long("The first paragraph of the story, long enough to stand alone."),
		short("In the middle"),
		long("The second paragraph of the story, long enough to stand alone."),
		long("(Reporting by Jane Roe; editing by John Doe.)"),
	}
	for i, b := range blocks {
		b.Index = i
	}
	favor(blocks, 0, FavorPrecision, "")
	want := []string{RuleFavorEdge, RuleProse, RuleContext, RuleProse, RuleFavorEdge}
	for i, b := range blocks {
		if b.Rule != want[i] {
			t.Errorf("block %d %q: rule %q, want %q", i, b.Text, b.Rule, want[i])
		}
	}
}

// The favor pass's rules are listed with the pass rules.
func TestFavorRulesListed(t *testing.T) {
	names := map[string]bool{}
	for _, r := range PassRules() {
		names[r.Name] = true
	}
	for _, r := range favorRules {
		if !names[r.Name] {
			t.Errorf("rule %q not in PassRules", r.Name)
		}
	}
}
