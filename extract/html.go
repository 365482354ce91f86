package extract

// SegmentHTML cuts an HTML page into blocks and reads its declared metadata. (stub)
func SegmentHTML(s string, opts Options) *Document {
	return &Document{Kind: KindHTML}
}
