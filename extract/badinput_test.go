package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSegmentHTMLDeepKeepsScriptsOut checks that a page nested past the parser's depth limit,
// which is flattened and parsed again, still leaves script, style and other raw text out.
func TestSegmentHTMLDeepKeepsScriptsOut(t *testing.T) {
	const prose = "<p>The harbour master said the boats would return at dawn once the storm had passed.</p>"
	inner := prose +
		"<script>var zqScriptToken = 1; if (a < b) { document.write('<p>zqWrittenToken</p>') }</script>" +
		"<style>.zqStyleToken { color: red }</style>" +
		"<noscript>zqNoscriptToken</noscript>" +
		"<template><p>zqTemplateToken</p></template>" +
		"<textarea>zqTextareaToken</textarea>" +
		"<svg><text>zqSvgToken</text></svg>" + prose
	for _, depth := range []int{10, 600, 5000} {
		page := "<html><body>" + strings.Repeat("<div>", depth) + inner + strings.Repeat("</div>", depth) + "</body></html>"
		doc := SegmentHTML(page, Options{})
		var all strings.Builder
		for _, b := range doc.Blocks {
			all.WriteString(b.Text + "\n")
		}
		got := all.String()
		if !strings.Contains(got, "harbour master") {
			t.Errorf("depth %d: got blocks %q, want the prose", depth, got)
		}
		for _, tok := range []string{"zqScriptToken", "zqWrittenToken", "zqStyleToken", "zqNoscriptToken", "zqTemplateToken", "zqTextareaToken", "zqSvgToken"} {
			if strings.Contains(got, tok) {
				t.Errorf("depth %d: got %q in the blocks, want no raw text of skipped elements", depth, tok)
			}
		}
	}
}

// TestDataBodyDeterministic gives two script bodies of the same length under different
// keys: the one chosen must not depend on map order.
func TestDataBodyDeterministic(t *testing.T) {
	body := func(word string) string {
		return `{"content_elements":[{"type":"text","content":"` + strings.Repeat(word+" ", 30) + `"}]}`
	}
	js := `{"a":` + body("alpha") + `,"b":` + body("bravo") + `,"c":` + body("gamma") + `,"d":` + body("delta") + `}`
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	want := dataArticle(v).body
	for i := 0; i < 50; i++ {
		if got := dataArticle(v).body; got != want {
			t.Fatalf("run %d: got %.40q, want %.40q", i, got, want)
		}
	}
}

func TestStripRawElements(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "plain text, no tags", "plain text, no tags"},
		{"script", "before\n<script>var x = 1;</script>\nafter", "before\n\nafter"},
		{"upper case with attributes", "a <SCRIPT type=\"text/javascript\">x()</SCRIPT > b", "a  b"},
		{"style", "a<style>.c{color:red}</style>b", "ab"},
		{"two", "1<script>x</script>2<style>y</style>3", "123"},
		{"not closed", "a <script> is how pages load code", "a <script> is how pages load code"},
		{"a word starting with script", "the <scripture> reading</scripture>", "the <scripture> reading</scripture>"},
		{"Korean around", "앞 문장<script>z()</script>뒤 문장", "앞 문장뒤 문장"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripRawElements(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
