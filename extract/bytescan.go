package extract

// The byte scans of the segmenter and the reader read eight bytes at a time where they
// can, as one word: lowBits has a 1 in each byte (lowBits*c has c in each), highBits the
// top bit of each.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// word8 returns the eight bytes of s from i as one little-endian word (which the
// compiler loads at once).
func word8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// hasZeroByte reports whether one of the eight bytes of x is zero.
func hasZeroByte(x uint64) bool { return (x-lowBits)&^x&highBits != 0 }

// hasByteBelow reports whether one of the eight bytes of x, all of them ASCII, is below n
// (n at most 128).
func hasByteBelow(x uint64, n byte) bool { return (x-lowBits*uint64(n))&^x&highBits != 0 }
