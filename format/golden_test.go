package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/artclean/artclean/extract"
)

// update rewrites the want files of the golden cases: go test ./format -update
var update = flag.Bool("update", false, "rewrite testdata/cases/*/want.* from the current output")

// casesDir holds the golden cases, one directory each (see testdata/cases/README.md).
const casesDir = "../testdata/cases"

// inputNames are the input files a case may hold, tried in this order. The bytes are
// given to extract.Extract as they are: decompressing and decoding are the reader's job.
var inputNames = []string{"input.txt", "input.html", "input.html.gz", "input.euckr.html"}

// gate is the quality gate of a case: what is right, independent of today's output. Every
// field is optional; an empty one is not checked. Snippets are checked against the JSON
// "text" field (the body); the metadata fields must be equal.
type gate struct {
	MustContain    []string  `json:"must_contain"`
	MustNotContain []string  `json:"must_not_contain"`
	Title          string    `json:"title"`
	Published      string    `json:"published"`
	Modified       string    `json:"modified"`
	Subtitles      *[]string `json:"subtitles"`
	Authors        *[]string `json:"authors"`
}

// goldenCase is one directory of testdata/cases.
type goldenCase struct {
	name, dir, input string
	url              string
}

func loadCases(t *testing.T) []goldenCase {
	t.Helper()
	entries, err := os.ReadDir(casesDir)
	if err != nil {
		t.Fatalf("reading %s: %v", casesDir, err)
	}
	var cases []goldenCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c := goldenCase{name: e.Name(), dir: filepath.Join(casesDir, e.Name())}
		for _, n := range inputNames {
			if _, err := os.Stat(filepath.Join(c.dir, n)); err == nil {
				c.input = n
				break
			}
		}
		if c.input == "" {
			t.Errorf("case %s: no input file (want one of %v)", c.name, inputNames)
			continue
		}
		if u, err := os.ReadFile(filepath.Join(c.dir, "url.txt")); err == nil {
			c.url = strings.TrimSpace(string(u))
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("no golden cases under %s", casesDir)
	}
	return cases
}

// knownFailing reads KNOWN_FAILING.txt: "name reason…" skips every gate check of the
// case (the want files are still compared, so regressions show); "name:check reason…"
// skips one check (text, title, published, subtitles, authors, idempotence).
func knownFailing(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	f, err := os.Open(filepath.Join(casesDir, "KNOWN_FAILING.txt"))
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		out[name] = strings.TrimSpace(reason)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// extractCase runs the extractor on the case's input as the command would.
func extractCase(t *testing.T, c goldenCase) (*extract.Article, error) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(c.dir, c.input))
	if err != nil {
		t.Fatal(err)
	}
	return extract.Extract(bytes.NewReader(raw), extract.Options{Name: c.input, URL: c.url})
}

func render(t *testing.T, a *extract.Article, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, a, name, Options{}); err != nil {
		t.Fatalf("Render(%q): %v", name, err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	known := knownFailing(t)
	cases := loadCases(t)
	for name := range known {
		base, check, _ := strings.Cut(name, ":")
		if !slices.ContainsFunc(cases, func(c goldenCase) bool { return c.name == base }) {
			t.Errorf("KNOWN_FAILING.txt names %q, which is not a case", name)
		}
		if check != "" && !slices.ContainsFunc(gateChecks, func(g gateCheck) bool { return g.name == check }) {
			t.Errorf("KNOWN_FAILING.txt names %q, which is not a gate check", name)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := extractCase(t, c)
			errText := ""
			if err != nil {
				errText = err.Error() + "\n"
			}
			md, js := render(t, a, "md"), render(t, a, "json")

			compareWant(t, c, "want.md", md)
			compareWant(t, c, "want.json", js)
			compareWant(t, c, "want.err", errText)

			g, ok := readGate(t, c)
			if !ok {
				return
			}
			out := decodeOutput(t, js)
			for _, chk := range gateChecks {
				t.Run(chk.name, func(t *testing.T) {
					if reason, ok := known[c.name]; ok {
						t.Skip("known failing: " + reason)
					}
					if reason, ok := known[c.name+":"+chk.name]; ok {
						t.Skip("known failing: " + reason)
					}
					chk.check(t, g, out, a)
				})
			}
		})
	}
}

// compareWant compares got with the case's file name, or rewrites it under -update. An
// empty got means the file should not exist (want.err of a case without an error).
func compareWant(t *testing.T, c goldenCase, name, got string) {
	t.Helper()
	path := filepath.Join(c.dir, name)
	if *update {
		if got == "" {
			if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			return
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		want, err = nil, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./format -update and read the diff):\n%s", name, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got part, enough to see what moved.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "first difference at line %d\n", i+1)
	for k := i; k < i+5; k++ {
		if k < len(w) {
			fmt.Fprintf(&sb, "  want: %q\n", w[k])
		}
		if k < len(g) {
			fmt.Fprintf(&sb, "  got:  %q\n", g[k])
		}
	}
	return sb.String()
}

// output is the part of the JSON output the gate looks at.
type output struct {
	Title     string   `json:"title"`
	Subtitles []string `json:"subtitles"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
	Modified  string   `json:"modified"`
	Text      string   `json:"text"`
}

func decodeOutput(t *testing.T, js string) output {
	t.Helper()
	var out output
	if err := json.Unmarshal([]byte(js), &out); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return out
}

// readGate reads the case's gate.json; a case without one is checked for idempotence only.
func readGate(t *testing.T, c goldenCase) (gate, bool) {
	t.Helper()
	var g gate
	raw, err := os.ReadFile(filepath.Join(c.dir, "gate.json"))
	if os.IsNotExist(err) {
		return g, true
	}
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		t.Errorf("gate.json: %v", err)
		return g, false
	}
	return g, true
}

// gateChecks are the parts of the quality gate, each a subtest of its case, so that
// KNOWN_FAILING.txt can name one part ("case:authors") and leave the others guarding.
type gateCheck struct {
	name  string
	check func(t *testing.T, g gate, out output, a *extract.Article)
}

var gateChecks = []gateCheck{
	{"text", func(t *testing.T, g gate, out output, _ *extract.Article) {
		for _, s := range g.MustContain {
			if !strings.Contains(out.Text, s) {
				t.Errorf("text: got no %q, want it (body lost)", s)
			}
		}
		for _, s := range g.MustNotContain {
			if strings.Contains(out.Text, s) {
				t.Errorf("text: got %q, want it absent (boilerplate kept)", s)
			}
		}
	}},
	{"title", func(t *testing.T, g gate, out output, _ *extract.Article) {
		if g.Title != "" && out.Title != g.Title {
			t.Errorf("title: got %q, want %q", out.Title, g.Title)
		}
	}},
	{"published", func(t *testing.T, g gate, out output, _ *extract.Article) {
		if g.Published != "" && out.Published != g.Published {
			t.Errorf("published: got %q, want %q", out.Published, g.Published)
		}
		if g.Modified != "" && out.Modified != g.Modified {
			t.Errorf("modified: got %q, want %q", out.Modified, g.Modified)
		}
	}},
	{"subtitles", func(t *testing.T, g gate, out output, _ *extract.Article) {
		if g.Subtitles != nil && !slices.Equal(out.Subtitles, *g.Subtitles) {
			t.Errorf("subtitles: got %q, want %q", out.Subtitles, *g.Subtitles)
		}
	}},
	{"authors", func(t *testing.T, g gate, out output, _ *extract.Article) {
		if g.Authors != nil && !slices.Equal(out.Authors, *g.Authors) {
			t.Errorf("authors: got %q, want %q", out.Authors, *g.Authors)
		}
	}},
	{"idempotence", func(t *testing.T, _ gate, _ output, a *extract.Article) { checkIdempotent(t, a) }},
}

// checkIdempotent feeds the plain-text output back in as a text dump: cleaning clean output
// must give back the same body paragraphs.
func checkIdempotent(t *testing.T, a *extract.Article) {
	first := PlainText(a)
	if first == "" {
		t.Skip("no body to feed back")
	}
	b, err := extract.Extract(strings.NewReader(first+"\n"), extract.Options{Name: "idempotence", Input: extract.KindText})
	if err != nil {
		t.Fatalf("second pass: %v", err)
	}
	want, got := paragraphs(first), paragraphs(PlainText(b))
	if slices.Equal(got, want) {
		return
	}
	for _, p := range want {
		if !slices.Contains(got, p) {
			t.Errorf("second pass lost paragraph %q", short(p))
		}
	}
	for _, p := range got {
		if !slices.Contains(want, p) {
			t.Errorf("second pass added paragraph %q", short(p))
		}
	}
	if !t.Failed() {
		t.Errorf("second pass: got paragraphs in another order\ngot  %q\nwant %q", got, want)
	}
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
