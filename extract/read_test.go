package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/artclean/artclean/extract/internal/input"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

// Test text, written for these tests.
const (
	rdtEnglish = "The harbour council met on Tuesday evening and voted to repair the old sea wall before winter."
	rdtKorean  = "지난 화요일 저녁 항구 위원회가 모여 겨울이 오기 전에 낡은 방파제를 고치기로 했다. 주민들은 공사 기간 동안 산책로를 이용할 수 없다."
	rdtLatin1  = "Le café du port a rouvert jeudi : crème brûlée, thé glacé et une façade repeinte à neuf."
)

func rdtEncode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test text %.40q: %v", s, err)
	}
	return b
}

func rdtGzip(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func rdtPage(metaHead, body string) string {
	return "<!DOCTYPE html>\n<html><head>" + metaHead + "<title>항구 소식</title></head>\n<body><article><p>" + body + "</p></article></body></html>\n"
}

func TestRead(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	utf16leNoBOM := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)

	declaredEUCKR := rdtPage(`<meta charset="euc-kr">`, rdtKorean)
	httpEquivEUCKR := rdtPage(`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ks_c_5601-1987">`, rdtKorean)
	wrongDecl := rdtPage(`<meta charset="euc-kr">`, rdtKorean)
	wrongUTF8Decl := rdtPage(`<meta charset="utf-8">`, rdtKorean)
	latinPage := `<html><head><meta http-equiv="content-type" content="text/html;charset=ISO-8859-1"></head><body><p>` + rdtLatin1 + `</p></body></html>`
	sjisPage := `<html><head><meta charset=Shift_JIS></head><body><p>港の防波堤は冬の前に修理される。</p></body></html>`
	longText := strings.Repeat(rdtEnglish+"\n\n", 400)
	gzLong := rdtGzip(t, []byte(longText))

	rng := rand.New(rand.NewSource(7))
	random := make([]byte, 4096)
	rng.Read(random)
	random[0], random[1] = 'x', 'y' // no gzip or other magic by chance

	withNUL := rdtEnglish[:40] + "\x00" + rdtEnglish[40:] + " " + rdtEnglish + "\x00"
	manyNUL := strings.Repeat("ab\x00\x00\x00", 100)
	invalid := "Crème brûlée \xff\xfe is sold out; the café \xc3 reopens at noon. Über-fresh crêpes remain."

	tests := []struct {
		name    string
		in      []byte
		opts    Options
		want    string // the text; ignored when check is set or an error is wanted
		check   func(t *testing.T, got string)
		charset string // "" to skip
		wantErr error  // a sentinel for errors.Is; nil for success
		errHas  string // a part of the error message
	}{
		{name: "utf-8 plain", in: []byte(rdtEnglish + "\n" + rdtKorean), want: rdtEnglish + "\n" + rdtKorean, charset: "utf-8"},
		{name: "utf-8 with BOM", in: append([]byte("\xef\xbb\xbf"), rdtKorean...), want: rdtKorean, charset: "utf-8"},
		{name: "utf-16le with BOM", in: rdtEncode(t, utf16le, rdtKorean+" "+rdtEnglish), want: rdtKorean + " " + rdtEnglish, charset: "utf-16le"},
		{name: "utf-16be with BOM", in: rdtEncode(t, utf16be, rdtEnglish+" "+rdtKorean), want: rdtEnglish + " " + rdtKorean, charset: "utf-16be"},
		{name: "utf-16le html without BOM", in: rdtEncode(t, utf16leNoBOM, rdtPage("", rdtEnglish)), want: rdtPage("", rdtEnglish), charset: "utf-16le"},
		{name: "euc-kr declared by meta charset", in: rdtEncode(t, korean.EUCKR, declaredEUCKR), want: declaredEUCKR, charset: "euc-kr"},
		{name: "euc-kr declared by http-equiv", in: rdtEncode(t, korean.EUCKR, httpEquivEUCKR), want: httpEquivEUCKR, charset: "euc-kr"},
		{name: "euc-kr undeclared", in: rdtEncode(t, korean.EUCKR, rdtKorean+"\n\n"+rdtKorean), want: rdtKorean + "\n\n" + rdtKorean, charset: "euc-kr"},
		{name: "declares euc-kr but is utf-8", in: []byte(wrongDecl), want: wrongDecl, charset: "utf-8"},
		{name: "declares utf-8 but is euc-kr", in: rdtEncode(t, korean.EUCKR, wrongUTF8Decl), want: wrongUTF8Decl, charset: "euc-kr"},
		{name: "windows-1252 undeclared", in: rdtEncode(t, charmap.Windows1252, rdtLatin1), want: rdtLatin1, charset: "windows-1252"},
		{name: "iso-8859-1 declared is windows-1252", in: rdtEncode(t, charmap.Windows1252, latinPage), want: latinPage, charset: "windows-1252"},
		{name: "ascii with xml declaration", in: []byte(`<?xml version="1.0" encoding="EUC-KR"?><html><body><p>` + rdtEnglish + `</p></body></html>`), want: `<?xml version="1.0" encoding="EUC-KR"?><html><body><p>` + rdtEnglish + `</p></body></html>`, charset: "euc-kr"},
		{name: "gzip", in: rdtGzip(t, []byte(rdtKorean)), want: rdtKorean, charset: "utf-8"},
		{name: "gzip of euc-kr", in: rdtGzip(t, rdtEncode(t, korean.EUCKR, rdtKorean)), want: rdtKorean, charset: "euc-kr"},
		{name: "gzip inside gzip", in: rdtGzip(t, rdtGzip(t, []byte(rdtEnglish))), want: rdtEnglish, charset: "utf-8"},
		{name: "gzip with trailing garbage", in: append(rdtGzip(t, []byte(rdtEnglish)), "\x00\x00garbage"...), want: rdtEnglish, charset: "utf-8"},
		{name: "two gzip members", in: append(rdtGzip(t, []byte(rdtEnglish[:30])), rdtGzip(t, []byte(rdtEnglish[30:]))...), want: rdtEnglish, charset: "utf-8"},
		{name: "shift_jis declared", in: rdtEncode(t, japanese.ShiftJIS, sjisPage), want: sjisPage, charset: "shift_jis"},
		{name: "gzip three deep", in: rdtGzip(t, rdtGzip(t, rdtGzip(t, []byte(rdtEnglish)))), wantErr: ErrBinary, errHas: "gzip"},
		{name: "truncated gzip keeps what came out", in: gzLong[:len(gzLong)/2+40], check: func(t *testing.T, got string) {
			if got == "" || !strings.HasPrefix(longText, got) {
				t.Errorf("got %d bytes that are not a prefix of the input, want a non-empty prefix", len(got))
			}
		}},
		{name: "truncated gzip with nothing out", in: rdtGzip(t, []byte(rdtEnglish))[:12], errHas: "gzip stream is truncated or corrupt"},
		{name: "gzip header only", in: []byte{0x1f, 0x8b}, errHas: "gzip stream is truncated or corrupt"},
		{name: "over the limit", in: []byte(strings.Repeat("a", 2000)), opts: Options{MaxSize: 1000}, wantErr: ErrTooLarge, errHas: "1000"},
		{name: "at the limit", in: []byte(strings.Repeat("a", 1000)), opts: Options{MaxSize: 1000}, want: strings.Repeat("a", 1000)},
		{name: "decoded text over the limit", in: rdtEncode(t, korean.EUCKR, rdtKorean), opts: Options{MaxSize: int64(len(rdtEncode(t, korean.EUCKR, rdtKorean)))}, wantErr: ErrTooLarge, errHas: "euc-kr"},
		{name: "empty", in: nil, wantErr: ErrEmpty},
		{name: "white space only", in: []byte(" \n\t\r\n   \u3000\n"), wantErr: ErrEmpty, errHas: "white space"},
		{name: "BOM only", in: []byte("\xef\xbb\xbf"), wantErr: ErrEmpty},
		{name: "gzip of nothing", in: rdtGzip(t, nil), wantErr: ErrEmpty, errHas: "gzip"},
		{name: "PNG header", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), wantErr: ErrBinary, errHas: "looks like a PNG image"},
		{name: "zip header", in: []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00notes.txt"), wantErr: ErrBinary, errHas: "ZIP archive"},
		{name: "docx header", in: []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x13\x00\x00\x00[Content_Types].xml"), wantErr: ErrBinary, errHas: ".docx"},
		{name: "PDF header", in: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), wantErr: ErrBinary, errHas: "PDF"},
		{name: "ELF header", in: []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), wantErr: ErrBinary, errHas: "ELF"},
		{name: "WebP header", in: []byte("RIFF\x24\x00\x00\x00WEBPVP8 "), wantErr: ErrBinary, errHas: "WebP"},
		{name: "random bytes", in: random, wantErr: ErrBinary, errHas: "control characters"},
		{name: "a few NUL bytes in text", in: []byte(withNUL), want: strings.ReplaceAll(withNUL, "\x00", ""), charset: "utf-8"},
		{name: "many NUL bytes", in: []byte(manyNUL), wantErr: ErrBinary, errHas: "NUL"},
		{name: "invalid utf-8 in text", in: []byte(invalid), charset: "utf-8", check: func(t *testing.T, got string) {
			if n := strings.Count(got, "\uFFFD"); n != 3 {
				t.Errorf("got %d U+FFFD in %q, want 3", n, got)
			}
			if !strings.Contains(got, "Über-fresh crêpes") {
				t.Errorf("got %q, want the valid text kept", got)
			}
		}},
		{name: "text mentioning a PE header", in: []byte("MZ Wallace bags are on sale this week at the harbour market."), want: "MZ Wallace bags are on sale this week at the harbour market."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Name = "page-" + tc.name
			got, src, err := Read(bytes.NewReader(tc.in), opts)
			if src.Name != opts.Name {
				t.Errorf("got Source.Name %q, want %q", src.Name, opts.Name)
			}
			if src.Bytes != len(tc.in) {
				t.Errorf("got Source.Bytes %d, want %d", src.Bytes, len(tc.in))
			}
			if tc.wantErr != nil || tc.errHas != "" {
				if err == nil {
					t.Fatalf("got no error and %d bytes of text, want error %v", len(got), tc.wantErr)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("got error %q, want one wrapping %q", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.errHas) {
					t.Errorf("got error %q, want it to mention %q", err, tc.errHas)
				}
				if got != "" {
					t.Errorf("got text %q with an error, want none", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !utf8.ValidString(got) {
				t.Errorf("got invalid UTF-8 %q", got)
			}
			if strings.IndexByte(got, 0) >= 0 {
				t.Errorf("got NUL bytes in %q", got)
			}
			if strings.HasPrefix(got, "\uFEFF") {
				t.Errorf("got a leading BOM in %q", got)
			}
			if tc.charset != "" && src.Charset != tc.charset {
				t.Errorf("got charset %q, want %q", src.Charset, tc.charset)
			}
			if tc.check != nil {
				tc.check(t, got)
			} else if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestReadGzipBomb checks that the size limit stops decompression early: 10 MB of zeros
// with a 1 MB limit, and an endless stream that would never finish otherwise.
func TestReadGzipBomb(t *testing.T) {
	t.Run("10 MB of zeros", func(t *testing.T) {
		bomb := rdtGzip(t, make([]byte, 10<<20))
		start := time.Now()
		_, _, err := Read(bytes.NewReader(bomb), Options{MaxSize: 1 << 20})
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("got error %v, want ErrTooLarge", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("got %v to refuse the bomb, want well under 2s", d)
		}
	})
	t.Run("endless stream", func(t *testing.T) {
		pr, pw := io.Pipe()
		go func() {
			zw := gzip.NewWriter(pw)
			zeros := make([]byte, 64<<10)
			for {
				if _, err := zw.Write(zeros); err != nil {
					pw.CloseWithError(err)
					return
				}
			}
		}()
		defer pr.Close()
		done := make(chan error, 1)
		go func() {
			_, _, err := Read(pr, Options{MaxSize: 4 << 20})
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("got error %v, want ErrTooLarge", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("got no result after 10s, want ErrTooLarge as soon as 4 MiB are out")
		}
	})
}

type rdtFailingReader struct{ err error }

func (r rdtFailingReader) Read([]byte) (int, error) { return 0, r.err }

func TestReadReaderError(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, tc := range []struct {
		name string
		r    io.Reader
	}{
		{"plain", io.MultiReader(strings.NewReader(rdtEnglish), rdtFailingReader{boom})},
		{"inside gzip", io.MultiReader(bytes.NewReader(rdtGzip(t, []byte(longTextForErr))[:30]), rdtFailingReader{boom})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Read(tc.r, Options{})
			if !errors.Is(err, boom) {
				t.Errorf("got error %v, want one wrapping %v", err, boom)
			}
		})
	}
}

var longTextForErr = strings.Repeat(rdtEnglish, 50)

func TestLooksLikeHTML(t *testing.T) {
	prose := strings.Repeat(rdtEnglish+" ", 8)
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"doctype", "<!DOCTYPE html><html><body><p>" + rdtEnglish + "</p></body></html>", true},
		{"html tag upper case", "<HTML>\n<HEAD><TITLE>x</TITLE></HEAD>", true},
		{"BOM, white space and a comment", "\uFEFF\n  \t<!-- saved from the harbour site -->\n<html>", true},
		{"xml declaration", `<?xml version="1.0"?>` + "\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"fragment starting with a paragraph", "<p>" + rdtEnglish + "</p>\n<p>" + rdtKorean + "</p>", true},
		{"fragment starting with a div", "<div class=\"story\">" + rdtEnglish + "</div>", true},
		{"text before the html tag", "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><body>" + rdtEnglish, true},
		{"body deep in the first 4 KiB", strings.Repeat("x", 3000) + "<body>", true},
		{"many block tags after some text", "Saved page\n" + strings.Repeat("<p>"+rdtEnglish[:60]+"</p>\n<br>\n", 10), true},
		{"a long script before the first tag", "<!--section:news-->\n<script type=\"text/javascript\">" + strings.Repeat("var a = 'x'; // a <b> tag\n", 300) +
			"</script>\n<style>p { color: red }</style>\n<html><body><p>" + rdtEnglish, true},
		{"a long style sheet before a fragment", "<style type=\"text/css\">" + strings.Repeat("td { font-size: 12px }\n", 300) + "</style>" +
			strings.Repeat("\n", 5000) + "<div><p>" + rdtEnglish + "</p></div>", true},
		{"a script never closed", "<script>" + strings.Repeat("var a = 1;\n", 600) + "<html>", false},
		{"prose after a comment", "<!-- a note -->\n" + prose, false},
		{"plain prose", prose, false},
		{"prose mentioning a div once", "To centre it, wrap the image in a <div> and set its width. " + prose, false},
		{"prose mentioning tags twice", "Use <p> for paragraphs and <br> for line breaks. " + prose + prose, false},
		{"w3m-style dump", "[ ] Remember me\n\n• Home\n• World\n• Sport\n\n" + rdtKorean + "\n\n" + prose, false},
		{"angle brackets in text", "<<< Back to the list\n\n" + prose, false},
		{"less-than in prose", "< 5 boats were in the harbour. " + prose, false},
		{"html only past 4 KiB", strings.Repeat("y", 5000) + "<html>", false},
		{"empty", "", false},
		{"just a bracket", "<", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := input.LooksLikeHTML(tc.in); got != tc.want {
				t.Errorf("got %v, want %v for %.60q", got, tc.want, tc.in)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(rdtEnglish))
	f.Add([]byte("\xef\xbb\xbf" + rdtKorean))
	f.Add(rdtEncode(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), rdtKorean))
	f.Add(rdtEncode(f, korean.EUCKR, rdtPage(`<meta charset="euc-kr">`, rdtKorean)))
	f.Add(rdtGzip(f, []byte(rdtPage("", rdtEnglish))))
	f.Add(rdtGzip(f, []byte(rdtEnglish))[:15])
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("<meta http-equiv=content-type content='text/html; charset=\"shift_jis'>\x82\xa0"))
	f.Add([]byte("a\x00b\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, src, err := Read(bytes.NewReader(in), Options{MaxSize: 1 << 20})
		_ = input.LooksLikeHTML(got)
		_ = input.LooksLikeHTML(string(in))
		if src.Bytes != len(in) {
			t.Errorf("got Source.Bytes %d, want %d", src.Bytes, len(in))
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(got) {
			t.Errorf("got invalid UTF-8 %q", got)
		}
		if strings.IndexByte(got, 0) >= 0 {
			t.Errorf("got a NUL byte in %q", got)
		}
		if strings.TrimSpace(got) == "" {
			t.Errorf("got empty text %q without an error", got)
		}
	})
}

// Read looks at the first 8 KiB for binary content once when the decoded text is the input
// itself, and again when decoding changed it: a page that becomes binary only once its
// byte order mark is off is still refused, and so is UTF-16 full of control characters.
func TestReadBinaryAfterDecoding(t *testing.T) {
	ctl := strings.Repeat("\x01\x02abc", 2000)
	for _, in := range []string{
		ctl,
		"\xef\xbb\xbf" + ctl,
		"\xff\xfe" + strings.Repeat("\x01\x00\x02\x00a\x00", 2000),
	} {
		if _, _, err := Read(strings.NewReader(in), Options{}); !errors.Is(err, ErrBinary) {
			t.Errorf("Read(%.20q…) error %v, want ErrBinary", in, err)
		}
	}
	for _, in := range []string{"<p>a\x00b é</p>", "\xef\xbb\xbf<p>a\x00b</p>", "<p>caf\xe9 \xe9t\xe9</p>"} {
		got, _, err := Read(strings.NewReader(in), Options{})
		if err != nil || !utf8.ValidString(got) || strings.IndexByte(got, 0) >= 0 {
			t.Errorf("Read(%q) = %q, %v", in, got, err)
		}
	}
}
