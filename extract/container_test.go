package extract

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// containerBox sums the tree in one walk; it must find the element the sums over each
// block's ancestors find.
func TestContainerBoxAgrees(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "cases", "*", "input.html"))
	if len(files) == 0 {
		t.Skip("no golden HTML inputs")
	}
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f)), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := SegmentHTML(string(data), Options{})
			Features(doc)
			Classify(doc, Options{})
			ownAll, ownGood := map[*html.Node]float64{}, map[*html.Node]float64{}
			total := 0.0
			var some *html.Node
			for _, b := range doc.Blocks {
				if b.Node == nil {
					continue
				}
				if b.Class == ClassGood && !isMetaRole(b) {
					total += b.Weighted
					ownGood[b.Node] += b.Weighted
				}
				ownAll[b.Node] += b.Weighted
				some = b.Node
			}
			if some == nil || total == 0 {
				t.Skip("no good blocks")
			}
			got, ok := containerBox(some, ownAll, ownGood, total)
			if !ok {
				t.Fatalf("containerBox did not reach every block's element")
			}
			if want := containerBoxByAncestors(doc.Blocks, total); got != want {
				t.Errorf("containerBox = %v, want %v", nodeName(got), nodeName(want))
			}
		})
	}
}

func nodeName(n *html.Node) string {
	if n == nil {
		return "<nil>"
	}
	return n.Data
}
