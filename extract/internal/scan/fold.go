package scan

import "strings"

// HasPrefixFold reports whether s starts with prefix, a lower-case ASCII string, with
// s's ASCII letters lower-cased.
func HasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// IndexFold is strings.Index(lower(s), needle) for a lower-case ASCII needle that starts
// with a non-letter, where lower lower-cases ASCII letters only.
func IndexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := strings.IndexByte(s[i:], needle[0])
		if j < 0 {
			return -1
		}
		i += j
		if HasPrefixFold(s[i:], needle) {
			return i
		}
	}
	return -1
}
