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

// One core reads a text line's dates and declared values; where the two forms part,
// each caller keeps to its own.
func TestDateForms(t *testing.T) {
	tests := []struct {
		in        string
		text      string // parseLooseDate
		textOK    bool
		declared  string // normalizeDate, not Korean
		declaredK string // normalizeDate, Korean
	}{
		// both: an ISO time with an offset
		{"2031-07-04T08:17:05+05:30", "2031-07-04T08:17:05+05:30", true, "2031-07-04T08:17:05+05:30", "2031-07-04T08:17:05+05:30"},
		// a text keeps a zero offset as written; a declared value's is Z
		{"2031-07-04T08:17:05+00:00", "2031-07-04T08:17:05+00:00", true, "2031-07-04T08:17:05Z", "2031-07-04T08:17:05Z"},
		{"2031-07-04 08:17 +0930", "2031-07-04T08:17:00+09:30", true, "2031-07-04T08:17:00+09:30", "2031-07-04T08:17:00+09:30"},
		// a date alone: a text's is bare, a declared one's has midnight (and +09:00 on a Korean page)
		{"2031-07-04", "2031-07-04", true, "2031-07-04T00:00:00", "2031-07-04T00:00:00+09:00"},
		// a declared value takes one-digit parts, slashes and dots; a text line's ISO date
		// does not (its slash-and-dot form takes the second, but not the first)
		{"2031-7-04 08:17", "", false, "2031-07-04T08:17:00", "2031-07-04T08:17:00+09:00"},
		{"2031/7/4 8:17", "2031-07-04T08:17:00", true, "2031-07-04T08:17:00", "2031-07-04T08:17:00+09:00"},
		{"2031.07.04. 08:17", "2031-07-04T08:17:00", true, "2031-07-04T08:17:00", "2031-07-04T08:17:00+09:00"},
		// compact dates are declared values only
		{"20310704081705", "", false, "2031-07-04T08:17:05", "2031-07-04T08:17:05+09:00"},
		{"20310704", "", false, "2031-07-04T00:00:00", "2031-07-04T00:00:00+09:00"},
		// words after a date: a text reads on, a declared value is no date
		{"2031-07-04 08:17 KST", "2031-07-04T08:17:00", true, "2031-07-04T08:17:00+09:00", "2031-07-04T08:17:00+09:00"},
		{"2031-07-04 at 8:17 pm", "2031-07-04T20:17:00", true, "", ""},
		{"2031-07-04T08:17:05,5Z", "2031-07-04T08:17:05", true, "2031-07-04T08:17:05Z", "2031-07-04T08:17:05Z"},
		// an hour with a colon and no minutes: a text reads the date alone (the offset is
		// no clock), a declared value is no date
		{"2031-07-04 10: +09:00", "2031-07-04", true, "", ""},
		// a day past the month's end is no date, in a text or a declared value
		{"2031-02-30", "", false, "", ""},
		{"2032-02-29", "2032-02-29", true, "2032-02-29T00:00:00", "2032-02-29T00:00:00+09:00"},
		// years: a text's from 1990 to 2100, a declared value's from 1900 to 2200
		{"1931-07-04", "", false, "1931-07-04T00:00:00", "1931-07-04T00:00:00+09:00"},
		{"2131-07-04 08:17", "", false, "2131-07-04T08:17:00", "2131-07-04T08:17:00+09:00"},
		// an offset that no place has: a text drops it, a declared value is no date
		{"2031-07-04T08:17:05+99:99", "2031-07-04T08:17:05", true, "", ""},
		{"2031-07-04 08:17 -1500", "2031-07-04T08:17:00", true, "", ""},
		{"2031-07-04 08:17 -1200", "2031-07-04T08:17:00-12:00", true, "2031-07-04T08:17:00-12:00", "2031-07-04T08:17:00-12:00"},
		// a leap second: a text writes it, a declared value runs over into the next minute
		{"2031-07-04T08:17:60", "2031-07-04T08:17:60", true, "2031-07-04T08:18:00", "2031-07-04T08:18:00+09:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, ok := parseLooseDate(tt.in); got != tt.text || ok != tt.textOK {
				t.Errorf("parseLooseDate: got %q, %v; want %q, %v", got, ok, tt.text, tt.textOK)
			}
			if got, _, _ := normalizeDate(tt.in, false); got != tt.declared {
				t.Errorf("normalizeDate: got %q, want %q", got, tt.declared)
			}
			if got, _, _ := normalizeDate(tt.in, true); got != tt.declaredK {
				t.Errorf("normalizeDate, Korean: got %q, want %q", got, tt.declaredK)
			}
		})
	}
}
