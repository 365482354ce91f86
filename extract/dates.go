package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// seoul is the offset of a Korean page's times that carry none.
var seoul = time.FixedZone("KST", 9*3600)

// dateLineTimes reads the publication and update times of a Korean date line
// ("입력 2025-02-06 15:15 수정 2025-02-06 16:00"), as RFC 3339 in Asia/Seoul.
func dateLineTimes(text string) (published, modified string) {
	for _, m := range qDateLineKo.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[2])
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[4])
		h, _ := strconv.Atoi(m[6])
		mi, _ := strconv.Atoi(m[7])
		s, _ := strconv.Atoi(m[8])
		switch strings.ToLower(m[5]) {
		case "오후", "pm":
			if h < 12 {
				h += 12
			}
		case "오전", "am":
			if h == 12 {
				h = 0
			}
		}
		if !validDate(y, mo, d, h, mi, s) {
			continue
		}
		v := time.Date(y, time.Month(mo), d, h, mi, s, 0, seoul).Format(time.RFC3339)
		switch m[1] {
		case "수정", "업데이트", "최종수정", "기사수정", "최종 수정", "수정시간":
			if modified == "" {
				modified = v
			}
		default:
			if published == "" {
				published = v
			}
		}
	}
	return
}

func validDate(y, mo, d, h, mi, s int) bool {
	if y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60 {
		return false
	}
	// the last day of the month: day 0 of the next month
	return d <= time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// zones are the time-zone abbreviations news pages print after a time, with their
// offsets in minutes.
var zones = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180, "MEZ": 60, "MESZ": 120,
	"IST": 5*60 + 30, "KST": 9 * 60, "JST": 9 * 60, "HKT": 8 * 60, "SGT": 8 * 60, "AEST": 10 * 60, "AEDT": 11 * 60,
	"EST": -5 * 60, "EDT": -4 * 60, "ET": -5 * 60, "CST": -6 * 60, "CDT": -5 * 60, "MST": -7 * 60, "MDT": -6 * 60,
	"PST": -8 * 60, "PDT": -7 * 60, "PT": -8 * 60,
}

var (
	reISODate   = regexp.MustCompile(`(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?)?`)
	reMonthDate = regexp.MustCompile(`(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b`)
	reCJKDate   = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reDotDate   = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b|\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b`)
	reClock     = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d\d)(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?([A-Z]{1,4})\)?)?`)
)

// parseLooseDate finds a date (and a time, if one is near) in free text: ISO dates,
// "Nov 19, 2019, 10:31 pm CST", "19 November 2019", "19.11.2019 10:31". It returns RFC 3339
// with an offset when the text gives a zone, else a local "YYYY-MM-DDTHH:MM:SS", or a
// bare date.
func parseLooseDate(text string) (string, bool) {
	t := textScan{text: text, once: true}
	return looseDate(&t)
}

// looseDate is parseLooseDate of a scanned text.
func looseDate(t *textScan) (string, bool) {
	// every pattern below reads the year from four ASCII digits in a row (\d is ASCII in
	// Go), and without a year from 1990 on no date is valid: a text without such a run
	// (most lines) has none
	if !hasRun(t.text, &asciiDigits, 4) {
		return "", false
	}
	return looseDateFull(t)
}

// asciiDigits is the class of \d.
var asciiDigits = func() (c [256]bool) {
	for b := '0'; b <= '9'; b++ {
		c[b] = true
	}
	return c
}()

// looseDateFull is looseDate without its precheck.
func looseDateFull(t *textScan) (string, bool) {
	text := t.text
	y, mo, d := 0, 0, 0
	rest := text
	if m := isoDateIndex(t); m != nil {
		sub := text[m[0]:m[1]]
		if t, ok := parseISO(sub); ok && len(t) > 10 {
			return t, true
		} else if ok {
			// a date alone: the clock may stand apart ("2019-11-19 at 10:31 pm")
			y, _ = strconv.Atoi(t[:4])
			mo, _ = strconv.Atoi(t[5:7])
			d, _ = strconv.Atoi(t[8:10])
			rest = text[m[1]:]
		}
	}
	if y != 0 {
		// taken from the ISO date above
	} else if m := monthDateSubmatch(t); m != nil {
		if m[1] != "" {
			d, _ = strconv.Atoi(m[1])
			mo = months[strings.ToLower(m[2])]
			y, _ = strconv.Atoi(m[3])
		} else {
			mo = months[strings.ToLower(m[4])]
			d, _ = strconv.Atoi(m[5])
			y, _ = strconv.Atoi(m[6])
		}
	} else if m := qCJKDate.findScanSubmatch(t); m != nil {
		y, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		d, _ = strconv.Atoi(m[3])
	} else if m := qDotDate.findScanSubmatch(t); m != nil {
		if m[1] != "" {
			d, _ = strconv.Atoi(m[1])
			mo, _ = strconv.Atoi(m[2])
			y, _ = strconv.Atoi(m[3])
		} else {
			y, _ = strconv.Atoi(m[4])
			mo, _ = strconv.Atoi(m[5])
			d, _ = strconv.Atoi(m[6])
		}
	}
	if !validDate(y, mo, d, 0, 0, 0) {
		return "", false
	}
	c := reClock.FindStringSubmatch(rest)
	if c == nil {
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
	}
	h, _ := strconv.Atoi(c[1])
	mi, _ := strconv.Atoi(c[2])
	s, _ := strconv.Atoi(c[3])
	ampm := strings.ToLower(strings.ReplaceAll(c[4], ".", ""))
	if ampm == "pm" && h < 12 {
		h += 12
	} else if ampm == "am" && h == 12 {
		h = 0
	}
	if !validDate(y, mo, d, h, mi, s) {
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
	}
	if off, ok := zones[c[5]]; ok {
		return time.Date(y, time.Month(mo), d, h, mi, s, 0, time.FixedZone(c[5], off*60)).Format(time.RFC3339), true
	}
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s), true
}

// isoDateIndex is qISODate.findScanSubmatchIndex(t), the regexp run only on a text that
// holds its shape: four digits, a hyphen, two digits, a hyphen, two digits.
func isoDateIndex(t *textScan) []int {
	if !hasISOShape(t.text) {
		return nil
	}
	return qISODate.findScanSubmatchIndex(t)
}

// hasISOShape reports whether s holds dddd-dd-dd (d an ASCII digit), as every match of
// reISODate starts.
func hasISOShape(s string) bool {
	for i := 4; i+6 <= len(s); i++ {
		j := strings.IndexByte(s[i:], '-')
		if j < 0 {
			return false
		}
		i += j // s[i] is a hyphen
		if i >= 4 && i+6 <= len(s) && digitsAt(s, i-4, 4) && digitsAt(s, i+1, 2) && s[i+3] == '-' && digitsAt(s, i+4, 2) {
			return true
		}
	}
	return false
}

// monthDateSubmatch is qMonthDate.findScanSubmatch(t), the regexp run only on a text
// where four digits stand after a white space and before a word boundary, as the year of
// every match of reMonthDate does.
func monthDateSubmatch(t *textScan) []string {
	if !hasSpacedYear(t.text) {
		return nil
	}
	return qMonthDate.findScanSubmatch(t)
}

// hasSpacedYear reports whether s holds \s\d{4}\b: a white space of \s (\t \n \f \r or
// space), four ASCII digits, and then the end or a byte that is no word character.
func hasSpacedYear(s string) bool {
	for i := 1; i+4 <= len(s); i++ {
		c := s[i-1]
		if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') && digitsAt(s, i, 4) &&
			(i+4 == len(s) || !isWordByte(s[i+4])) {
			return true
		}
	}
	return false
}

// digitsAt reports whether s[i:i+n] are ASCII digits (s holding them).
func digitsAt(s string, i, n int) bool {
	for k := i; k < i+n; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

// isWordByte reports whether c is a word character of \b: an ASCII letter, digit or _.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func parseISO(s string) (string, bool) {
	m := reISODate.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if m[4] == "" {
		if !validDate(y, mo, d, 0, 0, 0) {
			return "", false
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
	}
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	sec, _ := strconv.Atoi(m[6])
	if !validDate(y, mo, d, h, mi, sec) {
		return "", false
	}
	local := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, sec)
	switch z := m[7]; {
	case z == "Z":
		return local + "Z", true
	case z != "":
		if len(z) == 5 { // +0900
			z = z[:3] + ":" + z[3:]
		}
		return local + z, true
	}
	return local, true
}

// withOffset gives a local time an offset: Asia/Seoul for a Korean page; otherwise it is
// left without one (the JSON contract wants an offset, so such a time is dropped).
func withOffset(t string, korean bool) string {
	if t == "" || hasOffset(t) {
		return t
	}
	if !korean {
		return ""
	}
	if len(t) == 10 {
		t += "T00:00:00"
	}
	return t + "+09:00"
}

func hasOffset(t string) bool {
	if len(t) < 11 {
		return false
	}
	if strings.HasSuffix(t, "Z") {
		return true
	}
	tail := t[len(t)-6:]
	return (tail[0] == '+' || tail[0] == '-') && tail[3] == ':'
}

// pickDate returns the first candidate with a time of day, normalised; else the first
// date-only candidate.
func pickDate(korean bool, cands ...string) string {
	dateOnly := ""
	for _, c := range cands {
		if c == "" {
			continue
		}
		v, hasTime, ok := normalizeDate(c, korean)
		if !ok {
			continue
		}
		if hasTime {
			return v
		}
		if dateOnly == "" {
			dateOnly = v
		}
	}
	return dateOnly
}

// normalizeDate turns a declared date into RFC 3339. A value without an offset gets
// +09:00 on a Korean page, and stays "YYYY-MM-DDTHH:MM:SS" otherwise.
func normalizeDate(s string, korean bool) (v string, hasTime, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false, false
	}
	// Unix seconds or milliseconds.
	if allDigits(s) && (len(s) == 10 || len(s) == 13) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			if len(s) == 13 {
				n /= 1000
			}
			return time.Unix(n, 0).UTC().Format(time.RFC3339), true, true
		}
	}
	if t, off, ht, ok := scanDate(s); ok {
		return formatDate(t, off, ht, korean), ht, true
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon Jan 2 15:04:05 MST 2006",
		"Mon Jan 02 2006 15:04:05 GMT-0700", "January 2, 2006 15:04", "January 2, 2006", "2 January 2006", "Jan 2, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			name, offset := t.Zone()
			if off, known := zones[name]; known && offset == 0 && off != 0 {
				// a zone abbreviation Go does not know the offset of (CEST, EDT …)
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone(name, off*60))
				offset = off * 60
			}
			hasOff := strings.Contains(layout, "-0700") || name == "UTC" || name == "GMT" || offset != 0
			if name == "KST" {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", 9*3600))
				hasOff = true
			}
			ht := strings.Contains(layout, "15")
			if hasOff {
				return formatDate(t, true, ht, korean), ht, true
			}
			return formatDate(t, false, ht, korean), ht, true
		}
	}
	return "", false, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func formatDate(t time.Time, hasOffset, hasTime, korean bool) string {
	if hasOffset {
		return t.Format(time.RFC3339)
	}
	v := t.Format("2006-01-02T15:04:05")
	if korean {
		v += "+09:00"
	}
	return v
}

// scanDate reads "YYYY-MM-DD[ T]HH:MM[:SS[.fff]][Z|±HH[:]MM| KST| UTC]" with "-", "/" or
// "." between the date parts, and compact "YYYYMMDD[HHMMSS]".
func scanDate(s string) (t time.Time, hasOffset, hasTime, ok bool) {
	i := 0
	num := func(maxDigits int) (int, bool) {
		j := i
		n := 0
		for i < len(s) && i-j < maxDigits && s[i] >= '0' && s[i] <= '9' {
			n = n*10 + int(s[i]-'0')
			i++
		}
		return n, i > j
	}
	var y, mo, d, h, mi, sec int
	var okp bool
	if len(s) >= 8 && allDigits(s[:8]) && (len(s) == 8 || !allDigits(s[:min(len(s), 9)]) || len(s) == 14) {
		y, _ = strconv.Atoi(s[:4])
		mo, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
		i = 8
		if len(s) >= 14 && allDigits(s[8:14]) {
			h, _ = strconv.Atoi(s[8:10])
			mi, _ = strconv.Atoi(s[10:12])
			sec, _ = strconv.Atoi(s[12:14])
			hasTime = true
			i = 14
		}
	} else {
		if y, okp = num(4); !okp || i != 4 {
			return
		}
		if i >= len(s) || (s[i] != '-' && s[i] != '/' && s[i] != '.') {
			return
		}
		sep := s[i]
		i++
		if mo, okp = num(2); !okp {
			return
		}
		if i >= len(s) || s[i] != sep {
			return
		}
		i++
		if d, okp = num(2); !okp {
			return
		}
		if i < len(s) && s[i] == '.' {
			i++
		}
		if i < len(s) && (s[i] == 'T' || s[i] == ' ') {
			k := i + 1
			for k < len(s) && s[k] == ' ' {
				k++
			}
			save := i
			i = k
			if hh, okh := num(2); okh && i < len(s) && s[i] == ':' {
				i++
				if mm, okm := num(2); okm {
					h, mi, hasTime = hh, mm, true
					if i < len(s) && s[i] == ':' {
						i++
						sec, _ = num(2)
					}
					if i < len(s) && (s[i] == '.' || s[i] == ',') {
						i++
						num(9)
					}
				}
			} else {
				i = save
			}
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 1900 || y > 2200 {
		return
	}
	loc := time.UTC
	rest := strings.TrimSpace(s[i:])
	switch {
	case rest == "":
	case rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" || rest == "+00:00Z":
		hasOffset = true
	case rest == "KST":
		hasOffset = true
		loc = time.FixedZone("", 9*3600)
	case rest[0] == '+' || rest[0] == '-':
		r := strings.ReplaceAll(rest[1:], ":", "")
		if !allDigits(r) || (len(r) != 2 && len(r) != 4) {
			return
		}
		oh, _ := strconv.Atoi(r[:2])
		om := 0
		if len(r) == 4 {
			om, _ = strconv.Atoi(r[2:])
		}
		off := oh*3600 + om*60
		if rest[0] == '-' {
			off = -off
		}
		hasOffset = true
		loc = time.FixedZone("", off)
	default:
		// Trailing words ("오전", weekday names …) are not understood.
		return
	}
	if !hasTime && hasOffset {
		hasOffset = true
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), hasOffset, hasTime, true
}
