package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/artclean/artclean/extract"
)

// mkTree writes files (slash paths → content) under root.
func mkTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every file under root, hidden ones included: slash path → content.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		got[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func keys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// runCtx is runWith with a context.
func runCtx(ctx context.Context, fn ExtractFunc, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(ctx, args, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, fn)
	return result{code, out.String(), errOut.String()}
}

// fakeMD is what the fake extractor's article renders to in md.
const fakeMD = "---\ntitle: \"제목 <b>\"\n---\n\n# 제목 \\<b>\n\n첫 문단.\n\n둘째 문단.\n"

// crawl is a small tree with every kind of file a walk meets.
var crawl = map[string]string{
	"index.html":        "<p>index</p>",
	"a/b.html.gz":       "gz page (the fake does not unzip)",
	"a/c.htm":           "<p>c</p>",
	"a/d.xhtml":         "<p>d</p>",
	"a/e.txt":           "e",
	"a/F.HTML":          "<p>F</p>",
	"a/noext":           "no extension",
	"a/style.css":       "body{}",
	"a/data.json":       "{}",
	".hidden/x.html":    "<p>hidden dir</p>",
	"a/.y.html":         "<p>hidden file</p>",
	"deep/er/still.txt": "still",
}

func TestBatchTree(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"md", []string{"a/F.md", "a/b.md", "a/c.md", "a/d.md", "a/e.md", "a/noext.md", "deep/er/still.md", "index.md"}},
		{"json", []string{"a/F.json", "a/b.json", "a/c.json", "a/d.json", "a/e.json", "a/noext.json", "deep/er/still.json", "index.json"}},
		{"text", []string{"a/F.txt", "a/b.txt", "a/c.txt", "a/d.txt", "a/e.txt", "a/noext.txt", "deep/er/still.txt", "index.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "crawl"), filepath.Join(dir, "out")
			mkTree(t, in, crawl)
			got := runWith(t, &IOStreams{}, fakeExtract(nil), "-f", tt.format, "-o", out, in)
			if got.code != 0 || got.stdout != "" {
				t.Fatalf("got exit %d, stdout %q, stderr %q; want 0 and no stdout", got.code, got.stdout, got.stderr)
			}
			tree := readTree(t, out)
			if ks := keys(tree); !reflect.DeepEqual(ks, tt.want) {
				t.Errorf("outputs:\ngot  %q\nwant %q", ks, tt.want)
			}
			if tt.format == "md" && tree["a/c.md"] != fakeMD {
				t.Errorf("a/c.md: got %q, want %q", tree["a/c.md"], fakeMD)
			}
			if !strings.HasPrefix(got.stderr, "artclean: 8 converted, 0 skipped, 0 failed in ") || strings.Count(got.stderr, "\n") != 1 {
				t.Errorf("stderr: got %q, want the one summary line", got.stderr)
			}
		})
	}
}

func TestBatchFileInputs(t *testing.T) {
	dir := t.TempDir()
	mkTree(t, dir, map[string]string{"x/page.html": "p", "y/other.php": "o"})
	out := filepath.Join(dir, "out")
	got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out,
		filepath.Join(dir, "x/page.html"), filepath.Join(dir, "y/other.php"))
	if got.code != 0 {
		t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
	}
	if ks, want := keys(readTree(t, out)), []string{"other.md", "page.md"}; !reflect.DeepEqual(ks, want) {
		t.Errorf("outputs: got %q, want %q (a FILE INPUT goes under its base name)", ks, want)
	}
}

func TestOutputRel(t *testing.T) {
	tests := []struct{ rel, ext, want string }{
		{"a/b.html.gz", ".md", "a/b.md"},
		{"a/b.HTM", ".json", "a/b.json"},
		{"b.txt", ".txt", "b.txt"},
		{"b.txt.GZ", ".md", "b.md"},
		{"noext", ".md", "noext.md"},
		{"page.php", ".md", "page.md"},
		{"2024.01.02-story", ".md", "2024.01.02-story.md"},
		{"v1.2/story.html", ".md", "v1.2/story.md"},
	}
	for _, tt := range tests {
		if got := outputRel(tt.rel, tt.ext); got != tt.want {
			t.Errorf("outputRel(%q, %q): got %q, want %q", tt.rel, tt.ext, got, tt.want)
		}
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, rel string
		want         bool
	}{
		{"*.html", "a/b/c.html", true},
		{"*.html", "c.htm", false},
		{"a", "a", true},
		{"a", "x/a", true},
		{"a/*.html", "a/x.html", true},
		{"a/*.html", "a/b/x.html", false},
		{"a/**/*.html", "a/x.html", true},
		{"a/**/*.html", "a/b/c/x.html", true},
		{"**/out", "out", true},
		{"**/out", "x/y/out", true},
		{"out/**", "out/a/b.md", true},
		{"out/**", "outx/a.md", false},
		{"/a/*.txt", "a/b.txt", true},
	}
	for _, tt := range tests {
		if got := globMatch(tt.pattern, tt.rel); got != tt.want {
			t.Errorf("globMatch(%q, %q): got %v, want %v", tt.pattern, tt.rel, got, tt.want)
		}
	}
}

func TestBatchIncludeExclude(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"include replaces the defaults", []string{"--include", "*.css", "--include", "*.json"}, []string{"a/data.json.md", "a/style.css.md"}},
		{"exclude a directory by name", []string{"--exclude", "a"}, []string{"deep/er/still.md", "index.md"}},
		{"exclude by path", []string{"--exclude", "deep/**", "--exclude", "a/*.htm"},
			[]string{"a/F.md", "a/b.md", "a/d.md", "a/e.md", "a/noext.md", "index.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "crawl"), filepath.Join(dir, "out")
			mkTree(t, in, crawl)
			got := runWith(t, &IOStreams{}, fakeExtract(nil), append(tt.args, "-o", out, in)...)
			if got.code != 0 {
				t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
			}
			if ks := keys(readTree(t, out)); !reflect.DeepEqual(ks, tt.want) {
				t.Errorf("outputs:\ngot  %q\nwant %q", ks, tt.want)
			}
		})
	}
}

// jsonlNames returns source.name of every line, failing on a line that does not parse.
func jsonlNames(t *testing.T, s string) []string {
	t.Helper()
	var names []string
	for i, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if l == "" {
			continue
		}
		var v struct {
			Source struct{ Name string }
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("line %d does not parse: %v: %q", i+1, err, l)
		}
		names = append(names, v.Source.Name)
	}
	return names
}

func TestBatchJSONL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	mkTree(t, in, crawl)
	single := writeFile(t, dir, "single.html", "s")
	walked := []string{"a/F.HTML", "a/b.html.gz", "a/c.htm", "a/d.xhtml", "a/e.txt", "a/noext", "deep/er/still.txt", "index.html"}
	var want []string
	want = append(want, single)
	for _, w := range walked {
		want = append(want, filepath.Join(in, filepath.FromSlash(w)))
	}

	t.Run("stdout in input order", func(t *testing.T) {
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-f", "jsonl", "-j", "3", single, in)
		if got.code != 0 {
			t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
		}
		if names := jsonlNames(t, got.stdout); !reflect.DeepEqual(names, want) {
			t.Errorf("names:\ngot  %q\nwant %q", names, want)
		}
		if !strings.HasPrefix(got.stderr, "artclean: 9 converted") {
			t.Errorf("stderr: got %q, want the summary (a directory was walked)", got.stderr)
		}
	})
	t.Run("one file", func(t *testing.T) {
		outFile := filepath.Join(dir, "out", "all.jsonl")
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-f", "jsonl", "-o", outFile, single, in)
		if got.code != 0 || got.stdout != "" {
			t.Fatalf("got exit %d, stdout %q (stderr %q); want 0 and nothing", got.code, got.stdout, got.stderr)
		}
		b, err := os.ReadFile(outFile)
		if err != nil {
			t.Fatal(err)
		}
		if names := jsonlNames(t, string(b)); !reflect.DeepEqual(names, want) {
			t.Errorf("names:\ngot  %q\nwant %q", names, want)
		}
		if ks := keys(readTree(t, filepath.Dir(outFile))); len(ks) != 1 {
			t.Errorf("got files %q, want all.jsonl alone", ks)
		}
	})
	t.Run("several inputs in another format need -o", func(t *testing.T) {
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-f", "json", single, in)
		if got.code != 2 || !strings.Contains(got.stderr, "need -f jsonl or -o DIR") {
			t.Errorf("got exit %d, stderr %q; want 2 and what to do", got.code, got.stderr)
		}
	})
}

// slowFake is fakeExtract with a delay that differs by input, so that workers finish out
// of order.
func slowFake() ExtractFunc {
	fake := fakeExtract(nil)
	return func(r io.Reader, opts extract.Options) (*extract.Article, error) {
		time.Sleep(time.Duration(len(opts.Name)%4) * time.Millisecond)
		return fake(r, opts)
	}
}

func TestBatchDeterministic(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("d%d/p%03d.html", i%5, i)] = fmt.Sprintf("<p>%d</p>", i)
	}
	files["d1/bad.html"] = "ERR binary"
	mkTree(t, in, files)

	var outs []map[string]string
	var streams, errs []string
	for _, j := range []string{"1", "4"} {
		out := filepath.Join(dir, "out"+j)
		got := runWith(t, &IOStreams{}, slowFake(), "-j", j, "-f", "json", "-o", out, in)
		if got.code != 1 {
			t.Fatalf("-j %s: exit got %d, want 1 (one bad input)", j, got.code)
		}
		outs = append(outs, readTree(t, out))
		errs = append(errs, got.stderr[:strings.LastIndex(got.stderr, " in ")])
		s := runWith(t, &IOStreams{}, slowFake(), "-j", j, "-f", "jsonl", in)
		streams = append(streams, s.stdout)
	}
	if !reflect.DeepEqual(outs[0], outs[1]) {
		t.Errorf("-j 1 and -j 4 wrote different trees: %q vs %q", keys(outs[0]), keys(outs[1]))
	}
	if len(outs[0]) != 60 {
		t.Errorf("got %d outputs, want 60", len(outs[0]))
	}
	if streams[0] != streams[1] || strings.Count(streams[0], "\n") != 60 {
		t.Errorf("-j 1 and -j 4 streamed different bytes (%d and %d lines)",
			strings.Count(streams[0], "\n"), strings.Count(streams[1], "\n"))
	}
	if errs[0] != errs[1] {
		t.Errorf("stderr differs:\n-j 1: %q\n-j 4: %q", errs[0], errs[1])
	}
}

func TestBatchProgress(t *testing.T) {
	defer func(e, o func(*IOStreams) bool) { stderrIsTerminal, stdoutIsTerminal = e, o }(stderrIsTerminal, stdoutIsTerminal)
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	mkTree(t, in, crawl)
	tests := []struct {
		name     string
		terminal bool // stderr
		stream   bool // -f jsonl to stdout, a terminal too
		args     []string
		wantBar  bool
		wantSum  bool
	}{
		{"terminal", true, false, nil, true, true},
		{"not a terminal", false, false, nil, false, true},
		{"quiet on a terminal", true, false, []string{"-q"}, false, false},
		{"streaming to the same terminal", true, true, nil, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stderrIsTerminal = func(*IOStreams) bool { return tt.terminal }
			stdoutIsTerminal = func(*IOStreams) bool { return tt.stream }
			args := append(tt.args, "-o", filepath.Join(t.TempDir(), "out"), in)
			if tt.stream {
				args = append(tt.args, "-f", "jsonl", in)
			}
			got := runWith(t, &IOStreams{}, fakeExtract(nil), args...)
			if got.code != 0 {
				t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
			}
			if hasBar := strings.Contains(got.stderr, "converting"); hasBar != tt.wantBar {
				t.Errorf("bar: got %v, want %v (stderr %q)", hasBar, tt.wantBar, got.stderr)
			}
			hasSum := strings.Contains(got.stderr, "artclean: 8 converted, 0 skipped, 0 failed in ")
			if hasSum != tt.wantSum {
				t.Errorf("summary: got %v, want %v (stderr %q)", hasSum, tt.wantSum, got.stderr)
			}
			if tt.wantSum && !strings.HasSuffix(got.stderr, "\n") {
				t.Errorf("stderr: got %q, want it to end with the summary line", got.stderr)
			}
		})
	}
}

func TestBatchIncremental(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "crawl"), filepath.Join(dir, "out")
	mkTree(t, in, map[string]string{"old.html": "o", "new.html": "n", "a/same.txt": "s"})
	long := time.Now().Add(-time.Hour)
	for _, f := range []string{"old.html", "new.html", "a/same.txt"} {
		os.Chtimes(filepath.Join(in, f), long, long)
	}
	fake := fakeExtract(nil)
	var calls atomic.Int32
	counting := func(r io.Reader, opts extract.Options) (*extract.Article, error) {
		calls.Add(1)
		return fake(r, opts)
	}
	steps := []struct {
		name      string
		stale     string // an output made older than its input first
		add       string // an input added first
		args      []string
		wantCalls int32
		wantSum   string
	}{
		{"first run converts all", "", "", nil, 3, "3 converted, 0 skipped, 0 failed"},
		{"rerun skips all", "", "", nil, 0, "0 converted, 3 skipped, 0 failed"},
		{"an input newer than its output is redone", "new.md", "", nil, 1, "1 converted, 2 skipped, 0 failed"},
		{"a grown crawl converts the new page", "", "added.html", nil, 1, "1 converted, 3 skipped, 0 failed"},
		{"--force redoes all", "", "", []string{"--force"}, 4, "4 converted, 0 skipped, 0 failed"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.stale != "" {
				older := long.Add(-time.Hour)
				os.Chtimes(filepath.Join(out, st.stale), older, older)
			}
			if st.add != "" {
				mkTree(t, in, map[string]string{st.add: "added"})
			}
			calls.Store(0)
			got := runWith(t, &IOStreams{}, counting, append(st.args, "-o", out, in)...)
			if got.code != 0 {
				t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
			}
			if calls.Load() != st.wantCalls {
				t.Errorf("extractions: got %d, want %d", calls.Load(), st.wantCalls)
			}
			if !strings.Contains(got.stderr, st.wantSum) {
				t.Errorf("summary: got %q, want %q", got.stderr, st.wantSum)
			}
		})
	}
}

func TestBatchFailures(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "crawl"), filepath.Join(dir, "out")
	mkTree(t, in, map[string]string{"a.html": "a", "b.html": "ERR binary", "c.html": "", "d.html": "d", "dup.htm": "x", "dup.html": "y"})
	errFile := filepath.Join(dir, "errors.jsonl")
	got := runWith(t, &IOStreams{}, fakeExtract(nil), "-j", "2", "--errors", errFile, "-o", out, in)
	if got.code != 1 {
		t.Fatalf("exit: got %d, want 1", got.code)
	}
	wantLines := []string{
		"artclean: " + filepath.Join(in, "b.html") + ": input is binary",
		"artclean: " + filepath.Join(in, "c.html") + ": input is empty",
		"artclean: " + filepath.Join(in, "dup.html") + ": its output " + filepath.Join(out, "dup.md") + " is already " + filepath.Join(in, "dup.htm") + "'s",
		"artclean: 3 converted, 0 skipped, 3 failed in ",
	}
	checkStderrLines(t, got.stderr, wantLines)
	if ks, want := keys(readTree(t, out)), []string{"a.md", "d.md", "dup.md"}; !reflect.DeepEqual(ks, want) {
		t.Errorf("outputs: got %q, want %q (a failed input leaves none)", ks, want)
	}
	b, err := os.ReadFile(errFile)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var rec struct{ Name, Error, Hint string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil || rec.Error == "" {
			t.Errorf("--errors line %q: want JSON with name and error (%v)", l, err)
		}
		names = append(names, filepath.Base(rec.Name))
	}
	if want := []string{"b.html", "c.html", "dup.html"}; !reflect.DeepEqual(names, want) {
		t.Errorf("--errors names: got %q, want %q", names, want)
	}

	t.Run("quiet", func(t *testing.T) {
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-q", "--force", "-o", out, in)
		if got.code != 1 || got.stderr != "" {
			t.Errorf("got exit %d, stderr %q; want 1 and nothing", got.code, got.stderr)
		}
	})
}

// A page without article text is converted, not failed: its output holds the metadata,
// a warning names it, the summary counts it, and the exit code is 0.
func TestBatchNoArticle(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "crawl"), filepath.Join(dir, "out")
	mkTree(t, in, map[string]string{"a.html": "a", "b.html": "ERR none", "c.html": "c"})
	errFile := filepath.Join(dir, "errors.jsonl")
	got := runWith(t, &IOStreams{}, fakeExtract(nil), "-j", "2", "--errors", errFile, "-o", out, in)
	if got.code != 0 {
		t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
	}
	wantLines := []string{
		"artclean: " + filepath.Join(in, "b.html") + ": no article text found; wrote the page's metadata only (try --favor recall, or --input html|text)",
		"artclean: 3 converted (1 without article text), 0 skipped, 0 failed in ",
	}
	checkStderrLines(t, got.stderr, wantLines)
	tree := readTree(t, out)
	if ks, want := keys(tree), []string{"a.md", "b.md", "c.md"}; !reflect.DeepEqual(ks, want) {
		t.Errorf("outputs: got %q, want %q", ks, want)
	}
	if want := "---\ntitle: \"빈 면\"\n---\n\n# 빈 면\n"; tree["b.md"] != want {
		t.Errorf("b.md: got %q, want %q", tree["b.md"], want)
	}
	if b, err := os.ReadFile(errFile); err != nil || len(b) != 0 {
		t.Errorf("--errors: got %q (%v), want an empty file", b, err)
	}

	t.Run("jsonl", func(t *testing.T) {
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-f", "jsonl", "-o", filepath.Join(dir, "all.jsonl"), in)
		if got.code != 0 || !strings.Contains(got.stderr, "3 converted (1 without article text), 0 skipped, 0 failed") {
			t.Errorf("got exit %d, stderr %q; want 0 and the count", got.code, got.stderr)
		}
		b, err := os.ReadFile(filepath.Join(dir, "all.jsonl"))
		if err != nil || strings.Count(string(b), "\n") != 3 || !strings.Contains(string(b), `"title":"빈 면"`) {
			t.Errorf("all.jsonl: got %q (%v), want 3 lines, one of them the page without article", b, err)
		}
	})
	t.Run("quiet", func(t *testing.T) {
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-q", "--force", "-o", out, in)
		if got.code != 0 || got.stderr != "" {
			t.Errorf("got exit %d, stderr %q; want 0 and nothing", got.code, got.stderr)
		}
	})
}

func TestBatchRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	mkTree(t, in, crawl)
	existing := writeFile(t, dir, "file.md", "x")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"output is the input", []string{"-o", in, in}, 2, "is the input directory"},
		{"output is the input, spelled otherwise", []string{"-o", in + "/a/..", in}, 2, "is the input directory"},
		{"text outputs inside the input would be walked", []string{"-f", "text", "-o", filepath.Join(in, "out"), in}, 2,
			"--exclude 'out'"},
		{"excluded outputs inside the input", []string{"-f", "text", "--exclude", "out", "-o", filepath.Join(in, "out"), in}, 0, ""},
		{"hidden outputs inside the input", []string{"-f", "text", "-o", filepath.Join(in, ".out"), in}, 0, ""},
		{"md outputs inside the input are not walked", []string{"-o", filepath.Join(in, "md"), in}, 0, ""},
		{"jsonl file inside the input", []string{"-f", "jsonl", "-o", filepath.Join(in, "all.jsonl"), in}, 0, ""},
		{"jsonl file included by --include", []string{"-f", "jsonl", "--include", "*.jsonl", "-o", filepath.Join(in, "all.jsonl"), in}, 2,
			"inside the input directory"},
		{"jsonl into a directory", []string{"-f", "jsonl", "-o", dir, in}, 2, "give -o FILE.jsonl"},
		{"a .jsonl output without -f jsonl", []string{"-o", filepath.Join(dir, "x.jsonl"), in}, 2, "add -f jsonl"},
		{"a file as the output directory", []string{"-o", existing, in}, 2, "is a file"},
		{"no workers", []string{"-j", "0", "-o", filepath.Join(dir, "o"), in}, 2, "at least 1"},
		{"bad glob", []string{"--include", "[", "-o", filepath.Join(dir, "o"), in}, 2, "not a valid glob"},
		{"stdin with -o", []string{"-o", filepath.Join(dir, "o"), "-"}, 2, "stdin"},
		{"url with a directory", []string{"--url", "https://x/", "-o", filepath.Join(dir, "o"), in}, 2, "--url"},
		{"--explain in a batch", []string{"--explain", "-o", filepath.Join(dir, "o"), in}, 2, "--explain shows one page"},
		{"-o without inputs", []string{"-o", filepath.Join(dir, "o")}, 2, "needs INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runWith(t, &IOStreams{}, fakeExtract(nil), tt.args...)
			if got.code != tt.wantCode || !strings.Contains(got.stderr, tt.wantErr) {
				t.Errorf("got exit %d, stderr %q; want %d and %q", got.code, got.stderr, tt.wantCode, tt.wantErr)
			}
		})
	}

	t.Run("outputs inside the input are not read back", func(t *testing.T) {
		in := filepath.Join(t.TempDir(), "crawl")
		mkTree(t, in, crawl)
		out := filepath.Join(in, "md")
		if got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in); got.code != 0 {
			t.Fatalf("first run: got exit %d, stderr %q", got.code, got.stderr)
		}
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in)
		if got.code != 0 || !strings.Contains(got.stderr, "0 converted, 8 skipped, 0 failed") {
			t.Errorf("got exit %d, stderr %q; want 0 and the 8 pages skipped", got.code, got.stderr)
		}
	})
}

func TestBatchSymlinks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	mkTree(t, in, map[string]string{"a/page.html": "p", "target.html": "t"})
	for _, l := range []struct{ target, link string }{
		{in, filepath.Join(in, "a", "loop")},                     // a link back up: a loop if followed
		{filepath.Join(in, "a"), filepath.Join(in, "a", "self")}, // a link to its own directory
		{filepath.Join(in, "target.html"), filepath.Join(in, "a", "linked.html")},
	} {
		if err := os.Symlink(l.target, l.link); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}

	t.Run("directory links are not followed", func(t *testing.T) {
		out := filepath.Join(dir, "out")
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in)
		if got.code != 0 {
			t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
		}
		if ks, want := keys(readTree(t, out)), []string{"a/linked.md", "a/page.md", "target.md"}; !reflect.DeepEqual(ks, want) {
			t.Errorf("outputs: got %q, want %q", ks, want)
		}
	})

	t.Run("a link in the output directory is not written through", func(t *testing.T) {
		out, outside := filepath.Join(dir, "out2"), filepath.Join(dir, "outside")
		os.MkdirAll(out, 0o755)
		os.MkdirAll(outside, 0o755)
		if err := os.Symlink(outside, filepath.Join(out, "a")); err != nil {
			t.Fatal(err)
		}
		got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in)
		if got.code != 1 || !strings.Contains(got.stderr, "a/page.html: cannot write") {
			t.Errorf("got exit %d, stderr %q; want 1 and a/page.html refused", got.code, got.stderr)
		}
		if ks := keys(readTree(t, outside)); len(ks) != 0 {
			t.Errorf("written outside -o: %q", ks)
		}
	})
}

func TestBatchLeftoversRemoved(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "crawl"), filepath.Join(dir, "out")
	mkTree(t, in, map[string]string{"a.html": "a"})
	mkTree(t, out, map[string]string{
		".a.md.tmp-123":       "half",
		"x/.b.md.tmp-4567":    "half",
		".keep.tmp-notdigits": "not ours",
		"keep.md":             "someone's",
	})
	got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in)
	if got.code != 0 {
		t.Fatalf("exit: got %d, want 0 (stderr %q)", got.code, got.stderr)
	}
	if ks, want := keys(readTree(t, out)), []string{".keep.tmp-notdigits", "a.md", "keep.md"}; !reflect.DeepEqual(ks, want) {
		t.Errorf("files: got %q, want %q", ks, want)
	}
}

// killedTree is the input of the killed-run tests and what a whole run writes from it.
func killedTree(t *testing.T, dir string) (in string, want map[string]string) {
	in = filepath.Join(dir, "crawl")
	files := map[string]string{}
	want = map[string]string{}
	for i := range 12 {
		files[fmt.Sprintf("s%d/p%02d.html", i%3, i)] = fmt.Sprintf("<p>%d</p>", i)
		want[fmt.Sprintf("s%d/p%02d.md", i%3, i)] = fakeMD
	}
	mkTree(t, in, files)
	return in, want
}

func checkWhole(t *testing.T, out string, want map[string]string) {
	t.Helper()
	if got := readTree(t, out); !reflect.DeepEqual(got, want) {
		t.Errorf("after the rerun:\ngot  %q\nwant %q", keys(got), keys(want))
	}
}

func TestBatchKilledBeforeRename(t *testing.T) {
	defer func() { afterTempWrite = nil }()
	dir := t.TempDir()
	in, want := killedTree(t, dir)
	out := filepath.Join(dir, "out")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var writes atomic.Int32
	var left string
	afterTempWrite = func(tmp string) bool {
		if writes.Add(1) == 4 {
			left = tmp
			cancel()
			return false // dies here: the temporary file stays, the output is not there
		}
		return true
	}
	got := runCtx(ctx, fakeExtract(nil), "-j", "1", "-o", out, in)
	if got.code != exitInterrupted {
		t.Fatalf("exit: got %d, want %d (stderr %q)", got.code, exitInterrupted, got.stderr)
	}
	if _, err := os.Stat(left); err != nil {
		t.Fatalf("the killed write left no temporary file: %v", err)
	}
	for rel, content := range readTree(t, out) {
		if !isTempName(filepath.Base(rel)) && content != fakeMD {
			t.Errorf("%s: got %q, want a whole output", rel, content)
		}
	}

	afterTempWrite = nil
	got = runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in)
	if got.code != 0 || !strings.Contains(got.stderr, "skipped") {
		t.Fatalf("rerun: got exit %d, stderr %q; want 0", got.code, got.stderr)
	}
	checkWhole(t, out, want)
}

// TestBatchChild is the child process of TestBatchKilled: it runs a batch whose fourth
// write hangs between the temporary file and the rename, until the parent kills it.
func TestBatchChild(t *testing.T) {
	if os.Getenv("ARTCLEAN_BATCH_CHILD") == "" {
		t.Skip("run by TestBatchKilled")
	}
	var writes atomic.Int32
	afterTempWrite = func(tmp string) bool {
		if writes.Add(1) >= 4 {
			time.Sleep(time.Hour)
		}
		return true
	}
	args := strings.Split(os.Getenv("ARTCLEAN_BATCH_CHILD"), "\x1f")
	os.Exit(run(context.Background(), args, &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}, fakeExtract(nil)))
}

func TestBatchKilled(t *testing.T) {
	dir := t.TempDir()
	in, want := killedTree(t, dir)
	out := filepath.Join(dir, "out")

	cmd := exec.Command(os.Args[0], "-test.run=^TestBatchChild$")
	cmd.Env = append(os.Environ(), "ARTCLEAN_BATCH_CHILD="+strings.Join([]string{"-j", "2", "-o", out, in}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		temps := 0
		for rel := range readTreeQuiet(out) {
			if isTempName(filepath.Base(rel)) {
				temps++
			}
		}
		if temps > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child wrote no temporary file in 10s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill() // SIGKILL: no cleanup runs
	cmd.Wait()

	got := runWith(t, &IOStreams{}, fakeExtract(nil), "-o", out, in)
	if got.code != 0 {
		t.Fatalf("rerun: got exit %d, stderr %q; want 0", got.code, got.stderr)
	}
	checkWhole(t, out, want)
}

// readTreeQuiet is readTree for a tree that may not exist yet or may be changing.
func readTreeQuiet(root string) map[string]bool {
	got := map[string]bool{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got[p] = true
		}
		return nil
	})
	return got
}

func TestBatchInterrupted(t *testing.T) {
	for _, mode := range []string{"dir", "stdout", "file"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			in, _ := killedTree(t, dir)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			fake := fakeExtract(nil)
			var calls atomic.Int32
			interrupting := func(r io.Reader, opts extract.Options) (*extract.Article, error) {
				if calls.Add(1) == 3 {
					cancel() // Ctrl-C while this one and its neighbour are in flight
				}
				time.Sleep(2 * time.Millisecond)
				return fake(r, opts)
			}
			args := []string{"-j", "2", in}
			out := filepath.Join(dir, "out")
			switch mode {
			case "dir":
				args = append(args, "-o", out)
			case "stdout":
				args = append(args, "-f", "jsonl")
			case "file":
				out = filepath.Join(out, "all.jsonl")
				args = append(args, "-f", "jsonl", "-o", out)
			}
			got := runCtx(ctx, interrupting, args...)
			if got.code != exitInterrupted {
				t.Fatalf("exit: got %d, want %d (stderr %q)", got.code, exitInterrupted, got.stderr)
			}
			done := int(calls.Load())
			if done < 3 || done >= 12 {
				t.Errorf("extractions: got %d, want the in-flight ones finished and no new ones", done)
			}
			if !strings.Contains(got.stderr, fmt.Sprintf("artclean: %d converted, 0 skipped, 0 failed, %d not started in ", done, 12-done)) ||
				!strings.HasSuffix(got.stderr, "artclean: interrupted\n") {
				t.Errorf("stderr: got %q, want the summary and \"interrupted\"", got.stderr)
			}
			switch mode {
			case "dir":
				tree := readTree(t, out)
				if len(tree) != done {
					t.Errorf("outputs: got %d, want %d", len(tree), done)
				}
				for rel, c := range tree {
					if c != fakeMD {
						t.Errorf("%s: got %q, want a whole output", rel, c)
					}
				}
			case "stdout":
				if n := len(jsonlNames(t, got.stdout)); n != done {
					t.Errorf("lines: got %d, want %d", n, done)
				}
			case "file":
				if ks := keys(readTree(t, filepath.Dir(out))); len(ks) != 0 {
					t.Errorf("got files %q, want none: an interrupted jsonl file is not put in place", ks)
				}
			}
		})
	}
}

// TestBatchRealExtract goes through extract.Extract on small text pages.
func TestBatchRealExtract(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "notes")
	mkTree(t, in, map[string]string{
		"2025/tides.txt": "Tides at the harbour mouth\n\n" +
			"The harbour master posted the new tide table on Monday, and the fishing boats changed their hours to match the early ebb.\n\n" +
			"By Thursday the ferry had moved its first crossing back by forty minutes so that it would not ground on the bar.\n",
		"2025/orchard.txt": "Orchard volunteers finish the pruning\n\n" +
			"Twenty volunteers spent the weekend pruning the old apple trees behind the school, cutting out the dead wood before spring.\n\n" +
			"The cuttings were stacked for the bonfire night, and the school will sell the first juice at the autumn fair.\n",
		"2025/empty.txt": "",
	})
	for _, j := range []string{"1", "2"} {
		t.Run("-j "+j, func(t *testing.T) {
			out := filepath.Join(dir, "out"+j)
			got := runWith(t, &IOStreams{}, extract.Extract, "-j", j, "-f", "json", "-o", out, in)
			if got.code != 1 || !strings.Contains(got.stderr, filepath.Join(in, "2025/empty.txt")+": input is empty") {
				t.Fatalf("got exit %d, stderr %q; want 1 and the empty page named", got.code, got.stderr)
			}
			tree := readTree(t, out)
			if ks, want := keys(tree), []string{"2025/orchard.json", "2025/tides.json"}; !reflect.DeepEqual(ks, want) {
				t.Fatalf("outputs: got %q, want %q", ks, want)
			}
			var a struct {
				Text   string
				Source struct{ Name string }
			}
			if err := json.Unmarshal([]byte(tree["2025/tides.json"]), &a); err != nil {
				t.Fatal(err)
			}
			// The article itself is the extractor's business; the batch's is that it is this page's.
			if !strings.Contains(a.Text, "ferry") || a.Source.Name != filepath.Join(in, "2025/tides.txt") {
				t.Errorf("tides.json: got name %q, text %q", a.Source.Name, a.Text)
			}
		})
	}
	t.Run("stream", func(t *testing.T) {
		got := runWith(t, &IOStreams{}, extract.Extract, "-f", "jsonl", in)
		names := jsonlNames(t, got.stdout)
		want := []string{filepath.Join(in, "2025/orchard.txt"), filepath.Join(in, "2025/tides.txt")}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("names: got %q, want %q", names, want)
		}
	})
}

func TestTuneGCRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	oldPct := debug.SetGCPercent(123)
	oldLim := debug.SetMemoryLimit(1 << 40)
	defer debug.SetGCPercent(oldPct)
	defer debug.SetMemoryLimit(oldLim)

	restore := tuneGC(2)
	if got := debug.SetGCPercent(-1); got != batchGCPercent {
		t.Errorf("GC percent in a batch: got %d, want %d", got, batchGCPercent)
	}
	debug.SetGCPercent(batchGCPercent)
	if got, want := debug.SetMemoryLimit(-1), int64(batchMemLimitBase+2*batchMemLimitPerJob); got != want {
		t.Errorf("memory limit in a batch: got %d, want %d", got, want)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != 123 {
		t.Errorf("GC percent after: got %d, want 123", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit after: got %d, want %d", got, int64(1<<40))
	}
}

// checkStderrLines checks that stderr has as many lines as want, each starting with its
// want line.
func checkStderrLines(t *testing.T, stderr string, want []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("stderr: got %d lines, want %d: %q", len(lines), len(want), stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d: got %q, want it to start with %q", i+1, lines[i], w)
		}
	}
}
