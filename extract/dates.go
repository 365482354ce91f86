package extract

import (
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
		st := stamp{y: atoi(m[2]), mo: atoi(m[3]), d: atoi(m[4]), h: hour24(atoi(m[6]), strings.ToLower(m[5])),
			mi: atoi(m[7]), s: atoi(m[8])}
		if !st.valid() {
			continue
		}
		v := st.time(seoul).Format(time.RFC3339)
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

// atoi is the number a regexp's group of digits writes (0 for an empty group).
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// hour24 is the hour of the day of hour h of a 12-hour clock with its "am" or "pm"
// (오전, 오후) in lower case; a 24-hour clock's hour ("" beside it) is itself.
func hour24(h int, ampm string) int {
	switch ampm {
	case "오후", "pm":
		if h < 12 {
			h += 12
		}
	case "오전", "am":
		if h == 12 {
			h = 0
		}
	}
	return h
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// German, Dutch and the Nordic languages
	"januar": 1, "januari": 1, "februar": 2, "februari": 2, "märz": 3, "mär": 3, "maart": 3, "mrt": 3, "mars": 3, "marts": 3,
	"mai": 5, "mei": 5, "maj": 5, "juni": 6, "juli": 7, "augustus": 8, "augusti": 8, "oktober": 10, "okt": 10,
	"dezember": 12, "dez": 12, "desember": 12,
	// French
	"janvier": 1, "janv": 1, "février": 2, "févr": 2, "avril": 4, "avr": 4, "juin": 6, "juillet": 7, "juil": 7,
	"août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "déc": 12,
	// Spanish, Portuguese and Italian
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
	"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
	"novembro": 11, "dezembro": 12, "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6,
	"luglio": 7, "settembre": 9, "ottobre": 10, "dicembre": 12,
}

// zones are the time-zone abbreviations news pages print after a time, with their
// offsets in minutes.
var zones = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180, "MEZ": 60, "MESZ": 120,
	"IST": 5*60 + 30, "KST": 9 * 60, "JST": 9 * 60, "HKT": 8 * 60, "SGT": 8 * 60, "AEST": 10 * 60, "AEDT": 11 * 60,
	"EST": -5 * 60, "EDT": -4 * 60, "ET": -5 * 60, "CST": -6 * 60, "CDT": -5 * 60, "MST": -7 * 60, "MDT": -6 * 60,
	"PST": -8 * 60, "PDT": -7 * 60, "PT": -8 * 60,
	"WET": 0, "WEST": 60, "WAT": 60, "CAT": 120, "SAST": 120, "EAT": 180, "PKT": 5 * 60, "ICT": 7 * 60, "WIB": 7 * 60,
	"MYT": 8 * 60, "PHT": 8 * 60, "AWST": 8 * 60, "NZST": 12 * 60, "NZDT": 13 * 60, "BRT": -3 * 60, "ART": -3 * 60, "HST": -10 * 60,
}

var (
	reMonthDate = regexp.MustCompile(`(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(\pL{3,10})\.?,?\s+(?:de\s+)?(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b`)
	reCJKDate   = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reDotDate   = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b|\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b`)
	reClock     = regexp.MustCompile(`(?i)\b(\d{1,2})([:.])(\d\d)(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?((?:UTC|GMT)\s?[-+−]\s?\d{1,2}(?::?\d\d)?|[A-Z]{1,4})\)?)?`)
	// reZoneOffset reads "UTC+1", "GMT-05:00"
	reZoneOffset = regexp.MustCompile(`^(?:UTC|GMT)\s?([-+−])\s?(\d{1,2})(?::?(\d\d))?$`)
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
	// every form below reads the year from four ASCII digits in a row, and without a
	// year from 1990 on no date is valid: a text without such a run (most lines) has none
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
	text, rest := t.text, t.text
	var st stamp
	if p := isoShapeIndex(text); p >= 0 {
		if iso, _ := scanStamp(text[p:], true); iso.valid() {
			if iso.hasTime {
				return iso.local(), true
			}
			// a date alone: the clock may stand apart ("2019-11-19 at 10:31 pm")
			st, rest = iso, text[p+iso.end:]
		}
	}
	if st.y != 0 {
		// taken from the ISO date above
	} else if !hasShortDigitRun(text) {
		// none of the forms below can match (a copyright year, a year span): each holds
		// a day or a month of one or two digits standing alone
	} else if m := monthDateSubmatch(t); m != nil {
		if m[1] != "" {
			st = stamp{y: atoi(m[3]), mo: months[strings.ToLower(m[2])], d: atoi(m[1])}
		} else {
			st = stamp{y: atoi(m[6]), mo: months[strings.ToLower(m[4])], d: atoi(m[5])}
		}
	} else if m := qCJKDate.findScanSubmatch(t); m != nil {
		st = stamp{y: atoi(m[1]), mo: atoi(m[2]), d: atoi(m[3])}
	} else if m := qDotDate.findScanSubmatch(t); m != nil {
		if m[1] != "" {
			st = stamp{y: atoi(m[3]), mo: atoi(m[2]), d: atoi(m[1])}
		} else {
			st = stamp{y: atoi(m[4]), mo: atoi(m[5]), d: atoi(m[6])}
		}
	}
	if !st.valid() {
		return "", false
	}
	c := clockIn(rest)
	if c == nil {
		return st.local(), true
	}
	date := st
	st.h, st.mi, st.s, st.hasTime = atoi(c[1]), atoi(c[3]), atoi(c[4]), true
	st.h = hour24(st.h, strings.ToLower(strings.ReplaceAll(c[5], ".", "")))
	if !st.valid() {
		return date.local(), true
	}
	if off, ok := zoneOffset(c[6]); ok {
		return st.time(time.FixedZone(c[6], off*60)).Format(time.RFC3339), true
	}
	return st.local(), true
}

// clockIn finds the time of day in a date line: the first "10:31" (with seconds, am/pm and
// a zone where written), or a "12.42" that a zone follows (a dot also parts dates and
// decimals, so alone it is no time). Digits after a sign are a UTC offset ("+09:00"), not
// a time. It returns the groups of reClock, or nil.
func clockIn(s string) []string {
	for _, ci := range reClock.FindAllStringSubmatchIndex(s, -1) {
		if ci[0] > 0 && (s[ci[0]-1] == '+' || s[ci[0]-1] == '-') {
			return nil
		}
		c := make([]string, len(ci)/2)
		for k := range c {
			if ci[2*k] >= 0 {
				c[k] = s[ci[2*k]:ci[2*k+1]]
			}
		}
		if c[2] == "." {
			if _, ok := zoneOffset(c[6]); !ok {
				continue
			}
		}
		return c
	}
	return nil
}

// zoneOffset is the offset in minutes of a zone written after a time: an abbreviation
// of zones, or UTC/GMT with an offset in hours ("UTC+1", "GMT-05:00").
func zoneOffset(z string) (int, bool) {
	if off, ok := zones[z]; ok {
		return off, true
	}
	m := reZoneOffset.FindStringSubmatch(z)
	if m == nil {
		return 0, false
	}
	h, mi := atoi(m[2]), atoi(m[3])
	if !offsetInRange(h, mi) {
		return 0, false
	}
	off := h*60 + mi
	if m[1] != "+" {
		off = -off
	}
	return off, true
}

// A stamp is a date and time as written, before it is checked or put in a zone.
type stamp struct {
	y, mo, d, h, mi, s int
	hasTime            bool
	// zone is the offset or zone name written after the time ("" for none), off its
	// offset in seconds.
	zone string
	off  int
	end  int // the bytes scanStamp read
}

// valid reports whether the stamp is a real date and time from 1990 to 2100, as a
// text line's date must be.
func (st stamp) valid() bool {
	if st.y < 1990 || st.y > 2100 || st.mo < 1 || st.mo > 12 || st.d < 1 || st.h < 0 || st.h > 23 ||
		st.mi < 0 || st.mi > 59 || st.s < 0 || st.s > 60 {
		return false
	}
	return st.d <= daysIn(st.y, st.mo)
}

// daysIn is the number of days of month m of year y: day 0 of the next month.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// time is the stamp in loc; a day or second past the end of its month or minute runs
// over into the next.
func (st stamp) time(loc *time.Location) time.Time {
	return time.Date(st.y, time.Month(st.mo), st.d, st.h, st.mi, st.s, 0, loc)
}

// local writes a valid stamp as it was read: "2006-01-02" without a time of day,
// "2006-01-02T15:04:05" with one, and then its zone as written, with a colon between
// the hours and minutes of an offset ("+0900" is "+09:00").
func (st stamp) local() string {
	b := make([]byte, 0, 25)
	b = append(b, byte('0'+st.y/1000), byte('0'+st.y/100%10), byte('0'+st.y/10%10), byte('0'+st.y%10))
	put := func(sep byte, n int) { b = append(b, sep, byte('0'+n/10), byte('0'+n%10)) }
	put('-', st.mo)
	put('-', st.d)
	if st.hasTime {
		put('T', st.h)
		put(':', st.mi)
		put(':', st.s)
	}
	if z := st.zone; len(z) == 5 {
		b = append(append(b, z[:3]...), ':', z[3], z[4])
	} else {
		b = append(b, z...)
	}
	return string(b)
}

// offsetInRange reports whether hours and minutes make a UTC offset that exists
// (−12:00 to +14:00, minutes below 60).
func offsetInRange(h, m int) bool { return h <= 14 && m < 60 }

// scanStamp reads the numeric date at the start of s in one of two forms.
//
// A declared value (loose false) is read whole:
// "YYYY-MM-DD[ T]HH:MM[:SS[.fff]][Z|±HH[:]MM| KST| UTC]" with "-", "/" or "." between the
// date parts and one or two digits to each part, or compact "YYYYMMDD[HHMMSS]"; anything
// else after the date makes it no date.
//
// A text line's ISO date (loose true) is what follows it in the line:
// "YYYY-MM-DD[(T| )HH:MM[:SS][.fff][ ][Z|±HH[:]MM]]", two digits to each part, and the
// stamp ends where that form does (end).
//
// Neither checks the ranges of the parts: the callers do, each its own way.
func scanStamp(s string, loose bool) (st stamp, ok bool) {
	i := 0
	// num reads from lo to hi digits at i; with fewer it reads none
	num := func(lo, hi int) (int, bool) {
		n, j := 0, i
		for j < len(s) && j-i < hi && '0' <= s[j] && s[j] <= '9' {
			n = n*10 + int(s[j]-'0')
			j++
		}
		if j-i < lo {
			return 0, false
		}
		i = j
		return n, true
	}
	at := func(set string) bool { return i < len(s) && strings.IndexByte(set, s[i]) >= 0 }
	// a declared value's parts take one digit or two, its seconds and fraction none or
	// some; a text's take two, and seconds or a fraction without digits are not read
	w, seps, secs, fraction, fracMin, fracMax := 1, "-/.", 0, ".,", 0, 9
	if loose {
		w, seps, secs, fraction, fracMin, fracMax = 2, "-", 2, ".", 1, len(s)
	}
	if !loose && len(s) >= 8 && allDigits(s[:8]) && (len(s) == 8 || len(s) == 14 || !allDigits(s[8:9])) {
		st.y, _ = num(4, 4)
		st.mo, _ = num(2, 2)
		st.d, _ = num(2, 2)
		if len(s) >= 14 && allDigits(s[8:14]) {
			st.h, _ = num(2, 2)
			st.mi, _ = num(2, 2)
			st.s, _ = num(2, 2)
			st.hasTime = true
		}
	} else {
		if st.y, ok = num(4, 4); !ok || !at(seps) {
			return st, false
		}
		sep := s[i : i+1]
		i++
		if st.mo, ok = num(w, 2); !ok || !at(sep) {
			return st, false
		}
		i++
		if st.d, ok = num(w, 2); !ok {
			return st, false
		}
		if !loose && at(".") {
			i++
		}
		if at("T ") {
			save := i
			i++
			for !loose && at(" ") {
				i++
			}
			if h, okh := num(w, 2); okh && at(":") {
				i++
				if mi, okm := num(w, 2); okm {
					st.h, st.mi, st.hasTime = h, mi, true
					if at(":") {
						i++
						if st.s, ok = num(secs, 2); !ok {
							i--
						}
					}
					if at(fraction) {
						i++
						if _, ok = num(fracMin, fracMax); !ok {
							i--
						}
					}
				} else if loose {
					i = save
				} else {
					return st, false // an hour and a colon, no minutes: no time, and no date
				}
			} else {
				i = save
			}
		}
	}
	if loose {
		// after a time, white space of \s and Z or ±HH[:]MM
		if st.hasTime {
			for at(" \t\n\f\r") {
				i++
			}
			z := i
			if at("Z") {
				i++
			} else if at("+-") {
				i++
				hh, okh := num(2, 2)
				if okh && at(":") {
					i++
				}
				if mm, okm := num(2, 2); !okh || !okm || !offsetInRange(hh, mm) {
					i = z
				}
			}
			st.zone = s[z:i]
		}
		st.end = i
		return st, true
	}
	switch st.zone = strings.TrimSpace(s[i:]); {
	case st.zone == "", st.zone == "Z", st.zone == "z", st.zone == "UTC", st.zone == "GMT", st.zone == "+00:00Z":
	case st.zone == "KST":
		st.off = zones["KST"] * 60
	case st.zone[0] == '+' || st.zone[0] == '-':
		r := strings.ReplaceAll(st.zone[1:], ":", "")
		if !allDigits(r) || (len(r) != 2 && len(r) != 4) || !offsetInRange(atoi(r[:2]), atoi(r[2:])) {
			return st, false
		}
		st.off = atoi(r[:2])*3600 + atoi(r[2:])*60
		if st.zone[0] == '-' {
			st.off = -st.off
		}
	default:
		// Trailing words ("오전", weekday names …) are not understood.
		return st, false
	}
	return st, true
}

// isoShapeIndex is the index of the first dddd-dd-dd in s (d an ASCII digit), where a
// text line's ISO date starts, or -1.
func isoShapeIndex(s string) int {
	for i := 4; i+6 <= len(s); i++ {
		j := strings.IndexByte(s[i:], '-')
		if j < 0 {
			return -1
		}
		i += j // s[i] is a hyphen
		if i >= 4 && i+6 <= len(s) && digitsAt(s, i-4, 4) && digitsAt(s, i+1, 2) && s[i+3] == '-' && digitsAt(s, i+4, 2) {
			return i - 4
		}
	}
	return -1
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

// hasShortDigitRun reports whether s holds a run of one or two ASCII digits with no digit
// on either side: the day of reMonthDate's forms, the month and day of reCJKDate's and
// reDotDate's (each \d{1,2} of them stands by a \b, a space, a dot, a slash or 年, 月).
func hasShortDigitRun(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j-i <= 2 {
			return true
		}
		i = j
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
	if st, ok := scanStamp(s, false); ok && st.y >= 1900 && st.y <= 2200 && st.mo >= 1 && st.mo <= 12 &&
		st.d >= 1 && st.d <= daysIn(st.y, st.mo) && st.h <= 23 && st.mi <= 59 && st.s <= 60 {
		loc := time.UTC
		if st.off != 0 {
			loc = time.FixedZone("", st.off)
		}
		return formatDate(st.time(loc), st.zone != "", korean), st.hasTime, true
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
			return formatDate(t, hasOff, korean), strings.Contains(layout, "15"), true
		}
	}
	return "", false, false
}

// allDigits reports whether s is ASCII digits, one or more.
func allDigits(s string) bool { return s != "" && digitsAt(s, 0, len(s)) }

func formatDate(t time.Time, hasOffset, korean bool) string {
	if hasOffset {
		return t.Format(time.RFC3339)
	}
	v := t.Format("2006-01-02T15:04:05")
	if korean {
		v += "+09:00"
	}
	return v
}
