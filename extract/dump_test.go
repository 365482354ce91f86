package extract

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// TestDumpBlocks prints the blocks and metadata of the pages named in ARTCLEAN_DUMP
// (colon-separated paths, .gz allowed). A debugging aid, skipped when the variable is unset.
func TestDumpBlocks(t *testing.T) {
	paths := os.Getenv("ARTCLEAN_DUMP")
	if paths == "" {
		t.Skip("set ARTCLEAN_DUMP=page.html[:page2.html.gz] to dump blocks")
	}
	for _, p := range strings.Split(paths, ":") {
		s, err := readMaybeGz(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := SegmentHTML(s, Options{})
		fmt.Printf("=== %s\n", p)
		m := doc.Meta
		fmt.Printf("title=%q\npagetitle=%q\nsubtitles=%q\nauthors=%q\npublished=%q modified=%q\nsite=%q url=%q lang=%q hangul=%v\ndesc=%q\nimages=%v\nbody=%d bytes: %.200q\n",
			m.Title, m.PageTitle, m.Subtitles, m.Authors, m.Published, m.Modified, m.Site, m.URL, m.Lang, doc.Hangul, m.Desc, m.Images, len(m.Body), m.Body)
		for _, b := range doc.Blocks {
			flags := ""
			if b.InArticle {
				flags += "A"
			}
			if b.Hidden {
				flags += "H"
			}
			img := ""
			if b.Image != nil {
				img = fmt.Sprintf(" img=%q cap=%q", b.Image.Src, b.Image.Caption)
			}
			fmt.Printf("%3d k%d l%d %-2s %-10s link=%d/%d neg=%q path=%s hints=%.80q%s\n     %.300q\n",
				b.Index, b.Kind, b.Level, flags, b.Tag, b.LinkRunes, b.Links, negativeHint(b.Hints), b.Path, b.Hints, img, b.Text)
		}
	}
}

func readMaybeGz(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(p, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return "", err
		}
		r = z
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

// TestTallyMeta compares Meta titles and dates with the eval sets' truth (set
// ARTCLEAN_TALLY=/path/to/eval/sets). A debugging aid, skipped by default.
func TestTallyMeta(t *testing.T) {
	root := os.Getenv("ARTCLEAN_TALLY")
	if root == "" {
		t.Skip("set ARTCLEAN_TALLY=eval/sets dir")
	}
	verbose := os.Getenv("ARTCLEAN_TALLY_V") != ""
	for _, set := range []string{"korean-dev", "scrapinghub-dev", "fundus-dev"} {
		raw, err := os.ReadFile(root + "/" + set + "/truth.json")
		if err != nil {
			t.Fatal(err)
		}
		var truth map[string]map[string]any
		if err := json.Unmarshal(raw, &truth); err != nil {
			t.Fatal(err)
		}
		nt, mt, nd, md, nb := 0, 0, 0, 0, 0
		for id, tr := range truth {
			p := root + "/" + set + "/inputs/" + id + ".html"
			if _, err := os.Stat(p); err != nil {
				p += ".gz"
			}
			s, err := readMaybeGz(p)
			if err != nil {
				t.Fatal(err)
			}
			u, _ := tr["url"].(string)
			doc := SegmentHTML(s, Options{URL: u})
			if doc.Meta.Body != "" {
				nb++
			}
			if tt, _ := tr["title"].(string); tt != "" {
				nt++
				if strings.Join(strings.Fields(tt), " ") == doc.Meta.Title {
					mt++
				} else if verbose {
					fmt.Printf("%s %s TITLE got %q want %q\n", set, id, doc.Meta.Title, tt)
				}
			}
			if tp, _ := tr["published"].(string); tp != "" {
				nd++
				if !strings.ContainsAny(tp[min(len(tp), 16):], "Z+-") {
					tp += "+09:00" // korean-dev truth without offset is KST
				}
				if sameInstant(doc.Meta.Published, tp) {
					md++
				} else if verbose {
					fmt.Printf("%s %s DATE got %q want %q\n", set, id, doc.Meta.Published, tp)
				}
			}
		}
		fmt.Printf("%s: titles %d/%d, published %d/%d, data bodies %d/%d\n", set, mt, nt, md, nd, nb, len(truth))
	}
}

func sameInstant(got, want string) bool {
	parse := func(s string) (time.Time, bool) {
		for _, l := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
			if t, err := time.Parse(l, s); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	}
	g, ok1 := parse(got)
	w, ok2 := parse(want)
	if !ok1 || !ok2 {
		return false
	}
	if len(want) <= len("2006-01-02T15:04+00:00") && strings.Count(want, ":") <= 2 {
		g = g.Truncate(time.Minute)
	}
	return g.Equal(w)
}
