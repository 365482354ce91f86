package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"

	"github.com/artclean/artclean/extract"
)

// Inputs written for these tests.
const (
	biEnglish = "The night ferry to the northern island was cancelled on Tuesday after gusts reached ninety kilometres an hour. " +
		"Harbour staff said the crossing would resume on Wednesday morning if the wind eased, and that tickets stay valid for a week. "
	biKorean = "항구 관리소는 강풍 때문에 화요일 밤 섬으로 가는 배편이 모두 취소됐다고 밝혔다. " +
		"관리소 측은 바람이 잦아들면 수요일 아침부터 운항을 다시 시작할 예정이며 이미 산 표는 일주일 동안 쓸 수 있다고 설명했다. "
)

func biPage(body string) string {
	return "<!DOCTYPE html><html><head><title>Ferry cancelled</title></head><body><article><h1>Ferry cancelled</h1>" +
		body + "</article></body></html>"
}

func biParas(text string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("<p>" + text + "</p>\n")
	}
	return b.String()
}

// biWrap hard-wraps s at width columns, as a text dumper does.
func biWrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(s) {
		if col > 0 && col+1+len(w) > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String() + "\n"
}

func biGzip(t *testing.T, parts ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if _, err := zw.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// biBomb is gzip that decompresses to n zero bytes, written in slices so the test never
// holds them all.
func biBomb(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(zeros))
		if _, err := zw.Write(zeros[:k]); err != nil {
			t.Fatal(err)
		}
		n -= k
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func biZip(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("page.html")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(biPage(biParas(biEnglish, 3))))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRunBadInput runs the real pipeline through run on inputs that are empty, binary,
// damaged, huge or hostile. Each ends with exit 0 and a sane article (or, where no article
// text is found, the page's metadata and one warning line), or exit 1 and one line on
// stderr that names the input; none may panic or hang (go test -timeout bounds the time;
// no case measures it).
func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(42))
	random := make([]byte, 1<<16)
	rng.Read(random)
	random[0] = 'x' // no magic number by chance

	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:2000]...)
	longGz := biGzip(t, []byte(biPage(biParas(biEnglish, 200))))
	euckr, err := korean.EUCKR.NewEncoder().String(strings.Repeat(biKorean+"\n\n", 6))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(biPage(biParas(biKorean, 4)))
	if err != nil {
		t.Fatal(err)
	}
	invalid := strings.Repeat("Crème brûlée \xff\xfe is sold out at the harbour café \xc3 today. "+biEnglish+"\n\n", 4)
	nuls := strings.Repeat(biEnglish[:50]+"\x00"+biEnglish[50:]+"\n\n", 4)

	const deep = 200_000
	nested := "<html><body>" + strings.Repeat("<div>", deep) + biParas(biEnglish, 4) + strings.Repeat("</div>", deep) + "</body></html>"
	oneLine := strings.Repeat(biEnglish, 20_000_000/len(biEnglish)+1)

	var scripts strings.Builder
	scripts.WriteString("<html><head><title>Harbour notices</title><style>body { margin: 0 } .zqStyle { color: red }</style></head><body>")
	for i := 0; i < 200; i++ {
		scripts.WriteString("<script>window.zqScript = (window.zqScript || 0) + 1; console.log('loaded');</script><style>.x{display:none}</style>\n")
	}
	scripts.WriteString("</body></html>")

	tests := []struct {
		name  string
		file  string // the file name; "" for none (the path case sets path)
		in    []byte
		args  []string
		path  string // a path to give instead of a written file
		code  int
		errIn string // a part of the one stderr line (besides the input's name)
		outIn string // a part of the text field on exit 0
		none  bool   // exit 0 without article text: one warning line, the metadata, empty text
		title string // the title on exit 0, when the page has one
		short bool   // skipped with -short
	}{
		{name: "empty", file: "empty.html", in: nil, code: 1, errIn: "input is empty"},
		{name: "white space only", file: "space.html", in: []byte(" \n\t\r\n  \u3000 \n"), code: 1, errIn: "input is empty"},
		{name: "a few NUL bytes in text", file: "nul.txt", in: []byte(nuls), code: 0, outIn: "ferry"},
		{name: "NUL bytes only", file: "nuls.html", in: make([]byte, 5000), code: 1, errIn: "binary"},
		{name: "PNG saved as html", file: "photo.html", in: png, code: 1, errIn: "PNG image"},
		{name: "ZIP saved as html", file: "archive.html", in: biZip(t), code: 1, errIn: "ZIP archive"},
		{name: "random bytes", file: "random.html", in: random, code: 1, errIn: "binary"},
		{name: "invalid UTF-8 in text", file: "invalid.txt", in: []byte(invalid), code: 0, outIn: "Crème brûlée"},
		{name: "undeclared EUC-KR", file: "euckr.txt", in: []byte(euckr), code: 0, outIn: "항구 관리소는"},
		{name: "UTF-16 with BOM", file: "utf16.html", in: []byte(utf16), code: 0, outIn: "관리소 측은"},
		{name: "truncated gzip keeps what came out", file: "cut.html.gz", in: longGz[:len(longGz)/2], code: 0, outIn: "night ferry"},
		{name: "truncated gzip with nothing out", file: "cut2.html.gz", in: longGz[:15], code: 1, errIn: "gzip stream is truncated or corrupt"},
		{name: "gzip bomb past the default limit", file: "bomb.html.gz", in: biBomb(t, 80<<20), code: 1, errIn: "larger than the size limit of 64MiB (more than 67108864 bytes once decompressed; raise --max-size)"},
		{name: "gzip bomb past --max-size", file: "bomb2.html.gz", in: biBomb(t, 8<<20), args: []string{"--max-size", "1MiB"}, code: 1, errIn: "larger than the size limit of 1MiB (more than 1048576 bytes once decompressed; raise --max-size)"},
		{name: "200,000 nested divs", file: "nested.html", in: []byte(nested), code: 0, outIn: "night ferry"},
		{name: "a 20 MB single line", file: "line.txt", in: []byte(oneLine), code: 0, outIn: "night ferry"},
		{name: "a 20 MB single paragraph", file: "line.html", in: []byte("<p>" + oneLine + "</p>"), code: 0, outIn: "night ferry", short: true},
		{name: "a 20 MB hard-wrapped paragraph", file: "wrapped.txt", in: []byte(biWrap(oneLine, 78)), code: 0, outIn: "night ferry", short: true},
		{name: "a million tiny inline elements", file: "inline.html", in: []byte(biPage(strings.Repeat("<p>"+strings.Repeat("<b>w</b> ", 1000)+"</p>", 1000))), code: 0, outIn: "w w w"},
		{name: "a million tiny blocks", file: "blocks.html", in: []byte(biPage(strings.Repeat("<p>w</p>", 1_000_000))), none: true, short: true},
		{name: "a million short lines", file: "lines.txt", in: []byte(strings.Repeat("w\n", 1_000_000)), none: true, short: true},
		{name: "scripts and styles only", file: "scripts.html", in: []byte(scripts.String()), none: true, title: "Harbour notices"},
		{name: "a directory", path: dir, code: 1, errIn: "is a directory"},
		{name: "a missing path", path: filepath.Join(dir, "no-such-page.html"), code: 1, errIn: "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.short && testing.Short() {
				t.Skip("takes seconds; skipped with -short")
			}
			path := tt.path
			if path == "" {
				path = filepath.Join(dir, tt.file)
				if err := os.WriteFile(path, tt.in, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append(append([]string{"-f", "json"}, tt.args...), path)
			got := runWith(t, &IOStreams{}, extract.Extract, args...)
			if got.code != tt.code {
				t.Fatalf("exit code: got %d, want %d (stderr %q)", got.code, tt.code, got.stderr)
			}
			if !utf8.ValidString(got.stdout) || !utf8.ValidString(got.stderr) {
				t.Errorf("got invalid UTF-8 on stdout or stderr")
			}
			if tt.code != 0 {
				if got.stdout != "" {
					t.Errorf("stdout: got %.200q, want nothing", got.stdout)
				}
				lines := strings.Split(strings.TrimSuffix(got.stderr, "\n"), "\n")
				if len(lines) != 1 || !strings.HasSuffix(got.stderr, "\n") {
					t.Fatalf("stderr: got %q, want one line", got.stderr)
				}
				if want := "artclean: " + path + ": "; !strings.HasPrefix(lines[0], want) {
					t.Errorf("stderr: got %q, want it to start with %q", lines[0], want)
				}
				if !strings.Contains(lines[0], tt.errIn) {
					t.Errorf("stderr: got %q, want it to hold %q", lines[0], tt.errIn)
				}
				return
			}
			wantErr := ""
			if tt.none {
				wantErr = "artclean: " + path + ": no article text found; wrote the page's metadata only (try --favor recall, or --input html|text)\n"
			}
			if got.stderr != wantErr {
				t.Errorf("stderr: got %q, want %q", got.stderr, wantErr)
			}
			var a struct {
				Title    string `json:"title"`
				Text     string `json:"text"`
				Markdown string `json:"markdown"`
			}
			if err := json.Unmarshal([]byte(got.stdout), &a); err != nil {
				t.Fatalf("stdout does not parse as JSON: %v", err)
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title: got %q, want %q", a.Title, tt.title)
			}
			if tt.none && (a.Text != "" || a.Markdown != "") {
				t.Errorf("got text %.100q, markdown %.100q; want both empty", a.Text, a.Markdown)
			}
			if !strings.Contains(a.Text, tt.outIn) {
				t.Errorf("text: got %.300q, want it to hold %q", a.Text, tt.outIn)
			}
			if strings.ContainsRune(a.Text, 0) || strings.Contains(a.Text, "zqScript") {
				t.Errorf("text: got NUL bytes or script text in %.300q", a.Text)
			}
		})
	}
}

// TestRunNoScriptText checks that the text of scripts, styles, noscript, templates, event
// handlers and the raw JSON of JSON-LD never reaches any output format. The JSON-LD's
// articleBody may (it is the article), but not the JSON around it.
func TestRunNoScriptText(t *testing.T) {
	body := biParas(biEnglish, 3)
	ld := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry cancelled","zqLdKey":"zqLdValue","articleBody":"` + biEnglish + `"}</script>`
	pages := map[string]string{
		"inline script": biPage("<p>" + biEnglish + "<script>var zqInline = '<p>zqWritten</p>';</script> The ferry is late.</p>" + body),
		"head script and style": "<html><head><title>Ferry</title><script>function zqHead(){}</script><style>.zqCSS{color:red}</style></head><body>" +
			body + "</body></html>",
		"body style":        biPage("<style>p::after { content: 'zqContent' } .zqBodyCSS{}</style>" + body),
		"noscript":          biPage(body + "<noscript><p>zqNoscript: enable JavaScript to read " + biEnglish + "</p></noscript>"),
		"template":          biPage(body + "<template><p>zqTemplate " + biEnglish + "</p></template>"),
		"event handlers":    biPage(`<p onclick="zqOnclick()" onmouseover="zqHover()">` + biEnglish + `</p><img src="a.jpg" onerror="zqOnerror()" alt="harbour">` + body),
		"style attribute":   biPage(`<p style="font-family: zqFont">` + biEnglish + `</p>` + body),
		"json-ld":           "<html><head>" + ld + "</head><body>" + body + "</body></html>",
		"json-ld only":      "<html><head><title>Ferry cancelled</title>" + ld + "</head><body><div id=app></div><script>window.zqApp=1</script></body></html>",
		"script in a table": biPage("<table><tr><td>a<script>zqTableScript()</script></td><td>b</td></tr><tr><td>c</td><td>d<style>.zqTableCSS{}</style></td></tr></table>" + body),
		"deep script":       "<html><body>" + strings.Repeat("<div>", 700) + body + "<script>zqDeep()</script><style>.zqDeepCSS{}</style>" + strings.Repeat("</div>", 700) + "</body></html>",
		"text dump with a script": "Saved from the harbour site\n\n" + biEnglish + "\n\n<script>zqTextDump(); var t = '<b>';</script>\n\n" +
			biEnglish + "\n\n<style>.zqTextCSS { color: red }</style>\n\n" + biEnglish + "\n",
		"javascript link": biPage(`<p><a href="javascript:zqHref()">` + biEnglish + `</a></p>` + body),
	}
	dir := t.TempDir()
	for name, page := range pages {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".html")
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"md", "json", "text"} {
			t.Run(name+"/"+f, func(t *testing.T) {
				got := runWith(t, &IOStreams{}, extract.Extract, "-f", f, path)
				if got.code != 0 {
					t.Fatalf("exit code: got %d, want 0 (stderr %q)", got.code, got.stderr)
				}
				if !strings.Contains(got.stdout, "night ferry") {
					t.Errorf("got %.300q, want the article", got.stdout)
				}
				if i := strings.Index(got.stdout, "zq"); i >= 0 {
					t.Errorf("got %q in the output, want no script, style or JSON-LD text", got.stdout[i:min(len(got.stdout), i+40)])
				}
				for _, bad := range []string{"@context", "schema.org", "{\"", "function(", "color:red", "javascript:"} {
					if strings.Contains(got.stdout, bad) {
						t.Errorf("got %q in the output, want no script, style or JSON-LD text", bad)
					}
				}
			})
		}
	}
}

// TestRunDeterministic extracts the same inputs in many goroutines at once and checks that
// every run writes the same bytes as a lone run: no shared per-document state, no map order
// in the output.
func TestRunDeterministic(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cases", "*", "input.*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("got %d golden inputs (%v), want some", len(paths), err)
	}
	dir := t.TempDir()
	extra := map[string]string{
		"korean.txt": strings.Repeat(biKorean+"\n\n", 5),
		"page.html":  biPage("<p class=byline>By Mina Park</p><time datetime=\"2025-03-04T05:06:07+09:00\">4 March</time>" + biParas(biEnglish, 4) + "<ul><li>one</li><li>two</li></ul>"),
	}
	for name, s := range extra {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	formats := []string{"md", "json"}
	want := map[string]result{}
	for _, p := range paths {
		for _, f := range formats {
			want[f+" "+p] = runWith(t, &IOStreams{}, extract.Extract, "-f", f, p)
		}
	}
	const workers = 8
	errs := make(chan string, workers*len(want))
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for i := range paths {
				p := paths[(i+w)%len(paths)] // each worker in its own order
				for _, f := range formats {
					var out, errOut bytes.Buffer
					code := run(t.Context(), []string{"-f", f, p}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, extract.Extract)
					got := result{code, out.String(), errOut.String()}
					if got != want[f+" "+p] {
						errs <- f + " " + p
					}
				}
			}
		}(w)
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Errorf("%s: got different output in a concurrent run than alone", e)
	}
}

// TestRunClosedPipeRealExtract writes a big article into a real pipe whose reader is gone
// (artclean big.html | head -1): the run ends quietly, exit 0, nothing on stderr.
func TestRunClosedPipeRealExtract(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html")
	if err := os.WriteFile(big, []byte(biPage(biParas(biEnglish, 3000))), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{big}, {"-f", "json", big}, {"-f", "jsonl", big, big, big}} {
		t.Run(strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			r.Close()
			defer w.Close()
			got := runWith(t, &IOStreams{Out: w}, extract.Extract, args...)
			if got.code != 0 || got.stderr != "" {
				t.Errorf("got exit %d, stderr %q; want 0 and nothing", got.code, got.stderr)
			}
		})
	}
}
