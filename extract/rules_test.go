package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// blk is a text block with its derived features filled, as Features leaves it.
func blk(text string) *Block {
	b := &Block{Kind: BlockPara, Text: text}
	blockFeatures(b)
	return b
}

// firstRule is the name of the first built-in rule that matches b, or "" when none does.
func firstRule(b *Block) string {
	for _, r := range builtinRules {
		if r.match(b) {
			return r.Name
		}
	}
	return ""
}

func TestRulesMatch(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // the first rule that matches; "" for none
	}{
		// date-line
		{"date-line ko", "입력 2025-02-06 15:15", "date-line"},
		{"date-line ko with 수정", "입력 2023.04.07 (08:26) 수정 2023.04.07 (09:12) 사회", "date-line"},
		{"date-line wire", "송고시간2025-01-02 10:00", "date-line"},
		{"date-line en loose", "Jane Doe - Nov 19, 2019, 10:31 pm CST", "date-line"},
		{"date-line not a sentence with a date", "The council met on Nov 19, 2019 to vote on the plan.", ""},
		// comment-header, in other languages too
		{"comment count de", "14 Kommentare", "comment-header"},
		{"comment count fr", "3 commentaires", "comment-header"},
		{"comment button de", "Kommentare einblenden", "comment-header"},
		{"comment login de", "Sie müssen angemeldet sein, um zu kommentieren.", "comment-header"},
		{"comment login en", "You must be logged in to post a comment.", "comment-header"},
		{"comment box es", "Escribe tu comentario", "comment-header"},
		{"opinion label is no comment box", "Kommentar", ""},
		// copyright
		{"copyright ⓒ", "ⓒ 새벽일보, 무단전재 및 재배포 금지", "copyright"},
		{"copyright en", "© 2023 Coastline Herald Media. All rights reserved.", "copyright"},
		{"copyright AI", "저작권자(c) 한반도통신, 무단 전재-재배포, AI 학습 및 활용 금지", "copyright"},
		{"copyright not prose about copyright law", "그는 저작권 분쟁이 길어질 수 있다고 말했다.", ""},
		// tip-line
		{"tip-line ko", "제보는 카카오톡 okjebo", "tip-line"},
		{"tip-line en", "Have a tip? Send it to us.", "tip-line"},
		{"tip-line not", "경찰은 주민 제보를 받아 수사에 나섰다.", ""},
		// byline
		{"byline ko", "홍길동 기자", "byline"},
		{"byline ko email", "김하늘 기자 sky@hanbit.example", "byline"},
		{"byline en", "By Tom Alvarez", "byline"},
		{"byline en sentence", "By the end of the year, prices rose.", ""},
		{"byline ko too much rest", "홍길동 기자가 현장에서 주민들을 만나 이야기를 들어 보았습니다", ""},
		// caption
		{"caption ▲", "▲독일 프랑크푸르트증권거래소에서 한 트레이더가 시세판을 보고 있다.", "caption"},
		{"caption 사진=", "시민들이 공부하고 있다. (사진=새벽일보 DB)", "caption"},
		{"caption 제공", "행사 참석자들이 기념 촬영을 하고 있다. 서울시 제공", "caption"},
		{"caption en", "Photo: Jane Doe", "caption"},
		{"caption en getty", "Traders work on the floor of the exchange. Getty Images", "caption"},
		// notice
		{"notice", "※ 이 기사는 제휴 약관에 따라 제공되는 기사입니다.", "notice"},
		// wire-tail
		{"wire-tail 끝", "(끝)", "wire-tail"},
		// the date-line rule comes first and keeps the time: right, though wire-tail's own
		// "… 송고" pattern is then never the one that decides
		{"wire-tail 송고 is read as a date line", "2025/01/02 10:00 송고", "date-line"},
		{"wire-tail END", "(END)", "wire-tail"},
		// credits
		{"credits", "촬영기자:이준호/영상편집:정다은", "credits"},
		{"credits not", "촬영 현장에는 주민들이 모여 있었다.", ""},
		// sign-off
		{"sign-off", "한빛방송 뉴스 김하늘입니다.", "sign-off"},
		// buttons
		{"buttons reactions", "좋아요0 화나요0 슬퍼요0 추가취재 원해요0", "buttons"},
		{"buttons font", "가장작게 작게 기본 크게 가장크게", "buttons"},
		{"buttons share", "URL공유 카카오톡 페이스북 X(트위터)", "buttons"},
		{"buttons en share", "Share Tweet Email Print", "buttons"},
		{"buttons not prose", "좋아요 버튼을 누르는 사람이 늘었다는 조사 결과가 나왔다.", ""},
		// player-fallback
		{"player ko", "이 브라우저는 video 태그를 지원하지 않습니다.", "player-fallback"},
		{"player en", "Please enable JavaScript to watch this video.", "player-fallback"},
		// teaser
		{"teaser", "정부는 이날 발표한 대책에서 청년층의 주거 부담을 덜기 위해 전세 대출 한도를 늘리고…", "teaser"},
		{"teaser not: a question before the ellipsis", "정부는 이날 발표한 대책에서 청년층의 주거 부담을 덜기 위해 왜 대출 한도를 늘렸을까?…", ""},
		{"teaser too short", "전세 대출 한도를…", ""},
		// more-teaser
		{"more-teaser de", "Stadtrat streitet über den Neubau der Brücke am Hafen | mehr", "more-teaser"},
		{"more-teaser en spaced", "The mayor wants a new bridge over the harbour by next spring  |  Read more", "more-teaser"},
		{"more-teaser not: a menu row", "Home | Sport | More", ""},
		{"more-teaser not: prose with a bar", "The vote was 12 | 9 and the council said it would meet again for more", ""},
		// paywall-promo
		{"paywall en", "Already a subscriber? Sign in to keep reading.", "paywall-promo"},
		{"paywall ja", "この記事は会員限定です。", "paywall-promo"},
		{"paywall ja rest", "続きを読むには会員登録が必要です。", "paywall-promo"},
		{"paywall ja not prose about members", "市は会員向けの説明会を来月開く予定だ。", ""},
		// related-heading
		{"related-heading ko", "주요 뉴스", "related-heading"},
		{"related-heading more", "관련 뉴스 더보기", "related-heading"},
		{"related-heading en", "Most read", "related-heading"},
		{"related-heading blog widget", "Neueste Beiträge", "related-heading"},
		{"related-heading editors' picks fr", "La rédaction vous recommande", "related-heading"},
		{"related-heading not a sentence", "관련 뉴스를 찾아 읽었다.", ""},
		// ticker-header
		{"ticker-header", "오늘의 상승종목", "ticker-header"},
		{"ticker-header legend", "* 24시간 변동률 기준", "ticker-header"},
		// ticker
		{"ticker price", "153,057,000", "ticker"},
		{"ticker percent", "-0.21%", "ticker"},
		{"ticker asset", "비트코인", "ticker"},
		{"ticker: a number alone", "2025", "ticker"},
		// ui-label
		{"ui-label ko", "본문 바로가기", "ui-label"},
		{"ui-label en", "Sign In", "ui-label"},
		// promo
		{"promo", "▶ 한빛방송 유튜브 구독하기", "promo"},
		{"promo sentence is not", "▶ 정부는 이날 대책을 발표했다.", ""},
		// hashtags
		{"hashtags", "#유럽증시 #DAX #스톡스600", "hashtags"},
		{"reading time de", "Lesezeit: 3 Min.", "reading-time"},
		{"reading time pt", "Tempo de leitura: 2 minutos", "reading-time"},
		{"reading time fr", "Temps de lecture : 4 minutes", "reading-time"},
		{"reading time nl", "Leestijd 5 min", "reading-time"},
		{"reading time de, duration", "Lesedauer: 6 Minuten", "reading-time"},
		{"reading time de, after the number", "7 Minuten Lesezeit", "reading-time"},
		{"hashtags mixed with prose", "#유럽증시 상승 마감", ""},
		// image-placeholder
		{"placeholder", "[riverside-bike-lane-1]", "image-placeholder"},
		{"placeholder INS", "[INS::INS]", "image-placeholder"},
		{"placeholder checkbox", "[ ]오늘 하루 열지 않기", "image-placeholder"},
		{"placeholder not a Korean marker", "[앵커]", ""},
		// contact-line
		{"contact email", "jhoh@hanbando.example", "contact-line"},
		{"contact url", "https://www.example.com/news/1", "contact-line"},
		// related-heading in more languages, and the headings of tag lists
		{"related-heading pl", "Czytaj więcej", "related-heading"},
		{"related-heading de", "Lesen Sie mehr zum Thema", "related-heading"},
		{"related-heading fr", "À découvrir", "related-heading"},
		{"related-heading tags de", "Schlagwörter zu diesem Artikel", "related-heading"},
		{"related-heading tags en", "Topics", "related-heading"},
		// ui-label: an ad break's marker
		{"ui-label ad break", "Article continues below", "ui-label"},
		{"ui-label ad break de", "Weiterlesen nach der Anzeige", "ui-label"},
		// buttons: Chinese font-size controls
		{"buttons font zh", "大字号 小字号", "buttons"},
		// credit-label
		{"credit-label foto", "Foto: Karel Novák, Ranní listy", "credit-label"},
		{"credit-label quelle", "Quelle: dpa", "credit-label"},
		{"credit-label bron", "Bron: Belga", "credit-label"},
		{"credit-label too long for a label", "Quelle: " + strings.Repeat("Statistisches Landesamt, ", 4), ""},
		{"credit-label agency tail", "Ein Kran hebt die neue Brücke an ihren Platz.Lena Maier/dpa", "credit-label"},
		{"credit-label agency tail not a sentence", "Der Kran hob die Brücke, berichtete die Agentur/dpa.", ""},
		// contact-prompt
		{"contact-prompt en", "Seen something in your street? Get in touch at desk@harbourpost.example", "contact-prompt"},
		{"contact-prompt de", "Ihre Meinung zählt. Senden Sie uns Ihre Zuschrift an: post@stadtbote.example", "contact-prompt"},
		{"contact-prompt needs an address", "Seen something in your street? Get in touch with the desk.", ""},
		// newsletter-promo: sign-up consent and donation prompts
		{"newsletter consent de", "Mit der Anmeldung willigen Sie in die Verarbeitung Ihrer Daten ein.", "newsletter-promo"},
		{"newsletter consent en", "I would like to be emailed about offers and events from the Harbour Post.", "newsletter-promo"},
		{"newsletter subscribe to", "Subscribe to Morning Ledger: the week's markets in five minutes.", "newsletter-promo"},
		{"newsletter donation de", "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende.", "newsletter-promo"},
		{"newsletter not prose about subscribers", "The club says it has gained many subscribers this year.", ""},
		// newsletter-promo: follow-us prompts
		{"follow-us google news", "Follow the Harbour Post on Google News to get our reports in your feed.", "newsletter-promo"},
		{"follow-us preferred source", "Make sure you add us as a preferred source in your search settings.", "newsletter-promo"},
		{"follow-us de", "Folgen Sie uns auf Instagram und Facebook!", "newsletter-promo"},
		{"follow-us not a sentence about followers", "Her fans follow her on Instagram every day.", ""},
		// paywall-promo: a log-in wall
		{"paywall log in", "Like what you read? Log in or create an account to continue", "paywall-promo"},
		{"paywall access", "You have full access to this article via your library.", "paywall-promo"},
		// live-entry-head
		{"live-entry-head label", "20:42KEY EVENT", "live-entry-head"},
		{"live-entry-head author", "19:39 Mara Quint", "live-entry-head"},
		{"live-entry-head not a schedule line", "19:30 Dinner at the town hall", ""},
		// toggle-labels, and "show more" in other languages
		{"toggle-labels de", "Infobox aufklappen Infobox zuklappen", "toggle-labels"},
		{"toggle-labels en", "Expand Collapse", "toggle-labels"},
		{"toggle-labels no", "Vis mer Vis mindre", "toggle-labels"},
		{"toggle-labels sv", "Visa mer Visa mindre", "toggle-labels"},
		{"toggle-labels not prose", "Engineers expand the harbour before the old pier can collapse", ""},
		{"ui-label show more fr", "Afficher plus", "ui-label"},
		{"ui-label show more no", "Vis mer", "ui-label"},
		// plain prose
		{"prose ko", "정부는 이날 나온 의견을 바탕으로 상반기 중 품질 기준을 마련할 계획이다.", ""},
		{"prose en", "The city will also study whether parking meters near the new lanes should charge more.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstRule(blk(tt.text)); got != tt.want {
				t.Errorf("firstRule(%q): got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRuleHidden(t *testing.T) {
	b := blk("본문과 상관없는 숨은 문단입니다.")
	if got := firstRule(b); got != "" {
		t.Errorf("visible: got %q, want no rule", got)
	}
	b.Hidden = true
	if got := firstRule(b); got != "hidden" {
		t.Errorf("hidden: got %q, want %q", got, "hidden")
	}
}

func TestRuleClassHint(t *testing.T) {
	if negativeHint("share") == "" {
		t.Skip("hints.go has not landed (hints_stub.go): negativeHint is a stub")
	}
	tests := []struct {
		name      string
		hints     string
		inArticle bool
		want      string
	}{
		{"share bar outside article", "share-bar", false, "class-hint"},
		{"share bar inside article", "article-body share-bar", true, "class-hint"}, // the nearest hint decides
		{"paragraph inside article body", "share-page article-body", true, ""},
		{"no hints", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := blk("이 문단은 클래스 이름만으로 판정되는 블록입니다")
			b.Hints, b.InArticle = tt.hints, tt.inArticle
			if got := firstRule(b); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRuleMetaRoles(t *testing.T) {
	tests := []struct {
		text string
		want Role
	}{
		{"입력 2025-02-06 15:15", RoleDate},
		{"홍길동 기자", RoleByline},
		{"▲기념 촬영을 하고 있다.", RoleCaption},
		{"ⓒ 새벽일보", RoleNone},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			b := blk(tt.text)
			contextFree(b, nil, "")
			if b.Role != tt.want {
				t.Errorf("role: got %v, want %v", b.Role, tt.want)
			}
			if b.CF != ClassBad {
				t.Errorf("class: got %v, want %v", b.CF, ClassBad)
			}
		})
	}
}

// TestButtonLineMaxRest: 4×"좋아요" is 12 letters of button words; with r other letters the
// rest share is r/(12+r), which reaches ButtonLineMaxRest (0.2) at r = 3.
func TestButtonLineMaxRest(t *testing.T) {
	tests := []struct {
		rest int
		want bool
	}{
		{2, true},  // n−1
		{3, true},  // n: 3 of 15 = 0.2
		{4, false}, // n+1: 4 of 16 = 0.25
	}
	for _, tt := range tests {
		t.Run(strings.Repeat("q", tt.rest), func(t *testing.T) {
			s := "좋아요1 좋아요2 좋아요3 좋아요4 " + strings.Repeat("q", tt.rest)
			kind, ok := buttonLine(s, len([]rune(s)))
			if ok != tt.want {
				t.Errorf("buttonLine(%q): got %v, want %v", s, ok, tt.want)
			}
			if ok && kind != "reactions" {
				t.Errorf("buttonLine(%q): got kind %q, want %q", s, kind, "reactions")
			}
		})
	}
}

func TestButtonLineMaxRunes(t *testing.T) {
	base := strings.Repeat("좋아요 ", 29) + "좋아요" // 119 runes
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"119", base, true},
		{"120", base + "0", true},
		{"121", base + "00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len([]rune(tt.s))
			if _, ok := buttonLine(tt.s, n); ok != tt.want {
				t.Errorf("buttonLine(%d runes): got %v, want %v", n, ok, tt.want)
			}
		})
	}
}

func TestTickerShortLineRunes(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want bool
	}{{ShortLineRunes - 1, true}, {ShortLineRunes, true}, {ShortLineRunes + 1, false}} {
		s := strings.Repeat("1", tt.n-1) + "%"
		t.Run(s[:3]+"…", func(t *testing.T) {
			if got := isTickerLine(blk(s)); got != tt.want {
				t.Errorf("isTickerLine(%d runes): got %v, want %v", tt.n, got, tt.want)
			}
		})
	}
}

// TestTickerNumericShare: "123%" is 4 numeric characters; with o letters the share is
// 4/(4+o), which reaches TickerNumericShare (0.4) at o = 6.
func TestTickerNumericShare(t *testing.T) {
	for _, tt := range []struct {
		other int
		want  bool
	}{{5, true}, {6, true}, {7, false}} {
		s := strings.Repeat("x", tt.other) + " 123%"
		t.Run(s, func(t *testing.T) {
			if got := isTickerLine(blk(s)); got != tt.want {
				t.Errorf("isTickerLine(%q): got %v, want %v", s, got, tt.want)
			}
		})
	}
}

func TestTickerLineNeedsSign(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"2025", true},      // digits only: other == 0
		{"제 2025", false},   // a number with a word and no %, comma or arrow
		{"3,773", true},     // a price with a comma
		{"▲ 12.5", true},    // an arrow
		{"3.5%.", false},    // ends like a sentence
		{"코스피 2,650", true}, // name and price
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			// "2025" alone passes the ticker test; the context pass decides what it is
			if got := isTickerLine(blk(tt.text)); got != tt.want {
				t.Errorf("isTickerLine(%q): got %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestMaxLinkDensity: a 100-rune block with 32, 33 and 34 runes of link text.
func TestMaxLinkDensity(t *testing.T) {
	for _, tt := range []struct {
		links int
		want  string
	}{{32, ""}, {33, ""}, {34, "link-list"}} {
		t.Run(strings.Repeat("l", tt.links%10+1), func(t *testing.T) {
			b := &Block{Kind: BlockPara, Text: strings.Repeat("abcd ", 20), LinkRunes: tt.links, Links: 1}
			blockFeatures(b)
			if got := firstRule(b); got != tt.want {
				t.Errorf("link density %.2f: got %q, want %q", b.LinkDensity, got, tt.want)
			}
		})
	}
	t.Run("long block needs density above 0.6", func(t *testing.T) {
		for _, tt := range []struct {
			links int
			want  string
		}{{150, ""}, {181, "link-list"}} {
			b := &Block{Kind: BlockPara, Text: strings.Repeat("abcd ", 60), LinkRunes: tt.links, Links: 3}
			blockFeatures(b)
			if got := firstRule(b); got != tt.want {
				t.Errorf("300 runes, %d link runes: got %q, want %q", tt.links, got, tt.want)
			}
		}
	})
}

func TestBoilerMaxRunes(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want bool
	}{{BoilerMaxRunes - 1, true}, {BoilerMaxRunes, true}, {BoilerMaxRunes + 1, false}} {
		s := "ⓒ " + strings.Repeat("가", tt.n-2)
		t.Run(strings.Repeat("+", tt.n-BoilerMaxRunes+2), func(t *testing.T) {
			if got := firstRule(blk(s)) == "copyright"; got != tt.want {
				t.Errorf("copyright at %d runes: got %v, want %v", tt.n, got, tt.want)
			}
		})
	}
}

// TestSignOffPrefix: the sign-off pattern allows at most 20 runes before 뉴스/일보/방송. (Its
// 40-rune limit never binds: the longest line the pattern matches is 32 runes.)
func TestSignOffPrefix(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want bool
	}{{19, true}, {20, true}, {21, false}} {
		s := strings.Repeat("가", tt.n) + "뉴스 김하늘입니다."
		t.Run(s, func(t *testing.T) {
			if got := firstRule(blk(s)) == "sign-off"; got != tt.want {
				t.Errorf("sign-off with a %d-rune prefix: got %v, want %v", tt.n, got, tt.want)
			}
		})
	}
}

// TestRuleBylineShapes: wire headers are bylines; sentences that name a reporter are not.
func TestRuleBylineShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
		bug  string
	}{
		{"wire byline (서울=…)", "(서울=연합뉴스) 홍길동 기자", "byline",
			"a wire header in round brackets"},
		{"wire byline [서울=…]", "[서울=뉴시스] 이영희 기자", "byline",
			"a wire header in square brackets"},
		{"report intro sentence", "김하늘 기자가 보도합니다.", "",
			"a particle glued to 기자 makes a sentence"},
		{"reporter sign-off sentence", "김수연 기자입니다.", "",
			"a sign-off sentence is body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstRule(blk(tt.text)); got != tt.want {
				t.Errorf("firstRule(%q): got %q, want %q (%s)", tt.text, got, tt.want, tt.bug)
			}
		})
	}
}

func TestTitleShaped(t *testing.T) {
	tests := []struct {
		name string
		b    Block
		want bool
	}{
		{"TitleMinRunes-1", Block{Runes: TitleMinRunes - 1, Text: "x"}, false},
		{"TitleMinRunes", Block{Runes: TitleMinRunes, Text: "x"}, true},
		{"TitleMinRunes+1", Block{Runes: TitleMinRunes + 1, Text: "x"}, true},
		{"TitleMaxRunes-1", Block{Runes: TitleMaxRunes - 1, Text: "x"}, true},
		{"TitleMaxRunes", Block{Runes: TitleMaxRunes, Text: "x"}, true},
		{"TitleMaxRunes+1", Block{Runes: TitleMaxRunes + 1, Text: "x"}, false},
		{"date line", Block{Runes: 20, Role: RoleDate, Text: "x"}, false},
		{"image", Block{Runes: 20, Kind: BlockImage, Text: "x"}, false},
		{"buttons", Block{Runes: 20, CFRule: "buttons", Text: "x"}, false},
		{"Korean sentence", Block{Runes: 20, Hangul: true, Text: "정부가 대책을 발표했다."}, false},
		{"Korean headline", Block{Runes: 20, Hangul: true, Text: "정부, 대책 발표…업계 반발"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titleShaped(&tt.b); got != tt.want {
				t.Errorf("titleShaped: got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSubtitleMaxRunes(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want int
	}{{SubtitleMaxRunes - 1, 1}, {SubtitleMaxRunes, 1}, {SubtitleMaxRunes + 1, 0}} {
		t.Run(strings.Repeat("+", tt.n-SubtitleMaxRunes+2), func(t *testing.T) {
			blocks := []*Block{
				blk("산불 진화 헬기 야간 투입 첫 시험"),
				blk(strings.Repeat("가", tt.n)),
				blk("해가 진 뒤에는 산불 진화 헬기를 띄우지 못해 불길이 번지는 일이 반복돼 왔습니다."),
			}
			if got := subtitles(blocks, 1, 2, true); len(got) != tt.want {
				t.Errorf("subtitles with a %d-rune deck line: got %d, want %d", tt.n, len(got), tt.want)
			}
		})
	}
}

func TestSubtitlesMax(t *testing.T) {
	for _, tt := range []struct {
		n, want int
		bug     string
	}{
		{MaxSubtitles - 1, MaxSubtitles - 1, ""},
		{MaxSubtitles, MaxSubtitles, ""},
		{MaxSubtitles + 1, 0, ""},
	} {
		t.Run(strings.Repeat("+", tt.n), func(t *testing.T) {
			blocks := []*Block{blk("산불 진화 헬기 야간 투입 첫 시험")}
			for i := 0; i < tt.n; i++ {
				blocks = append(blocks, blk("야간 비행 가능한 헬기 첫 투입"))
			}
			blocks = append(blocks, blk("해가 진 뒤에는 산불 진화 헬기를 띄우지 못했습니다."))
			got := subtitles(blocks, 1, len(blocks)-1, true)
			if len(got) != tt.want {
				t.Errorf("%d deck lines: got %d subtitles, want %d", tt.n, len(got), tt.want)
			}
		})
	}
}

func TestBylineOtherLanguages(t *testing.T) {
	tests := []struct {
		text string
		want bool
		name string
	}{
		{"Von Erika Musterfrau", true, "Erika Musterfrau"},
		{"Von Erika Musterfrau und Max Mustermann, Hamburg", true, "Erika Musterfrau und Max Mustermann"},
		{"Von: ERIKA MUSTERFRAU", true, "ERIKA MUSTERFRAU"},
		{"Par Jeanne Dupont", true, "Jeanne Dupont"},
		{"Por María de la Fuente", true, "María de la Fuente"},
		// sentences and headlines that open with the same word
		{"Von Montag an gilt der neue Fahrplan", false, ""},
		{"Von Kiel bis Konstanz: Ein Land im Regen", false, ""},
		{"Par ailleurs, la mairie reste fermée", false, ""},
		{"Von Erika Musterfrau.", false, ""},
	}
	for _, tt := range tests {
		b := blk(tt.text)
		if got := isByline(b); got != tt.want {
			t.Errorf("isByline(%q) = %v, want %v", tt.text, got, tt.want)
		}
		if tt.want {
			if got := bylineName(tt.text); got != tt.name {
				t.Errorf("bylineName(%q) = %q, want %q", tt.text, got, tt.name)
			}
		}
	}
}

// A share button worded in another language ("Del artikkel", "Artikel teilen") is a button
// row like "Share article": after most of the article it ends it, so the next story a page
// stacks under it stays out.
func TestShareButtonOtherLanguages(t *testing.T) {
	first := []string{
		"Den nye brua over elva ble åpnet av ordføreren i går, og hundrevis av innbyggere gikk over den for første gang i det kalde vinterværet. Mange hadde tatt med seg barn og barnebarn for å være med på den store dagen.",
		"Arbeidet har tatt tre år, og prosjektet ble dyrere enn planlagt fordi grunnen var bløtere enn det forundersøkelsene hadde vist. Kommunen måtte derfor låne mer penger, og det skapte en lang debatt i kommunestyret.",
		"Mange av de eldre i bygda husker fergen som gikk her før, og flere sa at de aldri trodde de skulle oppleve at den ble erstattet. En av dem hadde jobbet på fergen i over tjue år før han gikk av med pensjon.",
	}
	next := []string{
		"Fotballaget rykket opp etter en dramatisk kamp på hjemmebane, der det avgjørende målet kom i det siste minuttet av tilleggstiden. Tribunen var full, og jubelen ville ingen ende ta da dommeren blåste av.",
		"Treneren sa etter kampen at laget hadde jobbet for dette i mange år, og at spillerne fortjente hver eneste jubelrop fra tribunen. Neste sesong venter tøffere motstand, men han er ikke redd for utfordringen.",
	}
	for _, btn := range []string{"Del artikkel", "Artikel teilen", "Partager l'article"} {
		text := "Bygdas nye bru åpnet etter tre års arbeid\n\nPublisert 03.02.2025 - 10:15\n\n" +
			strings.Join(first, "\n\n") + "\n\n" + btn + "\n\nDramatisk opprykk for fotballaget\n\n" +
			strings.Join(next, "\n\n") + "\n"
		a, err := ExtractString(text, Source{Name: "t.txt"}, Options{Input: KindText})
		if err != nil {
			t.Fatal(err)
		}
		body := bodyText(a)
		if !strings.Contains(body, "husker fergen") {
			t.Errorf("%s: the article's last paragraph is missing:\n%s", btn, body)
		}
		if strings.Contains(body, "Fotballaget") || strings.Contains(body, btn) {
			t.Errorf("%s: the button or the story stacked after it leaked:\n%s", btn, body)
		}
	}
}

// isMoreTeaser, which searches only the end of a line for its bar, answers as the search
// of the whole line did.
func TestMoreTeaserAgrees(t *testing.T) {
	ref := func(b *Block) bool {
		if b.Runes < 30 || b.Runes > 400 {
			return false
		}
		t := strings.TrimRight(b.Text, " ")
		bar := strings.LastIndexByte(t, '|')
		if bar < 0 || len(t)-bar > 20 || utf8.RuneCountInString(t[:bar]) < 20 {
			return false
		}
		return moreLabels[strings.ToLower(strings.TrimSpace(t[bar+1:]))]
	}
	pieces := []string{"Stadtrat ", "streitet ", "über ", "| ", "|", " | mehr", " | Read more", "mehr", "  ", "x", "Brücke am Hafen "}
	rng := rand.New(rand.NewPCG(5, 5))
	matched := 0
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(14) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b := &Block{Text: sb.String()}
		b.Runes = utf8.RuneCountInString(b.Text)
		got, want := isMoreTeaser(b), ref(b)
		if got != want {
			t.Fatalf("isMoreTeaser(%q) = %v, want %v", b.Text, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d teasers: the test tells little", matched)
	}
}
