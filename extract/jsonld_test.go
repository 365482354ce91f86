package extract

import "testing"

func TestDeclaredBody(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{
			name: "json-ld articleBody in @graph with raw newlines",
			page: "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"S\"},{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"One &amp; two.\n\nThree four.\"}]}</script>",
			want: "One & two.\n\nThree four.",
		},
		{
			name: "json-ld array",
			page: `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["Article"],"articleBody":"Only paragraph."}]</script>`,
			want: "Only paragraph.",
		},
		{
			name: "broken json-ld skipped",
			page: `<script type="application/ld+json">{"@type":"Article","articleBody":"x",,}</script>`,
			want: "",
		},
		{
			name: "fusion globalContent",
			page: `<script>window.Fusion=window.Fusion||{};Fusion.globalContent={"headlines":{"basic":"H"},"content_elements":[{"type":"text","content":"First <b>bold</b> para."},{"type":"image","url":"x.jpg"},{"type":"header","level":2,"content":"A subhead"},{"type":"list","items":[{"type":"text","content":"item a"}]},{"type":"text","content":"Last para."}]};Fusion.other={};</script>`,
			want: "First bold para.\n\nA subhead\n\nitem a\n\nLast para.",
		},
		{
			name: "next data content_elements",
			page: `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"story":{"content_elements":[{"type":"text","content":"Next para one."},{"type":"text","content":"Next para two."}]},"related":{"content_elements":[{"type":"text","content":"x"}]}}}}</script>`,
			want: "Next para one.\n\nNext para two.",
		},
		{
			name: "next data articleBody",
			page: `<script id="__NEXT_DATA__" type="application/json">{"props":{"article":{"articleBody":"<p>Para A.</p><p>Para B.</p>"}}}</script>`,
			want: "Para A.\n\nPara B.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := SegmentHTML("<html><head>"+tt.page+"</head><body><p>x</p></body></html>", Options{})
			if doc.Meta.Body != tt.want {
				t.Errorf("got %q, want %q", doc.Meta.Body, tt.want)
			}
		})
	}
}

func TestJSONLDMeta(t *testing.T) {
	page := `<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle","headline":"Main headline","alternativeHeadline":"A deck line","publisher":{"@type":"Organization","name":"Pub Co"},"author":{"@type":"Organization","name":"Pub Desk"},"datePublished":"2024-01-02T03:04:05+09:00"}}</script>`
	doc := SegmentHTML(page, Options{})
	m := doc.Meta
	if m.Title != "Main headline" || m.Site != "Pub Co" || m.Published != "2024-01-02T03:04:05+09:00" {
		t.Errorf("got title %q site %q published %q, want Main headline, Pub Co, 2024-01-02T03:04:05+09:00", m.Title, m.Site, m.Published)
	}
	if !eqStrings(m.Authors, []string{"Pub Desk"}) || !eqStrings(m.Subtitles, []string{"A deck line"}) {
		t.Errorf("got authors %q subtitles %q, want [Pub Desk] [A deck line]", m.Authors, m.Subtitles)
	}
}

func TestJSONLDInCDATA(t *testing.T) {
	page := `<html><head><script type="application/ld+json">
//<![CDATA[
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable changes for winter","datePublished":"2024-11-02T08:00:00+01:00"}
//]]>
</script></head><body><p>x</p></body></html>`
	doc := SegmentHTML(page, Options{})
	if doc.Meta.Published != "2024-11-02T08:00:00+01:00" {
		t.Errorf("published: got %q, want 2024-11-02T08:00:00+01:00", doc.Meta.Published)
	}
	if doc.Meta.Title != "Ferry timetable changes for winter" {
		t.Errorf("title: got %q", doc.Meta.Title)
	}
}
