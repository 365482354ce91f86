package extract

import (
	"strings"
	"testing"
)

func TestMetaTitle(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"json-ld headline first", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Data headline"}</script><meta property="og:title" content="OG headline">`, "", "Data headline"},
		{"og title", `<meta property="og:title" content="OG &amp; headline">`, "", "OG & headline"},
		{"og title with site suffix", `<meta property="og:site_name" content="Daily Paper"><meta property="og:title" content="Town gets a bridge | Daily Paper">`, "", "Town gets a bridge"},
		{"og title is title plus suffix", `<title>Town gets a bridge</title><meta property="og:title" content="Town gets a bridge - Paper Online">`, "", "Town gets a bridge"},
		{"h1 in article", `<title>Whatever - Paper</title>`, `<h1>Site logo</h1><article><h1>Article heading</h1></article>`, "Article heading"},
		{"title with site name", `<meta property="og:site_name" content="Paper"><title>Mayor resigns | Paper</title>`, "", "Mayor resigns"},
		{"title with shorter suffix", `<title>Mayor resigns after long meeting - Paper</title>`, "", "Mayor resigns after long meeting"},
		{"title with site prefix", `<meta property="og:site_name" content="Paper"><title>Paper | Mayor resigns after a long meeting</title>`, "", "Mayor resigns after a long meeting"},
		{"korean title separator", `<title>시장 사임 발표 ｜ 예시신문</title>`, "", "시장 사임 발표"},
		{"json-ld headline with a kicker og leaves out", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour festival: Tall ships return after ten years"}</script><meta property="og:title" content="Tall ships return after ten years">`, "", "Tall ships return after ten years"},
		{"json-ld headline with a sentence before og's", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"After a long winter of storms and repairs in the old town: Tall ships return"}</script><meta property="og:title" content="Tall ships return">`, "", "After a long winter of storms and repairs in the old town: Tall ships return"},
		{"og title carries the kicker", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tall ships return after ten years"}</script><meta property="og:title" content="Harbour festival: Tall ships return after ten years">`, "", "Tall ships return after ten years"},
		{"breadcrumb's last step names og's title", `<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Council approves the new bridge budget"},{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":3,"item":{"@id":"https://paper.example/a/1","name":"New bridge: council says yes"}},{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"City"}]}]</script><meta property="og:title" content="New bridge: council says yes">`, "", "New bridge: council says yes"},
		{"breadcrumb's last step names the headline", `<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Council approves the new bridge budget"},{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"Council approves the new bridge budget"}]}]</script><meta property="og:title" content="New bridge: council says yes">`, "", "Council approves the new bridge budget"},
		{"breadcrumb under the web page", `<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Council approves the new bridge budget"},{"@type":"WebPage","breadcrumb":{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"New bridge: council says yes"}]}}]</script><meta property="og:title" content="New bridge: council says yes">`, "", "New bridge: council says yes"},
		{"article's name names og's title", `<script type="application/ld+json">{"@type":"Article","headline":"Council approves the new bridge budget","name":"New bridge: council says yes"}</script><meta property="og:title" content="New bridge: council says yes">`, "", "New bridge: council says yes"},
		{"article's name alone is no title", `<script type="application/ld+json">{"@type":"Article","headline":"Council approves the new bridge budget","name":"story-4711"}</script><meta property="og:title" content="New bridge: council says yes">`, "", "Council approves the new bridge budget"},
		{"kicker joined otherwise, page title agrees with og", `<title>Bridge vote: Council approves the budget - Local</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge vote - Council approves the budget"}</script><meta property="og:title" content="Bridge vote: Council approves the budget">`, "", "Bridge vote: Council approves the budget"},
		{"kicker joined otherwise, page title says neither", `<title>Budget news - Local</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge vote - Council approves the budget"}</script><meta property="og:title" content="Bridge vote: Council approves the budget">`, "", "Bridge vote - Council approves the budget"},
		{"og's kicker shown in the h1", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the budget"}</script><meta property="og:title" content="Bridge vote / Council approves the budget">`, `<article><h1><span>Bridge vote</span>Council approves the budget</h1></article>`, "Bridge vote / Council approves the budget"},
		{"og's kicker not shown in the h1", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the budget"}</script><meta property="og:title" content="Bridge vote / Council approves the budget">`, `<article><h1>Council approves the budget</h1></article>`, "Council approves the budget"},
		{"h1 and og with different kickers", `<meta property="og:title" content="Town hall: «We will build the bridge»">`, `<article><h1><span class="overline">Infrastructure</span> «We will build the bridge»</h1></article>`, "«We will build the bridge»"},
		{"h1 and og with kickers sharing words", `<meta property="og:title" content="Greater Springfield council: «We will build the bridge»">`, `<article><h1><span>Springfield council</span> «We will build the bridge»</h1></article>`, "Greater Springfield council: «We will build the bridge»"},
		{"h1 with a kicker before og's whole title", `<meta property="og:title" content="Town hall - We will build the bridge">`, `<article><h1><span>Infrastructure</span> Town hall - We will build the bridge</h1></article>`, "Town hall - We will build the bridge"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML("<html><head>"+tt.head+"</head><body>"+tt.body+"</body></html>", Options{})
			if doc.Meta.Title != tt.want {
				t.Errorf("got %q, want %q", doc.Meta.Title, tt.want)
			}
		})
	}
}

func TestMetaDates(t *testing.T) {
	tests := []struct {
		name, page, published, modified string
	}{
		{"json-ld with offset", `<script type="application/ld+json">{"@type":"Article","datePublished":"2024-03-05T10:20:30+01:00","dateModified":"2024-03-05T11:00:00Z"}</script>`, "2024-03-05T10:20:30+01:00", "2024-03-05T11:00:00Z"},
		{"og article time, no offset, english", `<html lang="en"><meta property="article:published_time" content="2024-03-05 10:20:30">`, "2024-03-05T10:20:30", ""},
		{"korean page without offset", `<html lang="ko"><meta property="article:published_time" content="2024.03.05 10:20">`, "2024-03-05T10:20:00+09:00", ""},
		{"og locale ko_KR", `<meta property="og:locale" content="ko_KR"><meta name="pubdate" content="20240305102030">`, "2024-03-05T10:20:30+09:00", ""},
		{"compact offset and fraction", `<meta name="parsely-pub-date" content="2024-03-05T10:20:30.123+0530">`, "2024-03-05T10:20:30+05:30", ""},
		{"itemprop", `<body><span itemprop="datePublished" content="2024-03-05T08:00:00-05:00">March 5</span></body>`, "2024-03-05T08:00:00-05:00", ""},
		{"time in article", `<body><time datetime="2023-01-01T00:00:00Z">old</time><article><time datetime="2024-03-05T09:00:00Z">new</time></article></body>`, "2024-03-05T09:00:00Z", ""},
		{"rfc1123", `<meta name="date" content="Tue, 05 Mar 2024 10:20:30 +0900">`, "2024-03-05T10:20:30+09:00", ""},
		{"time preferred over date only", `<meta name="date" content="2024-03-05"><meta name="dc.date" content="2024-03-05T07:00:00Z">`, "2024-03-05T07:00:00Z", ""},
		{"garbage ignored", `<meta name="date" content="last tuesday">`, "", ""},
		{"data attributes with seconds", `<html lang="ko"><body><p>입력 <span data-date-time="2024-03-05 09:07:11">2024.03.05. 오전 9:07</span> 수정 <span data-modify-date-time="2024-03-05 10:00:42">2024.03.05. 오전 10:00</span></p></body>`, "2024-03-05T09:07:11+09:00", "2024-03-05T10:00:42+09:00"},
		{"data attributes that are not dates", `<body><li data-time="1709600000000" data-update="yes">x</li><span data-date="soon">y</span></body>`, "", ""},
		{"meta before data attribute", `<meta property="article:published_time" content="2024-03-05T08:00:00Z"><body><span data-date-time="2024-03-01 01:02:03">z</span></body>`, "2024-03-05T08:00:00Z", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(tt.page, Options{})
			if doc.Meta.Published != tt.published || doc.Meta.Modified != tt.modified {
				t.Errorf("got %q / %q, want %q / %q", doc.Meta.Published, doc.Meta.Modified, tt.published, tt.modified)
			}
		})
	}
}

func TestMetaAuthors(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"json-ld person array", `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Kim"}]}</script>`, []string{"Ann Lee", "Bo Kim"}},
		{"json-ld string", `<script type="application/ld+json">{"@type":"BlogPosting","author":"By Cara Diaz"}</script>`, []string{"Cara Diaz"}},
		{"meta author korean", `<meta name="author" content="홍길동 기자 hong@example.com">`, []string{"홍길동"}},
		{"meta author several, deduplicated", `<meta name="author" content="Dan Roe and Eve Poe"><meta property="article:author" content="Dan Roe">`, []string{"Dan Roe", "Eve Poe"}},
		{"article:author url skipped", `<meta property="article:author" content="https://social.example/someone">`, []string{}},
		{"rel author", `<body><a rel="author" href="/u/f">Fay Wu</a></body>`, []string{"Fay Wu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML(tt.page, Options{})
			if !eqStrings(doc.Meta.Authors, tt.want) {
				t.Errorf("got %q, want %q", doc.Meta.Authors, tt.want)
			}
		})
	}
}

func TestMetaOther(t *testing.T) {
	page := `<html lang="en_gb"><head><title> Raw  title - X </title>
<link rel="canonical" href="/story/9">
<meta property="og:site_name" content="X News"><meta name="description" content="A short summary.">
<meta property="og:image" content="/i/1.jpg"><meta property="og:image" content="/i/1.jpg">
</head><body><p>Hello there.</p></body></html>`
	doc := SegmentHTML(page, Options{URL: "https://x.test/a?b=1"})
	m := doc.Meta
	checks := []struct{ name, got, want string }{
		{"PageTitle", m.PageTitle, "Raw title - X"},
		{"URL", m.URL, "https://x.test/story/9"},
		{"Lang", m.Lang, "en-GB"},
		{"Site", m.Site, "X News"},
		{"Desc", m.Desc, "A short summary."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	if len(m.Images) != 1 || m.Images[0].Src != "https://x.test/i/1.jpg" {
		t.Errorf("Images: got %+v, want one https://x.test/i/1.jpg", m.Images)
	}
	if doc2 := SegmentHTML(`<p>x</p>`, Options{URL: "https://given.test/"}); doc2.Meta.URL != "https://given.test/" {
		t.Errorf("URL fallback: got %q, want the given URL", doc2.Meta.URL)
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct {
		title, site string
		loose       bool
		want        string
	}{
		{"Headline here | Site", "Site", false, "Headline here"},
		{"Headline here | Other words", "Site", false, "Headline here | Other words"},
		{"Headline here | Section", "", true, "Headline here"},
		{"Short - A much longer part of the title", "", true, "Short - A much longer part of the title"},
		{"No separator", "Site", true, "No separator"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := stripSiteName(tt.title, tt.site, tt.loose); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLToParas(t *testing.T) {
	got := htmlToParas("First &amp; line.\n\n  Second   line.<br>Third <b>bold</b>.\n")
	want := "First & line.\n\nSecond line.\n\nThird bold."
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := htmlToParas(strings.Repeat("\n", 5)); got != "" {
		t.Errorf("got %q, want empty", got)
	}
}
