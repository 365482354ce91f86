package extract

import (
	"strings"
	"testing"
)

// a shop's product page whose description loads later: a buy box of short lines, a
// line of fine print, a footer
const productBox = `<div class="pdp"><h1>Fernwood Trail Boot</h1>
<div class="brand">Hollow Pine Outfitters</div>
<div class="rating"><a href="#r">212</a> ratings</div>
<div class="price">$89.00</div>
<div class="pay">or 4 payments of $22.25</div>
<div class="size">Size: 7 / 8 / 9 / 10</div>
<div class="ship">Free shipping over $50</div>
<div class="stock">In stock, ships in two days</div>
<ul class="share"><li><a href="/s/1">Share</a></li><li><a href="/s/2">Pin it</a></li><li><a href="/s/3">Mail</a></li></ul>
<p class="fine">Prices may change before your order is placed, see terms.</p>
</div><h2>You may also like</h2><div><a href="/a">Creek Sandal</a></div>
<footer><a href="/help">Help</a> <a href="/jobs">Jobs</a></footer>`

func productBody(t *testing.T, head, body string) string {
	t.Helper()
	doc := SegmentHTML("<html><head>"+head+"</head><body>"+body+"</body></html>", Options{})
	a, err := extractDocument(doc, Options{})
	if err != nil {
		t.Fatalf("got error %v", err)
	}
	return bodyText(a)
}

func TestProductFallbackTakesBuyBox(t *testing.T) {
	const ld = `<title>Fernwood Trail Boot | Hollow Pine</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Fernwood Trail Boot","brand":{"@type":"Brand","name":"Hollow Pine Outfitters"},"offers":{"@type":"Offer","price":"89.00","priceCurrency":"USD"}}</script>`
	for _, tt := range []struct{ name, head, body string }{
		{"JSON-LD", ld, productBox},
		{"microdata", `<title>Fernwood Trail Boot | Hollow Pine</title>`, `<div itemscope itemtype="https://schema.org/Product">` + productBox + `</div>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := productBody(t, tt.head, tt.body)
			for _, want := range []string{"Hollow Pine Outfitters", "$89.00", "Size: 7 / 8 / 9 / 10", "In stock, ships in two days"} {
				if !strings.Contains(got, want) {
					t.Errorf("body lacks %q:\n%s", want, got)
				}
			}
			for _, not := range []string{"Creek Sandal", "Jobs"} {
				if strings.Contains(got, not) {
					t.Errorf("body holds %q past the box:\n%s", not, got)
				}
			}
		})
	}
}

func TestProductFallbackNeedsDeclaredProduct(t *testing.T) {
	got := productBody(t, `<title>Fernwood Trail Boot | Hollow Pine</title>`, productBox)
	if strings.Contains(got, "$89.00") {
		t.Errorf("a page declaring no product got its short lines as body:\n%s", got)
	}
}

func TestMicroProduct(t *testing.T) {
	for s, want := range map[string]bool{
		"https://schema.org/Product": true, "http://schema.org/ProductGroup": true,
		"https://schema.org/Offer": false, "https://schema.org/NewsArticle": false, "": false,
	} {
		if got := microProduct(s); got != want {
			t.Errorf("microProduct(%q) = %v, want %v", s, got, want)
		}
	}
}
