package extract

import (
	"bytes"
	"testing"
)

// BenchmarkContextFree times the context-free pass alone (every rule, then the quality
// test) over the blocks of the eval pages, segmented once beforehand; bytes are the
// blocks' text.
func BenchmarkContextFree(b *testing.B) {
	for _, set := range []struct{ name, dir string }{{"html", "scrapinghub-dev"}, {"text", "scrapinghub-dev-text"}, {"wcxb", "wcxb-dev"}} {
		b.Run(set.name, func(b *testing.B) {
			c, ok := evalCorpus(b, set.dir)
			if !ok {
				b.Skipf("../shared/eval/sets/%s/inputs is not there", set.dir)
			}
			var blocks []*Block
			n := 0
			for _, p := range c.pages {
				text, _, err := Read(bytes.NewReader(p.data), Options{})
				if err != nil {
					continue
				}
				var doc *Document
				if set.name != "text" {
					doc = SegmentHTML(text, Options{})
				} else {
					doc = segmentText(text)
				}
				features(doc)
				for _, bl := range doc.Blocks {
					blocks = append(blocks, bl)
					n += len(bl.Text)
				}
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, bl := range blocks {
					contextFree(bl, nil, "")
				}
			}
		})
	}
}
