package extract

// Temporary stubs; replaced by text.go, features.go, classify.go, assemble.go.

func SegmentText(s string) *Document                { return &Document{Kind: KindText} }
func Features(doc *Document)                        {}
func Classify(doc *Document, opts Options)          {}
func Assemble(doc *Document, opts Options) *Article { return &Article{Source: doc.Source} }
