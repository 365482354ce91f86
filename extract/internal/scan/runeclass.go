package scan

import "unicode/utf8"

// A RuneClasser classes the runes of a text rune by rune, as a range over the string
// reads them (a bad byte is one U+FFFD): an ASCII rune off a table made once from class,
// any other by class itself.
type RuneClasser struct {
	ASCII [utf8.RuneSelf]uint8 // the classes of the ASCII runes
	class func(rune) uint8
}

func NewRuneClasser(class func(rune) uint8) *RuneClasser {
	c := &RuneClasser{class: class}
	for r := range rune(utf8.RuneSelf) {
		c.ASCII[r] = class(r)
	}
	return c
}

// Beyond returns the class of the rune beyond ASCII that starts at s[i] and the index
// after it. (The callers read an ASCII rune's class off ASCII themselves: a call per
// byte would cost more than the table.)
func (c *RuneClasser) Beyond(s string, i int) (uint8, int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	return c.class(r), i + n
}
