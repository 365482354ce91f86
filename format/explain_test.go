package format

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/artclean/artclean/extract"
)

func explainArticle(kind extract.InputKind) *extract.Article {
	return &extract.Article{
		Source: extract.Source{Kind: kind},
		Blocks: []*extract.Block{
			{Index: 0, Text: "Rain fell on the quiet town all night.", Role: extract.RoleBody, Rule: "prose", CFRule: "prose",
				CF: extract.ClassGood, Class: extract.ClassGood, Runes: 38, Words: 8, StopDensity: 0.375, SentenceEnd: true, Tag: "p"},
			{Index: 1, Text: "Like 3\nShare", Rule: "buttons", CFRule: "buttons", CF: extract.ClassBad, Class: extract.ClassBad,
				Runes: 12, Words: 3, LinkRunes: 5, LinkDensity: 0.4167, Tag: "div"},
			{Index: 2, Text: "그래서 끝났다.", Role: extract.RoleBody, Rule: "context", CFRule: "short", CF: extract.ClassShort,
				Class: extract.ClassGood, Changed: true, Runes: 8, Words: 2, Hangul: true, EndingDensity: 0.5, SentenceEnd: true, Line: 7},
		},
	}
}

func TestExplainView(t *testing.T) {
	tests := []struct {
		name   string
		kind   extract.InputKind
		color  bool
		want   []string // each line holds these, in order
		absent []string
	}{
		{
			name: "html without colour",
			kind: extract.KindHTML,
			want: []string{
				"0 body    prose   ·               runes=38    links=0.00 stop=0.38    sentence Rain fell on the quiet town all night.",
				"1 dropped buttons ·               runes=12    links=0.42 stop=0.00             Like 3 Share",
				"2 body    context ctx: short→good runes=8     links=0.00 endings=0.50 sentence 그래서 끝났다.",
			},
			absent: []string{"\x1b["},
		},
		{
			name: "text input has no link density",
			kind: extract.KindText,
			want: []string{
				"0 body    prose   ·               runes=38    stop=0.38    sentence Rain fell on the quiet town all night.",
				"1 dropped buttons ·               runes=12    stop=0.00             Like 3 Share",
				"2 body    context ctx: short→good runes=8     endings=0.50 sentence 그래서 끝났다.",
			},
			absent: []string{"links="},
		},
		{
			name:  "colour: kept green, dropped red, changed yellow",
			kind:  extract.KindText,
			color: true,
			want: []string{
				"0 \x1b[32mbody    prose  \x1b[0m ·",
				"1 \x1b[31mdropped buttons\x1b[0m ·",
				"2 \x1b[32mbody    context\x1b[0m \x1b[33mctx: short→good\x1b[0m",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Explain(&buf, explainArticle(tt.kind), ExplainOptions{Color: tt.color}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(tt.want), buf.String())
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("line %d:\ngot  %q\nwant %q…", i, lines[i], w)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(buf.String(), a) {
					t.Errorf("got %q, want no %q", buf.String(), a)
				}
			}
		})
	}
}

func TestExplainTruncates(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"short stays", "짧은 줄", "짧은 줄"},
		{"exactly the limit", strings.Repeat("가", ExplainText), strings.Repeat("가", ExplainText)},
		{"one over", strings.Repeat("가", ExplainText+1), strings.Repeat("가", ExplainText-1) + "…"},
		{"long Latin", strings.Repeat("ab ", 100), strings.TrimSpace(strings.Repeat("ab ", 100))[:ExplainText-1] + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncate(oneLine(tt.text), ExplainText)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if !utf8.ValidString(got) || utf8.RuneCountInString(got) > ExplainText {
				t.Errorf("got %d runes, valid %v; want at most %d valid", utf8.RuneCountInString(got), utf8.ValidString(got), ExplainText)
			}
		})
	}
}

func TestExplainJSON(t *testing.T) {
	for _, compact := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Explain(&buf, explainArticle(extract.KindText), ExplainOptions{JSON: true, Compact: compact, Color: true}); err != nil {
			t.Fatal(err)
		}
		if compact && strings.Count(buf.String(), "\n") != 1 {
			t.Errorf("compact: got %q, want one line", buf.String())
		}
		var got []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Fatalf("got invalid JSON %q: %v", buf.String(), err)
		}
		if len(got) != 3 {
			t.Fatalf("got %d blocks, want 3", len(got))
		}
		for i, key := range []string{"text", "verdict", "rule", "features"} {
			if _, ok := got[i%3][key]; !ok {
				t.Errorf("block %d: got no %q", i%3, key)
			}
		}
		if v, r := got[1]["verdict"], got[1]["rule"]; v != "dropped" || r != "buttons" {
			t.Errorf("block 1: got %v by %v, want dropped by buttons", v, r)
		}
		if got[1]["text"] != "Like 3\nShare" {
			t.Errorf("block 1: got text %q, want it whole", got[1]["text"])
		}
		f0 := got[0]["features"].(map[string]any)
		f2 := got[2]["features"].(map[string]any)
		if _, ok := f0["link_density"]; ok {
			t.Errorf("text input: got link_density %v, want none", f0["link_density"])
		}
		if f0["stop_density"] != 0.375 || f2["ending_density"] != 0.5 {
			t.Errorf("got stop %v, endings %v; want 0.375 and 0.5", f0["stop_density"], f2["ending_density"])
		}
		if _, ok := f2["stop_density"]; ok {
			t.Errorf("Hangul block: got stop_density, want ending_density only")
		}
		if got[2]["changed"] != true || got[2]["cf_rule"] != "short" {
			t.Errorf("block 2: got changed %v from %v, want true from short", got[2]["changed"], got[2]["cf_rule"])
		}
	}
}

func TestExplainEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Explain(&buf, nil, ExplainOptions{}); err != nil || buf.Len() != 0 {
		t.Errorf("got %q, %v; want nothing", buf.String(), err)
	}
	buf.Reset()
	if err := Explain(&buf, nil, ExplainOptions{JSON: true}); err != nil || buf.String() != "[]\n" {
		t.Errorf("got %q, %v; want []", buf.String(), err)
	}
}
