package rulesfile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/artclean/artclean/extract"
)

// rulesPage is a small article with a newsletter box, a share row and a copyright line.
const rulesPage = `<html><head><title>Harbour bridge reopens</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Harbour bridge reopens after two years of repairs</h1>
<p>The old harbour bridge opened again on Monday morning, and the first buses crossed it before the sun was up over the water.</p>
<p>Engineers had replaced most of the steel under the deck, which had rusted far faster than anyone expected when it was built.</p>
<div class="box"><p>Join the harbour walking club and meet the lighthouse keeper on the steps, every single Saturday of the year.</p></div>
<p>The city says that the work came in under budget, and that the bridge should now stand for another sixty years or more.</p>
<p>© 2025 Harbour Daily. All rights reserved.</p>
</article>
</body></html>`

// htmlToLines is the page as a text dumper would leave it: one block a paragraph.
func htmlToLines(page string) string {
	var b strings.Builder
	for _, blk := range extract.SegmentHTML(page, extract.Options{}).Blocks {
		b.WriteString(blk.Text + "\n\n")
	}
	return b.String()
}

func mustParseRules(t *testing.T, src string) *RuleSet {
	t.Helper()
	set, err := ParseRules("rules.yaml", []byte(src))
	if err != nil {
		t.Fatalf("ParseRules: %v", err)
	}
	return set
}

// verdict extracts page with rules and returns the role and rule of the block that
// starts with prefix.
func verdict(t *testing.T, page, prefix string, opts extract.Options) (extract.Role, string) {
	t.Helper()
	a, err := extract.ExtractString(page, extract.Source{Name: "page"}, opts)
	if err != nil && !errors.Is(err, extract.ErrNoArticle) {
		t.Fatalf("extract.ExtractString: %v", err)
	}
	for _, b := range a.Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return b.Role, string(b.Rule)
		}
	}
	t.Fatalf("no block starts with %q", prefix)
	return extract.RoleNone, ""
}

func TestUserRules(t *testing.T) {
	tests := []struct {
		name     string
		rules    string
		url      string
		text     bool         // the page as a text dump
		block    string       // prefix of the block looked at
		wantRole extract.Role // unless anyRole
		anyRole  bool
		wantRule string
	}{
		{
			name:     "without rules the newsletter box is body",
			block:    "Join the harbour",
			wantRole: extract.RoleBody,
		},
		{
			name:     "drop by text",
			rules:    "rules:\n  - name: drop-newsletter\n    action: drop\n    text: \"(?i)^join the harbour\"\n",
			block:    "Join the harbour",
			wantRole: extract.RoleNone, wantRule: "drop-newsletter",
		},
		{
			name:     "drop by selector on an ancestor",
			rules:    "rules:\n  - name: promo-box\n    action: drop\n    selector: div.box\n",
			block:    "Join the harbour",
			wantRole: extract.RoleNone, wantRule: "promo-box",
		},
		{
			name:     "selector and text must both match",
			rules:    "rules:\n  - name: promo-box\n    action: drop\n    selector: div.box\n    text: bridge\n",
			block:    "Join the harbour",
			wantRole: extract.RoleBody,
		},
		{
			name:     "selector never matches text input",
			rules:    "rules:\n  - name: promo-box\n    action: drop\n    selector: div.box\n",
			text:     true,
			block:    "Join the harbour",
			wantRole: extract.RoleBody,
		},
		{
			name:     "keep overrides a built-in drop",
			rules:    "rules:\n  - name: keep-copyright\n    action: keep\n    text: ^©\n",
			block:    "© 2025",
			wantRole: extract.RoleBody, wantRule: "keep-copyright",
		},
		{
			name:     "without rules the copyright line is dropped",
			block:    "© 2025",
			wantRole: extract.RoleNone, wantRule: "copyright",
		},
		{
			name:    "disabled built-in no longer decides",
			rules:   "disable: [copyright]\n",
			block:   "© 2025",
			anyRole: true,
		},
		{
			name:     "host given by --url",
			rules:    "rules:\n  - name: only-here\n    action: drop\n    text: ^Join\n    hosts: [example.com]\n",
			url:      "https://www.example.com/news/1",
			block:    "Join the harbour",
			wantRole: extract.RoleNone, wantRule: "only-here",
		},
		{
			name:     "subdomain of a host",
			rules:    "rules:\n  - name: only-here\n    action: drop\n    text: ^Join\n    hosts: [example.com]\n",
			url:      "https://news.example.com/1",
			block:    "Join the harbour",
			wantRole: extract.RoleNone, wantRule: "only-here",
		},
		{
			name:     "other host",
			rules:    "rules:\n  - name: only-here\n    action: drop\n    text: ^Join\n    hosts: [example.com]\n",
			url:      "https://notexample.com/1",
			block:    "Join the harbour",
			wantRole: extract.RoleBody,
		},
		{
			name:     "no host known",
			rules:    "rules:\n  - name: only-here\n    action: drop\n    text: ^Join\n    hosts: [example.com]\n",
			block:    "Join the harbour",
			wantRole: extract.RoleBody,
		},
		{
			name: "first matching rule decides",
			rules: "rules:\n  - name: first\n    action: keep\n    text: ^Join\n" +
				"  - name: second\n    action: drop\n    text: ^Join\n",
			block:    "Join the harbour",
			wantRole: extract.RoleBody, wantRule: "first",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := extract.Options{URL: tt.url}
			if tt.rules != "" {
				opts.Rules = mustParseRules(t, tt.rules)
			}
			page := rulesPage
			if tt.text {
				page = htmlToLines(page)
			}
			role, rule := verdict(t, page, tt.block, opts)
			if !tt.anyRole && role != tt.wantRole {
				t.Errorf("got role %v, want %v (rule %q)", role, tt.wantRole, rule)
			}
			if tt.wantRule != "" && rule != tt.wantRule {
				t.Errorf("got rule %q, want %q", rule, tt.wantRule)
			}
			if tt.wantRule == "" && strings.HasPrefix(tt.rules, "disable") && rule == "copyright" {
				t.Errorf("got rule %q, want another rule once it is disabled", rule)
			}
		})
	}
}

func TestUserRulesHostFromCanonical(t *testing.T) {
	page := strings.Replace(rulesPage, "<head>", `<head><link rel="canonical" href="https://example.com/bridge">`, 1)
	set := mustParseRules(t, "rules:\n  - name: only-here\n    action: drop\n    text: ^Join\n    hosts: [example.com]\n")
	role, rule := verdict(t, page, "Join the harbour", extract.Options{Rules: set})
	if role != extract.RoleNone || rule != "only-here" {
		t.Errorf("got %v by %q, want dropped by only-here", role, rule)
	}
}

func TestParseRulesErrors(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int
		wantMsg  string
	}{
		{"bad YAML", "rules:\n  - name: a\n    action: drop\n  text: [x\n", 4, ""},
		{"bad indentation", "rules:\n  - name: a\n   action: drop\n", 3, ""},
		{"unknown top-level key", "disable: []\nrule:\n  - name: a\n", 2, `unknown key "rule"`},
		{"unknown rule key", "rules:\n  - name: a\n    action: drop\n    txt: x\n", 4, `unknown key "txt"`},
		{"unknown action", "rules:\n  - name: a\n    action: remove\n    text: x\n", 3, `unknown action "remove"`},
		{"missing action", "rules:\n  - name: a\n    text: x\n", 2, "needs an action"},
		{"missing name", "rules:\n  - action: drop\n    text: x\n", 2, "needs a name"},
		{"nothing to match", "rules:\n  - name: a\n    action: drop\n    hosts: [example.com]\n", 2, "needs a text or a selector"},
		{"bad regexp", "rules:\n  - name: a\n    action: drop\n    text: \"(?i)^sign up (for\"\n", 4, "bad text regexp"},
		{"bad selector", "rules:\n  - name: a\n    action: drop\n    selector: \"div[class\"\n", 4, "bad selector"},
		{"unknown rule in disable", "disable:\n  - copyright\n  - tickers\n", 3, `unknown built-in rule "tickers"`},
		{"pass rule in disable", "disable: [prose]\n", 1, `unknown built-in rule "prose"`},
		{"bad host", "rules:\n  - name: a\n    action: drop\n    text: x\n    hosts: [\"https://example.com/\"]\n", 5, "bad host"},
		{"hosts not a list", "rules:\n  - name: a\n    action: drop\n    text: x\n    hosts: example.com\n", 5, ""},
		{"name not a string", "rules:\n  - name: [a, b]\n", 2, "want a string"},
		{"duplicate name", "rules:\n  - name: a\n    action: drop\n    text: x\n  - name: a\n    action: keep\n    text: y\n", 5, "already defined on line 2"},
		{"rules not a list", "rules: drop\n", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRules("my.yaml", []byte(tt.src))
			var re *RulesError
			if !errors.As(err, &re) {
				t.Fatalf("got error %v, want a *RulesError", err)
			}
			if re.Line != tt.wantLine {
				t.Errorf("got line %d, want %d (%v)", re.Line, tt.wantLine, err)
			}
			prefix := "my.yaml:" + strconv.Itoa(tt.wantLine) + ": "
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("got %q, want it to start with %q", err.Error(), prefix)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("got %q, want it to say %q", err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestParseRulesEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "disable: []\nrules: []\n"} {
		set := mustParseRules(t, src)
		if set.Len() != 0 || set.Disabled("copyright") {
			t.Errorf("%q: got %d rules, want none", src, set.Len())
		}
	}
}

func TestLoadRulesFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.yaml")
	if err := os.WriteFile(p, []byte("disable: [ticker]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := LoadRulesFile(p)
	if err != nil || !set.Disabled("ticker") {
		t.Errorf("got %v, %v; want ticker disabled", set, err)
	}
	_, err = LoadRulesFile(filepath.Join(dir, "missing.yaml"))
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "missing.yaml")+": cannot read") {
		t.Errorf("got %v, want a cannot-read error naming the file", err)
	}
}

// One RuleSet serves many documents at once (batch mode); run with -race.
func TestUserRulesConcurrent(t *testing.T) {
	set := mustParseRules(t, "rules:\n  - name: promo-box\n    action: drop\n    selector: div.box\n    text: (?i)walking club\n")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			a, _ := extract.ExtractString(rulesPage, extract.Source{Name: "page"}, extract.Options{Rules: set})
			for _, b := range a.Blocks {
				if strings.HasPrefix(b.Text, "Join the harbour") && (b.Kept() || b.Rule != "promo-box") {
					t.Errorf("got %v by %q, want dropped by promo-box", b.Role, b.Rule)
				}
			}
		})
	}
	wg.Wait()
}
