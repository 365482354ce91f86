package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artclean/artclean/extract/internal/scan"
)

// segmentText cuts a text dump into blocks: one block per logical line, after hard-wrapped
// lines are joined again. Text dumps carry no tags, so a block knows its bullet, its
// indentation and whether blank lines surround it; nothing else is guessed.
func segmentText(s string) *Document {
	doc := &Document{Kind: KindText}
	lines := splitLines(stripRawElements(s))
	widths := make([]int, len(lines))
	nonBlank := 0
	for i, l := range lines {
		widths[i] = displayWidth(l)
		if !isBlank(l) {
			nonBlank++
		}
	}
	wrap := wrapColumnOf(widths)
	// a dump with too few wrapped lines to show its column: its widest lines, of a width
	// a dumper wraps at, continue on the next line only where that starts in lower case
	lone := 0
	if wrap == 0 {
		lone = loneWrapColumn(widths)
	}
	doc.Blocks = make([]*Block, 0, nonBlank)
	blankBefore := true
	var pieces []string // a line's pieces, the slice reused from line to line
	var parts []string  // the bodies of a wrapped line's continuation lines, reused too
	var slab []Block    // blocks not yet handed out
	for i := 0; i < len(lines); i++ {
		raw := lines[i]
		if isBlank(raw) {
			blankBefore = true
			if n := len(doc.Blocks); n > 0 {
				doc.Blocks[n-1].BlankAfter = true
			}
			continue
		}
		indent, bullet, body := lineShape(raw)
		start := i
		nonBlank-- // (now the lines that are not blank after this one)
		// Join hard-wrapped continuation lines: the line reaches the wrap column and the
		// next line is neither blank nor a new bullet.
		parts = parts[:0]
		for i+1 < len(lines) && !isBlank(lines[i+1]) && (wrap > 0 && widths[i] >= wrap-wrapSlack ||
			lone > 0 && widths[i] >= lone-wrapSlack && startsLower(lines[i+1]) && !sentenceEnd(lines[i])) {
			_, nb, nbody := lineShape(lines[i+1])
			if nb != "" {
				break
			}
			nonBlank--
			if nbody != "" {
				parts = append(parts, nbody)
			}
			i++
		}
		if len(parts) > 0 {
			body = joinParts(body, parts)
		}
		pieces = appendGlued(pieces[:0], foldSpace(dropPlaceholders(body)))
		for _, piece := range pieces {
			if len(slab) == 0 {
				// blocks are allocated in chunks: a text dump has a block for nearly
				// every line that is not blank, and no more blocks than such lines but
				// where a line is cut in pieces
				slab = make([]Block, min(nonBlank+1, 64))
			}
			b := &slab[0]
			slab = slab[1:]
			// (field by field: the slab is zero, and assigning a whole Block literal
			// copies all of it, through the write barriers of its pointers)
			b.Index = len(doc.Blocks)
			b.Kind = BlockPara
			b.Text = piece
			b.Line = start + 1
			b.Bullet = bullet
			b.Indent = indent
			b.BlankBefore = blankBefore
			if bullet != "" {
				b.Kind = BlockItem
			}
			doc.Blocks = append(doc.Blocks, b)
			blankBefore = false
		}
	}
	if n := len(doc.Blocks); n > 0 {
		doc.Blocks[n-1].BlankAfter = true
	}
	doc.Blocks = textTables(doc.Blocks)
	loneMarks(doc.Blocks)
	return doc
}

// loneMarks turns back into paragraphs the lines that start with an asterisk or a dash
// and stand alone between blank lines: a footnote ("* Estimated"), a line of dialogue
// ("– We will stay", as Nordic and Slavic papers quote), not a list of one item. Their
// mark stays part of the text.
func loneMarks(blocks []*Block) {
	for _, b := range blocks {
		if b.Kind != BlockItem || !b.BlankBefore || !b.BlankAfter || b.Text == "" {
			continue
		}
		switch b.Bullet {
		case "*", "-", "–":
			b.Text = b.Bullet + " " + b.Text
			b.Kind, b.Bullet = BlockPara, ""
		}
	}
}

// textTables joins runs of two or more adjacent lines holding the same number of " | "
// cell separators into one table block: a table as a dumper (or artclean's own plain text)
// writes it, one row a line. A menu written on one line stays a line.
func textTables(blocks []*Block) []*Block {
	cells := func(b *Block) int {
		if b.Kind != BlockPara || b.Bullet != "" || strings.IndexByte(b.Text, '|') < 0 {
			return 0 // (Count looks for " | " from every space)
		}
		return strings.Count(b.Text, " | ")
	}
	out := blocks[:0]
	for i := 0; i < len(blocks); {
		b := blocks[i]
		k := cells(b)
		j := i + 1
		for k > 0 && j < len(blocks) && !blocks[j-1].BlankAfter && cells(blocks[j]) == k {
			j++
		}
		if j-i < 2 {
			b.Index = len(out)
			out = append(out, b)
			i++
			continue
		}
		rows := make([][]string, 0, j-i)
		texts := make([]string, 0, j-i)
		for _, r := range blocks[i:j] {
			rows = append(rows, strings.Split(r.Text, " | "))
			texts = append(texts, r.Text)
		}
		t := &Block{Index: len(out), Kind: BlockTable, Text: strings.Join(texts, "\n"), Rows: rows,
			Line: b.Line, Indent: b.Indent, BlankBefore: b.BlankBefore, BlankAfter: blocks[j-1].BlankAfter}
		out = append(out, t)
		i = j
	}
	return out
}

// wrapSlack is how far short of the wrap column a line may end and still count as
// hard-wrapped: a wrapping dumper breaks before a word that does not fit.
const wrapSlack = 12

// minWrapColumn is the narrowest column taken for a hard wrap; below it, short lines are
// more likely a list than a wrapped paragraph.
const minWrapColumn = 60

// wrapColumn guesses the column a dumper wrapped the text at: the widest line width that
// at least three lines come close to. It returns 0 when the text does not look wrapped.
func wrapColumn(lines []string) int {
	widths := make([]int, len(lines))
	for i, l := range lines {
		widths[i] = displayWidth(l)
	}
	return wrapColumnOf(widths)
}

// wrapColumnOf is wrapColumn of lines of these display widths.
func wrapColumnOf(widths []int) int {
	// count lines by width; the wrap column is the widest width that at least three
	// lines come close to (one very long line, a URL say, does not move it)
	const dense = 1024 // widths below this are counted in a slice, wider ones in a map
	var small [dense]int32
	var wide map[int]int
	count := func(w int) int {
		if w < dense {
			if w < 0 {
				return 0
			}
			return int(small[w])
		}
		return wide[w]
	}
	for _, w := range widths {
		if w < minWrapColumn {
			continue
		}
		if w < dense {
			small[w]++
		} else {
			if wide == nil {
				wide = map[int]int{}
			}
			wide[w]++
		}
	}
	best := 0
	near := func(w int) bool {
		n := 0
		for d := 0; d <= 4; d++ {
			n += count(w - d)
		}
		return n >= 3
	}
	for w := range wide {
		if w > best && near(w) {
			best = w
		}
	}
	if best == 0 {
		for w := dense - 1; w >= minWrapColumn; w-- {
			if small[w] > 0 && near(w) {
				best = w
				break
			}
		}
	}
	return best
}

// joinParts joins a hard-wrapped line's body and the bodies of its continuation lines
// (none empty) as joinWrapped would join them one by one, into one string grown once:
// joining in a loop is quadratic in the length of a long wrapped paragraph.
func joinParts(body string, parts []string) string {
	n := len(body)
	for _, p := range parts {
		n += 1 + len(p)
	}
	var joined strings.Builder
	joined.Grow(n)
	joined.WriteString(body)
	for _, p := range parts {
		last, _ := utf8.DecodeLastRuneInString(joined.String())
		first, _ := utf8.DecodeRuneInString(p)
		if joined.Len() > 0 && !(isWide(last) && isWide(first)) {
			joined.WriteByte(' ')
		}
		joined.WriteString(p)
	}
	return joined.String()
}

// minLoneWrap is the narrowest column a dump with one or two wrapped lines is taken to
// wrap at: the widths dumpers are run with (80 columns and more).
const minLoneWrap = 78

// loneWrapColumn is the width of a dump's widest line when it is at least minLoneWrap
// columns, else 0.
func loneWrapColumn(widths []int) int {
	w := 0
	for _, x := range widths {
		w = max(w, x)
	}
	if w < minLoneWrap {
		return 0
	}
	return w
}

// startsLower: the line's first letter, past spaces, is a lower-case one.
func startsLower(line string) bool {
	for _, r := range line {
		if r == ' ' || r == '\t' {
			continue
		}
		return unicode.IsLower(r)
	}
	return false
}

func joinWrapped(a, b string) string {
	a = strings.TrimRight(a, " \t")
	b = strings.TrimLeft(b, " \t")
	if a == "" || b == "" {
		return a + b
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	// Wide scripts are broken anywhere, so a wrap inside Hangul or Han text split a word.
	if isWide(last) && isWide(first) {
		return a + b
	}
	return a + " " + b
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

func isBlank(s string) bool {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && asciiSpace(s[i]) {
		i++
	}
	if i == len(s) {
		return true
	}
	if s[i] < utf8.RuneSelf {
		return false // an ASCII character that is not a space
	}
	for _, r := range s[i:] {
		if !isSpace(r) && r != '\u00a0' && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

// bullets are the list markers dumpers put before an item.
var bullets = []string{"•", "*", "-", "·", "□", "◦", "▪", "○", "●", "■", "‣", "∙", "–", "+", "○"}

// bulletFirst holds the first bytes of bullets.
var bulletFirst = func() (set byteSet) {
	for _, b := range bullets {
		set.add(b[0])
	}
	return set
}()

// lineShape splits a raw line into its indentation, its list bullet (if any) and its text.
func lineShape(raw string) (indent int, bullet, body string) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		if c == ' ' {
			indent++
			i++
			continue
		}
		if c == '\t' {
			indent += 4
			i++
			continue
		}
		if strings.HasPrefix(raw[i:], "\u00a0") || strings.HasPrefix(raw[i:], "\u3000") {
			indent++
			_, n := utf8.DecodeRuneInString(raw[i:])
			i += n
			continue
		}
		break
	}
	rest := raw[i:]
	for _, b := range bullets {
		if rest == "" || !bulletFirst.has(rest[0]) {
			break // (no bullet starts with this byte)
		}
		if strings.HasPrefix(rest, b) {
			after := rest[len(b):]
			if after == "" || after[0] == ' ' || after[0] == '\t' {
				return indent, b, strings.TrimSpace(after)
			}
		}
	}
	// "1. item" or "12) item"
	j := 0
	for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j > 0 && j+1 < len(rest) && (rest[j] == '.' || rest[j] == ')') && rest[j+1] == ' ' && indent > 0 {
		return indent, rest[:j+1], strings.TrimSpace(rest[j+2:])
	}
	return indent, "", strings.TrimSpace(rest)
}

// foldSpace folds runs of white space (and no-break and zero-width spaces) into one space.
func foldSpace(s string) string {
	if folded(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u3000' {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// folded reports whether foldSpace(s) == s: ASCII spaces only, single, and not at the ends.
func folded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '!' <= c && c < utf8.RuneSelf:
			// most bytes: ASCII, neither space nor control
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c < utf8.RuneSelf:
			if asciiSpace(c) {
				return false
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || isSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u3000' {
				return false // foldSpace writes an invalid byte as U+FFFD
			}
			i += n - 1
		}
	}
	return true
}

// displayWidth counts terminal columns: wide (East Asian) runes take two.
func displayWidth(s string) int {
	// eight bytes at a time while they are ASCII and no tab: a column each
	i := 0
	for i+8 <= len(s) {
		if x := scan.Word8(s, i); x&scan.HighBits != 0 || scan.HasZeroByte(x^(scan.LowBits*'\t')) {
			break
		}
		i += 8
	}
	w := i
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		if s[i] == '\t' {
			w += 4
		} else {
			w++
		}
	}
	for _, r := range s[i:] {
		if r < 0x80 {
			if r == '\t' {
				w += 4
			} else {
				w++
			}
			continue
		}
		if isWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// isWide reports East Asian wide and full-width runes.
func isWide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0x303E, r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}

// reGluedCaption finds a photo caption glued into a line: its ▲ start after other text,
// and its end, a photo credit ("…/로이터연합뉴스") followed at once by the next sentence.
var (
	reGluedCaptionStart = regexp.MustCompile(`[^\s▲]▲`)
	reGluedCaptionEnd   = regexp.MustCompile(`/\s?[가-힣A-Za-z]{0,8}(?:연합뉴스|뉴스1|뉴시스|로이터|AP|AFP|EPA|UPI|게티이미지|블룸버그)[가-힣]`)
)

// reGluedHeader finds a wire or byline header glued to the text before it:
// "…심문기일에 함께 변론[이데일리 홍길동 기자] 국민의힘…".
var reGluedHeader = regexp.MustCompile(`[^\s\[(]\[[^\]]{1,24}(?:기자|특파원)\]`)

// appendGlued cuts a line where a dumper glued paragraphs together: after a Korean
// sentence ending followed at once by the next sentence ("…마감했다.22일(현지시간)…"), and
// before a bracketed byline header that follows other text. It appends the pieces to out.
func appendGlued(out []string, t string) []string {
	if t != "" && isASCII(t) {
		// every cut stands by a rune beyond ASCII: a Hangul syllable (다., 기자, 특파원,
		// the one after a photo credit) or ▲
		return append(out, t)
	}
	return appendGluedFull(out, t)
}

// appendGluedFull is appendGlued without its shortcut for ASCII lines.
func appendGluedFull(out []string, t string) []string {
	for t != "" {
		cut := -1
		earliest := func(at int) {
			if at > 0 && (cut < 0 || at < cut) {
				cut = at
			}
		}
		for _, re := range []*quickRegexp{qGluedHeader, qGluedCaptionStart} {
			if m := re.FindStringIndex(t); m != nil {
				_, n := utf8.DecodeRuneInString(t[m[0]:])
				earliest(m[0] + n)
			}
		}
		if m := qGluedCaptionEnd.FindStringIndex(t); m != nil {
			_, n := utf8.DecodeLastRuneInString(t[:m[1]])
			earliest(m[1] - n)
		}
		for i := 0; i+len("다.") < len(t); {
			j := strings.Index(t[i:], "다.")
			if j < 0 {
				break
			}
			k := i + j + len("다.")
			if cut >= 0 && k >= cut {
				break
			}
			next, _ := utf8.DecodeRuneInString(t[k:])
			if next >= 0xAC00 && next <= 0xD7A3 || next >= '0' && next <= '9' {
				cut = k
				break
			}
			i = k
		}
		if cut <= 0 || cut >= len(t) {
			out = append(out, t)
			break
		}
		out = append(out, strings.TrimSpace(t[:cut]))
		t = strings.TrimSpace(t[cut:])
	}
	return out
}

// rePlaceholderToken is an image or link placeholder a text dumper puts inside a line: an
// image's file-name alt text ("[photo-3_small]") or a numbered link marker ("[12]").
var rePlaceholderToken = regexp.MustCompile(`\[(?:[a-z0-9][a-z0-9_.:-]{2,40}|\d{1,3})\]`)

// dropPlaceholders removes placeholder tokens from a line that holds other text; a line
// that is only a placeholder is left for the image-placeholder rule.
func dropPlaceholders(s string) string {
	if strings.IndexByte(s, '[') < 0 {
		return s
	}
	out := qPlaceholderToken.ReplaceAllString(s, " ")
	if strings.TrimSpace(out) == "" {
		return s
	}
	return out
}

// stripRawElements drops whole <script>…</script> and <style>…</style> spans (ASCII case
// ignored) from a text dump: a page sniffed as text that still holds them would put code
// into the body. An opening tag without its end is left as text.
func stripRawElements(s string) string {
	if !strings.Contains(s, "</") {
		return s
	}
	var b strings.Builder
	last := 0 // s[last:] is not yet written
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= len(s) || s[i+1]|0x20 != 's' {
			i++
			continue
		}
		name := ""
		for _, n := range []string{"script", "style"} {
			if scan.HasPrefixFold(s[i+1:], n) && i+1+len(n) < len(s) {
				if c := s[i+1+len(n)]; c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/' {
					name = n
				}
			}
		}
		if name == "" {
			i++
			continue
		}
		k := scan.IndexFold(s[i:], "</"+name)
		if k < 0 {
			break
		}
		end := i + k + len("</"+name)
		if gt := strings.IndexByte(s[end:], '>'); gt >= 0 && gt < 16 {
			end += gt + 1
		}
		b.WriteString(s[last:i])
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isASCII reports whether s holds no byte beyond ASCII.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if scan.Word8(s, i)&scan.HighBits != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
