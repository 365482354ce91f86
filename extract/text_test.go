package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestLineShape(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		indent int
		bullet string
		body   string
	}{
		{"bullet •", "  • 좋아요0", 2, "•", "좋아요0"},
		{"bullet * legend", "* 24시간 변동률 기준", 0, "*", "24시간 변동률 기준"},
		{"nested bullet", "    • -0.21%", 4, "•", "-0.21%"},
		{"minus sign is no bullet", "-0.21%", 0, "", "-0.21%"},
		{"glued bullet is no bullet", "•item", 0, "", "•item"},
		{"bullet alone", "  •", 2, "•", ""},
		{"tab indent", "\t- item", 4, "-", "item"},
		{"w3m sub-bullet □", "      □ 입력 2023-04-07 08:26:22", 6, "□", "입력 2023-04-07 08:26:22"},
		{"w3m star ☆ is text", "          ☆ Local", 10, "", "☆ Local"},
		{"numbered item needs indent", "1. 첫째 항목", 0, "", "1. 첫째 항목"},
		{"indented numbered item", "  12) 둘째 항목", 2, "12)", "둘째 항목"},
		{"year with dot is no item", "  2025. 새해", 2, "", "2025. 새해"},
		{"no-break space indent", "\u00a0\u00a0본문", 2, "", "본문"},
		{"ideographic space indent", "\u3000본문", 1, "", "본문"},
		{"plain", "본문입니다.", 0, "", "본문입니다."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			indent, bullet, body := lineShape(tt.raw)
			if indent != tt.indent || bullet != tt.bullet || body != tt.body {
				t.Errorf("lineShape(%q): got (%d, %q, %q), want (%d, %q, %q)", tt.raw, indent, bullet, body, tt.indent, tt.bullet, tt.body)
			}
		})
	}
}

// shape is a compact view of a text block for comparisons.
func shape(b *Block) string {
	return fmt.Sprintf("%d|%s|%s|%v|%v", b.Line, b.Bullet, b.Text, b.BlankBefore, b.BlankAfter)
}

func TestSegmentTextBlocks(t *testing.T) {
	in := "제목 줄\n\n입력 2025-02-06 15:15\n  • 가장작게\n\n  • 작게\n본문 첫 문단입니다.\n\n\n끝 문단입니다."
	want := []string{
		"1||제목 줄|true|true",
		"3||입력 2025-02-06 15:15|true|false",
		"4|•|가장작게|false|true",
		"6|•|작게|true|false",
		"7||본문 첫 문단입니다.|false|true",
		"10||끝 문단입니다.|true|true",
	}
	doc := segmentText(in)
	if doc.Kind != KindText {
		t.Errorf("kind: got %q, want %q", doc.Kind, KindText)
	}
	var got []string
	for i, b := range doc.Blocks {
		got = append(got, shape(b))
		if b.Index != i {
			t.Errorf("block %d: got Index %d", i, b.Index)
		}
		if wantKind := map[bool]BlockKind{true: BlockItem, false: BlockPara}[b.Bullet != ""]; b.Kind != wantKind {
			t.Errorf("block %d: got kind %d, want %d", i, b.Kind, wantKind)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSegmentTextLineEndings(t *testing.T) {
	for _, tt := range []struct{ name, in string }{
		{"LF", "첫째 줄\n둘째 줄\n"},
		{"CRLF", "첫째 줄\r\n둘째 줄\r\n"},
		{"CR", "첫째 줄\r둘째 줄\r"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := segmentText(tt.in)
			if len(doc.Blocks) != 2 || doc.Blocks[0].Text != "첫째 줄" || doc.Blocks[1].Text != "둘째 줄" {
				var got []string
				for _, b := range doc.Blocks {
					got = append(got, b.Text)
				}
				t.Errorf("got %q, want [첫째 줄 둘째 줄]", got)
			}
		})
	}
}

func TestSegmentTextBlankOnly(t *testing.T) {
	for _, in := range []string{"", "\n\n", "  \u00a0 \n\u200b\n", "  •  \n"} {
		if doc := segmentText(in); len(doc.Blocks) != 0 {
			t.Errorf("segmentText(%q): got %d blocks, want 0", in, len(doc.Blocks))
		}
	}
}

// wrapW3M hard-wraps s at width columns as w3m does, but only where the break can be
// undone: between two wide runes (no space lost), or at a space in Latin text.
func wrapW3M(s string, width int) []string {
	var lines []string
	r := []rune(s)
	for displayWidth(string(r)) > width {
		col, cut := 0, 0
		for i, c := range r {
			w := displayWidth(string(c))
			if col+w > width {
				break
			}
			col += w
			cut = i + 1
		}
		k := cut
		for k > 0 && !(isWide(r[k-1]) && isWide(r[k])) && r[k] != ' ' {
			k--
		}
		if k == 0 {
			k = cut
		}
		lines = append(lines, strings.TrimRight(string(r[:k]), " "))
		r = []rune(strings.TrimLeft(string(r[k:]), " "))
	}
	return append(lines, string(r))
}

func TestSegmentTextHardWrap(t *testing.T) {
	ko := "어둠이내린강원도인제의한야산위로주황색불빛을단헬기한대가천천히떠오릅니다. 헬기는미리정해둔저수지상공에서물을가득채운뒤산중턱의가상화재지점을향해날아갑니다. 조종석에는열화상카메라화면과야간투시경이함께설치돼있어불이난지점을선명하게보여줍니다."
	en := "The Riverside city council voted 6 to 3 on Tuesday night to approve a network of protected bike lanes along four of the city's busiest streets, ending a debate that had filled the council chamber for most of the year."
	t.Run("Hangul joined without a space", func(t *testing.T) {
		lines := wrapW3M(ko, 80)
		if len(lines) < 3 {
			t.Fatalf("test input wraps to %d lines, want ≥ 3", len(lines))
		}
		doc := segmentText(strings.Join(lines, "\n"))
		if len(doc.Blocks) != 1 || doc.Blocks[0].Text != ko {
			t.Errorf("got %d blocks, first %q; want one block %q", len(doc.Blocks), doc.Blocks[0].Text, ko)
		}
	})
	t.Run("Latin joined with a space", func(t *testing.T) {
		// three paragraphs, so that at least three lines come near the wrap column
		in := strings.Join(wrapW3M(en, 70), "\n") + "\n\n" + strings.Join(wrapW3M(en, 70), "\n") + "\n\n" + strings.Join(wrapW3M(en, 70), "\n")
		doc := segmentText(in)
		if len(doc.Blocks) != 3 || doc.Blocks[0].Text != en {
			t.Errorf("got %d blocks, first %q; want three blocks %q", len(doc.Blocks), doc.Blocks[0].Text, en)
		}
	})
	t.Run("two wrapped paragraphs stay two", func(t *testing.T) {
		in := strings.Join(wrapW3M(ko, 80), "\n") + "\n\n" + strings.Join(wrapW3M(ko, 80), "\n")
		if doc := segmentText(in); len(doc.Blocks) != 2 {
			t.Errorf("got %d blocks, want 2", len(doc.Blocks))
		}
	})
	t.Run("a bullet line is not joined", func(t *testing.T) {
		lines := wrapW3M(en, 70)
		in := strings.Join(lines, "\n") + "\n" + strings.Repeat("x", len(lines[0])) + "\n• Related story"
		// the x line reaches the column too; the bullet line after it starts a new block
		doc := segmentText(in)
		last := doc.Blocks[len(doc.Blocks)-1]
		if last.Bullet != "•" || last.Text != "Related story" {
			t.Errorf("last block: got %q (bullet %q), want the bullet item", last.Text, last.Bullet)
		}
	})
	t.Run("text without three long lines is not wrapped", func(t *testing.T) {
		in := strings.Repeat("가", 40) + "\n" + strings.Repeat("나", 40) + "\n짧은 줄"
		if doc := segmentText(in); len(doc.Blocks) != 3 {
			t.Errorf("got %d blocks, want 3 (no wrap column)", len(doc.Blocks))
		}
	})
	t.Run("narrow text is not wrapped", func(t *testing.T) {
		line := strings.Repeat("나", minWrapColumn/2-1) // width minWrapColumn-2
		in := strings.Repeat(line+"\n", 4)
		if doc := segmentText(in); len(doc.Blocks) != 4 {
			t.Errorf("got %d blocks, want 4 (narrower than minWrapColumn)", len(doc.Blocks))
		}
	})
}

// TestWrapSlack: a line joins the next when it ends within wrapSlack columns of the wrap
// column (here 80, set by three 80-column lines).
func TestWrapSlack(t *testing.T) {
	full := strings.Repeat("x", 80)
	for _, tt := range []struct {
		width int
		join  bool
	}{
		{80 - wrapSlack - 1, false},
		{80 - wrapSlack, true},
		{80 - wrapSlack + 1, true},
	} {
		t.Run(fmt.Sprint(tt.width), func(t *testing.T) {
			in := full + "\n\n" + full + "\n\n" + full + "\n\n" + strings.Repeat("y", tt.width) + "\nnext"
			doc := segmentText(in)
			last := doc.Blocks[len(doc.Blocks)-1]
			if joined := last.Text != "next"; joined != tt.join {
				t.Errorf("line of width %d: got joined=%v, want %v", tt.width, joined, tt.join)
			}
		})
	}
}

func TestJoinWrapped(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"열", "화상 카메라", "열화상 카메라"},
		{"the council ", " voted", "the council voted"},
		{"가격은 3,000", "원이다", "가격은 3,000 원이다"},
		{"AI", "산업", "AI 산업"},
		{"", "text", "text"},
		{"漢", "字", "漢字"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			if got := joinWrapped(tt.a, tt.b); got != tt.want {
				t.Errorf("joinWrapped(%q, %q): got %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// joinParts joins a line's body and its continuation lines' bodies (trimmed, not empty)
// as joinWrapped joins them one by one.
func TestJoinParts(t *testing.T) {
	tests := []struct {
		body  string
		parts []string
	}{
		{"열", []string{"화상 카메라", "를"}},
		{"the council", []string{"voted", "on Tuesday."}},
		{"", []string{"text", "more"}},
		{"가격은 3,000", []string{"원이다", "漢", "字"}},
		{"AI", []string{"산업", "x"}},
	}
	for _, tt := range tests {
		want := tt.body
		for _, p := range tt.parts {
			want = joinWrapped(want, p)
		}
		if got := joinParts(tt.body, tt.parts); got != want {
			t.Errorf("joinParts(%q, %q): got %q, want %q", tt.body, tt.parts, got, want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"abc", 3},
		{"가나다", 6},
		{"a가", 3},
		{"\t", 4},
		{"…", 1},
		{"ｱ", 1}, // half-width katakana
		{"Ａ", 2}, // full-width Latin
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := displayWidth(tt.s); got != tt.want {
				t.Errorf("displayWidth(%q): got %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}

func TestFoldSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a  b  ", "a b"},
		{"a\u00a0\u00a0b", "a b"},
		{"a\u200bb", "a b"},
		{"\u3000본문\t끝", "본문 끝"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := foldSpace(tt.in); got != tt.want {
				t.Errorf("foldSpace(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateLineTimes(t *testing.T) {
	tests := []struct {
		name, text, pub, mod string
	}{
		{"입력", "입력 2025-02-06 15:15", "2025-02-06T15:15:00+09:00", ""},
		{"dots", "입력 2025.02.06 15:15", "2025-02-06T15:15:00+09:00", ""},
		{"seconds", "기사입력 2023-04-07 08:26:22", "2023-04-07T08:26:22+09:00", ""},
		{"오후", "입력 2025.02.06 오후 3:15", "2025-02-06T15:15:00+09:00", ""},
		{"오후 12시", "입력 2025.02.06 오후 12:30", "2025-02-06T12:30:00+09:00", ""},
		{"오전 12시", "입력 2025.02.06 오전 12:05", "2025-02-06T00:05:00+09:00", ""},
		{"오전", "입력 2025.02.06 오전 9:05", "2025-02-06T09:05:00+09:00", ""},
		{"PM", "등록 2025-02-06 PM 3:15", "2025-02-06T15:15:00+09:00", ""},
		{"년월일", "입력 2025년 2월 6일 15:15", "2025-02-06T15:15:00+09:00", ""},
		{"weekday", "입력 2024.03.05(화) 14:00", "2024-03-05T14:00:00+09:00", ""},
		{"broadcast with 수정", "입력 2023.04.07 (08:26) 수정 2023.04.07 (09:12) 사회", "2023-04-07T08:26:00+09:00", "2023-04-07T09:12:00+09:00"},
		{"수정 only", "수정 2025-02-06 16:00", "", "2025-02-06T16:00:00+09:00"},
		{"수정 glued with seconds", "수정2023-04-07 08:26:57", "", "2023-04-07T08:26:57+09:00"},
		{"최종수정", "최종수정 2025-02-06 16:00", "", "2025-02-06T16:00:00+09:00"},
		{"업데이트", "업데이트 2025.02.06 16:00", "", "2025-02-06T16:00:00+09:00"},
		{"승인", "승인 2021.10.25 17:42", "2021-10-25T17:42:00+09:00", ""},
		{"invalid month", "입력 2025-13-06 15:15", "", ""},
		{"invalid hour", "입력 2025-02-06 25:15", "", ""},
		{"no label", "2025-02-06 15:15", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, mod := dateLineTimes(tt.text)
			if pub != tt.pub || mod != tt.mod {
				t.Errorf("dateLineTimes(%q): got (%q, %q), want (%q, %q)", tt.text, pub, mod, tt.pub, tt.mod)
			}
		})
	}
}

func TestParseLooseDate(t *testing.T) {
	tests := []struct {
		name, text, want string
		ok               bool
	}{
		{"US with zone", "Jane Doe - Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31:00-06:00", true},
		{"a.m. EDT", "September 4, 2023, 7:15 a.m. EDT", "2023-09-04T07:15:00-04:00", true},
		{"12 am", "Jan 2, 2020, 12:00 am", "2020-01-02T00:00:00", true},
		{"12 pm", "Jan 2, 2020, 12:30 pm", "2020-01-02T12:30:00", true},
		{"day month year", "19 November 2019", "2019-11-19", true},
		{"ordinal", "November 19th, 2019", "2019-11-19", true},
		{"Sept.", "Sept. 4, 2023", "2023-09-04", true},
		{"ISO Z", "2021-05-11T16:40:00Z", "2021-05-11T16:40:00Z", true},
		{"ISO local", "2024-09-18T14:30:00", "2024-09-18T14:30:00", true},
		{"ISO +0900", "2024-09-18T14:30:00+0900", "2024-09-18T14:30:00+09:00", true},
		{"ISO fraction", "2024-09-18T14:30:00.123-05:00", "2024-09-18T14:30:00-05:00", true},
		{"ISO date", "Posted 2024-09-18", "2024-09-18", true},
		{"dotted European", "19.11.2019 10:31", "2019-11-19T10:31:00", true},
		{"dotted Korean", "2025.02.06 15:15", "2025-02-06T15:15:00", true},
		{"seconds", "Nov 19, 2019 10:31:07 UTC", "2019-11-19T10:31:07Z", true},
		{"German month", "Sonntag, 3. März 2024, 09:15 Uhr", "2024-03-03T09:15:00", true},
		{"Danish month", "tirsdag 11. februar 2031", "2031-02-11", true},
		{"Swedish abbreviation", "Publicerad 7 okt 2031 kl 08.05", "2031-10-07", true},
		{"French abbreviation", "Publié le 9 juil. 2031 à 17:40", "2031-07-09T17:40:00", true},
		{"Spanish with de", "Actualizado el 23 de mayo de 2031", "2031-05-23", true},
		{"a word that is no month", "3 Häuser 2031", "", false},
		{"a dotted time with its zone", "Tue 4 Mar 2031 07.15 CET", "2031-03-04T07:15:00+01:00", true},
		{"a dotted number without a zone is no time", "19.11.2031 from 10.31 to 11:15", "2031-11-19T11:15:00", true},
		{"UTC with an offset", "Publié le 6 janvier 2031 - 14:16 UTC+1", "2031-01-06T14:16:00+01:00", true},
		{"GMT with a negative offset", "March 3, 2031 9:05 GMT-05:00", "2031-03-03T09:05:00-05:00", true},
		{"Malaysian time", "Monday, 3 Nov 2031 9:20 AM MYT", "2031-11-03T09:20:00+08:00", true},
		{"invalid month", "2019-13-01", "", false},
		{"no date", "Leave a Reply", "", false},
		{"a price is no date", "$4.2 million", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseLooseDate(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("parseLooseDate(%q): got (%q, %v), want (%q, %v)", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestDateEdges: impossible days are no dates, wire labels and separate clocks are read.
func TestDateEdges(t *testing.T) {
	t.Run("dateLineTimes February 30", func(t *testing.T) {
		if pub, _ := dateLineTimes("입력 2025-02-30 10:00"); pub != "" {
			t.Errorf("got %q, want \"\"", pub)
		}
	})
	t.Run("parseLooseDate February 30", func(t *testing.T) {
		if got, ok := parseLooseDate("February 30, 2020"); ok {
			t.Errorf("got %q, want no date", got)
		}
	})
	t.Run("송고시간 label", func(t *testing.T) {
		if pub, _ := dateLineTimes("송고시간2025-01-02 10:00"); pub != "2025-01-02T10:00:00+09:00" {
			t.Errorf("got %q, want 2025-01-02T10:00:00+09:00", pub)
		}
	})
	t.Run("parseLooseDate ISO date with a separate clock", func(t *testing.T) {
		if got, _ := parseLooseDate("Posted 2019-11-19 at 10:31 pm"); got != "2019-11-19T22:31:00" {
			t.Errorf("got %q, want 2019-11-19T22:31:00", got)
		}
	})
}

func TestZoneOffsets(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Nov 19, 2019, 10:31 pm CEST", "2019-11-19T22:31:00+02:00"},
		{"Nov 19, 2019, 10:31 am CET", "2019-11-19T10:31:00+01:00"},
		{"Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31:00-06:00"},
		{"Nov 19, 2019, 10:31 pm IST", "2019-11-19T22:31:00+05:30"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			if got, _ := parseLooseDate(tt.text); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextTables(t *testing.T) {
	in := "Home | News | Sport\n\nThe tide tables for the week ahead.\n\n" +
		"Day | High | Low\nMon | 4.1 | 0.9\nTue | 4.3 | 0.7\n\n" +
		"Left | right\nnot | a | table\n\nOne | two\n\nThree | four\n"
	doc := segmentText(in)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, fmt.Sprintf("%v:%d:%q", b.Kind, len(b.Rows), b.Text))
	}
	want := []string{
		fmt.Sprintf("%v:0:%q", BlockPara, "Home | News | Sport"),
		fmt.Sprintf("%v:0:%q", BlockPara, "The tide tables for the week ahead."),
		fmt.Sprintf("%v:3:%q", BlockTable, "Day | High | Low\nMon | 4.1 | 0.9\nTue | 4.3 | 0.7"),
		fmt.Sprintf("%v:0:%q", BlockPara, "Left | right"),
		fmt.Sprintf("%v:0:%q", BlockPara, "not | a | table"),
		fmt.Sprintf("%v:0:%q", BlockPara, "One | two"),
		fmt.Sprintf("%v:0:%q", BlockPara, "Three | four"),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, b := range doc.Blocks {
		if b.Index != i {
			t.Errorf("block %d has index %d", i, b.Index)
		}
	}
	if r := doc.Blocks[2].Rows; len(r) == 3 && strings.Join(r[1], "/") != "Mon/4.1/0.9" {
		t.Errorf("row 1 = %q", r[1])
	}
}

// A line that starts with an asterisk or a dash and stands alone between blank lines is a
// paragraph that keeps its mark (a footnote, a line of dialogue); lines of a list stay items.
func TestLoneMarks(t *testing.T) {
	doc := segmentText("Intro line of the page\n\n* Estimated from the first count\n\n– We will stay, she said.\n\n* first item\n* second item\n")
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, fmt.Sprintf("%d %q", b.Kind, b.Text))
	}
	want := []string{
		fmt.Sprintf("%d %q", BlockPara, "Intro line of the page"),
		fmt.Sprintf("%d %q", BlockPara, "* Estimated from the first count"),
		fmt.Sprintf("%d %q", BlockPara, "– We will stay, she said."),
		fmt.Sprintf("%d %q", BlockItem, "first item"),
		fmt.Sprintf("%d %q", BlockItem, "second item"),
	}
	if !slices.Equal(got, want) {
		t.Errorf("blocks\ngot  %q\nwant %q", got, want)
	}
}

// A dump with a single wrapped line (too few to show its wrap column) joins that line's
// continuation, which starts in lower case; a line that ends a sentence, or a short one,
// is not continued.
func TestLoneWrappedLine(t *testing.T) {
	long := "The island ferry will run half of its crossings for two weeks while the harbour wall is repaired, the operator said, and the first"
	doc := segmentText("Ferry crossings cut\n\n" + long + "\nboat of the day will leave an hour later.\nshort line\nlower case after it.\n")
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"Ferry crossings cut", long + " boat of the day will leave an hour later.", "short line", "lower case after it."}
	if !slices.Equal(got, want) {
		t.Errorf("blocks\ngot  %q\nwant %q", got, want)
	}
}
