package input

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/artclean/artclean/extract/internal/scan"
)

// magicEntry is a file signature: magic bytes at an offset, and what to tell a person.
type magicEntry struct {
	off   int
	magic string
	what  string
}

// magics are the signatures of files people feed to a page extractor by mistake. The
// ones too short or too text-like to trust alone (MZ, BM, ID3, bzip2, OTTO) are checked in
// magic with more of the header.
var magics = []magicEntry{
	{0, "\x89PNG\r\n\x1a\n", "a PNG image"},
	{0, "\xff\xd8\xff", "a JPEG image"},
	{0, "GIF87a", "a GIF image"},
	{0, "GIF89a", "a GIF image"},
	{0, "II*\x00", "a TIFF image"},
	{0, "MM\x00*", "a TIFF image"},
	{0, "\x00\x00\x01\x00", "an icon (.ico) file"},
	{0, "\x00\x00\x02\x00", "a cursor (.cur) file"},
	{0, "8BPS", "a Photoshop image"},
	{0, "%PDF-", "a PDF document; convert it to text first, e.g. with pdftotext"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document; save it as HTML or text first"},
	{0, "PK\x05\x06", "an empty ZIP archive"},
	{0, "PK\x07\x08", "a ZIP archive; unpack it first"},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"},
	{0, "Rar!\x1a\x07", "a RAR archive; unpack it first"},
	{0, "\xfd7zXZ\x00", "an xz-compressed file; decompress it first (xz -d)"},
	{0, "\x28\xb5\x2f\xfd", "a zstd-compressed file; decompress it first (zstd -d)"},
	{0, "\x04\x22\x4d\x18", "an LZ4-compressed file; decompress it first (lz4 -d)"},
	{0, "\x1f\x9d", "a compress (.Z) file; decompress it first"},
	{0, "\x1f\x8b", "gzip data nested more than twice; decompress it first"},
	{0, "\x7fELF", "an ELF executable"},
	{0, "\xfe\xed\xfa\xce", "a Mach-O executable"},
	{0, "\xfe\xed\xfa\xcf", "a Mach-O executable"},
	{0, "\xce\xfa\xed\xfe", "a Mach-O executable"},
	{0, "\xcf\xfa\xed\xfe", "a Mach-O executable"},
	{0, "\x00asm", "a WebAssembly module"},
	{0, "SQLite format 3\x00", "an SQLite database"},
	{0, "OggS", "an Ogg audio or video file"},
	{0, "fLaC", "a FLAC audio file"},
	{0, "\x1a\x45\xdf\xa3", "a Matroska or WebM video"},
	{0, "wOFF", "a WOFF font"},
	{0, "wOF2", "a WOFF2 font"},
	{0, "\x00\x01\x00\x00\x00", "a TrueType font"},
	{4, "ftyp", "an MP4, QuickTime or HEIF media file"},
	{257, "ustar", "a tar archive; unpack it first"},
}

// magic names the kind of binary file data starts like, or returns "".
func magic(data []byte) string {
	has := func(off int, magic string) bool {
		return len(data) >= off+len(magic) && string(data[off:off+len(magic)]) == magic
	}
	for _, m := range magics {
		if has(m.off, m.magic) {
			return m.what
		}
	}
	switch {
	case has(0, "PK\x03\x04"):
		switch {
		case bytes.Contains(data[:min(len(data), 100)], []byte("mimetypeapplication/epub+zip")):
			return "an EPUB book (a ZIP archive); unpack it or convert it to HTML first"
		case bytes.Contains(data[:min(len(data), 100)], []byte("[Content_Types].xml")) || bytes.Contains(data[:min(len(data), 4096)], []byte("word/")):
			return "an Office document such as .docx (a ZIP archive); save it as HTML or text first"
		}
		return "a ZIP archive; unpack it first"
	case has(0, "RIFF") && len(data) >= 12:
		switch string(data[8:12]) {
		case "WEBP":
			return "a WebP image"
		case "WAVE":
			return "a WAV audio file"
		case "AVI ":
			return "an AVI video"
		}
		return "a RIFF media file"
	case has(0, "\xca\xfe\xba\xbe") && len(data) >= 8:
		// Java class files and Mach-O universal binaries share the magic; the next word
		// is a class file's version (≥ 45) or a small architecture count.
		if binary.BigEndian.Uint32(data[4:8]) < 40 {
			return "a Mach-O universal executable"
		}
		return "a Java class file"
	case has(0, "BZh") && len(data) >= 10 && data[3] >= '1' && data[3] <= '9' &&
		(string(data[4:10]) == "\x31\x41\x59\x26\x53\x59" || string(data[4:10]) == "\x17\x72\x45\x38\x50\x90"):
		return "a bzip2-compressed file; decompress it first (bzip2 -d)"
	case has(0, "ID3") && len(data) >= 10 && data[3] >= 2 && data[3] <= 4 && data[4] < 0x10:
		return "an MP3 audio file"
	case len(data) >= 3 && data[0] == 0xff && (data[1] == 0xfb || data[1] == 0xf3 || data[1] == 0xf2):
		return "an MP3 audio file"
	case has(0, "OTTO\x00"):
		return "an OpenType font"
	case has(0, "MZ") && len(data) >= 64 && bytes.IndexByte(data[2:64], 0) >= 0:
		return "a Windows executable (PE/MZ)"
	case has(0, "BM") && len(data) >= 26 && bytes.IndexByte(data[2:26], 0) >= 0 &&
		binary.LittleEndian.Uint32(data[14:18]) >= 12 && binary.LittleEndian.Uint32(data[14:18]) <= 124:
		return "a BMP image"
	}
	return ""
}

// binaryContent looks at the first 8 KiB of the decoded text and describes it when
// more than 2% of its characters are NUL bytes or control characters (other than tab,
// line feed, carriage return, form feed, vertical tab and escape), or returns "".
func binaryContent(text string) string {
	const window = 8192
	s := text[:min(len(text), window)]
	runes, nul, ctl := 0, 0, 0
	for i := 0; i < len(s); {
		// eight bytes at a time while they are ASCII and none is a control character
		// or DEL: text
		if i+8 <= len(s) {
			if x := scan.Word8(s, i); x&scan.HighBits == 0 && !scan.HasByteBelow(x, 0x20) && !scan.HasZeroByte(x^(scan.LowBits*0x7f)) {
				runes += 8
				i += 8
				continue
			}
		}
		var k uint8
		if c := s[i]; c < 0x80 {
			k, i = binClasses.ASCII[c], i+1
		} else {
			k, i = binClasses.Beyond(s, i)
		}
		runes++
		switch k {
		case binNUL:
			nul++
		case binControl:
			ctl++
		}
	}
	bad := nul + ctl
	if bad < 2 || bad*100 <= runes*2 {
		return ""
	}
	pct := float64(bad) * 100 / float64(runes)
	if nul*2 >= bad {
		return fmt.Sprintf("%.1f%% of the first %d characters are NUL bytes or control characters; looks like a binary file (or text in a 16-bit encoding without a byte order mark)", pct, runes)
	}
	return fmt.Sprintf("%.1f%% of the first %d characters are control characters; looks like compressed, encrypted or other binary data", pct, runes)
}

// What binaryContent counts a rune as.
const (
	binText = iota
	binNUL
	binControl // a control character that text does not hold
)

func binClass(r rune) uint8 {
	switch {
	case r == 0:
		return binNUL
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b,
		r >= 0x7f && r <= 0x9f:
		return binControl
	}
	return binText
}

var binClasses = scan.NewRuneClasser(binClass)
