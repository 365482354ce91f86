package scan

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// lowerASCII lower-cases the ASCII letters of s only.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// randomText glues pieces that fold differently: ASCII in both cases, non-ASCII letters
// whose Unicode folding meets ASCII (K, ſ), control and high bytes.
func randomText(rng *rand.Rand) string {
	pieces := []string{"a", "A", "<", "</", "script", "SCRIPT", "Style", "k", "\u212a", "\u017f", "é", "\x00", "\x1f", "\x7f", "\xff", " ", "\t", "한"}
	var b strings.Builder
	for range rng.IntN(24) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func TestFoldAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	needles := []string{"</script", "</style", "<s", "</", "<"}
	for range 20000 {
		s := randomText(rng)
		for _, n := range needles {
			if got, want := IndexFold(s, n), strings.Index(lowerASCII(s), n); got != want {
				t.Fatalf("IndexFold(%q, %q) = %d, want %d", s, n, got, want)
			}
			p := n[1:]
			if got, want := HasPrefixFold(s, p), strings.HasPrefix(lowerASCII(s), p); got != want {
				t.Fatalf("HasPrefixFold(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
}

func TestWordAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		var b [8]byte
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(0x20))
			case 1:
				b[i] = 0
			default:
				b[i] = byte(0x20 + rng.IntN(0x60))
			}
		}
		s := string(b[:])
		x := Word8(s, 0)
		zero, below := false, false
		for i, c := range b {
			if byte(x>>(8*i)) != c {
				t.Fatalf("Word8(%q): byte %d is %#x, want %#x", s, i, byte(x>>(8*i)), c)
			}
			zero = zero || c == 0
			below = below || c < 0x20
		}
		if HasZeroByte(x) != zero {
			t.Fatalf("HasZeroByte(%q) = %v, want %v", s, !zero, zero)
		}
		if HasByteBelow(x, 0x20) != below {
			t.Fatalf("HasByteBelow(%q, 0x20) = %v, want %v", s, !below, below)
		}
	}
}

func TestRuneClasser(t *testing.T) {
	class := func(r rune) uint8 {
		switch {
		case r < utf8.RuneSelf && ('0' <= r && r <= '9'):
			return 1
		case r >= 0xac00 && r <= 0xd7a3:
			return 2
		case r == utf8.RuneError:
			return 3
		}
		return 0
	}
	c := NewRuneClasser(class)
	if c.ASCII['7'] != 1 || c.ASCII['a'] != 0 {
		t.Errorf("ASCII table: got '7' %d, 'a' %d, want 1, 0", c.ASCII['7'], c.ASCII['a'])
	}
	s := "a한\xffb"
	if k, next := c.Beyond(s, 1); k != 2 || next != 4 {
		t.Errorf("Beyond at the Hangul syllable: got class %d, next %d, want 2, 4", k, next)
	}
	if k, next := c.Beyond(s, 4); k != 3 || next != 5 {
		t.Errorf("Beyond at a bad byte: got class %d, next %d, want 3, 5", k, next)
	}
}
