package extract

import (
	"strings"
	"testing"
)

// a shop's collection page whose grid is drawn by script: a heading, a filter bar, a
// footer; the products are only in the platform's data
const shopGrid = `<h1>Pottery for the Garden</h1>
<div class="filters"><button>Filter and sort</button> <span>Sort by</span></div>
<div id="grid" data-loading="true"></div>
<footer><a href="/help">Help</a> <a href="/jobs">Jobs</a></footer>`

// the platform's event of the collection viewed, its data written as a string inside
// the settings, the way an analytics setup script carries it
const shopEvent = `<script>(function(c){window.px=c})({"shop":"x","events":"[[\"page_viewed\",{}],[\"collection_viewed\",{\"collection\":{\"title\":\"Pottery\",\"productVariants\":[` +
	`{\"price\":{\"amount\":24.5,\"currencyCode\":\"USD\"},\"product\":{\"title\":\"Terracotta Herb Pot\"},\"title\":\"Small\"},` +
	`{\"price\":{\"amount\":31,\"currencyCode\":\"USD\"},\"product\":{\"title\":\"Glazed Fern Planter\"},\"title\":\"Blue\"},` +
	`{\"price\":{\"amount\":12.75,\"currencyCode\":\"EUR\"},\"product\":{\"title\":\"Clay Watering Bell\"},\"title\":\"One size\"},` +
	`{\"price\":{\"amount\":58,\"currencyCode\":\"CHF\"},\"product\":{\"title\":\"Stoneware Bird Bath\"},\"title\":\"Grey\"}]}}]]"});</script>`

// a variant list of one product, prices in cents with no word of it
const shopVariants = `<script type="application/json">[{"id":1,"title":"Small","name":"Herb Pot - Small","price":2450},{"id":2,"title":"Medium","name":"Herb Pot - Medium","price":2950},{"id":3,"title":"Large","name":"Herb Pot - Large","price":3450}]</script>`

func TestProductListFallbackReadsPlatformData(t *testing.T) {
	got := productBody(t, "<title>Pottery for the Garden</title>", shopGrid+shopEvent+shopVariants)
	for _, want := range []string{"Terracotta Herb Pot — $24.50", "Glazed Fern Planter — $31", "Clay Watering Bell — €12.75", "Stoneware Bird Bath — 58 CHF"} {
		if !strings.Contains(got, want) {
			t.Errorf("body lacks %q:\n%s", want, got)
		}
	}
	for _, not := range []string{"Small", "Herb Pot - Medium", "2450", "Jobs"} {
		if strings.Contains(got, not) {
			t.Errorf("body holds %q:\n%s", not, got)
		}
	}
}

func TestProductListFallbackPlainList(t *testing.T) {
	// a store's state: a JSON array of items with a name, a price as text or in cents
	// the key says, in a script's code
	const state = `<script>window.__STORE__ = {"items":[{"name":"Linen Apron","price":"£18.00"},{"name":"Oak Spoon Set","priceCents":1250,"currency":"GBP"},{"name":"Tin Kettle","price":"22.00","currency":"GBP"}]};</script>`
	got := productBody(t, "<title>Kitchen</title>", shopGrid+state)
	for _, want := range []string{"Linen Apron — £18.00", "Oak Spoon Set — £12.50", "Tin Kettle — 22.00 GBP"} {
		if !strings.Contains(got, want) {
			t.Errorf("body lacks %q:\n%s", want, got)
		}
	}
}

func TestProductListFallbackLeavesOthers(t *testing.T) {
	// prices in cents the data does not call cents are no list
	doc := SegmentHTML("<html><head><title>Pottery</title></head><body>"+shopGrid+shopVariants+"</body></html>", Options{})
	if a, err := extractDocument(doc, Options{}); err == nil && strings.Contains(bodyText(a), "Herb Pot") {
		t.Errorf("a variant list with bare prices read as the grid:\n%s", bodyText(a))
	}
	// a page with an article keeps it
	const article = `<article><h1>How to Pot Herbs</h1><p>Choose a pot with a hole in its base so that the water drains away, and fill it with a light compost mixed with grit.</p><p>Water the herbs in the morning, and move the pot into the shade when the afternoons are hot, since clay dries out quickly.</p></article>`
	if got := productBody(t, "<title>How to Pot Herbs</title>", article+shopEvent); strings.Contains(got, "Terracotta") {
		t.Errorf("an article's page got the product list:\n%s", got)
	}
}
