package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/artclean/artclean/extract"
)

// TestJobsDeterministic converts every golden input with the real extractor at -j 1 and
// -j 4, to a tree and to one JSON Lines stream: the bytes must be the same.
func TestJobsDeterministic(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cases", "*", "input.*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	in := t.TempDir()
	for _, c := range cases {
		b, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(c)) + "-" + filepath.Base(c)
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	trees := map[string]map[string]string{}
	streams := map[string]string{}
	for _, j := range []string{"1", "4"} {
		out := filepath.Join(t.TempDir(), "out")
		r := runWith(t, &IOStreams{}, extract.Extract, "-q", "-j", j, "-f", "json", "-o", out, in)
		if r.code != 0 {
			t.Fatalf("-j %s to a tree: exit %d, stderr %q", j, r.code, r.stderr)
		}
		trees[j] = readTree(t, out)
		s := runWith(t, &IOStreams{}, extract.Extract, "-q", "-j", j, "-f", "jsonl", in)
		if s.code != 0 {
			t.Fatalf("-j %s to stdout: exit %d, stderr %q", j, s.code, s.stderr)
		}
		streams[j] = s.stdout
	}
	if len(trees["1"]) != len(cases) {
		t.Errorf("-j 1 wrote %d outputs, want %d", len(trees["1"]), len(cases))
	}
	for name, want := range trees["1"] {
		if got := trees["4"][name]; got != want {
			t.Errorf("%s: -j 4 output differs from -j 1", name)
		}
	}
	if streams["1"] != streams["4"] {
		t.Errorf("jsonl stream: -j 4 differs from -j 1")
	}
}
