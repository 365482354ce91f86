package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/artclean/artclean/extract/internal/htmltree"
	"golang.org/x/net/html"
)

// The benchmarks compare a whole extraction with merely parsing the same page
// (BenchmarkParseOnly: html.Parse and a walk that collects the text), over pages generated
// here from made-up sentences in the shells under testdata/bench, and over the
// scrapinghub-dev evaluation set when it is there. Both time the same decoded bytes.
//
//	go test -run '^$' -bench . -benchmem -count 5 ./extract

// benchPage is one input of a benchmark corpus.
type benchPage struct {
	name string
	data []byte
}

type benchCorpus struct {
	pages []benchPage
	bytes int64
}

func newCorpus(pages []benchPage) benchCorpus {
	c := benchCorpus{pages: pages}
	for _, p := range pages {
		c.bytes += int64(len(p.data))
	}
	return c
}

// benchWords is the made-up vocabulary of the generated pages.
type benchWords struct {
	rng *rand.Rand
	ko  bool
}

var (
	benchEnNouns = strings.Fields(`council harbor ferry budget committee residents bridge
		district mayor report engineers tenants schedule proposal contract survey teachers
		library museum volunteers farmers market river station network hospital nurses
		clinic weather storm season ministry agency court ruling lawmakers officials
		company workers union factory shipment prices households families visitors`)
	benchEnVerbs = strings.Fields(`approved delayed announced questioned expanded reviewed
		rejected described promised estimated reopened funded criticised welcomed measured
		completed postponed confirmed requested published examined`)
	benchEnAdjs = strings.Fields(`new local annual regional small public northern quiet
		early final second recent temporary independent private crowded modest`)
	benchEnTail = strings.Split("last week|on Tuesday|after a long debate|before the summer|"+
		"in a statement|according to the figures|for the third time|despite the rain|"+
		"at the end of the month|without a vote", "|")

	benchKoNouns = strings.Fields(`시의회 항구 여객선 예산 위원회 주민 다리 구청 시장 보고서
		기술자 세입자 일정 제안 계약 조사 교사 도서관 박물관 자원봉사자 농민 하천 역
		병원 간호사 진료소 날씨 태풍 계절 정부 기관 법원 판결 의원 관계자 회사 노동자
		노조 공장 물량 가격 가구 방문객`)
	benchKoObjs = strings.Fields(`계획을 예산을 일정을 결과를 입장을 대책을 방안을 자료를
		의견을 협약을 사업을 조치를`)
	benchKoVerbs = strings.Split("발표했다|밝혔다|확정했다|검토하고 있다|설명했다|요청했다|"+
		"공개했다|연기했다|승인했다|강조했다|전했다|결정했다", "|")
	benchKoAdvs = strings.Split("지난주|오는 10일|올해 상반기|이날|최근|다음 달|이번 주|"+
		"당분간|연말까지", "|")
)

func (w *benchWords) pick(list []string) string { return list[w.rng.IntN(len(list))] }

// sentence makes one made-up sentence.
func (w *benchWords) sentence() string {
	if w.ko {
		return fmt.Sprintf("%s %s%s %s %s %s %s.", w.pick(benchKoNouns), w.pick(benchKoNouns), w.pick([]string{"는", "은", "이", "가"}),
			w.pick(benchKoAdvs), w.pick(benchKoNouns)+"의", w.pick(benchKoObjs), w.pick(benchKoVerbs))
	}
	return fmt.Sprintf("The %s %s %s the %s %s %s.", w.pick(benchEnAdjs), w.pick(benchEnNouns),
		w.pick(benchEnVerbs), w.pick(benchEnAdjs), w.pick(benchEnNouns), w.pick(benchEnTail))
}

// paragraph makes a paragraph of n sentences.
func (w *benchWords) paragraph(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.sentence())
	}
	return b.String()
}

// title makes a headline of a few words.
func (w *benchWords) title() string {
	s := strings.TrimSuffix(w.sentence(), ".")
	if f := strings.Fields(s); len(f) > 8 {
		s = strings.Join(f[:8], " ")
	}
	return s
}

// htmlBody writes n paragraphs of article body, with the inline markup, subheads, lists,
// quotes and figures a news body carries.
func (w *benchWords) htmlBody(b *strings.Builder, n int) {
	for i := range n {
		switch {
		case i%9 == 8:
			fmt.Fprintf(b, "<h2>%s</h2>\n", w.title())
		case i%13 == 12:
			b.WriteString("<ul>")
			for range 4 {
				fmt.Fprintf(b, "<li>%s</li>", w.sentence())
			}
			b.WriteString("</ul>\n")
		case i%17 == 16:
			fmt.Fprintf(b, "<blockquote><p>%s</p></blockquote>\n", w.paragraph(2))
		case i%21 == 20:
			fmt.Fprintf(b, "<figure class=\"inline-image\"><img src=\"/img/body-%d.jpg\" alt=\"\"><figcaption>%s</figcaption></figure>\n", i, w.title())
		case i%11 == 10:
			fmt.Fprintf(b, "<div class=\"ad-slot ad-inline\"><span class=\"ad-label\">Advertisement</span></div>\n")
			fallthrough
		default:
			s := w.paragraph(2 + w.rng.IntN(4))
			// a link and some emphasis inside the paragraph
			if k := strings.IndexByte(s, ' '); k > 0 && i%3 == 0 {
				s = s[:k] + ` <a href="/news/` + strconv.Itoa(i) + `">` + w.pick(w.nouns()) + `</a>` + s[k:]
			}
			if i%4 == 1 {
				s = "<strong>" + s[:len(s)/3] + "</strong>" + s[len(s)/3:]
			}
			fmt.Fprintf(b, "<p>%s</p>\n", s)
		}
	}
}

// chrome fills the shell's placeholders other than the body.
func (w *benchWords) chrome(shell string, body string, scriptKB int) string {
	var nav, rel strings.Builder
	for i := range 14 {
		fmt.Fprintf(&nav, `<li class="menu-item"><a href="/s/%d">%s</a></li>`, i, w.pick(w.nouns()))
	}
	for i := range 8 {
		fmt.Fprintf(&rel, `<li class="card"><a href="/a/%d"><img src="/t/%d.jpg" alt=""><span class="card__title">%s</span></a></li>`, i, i, w.title())
	}
	var script, style strings.Builder
	for i := 0; script.Len() < scriptKB<<10; i++ {
		fmt.Fprintf(&script, "window.dataLayer=window.dataLayer||[];dataLayer.push({'event':'view','slot':'s%d','section':'news','tags':['a','b']});function f%d(e){if(!e){return null}var t=document.querySelector('.slot-%d');return t&&t.getAttribute('data-id')}\n", i, i, i)
	}
	for i := 0; style.Len() < scriptKB<<9; i++ {
		fmt.Fprintf(&style, ".c%d{margin:0 auto;padding:%dpx;font:16px/1.5 Georgia,serif;color:#222}\n", i, i%24)
	}
	title := w.title()
	r := strings.NewReplacer(
		"{{TITLE}}", title,
		"{{DECK}}", w.sentence(),
		"{{AUTHOR}}", map[bool]string{false: "Jane Roe", true: "김가상"}[w.ko],
		"{{DATE}}", "2024-05-14T09:30:00+09:00",
		"{{DATEHUMAN}}", "May 14, 2024",
		"{{DATEKO}}", "2024.05.14 09:30",
		"{{SLUG}}", strings.ToLower(strings.Join(strings.Fields(title)[:3], "-")),
		"{{CAPTION}}", w.title(),
		"{{NAV}}", nav.String(),
		"{{RELATED}}", rel.String(),
		"{{SCRIPT}}", script.String(),
		"{{STYLE}}", style.String(),
		"{{BODY}}", body,
	)
	return r.Replace(shell)
}

func (w *benchWords) nouns() []string {
	if w.ko {
		return benchKoNouns
	}
	return benchEnNouns
}

func benchShell(tb testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "bench", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// genNewsPage makes a news page of about size bytes (scripts and styles included).
func genNewsPage(tb testing.TB, ko bool, seed uint64, paras, scriptKB int) []byte {
	w := &benchWords{rng: rand.New(rand.NewPCG(seed, 7)), ko: ko}
	shell := benchShell(tb, map[bool]string{false: "en-news.html", true: "ko-news.html"}[ko])
	var body strings.Builder
	w.htmlBody(&body, paras)
	return []byte(w.chrome(shell, body.String(), scriptKB))
}

// genTextDump makes the text a browser or w3m dumps from a news page: menu lines, the
// headline, a byline, the body (wrapped at 78 columns when wrap is set), related links and
// a footer.
func genTextDump(ko bool, seed uint64, paras int, wrap bool) []byte {
	w := &benchWords{rng: rand.New(rand.NewPCG(seed, 11)), ko: ko}
	var b strings.Builder
	for range 3 {
		for range 6 {
			b.WriteString(w.pick(w.nouns()))
			b.WriteString(" | ")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + w.title() + "\n\n")
	if ko {
		b.WriteString("김가상 기자\n입력 2024-05-14 09:30\n\n")
	} else {
		b.WriteString("By Jane Roe\nPublished May 14, 2024\n\n")
	}
	for i := range paras {
		p := w.paragraph(2 + w.rng.IntN(4))
		if i%9 == 8 {
			p = w.title()
		}
		if wrap {
			col := 0
			for j, f := range strings.Fields(p) {
				n := len([]rune(f))
				if ko {
					n *= 2
				}
				if j > 0 && col+1+n > 78 {
					b.WriteByte('\n')
					col = 0
				} else if j > 0 {
					b.WriteByte(' ')
					col++
				}
				b.WriteString(f)
				col += n
			}
			b.WriteString("\n\n")
		} else {
			b.WriteString(p + "\n\n")
		}
	}
	if ko {
		b.WriteString("저작권자 © 바다일보 무단전재 및 재배포 금지\n\n많이 본 뉴스\n\n")
	} else {
		b.WriteString("© 2024 The Harbor Ledger. All rights reserved.\n\nMost read\n\n")
	}
	for i := range 8 {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, w.title())
	}
	return []byte(b.String())
}

// generatedHTML is the HTML corpus written for the benchmarks: English and Korean news
// pages of 50–500 KB.
func generatedHTML(tb testing.TB) benchCorpus {
	var pages []benchPage
	for i, spec := range []struct {
		ko              bool
		paras, scriptKB int
	}{
		{false, 12, 40}, {false, 40, 90}, {false, 120, 150}, {false, 400, 250},
		{true, 10, 45}, {true, 45, 100}, {true, 150, 160}, {true, 350, 200},
	} {
		pages = append(pages, benchPage{
			name: fmt.Sprintf("gen-%d", i),
			data: genNewsPage(tb, spec.ko, uint64(i+1), spec.paras, spec.scriptKB),
		})
	}
	return newCorpus(pages)
}

// generatedText is the text-dump corpus: wrapped (w3m) and unwrapped (browser) dumps.
func generatedText() benchCorpus {
	var pages []benchPage
	for i, spec := range []struct {
		ko, wrap bool
		paras    int
	}{
		{false, true, 100}, {false, false, 400}, {true, true, 150}, {true, false, 500},
		{false, true, 1000}, {true, true, 800},
	} {
		pages = append(pages, benchPage{
			name: fmt.Sprintf("text-%d", i),
			data: genTextDump(spec.ko, uint64(i+1), spec.paras, spec.wrap),
		})
	}
	return newCorpus(pages)
}

// evalCorpus reads an evaluation set's inputs (decompressing .gz files), or returns
// ok=false when the set is not there.
func evalCorpus(tb testing.TB, set string) (benchCorpus, bool) {
	var dir string
	for _, d := range []string{
		filepath.Join("..", "..", "shared", "eval", "sets", set, "inputs"), // from extract/ in a checkout beside shared/
		filepath.Join("..", "shared", "eval", "sets", set, "inputs"),
	} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			dir = d
			break
		}
	}
	if dir == "" {
		return benchCorpus{}, false
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		return benchCorpus{}, false
	}
	var pages []benchPage
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				tb.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				tb.Fatal(err)
			}
		}
		pages = append(pages, benchPage{name: filepath.Base(f), data: data})
	}
	return newCorpus(pages), true
}

// runExtract times the whole extraction of every page of c, from decoded bytes.
func runExtract(b *testing.B, c benchCorpus, kind InputKind) {
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	opts := Options{Input: kind}
	for b.Loop() {
		for _, p := range c.pages {
			_, _ = Extract(bytes.NewReader(p.data), opts)
		}
	}
}

// runParse times html.Parse and a walk that collects the text of every page of c.
func runParse(b *testing.B, c benchCorpus) {
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	var sink int
	for b.Loop() {
		for _, p := range c.pages {
			sink += len(parseOnly(p.data))
		}
	}
	_ = sink
}

// parseOnly is the floor the extractor is measured against: parse the page and collect
// its text, skipping scripts and styles.
func parseOnly(data []byte) string {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var out strings.Builder
	for n := range root.Descendants() {
		if n.Type != html.TextNode {
			continue
		}
		if p := n.Parent; p != nil && p.Type == html.ElementNode && (p.Data == "script" || p.Data == "style") {
			continue
		}
		out.WriteString(n.Data)
	}
	return out.String()
}

func BenchmarkExtract(b *testing.B) {
	b.Run("generated", func(b *testing.B) { runExtract(b, generatedHTML(b), "") })
	b.Run("scrapinghub", func(b *testing.B) {
		c, ok := evalCorpus(b, "scrapinghub-dev")
		if !ok {
			b.Skip("../shared/eval/sets/scrapinghub-dev/inputs is not there")
		}
		runExtract(b, c, "")
	})
	b.Run("wcxb", func(b *testing.B) {
		c, ok := evalCorpus(b, "wcxb-dev")
		if !ok {
			b.Skip("../shared/eval/sets/wcxb-dev/inputs is not there")
		}
		runExtract(b, c, "")
	})
}

func BenchmarkParseOnly(b *testing.B) {
	b.Run("generated", func(b *testing.B) { runParse(b, generatedHTML(b)) })
	b.Run("scrapinghub", func(b *testing.B) {
		c, ok := evalCorpus(b, "scrapinghub-dev")
		if !ok {
			b.Skip("../shared/eval/sets/scrapinghub-dev/inputs is not there")
		}
		runParse(b, c)
	})
	b.Run("wcxb", func(b *testing.B) {
		c, ok := evalCorpus(b, "wcxb-dev")
		if !ok {
			b.Skip("../shared/eval/sets/wcxb-dev/inputs is not there")
		}
		runParse(b, c)
	})
}

func BenchmarkExtractText(b *testing.B) {
	b.Run("generated", func(b *testing.B) { runExtract(b, generatedText(), KindText) })
	b.Run("scrapinghub-text", func(b *testing.B) {
		c, ok := evalCorpus(b, "scrapinghub-dev-text")
		if !ok {
			b.Skip("../shared/eval/sets/scrapinghub-dev-text/inputs is not there")
		}
		runExtract(b, c, KindText)
	})
}

// scaledPage makes one page shape at scale k (1, 4, 16…), about k times the bytes of k=1.
func scaledPage(tb testing.TB, shape string, k int) ([]byte, InputKind) {
	w := &benchWords{rng: rand.New(rand.NewPCG(uint64(k), 3))}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html lang=\"en\"><head><title>A long page</title></head><body>\n")
	switch shape {
	case "article": // a long article: more paragraphs
		return genNewsPage(tb, false, 1, 60*k, 20*k), KindHTML
	case "article-ko":
		return genNewsPage(tb, true, 1, 60*k, 20*k), KindHTML
	case "deep": // deep nesting: each level holds some text, the page is k times as deep
		depth := 22 * k
		for i := range depth {
			fmt.Fprintf(&b, "<div class=\"level l%d\"><section><h3>%s</h3><p>%s</p><p>%s</p><ul><li>%s</li><li>%s</li></ul>",
				i, w.title(), w.paragraph(8), w.paragraph(8), w.sentence(), w.sentence())
		}
		for range depth {
			b.WriteString("</section></div>")
		}
	case "line": // a huge single line: one paragraph of k times the text, no newline
		b.WriteString("<article><p>")
		for range 750 * k {
			b.WriteString(w.sentence())
			b.WriteByte(' ')
		}
		b.WriteString("</p></article>")
	case "tiny": // many tiny elements: one-word spans and cells
		b.WriteString("<article>")
		for i := range 600 * k {
			fmt.Fprintf(&b, "<div class=\"r\"><span>%s</span><span>%s</span><a href=\"#%d\">%d</a></div>", w.pick(benchEnNouns), w.pick(benchEnVerbs), i, i)
			if i%10 == 9 {
				fmt.Fprintf(&b, "<p>%s</p>", w.sentence())
			}
		}
		b.WriteString("</article>")
	case "text": // a long text dump
		return genTextDump(false, 1, 200*k, true), KindText
	case "short-lines": // a text dump: a run of short lines between paragraphs, k times as long
		para := w.paragraph(6)
		var t strings.Builder
		t.WriteString(para + "\n\n" + para + "\n\n")
		for i := range 2000 * k {
			fmt.Fprintf(&t, "%s %d\n", w.pick(benchEnNouns), i%7)
		}
		t.WriteString("\n" + para + "\n\n" + para + "\n")
		return []byte(t.String()), KindText
	case "text-line": // a text dump on one huge line
		return []byte(strings.ReplaceAll(string(genTextDump(false, 1, 200*k, false)), "\n", " ")), KindText
	default:
		tb.Fatalf("unknown shape %q", shape)
	}
	b.WriteString("\n</body></html>\n")
	return []byte(b.String()), KindHTML
}

// BenchmarkScale runs each page shape at 1×, 4× and 16× its size: MB/s should stay flat.
func BenchmarkScale(b *testing.B) {
	for _, shape := range []string{"article", "article-ko", "deep", "line", "tiny", "text", "text-line", "short-lines"} {
		for _, k := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("%s/%dx", shape, k), func(b *testing.B) {
				data, kind := scaledPage(b, shape, k)
				runExtract(b, newCorpus([]benchPage{{name: shape, data: data}}), kind)
			})
		}
	}
}

// BenchmarkPeak20MB extracts a 20 MB page and reports the process's peak resident memory
// during the extraction over the page size (Linux only: VmHWM, reset through clear_refs).
func BenchmarkPeak20MB(b *testing.B) {
	data, _ := scaledPage(b, "article", 1)
	for n := 1; len(data) < 20<<20; n++ {
		data = genNewsPage(b, false, 1, 60*16*n, 20*16)
	}
	data = data[:20<<20]
	b.SetBytes(int64(len(data)))
	var peak, base int64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		debug.FreeOSMemory()
		base = rssKB("VmRSS")
		resetPeakRSS()
		b.StartTimer()
		_, _ = Extract(bytes.NewReader(data), Options{})
		b.StopTimer()
		peak = max(peak, rssKB("VmHWM")-base)
		b.StartTimer()
	}
	if peak > 0 {
		b.ReportMetric(float64(peak<<10)/float64(len(data)), "peakRSS/size")
		b.ReportMetric(float64(peak>>10), "peakMB")
	}
}

func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

func rssKB(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// BenchmarkTreeBuild compares the tree builder of internal/htmltree (falling back to
// html.Parse when it bails, as htmltree.Parse does) with html.Parse alone on the same pages.
func BenchmarkTreeBuild(b *testing.B) {
	c, ok := evalCorpus(b, "scrapinghub-dev")
	if !ok {
		b.Skip("../shared/eval/sets/scrapinghub-dev/inputs is not there")
	}
	pages := make([]string, len(c.pages))
	for i, p := range c.pages {
		pages[i] = string(p.data)
	}
	b.Run("builder", func(b *testing.B) {
		b.SetBytes(c.bytes)
		b.ReportAllocs()
		bails := 0
		for b.Loop() {
			bails = 0
			for _, s := range pages {
				if htmltree.Build(s) == nil {
					bails++
					_, _ = html.Parse(strings.NewReader(s))
				}
			}
		}
		b.ReportMetric(float64(bails), "bails/op")
		b.ReportMetric(float64(len(pages)), "pages/op")
	})
	b.Run("html.Parse", func(b *testing.B) {
		b.SetBytes(c.bytes)
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range pages {
				_, _ = html.Parse(strings.NewReader(s))
			}
		}
	})
}
