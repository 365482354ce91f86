package extract

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/artclean/artclean/extract/internal/input"
)

// escFragment is a made-up article fragment as a scraper would keep it in a JSON string.
const escPage = `<div class="story" data-id="7">
<h1 class="headline">Night ferry back on its old timetable</h1>
<p class="lede">The night ferry to the outer islands sails again at ten past eleven, the harbour office said on Monday, after three weeks in which the crossing was cut to one boat a day.</p>
<p>Passengers who booked the "late boat" in the spring will keep their seats; the office asks those who changed to the morning crossing to check their tickets at the quay.</p>
<p>The café on the upper deck stays closed until May — the crew says the kitchen needs a new stove — but the bar opens as soon as the boat has left the breakwater.</p>
<p>Timetables are posted at the quay, in the library and at the tourist office on Market Street.</p>
</div>`

func escJSONBody(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b[1 : len(b)-1])
}

func TestReadEscapedFragment(t *testing.T) {
	body := escJSONBody(t, escPage) // json.Marshal escapes <, > and & as \u003c …: a harder form
	manual := strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(escPage)
	double := escJSONBody(t, manual)
	tests := []struct{ name, in string }{
		{"quotes and line breaks escaped", manual},
		{"as encoding/json writes it", body},
		{"with the wrapping quotes", `"` + manual + `"` + "\n"},
		{"CRLF escapes and a trailing newline", strings.ReplaceAll(manual, `\n`, `\r\n`) + "\n"},
		{"escaped twice", double},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.in, `\`) {
				t.Fatalf("test input %q has no escapes", tt.in)
			}
			got, _, err := Read(strings.NewReader(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got = strings.ReplaceAll(got, "\r\n", "\n")
			if got != escPage {
				t.Errorf("got %q,\nwant %q", got, escPage)
			}
			if !input.LooksLikeHTML(got) {
				t.Errorf("the unescaped page does not look like HTML")
			}
		})
	}
}

// The article of an escaped fragment is the article of the page it was.
func TestExtractEscapedFragment(t *testing.T) {
	in := strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(escPage)
	got, err := Extract(strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Extract(strings.NewReader(escPage), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Source.Kind != KindHTML {
		t.Errorf("got kind %q, want html", got.Source.Kind)
	}
	if len(got.Body) == 0 || len(got.Body) != len(want.Body) {
		t.Fatalf("got %d body blocks, want %d", len(got.Body), len(want.Body))
	}
	for i := range got.Body {
		if got.Body[i].Text != want.Body[i].Text {
			t.Errorf("block %d: got %q, want %q", i, got.Body[i].Text, want.Body[i].Text)
		}
		if strings.Contains(got.Body[i].Text, `\`) {
			t.Errorf("block %d: got a backslash in %q", i, got.Body[i].Text)
		}
	}
	if got.Title != want.Title {
		t.Errorf("title: got %q, want %q", got.Title, want.Title)
	}
}

// Pages that only carry some escapes are read as they are.
func TestReadNotEscaped(t *testing.T) {
	script := `<script>window.__DATA__ = {"html": "<div class=\"story\">\n<p>Night ferry</p>\n</div>", "more": "<p class=\"x\">\n</p>\n"};</script>`
	tests := []struct{ name, in string }{
		{"a page with escaped JSON in a script", "<html><head>" + script + "</head><body>\n" + escPage + "\n</body></html>"},
		{"a minified page with a single-quoted script string", `<html><body><div class=story><p>Night ferry sails again.</p></div><script>var t='<a href=\"/x\">\n\n\n\n</a>';</script></body></html>`},
		{"a one-line page whose script data outweighs its markup", `<html lang="en"><head><meta charset="utf-8"><title>Night ferry</title></head><body><p class="lede">Night ferry sails again.</p><script>self.push([1,"` +
			strings.Repeat(`{\"id\":\"a1\",\"html\":\"\u003cp\u003eferry\u003c/p\u003e\"},`, 300) + `"])</script></body></html>`},
		{"a text dump about escapes", "Writing a line break\n\nIn C, printf(\"hi\\n\") ends the line; \\n is the escape and \\\" the quote.\n\nMost languages copy \\n, \\t and \\\\ from C.\n"},
		{"a Windows path in prose", `The file sits in C:\new\reports\notes\today.txt, said the office.`},
		{"an escape or two in one line", `<p>The code \n is a line break and \" a quote.</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Read(strings.NewReader(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.in {
				t.Errorf("got %.300q,\nwant it unchanged", got)
			}
		})
	}
}

// A text dump kept in a JSON string is unescaped too, and stays text.
func TestReadEscapedTextDump(t *testing.T) {
	const dump = "Night ferry back on its old timetable\n\nThe night ferry sails again at ten past eleven, the harbour office said.\n\nPassengers who booked the \"late boat\" keep their seats.\n\nTimetables are posted at the quay."
	got, _, err := Read(strings.NewReader(escJSONBody(t, dump)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got != dump {
		t.Errorf("got %q,\nwant %q", got, dump)
	}
	if input.LooksLikeHTML(got) {
		t.Errorf("the unescaped dump looks like HTML")
	}
}
