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
