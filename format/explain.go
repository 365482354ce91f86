package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/artclean/artclean/extract"
)

// ExplainOptions says how to render the explain view.
type ExplainOptions struct {
	// Color paints verdicts (kept green, dropped red, changed by context yellow). The
	// caller decides it from whether the output is a terminal and NO_COLOR.
	Color bool
	// JSON gives the blocks as a JSON list instead of one line each; Compact puts the list
	// on one line (JSON Lines).
	JSON, Compact bool
}

// ExplainText is the most runes of a block's text the explain view shows.
const ExplainText = 80

// Explain writes every block of the page in order with its verdict, the rule that decided
// it, whether the context pass changed it, and the features that mattered.
//
//	3 dropped  buttons   ·                        runes=23  stop=0.00          Like 3 · Share
//	4 body     context   ctx: short/short→good    runes=41  stop=0.35 sentence The rain …
func Explain(w io.Writer, a *extract.Article, opts ExplainOptions) error {
	if a == nil {
		a = &extract.Article{}
	}
	if opts.JSON {
		return explainJSON(w, a, opts.Compact)
	}
	html := a.Source.Kind == extract.KindHTML
	rows := make([][4]string, len(a.Blocks))
	var width [4]int
	for i, b := range a.Blocks {
		rows[i] = [4]string{strconv.Itoa(b.Index), Verdict(b), string(b.Rule), contextMark(b)}
		for j, s := range rows[i] {
			width[j] = max(width[j], utf8.RuneCountInString(s))
		}
	}
	kept := color.New(color.FgGreen)
	dropped := color.New(color.FgRed)
	changed := color.New(color.FgYellow)
	for _, c := range []*color.Color{kept, dropped, changed} {
		if opts.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	var buf bytes.Buffer
	for i, b := range a.Blocks {
		r := rows[i]
		paint := dropped
		if b.Kept() {
			paint = kept
		}
		fmt.Fprintf(&buf, "%*s ", width[0], r[0])
		buf.WriteString(paint.Sprint(pad(r[1], width[1]) + " " + pad(r[2], width[2])))
		buf.WriteByte(' ')
		if b.Changed {
			buf.WriteString(changed.Sprint(pad(r[3], width[3])))
		} else {
			buf.WriteString(pad(r[3], width[3]))
		}
		buf.WriteByte(' ')
		buf.WriteString(featureLine(b, html))
		buf.WriteByte(' ')
		buf.WriteString(truncate(oneLine(b.Text), ExplainText))
		buf.WriteByte('\n')
	}
	return writeString(w, buf.String())
}

// Verdict is the word the explain view gives a block: its role, or "dropped".
func Verdict(b *extract.Block) string { return b.Role.String() }

// contextMark says how the context pass changed a block: "ctx: RULE/CLASS→CLASS", with the
// context-free rule and class ("ctx: short→good" when the rule is named for its class);
// "·" when it did not.
func contextMark(b *extract.Block) string {
	if !b.Changed {
		return "·"
	}
	from := string(b.CFRule) + "/" + b.CF.String()
	if string(b.CFRule) == b.CF.String() || b.CFRule == "" {
		from = b.CF.String()
	}
	return "ctx: " + from + "→" + b.Class.String()
}

// featureLine is the features the rules look at most, in fixed-width fields: length,
// link density (HTML), ending density (Hangul) or stop-word density, sentence end.
func featureLine(b *extract.Block, html bool) string {
	var s strings.Builder
	fmt.Fprintf(&s, "runes=%-5d", b.Runes)
	if html {
		fmt.Fprintf(&s, " links=%.2f", b.LinkDensity)
	}
	if b.Hangul {
		fmt.Fprintf(&s, " endings=%.2f", b.EndingDensity)
	} else {
		fmt.Fprintf(&s, " stop=%.2f   ", b.StopDensity)
	}
	if b.SentenceEnd {
		s.WriteString(" sentence")
	} else {
		s.WriteString("         ")
	}
	return s.String()
}

// pad right-pads s with spaces to n runes.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// truncate cuts s to at most n runes, ending with "…" when it cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n-1 {
			break
		}
		k++
	}
	return s[:i] + "…"
}

// explainBlock is one block of `--explain -f json`.
type explainBlock struct {
	Index    int             `json:"index"`
	Verdict  string          `json:"verdict"`
	Rule     string          `json:"rule"`
	Class    string          `json:"class"`
	Changed  bool            `json:"changed"`
	CFRule   string          `json:"cf_rule"`
	CFClass  string          `json:"cf_class"`
	Text     string          `json:"text"`
	Features explainFeatures `json:"features"`
}

// explainFeatures holds the features a segmenter could know: link density for HTML only,
// ending density for Hangul blocks, stop-word density for the others.
type explainFeatures struct {
	Runes         int      `json:"runes"`
	Words         int      `json:"words"`
	LinkDensity   *float64 `json:"link_density,omitempty"`
	EndingDensity *float64 `json:"ending_density,omitempty"`
	StopDensity   *float64 `json:"stop_density,omitempty"`
	SentenceEnd   bool     `json:"sentence_end"`
	Tag           string   `json:"tag,omitempty"`
	Line          int      `json:"line,omitempty"`
}

func explainJSON(w io.Writer, a *extract.Article, compact bool) error {
	html := a.Source.Kind == extract.KindHTML
	out := make([]explainBlock, 0, len(a.Blocks))
	for _, b := range a.Blocks {
		f := explainFeatures{Runes: b.Runes, Words: b.Words, SentenceEnd: b.SentenceEnd, Line: b.Line}
		if html {
			f.LinkDensity, f.Tag = round(b.LinkDensity), b.Tag
		}
		if b.Hangul {
			f.EndingDensity = round(b.EndingDensity)
		} else {
			f.StopDensity = round(b.StopDensity)
		}
		out = append(out, explainBlock{
			Index: b.Index, Verdict: Verdict(b), Rule: string(b.Rule), Class: b.Class.String(), Changed: b.Changed,
			CFRule: string(b.CFRule), CFClass: b.CF.String(), Text: b.Text, Features: f,
		})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(out); err != nil {
		return err
	}
	return writeString(w, buf.String())
}

// round keeps three decimals, enough to compare with the thresholds.
func round(f float64) *float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return &r
}
