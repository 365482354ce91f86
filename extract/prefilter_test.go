package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The prefilters must never turn a match into a miss: on every line of the golden inputs,
// and on lines written to hit each rule (and its case-folding corners), a quickRegexp
// answers as its regexp does.
func TestQuickRegexpAgrees(t *testing.T) {
	lines := goldenLines(t)
	for name, q := range quickByName() {
		t.Run(name, func(t *testing.T) {
			matched := 0
			for _, l := range lines {
				got, want := q.MatchString(l), q.Regexp.MatchString(l)
				if got != want {
					t.Errorf("MatchString(%q) = %v, want %v", l, got, want)
				}
				if got, want := q.ReplaceAllString(l, "·"), q.Regexp.ReplaceAllString(l, "·"); got != want {
					t.Errorf("ReplaceAllString(%q) = %q, want %q", l, got, want)
				}
				if want {
					matched++
				}
			}
			if matched == 0 {
				t.Errorf("no test line matches %s: add one", q.Regexp)
			}
		})
	}
}

func TestQuickRegexpFilters(t *testing.T) {
	for _, tc := range []struct {
		q    *quickRegexp
		line string
	}{
		{qCopyright, "The council approved the budget."},
		{qCookie, "The council approved the budget."},
		{qDateLineKo, "시의회는 예산을 승인했다."},
		{qCaptionKo, "The council approved the budget."},
	} {
		if tc.q.may(tc.line) {
			t.Errorf("%s: may(%q) = true, want the prefilter to rule it out", tc.q.Regexp, tc.line)
		}
	}
}

// goldenLines returns lines written to hit each rule (and its case-folding corners),
// then every line of the golden inputs.
func goldenLines(t *testing.T) []string {
	lines := []string{
		"", "ⓒ 2024 Example", "Ⓒ 2024 Example", "© Example", "(C) 2024", "COPYRIGHT 2024", "All Rights Reserved.",
		"ALL RIGHTS RESERVED", "all rightſ reserved", "This website uses coo\u212Aies", "We use cookies to improve",
		"Accept all cookies", "제보는 카카오톡 okjebo", "Have a news tip?", "tips@example.com", "입력 2024.05.14 09:30",
		"기사입력 2024-05-14 오후 3:05", "홍길동 기자 hong@example.com", "[서울=뉴스1] 홍길동 기자", "(끝)", "끝",
		"2024/05/14 09:30 송고", "<저작권자(c) 연합뉴스>", "(END)", "KBS 뉴스 홍길동입니다.", "▲ 사진 설명 (사진=연합뉴스)",
		"사진=연합뉴스", "자료 제공", "Photo: Jane Roe", "(Photo by Jane Roe)", "Getty Images", "REUTERS/Jane Roe",
		"#tag #tag2", "[image-name]", "[INS::INS]", "[ ]", "https://example.com/x", "www.example.com", "▶ 관련 기사",
		"→ more", "Externer Inhalt", "third-party content requires your consent", "enable JavaScript to view",
		"이 브라우저는 video 태그를 지원하지 않습니다", "Flash Player", "촬영기자: 홍길동", "영상편집：홍길동",
		"2019-11-19 at 10:31 pm", "Nov 19, 2019", "19 NOVEMBER 2019", "19.11.2019", "2019/11/19",
		"문장이다.▲ 사진 설명", "끝냈다/로이터연합뉴스그는", "변론[이데일리 홍길동 기자] 국민의힘",
		"34 Comments", "Leave a Reply", "jane says:", "댓글 3개", "Share (opens in new window)",
		"© Jane Roe/Agency", "Image caption A harbor at dawn", "Copyright © 2024", "Sign up for our newsletter",
		"1 - 5 of 36", "Page 2 of 4", "Updated 10:31 am", "2024年5月14日",
		"Reading time: 4 min", "5 min read", "Subscribe to continue reading", "We may earn a commission",
		"3 hours ago", "vor 2 Std.", "Read more: the harbor", "photo [photo-3_small] text [12]",
		"Foto: Jane Roe", "FOTOS: Jane Roe", "ŹRÓDŁO: PAP", "Quelle:dpa", "Crédits : AFP", "Ein Hafen am Morgen.Jane Roe/dpa",
		"Jane Roe / AFP", "JANE ROE/ČTK", "Get in touch at desk@example.com", "E-MAIL: desk@example.com",
		"Schreiben Sie uns: post@example.com", "ÉCRIVEZ-NOUS : desk@example.com",
		"20:42KEY EVENT", "9.05 Pinned post", "19:39 Jane Roe", "07:15 Émile O’Brien-Roe",
		"Box AUFKLAPPEN Box zuklappen", "Expand Collapse", "Détails déplier Détails replier",
		// a case-folding literal with a rune beyond ASCII that has other cases, at the start
		"źródło: PAP", "Źródło: PAP", "CRÉDITO: x", "crédito: x", "Källa: TT", "KÄLLA: TT", "\u212Ailde: NTB",
		"kilde: NTB", "Síguenos en Twitter", "SÍGUENOS EN TWITTER", "ſource: x", "Posted Vídeos",
	}
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*", "input.*"))
	for _, f := range dirs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	return lines
}

// quickByName returns the package's quickRegexps by a short name.
func quickByName() map[string]*quickRegexp {
	return map[string]*quickRegexp{
		"date-line": qDateLineKo, "byline": qBylineKo, "email": qEmail, "copyright": qCopyright,
		"tip-line": qTipLine, "credits": qCredits, "wire-tail": qWireTail, "sign-off": qSignOff,
		"caption-ko": qCaptionKo, "caption-en": qCaptionEn, "hashtags": qHashtags, "placeholder": qPlacehold,
		"url": qURLOnly, "promo": qPromo, "embed": qEmbedGate, "cookie": qCookie, "player": qPlayer,
		"comment-header": qCommentHdr, "new-window": qNewWindow, "photo-credit": qPhotoCredit,
		"image-caption": qImageCaption, "notice": qNotice, "newsletter": qNewsletter, "pager": qPager,
		"updated-at": qUpdatedAt, "cjk-date": qCJKDate, "reading-time": qReadingTime, "paywall": qPaywall,
		"affiliate": qAffiliate, "relative-time": qRelTime, "related-link": qRelatedLink,
		"credit-label": qCreditLabel, "agency-tail": qAgencyTail, "contact-ask": qContactAsk, "live-entry-head": qLiveEntryHead, "toggle": qToggle,
		"placeholder-token": qPlaceholderToken,
		"month-date":        qMonthDate, "dot-date": qDotDate,
		"glued-caption-start": qGluedCaptionStart, "glued-caption-end": qGluedCaptionEnd, "glued-header": qGluedHeader,
	}
}
