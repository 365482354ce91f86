package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// reISODate is the pattern a text line's ISO date was read with before scanStamp: the
// reference its loose form keeps to.
var reISODate = regexp.MustCompile(`(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?)?`)

// isoTexts are texts with ISO dates and near misses in them.
func isoTexts(t *testing.T) []string {
	texts := fastPathTexts(t, 11, 5000)
	rng := rand.New(rand.NewPCG(11, 2))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	for range 20000 {
		var b strings.Builder
		b.WriteString(pick("", "Posted ", "x", "12"))
		b.WriteString(pick("2031-07-04", "1997-12-31", "2031-7-04", "20310704", "2031/07/04", "2031-13-40", "12031-07-04"))
		for range rng.IntN(6) {
			b.WriteString(pick("T", " ", "  ", "\t", "08", "8", ":", "17", "5", "60", ".", ",", "123", "Z", "z", "+", "-",
				"09", "0930", "09:30", "+05:30", "-0800", "KST", "UTC", " pm", "x", "\u00a0"))
		}
		texts = append(texts, b.String())
	}
	return texts
}

// The loose form of scanStamp, at the first dddd-dd-dd, reads what reISODate matched.
func TestISOStampAgrees(t *testing.T) {
	hits := 0
	for _, s := range isoTexts(t) {
		m := reISODate.FindStringSubmatchIndex(s)
		p := isoShapeIndex(s)
		if m == nil {
			if p >= 0 {
				t.Errorf("isoShapeIndex(%q) = %d, but reISODate does not match", s, p)
			}
			continue
		}
		hits++
		if p != m[0] {
			t.Errorf("isoShapeIndex(%q) = %d, want %d", s, p, m[0])
			continue
		}
		st, ok := scanStamp(s[p:], true)
		group := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		want := stamp{y: atoi(group(1)), mo: atoi(group(2)), d: atoi(group(3)), h: atoi(group(4)), mi: atoi(group(5)),
			s: atoi(group(6)), hasTime: group(4) != "", zone: group(7), end: m[1] - p}
		if !ok || st != want {
			t.Errorf("scanStamp(%q, true) = %+v, %v; want %+v", s[p:], st, ok, want)
		}
	}
	if hits < 1000 {
		t.Errorf("only %d ISO dates: the test tells little", hits)
	}
}
