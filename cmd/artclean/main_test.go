package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/artclean/artclean/extract"
)

// fakeArticle is what the fake extractor returns for any non-empty input.
func fakeArticle(opts extract.Options) *extract.Article {
	return &extract.Article{
		Title: "제목 <b>",
		URL:   opts.URL,
		Body: []*extract.Block{
			{Kind: extract.BlockPara, Role: extract.RoleBody, Text: "첫 문단."},
			{Kind: extract.BlockPara, Role: extract.RoleBody, Text: "둘째 문단."},
		},
		Source: extract.Source{Name: opts.Name, Kind: extract.KindText, Charset: "utf-8"},
	}
}

// fakeExtract reads its input like the real one and returns fakeArticle, or the error the
// input names ("ERR binary", …), so the CLI can be tested without a working extractor.
func fakeExtract(got *extract.Options) ExtractFunc {
	return func(r io.Reader, opts extract.Options) (*extract.Article, error) {
		if got != nil {
			*got = opts
		}
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		switch strings.TrimSpace(string(b)) {
		case "":
			return nil, extract.ErrEmpty
		case "ERR binary":
			return nil, extract.ErrBinary
		case "ERR large":
			return nil, extract.ErrTooLarge
		case "ERR none": // a page with metadata and no article text
			a := fakeArticle(opts)
			a.Title, a.Body = "빈 면", nil
			return a, extract.ErrNoArticle
		}
		return fakeArticle(opts), nil
	}
}

type result struct {
	code           int
	stdout, stderr string
}

func runWith(t *testing.T, ios *IOStreams, fn ExtractFunc, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	if ios.Out == nil {
		ios.Out = &out
	}
	ios.ErrOut = &errOut
	if ios.In == nil {
		ios.In = strings.NewReader("")
	}
	code := run(context.Background(), args, ios, fn)
	return result{code, out.String(), errOut.String()}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "page.html", "<p>page</p>")
	page2 := writeFile(t, dir, "page2.html", "<p>page 2</p>")
	empty := writeFile(t, dir, "empty.html", "")
	binary := writeFile(t, dir, "bin.dat", "ERR binary")
	large := writeFile(t, dir, "large.html", "ERR large")
	none := writeFile(t, dir, "none.html", "ERR none")
	missing := filepath.Join(dir, "missing.html")

	const md = "---\ntitle: \"제목 <b>\"\n---\n\n# 제목 \\<b>\n\n첫 문단.\n\n둘째 문단.\n"
	tests := []struct {
		name       string
		args       []string
		stdin      string
		inTTY      bool
		wantCode   int
		wantOut    string   // exact stdout; "" means none
		outHas     []string // or: stdout holds these
		wantErrHas []string // stderr holds these; empty means stderr must be empty
	}{
		{name: "file to md", args: []string{page}, wantOut: md},
		{name: "stdin by dash", args: []string{"-"}, stdin: "<p>x</p>", wantOut: md},
		{name: "stdin by default", stdin: "<p>x</p>", wantOut: md},
		{name: "text format", args: []string{"-f", "text", page}, wantOut: "첫 문단.\n\n둘째 문단.\n"},
		{name: "json format", args: []string{"--format=json", page}, outHas: []string{`"title": "제목 <b>"`, "\n  \"text\""}},
		{name: "jsonl several inputs", args: []string{"-f", "jsonl", page, page2},
			outHas: []string{`"name":"` + page + `"`, `"name":"` + page2 + `"`}},
		{name: "jsonl goes on past a failed input", args: []string{"-f", "jsonl", missing, page}, wantCode: 1,
			outHas: []string{`"name":"` + page + `"`}, wantErrHas: []string{missing + ": no such file"}},
		{name: "missing file", args: []string{missing}, wantCode: 1,
			wantErrHas: []string{"artclean: " + missing + ": no such file (check the path)"}},
		{name: "directory", args: []string{dir}, wantCode: 1, wantErrHas: []string{dir + ": is a directory"}},
		{name: "empty file", args: []string{empty}, wantCode: 1, wantErrHas: []string{empty + ": input is empty"}},
		{name: "empty stdin", args: []string{"-"}, wantCode: 1, wantErrHas: []string{"stdin: input is empty"}},
		{name: "binary", args: []string{binary}, wantCode: 1, wantErrHas: []string{binary + ": input is binary"}},
		{name: "too large", args: []string{"--max-size", "1KiB", large}, wantCode: 1,
			wantErrHas: []string{"larger than the size limit of 1KiB (raise --max-size)"}},
		{name: "no article writes the metadata", args: []string{none}, wantOut: "---\ntitle: \"빈 면\"\n---\n\n# 빈 면\n",
			wantErrHas: []string{"artclean: " + none + ": no article text found; wrote the page's metadata only (try --favor recall, or --input html|text)\n"}},
		{name: "no article as json", args: []string{"-f", "json", "--url", "http://x/1", none},
			outHas: []string{`"title": "빈 면"`, `"url": "http://x/1"`, `"text": ""`, `"markdown": ""`}, wantErrHas: []string{none + ": no article text found"}},
		{name: "no article as text writes nothing", args: []string{"-f", "text", none}, wantErrHas: []string{none + ": no article text found"}},
		{name: "no article on stdin", args: []string{"-f", "json"}, stdin: "ERR none", outHas: []string{`"title": "빈 면"`},
			wantErrHas: []string{"artclean: stdin: no article text found"}},
		{name: "no article hints only what was not tried", args: []string{"--favor", "recall", "--input", "html", none}, outHas: []string{"# 빈 면"},
			wantErrHas: []string{none + ": no article text found; wrote the page's metadata only\n"}},
		{name: "no article hints the input kind", args: []string{"--favor", "recall", none}, outHas: []string{"# 빈 면"},
			wantErrHas: []string{"metadata only (try --input html|text)\n"}},
		{name: "quiet hides the no-article warning", args: []string{"-q", none}, outHas: []string{"# 빈 면"}},
		{name: "jsonl with a page without article", args: []string{"-f", "jsonl", none, page},
			outHas: []string{`"title":"빈 면"`, `"name":"` + page + `"`}, wantErrHas: []string{none + ": no article text found"}},
		{name: "quiet hides input failures", args: []string{"-q", missing}, wantCode: 1},
		{name: "quiet keeps usage errors", args: []string{"-q", "--bogus"}, wantCode: 2, wantErrHas: []string{"--bogus"}},
		{name: "unknown flag", args: []string{"--bogus", page}, wantCode: 2,
			wantErrHas: []string{"artclean: unknown flag: --bogus (see 'artclean --help')"}},
		{name: "bad format", args: []string{"-f", "xml", page}, wantCode: 2, wantErrHas: []string{`"xml"`, "md, json, jsonl, text"}},
		{name: "bad input kind", args: []string{"--input", "pdf", page}, wantCode: 2, wantErrHas: []string{`"pdf"`}},
		{name: "bad favor", args: []string{"--favor", "speed", page}, wantCode: 2, wantErrHas: []string{`"speed"`}},
		{name: "bad max size", args: []string{"--max-size", "lots", page}, wantCode: 2, wantErrHas: []string{`"lots"`}},
		{name: "several inputs without jsonl", args: []string{page, page2}, wantCode: 2,
			wantErrHas: []string{"several inputs need -f jsonl or -o DIR"}},
		{name: "url with several inputs", args: []string{"-f", "jsonl", "--url", "http://x", page, page2}, wantCode: 2,
			wantErrHas: []string{"--url"}},
		{name: "terminal stdin hints instead of waiting", inTTY: true, wantCode: 2,
			wantErrHas: []string{"no input: give a FILE"}},
		{name: "terminal stdin with a file is fine", args: []string{page}, inTTY: true, wantOut: md},
		{name: "version", args: []string{"--version"}, outHas: []string{"artclean "}},
		{name: "help on stdout", args: []string{"--help"}, outHas: []string{"Usage:", "--max-size", "64MiB"}},
		{name: "completion", args: []string{"completion", "bash"}, outHas: []string{"bash completion"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios := &IOStreams{In: strings.NewReader(tt.stdin), InTTY: tt.inTTY}
			got := runWith(t, ios, fakeExtract(nil), tt.args...)
			if got.code != tt.wantCode {
				t.Errorf("exit code: got %d, want %d (stderr %q)", got.code, tt.wantCode, got.stderr)
			}
			if tt.outHas == nil && got.stdout != tt.wantOut {
				t.Errorf("stdout:\ngot  %q\nwant %q", got.stdout, tt.wantOut)
			}
			for _, s := range tt.outHas {
				if !strings.Contains(got.stdout, s) {
					t.Errorf("stdout: got %q, want it to hold %q", got.stdout, s)
				}
			}
			if len(tt.wantErrHas) == 0 && got.stderr != "" {
				t.Errorf("stderr: got %q, want nothing", got.stderr)
			}
			for _, s := range tt.wantErrHas {
				if !strings.Contains(got.stderr, s) {
					t.Errorf("stderr: got %q, want it to hold %q", got.stderr, s)
				}
			}
			for _, line := range strings.Split(strings.TrimSuffix(got.stderr, "\n"), "\n") {
				if line != "" && !strings.HasPrefix(line, "artclean: ") {
					t.Errorf("stderr line %q: want it to start with \"artclean: \"", line)
				}
			}
			if got.code != 0 && strings.Contains(got.stdout, "Usage:") {
				t.Errorf("stdout holds usage text on error: %q", got.stdout)
			}
		})
	}
}

func TestRunJSONLLines(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.html", "a")
	b := writeFile(t, dir, "b.html", "b")
	got := runWith(t, &IOStreams{}, fakeExtract(nil), "-f", "jsonl", a, b)
	lines := strings.Split(strings.TrimSuffix(got.stdout, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2: %q", len(lines), got.stdout)
	}
	for i, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("line %d does not parse: %v", i+1, err)
		}
	}
}

func TestRunPassesOptions(t *testing.T) {
	tests := []struct {
		args []string
		want extract.Options
	}{
		{[]string{"-"}, extract.Options{Name: "-", MaxSize: extract.DefaultMaxSize}},
		{[]string{"--url", "https://x/1", "--input", "html", "--favor", "precision", "--max-size", "10MB", "-"},
			extract.Options{Name: "-", URL: "https://x/1", Input: extract.KindHTML, MaxSize: 10_000_000, Favor: "precision"}},
		{[]string{"--input=text", "--favor=recall", "--max-size=2KiB"},
			extract.Options{Name: "-", Input: extract.KindText, MaxSize: 2048, Favor: "recall"}},
		{[]string{"--input=auto", "--favor=balanced"}, extract.Options{Name: "-", MaxSize: extract.DefaultMaxSize}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got extract.Options
			r := runWith(t, &IOStreams{In: strings.NewReader("x")}, fakeExtract(&got), tt.args...)
			if r.code != 0 {
				t.Fatalf("exit code: got %d, want 0 (stderr %q)", r.code, r.stderr)
			}
			if got != tt.want {
				t.Errorf("options: got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// pipeWriter fails like a write to a pipe whose reader has gone.
type pipeWriter struct{ writes int }

func (w *pipeWriter) Write(p []byte) (int, error) {
	w.writes++
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

func TestRunClosedStdout(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.html", "a")
	b := writeFile(t, dir, "b.html", "b")
	for _, args := range [][]string{{a}, {"-f", "jsonl", a, b}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			w := &pipeWriter{}
			got := runWith(t, &IOStreams{Out: w}, fakeExtract(nil), args...)
			if got.code != 0 || got.stderr != "" {
				t.Errorf("got exit %d, stderr %q; want 0 and nothing", got.code, got.stderr)
			}
			if w.writes != 1 {
				t.Errorf("got %d writes, want 1: the run stops at the closed pipe", w.writes)
			}
		})
	}
}

func TestRunInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	slow := func(r io.Reader, opts extract.Options) (*extract.Article, error) {
		cancel()
		<-block
		return nil, errors.New("unreachable")
	}
	var out, errOut bytes.Buffer
	code := run(ctx, []string{"-"}, &IOStreams{In: strings.NewReader("x"), Out: &out, ErrOut: &errOut}, slow)
	if code != exitInterrupted || out.Len() != 0 {
		t.Errorf("got exit %d, stdout %q; want %d and nothing", code, out.String(), exitInterrupted)
	}
}

// TestRunRealExtractErrors goes through extract.Extract, checking only error paths while
// the extractor is being written.
func TestRunRealExtractErrors(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.html", "")
	tests := []struct {
		name  string
		args  []string
		wantE string
	}{
		{"empty file", []string{empty}, empty + ": input is empty"},
		{"empty stdin", []string{"-"}, "stdin: input is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runWith(t, &IOStreams{}, extract.Extract, tt.args...)
			if got.code != 1 || got.stdout != "" || !strings.Contains(got.stderr, tt.wantE) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want 1, nothing, and %q",
					got.code, got.stdout, got.stderr, tt.wantE)
			}
		})
	}
}

func TestDiagColor(t *testing.T) {
	for _, colored := range []bool{false, true} {
		var buf bytes.Buffer
		(&IOStreams{ErrOut: &buf, ErrColor: colored}).Diag("x:\n  y")
		hasEsc := strings.Contains(buf.String(), "\x1b[")
		if hasEsc != colored {
			t.Errorf("ErrColor %v: got %q", colored, buf.String())
		}
		if !strings.HasSuffix(buf.String(), " x: y\n") {
			t.Errorf("got %q, want one line ending in \" x: y\"", buf.String())
		}
	}
}

// A warning is a diagnostic line like an error's, its prefix yellow rather than red.
func TestWarnColor(t *testing.T) {
	for _, colored := range []bool{false, true} {
		var warn, diag bytes.Buffer
		(&IOStreams{ErrOut: &warn, ErrColor: colored}).Warn("x:\n  y")
		(&IOStreams{ErrOut: &diag, ErrColor: colored}).Diag("x:\n  y")
		if got := strings.Contains(warn.String(), "\x1b[33"); got != colored {
			t.Errorf("ErrColor %v: got %q, want yellow only in colour", colored, warn.String())
		}
		if colored == (warn.String() == diag.String()) {
			t.Errorf("ErrColor %v: warning %q, error %q; want them told apart only in colour", colored, warn.String(), diag.String())
		}
		if warn.String() != "artclean: x: y\n" && !colored {
			t.Errorf("got %q, want \"artclean: x: y\"", warn.String())
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1", 1, true},
		{"1048576", 1 << 20, true},
		{"10MB", 10_000_000, true},
		{"10mb", 10_000_000, true},
		{"64MiB", 64 << 20, true},
		{"2 KiB", 2048, true},
		{"1G", 1e9, true},
		{"1GiB", 1 << 30, true},
		{"100B", 100, true},
		{"0", 0, false},
		{"", 0, false},
		{"-1", 0, false},
		{"1.5MB", 0, false},
		{"10XB", 0, false},
		{"99999999999999999999", 0, false},
		{"9999999999999GiB", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSize(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("parseSize(%q): got %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
	for n, want := range map[int64]string{64 << 20: "64MiB", 1 << 30: "1GiB", 2048: "2KiB", 1000: "1000"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d): got %q, want %q", n, got, want)
		}
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 0},
		{"input", &inputError{name: "f", err: extract.ErrEmpty}, 1},
		{"joined inputs", errors.Join(&inputError{name: "a"}, &inputError{name: "b"}), 1},
		{"usage", usagef("x"), 2},
		{"anything from cobra", errors.New(`unknown command "x"`), 2},
		{"interrupted", errors.Join(&inputError{name: "a"}, errInterrupted), 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
