package extract

import (
	"strconv"
	"strings"

	"github.com/artclean/artclean/extract/internal/litjson"
)

// A shop's collection page (a category, a search) shows a grid of products, each a name
// and a price; on many shops the grid is drawn by script, and the HTML holds it only as
// the shop platform's data: a JSON list of the products in a script (an analytics
// event's list of the products viewed, a store's state). The passes find nothing to keep
// there but a line of the filter bar. When they kept less than a paragraph and no body
// is declared, the longest such list in the page's scripts is the body, one line a
// product: "Name — price".
//
// An item of such a list is an object with a name ("title" or "name", its own or its
// "product"'s) and a price whose unit the data states: an amount with its currency code
// ({"amount":19.99,"currencyCode":"USD"}), a number beside a currency key, a price
// written as text, or a number under a key that says it counts cents. A bare number is no
// price: platforms write prices in cents and in units alike, and a variant list of one
// product (name, price in cents, stock) is no grid.

// Thresholds of the product-list fallback.
const (
	// productListMin: the fewest distinct products a list must name to be a grid; one
	// or two priced items are the page's own product and its variants, or a related item.
	productListMin = 3
	// productListMaxScripts: the most scripts with prices a page keeps for the fallback;
	// a shop's page has a handful (analytics, state, the product's variants).
	productListMaxScripts = 32
	// productListBudget: the most bytes the reader goes through, in all the page's
	// scripts, looking for JSON values in them: a bound on the work on pages with
	// megabytes of script.
	productListBudget = 16 << 20
	// productListDepth: the deepest nesting read; an event's list of products sits a few
	// levels under the event, and its items a few more.
	productListDepth = 24
)

// ruleProductList marks a line of a shop's product grid read from the platform's data
// in a script, taken as the body when the passes kept less than a paragraph.
const ruleProductList RuleName = "product-list"

// productListFallback takes the shop's product list held in a script as the body when
// the passes kept less than a paragraph and the page declares no body (see the top of
// this file). The list becomes the declared body, which the assembly uses in place of
// the page's blocks when they give less than half of it.
func productListFallback(doc *Document) {
	if len(doc.shopScripts) == 0 || doc.Meta.Body != "" || keptBody(doc.Blocks) >= fallbackMaxBody {
		return
	}
	r := listReader{budget: productListBudget}
	for _, s := range doc.shopScripts {
		r.script(s)
	}
	if len(r.best) < productListMin {
		return
	}
	doc.Meta.Body = strings.Join(r.best, "\n\n")
	doc.embeddedRule = ruleProductList
}

// listReader looks for product lists in scripts and keeps the longest, as lines.
type listReader struct {
	budget int
	best   []string
}

// script reads the JSON values a script holds: objects and arrays written in its code,
// and JSON written as a string literal.
func (r *listReader) script(s string) {
	for i := 0; i < len(s) && r.budget > 0; i++ {
		switch s[i] {
		case '{', '[':
			v, n, ok := litjson.ParsePrefix(s[i:], productListDepth)
			r.budget -= n + 1
			if ok {
				r.walk(v, 0)
				i += n - 1
			}
		case '"', '\'':
			if i+1 < len(s) && (s[i+1] == '[' || s[i+1] == '{') {
				if str, n, ok := jsString(s[i:]); ok {
					r.budget -= n
					r.text(str, 0)
					i += n - 1
				}
			}
		}
	}
}

// text reads a string that holds JSON with prices (an event's data written as a string
// inside the platform's settings).
func (r *listReader) text(s string, depth int) {
	t := strings.TrimSpace(s)
	if t == "" || t[0] != '[' && t[0] != '{' || !strings.Contains(t, `"price`) || r.budget <= 0 {
		return
	}
	r.budget -= len(t)
	if v, ok := litjson.Parse(t, productListDepth); ok {
		r.walk(v, depth+1)
	}
}

// walk visits every array of a value, keeping the longest product list.
func (r *listReader) walk(v any, depth int) {
	if depth > productListDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		if lines := productLines(v); len(lines) > len(r.best) {
			r.best = lines
		}
		for _, e := range v {
			r.walk(e, depth+1)
		}
	case litjson.Object:
		for _, m := range v {
			r.walk(m.Val, depth+1)
		}
	case string:
		r.text(v, depth)
	}
}

// productLines returns a line per distinct product of an array whose objects are mostly
// products (a name and a price of stated unit), or nil.
func productLines(arr []any) []string {
	var lines []string
	seen := map[string]bool{}
	objects, items := 0, 0
	for _, e := range arr {
		o, ok := e.(litjson.Object)
		if !ok {
			continue
		}
		objects++
		name, price := productItem(o)
		if name == "" || price == "" {
			continue
		}
		items++
		if k := letterKey(name); k != "" && !seen[k] {
			seen[k] = true
			lines = append(lines, name+" — "+price)
		}
	}
	if len(lines) < productListMin || 2*items < objects {
		return nil
	}
	return lines
}

// productItem returns an item's name and its price, written with its unit; either is
// empty when the item lacks it.
func productItem(o litjson.Object) (name, price string) {
	name = firstString(o, "title", "name")
	if p, ok := o.Get("product"); ok {
		if po, ok := p.(litjson.Object); ok {
			// a variant of a product: the product's name, not the variant's ("1 bag")
			if n := firstString(po, "title", "name"); n != "" {
				name = n
			}
		}
	}
	name = foldSpace(name)
	currency := firstString(o, "currencyCode", "currency", "priceCurrency")
	for _, m := range o {
		switch k := strings.ToLower(m.Key); {
		case k == "price":
			price = statedPrice(m.Val, currency)
		case strings.HasPrefix(k, "price") && strings.Contains(k, "cents"):
			if f, ok := m.Val.(float64); ok {
				price = money(f/100, currency)
			}
		}
		if price != "" {
			break
		}
	}
	return name, price
}

// statedPrice writes a price whose unit the data states: an amount with its currency, a
// number beside a currency, or a text with digits; "" for a bare number.
func statedPrice(v any, currency string) string {
	switch v := v.(type) {
	case litjson.Object:
		c := firstString(v, "currencyCode", "currency")
		if c == "" {
			return ""
		}
		switch a, _ := v.Get("amount"); a := a.(type) {
		case float64:
			return money(a, c)
		case string:
			if f, err := strconv.ParseFloat(a, 64); err == nil {
				return money(f, c)
			}
		}
	case float64:
		if currency != "" {
			return money(v, currency)
		}
	case string:
		v = foldSpace(v)
		if strings.ContainsAny(v, "0123456789") && len(v) <= 32 {
			if currency != "" && !strings.Contains(v, currency) && strings.IndexFunc(v, isCurrencySign) < 0 {
				return v + " " + currency
			}
			return v
		}
	}
	return ""
}

// currencySigns are the signs written before an amount for the commonest currency codes.
var currencySigns = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹", "KRW": "₩"}

func isCurrencySign(r rune) bool {
	for _, sign := range currencySigns {
		if strings.ContainsRune(sign, r) {
			return true
		}
	}
	return false
}

// money writes an amount in a currency: the sign before it when the code has a common
// one, else the code after it; two decimals unless the amount is whole.
func money(f float64, code string) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if f == float64(int64(f)) {
		s = strconv.FormatFloat(f, 'f', 0, 64)
	}
	if sign, ok := currencySigns[strings.ToUpper(code)]; ok {
		return sign + s
	}
	if code == "" {
		return s
	}
	return s + " " + code
}

// firstString returns the first non-empty string among an object's members named keys.
func firstString(o litjson.Object, keys ...string) string {
	for _, k := range keys {
		if v, ok := o.Get(k); ok {
			if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
				return s
			}
		}
	}
	return ""
}
