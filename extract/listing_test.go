package extract

import (
	"fmt"
	"strings"
	"testing"
)

// listingBody runs the whole pipeline on page and returns the body's text and the rules of
// its blocks.
func listingBody(t *testing.T, page string) (string, map[string]int) {
	t.Helper()
	a, err := Extract(strings.NewReader(page), Options{Name: "page.html"})
	if err != nil && a == nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	rules := map[string]int{}
	for _, b := range a.Body {
		sb.WriteString(b.Text)
		sb.WriteByte('\n')
		rules[string(b.Rule)]++
	}
	return sb.String(), rules
}

// A category page: a heading, a line of intro, and a grid of cards, each a linked
// headline, a teaser and an author. Its items are the page's content.
func TestListingPageKeepsItems(t *testing.T) {
	testListingPage(t, "")
}

// The same page with an intro paragraph and each card dated: the cards' dates do not
// make the page a story.
func TestListingPageWithItemDates(t *testing.T) {
	testListingPage(t, `<p class="story-card__meta">Mar 07, 2024 | 4 min read</p>`)
}

func testListingPage(t *testing.T, date string) {
	t.Helper()
	var cards strings.Builder
	heads := []string{"Moss Grows Faster on North Walls Than Anyone Thought",
		"A Lake in the Andes Turns Pink Every Second Spring",
		"Why Migrating Geese Fly Lower Over Frozen Rivers",
		"The Oldest Known Beehive Was Found Under a Farmhouse",
		"Tidal Pools Hold More Kinds of Snail Than Reefs Do",
		"Night Frost Makes Apple Trees Bloom Later, Growers Say"}
	for i, h := range heads {
		fmt.Fprintf(&cards, `<div class="story-card"><a class="story-card__link" href="/nature/story-%d"><h3 class="story-card__title">%s</h3></a>
<p class="story-card__dek">Researchers counted for %d seasons and report a pattern that surprised the team</p>
<span class="story-card__by">Ola Brenner</span>%s</div>
`, i, h, i+3, date)
	}
	page := `<!doctype html><html><head><title>Nature | Field Notes</title></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/nature">Nature</a></li><li><a href="/cities">Cities</a></li></ul></nav>
<main><h1>Nature</h1>
<p>Our nature desk follows the people who count, measure and watch the living world, from the mosses on old walls to the birds over frozen rivers, and reports what they find each week.</p>
<div class="story-grid">` + cards.String() + `</div></main>
<footer class="site-footer"><p>© Field Notes. All rights reserved.</p></footer></body></html>`
	text, rules := listingBody(t, page)
	for _, h := range heads {
		if !strings.Contains(text, h) {
			t.Errorf("the listing's item %q is missing from the body:\n%s", h, text)
		}
	}
	if !strings.Contains(text, "report a pattern that surprised") {
		t.Errorf("the items' teasers are missing from the body:\n%s", text)
	}
	if rules[string(ruleListingItem)] == 0 {
		t.Errorf("no block kept by %s: %v", ruleListingItem, rules)
	}
	if strings.Contains(text, "All rights reserved") || strings.Contains(text, "Cities") {
		t.Errorf("the page's furniture got into the body:\n%s", text)
	}
}

// A news desk's index: each item a linked headline, its date line and a teaser. The
// items' dates belong to the items: a listing keeps them with their items.
func TestListingKeepsItemDates(t *testing.T) {
	var items strings.Builder
	heads := []string{"Harbour Board Closes the Book on Dredging Dispute",
		"Ferry Operator Adds Two Routes for the Summer",
		"Lighthouse Keepers Return to the Northern Cape",
		"Fish Market Opens a Second Hall by the Quay",
		"Coastguard Names a New Station Chief",
		"Shipyard Wins an Order for Three Pilot Boats",
		"Tide Tables for the Coming Year Are Now Printed",
		"Sailing School Doubles Its Summer Classes"}
	for i, h := range heads {
		fmt.Fprintf(&items, `<div class="news-item"><h3><a href="/news/%d">%s</a></h3>
<p class="when">March %d, 2031</p>
<p>The board has named %d new members to the panel that hears the harbour users.</p>
<a href="/news/%d">Read this story</a></div>
`, i, h, 20-i, i+2, i)
	}
	page := `<!doctype html><html><head><title>Harbour News</title></head><body>
<main><h1>Harbour News</h1><div class="news-list">` + items.String() + `</div></main>
<footer><p>© Harbour News.</p></footer></body></html>`
	text, _ := listingBody(t, page)
	for i := range heads {
		if d := fmt.Sprintf("March %d, 2031", 20-i); !strings.Contains(text, d) {
			t.Errorf("the item's date line %q is missing from the body:\n%s", d, text)
		}
	}
}

// A news article that ends with a list of other stories, cards of the same shape as a
// listing's: the article stays the body, the list stays out.
func TestArticleWithRelatedListUnchanged(t *testing.T) {
	var paras, cards strings.Builder
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&paras, `<p>The harbour board met on Tuesday evening and agreed, after a long debate about the cost of the work, that the old pier would be repaired in stages over the coming %d years, starting with the section nearest the fish market where the boards have rotted.</p>
`, i+2)
	}
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&cards, `<div class="story-card"><a class="story-card__link" href="/local/other-%d"><h3 class="story-card__title">Another Story From the Coast Number %d</h3></a>
<p class="story-card__dek">A short teaser for the other story about the coast and its people, number %d</p></div>
`, i, i, i)
	}
	page := `<!doctype html><html><head><title>Old pier to be repaired in stages</title>
<meta property="article:published_time" content="2024-05-02T09:00:00Z"></head><body>
<main><article><h1>Old pier to be repaired in stages</h1>` + paras.String() + `</article>
<section class="more-stories"><h2>More from the coast</h2><div class="story-grid">` + cards.String() + `</div></section></main></body></html>`
	text, rules := listingBody(t, page)
	if rules[string(ruleListingItem)] != 0 {
		t.Errorf("the related list was taken as a listing: %v\n%s", rules, text)
	}
	if strings.Contains(text, "Another Story From the Coast") {
		t.Errorf("the related list got into the body:\n%s", text)
	}
	if !strings.Contains(text, "fish market") {
		t.Errorf("the article's text is missing:\n%s", text)
	}
}

// A blog's recipe index: each card's class list carries the post's own id and categories
// after its kind (as blog software writes them), so no two cards share a whole class
// attribute; the cards are still one list, of one kind.
func TestListingCardsWithPerItemClasses(t *testing.T) {
	var cards strings.Builder
	heads := []string{"Crisp Lentil Cakes with Yoghurt Dip",
		"Slow Roast Squash with Brown Butter",
		"Lemon Barley Salad for Busy Nights",
		"Sticky Sesame Tofu in Twenty Minutes",
		"Smoky Bean Stew with Cornbread Topping",
		"Charred Leek Tart with Goat Cheese",
		"Green Curry Noodles with Crunchy Peanuts",
		"Baked Gnocchi with Cherry Tomatoes and Basil"}
	cats := []string{"category-dinner", "category-vegan category-quick", "category-salad", "category-tofu category-quick", "category-stew", "category-baking category-dinner", "category-noodles", "category-pasta category-quick"}
	for i, h := range heads {
		fmt.Fprintf(&cards, `<article class="recipe-card w-1/2 post-%d type-post hentry %s"><a class="block" href="/recipes/r-%d">
<div class="rating"><span>%d reviews</span> / <span>4.%d average</span></div>
<h3 class="card-title">%s</h3></a></article>
`, 9100+i*37, cats[i], i, 12+i*7, i, h)
	}
	page := `<!doctype html><html><head><title>Weeknight Recipes | Kitchen Notes</title></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/recipes">Recipes</a></li><li><a href="/about">About</a></li></ul></nav>
<main><h1>Weeknight Recipes</h1>
<div class="recipe-grid">` + cards.String() + `</div></main>
<footer class="site-footer"><p>© Kitchen Notes. All rights reserved.</p></footer></body></html>`
	text, rules := listingBody(t, page)
	for _, h := range heads {
		if !strings.Contains(text, h) {
			t.Errorf("the listing's item %q is missing from the body:\n%s", h, text)
		}
	}
	if rules[string(ruleListingItem)] == 0 {
		t.Errorf("no block kept by %s: %v", ruleListingItem, rules)
	}
	if strings.Contains(text, "All rights reserved") {
		t.Errorf("the page's furniture got into the body:\n%s", text)
	}
}

// A short post and its readers' comments under their heading, each in an element whose class names a comment
// glued as blog software writes it (commentbody), with the reader's linked name: the
// comments are no listing to take back as the page's body.
func TestCommentsAreNoListing(t *testing.T) {
	var comments strings.Builder
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&comments, `<div class="commentbody"><p>I walked along the old pier on day %d of the works and the boards by the fish market really were soft underfoot, so the repairs cannot come soon enough for those of us who fish there.</p>
<p class="by">Posted by: <a href="/u/%d">reader %d</a> at May 2, 2024 1:%02d PM</p></div>
`, i, i, i, 10+i)
	}
	page := `<!doctype html><html><head><title>Old pier to be repaired</title></head><body>
<div class="blog"><div class="post"><h1>Old pier to be repaired</h1><p>The harbour board agreed on Tuesday that the old pier will be repaired in stages, starting with the section nearest the fish market, where the boards have rotted through after three wet winters.</p><p>The work will close the pier to anglers for a month each spring, and the board will pay for it from the harbour dues it raised last year, without a loan from the town.</p></div>
<h3>Comments</h3><div id="cl">` + comments.String() + `</div></div></body></html>`
	text, rules := listingBody(t, page)
	if rules[string(ruleListingItem)] != 0 || strings.Contains(text, "cannot come soon enough") {
		t.Errorf("the comments were taken as a listing: %v\n%s", rules, text)
	}
}

// azIndexPage is made up: a catalogue's A–Z index of categories, each letter a group of
// links on one line, under a heading and a line of intro; a site menu in its nav.
func azIndexPage() string {
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Garden tools catalogue</title></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<div class="catalogue"><h1>Garden tools catalogue</h1><p>Browse our suppliers' parts by category.</p>`)
	groups := [][]string{
		{"Axes", "Augers", "Aerators", "Anvil pruners", "Apple pickers"},
		{"Brooms", "Buckets", "Barrows", "Bulb planters", "Border shears"},
		{"Cultivators", "Clippers", "Compost bins", "Cold frames", "Chain saws"},
		{"Dibbers", "Diggers", "Drip lines", "Dutch hoes", "Daisy grubbers"},
		{"Edgers", "Extension poles", "Earth rakes", "Edging irons", "Egg planters"},
		{"Forks", "Fork handles", "Fencing", "Fruit cages", "Fleece covers"},
		{"Gloves", "Garden shears", "Grass seeders", "Gutter scoops", "Grow bags"},
		{"Hoes", "Hedge trimmers", "Hose reels", "Hand trowels", "Hand rakes"},
		{"Loppers", "Lawn rollers", "Leaf blowers", "Leaf grabbers", "Log splitters"},
	}
	for _, g := range groups {
		fmt.Fprintf(&sb, `<div class="letter-group %c"><h3>%c</h3><div class="letter-items">`, g[0][0], g[0][0])
		for _, it := range g {
			fmt.Fprintf(&sb, `<a href="/c/%s">%s</a> `, strings.ToLower(strings.ReplaceAll(it, " ", "-")), it)
		}
		sb.WriteString(`</div></div>`)
	}
	sb.WriteString(`</div><footer class="site-footer"><p>© Garden Parts Ltd</p></footer></body></html>`)
	return sb.String()
}

// A page of next to no text of its own whose main list is rows of links (an A–Z index)
// keeps that list: the menu test is waived below listingTinyBody.
func TestListingAZIndex(t *testing.T) {
	body, rules := listingBody(t, azIndexPage())
	for _, want := range []string{"Axes Augers Aerators", "Loppers Lawn rollers Leaf blowers"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s (rules %v)", want, body, rules)
		}
	}
	if strings.Contains(body, "Contact") {
		t.Errorf("body holds the site menu:\n%s", body)
	}
}

// A guide page under a site header whose navigation opens a mega menu: panels of cards,
// each a linked product name and a line about it, the shape of a listing's items and
// more text than the guide's own few paragraphs. The menu is the site's navigation, never
// the page's list: the guide stays the body and the menu stays out.
func TestMegaMenuIsNoListing(t *testing.T) {
	var menu strings.Builder
	tools := []string{"Soil Meter", "Rain Gauge", "Seed Planner", "Frost Alert", "Pest Finder", "Harvest Log", "Shade Map", "Compost Timer"}
	for i, name := range tools {
		fmt.Fprintf(&menu, `<div class="tile"><a href="/tools/t%d"><span class="tile__name">%s</span>
<p class="tile__line">Keep track of what your beds need through the whole of season %d.</p></a></div>
`, i, name, i+1)
	}
	// the panel's own class names its content, as component libraries do: the menu's
	// hint does not drop the cards, which only the nav element and the roles mark
	page := `<!doctype html><html><head><title>The Beginner's Guide to Vegetable Beds</title></head><body>
<header class="top"><nav class="top-bar" role="menubar"><div role="menuitem">Tools<div class="panel" role="menu"><div class="panel-content"><div class="col">` + menu.String() + `</div></div></div></div></nav></header>
<section class="guide"><h1>The Beginner's Guide to Vegetable Beds</h1>
<p>If you want to grow your own food, this guide walks you through the first season of a raised bed, one chapter at a time.</p>
<h2>Choosing a spot</h2><p>Pick the sunniest corner you have, since most vegetables need six hours of light a day.</p>
<h2>Building the bed</h2><p>Untreated boards and a few screws are all a first bed needs; fill it with soil and compost.</p>
</section></body></html>`
	text, rules := listingBody(t, page)
	if rules[string(ruleListingItem)] != 0 || strings.Contains(text, "Keep track of what your beds need") {
		t.Errorf("the mega menu's cards were kept as a listing (%v):\n%s", rules, text)
	}
	if !strings.Contains(text, "Pick the sunniest corner") {
		t.Errorf("the guide's text is missing from the body:\n%s", text)
	}
}

// flatCards: n cards side by side in one column, no element around each: a linked
// headline, an author and date line, a one-line summary.
func flatCards(n int) (string, []string) {
	heads := []string{"Town Council Votes to Keep the Old Library Open",
		"Farmers Report the Wettest Harvest in Forty Years",
		"A Night Train Returns to the Mountain Line",
		"Schools Try a Later Start to the Winter Term",
		"River Cleanup Draws a Thousand Volunteers",
		"Bakers Guild Opens Its Archive to the Public",
		"New Bridge Design Goes Before the Planning Board",
		"Orchard Growers Count the Cost of the Late Frost"}
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, `<h3><b><a href="/story/%d/">%s</a></b></h3>
<span class="small">Mara Lind, The Valley Post. March %d, 2031. [<a href="/story/%d/#c">%d comments</a>]</span><br>
<span class="sum">People who were there describe what changed for them this year, and what they hope the coming months will bring to the %d families involved.</span><br>
`, i, heads[i], 20-i, i, 30-i, i+3)
	}
	return sb.String(), heads[:n]
}

// An index of stories from an old layout: a short intro, then the cards one after the
// other in one column. The cards are the page's content.
func TestFlatCardListing(t *testing.T) {
	cards, _ := flatCards(8)
	page := `<!doctype html><html><head><title>Most Discussed | The Valley Post</title></head><body>
<div id="head"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></div>
<div id="center"><h1>Most Discussed</h1>
<p>These are the stories our readers talked about most this week, with a line on each to help you choose where to join in.</p>
` + cards + `</div><div id="foot"><p>© The Valley Post.</p></div></body></html>`
	text, rules := listingBody(t, page)
	for i := range 8 {
		if d := fmt.Sprintf("March %d, 2031", 20-i); !strings.Contains(text, d) {
			t.Errorf("the card's date line %q is missing from the body:\n%s", d, text)
		}
	}
	if !strings.Contains(text, "what they hope the coming months will bring to the 5 families") {
		t.Errorf("the cards' summaries are missing from the body:\n%s", text)
	}
	if rules[string(ruleListingItem)] == 0 {
		t.Errorf("no block kept by %s: %v", ruleListingItem, rules)
	}
}

// The same cards after a story of its own: they are other stories, and stay out.
func TestFlatCardsAfterArticleStayOut(t *testing.T) {
	cards, heads := flatCards(6)
	var paras strings.Builder
	for i := range 7 {
		fmt.Fprintf(&paras, "<p>The council met on Tuesday evening for the %d time this year, and the members heard from residents who had waited a long while to speak about the plans for the square, the market and the roads that lead to both of them.</p>\n", i+2)
	}
	page := `<!doctype html><html><head><title>Council Meets on the Square | The Valley Post</title></head><body>
<div id="center"><h1>Council Meets on the Square</h1><p class="date">March 21, 2031</p>
` + paras.String() + `<h2>More stories</h2>
` + cards + `</div></body></html>`
	text, _ := listingBody(t, page)
	if !strings.Contains(text, "the roads that lead to both") {
		t.Fatalf("the article is missing from the body:\n%s", text)
	}
	for _, h := range heads {
		if strings.Contains(text, h) {
			t.Errorf("the other story %q got into the body:\n%s", h, text)
		}
	}
	if strings.Contains(text, "coming months will bring") {
		t.Errorf("the other stories' summaries got into the body:\n%s", text)
	}
}
