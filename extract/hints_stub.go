package extract

// temporary until hints.go lands
func negativeHint(hints string) string { return "" }
func positiveHint(hints string) bool   { return false }
