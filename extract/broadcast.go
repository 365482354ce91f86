package extract

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Broadcast news pages print the script they were read from: the anchor's lead, the
// report, the interviews, each under a mark of who speaks or what part begins ([앵커],
// 【 앵커멘트 】, <기자>, ◀ 앵커 ▶, ▶ 인터뷰 : 홍길동 / 시민, ANCHOR:). The marks belong to
// the transcript: they stay in the body where the page has them, and are neither deck
// lines nor promotions.

//go:embed words/broadcast_marks.txt
var broadcastMarksFile string

// broadcastMarks are the words a mark names, in their written case.
var broadcastMarks = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range wordLines(broadcastMarksFile) {
		m[w] = true
	}
	return m
}()

// markerMaxRunes is the longest a line standing for a transcript mark can be (a mark with
// the speaker's name and role: "▶ 인터뷰(☎) : 홍길동 / 한빛시청 교통과장").
const markerMaxRunes = 40

// markOpen and markClose are the brackets and arrows marks stand between or after.
const (
	markOpen  = "[【<〈《◀▶■◆〔(＜"
	markClose = "]】>〉》◀▶〕)＞"
)

// isMarkerLine reports a broadcast transcript's mark standing alone on its line: any short
// bracketed word ([앵커], [리포트]), or a mark word in brackets or after an arrow, alone or
// followed by the speaker (": 홍길동 / 시민", "홍길동 / 시민"), or a capitalised English mark
// with its colon (ANCHOR:).
func isMarkerLine(t string) bool {
	t = strings.TrimSpace(t)
	n := utf8.RuneCountInString(t)
	if n == 0 || n > markerMaxRunes {
		return false
	}
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && n <= 12 {
		return true
	}
	rest := strings.TrimLeft(t, markOpen+" ")
	opened := len(rest) < len(t)
	// the mark word: letters and inner spaces up to a bracket, a colon or a parenthesis
	end := strings.IndexFunc(rest, func(r rune) bool {
		return !unicode.IsLetter(r) && r != ' '
	})
	if end < 0 {
		end = len(rest)
	}
	word := strings.TrimSpace(rest[:end])
	after := rest[end:]
	if !broadcastMarks[word] {
		// a mark followed by the speaker with no colon: "[인터뷰] 홍길동 / 시민"
		i := strings.IndexAny(rest, markClose)
		if i < 0 || !broadcastMarks[strings.TrimSpace(rest[:i])] {
			return false
		}
		word, after = strings.TrimSpace(rest[:i]), rest[i:]
	}
	if !opened && !strings.HasPrefix(strings.TrimSpace(after), ":") {
		return false // a word at the start of a line is a mark only with brackets or a colon
	}
	if !opened && strings.TrimSpace(after) != ":" {
		return false // "ANCHOR: Good evening." is a paragraph that opens with its speaker
	}
	// what follows the word: a note in parentheses ("(☎)"), closing marks, then nothing,
	// or the speaker after a colon or as "name / role"
	after = strings.TrimSpace(after)
	if strings.HasPrefix(after, "(") {
		if j := strings.IndexByte(after, ')'); j > 0 && j <= 12 {
			after = strings.TrimSpace(after[j+1:])
		}
	}
	after = strings.TrimSpace(strings.TrimLeft(after, markClose+" "))
	// the speaker is a name and a role, not a sentence
	return after == "" || (strings.HasPrefix(after, ":") || strings.Contains(after, "/")) && !strings.ContainsAny(after, ".?!")
}
