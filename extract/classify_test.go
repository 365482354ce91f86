package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// latin is a block of n runes of Latin text dense in stop words.
func latin(n int) *Block {
	s := strings.Repeat("of the ", n/7+1)[:n-1] + "x"
	return blk(s)
}

func TestQualityLengthLatin(t *testing.T) {
	tests := []struct {
		n    int
		want Class
	}{
		{lengthLow - 1, ClassShort},
		{lengthLow, ClassNearGood},
		{lengthLow + 1, ClassNearGood},
		{lengthHigh - 1, ClassNearGood},
		{lengthHigh, ClassNearGood}, // good needs more than lengthHigh
		{lengthHigh + 1, ClassGood},
	}
	for _, tt := range tests {
		t.Run(strings.Repeat("+", tt.n%10), func(t *testing.T) {
			b := latin(tt.n)
			if b.Weighted != float64(tt.n) {
				t.Fatalf("weighted: got %v, want %v", b.Weighted, tt.n)
			}
			if got, rule := quality(b); got != tt.want {
				t.Errorf("quality(%d runes): got %v (%s), want %v", tt.n, got, rule, tt.want)
			}
		})
	}
}

func TestQualityStopwords(t *testing.T) {
	tests := []struct {
		name string
		sd   float64
		w    float64
		end  bool
		want Class
	}{
		{"stopwordsHigh-", stopwordsHigh - 0.01, 200, false, ClassNearGood},
		{"stopwordsHigh", stopwordsHigh, 200, false, ClassGood},
		{"stopwordsHigh+", stopwordsHigh + 0.01, 200, false, ClassGood},
		{"stopwordsLow-", stopwordsLow - 0.01, 200, false, ClassBad},
		{"stopwordsLow", stopwordsLow, 200, false, ClassNearGood},
		{"stopwordsLow+", stopwordsLow + 0.01, 200, false, ClassNearGood},
		{"half stopwordsLow with a sentence end", stopwordsLow / 2, 200, true, ClassNearGood},
		{"below half stopwordsLow with a sentence end", stopwordsLow/2 - 0.01, 200, true, ClassBad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// capitalised words, so the sentence-shape test (lower-case prose) stays out
			b := &Block{Text: "Some Words Of Text Here", Words: 10, Runes: 200, Weighted: tt.w, StopDensity: tt.sd, SentenceEnd: tt.end}
			if got, rule := quality(b); got != tt.want {
				t.Errorf("quality(sd %.3f): got %v (%s), want %v", tt.sd, got, rule, tt.want)
			}
		})
	}
}

func TestQualityHangul(t *testing.T) {
	tests := []struct {
		name string
		w    float64
		ed   float64
		end  bool
		want Class
	}{
		{"lengthLow/2-1", lengthLow/2 - 1, 0.6, true, ClassShort},
		{"lengthLow/2", lengthLow / 2, 0.6, true, ClassNearGood},
		{"lengthHigh/2-1", lengthHigh/2 - 1, 0.6, true, ClassNearGood},
		{"lengthHigh/2", lengthHigh / 2, 0.6, true, ClassGood},
		{"lengthHigh/2+1", lengthHigh/2 + 1, 0.6, true, ClassGood},
		{"good needs a sentence end", 100, 0.6, false, ClassNearGood},
		{"endingsHigh-", 100, endingsHigh - 0.01, true, ClassNearGood},
		{"endingsHigh", 100, endingsHigh, true, ClassGood},
		{"endingsHigh+", 100, endingsHigh + 0.01, true, ClassGood},
		{"endingsLow-", 40, endingsLow - 0.01, true, ClassShort},
		{"endingsLow", 40, endingsLow, true, ClassNearGood},
		{"endingsLow+", 40, endingsLow + 0.01, true, ClassNearGood},
		{"few endings, long, no end", 200, 0.1, false, ClassBad},
		{"few endings, long sentence", lengthHigh, 0.1, true, ClassGood},
		{"few endings, just short of long sentence", lengthHigh - 1, 0.1, true, ClassBad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Block{Text: "가나 다라", Hangul: true, Words: 5, Weighted: tt.w, EndingDensity: tt.ed, SentenceEnd: tt.end}
			if got, rule := quality(b); got != tt.want {
				t.Errorf("quality(w %.1f, endings %.2f, end %v): got %v (%s), want %v", tt.w, tt.ed, tt.end, got, rule, tt.want)
			}
		})
	}
}

func TestQualityRealText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Class
	}{
		{"Korean body paragraph", "정부는 이날 나온 의견을 바탕으로 상반기 중 '충전 서비스 품질 기준'을 마련할 계획이다. 산업부 관계자는 \"이용자가 체감할 수 있는 변화부터 우선 추진하겠다\"고 밝혔다.", ClassGood},
		{"English sentence under lengthHigh", "Supporters packed the meeting wearing yellow shirts and held up signs listing the names of cyclists injured on city streets over the past five years.", ClassNearGood},
		{"English paragraph", "He said that it was not the first time the council had been asked to do this, and that he would be happy to see it done in the spring if the money is there for it by then.", ClassGood},
		{"navigation words", "Home News Sports Business Opinion Weather Real Estate Entertainment Obituaries Classifieds Jobs", ClassBad},
		{"short Korean", "첫 시험", ClassShort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := blk(tt.text)
			if got, rule := quality(b); got != tt.want {
				t.Errorf("quality(%q): got %v (%s, stop density %.2f), want %v", tt.text, got, rule, b.StopDensity, tt.want)
			}
		})
	}
}

func TestContextFreeImage(t *testing.T) {
	b := &Block{Kind: BlockImage, Image: &Image{Src: "a.jpg"}}
	contextFree(b, nil, "")
	if b.CF != ClassNearGood || b.CFRule != ruleImage {
		t.Errorf("image: got %v/%s, want %v/image", b.CF, b.CFRule, ClassNearGood)
	}
}

// classes builds blocks with the given classes: g good, n near-good, s short, b bad,
// m a byline kept as metadata (bad, RoleByline).
func classes(spec string) []*Block {
	var out []*Block
	for i, c := range strings.Fields(spec) {
		b := &Block{Index: i, Kind: BlockPara, Text: c}
		switch c {
		case "g":
			b.Class = ClassGood
		case "n":
			b.Class = ClassNearGood
		case "s":
			b.Class = ClassShort
		case "b":
			b.Class = ClassBad
		case "m":
			b.Class, b.Role = ClassBad, RoleByline
		}
		b.CF = b.Class
		out = append(out, b)
	}
	return out
}

func classString(blocks []*Block) string {
	var s []string
	for _, b := range blocks {
		if b.Role == RoleByline {
			s = append(s, "m")
			continue
		}
		s = append(s, map[Class]string{ClassGood: "g", ClassNearGood: "n", ClassShort: "s", ClassBad: "b"}[b.Class])
	}
	return strings.Join(s, " ")
}

// TestRevise is jusText's context pass (tests/test_classify_paragraphs.py): short blocks take
// the class of their good or bad neighbours; near-good blocks are good unless both
// neighbours are bad.
func TestRevise(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"short between good is good", "g s g", "g g g"},
		{"short between bad is bad", "b s b", "b b b"},
		{"shorts between good are good", "g s s s g", "g g g g g"},
		{"short between good and bad is bad", "g s b", "g b b"},
		{"short between bad and good is bad", "b s g", "b b g"},
		{"short with near-good on the bad side is good", "g s n b", "g g g b"},
		{"short with near-good on the good side is bad", "b s n g", "b b g g"},
		{"short at the start before good is bad", "s g", "b g"},
		{"short at the end after good is bad", "g s", "g b"},
		{"near-good between bad is bad", "b n b", "b b b"},
		{"near-good next to good is good", "b n g", "b g g"},
		{"near-good between good is good", "g n g", "g g g"},
		{"near-good alone is bad", "n", "b"},
		{"metadata is passed over", "g m s g", "g m g g"},
		{"metadata does not count as bad", "g s m g", "g g m g"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := classes(tt.in)
			revise(blocks)
			if got := classString(blocks); got != tt.want {
				t.Errorf("revise(%s): got %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestReviseTeaser(t *testing.T) {
	const cut = "The minister said the plan would be ready by spring, and that the…"
	tests := []struct {
		name string
		in   string // the middle block is the teaser
		next string // the next block's rule and text, where they matter
		want Class
	}{
		{"between paragraphs", "g b g", "", ClassGood},
		{"before a paywall prompt", "g b b", "paywall-promo", ClassGood},
		{"before other boilerplate", "g b b", "link-list", ClassBad},
		{"after boilerplate", "b b g", "", ClassBad},
		{"a preview of the next paragraph", "g b g", "preview", ClassBad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := classes(tt.in)
			for _, b := range blocks {
				b.CF, b.CFRule = b.Class, ruleProse
				if b.Class == ClassBad {
					b.CFRule = ruleLinkList
				}
			}
			blocks[1].Text, blocks[1].CFRule = cut, ruleTeaser
			switch tt.next {
			case "preview":
				blocks[2].Text = strings.TrimSuffix(cut, "…") + " budget would follow in the autumn."
			case "":
			default:
				blocks[2].CFRule = RuleName(tt.next)
			}
			revise(blocks)
			if blocks[1].Class != tt.want {
				t.Errorf("teaser: got %v (%s), want %v", blocks[1].Class, blocks[1].Rule, tt.want)
			}
		})
	}
}

func TestReviseHeading(t *testing.T) {
	t.Run("short heading before good text is good", func(t *testing.T) {
		blocks := classes("b s g")
		blocks[1].Kind, blocks[1].Weighted = BlockHeading, 10
		revise(blocks)
		if blocks[1].Class != ClassGood {
			t.Errorf("heading: got %v, want %v", blocks[1].Class, ClassGood)
		}
	})
	t.Run("short heading far from good text is bad", func(t *testing.T) {
		blocks := classes("b s b b g")
		blocks[1].Kind = BlockHeading
		blocks[2].Weighted, blocks[3].Weighted = maxHeadingDist/2+1, maxHeadingDist/2+1
		revise(blocks)
		if blocks[1].Class != ClassBad {
			t.Errorf("heading: got %v, want %v", blocks[1].Class, ClassBad)
		}
	})
	t.Run("heading within maxHeadingDist", func(t *testing.T) {
		blocks := classes("b s b b g")
		blocks[1].Kind = BlockHeading
		blocks[2].Weighted, blocks[3].Weighted = maxHeadingDist/2, maxHeadingDist/2
		revise(blocks)
		if blocks[1].Class != ClassGood {
			t.Errorf("heading: got %v, want %v", blocks[1].Class, ClassGood)
		}
	})
}

func TestTickerRuns(t *testing.T) {
	mk := func(text, rule string, c Class) *Block {
		b := blk(text)
		b.Class, b.Rule = c, RuleName(rule)
		return b
	}
	blocks := []*Block{
		mk("153,057,000", "ticker", ClassBad),
		mk("-0.21%", "ticker", ClassBad),
		mk("비트코인 캐시", string(ruleShort), ClassShort), // a name the asset list lacks
		mk("509,500", "ticker", ClassBad),
		mk("정부는 이날 대책을 발표했다.", string(ruleProse), ClassGood),
	}
	tickerRuns(blocks)
	if got := blocks[2].Rule; got != ruleTickerRun {
		t.Errorf("name between ticker cells: got %q, want %q", got, ruleTickerRun)
	}
	if got := blocks[4].Class; got != ClassGood {
		t.Errorf("prose after a ticker: got %v, want %v", got, ClassGood)
	}
}

func TestRelatedLists(t *testing.T) {
	mk := func(text, bullet string) *Block {
		b := blk(text)
		b.Bullet = bullet
		if bullet != "" {
			b.Kind = BlockItem
		}
		contextFree(b, nil, "")
		b.Class, b.Rule = b.CF, b.CFRule
		return b
	}
	t.Run("bulleted items under a heading", func(t *testing.T) {
		blocks := []*Block{
			mk("주요 뉴스", ""),
			mk("\"월세만 300만원\"…강남 신축 오피스텔 청약에 몰린 이유 [집코노미]", "•"),
			mk("'봄철 황사' 이번 주말 절정…미세먼지 '매우 나쁨' 예보", "•"),
			mk("프로야구 개막 앞두고 예매 전쟁…\"3분 만에 매진\"", "•"),
			mk("정부는 이날 나온 의견을 바탕으로 상반기 중 품질 기준을 마련할 계획이라고 밝혔다.", ""),
		}
		relatedLists(blocks)
		for i := 1; i <= 3; i++ {
			// an item already bad on its own (low-quality) keeps its rule; the others take the list's
			if blocks[i].Class != ClassBad || (blocks[i].Rule != ruleRelatedList && blocks[i].CF != ClassBad) {
				t.Errorf("item %d: got %v (%s), want bad (%s)", i, blocks[i].Class, blocks[i].Rule, ruleRelatedList)
			}
		}
		if blocks[4].Rule == ruleRelatedList {
			t.Errorf("prose after the list: got %q, want it kept out of the list", blocks[4].Rule)
		}
	})
	t.Run("list ends at a date line", func(t *testing.T) {
		blocks := []*Block{
			mk("관련 뉴스", ""),
			mk("남부 가뭄 장기화에 식수원 비상", ""),
			mk("입력 2025-02-06 15:15", ""),
			mk("겨울 가뭄에 남부 저수율 40%대", ""),
		}
		relatedLists(blocks)
		if blocks[1].Rule != ruleRelatedList {
			t.Errorf("item: got %q, want %q", blocks[1].Rule, ruleRelatedList)
		}
		if blocks[3].Rule == ruleRelatedList {
			t.Errorf("after the date line: got %q, want it kept out of the list", blocks[3].Rule)
		}
	})
	t.Run("list ends at a section heading with no link", func(t *testing.T) {
		blocks := []*Block{
			mk("Read more", ""),
			mk("Harbour ferry fares rise for the summer", ""),
			mk("The second round of talks ended without a deal", ""),
			mk("Officials said the talks would resume next week after both sides had consulted their governments at home.", ""),
		}
		blocks[1].Links, blocks[1].LinkDensity = 1, 1
		blocks[2].Kind, blocks[2].Level, blocks[2].Node = BlockHeading, 2, &html.Node{Type: html.ElementNode, Data: "h2"}
		relatedLists(blocks)
		if blocks[1].Rule != ruleRelatedList && blocks[1].Class != ClassBad {
			t.Errorf("linked item: got %v (%s), want it in the list", blocks[1].Class, blocks[1].Rule)
		}
		if blocks[2].Rule == ruleRelatedList {
			t.Errorf("section heading: got %q, want it kept out of the list", blocks[2].Rule)
		}
	})
	t.Run("maxListItems", func(t *testing.T) {
		blocks := []*Block{mk("많이 본 뉴스", "")}
		for i := 0; i < maxListItems+1; i++ {
			blocks = append(blocks, mk("고속도로 졸음쉼터 확대…사고 줄었을까", "•"))
		}
		relatedLists(blocks)
		if got := blocks[maxListItems].Rule; got != ruleRelatedList {
			t.Errorf("item %d: got %q, want %q", maxListItems, got, ruleRelatedList)
		}
		if got := blocks[maxListItems+1].Rule; got == ruleRelatedList {
			t.Errorf("item %d: got %q, want it past the list", maxListItems+1, got)
		}
	})
}

func TestMaxSpan(t *testing.T) {
	score := func(b *Block) float64 {
		switch b.Text {
		case "g":
			return 10
		case "b":
			return -5
		}
		return 0
	}
	tests := []struct {
		spec       string
		start, end int
	}{
		{"b g g b", 1, 2},
		{"g b g", 0, 2},
		{"g b b b g g", 4, 5},
		{"b b", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			_, s, e := maxSpan(classes(tt.spec), 0, score)
			if s != tt.start || e != tt.end {
				t.Errorf("maxSpan(%s): got [%d,%d], want [%d,%d]", tt.spec, s, e, tt.start, tt.end)
			}
		})
	}
}

func TestClassifyText(t *testing.T) {
	doc := segmentText(`“AI 추격조 만들어야”…민관 머리 맞대

입력 2025-02-06 15:15
  • 가장작게
  • 가장크게

정부와 업계가 6일 서울에서 간담회를 열고 인공지능 산업 경쟁력을 점검했다. 참석자들은 데이터 개방과 인프라 지원이 시급하다고 입을 모았다.

업계는 독자적인 생태계를 갖추기 위한 정책 지원이 필요하다고 강조했다. 정부는 이날 나온 의견을 바탕으로 지원책을 마련할 계획이다.

  • 좋아요0
  • 화나요0

주요 뉴스

  • 반도체 수출 석 달째 반등…하반기는 변수
  • 프로야구 개막 앞두고 예매 전쟁
`)
	features(doc)
	classify(doc, Options{})
	want := map[string]string{
		"입력 2025-02-06 15:15": "date-line",
		"가장작게":                "buttons",
		"좋아요0":                "buttons",
		"주요 뉴스":               "related-heading",
		"반도체 수출 석 달째 반등…하반기는 변수": string(ruleRelatedList),
	}
	kept := 0
	for _, b := range doc.Blocks {
		if r, ok := want[b.Text]; ok && b.Rule != RuleName(r) {
			t.Errorf("%q: got rule %q, want %q", b.Text, b.Rule, r)
		}
		if b.Role == RoleBody {
			kept++
			if !strings.HasSuffix(b.Text, "다.") {
				t.Errorf("kept as body: %q (rule %s)", b.Text, b.Rule)
			}
		}
	}
	if kept != 2 {
		t.Errorf("body blocks: got %d, want 2", kept)
	}
}

func TestQualitySentenceShape(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Class
	}{
		{"lower-case sentences", "Kar yağışı nedeniyle yollar kapandı. Ekipler sabaha kadar çalıştı ve köylere ulaştı.", ClassNearGood},
		{"capitalised menu words", "Home News Sport Weather Culture. Travel Business Money Opinion Video.", ClassBad},
		{"no sentence end", "kar yağışı nedeniyle yollar kapandı ve ekipler sabaha kadar çalıştı köylere ulaştı", ClassBad},
		{"one sentence, full stop", "Ekipler gece boyunca köy yollarındaki karı temizlemeye çalıştı.", ClassNearGood},
		{"one sentence, question", "Ekipler gece boyunca köy yollarındaki karı temizleyebilecek mi?", ClassBad},
		{"one capitalised sentence", "Snow Closes Mountain Roads Across The Northern Province Tonight.", ClassBad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Block{Text: tt.text}
			blockFeatures(b)
			b.StopDensity = 0 // a language the stop list does not cover
			if got, rule := quality(b); got != tt.want {
				t.Errorf("quality(%q): got %v (%s), want %v", tt.text, got, rule, tt.want)
			}
		})
	}
}

func TestSentenceRunSurvivesBadNeighbours(t *testing.T) {
	mk := func(text string, c Class) *Block {
		b := &Block{Text: text, Class: c, CF: c, SentenceEnd: c != ClassBad}
		return b
	}
	for _, tt := range []struct {
		name string
		n    int
		want Class
	}{
		{"two near-good sentences between bad blocks", minSentenceRun - 1, ClassBad},
		{"a run of near-good sentences between bad blocks", minSentenceRun, ClassGood},
	} {
		t.Run(tt.name, func(t *testing.T) {
			blocks := []*Block{mk("Share", ClassBad)}
			for i := 0; i < tt.n; i++ {
				blocks = append(blocks, mk("A short paragraph of the lead ends here.", ClassNearGood))
			}
			blocks = append(blocks, mk("Report", ClassBad))
			revise(blocks)
			if got := blocks[1].Class; got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// A web address written out between body paragraphs (a source, a shop link) is body; the
// page's own short link and a reporter's e-mail address there stay dropped.
func TestURLLinesInBody(t *testing.T) {
	page := `<html lang="en"><head><title>Three cheap camping stoves</title></head><body><article>
<p>We cooked the same pot of rice on each stove at the campsite, and timed how long each of them took to bring a litre of water to the boil.</p>
<p><a href="https://shop.example.org/s/alpha">https://shop.example.org/s/alpha</a></p>
<p>The second stove was the slowest of the three, but it folds down small enough to fit inside its own pot, which matters on a long walk.</p>
<p><a href="https://short.example.net/k2">www.short.example.net/k2</a></p>
<p>The third stove burns wood and twigs, so there is no fuel to carry, though it leaves the pot black with soot after every single meal.</p>
<p>https://go.campnews.example/p/4711</p>
<p>All three are sold for less than forty pounds, and none of them weighs more than half a kilogram with its windshield and its bag.</p>
<p>nina.writer@campnews.example</p>
<p>We would take the folding one on a trip of more than two days, and the wood burner on a weekend when the forest floor is dry enough.</p>
</article></body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML, URL: "https://www.campnews.example/stoves"})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, want := range []string{"https://shop.example.org/s/alpha", "www.short.example.net/k2"} {
		if !strings.Contains(all, want) {
			t.Errorf("the address %q between paragraphs was dropped:\n%s", want, all)
		}
	}
	for _, not := range []string{"go.campnews.example", "nina.writer@"} {
		if strings.Contains(all, not) {
			t.Errorf("%q stays in the body:\n%s", not, all)
		}
	}
}

// A shop link under a product the article presents ("See it now: Shop", "Get it at Shop
// for $24.99" and a second shop under it) is body between the article's paragraphs; any
// other link line there stays dropped.
func TestShopLinksInBody(t *testing.T) {
	page := `<html lang="en"><head><title>Gifts for people who cook</title></head><body><article>
<p>A good pepper mill is the gift that every cook we asked wanted most, and this one grinds from fine to coarse with a single turn of its top.</p>
<p><a href="https://shop.example.org/mill">See it now: Millshop</a></p>
<p>The cast-iron pan below is heavy, but it goes from the hob to the oven and will outlive everyone who eats from it over the years.</p>
<p><a href="https://shop.example.org/pan">Get it at Panshop for $34.50</a></p>
<p><a href="https://other.example.org/pan">Also at Kitchenstore</a></p>
<p>A set of wooden spoons costs little and never scratches a pan, which is why we keep giving them to friends who move house.</p>
<p><a href="https://news.example.org/app">GET THE APP ON YOUR PHONE</a></p>
<p>Last on the list is a timer shaped like an egg, because everyone burns something once and the timer on the phone is always somewhere else.</p>
</article></body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, want := range []string{"See it now: Millshop", "Get it at Panshop for $34.50", "Also at Kitchenstore"} {
		if !strings.Contains(all, want) {
			t.Errorf("the shop link %q was dropped:\n%s", want, all)
		}
	}
	if strings.Contains(all, "GET THE APP") {
		t.Errorf("an app promotion stays in the body:\n%s", all)
	}
}

// A statement with most of its words linked (names linked to their pages) is body between
// body paragraphs; a linked question there (another article's headline) stays dropped.
func TestLinkedStatementInBody(t *testing.T) {
	page := `<html lang="en"><head><title>The harbour strike</title></head><body><article>
<p>Dock workers stopped loading ships at dawn on Tuesday, and by noon more than forty vessels were waiting outside the harbour wall for a berth.</p>
<p>The <a href="/t/union">dockers' union</a> and the <a href="/t/port-authority">port authority</a> met <a href="/t/mayor">the mayor</a> at noon.</p>
<p>Neither side would say what was offered at the meeting, but the union's leader told reporters afterwards that the talks would go on into the night.</p>
<p><a href="/n/77">Who pays when the ships cannot unload their cargo?</a></p>
<p>Shop owners in the old town said that fresh fruit had already run short, and that the price of fish had doubled since the weekend began.</p>
</article></body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	if !strings.Contains(all, "met the mayor at noon.") {
		t.Errorf("the linked statement was dropped:\n%s", all)
	}
	if strings.Contains(all, "Who pays when") {
		t.Errorf("the linked question stays in the body:\n%s", all)
	}
}

// The head of a live blog's entry stands inside the article: it neither makes nor breaks
// the region, where other dropped lines cost it.
func TestLiveEntryHeadNeutral(t *testing.T) {
	b := blk("18:05 Mara Quint")
	contextFree(b, nil, "")
	if b.CFRule != ruleLiveEntryHead {
		t.Fatalf("rule: got %q, want live-entry-head", b.CFRule)
	}
	if !neutral(b) {
		t.Errorf("neutral: got false, want true")
	}
	o := blk("Advertisement")
	contextFree(o, nil, "")
	if neutral(o) {
		t.Errorf("neutral(%q): got true, want false", o.Text)
	}
}

// furniturePage is a made-up text dump: two paragraphs around a run of lines, n of them.
func furniturePage(line func(i int) string, n int) string {
	para := "The council met on the evening of the vote and said that it would keep the old " +
		"rules for the whole of the year, as the members of the board had asked it to do."
	var b strings.Builder
	b.WriteString("Town keeps its old rules for another year\n\n" + para + "\n\n" + para + " It was late.\n\n")
	for i := range n {
		b.WriteString(line(i) + "\n\n")
	}
	b.WriteString(para + " Nobody spoke.\n\n" + para + " The end.\n")
	return b.String()
}

func TestFurnitureRunDropped(t *testing.T) {
	// a programme of a word or two a line, as a sports or TV schedule shows it
	cells := []string{"Mon 3 May", "10:30", "Channel:Two", "Rowing", "Heats"}
	page := furniturePage(func(i int) string { return cells[i%len(cells)] }, 30)
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(bodyText(a), "Rowing") || strings.Contains(bodyText(a), "Channel:Two") {
		t.Errorf("the schedule leaked into the body:\n%s", bodyText(a))
	}
	if !strings.Contains(bodyText(a), "Nobody spoke.") || !strings.Contains(bodyText(a), "It was late.") {
		t.Errorf("the paragraphs around the schedule are missing:\n%s", bodyText(a))
	}
	found := false
	for _, b := range a.Blocks {
		if b.Text == "Rowing" {
			found = true
			if b.Rule != ruleShortRun {
				t.Errorf("Rowing: rule %q, want %q", b.Rule, ruleShortRun)
			}
		}
	}
	if !found {
		t.Error("no block Rowing")
	}
}

func TestFurnitureRunOfPhrasesKept(t *testing.T) {
	// a list in the article: as many lines, each a phrase
	page := furniturePage(func(i int) string { return fmt.Sprintf("Team %c (Group %d): fourth place", 'A'+rune(i), i%6) }, 30)
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bodyText(a), "Team C (Group 2): fourth place") {
		t.Errorf("the list in the article was dropped:\n%s", bodyText(a))
	}
}

func TestFurnitureShortRunKept(t *testing.T) {
	// a few short lines between paragraphs (a short list) are the article's
	page := furniturePage(func(i int) string { return fmt.Sprintf("Item %d", i) }, maxShortRun)
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bodyText(a), "Item 3") {
		t.Errorf("a short list in the article was dropped:\n%s", bodyText(a))
	}
}

// bodyText is the article's body blocks, one a line.
func bodyText(a *Article) string {
	var lines []string
	for _, b := range a.Body {
		lines = append(lines, b.Text)
	}
	return strings.Join(lines, "\n")
}

// checkBody reports each of want that the body lacks and each of reject that it holds.
func checkBody(t *testing.T, body string, want, reject []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q:\n%s", s, body)
		}
	}
	for _, s := range reject {
		if strings.Contains(body, s) {
			t.Errorf("body holds %q:\n%s", s, body)
		}
	}
}

func TestRepeatedLabelDropped(t *testing.T) {
	para := func(i int) string {
		return fmt.Sprintf("The council met on the evening of vote %d and said that it would keep the old rules for the whole of the year, as the board had asked it to do.", i)
	}
	var b strings.Builder
	b.WriteString("Town keeps its old rules\n\n")
	for i := range 6 {
		b.WriteString(para(i) + "\n\nStory text\n\n")
	}
	b.WriteString("What comes next\n\n" + para(9) + "\n")
	a, err := ExtractString(b.String(), Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if strings.Contains(text, "Story text") {
		t.Errorf("a label repeated between the paragraphs leaked:\n%s", text)
	}
	// a subheading stands once: it stays
	if !strings.Contains(text, "What comes next") || !strings.Contains(text, "vote 5") {
		t.Errorf("the article lost text:\n%s", text)
	}
}

func TestDoubledText(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Harbour town opens its new ferry pier Harbour town opens its new ferry pier", true},
		{"Harbour town opens its new ferry pierHarbour town opens its new ferry pier", true},
		{"Ferry pier: Harbour town opens it Ferry pier: Harbour town opens it", true},
		{"Logo Harbour Post Logo Harbour Post Logo Harbour Post", true},
		{"ferry-pier-opening.jpgferry-pier-opening.jpg", true},
		// a place name of a doubled short word, and a sentence that only starts alike
		{"Bora Bora", false},
		{"Baden-Baden", false},
		{"The harbour town opened its pier. The harbour town then closed its old quay.", false},
		{"Harbour town opens its new ferry pier Harbour town opens", false},
		{"============================", false},
		// a text of many copies is a pattern, not a link's two texts
		{"pier gate pier gate pier gate pier gate pier gate ", false},
	}
	for _, tt := range tests {
		if got := doubledText(tt.text); got != tt.want {
			t.Errorf("doubledText(%q): got %v, want %v", tt.text, got, tt.want)
		}
	}
	b := blk("Harbour town opens its new ferry pier Harbour town opens its new ferry pier")
	contextFree(b, nil, "")
	if b.CFRule != ruleDoubledText || b.CF != ClassBad {
		t.Errorf("rule: got %q (%v), want doubled-text", b.CFRule, b.CF)
	}
	if !neutral(b) {
		t.Error("a doubled line is not neutral")
	}
}

// TestNeutralInBody: an image's doubled name and an embedded video's consent gate stand
// between two paragraphs of the article; they are dropped, and the paragraphs around
// them stay the article's.
func TestNeutralInBody(t *testing.T) {
	para := "The council met on the evening of the vote and said that it would keep the old " +
		"rules for the whole of the year, as the members of the board had asked it to do."
	short := "The board said it was glad of it."
	page := "Town keeps its old rules for another year\n\n" + para + "\n\n" +
		"pier-at-dusk.jpgpier-at-dusk.jpg\n\n" + short + "\n\n" +
		"An dieser Stelle findest du einen externen Inhalt von einem Videodienst, der den Artikel ergänzt.\n\n" +
		"Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.\n\n" +
		"Personenbezogene Daten können an Drittplattformen übermittelt werden.\n\n" +
		"Inhalte des Videodienstes erlauben\n\n" +
		"The mayor spoke for a short while.\n\n" + para + " Nobody spoke after that.\n"
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if strings.Contains(text, "pier-at-dusk") || strings.Contains(text, "einverstanden") {
		t.Errorf("the image name or the consent gate leaked:\n%s", text)
	}
	if !strings.Contains(text, short) || !strings.Contains(text, "The mayor spoke") || !strings.Contains(text, "Nobody spoke") {
		t.Errorf("the article lost text around the image and the gate:\n%s", text)
	}
}

// The paragraphs beside an article's one long paragraph, in its element, are the
// article's: a short lead-in sentence and lists written as lines whose names are linked
// among unlinked ones, even when those lines hold more text than the paragraph. A line that
// is one link over most of its text (another article's headline) stays dropped.
func TestParagraphSiblingsKept(t *testing.T) {
	page := `<html lang="en"><head><title>Storm closes roads</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="story"><h1>Storm closes roads</h1>
<p>The weather office said on Sunday evening that heavy snow had closed roads across the northern valleys, and that crews would work through the night to clear the main routes before the morning traffic.</p>
<p>Roads closed so far:</p>
<p>North district: <a href="/p/alderton">Alderton Road</a>, <a href="/p/brookvale">Brookvale Lane</a>, Cressby Hill, <a href="/p/dunmere">Dunmere Pass</a>, <a href="/p/eastcombe">Eastcombe Way</a></p>
<p>West district: <a href="/p/farley">Farley Bridge</a>, Glenmoor Road, <a href="/p/harwick">Harwick Road</a>, <a href="/p/ilsby">Ilsby Lane</a>, <a href="/p/jorvale">Jorvale Pass</a></p>
<p>South district: <a href="/p/kelham">Kelham Street</a>, <a href="/p/lowick">Lowick Hill</a>, Marsden Way, <a href="/p/netherby">Netherby Road</a></p>
<p><a href="/n/88">Valley farmers count the cost of the long winter</a>, from our archive</p>
</div>
<footer><p>Copyright 2024 The Valley Courier</p></footer>
</body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, want := range []string{"Roads closed so far:", "North district: Alderton Road", "South district: Kelham Street"} {
		if !strings.Contains(all, want) {
			t.Errorf("the body lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Valley farmers") {
		t.Errorf("the linked headline stays in the body:\n%s", all)
	}
}

func TestRepeatedCaptionNeutral(t *testing.T) {
	const caption = "2021 Harbour Lights Festival Photo Series [Lantern Parade] Main Stage Evening Programme Gallery Archive Collection"
	para := "The harbour festival opened on a cold evening, and many families came down to the water to watch the first boats sail past the old pier while the band played on the quay."
	short := []string{
		"By nine the whole quay was full of people who had come for the lanterns.",
		"The youngest dancers went on first and the crowd cheered for each of them.",
		"Then the drums began and the lanterns were lifted over the water at once.",
	}
	var b strings.Builder
	b.WriteString("Lanterns light up the old harbour\n\n" + para + "\n\n")
	for i, s := range short {
		fmt.Fprintf(&b, "[photo_%d]\n\n%s\n\n%s\n\n", i, caption, s)
	}
	fmt.Fprintf(&b, "[photo_9]\n\n%s\n\n%s\n", caption, para)
	a, err := ExtractString(b.String(), Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	for _, s := range short {
		if !strings.Contains(text, s) {
			t.Errorf("a paragraph between two photos was lost: %q\n%s", s, text)
		}
	}
	if strings.Contains(text, "Photo Series") {
		t.Errorf("the repeated caption leaked:\n%s", text)
	}
}

func TestDataListKept(t *testing.T) {
	para := "The choir from the valley will travel across the country this summer, singing in halls and churches where it has never been heard before, its director said on Monday."
	in := "Valley choir plans its first summer tour\n\n" + para + "\n\n" + para + "\n\n" +
		"The valley choir summer tour dates:\n\n" +
		"May 4 -- Grand Hall, Northport\n\nMay 9 -- St Anne Church, Lakeview\n\n" +
		"May 15 -- Old Mill Theatre, Eastbury\n\nJune 2 -- Harbour Arts Centre, Westfield\n\n" +
		"[photo]\n\nhttps://example.org/shop/item-7\n\nFollow us\n\nSubscribe\n\nContact\n"
	a, err := ExtractString(in, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	for _, s := range []string{"tour dates:", "May 4 -- Grand Hall", "May 15 -- Old Mill", "June 2 -- Harbour Arts"} {
		if !strings.Contains(text, s) {
			t.Errorf("a row of the article's list was lost: %q\n%s", s, text)
		}
	}
	// the list ends at its last row: a link and the page's labels after it stay out
	for _, s := range []string{"example.org", "Subscribe", "Follow us"} {
		if strings.Contains(text, s) {
			t.Errorf("%q leaked after the list:\n%s", s, text)
		}
	}
}

func TestItemListKept(t *testing.T) {
	para := func(i int) string {
		return fmt.Sprintf("<p>The rowing club chose its crews for the spring races on day %d, after the coaches had watched every rower on the river for three weeks and talked to each of them.</p>", i)
	}
	first := []string{"Anna", "Tom", "Lena", "Sam", "Ivy", "Max", "Rose", "Ben", "Clara", "Otto", "June", "Paul"}
	last := []string{"Berg", "Hale", "Frost", "Reed", "Stone", "Moss", "Lane", "Wood"}
	clubs := []string{"North Lake", "River School", "Old Mill", "Harbour Club", "East Bank"}
	var b strings.Builder
	b.WriteString(`<html><head><title>Rowing club picks its crews</title></head><body><ul class="menu"><li><a href="/a">Home</a></li><li><a href="/b">Clubs</a></li><li><a href="/c">Races</a></li></ul><div class="story"><h1>Rowing club picks its crews</h1>`)
	// the intro, a box of links to other pages set in the article, then the list of
	// what a how-to needs: the list and the steps after it are the article's
	b.WriteString(`<div class="intro">` + para(1) + para(2) + `</div><div class="related"><h4>Other readers look at</h4><p><a href="/x">How to mend an oar</a></p><p><a href="/y">How to paint a hull</a></p><p><a href="/z">How to row in the rain</a></p></div>`)
	b.WriteString("<p>What every crew needs:</p>")
	for _, n := range []string{"Oars", "Life jackets", "A boat hook", "Spare rowlocks", "Tape", "A pump", "Rope", "A whistle", "Gloves", "Water bottles", "A first aid kit"} {
		fmt.Fprintf(&b, "<div>%s</div>", n)
	}
	b.WriteString("<h3>Step one</h3>" + para(3) + para(4))
	// a long list of names, no figure in them, that ends the article
	b.WriteString("<p>These rowers were called to the first crews:</p>")
	for i := range 24 {
		fmt.Fprintf(&b, "<div>%s %s (%s)</div>", first[i%12], last[i%8], clubs[i%5])
	}
	b.WriteString(`</div><div class="latest"><p>Latest:</p><p><a href="/n1">Club wins the cup</a></p><p><a href="/n2">River closed for repairs</a></p><p><a href="/n3">New boat house opens</a></p></div><p>Copyright 2024 The River Times. All rights reserved.</p></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	checkBody(t, bodyText(a),
		[]string{"What every crew needs:", "Spare rowlocks", "A first aid kit", "on day 3", "on day 4", "Anna Berg (North Lake)", "Paul Wood (Harbour Club)"},
		[]string{"Club wins the cup", "How to mend an oar", "Copyright"})
}

func TestCodeBlocksKept(t *testing.T) {
	const object = `// flock.js
(function (exports) {
  "use strict";
  function Flock(name) { this.name = name || "hill"; this.tags = {}; }
  Flock.prototype.add = function (tag) { this.tags[tag] = (this.tags[tag] || 0) + 1; };
  Flock.prototype.size = function () { return Object.keys(this.tags).length; };
  exports.Flock = Flock;
})(this);`
	const suite = `var expect = chai.expect;
describe("Flock", function () {
  it("counts a tag once", function () {
    var f = new Flock(); f.add("A-0117"); f.add("A-0117");
    expect(f.size()).eql(1);
  });
});`
	var b strings.Builder
	b.WriteString(`<html><head><title>Counting sheep in a script</title></head><body><ul class="nav"><li><a href="/">Home</a></li><li><a href="/posts">Posts</a></li></ul><div><h1>Counting sheep in a script</h1>`)
	b.WriteString("<p>Every farmer who keeps a flock on the hill has asked how many sheep came back in the evening, and a small script can tell them before the light goes.</p>")
	b.WriteString("<p>Here is the little object we will test, it keeps the tags it was given:</p>")
	b.WriteString("<pre><code>" + object + "</code></pre>")
	b.WriteString("<p>And here is its test suite, which a farmer can run in the browser:</p>")
	b.WriteString("<pre><code>" + suite + "</code></pre>")
	b.WriteString("<p>That is the whole trick, and it runs on the old computer in the barn as well as on a new one, since it needs nothing but the browser that comes with it.</p>")
	// a command after the article, with no body below it, is not the article's
	b.WriteString(`</div><div><p>Share:</p><pre>curl -s https://example.org/feed.sh | sh -s -- --all --quiet --since=2024-01-01 --format=tsv</pre></div></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	checkBody(t, bodyText(a), []string{"Flock.prototype.size", "expect(f.size()).eql(1);"}, []string{"example.org/feed.sh"})
}

func TestFlattenedTableKept(t *testing.T) {
	para := "The ferry company said on Tuesday that crossings would run less often this winter, because two of its older boats need new engines before the spring season begins."
	in := "Ferry crossings cut for the winter\n\n" + para + "\n\n" + para + "\n\n" +
		"Crossings a day\n\nLine\n\nBoats\n\nNorth Quay\n\n12\n\nSouth Quay\n\n7\n\nIsland Pier\n\n3\n\n" +
		"Passengers can check the new timetable at every pier, and the company said it will send a text message to anyone who signs up whenever a boat is late or cancelled because of the weather.\n"
	a, err := ExtractString(in, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	for _, s := range []string{"South Quay\n7", "Passengers can check the new timetable"} {
		if !strings.Contains(text, s) {
			t.Errorf("the table or the paragraph after it was lost: %q\n%s", s, text)
		}
	}
}

func TestBodyTeaserBesideShortLine(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Harbour board meets the ferry owners</title></head><body><div class="nav"><a href="/a">Home</a> <a href="/b">Ports</a></div><article><h1>Harbour board meets the ferry owners</h1>`)
	for i := range 4 {
		fmt.Fprintf(&b, "<p>The harbour board met the ferry owners on the morning of day %d and they talked about the fares, the timetable and the old pier for a long time.</p>", i)
	}
	b.WriteString("<p>The chairman said:</p>")
	b.WriteString("<p>We have known each other for a long time, and we have always kept our word to the people of the islands who rely on the boats, and so we go on talking about the fares...</p>")
	b.WriteString("<p>The owners nodded.</p>")
	for i := range 3 {
		fmt.Fprintf(&b, "<p>After the talks on day %d the owners went back to their boats and the board went back to its offices to write down what had been agreed on the fares.</p>", i)
	}
	b.WriteString(`</article><div class="more"><h3>More news</h3><p><a href="/c">Ferry fares rise for the first time since the old pier was built and the town is...</a></p></div></body></html>`)
	a, err := ExtractString(b.String(), Source{Name: "page.html"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if !strings.Contains(text, "talking about the fares...") {
		t.Errorf("a paragraph trailing off in an ellipsis between body lines was dropped:\n%s", text)
	}
	if strings.Contains(text, "Ferry fares rise") {
		t.Errorf("the teaser of another article leaked:\n%s", text)
	}
}

func TestMoreTeasersDropped(t *testing.T) {
	para := func(i int) string {
		return fmt.Sprintf("The council met on the evening of vote %d and said that it would keep the old rules for the whole of the year, as the board had asked it to do, and that the new rules would wait until the vote of the next year.", i)
	}
	var b strings.Builder
	b.WriteString("Town keeps its old rules\n\n")
	for i := range 4 {
		b.WriteString(para(i) + "\n\n")
	}
	b.WriteString("Harbour bridge: the city wants a new crossing by spring | mehr\n\n" + para(7) + "\n\n")
	a, err := ExtractString(b.String(), Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if strings.Contains(text, "Harbour bridge") {
		t.Errorf("a teaser ending in its more link leaked:\n%s", text)
	}
	if !strings.Contains(text, "vote 7") || !strings.Contains(text, "vote 0") {
		t.Errorf("the article lost text:\n%s", text)
	}
}

// A summary box a language model wrote (its heading, its points, the note that says so)
// is dropped, above the article or below its heading; a list in the article without such
// a note stays.
func TestAISummaryDropped(t *testing.T) {
	body := ferryP1 + "\n\n" +
		ferryP2 + "\n\n" +
		"The works were planned for the spring:\n\n  • new stones for the wall\n  • a wider pier\n  • lights on the breakwater\n\n" +
		ferryP3 + "\n"
	boxes := map[string]string{
		"note below": "In short\n\n  • The ferry sails half as often for two weeks.\n  • Season tickets are refunded.\n  • Buses meet the boats.\n\n━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n\nThis summary was generated by AI and checked by our editors.\n\n",
		"note above": "Zusammenfassung mit Hilfe von KI erstellt, von der Redaktion geprüft.\n\n  • The ferry sails half as often for two weeks.\n  • Season tickets are refunded.\n  • Buses meet the boats.\n\n",
	}
	for name, box := range boxes {
		page := "Ferry crossings cut for two weeks\n\nBy Anna Berg\n\n" + box + body
		a, err := ExtractString(page, Source{Name: name}, Options{Input: KindText})
		if err != nil {
			t.Fatal(err)
		}
		text := bodyText(a)
		if strings.Contains(text, "Season tickets are refunded") || strings.Contains(text, "Hilfe von KI") || strings.Contains(text, "generated by AI") {
			t.Errorf("%s: the summary box leaked into the body:\n%s", name, text)
		}
		if !strings.Contains(text, "a wider pier") || !strings.Contains(text, "Passengers with season tickets") {
			t.Errorf("%s: the article's text is missing:\n%s", name, text)
		}
		for _, b := range a.Blocks {
			if b.Text == "Buses meet the boats." && b.Rule != ruleAISummary {
				t.Errorf("%s: a point of the box: rule %q, want %q", name, b.Rule, ruleAISummary)
			}
		}
	}
}

// In a text dump, the line right above a photo's credit between body paragraphs is the
// photo's caption; the paragraph above a source line that closes the article is not.
func TestTextCaptionAboveCredit(t *testing.T) {
	page := "Ferry crossings cut for two weeks\n\n" + ferryP1 + "\n\n" + ferryP2 + "\n\nWorkers lift a stone back onto the harbour wall at low tide\nFoto: Jan Olsen\n\n" + ferryP3 + "\n\nQuelle: Inselpost\n"
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if strings.Contains(text, "Workers lift a stone") {
		t.Errorf("the caption stayed in the body:\n%s", text)
	}
	if !strings.Contains(text, "The operator said the repairs") || !strings.Contains(text, "Passengers with season tickets") {
		t.Errorf("a paragraph is missing:\n%s", text)
	}
	for _, b := range a.Blocks {
		if strings.HasPrefix(b.Text, "Workers lift a stone") && b.Rule != ruleTextCaption {
			t.Errorf("the caption: rule %q, want %q", b.Rule, ruleTextCaption)
		}
	}

	// the image's text, then the same as its caption with the credit after it
	const caption = "Workers lift a stone back onto the harbour wall at low tide, while the ferry waits at the pier for the morning crossing to the mainland."
	page = "Ferry crossings cut for two weeks\n\n" + ferryP1 + "\n\n" + ferryP2 + "\n\n" + caption + "\n\n" + caption + " / Jan Olsen, Inselpost\n\n" + ferryP3 + "\n"
	a, err = ExtractString(page, Source{Name: "copy"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range a.Body {
		if strings.HasPrefix(b.Text, "Workers lift a stone") && b.Role != RoleCaption {
			t.Errorf("the caption or its credited copy is body text: %q (rule %s)", b.Text, b.Rule)
		}
	}
	if text := bodyText(a); !strings.Contains(text, "The operator said the repairs") {
		t.Errorf("a paragraph is missing:\n%s", text)
	}

	// a body paragraph above a caption's whole sentence is the body's, not the photo's text
	page = "Ferry crossings cut for two weeks\n\n" + ferryP1 + "\n\n" + ferryP2 + "\n\n" + caption + " (Photo: Jan Olsen)\n\n" + ferryP3 + "\n"
	a, err = ExtractString(page, Source{Name: "long caption"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if text := bodyText(a); !strings.Contains(text, "Passengers with season tickets") {
		t.Errorf("the paragraph above a caption was dropped:\n%s", text)
	}
}

// A related-news box set between the article's paragraphs does not cut the article: the
// paragraphs above it stay body, its items go.
func TestRelatedBoxInsideBody(t *testing.T) {
	para := func(topic string, n int) string {
		return fmt.Sprintf("The council discussed the %s at length on Tuesday evening, and members said a decision on item %d would follow once the costs of the works were known in full.", topic, n)
	}
	var page strings.Builder
	page.WriteString("Harbour plan goes to the council\n\n")
	for i := 0; i < 3; i++ {
		page.WriteString(fmt.Sprintf("The council met about the harbour wall, and members said item %d would be decided in spring.", i) + "\n\n")
	}
	page.WriteString("Related stories\n\n")
	for _, s := range []string{"Storm leaves the coast road closed for a week after a landslip near the northern lighthouse cliffs",
		"Island school gets a new roof before the winter term begins, paid for by the fund for rural schools",
		"Fishing fleet returns early as prices fall at the market for the third week running this autumn",
		"New bus timetable cuts the evening service to the ferry and the hospital from the start of next month",
		"Lifeboat crew called out twice in one night to yachts in trouble off the western headland rocks",
		"Village hall reopens after the flood with a concert by the brass band and a market for local crafts"} {
		page.WriteString(s + "\n")
	}
	page.WriteString("\n")
	for i := 3; i < 12; i++ {
		page.WriteString(para("new pier", i) + "\n\n")
	}
	a, err := ExtractString(page.String(), Source{Name: "page"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if !strings.Contains(text, "item 0 would be decided") || !strings.Contains(text, "item 11 would follow") {
		t.Errorf("the article lost paragraphs around the box:\n%s", text)
	}
	if strings.Contains(text, "Fishing fleet returns early") {
		t.Errorf("the related box leaked into the body:\n%s", text)
	}
}

// In a text dump, three or more cards in a row (an image's text, a headline, an author, a
// date line, a teaser) are a list of other articles; a live blog's entries (a date line
// above each entry's headline and text) are the article.
func TestTextCardList(t *testing.T) {
	article := "Ferry crossings cut for two weeks\n\nBy Anna Berg\n\n" +
		ferryP1 + "\n\n" +
		ferryP2 + "\n\n" +
		ferryP3 + "\n\n"
	var cards strings.Builder
	for i, h := range []string{"School roof mended before the winter term", "Lifeboat called out twice in one night", "Market hall opens again after the flood", "Bus timetable cut for the evening service"} {
		fmt.Fprintf(&cards, "Photo of the island\n%s\nJohn Roe\nMonday March %d, 2031\nThe island council says the work will be finished by the end of the month, and the costs are met.\n\n", h, i+3)
	}
	a, err := ExtractString(article+cards.String(), Source{Name: "cards"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if strings.Contains(text, "finished by the end of the month") || strings.Contains(text, "Lifeboat called out") {
		t.Errorf("the card list leaked into the body:\n%s", text)
	}
	if !strings.Contains(text, "Passengers with season tickets") {
		t.Errorf("the article is missing:\n%s", text)
	}

	var live strings.Builder
	live.WriteString("Storm over the island: live\n\n")
	for i, h := range []string{"Ferry stays in port", "Power cut in the north", "School closes early", "Wind drops at last"} {
		fmt.Fprintf(&live, "Monday March 3, 2031 %d:15\n%s\nThe coastguard said at %d o'clock that the wind had reached its highest speed of the year, and the harbour master kept the %s boats in port.\n\n", 9+i, h, 9+i, []string{"fishing", "ferry", "sailing", "pilot"}[i])
	}
	a, err = ExtractString(live.String(), Source{Name: "live"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(bodyText(a), "The coastguard said"); n != 4 {
		t.Errorf("the live blog kept %d of its 4 entries:\n%s", n, bodyText(a))
	}
}

// ferryP1, ferryP2 and ferryP3 are three paragraphs of a made-up article that the tests
// of the passes set among the boilerplate they test.
const (
	ferryP1 = "The island ferry will run half of its crossings for two weeks while the harbour wall is repaired, the operator said on Monday, and the first boat of the day will leave an hour later."
	ferryP2 = "Passengers with season tickets will be refunded for the missed days, and extra buses will meet the remaining crossings at the pier for as long as the works last."
	ferryP3 = "The operator said the repairs could not wait for the winter, when fewer people travel, because the storms of the past month had loosened stones along the whole length of the wall."
)

// In a text dump, a related-news heading followed by teaser cards (a headline line, then
// its summary) drops the summaries with the headlines.
func TestRelatedTeaserCards(t *testing.T) {
	var page strings.Builder
	page.WriteString("Ferry crossings cut for two weeks\n\n" + ferryP1 + "\n\n" + ferryP2 + "\n\n" + ferryP3 + "\n\nMore stories\n\n")
	for i, h := range []string{"School roof mended before the winter term", "Lifeboat called out twice in one night", "Market hall opens again after the flood",
		"Bus timetable cut for the evening service", "New lights for the breakwater path", "Fishing fleet back early as prices fall"} {
		fmt.Fprintf(&page, "%s\n\nThe island council says that work number %d will be finished by the end of the month, that the costs are met by the fund for rural islands, and that the roads stay open while it lasts.\n\n", h, i)
	}
	a, err := ExtractString(page.String(), Source{Name: "teasers"}, Options{Input: KindText})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if strings.Contains(text, "work number 1 will be finished") || strings.Contains(text, "Lifeboat called out") {
		t.Errorf("the teaser cards leaked into the body:\n%s", text)
	}
	if !strings.Contains(text, "The operator said the repairs") {
		t.Errorf("the article is missing:\n%s", text)
	}
}

// An end-of-article signal (a related heading) that stands after the element holding the
// article's paragraphs has closed ends the article, however much prose follows it (the
// teasers of other stories, each under its linked headline); one inside that element,
// with the article going on after it, does not.
func TestEndSignalAfterClosedElement(t *testing.T) {
	teaser := func(i int) string {
		return fmt.Sprintf("The island council says that work number %d on the coast road will be finished by the end of the month, that the costs are met by the fund for rural islands, and that the road stays open while it lasts.", i)
	}
	cards := func() string {
		var b strings.Builder
		b.WriteString("<h3>Island Headlines</h3><dl>")
		for i, h := range []string{"School roof mended before the winter term", "Lifeboat called out twice in one night", "Market hall opens again after the flood",
			"Bus timetable cut for the evening service", "New lights for the breakwater path", "Fishing fleet back early as prices fall"} {
			fmt.Fprintf(&b, `<dt><a href="/news/%d">%s</a></dt><dd>%s</dd>`, i, h, teaser(i))
		}
		return b.String() + "</dl>"
	}
	related := `<h3>Related</h3><ul><li><a href="/a">Harbour wall to be rebuilt next year</a></li><li><a href="/b">Ferry fares rise in the spring</a></li></ul>`
	story := "<h1>Ferry crossings cut for two weeks</h1><p>" + ferryP1 + "</p><p>" + ferryP2 + "</p><p>" + ferryP3 + "</p>"
	tests := []struct {
		name, page string
		want, not  []string
	}{
		{"teasers after the story's element", `<html><body><div id="main"><div class="story">` + story + `</div><div class="col2">` + related + cards() + `</div></div></body></html>`,
			[]string{"The operator said the repairs"}, []string{"work number 1 on the coast road", "work number 5 on the coast road"}},
		{"a related box inside the story's element", `<html><body><div id="main"><div class="story">` + story + related + "<p>" + teaser(7) + "</p><p>" + teaser(8) + "</p><p>" + teaser(9) + "</p><p>" + teaser(10) + `</p></div></div></body></html>`,
			[]string{"The operator said the repairs", "work number 7 on", "work number 10 on"}, nil},
		{"an article cut into two bodies around the box", `<html><body><div id="main"><div class="story-body">` + story + `</div>` + related + `<div class="story-body"><p>` + teaser(7) + "</p><p>" + teaser(8) + "</p><p>" + teaser(9) + "</p><p>" + teaser(10) + `</p></div></div></body></html>`,
			[]string{"The operator said the repairs", "work number 7 on", "work number 10 on"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ExtractString(tt.page, Source{Name: "page"}, Options{Input: KindHTML})
			if err != nil {
				t.Fatal(err)
			}
			text := bodyText(a)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the body lost %q:\n%s", w, text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("the body kept %q:\n%s", w, text)
				}
			}
		})
	}
}

// A comment section that its own words open (Comments, Leave a Reply), after the element holding a
// short post, ends the post, however long the comments run; and the comments, set in
// elements their class names as comments, are no listing to take back.
func TestCommentsAfterClosedPost(t *testing.T) {
	var page strings.Builder
	page.WriteString(`<html><body><div class="main"><div class="post"><h1>Ferry crossings cut</h1><p>` + ferryP1 + "</p><p>" + ferryP2 + `</p></div>`)
	page.WriteString(`<div class="after"><h3>Comments</h3>`)
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&page, `<div class="commentbody" id="c%d"><p>I took the ferry on day %d of the works and the boat was full by seven, so the operator should have put on a larger vessel for the whole of the two weeks instead of cutting the crossings by half.</p></div>`+
			`<div class="commentfooter">Posted by: <a href="/u/%d">reader %d</a> at November 7, 2031 1:%02d PM</div>`, i, i, i, i, 10+i)
	}
	page.WriteString(`</div></div></body></html>`)
	a, err := ExtractString(page.String(), Source{Name: "post"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if !strings.Contains(text, "Passengers with season tickets") {
		t.Errorf("the post is missing:\n%s", text)
	}
	if strings.Contains(text, "the boat was full by seven") {
		t.Errorf("the comments leaked into the body:\n%s", text)
	}
}

// A list of other stories that shows each one's date before its linked headline is
// neither the page's date nor its text: it parts the article from the promotions below.
func TestDatedLinksDropped(t *testing.T) {
	var page strings.Builder
	page.WriteString(`<html><body><div class="page"><div class="story"><h1>Ferry crossings cut</h1><p>` + ferryP1 + " " + ferryP2 + "</p><p>" + ferryP3 + "</p></div>")
	page.WriteString(`<div class="box1">`)
	for i, h := range []string{"School roof mended before the winter term", "Lifeboat called out twice in one night", "Market hall opens again after the flood", "Bus timetable cut for the evening service"} {
		fmt.Fprintf(&page, `<p>January %d, 2031 <a href="/news/%d">%s</a></p>`, 10+i, i, h)
	}
	page.WriteString(`</div><div class="box2"><p>Enter here for your chance to win two tickets to the island's summer music festival, with a night in the harbour hotel.</p>` +
		`<p>Take the Island Post with you on your phone: our pages for small screens carry the news, the tides and the ferry times.</p></div></div></body></html>`)
	a, err := ExtractString(page.String(), Source{Name: "dated"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	text := bodyText(a)
	if !strings.Contains(text, "Passengers with season tickets") {
		t.Errorf("the article is missing:\n%s", text)
	}
	for _, w := range []string{"win two tickets", "Take the Island Post", "Lifeboat called out"} {
		if strings.Contains(text, w) {
			t.Errorf("the body kept %q:\n%s", w, text)
		}
	}
}

func TestContinuedOnNextPage(t *testing.T) {
	const sentences = "The council said the new quay would open in the spring, once the last of the pilings are in."
	label := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name      string
		text      string
		linkRunes int
		sameBox   bool
		want      bool
	}{
		{"continued link after the last sentence", sentences + " Continued...", 12, true, true},
		{"label at the limit", sentences + " " + label(continuedLabelMaxRunes) + "...", continuedLabelMaxRunes + 3, true, true},
		{"label over the limit", sentences + " " + label(continuedLabelMaxRunes+1) + "...", continuedLabelMaxRunes + 4, true, false},
		{"the whole paragraph linked", sentences + " Continued...", 100, true, false},
		{"no link", sentences + " Continued...", 0, true, false},
		{"cut in mid-sentence", "The council said the new quay would open in the spring, once the last of the...", 12, true, false},
		{"in another element", sentences + " Continued...", 12, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent, other := &html.Node{Type: html.ElementNode, Data: "div"}, &html.Node{Type: html.ElementNode, Data: "div"}
			p := &Block{Text: sentences, Node: &html.Node{Type: html.ElementNode, Data: "p", Parent: parent}}
			b := &Block{Text: tt.text, LinkRunes: tt.linkRunes, Weighted: float64(len(tt.text)), Node: &html.Node{Type: html.ElementNode, Data: "p", Parent: parent}}
			if !tt.sameBox {
				b.Node.Parent = other
			}
			if got := continuedOnNextPage(p, b); got != tt.want {
				t.Errorf("continuedOnNextPage(%q): got %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestLeadOf(t *testing.T) {
	tests := []struct {
		name     string
		kind     BlockKind
		weighted float64
		want     bool
	}{
		{"paragraph under the low length", BlockPara, lengthLow - 1, false},
		{"paragraph at the low length", BlockPara, lengthLow, true},
		{"list item at the low length", BlockItem, lengthLow, false},
		{"heading under the high length", BlockHeading, lengthHigh - 1, false},
		{"heading at the high length", BlockHeading, lengthHigh, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lead := &Block{Kind: tt.kind, Weighted: tt.weighted, SentenceEnd: true, CF: ClassGood, Class: ClassGood}
			body := &Block{Kind: BlockPara, Weighted: 300, SentenceEnd: true, CF: ClassGood, Class: ClassGood, InArticle: true, Runes: 300}
			if got := leadOf([]*Block{lead, body}, 0); got != tt.want {
				t.Errorf("leadOf: got %v, want %v", got, tt.want)
			}
		})
	}
}
