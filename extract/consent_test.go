package extract

import (
	"strings"
	"testing"
)

// A consent container anywhere above a block names it, even when a nearer class names
// the dialog's panel "content"; other negative names still need to be the nearest.
func TestNearestHintConsent(t *testing.T) {
	tests := []struct{ hints, want string }{
		{"cookie-consent-root show dialog panel-content panel-desc", hintConsent},
		{"gdpr-banner article-content", hintConsent},
		{"sidebar article-content", ""},
		{"page main-content text", ""},
		{"page-content consent-box", hintConsent},
	}
	for _, tt := range tests {
		if got := nearestHint(tt.hints); got != tt.want {
			t.Errorf("nearestHint(%q) = %q, want %q", tt.hints, got, tt.want)
		}
	}
}

// consentPage is made up: a recipe index whose own text is a few short link cards, and a
// consent dialog whose panels ("content") hold paragraphs of prose about cookies.
var consentPage = `<html lang="en"><head><title>Weeknight soups</title></head><body>
<div class="page"><h1>Weeknight soups</h1>
<p>Warm bowls for cold evenings, picked by our readers.</p>
<ul class="cards"><li><a href="/r/1">Leek and potato soup</a></li><li><a href="/r/2">Red lentil soup</a></li><li><a href="/r/3">Tomato and bean soup</a></li></ul>
</div>
<div id="cookie-consent-root"><div role="dialog"><div class="panel-content">` +
	strings.Repeat(`<div class="panel-desc"><p>These cookies let us count visits and traffic sources so that we can measure and improve how the site performs, and they help us learn which pages people read most and how they move around the site.</p></div>`, 6) +
	`</div></div></div></body></html>`

// The prose of a consent dialog stays out even when the page has little text of its own:
// the hint that names it is not reverted as a page-wide class would be.
func TestConsentDialogNotBody(t *testing.T) {
	a, err := ExtractString(consentPage, Source{Name: "consent"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if got := bodyText(a); strings.Contains(got, "These cookies let us count visits") {
		t.Errorf("body holds the consent dialog's text:\n%s", got)
	}
}
