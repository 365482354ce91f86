package extract

import (
	"fmt"
	"strings"
	"testing"
)

// classifiedsPage is a made-up board of small ads in table rows: each row a date, the
// ad's text cut off with an ellipsis, and a link to the whole ad; above it the site's
// menus and a search form, below it the pager and a copyright line.
func classifiedsPage(ads int) string {
	texts := []string{
		"Riverside Care Home offers good benefits, a fair starting wage and friendly working conditions for",
		"GARDEN HELP Do you know your way around lawns, hedges and fruit trees? Then we would like to meet",
		"Part time or full time, friendly and flexible, ideal for a person who likes to talk with people and",
		"OFFICE SUPPORT person is needed for our small, quiet office on the main square, some evenings and",
		"Drivers wanted for the early bakery round, a clean licence and a good sense of the town are needed",
		"NIGHT NURSE for a family home, every other weekend only, with a warm and patient manner, apply by",
	}
	var b strings.Builder
	b.WriteString(`<html><head><title>Town Classifieds</title></head><body>
<div class="topnav"><a href="/">Home</a> | <a href="/jobs">Jobs</a> | <a href="/homes">Homes</a> | <a href="/cars">Cars</a></div>
<form><p>Search for...</p><input name="q"></form>
<table><tr><td class="header"><a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">Next</a></td></tr>
<tr><td>`)
	for i := range ads {
		fmt.Fprintf(&b, `<table width="100%%"><tr class="featured"><td width="100" valign="top"><p><font size="1">12-%02d-06</font></p></td>
<td width="308" valign="top"><p>%s...<br>
<strong><a href="/ad/%d">View this ad</a></strong></p></td>
<td width="60"><input type="checkbox" name="ad_%d"></td></tr></table>
`, 1+i, texts[i%len(texts)], 100+i, i)
	}
	b.WriteString(`</td></tr></table>
<p class="copyright">© 2006 Town Newspapers. All rights reserved.</p></body></html>`)
	return b.String()
}

// A page whose only text is a board of ads cut off with ellipses (teasers, to the
// article passes) yields those ads as its body, not nothing.
func TestProseFallbackClassifieds(t *testing.T) {
	a, err := Extract(strings.NewReader(classifiedsPage(6)), Options{Name: "page.html"})
	if err != nil && a == nil {
		t.Fatal(err)
	}
	var text strings.Builder
	rules := map[string]int{}
	for _, b := range a.Body {
		text.WriteString(b.Text + "\n")
		rules[string(b.Rule)]++
	}
	for _, want := range []string{"fair starting wage", "lawns, hedges and fruit trees", "small, quiet office"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("body lacks the ad %q:\n%s", want, text.String())
		}
	}
	for _, not := range []string{"All rights reserved", "View this ad", "Search for"} {
		if strings.Contains(text.String(), not) {
			t.Errorf("body holds %q:\n%s", not, text.String())
		}
	}
	if rules[string(ruleProseFallback)] == 0 {
		t.Errorf("no block kept by %s: %v", ruleProseFallback, rules)
	}
}

// fallbackBlocks builds a page of hand-made blocks: kept good blocks of keep weighted
// runes in all, then a run of n teaser paragraphs of 100 weighted runes each, with a
// short link line between them.
func fallbackBlocks(keep float64, n int) []*Block {
	var blocks []*Block
	if keep > 0 {
		blocks = append(blocks, &Block{Text: "kept", Weighted: keep, CF: ClassGood, CFRule: ruleProse, Class: ClassGood, Rule: ruleProse, SentenceEnd: true})
	}
	blocks = append(blocks, &Block{Text: "Home Jobs Homes", Weighted: 15, CF: ClassBad, CFRule: ruleLinkList, Class: ClassBad, Rule: ruleLinkList})
	for range n {
		blocks = append(blocks,
			&Block{Text: "an ad", Weighted: 100, StopDensity: 0.3, Words: 18, CF: ClassBad, CFRule: ruleTeaser, Class: ClassBad, Rule: ruleTeaser},
			&Block{Text: "View this ad", Weighted: 12, CF: ClassBad, CFRule: ruleLinkList, Class: ClassBad, Rule: ruleLinkList})
	}
	return blocks
}

func fallbackTaken(blocks []*Block) int {
	n := 0
	for _, b := range blocks {
		if b.Rule == ruleProseFallback {
			n++
		}
	}
	return n
}

// The run must hold fallbackMinProse (300 weighted runes: three ads, not two), and the
// body kept must be under fallbackShare of it (a quarter: 100 of 400 is not "far less").
func TestProseFallbackThresholds(t *testing.T) {
	cases := []struct {
		name string
		keep float64
		ads  int
		want int
	}{
		{"nothing kept, two ads", 0, 2, 0},
		{"nothing kept, three ads", 0, 3, 3},
		{"nothing kept, four ads", 0, 4, 4},
		{"99 kept of 400", 99, 4, 4},
		{"100 kept of 400", 100, 4, 0},
		{"101 kept of 400", 101, 4, 0},
		{"a body of its own", fallbackMaxBody, 20, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			blocks := fallbackBlocks(c.keep, c.ads)
			proseFallback(blocks)
			if got := fallbackTaken(blocks); got != c.want {
				t.Errorf("%d blocks taken by %s, want %d", got, ruleProseFallback, c.want)
			}
		})
	}
}

// What a rule names as a kind of text stays out however much prose it holds: a consent
// dialog is never the article.
func TestProseFallbackLeavesNamedBoilerplate(t *testing.T) {
	blocks := fallbackBlocks(0, 0)
	for range 4 {
		blocks = append(blocks, &Block{Text: "consent", Weighted: 200, StopDensity: 0.4, Words: 35, SentenceEnd: true, CF: ClassBad, CFRule: ruleCookieNotice, Class: ClassBad, Rule: ruleCookieNotice})
	}
	proseFallback(blocks)
	if got := fallbackTaken(blocks); got != 0 {
		t.Errorf("%d consent blocks taken by %s, want 0", got, ruleProseFallback)
	}
}
