package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/artclean/artclean/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/explain/*/want.* from the current output")

// TestExplainGolden runs `artclean --explain` with the real extractor on every case under
// testdata/explain (input.html or input.txt, and rules.yaml when there is one) and compares
// the view with want.txt and the data with want.json.
func TestExplainGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "explain", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no explain cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(inputs) != 1 {
				t.Fatalf("got %d inputs, want one input.html or input.txt", len(inputs))
			}
			args := []string{"--rules", ""}
			if rules := filepath.Join(dir, "rules.yaml"); fileExists(rules) {
				args = []string{"--rules", rules}
			}
			for _, c := range []struct{ want, format string }{{"want.txt", "md"}, {"want.json", "json"}} {
				got := runWith(t, &IOStreams{}, extract.Extract, append(args, "--explain", "-f", c.format, inputs[0])...)
				if got.code != 0 || got.stderr != "" {
					t.Fatalf("%s: got exit %d, stderr %q; want 0 and none", c.format, got.code, got.stderr)
				}
				if strings.Contains(got.stdout, "\x1b[") {
					t.Errorf("%s: got escape codes in output to a buffer", c.format)
				}
				wantPath := filepath.Join(dir, c.want)
				if *update {
					if err := os.WriteFile(wantPath, []byte(got.stdout), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(wantPath)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/artclean -run Explain -update)", err)
				}
				if got.stdout != string(want) {
					t.Errorf("%s differs from %s:\n%s", c.format, wantPath, lineDiff(got.stdout, string(want)))
				}
			}
		})
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// lineDiff shows the first lines that differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 5; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  got  " + gl + "\n  want " + wl + "\n")
			shown++
		}
	}
	return b.String()
}

const explainPage = `<html><head><title>Quiet harbour</title></head><body><article>
<h1>Quiet harbour gets a new lighthouse keeper</h1>
<p>The lighthouse on the point has a keeper again, for the first time in twelve years, after the town council voted to bring the post back.</p>
<div class="box"><p>Join the harbour walking club and meet the lighthouse keeper before anyone else does.</p></div>
<p>She will live in the cottage beside the tower, and she says that she plans to open the gallery to visitors on Sundays in summer.</p>
<p>© 2026 Harbour Times. All rights reserved.</p>
</article></body></html>`

// explainVerdict runs --explain -f json with args and returns the verdict and rule of the
// block whose text starts with prefix.
func explainVerdict(t *testing.T, page, prefix string, args ...string) (verdict, rule string) {
	t.Helper()
	dir := t.TempDir()
	in := writeFile(t, dir, "page.html", page)
	got := runWith(t, &IOStreams{}, extract.Extract, append(args, "--explain", "-f", "json", in)...)
	if got.code != 0 {
		t.Fatalf("got exit %d (stderr %q), want 0", got.code, got.stderr)
	}
	var blocks []struct{ Verdict, Rule, Text string }
	if err := json.Unmarshal([]byte(got.stdout), &blocks); err != nil {
		t.Fatalf("explain JSON: %v", err)
	}
	for _, b := range blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return b.Verdict, b.Rule
		}
	}
	t.Fatalf("no block starts with %q", prefix)
	return "", ""
}

func TestRunRules(t *testing.T) {
	dir := t.TempDir()
	rules := func(name, src string) string { return writeFile(t, dir, name, src) }
	tests := []struct {
		name        string
		args        []string
		env         string // ARTCLEAN_RULES
		block       string
		wantVerdict string
		wantRule    string // "" means any but wantNotRule
		wantNotRule string
	}{
		{name: "no rules", args: []string{"--rules", ""}, block: "Join the harbour", wantVerdict: "body"},
		{name: "drop by text",
			args:  []string{"--rules", rules("drop.yaml", "rules:\n  - name: drop-newsletter\n    action: drop\n    text: \"(?i)^join the harbour\"\n")},
			block: "Join the harbour", wantVerdict: "dropped", wantRule: "drop-newsletter"},
		{name: "drop by selector",
			args:  []string{"--rules", rules("sel.yaml", "rules:\n  - name: promo\n    action: drop\n    selector: div.box p\n")},
			block: "Join the harbour", wantVerdict: "dropped", wantRule: "promo"},
		{name: "keep a copyright line",
			args:  []string{"--rules", rules("keep.yaml", "rules:\n  - name: keep-c\n    action: keep\n    text: ^©\n")},
			block: "© 2026", wantVerdict: "body", wantRule: "keep-c"},
		{name: "disable a built-in",
			args:  []string{"--rules", rules("disable.yaml", "disable: [copyright]\n")},
			block: "© 2026", wantNotRule: "copyright"},
		{name: "hosts from --url",
			args:  []string{"--url", "https://harbour.example/a", "--rules", rules("hosts.yaml", "rules:\n  - name: here\n    action: drop\n    text: ^Join\n    hosts: [harbour.example]\n")},
			block: "Join the harbour", wantVerdict: "dropped", wantRule: "here"},
		{name: "hosts: another page",
			args:  []string{"--url", "https://other.example/a", "--rules", filepath.Join(dir, "hosts.yaml")},
			block: "Join the harbour", wantVerdict: "body"},
		{name: "ARTCLEAN_RULES as the default",
			env:   filepath.Join(dir, "drop.yaml"),
			block: "Join the harbour", wantVerdict: "dropped", wantRule: "drop-newsletter"},
		{name: "--rules '' overrides ARTCLEAN_RULES",
			args: []string{"--rules", ""}, env: filepath.Join(dir, "drop.yaml"),
			block: "Join the harbour", wantVerdict: "body"},
		{name: "--rules overrides ARTCLEAN_RULES",
			args: []string{"--rules", filepath.Join(dir, "sel.yaml")}, env: filepath.Join(dir, "drop.yaml"),
			block: "Join the harbour", wantVerdict: "dropped", wantRule: "promo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(rulesEnv, tt.env)
			verdict, rule := explainVerdict(t, explainPage, tt.block, tt.args...)
			if tt.wantVerdict != "" && verdict != tt.wantVerdict {
				t.Errorf("got verdict %q (rule %q), want %q", verdict, rule, tt.wantVerdict)
			}
			if tt.wantRule != "" && rule != tt.wantRule {
				t.Errorf("got rule %q, want %q", rule, tt.wantRule)
			}
			if tt.wantNotRule != "" && rule == tt.wantNotRule {
				t.Errorf("got rule %q, want another", rule)
			}
		})
	}
}

func TestRunRulesPlainOutput(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "page.html", explainPage)
	r := writeFile(t, dir, "r.yaml", "rules:\n  - name: drop-newsletter\n    action: drop\n    text: ^Join the harbour\n")
	t.Setenv(rulesEnv, "")
	with := runWith(t, &IOStreams{}, extract.Extract, "--rules", r, "-f", "text", in)
	without := runWith(t, &IOStreams{}, extract.Extract, "-f", "text", in)
	if with.code != 0 || without.code != 0 {
		t.Fatalf("got exit %d and %d, want 0", with.code, without.code)
	}
	if strings.Contains(with.stdout, "Join the harbour") || !strings.Contains(without.stdout, "Join the harbour") {
		t.Errorf("got text with rules %q and without %q; want the newsletter line only without", with.stdout, without.stdout)
	}
}

// A broken rules file is a usage error that names the file and the line.
func TestRunBrokenRules(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "page.html", explainPage)
	tests := []struct {
		name, src string
		wantLine  string
		wantHas   string
	}{
		{"bad YAML", "rules:\n  - name: a\n    action: drop\n    text: [x\n", ":4: ", ""},
		{"unknown key", "rules:\n  - name: a\n    action: drop\n    txt: x\n", ":4: ", `unknown key "txt"`},
		{"unknown top-level key", "disabled: [copyright]\n", ":1: ", `unknown key "disabled"`},
		{"unknown action", "rules:\n  - name: a\n    action: hide\n    text: x\n", ":3: ", `unknown action "hide"`},
		{"bad regexp", "rules:\n  - name: a\n    action: drop\n    text: \"a(b\"\n", ":4: ", "bad text regexp"},
		{"bad selector", "rules:\n  - name: a\n    action: drop\n    selector: \"p >\"\n", ":4: ", "bad selector"},
		{"unknown rule in disable", "disable:\n  - copyright\n  - no-such-rule\n", ":3: ", `unknown built-in rule "no-such-rule"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, "broken.yaml", tt.src)
			for _, how := range []string{"flag", "env"} {
				args := []string{"--rules", p, in}
				t.Setenv(rulesEnv, "")
				if how == "env" {
					args = []string{in}
					t.Setenv(rulesEnv, p)
				}
				got := runWith(t, &IOStreams{}, extract.Extract, args...)
				if got.code != exitUsage {
					t.Errorf("%s: got exit %d, want %d", how, got.code, exitUsage)
				}
				if got.stdout != "" {
					t.Errorf("%s: got stdout %q, want none", how, got.stdout)
				}
				want := "artclean: " + p + tt.wantLine
				if !strings.HasPrefix(got.stderr, want) {
					t.Errorf("%s: got stderr %q, want it to start with %q", how, got.stderr, want)
				}
				if !strings.Contains(got.stderr, tt.wantHas) {
					t.Errorf("%s: got stderr %q, want it to hold %q", how, got.stderr, tt.wantHas)
				}
				if strings.Count(got.stderr, "\n") != 1 {
					t.Errorf("%s: got stderr %q, want one line", how, got.stderr)
				}
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		missing := filepath.Join(dir, "missing.yaml")
		got := runWith(t, &IOStreams{}, extract.Extract, "--rules", missing, in)
		if got.code != exitUsage || !strings.Contains(got.stderr, missing+": cannot read") {
			t.Errorf("got exit %d, stderr %q; want %d and %q", got.code, got.stderr, exitUsage, missing+": cannot read")
		}
	})
}

func TestRunRulesCommand(t *testing.T) {
	got := runWith(t, &IOStreams{}, fakeExtract(nil), "rules")
	if got.code != 0 || got.stderr != "" {
		t.Fatalf("got exit %d, stderr %q; want 0 and none", got.code, got.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(got.stdout, "\n"), "\n")
	names := map[string]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 3 {
			t.Errorf("line %q: want name, kind and description", l)
			continue
		}
		if names[f[0]] {
			t.Errorf("rule %q listed twice", f[0])
		}
		names[f[0]] = true
	}
	for _, list := range [][]extract.Rule{extract.Rules(), extract.PassRules()} {
		for _, r := range list {
			if !names[string(r.Name)] {
				t.Errorf("got no line for rule %q", r.Name)
			}
		}
	}
	for _, want := range []string{"buttons", "ticker", "ticker-header", "ticker-run", "prose", "context", "outside-article"} {
		if !names[want] {
			t.Errorf("got no line for %q", want)
		}
	}
	if len(extract.Rules()) < 15 {
		t.Errorf("got %d built-in rules, want at least 15", len(extract.Rules()))
	}
	if got := runWith(t, &IOStreams{}, fakeExtract(nil), "rules", "extra"); got.code != exitUsage {
		t.Errorf("rules with an argument: got exit %d, want %d", got.code, exitUsage)
	}
}

// --explain shows every block even when no article was found, and exits 0 without the
// warning the plain run gives.
func TestRunExplainNoArticle(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "nav.html", `<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/b">News</a></li></ul></nav></body></html>`)
	plain := runWith(t, &IOStreams{}, extract.Extract, in)
	if plain.code != exitOK || !strings.Contains(plain.stderr, "no article text found") {
		t.Fatalf("without --explain: got exit %d, stderr %q; want %d and a warning", plain.code, plain.stderr, exitOK)
	}
	got := runWith(t, &IOStreams{}, extract.Extract, "--explain", in)
	if got.code != 0 || got.stderr != "" {
		t.Fatalf("got exit %d, stderr %q; want 0 and none", got.code, got.stderr)
	}
	for _, want := range []string{"dropped", "Home", "News"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("got %q, want it to hold %q", got.stdout, want)
		}
	}
}

// The acceptance check: a text dump's reaction row and ticker are shown dropped, by name,
// without escape codes, when stdout is not a terminal.
func TestRunExplainTextDump(t *testing.T) {
	in := filepath.Join("..", "..", "testdata", "explain", "text-korean", "input.txt")
	t.Setenv("NO_COLOR", "")
	got := runWith(t, &IOStreams{}, extract.Extract, "--rules", "", "--explain", in)
	if got.code != 0 {
		t.Fatalf("got exit %d (stderr %q), want 0", got.code, got.stderr)
	}
	want := map[string]string{"좋아요0": "buttons", "비트코인": "ticker", "변동률": "ticker-header", "도지코인 클래식": "ticker-run"}
	for _, line := range strings.Split(got.stdout, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		for text, rule := range want {
			if strings.HasSuffix(line, " "+text) {
				if f[1] != "dropped" || f[2] != rule {
					t.Errorf("line %q: got %s by %s, want dropped by %s", line, f[1], f[2], rule)
				}
				delete(want, text)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("got no lines for %v", want)
	}
}
