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
		favor     Favor
		in, out   []string
		ruleOf    string // text of a block whose rule is checked
		wantRule  string
		wantTotal int // body blocks
	}{
		{favor: "", in: []string{caption, edge, para}, out: []string{note}, ruleOf: note, wantRule: "class-hint", wantTotal: 6},
		{favor: FavorPrecision, in: []string{para}, out: []string{caption, edge, note}, ruleOf: caption, wantRule: string(ruleFavorCaption), wantTotal: 4},
		{favor: FavorPrecision, in: []string{para}, out: []string{edge}, ruleOf: edge, wantRule: string(ruleFavorEdge), wantTotal: 4},
		{favor: FavorRecall, in: []string{caption, edge, note, para}, ruleOf: note, wantRule: string(ruleFavorInside), wantTotal: 7},
	}
	for _, tt := range tests {
		t.Run(string(tt.favor)+"/"+tt.wantRule, func(t *testing.T) {
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
				if strings.HasPrefix(b.Text, tt.ruleOf) && b.Rule != RuleName(tt.wantRule) {
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
		return &Block{Kind: BlockPara, Text: s, Role: RoleBody, Class: ClassGood, Rule: ruleProse, CF: ClassGood, SentenceEnd: true, Runes: 200, Weighted: 200}
	}
	short := func(s string) *Block {
		return &Block{Kind: BlockPara, Text: s, Role: RoleBody, Class: ClassGood, Rule: ruleContext, CF: ClassShort, Runes: len(s), Weighted: float64(len(s))}
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
	want := []string{string(ruleFavorEdge), string(ruleProse), string(ruleContext), string(ruleProse), string(ruleFavorEdge)}
	for i, b := range blocks {
		if b.Rule != RuleName(want[i]) {
			t.Errorf("block %d %q: rule %q, want %q", i, b.Text, b.Rule, want[i])
		}
	}
}

// The favor pass's rules are listed with the pass rules.
func TestFavorRulesListed(t *testing.T) {
	names := map[string]bool{}
	for _, r := range PassRules() {
		names[string(r.Name)] = true
	}
	for _, r := range favorRules {
		if !names[string(r.Name)] {
			t.Errorf("rule %q not in PassRules", r.Name)
		}
	}
}

// favorBlocks numbers made-up blocks as a page's blocks.
func favorBlocks(blocks ...*Block) []*Block {
	for i, b := range blocks {
		b.Index = i
	}
	return blocks
}

func favorPara(s string) *Block {
	return &Block{Kind: BlockPara, Text: s, Role: RoleBody, Class: ClassGood, Rule: ruleProse, CF: ClassGood, CFRule: ruleProse, SentenceEnd: true, Runes: len([]rune(s)), Weighted: 200}
}

func checkRules(t *testing.T, blocks []*Block, want []string) {
	t.Helper()
	for i, b := range blocks {
		if b.Rule != RuleName(want[i]) {
			t.Errorf("block %d %q: rule %q, want %q", i, b.Text, b.Rule, want[i])
		}
	}
}

// Precision drops legal small print anywhere in the body, and a note on a person that
// closes it; a paragraph naming a person inside the body, or one without a word of the
// trade, stays.
func TestFavorSmallPrintAndBio(t *testing.T) {
	tests := []struct {
		name string
		last string
		want string
	}{
		{"bio", "Jane Roe is a staff writer covering the island's schools and its harbour.", string(ruleFavorBio)},
		{"greeting", "Hi, I'm Jane, and I have written about ferries for ten years.", string(ruleFavorBio)},
		{"credential", "John Doe, CFP, is a contributing analyst who writes about pensions.", string(ruleFavorBio)},
		{"the author", "The author is a professor of maritime law at a university on the mainland.", string(ruleFavorBio)},
		{"German", "Jane Roe ist Korrespondentin der Zeitung auf der Insel.", string(ruleFavorBio)},
		{"French", "L'auteur est journaliste et vit sur l'île depuis dix ans.", string(ruleFavorBio)},
		{"Portuguese heading", "Sobre o autor: Jane Roe é jornalista e mora na ilha.", string(ruleFavorBio)},
		{"German story", "Die Fähre ist laut dem Betreiber auch im Winter voll, sagte ein Redakteur.", string(ruleProse)},
		{"no trade", "Jane Roe is a keen sailor who lives by the old harbour wall.", string(ruleProse)},
		{"no name", "The operator is a company that the council has asked for figures.", string(ruleProse)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := favorBlocks(
				favorPara("The island's ferry will keep its early crossing through the winter, the operator said."),
				favorPara("John Doe is a manager at the harbour board who has asked for the figures."),
				favorPara("© 2031 The Island Gazette. All rights reserved."),
				favorPara("By signing up you agree to our Terms of Use and acknowledge our Privacy Policy."),
				favorPara(tt.last),
			)
			favor(blocks, 0, FavorPrecision, "")
			checkRules(t, blocks, []string{string(ruleProse), string(ruleProse), string(ruleFavorLegal), string(ruleFavorLegal), tt.want})
		})
	}
}

// Precision drops the body blocks above the page's copy of the headline (a claim box set
// above it) and the headline's copy itself, then a dated byline at the body's new start;
// without the copy among the first blocks nothing moves.
func TestFavorAboveHeadline(t *testing.T) {
	const title = "What the ferry's winter timetable keeps"
	heading := func() *Block {
		return &Block{Kind: BlockHeading, Text: title, Role: RoleBody, Class: ClassGood, Rule: ruleNearProse, Runes: len(title)}
	}
	byline := func() *Block {
		return favorPara("By Jane Roe and John Doe on Monday, May 4th, 2031 at 9:15 a.m.")
	}
	blocks := favorBlocks(
		favorPara("\"Four crossings a day are kept all winter.\""),
		favorPara("— A councillor on Sunday, May 3rd, 2031 in a letter to the paper."),
		heading(),
		byline(),
		favorPara("The island's ferry will keep its early crossing through the winter, the operator said."),
		favorPara("The harbour board will meet again in the spring to decide on the summer timetable."),
	)
	if got := favor(blocks, 0, FavorPrecision, title); got != 3 {
		t.Errorf("first body block %d, want 3", got)
	}
	checkRules(t, blocks, []string{string(ruleFavorAbove), string(ruleFavorAbove), string(ruleDuplicate), string(ruleFavorEdge), string(ruleProse), string(ruleProse)})

	blocks = favorBlocks(
		favorPara("\"Four crossings a day are kept all winter.\""),
		favorPara("The island's ferry will keep its early crossing through the winter, the operator said."),
		favorPara("The harbour board will meet again in the spring to decide on the summer timetable."),
	)
	if got := favor(blocks, 0, FavorPrecision, title); got != 0 {
		t.Errorf("without the headline's copy: first body block %d, want 0", got)
	}
	checkRules(t, blocks, []string{string(ruleProse), string(ruleProse), string(ruleProse)})
}

// On a page whose body is a listing's items, precision leaves the items be: their short
// names and headings beside images are not edges or captions. Elsewhere a heading beside
// an image opens a section and stays, while a short line kept by context there goes.
func TestFavorListingAndHeadings(t *testing.T) {
	item := func(s string, kind BlockKind) *Block {
		return &Block{Kind: kind, Text: s, Role: RoleBody, Class: ClassGood, Rule: ruleListingItem, CF: ClassShort, Runes: len(s), Weighted: float64(len(s))}
	}
	img := func() *Block { return &Block{Kind: BlockImage, Role: RoleImage, Image: &Image{Src: "/a.jpg"}} }
	blocks := favorBlocks(
		item("Harbour Lamp Mk II", BlockHeading), img(), item("Brass, 40 cm", BlockPara),
		item("Harbour Lamp Mk III", BlockHeading), img(), item("Steel, 45 cm", BlockPara),
	)
	favor(blocks, 0, FavorPrecision, "")
	checkRules(t, blocks, []string{string(ruleListingItem), "", string(ruleListingItem), string(ruleListingItem), "", string(ruleListingItem)})

	section := &Block{Kind: BlockHeading, Text: "Winter crossings", Role: RoleBody, Class: ClassGood, Rule: ruleContext, CF: ClassShort, Runes: 16, Weighted: 16}
	line := &Block{Kind: BlockPara, Text: "Harbour at dawn", Role: RoleBody, Class: ClassGood, Rule: ruleContext, CF: ClassShort, Runes: 15, Weighted: 15}
	blocks = favorBlocks(
		favorPara("The island's ferry will keep its early crossing through the winter, the operator said."),
		img(), section,
		favorPara("Two afternoon crossings on weekdays will be dropped until the end of March."),
		line, img(),
		favorPara("The harbour board will meet again in the spring to decide on the summer timetable."),
	)
	favor(blocks, 0, FavorPrecision, "")
	checkRules(t, blocks, []string{string(ruleProse), "", string(ruleContext), string(ruleProse), string(ruleFavorCaption), "", string(ruleProse)})
}

// Recall takes back what was dropped between body paragraphs, but not the furniture
// labels that were never text: an ad label, a button row, a single related link, a photo
// credit.
func TestFavorRecallSkipsFurniture(t *testing.T) {
	dropped := func(s, cf string) *Block {
		return &Block{Kind: BlockPara, Text: s, Role: RoleNone, Class: ClassBad, Rule: RuleName(cf), CF: ClassBad, CFRule: RuleName(cf), Runes: len(s)}
	}
	blocks := favorBlocks(
		favorPara("The island's ferry will keep its early crossing through the winter, the operator said."),
		dropped("Continue reading below", "ui-label"),
		dropped("Share Tweet Email", "buttons"),
		dropped("Read more: Ferry fares rise in spring", "related-link"),
		dropped("Image copyright Harbour Pictures", "photo-credit"),
		dropped("The council asked for the figures of each crossing.", "class-hint"),
		favorPara("The harbour board will meet again in the spring to decide on the summer timetable."),
	)
	favor(blocks, 0, FavorRecall, "")
	checkRules(t, blocks, []string{string(ruleProse), "ui-label", "buttons", "related-link", "photo-credit", string(ruleFavorInside), string(ruleProse)})
}

// Precision drops an appeal to readers for money among the body's last paragraphs, from
// its first paragraph to the end; an article that reports on donations keeps its text,
// and a reporting credit naming a place is an edge line.
func TestFavorAppeal(t *testing.T) {
	tests := []struct {
		name string
		tail []string
		want []string
	}{
		{"appeal", []string{
			"We do this work every day at no cost to you, but it is far from free to produce.",
			"Support Example News so we can keep asking the questions that matter.",
		}, []string{string(ruleFavorAppeal), string(ruleFavorAppeal)}},
		{"member", []string{
			"The harbour board will meet again in the spring to decide on the timetable.",
			"If you value this reporting, please become a member of our newsroom today.",
		}, []string{string(ruleProse), string(ruleFavorAppeal)}},
		{"report", []string{
			"The lifeboat charity said donations had risen by a third since the storm.",
			"Jane Roe contributed reporting from the harbour.",
		}, []string{string(ruleProse), string(ruleFavorEdge)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := []*Block{
				favorPara("The island's ferry will keep its early crossing through the winter, the operator said."),
				favorPara("Two afternoon crossings on weekdays will be dropped until the end of March."),
				favorPara("The operator said the number of passengers had fallen by a third."),
			}
			for _, s := range tt.tail {
				blocks = append(blocks, favorPara(s))
			}
			blocks = favorBlocks(blocks...)
			favor(blocks, 0, FavorPrecision, "")
			checkRules(t, blocks, append([]string{string(ruleProse), string(ruleProse), string(ruleProse)}, tt.want...))
		})
	}
}

// favorColumnsPage is made up: the story's paragraphs in one column, and a paragraph of
// prose in a box of the other column that the balanced pass keeps beside them.
const favorColumnsPage = `<html lang="en"><head><title>The orchard opens its gates</title></head><body>
<div class="page"><div class="col-a"><h1>The orchard opens its gates</h1>
<p>The old orchard above the village will open its gates to visitors every weekend from May, the trust that bought it last year said on Thursday, after the paths were cleared.</p>
<p>Volunteers have spent the winter pruning the apple trees, some of them more than a century old, and mending the stone wall that runs along the lane to the church.</p>
<p>The trust hopes that visitors will help pay for the work, and it will sell juice pressed from the orchard's own apples at a stall beside the gate on Saturdays.</p>
<p>A guided walk will start at the gate at ten o'clock on the first Sunday of each month, and it will end at the pond where the trust plans to plant new pear trees.</p>
<p>The trust's chair said that the village had waited a long time to walk among the trees again, and thanked the families who had given money to buy the land.</p>
<p>Dogs will be welcome on a lead, the trust said, but bicycles will have to be left at the racks by the gate, as the paths between the trees are narrow and soft.</p>
</div>
<div class="col-b"><p>Our walking club meets on the green every Wednesday evening in summer, and new members of every age are welcome to come along and join the walks.</p></div>
</div></body></html>`

// favorThreadPage is made up: a thread of three posts in one list, the first with a long
// pasted log that outweighs the others.
var favorThreadPage = `<html lang="en"><head><title>Build fails after the update</title></head><body>
<h1>Build fails after the update</h1><div class="thread">
<div class="post"><p>Since the update the build fails on every run, and I have not changed anything in the project, so I wonder whether the new version broke something for others too.</p>
<p>` + strings.Repeat("step twelve failed with code two while the cache was read again from the disk, ", 30) + `</p></div>
<div class="post"><p>I had the same failure last week, and clearing the build cache in the settings fixed it for me, so it may be worth trying that first before anything else.</p></div>
<div class="post"><p>Thank you, clearing the cache worked for me as well, and the build has passed three times in a row since I did it this morning.</p></div>
</div></body></html>`

// Precision drops a paragraph outside the element that holds nearly all of the body (a
// box in another column); one long block does not make its post the element that holds
// a thread.
func TestFavorOutsideCore(t *testing.T) {
	const side = "Our walking club meets on the green"
	for _, favor := range []Favor{FavorBalanced, FavorPrecision} {
		a, err := ExtractString(favorColumnsPage, Source{Name: "page"}, Options{Input: KindHTML, Favor: favor})
		if err != nil {
			t.Fatal(err)
		}
		got := bodyText(a)
		if favor == "" {
			checkBody(t, got, []string{side, "The trust's chair said"}, nil)
			continue
		}
		checkBody(t, got, []string{"The trust's chair said"}, []string{side})
		for _, b := range a.Blocks {
			if strings.HasPrefix(b.Text, side) && b.Rule != ruleFavorOutside {
				t.Errorf("%q: rule %q, want %q", side, b.Rule, ruleFavorOutside)
			}
		}
	}
	a, err := ExtractString(favorThreadPage, Source{Name: "thread"}, Options{Input: KindHTML, Favor: FavorPrecision})
	if err != nil {
		t.Fatal(err)
	}
	checkBody(t, bodyText(a), []string{"I had the same failure last week", "clearing the cache worked for me"}, nil)
}
