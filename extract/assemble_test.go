package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A line the article repeats in the same place of its structure (a recipe's portions under
// each meal) stays every time; a paragraph shown twice in different places (a lead in a
// mobile and a desktop box) stays once.
func TestBodyDuplicates(t *testing.T) {
	page := `<html lang="en"><head><title>A week of lunches</title></head><body>
<div class="post-content">
<p class="lead">Planning five lunches on a Sunday afternoon takes less time than deciding what to eat every single day of the week, and it saves money too.</p>
<div class="lead-box"><p>Planning five lunches on a Sunday afternoon takes less time than deciding what to eat every single day of the week, and it saves money too.</p></div>
<h3>Monday</h3>
<p>Lentil soup with a slice of rye bread and a handful of walnuts on the side.</p>
<p>Containers for the day: 1 Green, 1 Yellow, 1 tsp.</p>
<h3>Tuesday</h3>
<p>Roasted peppers stuffed with rice, feta and parsley, eaten cold from the box.</p>
<p>Containers for the day: 1 Green, 1 Yellow, 1 tsp.</p>
<h3>Wednesday</h3>
<p>A big salad of beans, tomatoes and cucumber with the last of the feta crumbled over it.</p>
<p>Containers for the day: 1 Green, 1 Yellow, 1 tsp.</p>
<p>None of these needs more than twenty minutes of work, and all of them keep in the fridge for three days without going soggy or losing their taste.</p>
</div></body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	if n := strings.Count(all, "Containers for the day: 1 Green, 1 Yellow, 1 tsp."); n != 3 {
		t.Errorf("the repeated portion line stands %d times, want 3:\n%s", n, all)
	}
	if n := strings.Count(all, "Planning five lunches on a Sunday afternoon"); n != 1 {
		t.Errorf("the lead shown twice stands %d times, want 1:\n%s", n, all)
	}
}

// An embedded body that came flattened into one paragraph, escaped twice and without its
// apostrophes still picks out the page's own paragraphs and headings, in page order.
func TestGuidedBody(t *testing.T) {
	page := `<html lang="en"><body>
<div class="content">
<p>The island's ferry will keep its early crossing through the winter, the operator said.</p>
<h2>WHAT CHANGES ON MONDAY</h2>
<p>Two afternoon crossings on weekdays will be dropped until the end of March.</p>
<p>Passengers with season tickets will get a month's refund, paid automatically.</p>
<p><a href="/tag/ferries">Ferries</a></p>
<p><a href="/n/2">Harbour café reopens after the storm</a></p>
</div></body></html>`
	doc := SegmentHTML(page, Options{})
	features(doc)
	doc.Meta.Body = "The island s ferry will keep its early crossing through the winter, the operator said. " +
		"WHAT CHANGES ON MONDAY Two afternoon crossings on weekdays will be dropped until the end of March. " +
		"Passengers with season tickets will get a month s refund, paid automatically. Ferries &amp;mdash; news"
	got := guidedBody(doc)
	var texts []string
	for _, b := range got {
		texts = append(texts, b.Text)
	}
	want := []string{
		"The island's ferry will keep its early crossing through the winter, the operator said.",
		"WHAT CHANGES ON MONDAY",
		"Two afternoon crossings on weekdays will be dropped until the end of March.",
		"Passengers with season tickets will get a month's refund, paid automatically.",
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Errorf("guided body:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	for _, b := range got {
		if b.Role != RoleBody {
			t.Errorf("%q has role %v, want body", b.Text, b.Role)
		}
	}

	// blocks that cover too little of the embedded body do not stand in for it
	doc = SegmentHTML(page, Options{})
	features(doc)
	doc.Meta.Body = doc.Meta.Body + strings.Repeat("A paragraph the page itself never shows to its readers. ", 20)
	if got := guidedBody(doc); got != nil {
		t.Errorf("guided body from a page that holds a small part of it: %d blocks", len(got))
	}
}

// A text dump with no date line, byline or declared title: the headline is the short line
// above the body, below the page's furniture; a dump that opens with its short lines is a
// fragment starting with its deck and has no headline.
func TestTextTitleAboveBody(t *testing.T) {
	page := "Skip to main content\nHome News Sport Weather\nRegion Town Valley\n\nHarbour works\n\n" +
		"Ferry crossings cut for two weeks\n\n" +
		ferryP1 + "\n\n" +
		ferryP2 + "\n\n" +
		ferryP3 + "\n"
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ferry crossings cut for two weeks" {
		t.Errorf("title %q", a.Title)
	}

	fragment := "Harbour wall repairs begin\nFerries run half their crossings\n\n" +
		ferryP1 + "\n\n" +
		ferryP2 + "\n"
	a, err = ExtractString(fragment, Source{Name: "fragment"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "" {
		t.Errorf("a fragment that opens with its deck got the title %q", a.Title)
	}
}

// The line right above a text dump's body is not its headline when it carries a date or
// time, or when a boilerplate rule named it.
func TestTextTitleNotAuthorOrLabel(t *testing.T) {
	body := ferryP1 + "\n\n" +
		ferryP2 + "\n"
	for _, above := range []string{"Maria Lopes 27/09/2018 two comments on this story", "Tempo de leitura: 2 minutos"} {
		page := "Skip to main content\nHome News Sport Weather\n\n" + above + "\n\n" + body
		a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "" {
			t.Errorf("above %q: title %q, want none", above, a.Title)
		}
	}
}

// A list the article itself makes inside its body element (events, each a linked name, a
// date and a line about it) is not a card list of other articles.
func TestCardsInsideBodyStay(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html lang="en"><body><h1>Five things to do in town this weekend</h1><div class="article-body">`)
	b.WriteString(`<p>Spring has finally arrived, and the town has filled its calendar for the first warm weekend of the year with music, food and a little bit of everything else.</p>`)
	events := [][3]string{
		{"Harbour jazz night at the old customs house", "Friday March 4, 2022", "A local quartet plays standards on the terrace from seven, with the bar open until late and tickets at the door; the organisers say that the evening sold out last year, so it is worth coming early for a seat by the water."},
		{"Farmers market on the station square", "Saturday March 5, 2022", "More than forty stalls bring the first spring vegetables, cheese from the valley farms and bread from the island bakery, and the brass band plays on the steps of the station from eleven until the stalls pack up."},
		{"Open day at the lifeboat station", "Saturday March 5, 2022", "The crew shows visitors around the boathouse and explains how a rescue works, with rides on the small boat for children and a stall selling cakes to raise money for the new engine the station needs this year."},
		{"Choir concert in the parish church", "Sunday March 6, 2022", "The town choir sings its spring programme, with a collection for the roof repairs at the end of the evening, and the church will stay open afterwards for anyone who wants to see the restored windows."},
	}
	for i, e := range events {
		fmt.Fprintf(&b, `<h3><a href="/events/%d">%s</a></h3><div class="when">%s</div><p>%s</p>`, i, e[0], e[1], e[2])
	}
	b.WriteString(`<p>Most events are free, and the organisers ask visitors to come by bus or on foot, as parking near the harbour is limited all weekend.</p></div></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, e := range events {
		if !strings.Contains(all, e[2]) {
			t.Errorf("lost %q:\n%s", e[2], all)
		}
	}
}

// A standfirst, the description shown between the headline and the byline, is a deck,
// not the first paragraph; the same description shown as the lede below the byline stays
// body.
func TestStandfirst(t *testing.T) {
	const desc = "The town council wants the old mill turned into flats, but the river trust says the weir must come first."
	page := func(top, below string) string {
		return `<html lang="en"><head><title>What next for the old mill</title>
<meta name="description" content="` + desc + `"></head><body><article>
<h1>What next for the old mill</h1>` + top + `
<p class="by">By Ann Example</p>
<p class="when">March 3, 2021</p>` + below + `
<p>The mill has stood empty for eleven years, and the roof over its north wing fell in during the storms of last winter.</p>
<p>Council officers told the planning committee that the building could hold forty flats if the upper floors were rebuilt.</p>
<p>The river trust said it would object to any plan that left the weir in its present state, because salmon cannot pass it.</p>
</article></body></html>`
	}
	body := func(page string) (string, []string) {
		a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
		if err != nil {
			t.Fatal(err)
		}
		return bodyText(a), a.Subtitles
	}
	all, subs := body(page(`<p>`+desc+`</p>`, ""))
	if strings.Contains(all, "turned into flats") {
		t.Errorf("the standfirst stays in the body:\n%s", all)
	}
	if len(subs) == 0 || subs[len(subs)-1] != desc {
		t.Errorf("subtitles %q, want the standfirst", subs)
	}
	if !strings.Contains(all, "The mill has stood empty") {
		t.Errorf("the body lost its first paragraph:\n%s", all)
	}
	// below the byline it is the lede
	all, _ = body(page("", `<p>`+desc+`</p>`))
	if !strings.Contains(all, "turned into flats") {
		t.Errorf("the lede below the byline was dropped:\n%s", all)
	}
	// with a date line above it, the furniture band has begun: it is the lede
	all, _ = body(page(`<p>Updated March 4, 2021</p><p>`+desc+`</p>`, ""))
	if !strings.Contains(all, "turned into flats") {
		t.Errorf("the lede below a date line was dropped:\n%s", all)
	}
}

// A note on the author after the article's text, naming the author the page declares, is
// not body; the author named in a sentence of the first half is.
func TestAuthorBios(t *testing.T) {
	para := func(text string) *Block {
		b := blk(text)
		b.Role, b.Class = RoleBody, ClassGood
		return b
	}
	blocks := []*Block{
		para("Milan Ostrava ist seit Jahren Stammgast in der Markthalle, schreibt Milan Ostrava selbst in seinem Buch über die Stadt."),
		para("Die Markthalle öffnet im Frühjahr wieder, nachdem das Dach über den Winter erneuert worden ist und die Händler zurückkehren."),
		para("Die Stadt rechnet mit mehr Besuchern als vor der Sanierung, weil auch der Platz davor neu gestaltet wird und Bänke bekommt."),
		para("Reporter Milan Ostrava ist bei der Zeitung für die Stadtpolitik zuständig und schreibt über Bauprojekte."),
		para("Milan Ostrava sagte, die Halle sei ein Ort für alle."),
	}
	authorBios(blocks, 0, []string{"Milan Ostrava"})
	if blocks[3].Rule != ruleAuthorBio || blocks[3].Role != RoleNone {
		t.Errorf("the note on the author: got %v (%s), want it dropped as %s", blocks[3].Role, blocks[3].Rule, ruleAuthorBio)
	}
	if blocks[0].Role != RoleBody {
		t.Errorf("a sentence in the first half: got %v (%s), want body", blocks[0].Role, blocks[0].Rule)
	}
	if blocks[4].Role != RoleBody {
		t.Errorf("the author's name and another verb: got %v (%s), want body", blocks[4].Role, blocks[4].Rule)
	}
	if !namesAuthor(strings.Fields("Jane Roe is a visiting lecturer."), [][]string{{"Jane", "Roe"}}) {
		t.Errorf("namesAuthor: got false for a bio line, want true")
	}
	if namesAuthor(strings.Fields("As the station chief Dr. Jane Roe is a visiting lecturer."), [][]string{{"Jane", "Roe"}}) {
		t.Errorf("namesAuthor: got true for a name after three words, want false")
	}
}

// A text dump that shows its headline twice near the top of the article (the heading and a
// link of the same words) has that line for headline, above the nearer short lines.
func TestTextTitleRepeated(t *testing.T) {
	page := "Skip to main content\nHome News Sport Weather\n\n" +
		"Harbour wall gives way after the storm\n\nHarbour works :\n\nHarbour wall gives way after the storm\n\nAnna Berg\n\n" +
		ferryP1 + "\n\n" +
		ferryP2 + "\n"
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour wall gives way after the storm" {
		t.Errorf("title %q", a.Title)
	}
	for _, b := range a.Body {
		if b.Text == a.Title {
			t.Errorf("the headline stayed in the body")
		}
	}
}

// A text dump whose headline asks a question: the question under the furniture, with the
// paragraphs right after it, is the headline and leaves the body.
func TestTextTitleQuestion(t *testing.T) {
	body := ferryP1 + "\n\n" +
		ferryP2 + "\n"
	page := "Skip to main content\n\nHome News Sport Weather\n\nWhat happens to the ferry while the wall is repaired?\n\n" + body
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "What happens to the ferry while the wall is repaired?" {
		t.Errorf("title %q", a.Title)
	}
	if len(a.Body) == 0 || strings.HasSuffix(a.Body[0].Text, "?") {
		t.Errorf("the question stayed in the body: %q", bodyText(a))
	}
}

// The header of a text dump, read up from its date line or byline (or down from a date
// line that stands above the headline): its furniture, deck and captions are passed
// over to the headline.
func TestTextHeader(t *testing.T) {
	body := ferryP1 + "\n\n" +
		ferryP2 + "\n\n" +
		ferryP3 + "\n"
	menu := "Skip to main content\n\nHome\nNews\nSport\nWeather\n\n"
	const headline = "Ferry crossings cut for two weeks as the harbour wall is mended"
	tests := []struct {
		name, header string
	}{
		{"an author's name above the date line, a deck above it",
			headline + "\n\nThe island's only ferry will sail half as often while builders work.\n\nMarta Kowalski\n12.03.2031 | 09:36 Uhr\n\n"},
		{"a byline too long for the byline rule",
			headline + "\n\nVon Anna Berg, Karl Ode, Lina Hoff, Jonas Weber und Petra Lindqvist-Sørensen\n12.03.2031, 14:55 Uhr\n\n"},
		{"a reading time and a date line the date rules do not read",
			headline + "\n\nVeröffentlicht am Tag 12 um 15:44\n3 Minuten Lesezeit\nVon: Anna Berg\n\n"},
		{"a deck without a full stop under a shorter headline",
			headline + "\n\nThe island's only ferry will sail half as often while builders work on the old harbour wall\n\nAnna Berg\nPublished Mar 12, 2031 • 4 minute read\n\n"},
		{"an image's text and its caption with a credit",
			headline + "\n\nThe island's only ferry will sail half as often while builders work.\n\nWorkers on the harbour wall in the morning\nWorkers on the harbour wall in the morning / Jan Olsen\nAnna Berg\n12. MAR 2031 18:03\n\n"},
		{"a byline with the place written from",
			headline + "\n\nThe island's only ferry will sail half as often while builders work.\n\nAnna Berg in Tromsø\n12.03.2031, 14:55 Uhr\n\n"},
		{"an author's name glued to a relative time",
			headline + "\n\nAnna Berg2 hours ago\nPublished 12.03.2031, 14:55\n\n"},
		{"a byline in lower case, and a photo's rights line",
			headline + "\n\nTous droits réservés Inselpost\n\nvon Anna Berg\n12.03.2031, 14:55 Uhr\n\n"},
		{"a byline glued to its by",
			headline + "\n\n[avatar]byAnna Berg\nMarch 12, 2031\n\n"},
		{"the date line above the headline",
			"News\n\n12.03.2031, 20:28\n\n" + headline + "\n\nHow the island will get by with half its crossings\n\n"},
		{"teasers with their own date lines above the header",
			"[teaser]\nPolitics 11.03.2031 01:34 min\nMinister opens the new bridge to the mainland\n[teaser]\nSport 11.03.2031 02:03 min\nLocal club wins the island cup again\nMore news\nWeather\nTraffic\nShop\nJobs\n\n" +
				headline + "\n\nBy Anna Berg 12.03.2031, 18:11 Uhr\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ExtractString(menu+tt.header+body, Source{Name: "page"}, Options{Input: KindText})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != headline {
				t.Errorf("title %q, want %q", a.Title, headline)
			}
			// the author's name above the date line is no deck line
			if slices.Contains(a.Subtitles, "Marta Kowalski") {
				t.Errorf("the author's name is a subtitle: %q", a.Subtitles)
			}
		})
	}
}

// A line shown twice above a photo credit is an image's caption, not a headline shown
// twice; a headline shown again after its breadcrumb trail, glued to the trail's last
// step, is.
func TestTextTitleRepeatedNotCaption(t *testing.T) {
	body := ferryP1 + "\n\n" +
		ferryP2 + "\n"
	const headline = "Harbour wall gives way after the storm"
	pages := map[string]string{
		"caption": "Skip to main content\nHome News Sport Weather\n\n" + headline + "\n\n" + headline + "\n\n" +
			"Two men stand on the broken wall at dawn\n\nTwo men stand on the broken wall at dawn\n\nPhoto: Jan Olsen\n\n" + body,
		"breadcrumb": "Skip to main content\nHome News Sport Weather\n\nNewsIslandHarbour" + headline + "\n\n" + headline + "\n\nAnna Berg\n\n" + body,
		"below the date line": "Skip to main content\nHome News Sport Weather\n\n" + headline + "\n\nBy Anna Berg\n\n12.03.2031, 09:30\n\n" +
			"Two men stand on the broken wall at dawn\n\nTwo men stand on the broken wall at dawn\n\n" + body,
	}
	for name, page := range pages {
		a, err := ExtractString(page, Source{Name: name}, Options{Input: KindText})
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != headline {
			t.Errorf("%s: title %q, want %q", name, a.Title, headline)
		}
	}
}

// An author box after the article ("About Jane Roe", the name, a note that names her in
// its first words) is dropped; a heading "About" over a paragraph that does not name the
// person is not a box.
func TestAuthorBox(t *testing.T) {
	body := ferryP1 + "\n\n" +
		ferryP2 + "\n\n" +
		ferryP3 + "\n\n"
	box := "About Jane Roe\n\nJane Roe\n\nMother of two and a keen sailor, Jane Roe has written on the island's council and its harbour for the paper since the year the new pier was built.\n"
	a, err := ExtractString("Ferry crossings cut for two weeks\n\n"+body+box, Source{Name: "box"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if text := bodyText(a); strings.Contains(text, "keen sailor") || !strings.Contains(text, "The operator said") {
		t.Errorf("the author box: body\n%s", text)
	}
	other := "About Jane Roe\n\nThe council will meet again in April, when the costs of the works are known and the harbour master has reported on the state of the northern wall.\n"
	a, err = ExtractString("Ferry crossings cut for two weeks\n\n"+body+other, Source{Name: "other"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if text := bodyText(a); !strings.Contains(text, "The council will meet again in April") {
		t.Errorf("a paragraph that names no one was dropped:\n%s", text)
	}
}
