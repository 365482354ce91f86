package extract

import (
	"strings"
	"testing"
)

// TestSegmentHTMLWrappedLines checks that a <br>-split run keeps a line per block except
// where a single <br> wraps one sentence by hand.
func TestSegmentHTMLWrappedLines(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"hand-wrapped sentence joins",
			"<div>Harbour crews began the<br>\nwork at dawn on the quay.<br><br>A second crew came later.</div>",
			[]string{"Harbour crews began the work at dawn on the quay.", "A second crew came later."}},
		{"a full stop ends the line",
			"<div>The ferry left at nine.<br>\nthen the bridge opened for the morning traffic of the town.<br><br>Done.</div>",
			[]string{"The ferry left at nine.", "then the bridge opened for the morning traffic of the town.", "Done."}},
		{"a capital opens a new line",
			"<div>Roses are red<br>Violets are blue and the garden is long and wide this year<br><br>End</div>",
			[]string{"Roses are red", "Violets are blue and the garden is long and wide this year", "End"}},
		{"a blank line parts paragraphs",
			"<div>the first part of it<br><br>the second part of it and more words to make it long enough to split</div>",
			[]string{"the first part of it", "the second part of it and more words to make it long enough to split"}},
		{"a web address is a line of its own",
			"<div>Harbour model kit with two cranes<br>http://shop.example/kit<br><br>Lighthouse puzzle of the north cape<br>www.example.org/puzzle</div>",
			[]string{"Harbour model kit with two cranes", "http://shop.example/kit", "Lighthouse puzzle of the north cape", "www.example.org/puzzle"}},
		{"a linked line is a line of its own",
			"<div>Harbour model kit with two cranes<br><a href=\"/kit\">see the shop page for it</a><br><br>x</div>",
			[]string{"Harbour model kit with two cranes", "see the shop page for it", "x"}},
		{"a date line is a line of its own",
			"<div>Harbour board gives the ferry line good marks<br>at 09:40 on March 3, 2031, CET<br><br>x</div>",
			[]string{"Harbour board gives the ferry line good marks", "at 09:40 on March 3, 2031, CET", "x"}},
		{"a clause mark ends the line",
			"<div>What to bring:<br>a map of the valley and a lamp, for the nights are long there<br><br>x</div>",
			[]string{"What to bring:", "a map of the valley and a lamp, for the nights are long there", "x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML("<html><body>"+tt.in+"</body></html>", Options{Rules: noRules{}})
			got := texts(doc, -1)
			if !eqStrings(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWrappedLine(t *testing.T) {
	for _, tt := range []struct {
		prev, line string
		want       bool
	}{
		{"the river ran", "down to the sea", true},
		{"the river ran.", "down to the sea", false},
		{"the river ran?”", "down to the sea", false},
		{"the river ran", "Down to the sea", false},
		{"the river ran", "42 boats", false},
		{"江の流れ", "海へ", false}, // no letter case: not told
	} {
		if got := wrappedLine(tt.prev, tt.line); got != tt.want {
			t.Errorf("wrappedLine(%q, %q) = %v, want %v", tt.prev, tt.line, got, tt.want)
		}
	}
}

// TestSegmentHTMLLinkedBlock checks that a block element inside a link counts its link:
// a card's <a> around its headline's <div> closes only after the block is cut.
func TestSegmentHTMLLinkedBlock(t *testing.T) {
	doc := SegmentHTML(`<html><body><a href="/story"><div>Valley council opens the new bridge</div></a>
<p>Plain words with <a href="/x">one link</a> inside.</p><div>No link here at all.</div></body></html>`, Options{Rules: noRules{}})
	for _, tt := range []struct {
		text  string
		links int
	}{
		{"Valley council opens the new bridge", 1},
		{"Plain words with one link inside.", 1},
		{"No link here at all.", 0},
	} {
		b := findBlock(doc, tt.text)
		if b == nil {
			t.Fatalf("no block %q in %q", tt.text, strings.Join(texts(doc, -1), " | "))
		}
		if b.Links != tt.links {
			t.Errorf("%q: Links = %d, want %d", tt.text, b.Links, tt.links)
		}
	}
}
