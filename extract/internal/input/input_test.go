package input

import (
	"fmt"
	"math/rand"
	randv2 "math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanRef is Clean as a plain loop over the runes: each bad byte becomes U+FFFD, NUL
// bytes go, and so does a leading byte order mark.
func cleanRef(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == 0:
		case size == 1 && r == utf8.RuneError:
			b.WriteString("\uFFFD")
		default:
			b.WriteString(text[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Clean copies runs of good bytes whole, and cleanValid trusts the text to be valid
// UTF-8: both answer as the plain loop does.
func TestCleanAgrees(t *testing.T) {
	pieces := []string{"a", "Ab c", "a longer piece of ASCII text, so that long runs of good bytes occur", "\x00", "\xff", "\xc3", "é", "한글", "\uFEFF", "\xe5\xb0", "\xed\xa0\x80", "\U0001F600", " \x00\x00 ", "\xf0\x9f"}
	rng := rand.New(rand.NewSource(37))
	for range 5000 {
		var b strings.Builder
		n := rng.Intn(8)
		if rng.Intn(4) == 0 {
			n = rng.Intn(400) // longer than the stretches repair checks at a time
		}
		for range n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		want := cleanRef(s)
		if got := Clean(s); got != want {
			t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
		}
		if utf8.ValidString(s) {
			if got := cleanValid(s); got != want {
				t.Fatalf("cleanValid(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func TestUnescapeJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `plain`},
		{`a\"b\\c\/d`, `a"b\c/d`},
		{`line\nbreak\r\ntab\tform\fback\bspace`, "line\nbreak\r\ntab\tform\fbackspace"},
		{`caf\u00e9 \u00E9`, "café é"},
		{`\u003cp\u003e`, "<p>"},
		{`\ud83d\ude00 smile`, "\U0001F600 smile"},
		{`lone \ud83d here`, "lone \uFFFD here"},
		{`lone \ude00`, "lone \uFFFD"},
		{`high then other \ud83d\u0041`, "high then other \uFFFDA"},
		{`nul\u0000gone`, "nulgone"},
		{`bad \u12 hex`, `bad \u12 hex`},
		{`unknown \q and \é kept`, `unknown \q and \é kept`},
		{`trailing \`, `trailing \`},
		{`안녕\n하세요`, "안녕\n하세요"},
	}
	for _, tt := range tests {
		if got := unescapeJSON(tt.in); got != tt.want {
			t.Errorf("unescapeJSON(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// binaryContentRef is binaryContent as it was written, a range over the runes.
func binaryContentRef(text string) string {
	s := text[:min(len(text), 8192)]
	runes, nul, ctl := 0, 0, 0
	for _, r := range s {
		runes++
		switch {
		case r == 0:
			nul++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b,
			r >= 0x7f && r <= 0x9f:
			ctl++
		}
	}
	if bad := nul + ctl; bad < 2 || bad*100 <= runes*2 {
		return ""
	}
	return fmt.Sprint(runes, nul, ctl) // (the message is made from these alone)
}

// binaryContent's table for ASCII runes counts as the range over the runes did, and
// sniffUTF16's shortcut for data without a NUL byte answers as the count does.
func TestReadSniffAgrees(t *testing.T) {
	rng := randv2.New(randv2.NewPCG(9, 9))
	pieces := []string{"a", "text ", "\x00", "\x01", "\x1b", "\t\n", "\x7f", "\u0085", "\u009f", "\u00a0", "한",
		"\xff", "\xc2", "\xe2\x82", "\x00a", "a\x00", "plain words of text ", "~~~~~~~~~~"}
	flagged := 0
	for range 3000 {
		var b strings.Builder
		n := rng.IntN(40)
		if rng.IntN(10) == 0 {
			n = 3000 // past the window, a rune cut at its edge
		}
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, want := binaryContent(s) != "", binaryContentRef(s) != ""
		if got != want {
			t.Errorf("binaryContent(%q) flags %v, want %v", s, got, want)
		}
		if want {
			flagged++
			if g := binaryContent(s); !strings.Contains(g, fmt.Sprintf("%d characters", len([]rune(s[:min(len(s), 8192)])))) {
				t.Errorf("binaryContent(%q) = %q: wrong rune count", s, g)
			}
		}
		got16, want16 := sniffUTF16([]byte(s)), sniffUTF16Ref([]byte(s))
		if got16 != want16 {
			t.Errorf("sniffUTF16(%q) = %q, want %q", s, got16, want16)
		}
	}
	if flagged < 100 {
		t.Errorf("only %d texts flagged as binary", flagged)
	}
}

// sniffUTF16Ref is sniffUTF16 without its shortcut.
func sniffUTF16Ref(data []byte) string {
	n := min(len(data), 8192) &^ 1
	pairs := n / 2
	if pairs < 4 {
		return ""
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*3 && even*10 <= odd:
		return "utf-16le"
	case even*10 >= pairs*3 && odd*10 <= even:
		return "utf-16be"
	}
	return ""
}
