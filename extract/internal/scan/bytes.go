// Package scan holds the byte-level scanning helpers of the extractor: eight bytes at a
// time as one word, rune classes off an ASCII table, ASCII case folding without a copy.
package scan

// The byte scans of the segmenter and the reader read eight bytes at a time where they
// can, as one word: LowBits has a 1 in each byte (LowBits*c has c in each), HighBits the
// top bit of each.
const (
	LowBits  = 0x0101010101010101
	HighBits = 0x8080808080808080
)

// Word8 returns the eight bytes of s from i as one little-endian word (which the
// compiler loads at once).
func Word8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// HasZeroByte reports whether one of the eight bytes of x is zero.
func HasZeroByte(x uint64) bool { return (x-LowBits)&^x&HighBits != 0 }

// HasByteBelow reports whether one of the eight bytes of x, all of them ASCII, is below n
// (n at most 128).
func HasByteBelow(x uint64, n byte) bool { return (x-LowBits*uint64(n))&^x&HighBits != 0 }
