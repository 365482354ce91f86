package extract

import (
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// A quickRegexp is a regexp with a prefilter: a condition every match meets (literals it
// must hold, a prefix or suffix it must have), read off the pattern's own syntax tree, so
// that the regexp runs only on text that meets it. Most blocks hold none of a rule's
// words, and a byte scan is many times cheaper than the regexp engine. Because the
// condition is derived from the pattern, a pattern can change without its prefilter going
// stale; a pattern with no such condition simply runs unfiltered.
//
// The literals of every quickRegexp of a litSet are looked for together: a block's text is
// scanned once by the set's automaton, and each literal of a condition is a bit test.
type quickRegexp struct {
	*regexp.Regexp       // a branch's is nil until it is first run: see compiled
	need           *cond // nil: no condition
	set            *litSet
	// foldEscapes are the non-ASCII runes that (?i) matches to an ASCII letter of a
	// folding literal (K, ſ): text holding one is passed to the regexp unfiltered.
	foldEscapes []string
	escapeIDs   []int32 // their literal ids in set, -1 for none
	// gate is a few literals one of which occurs in every text that meets need: a scanned
	// text that holds none of them is ruled out with a few word tests, before need's tree
	// is walked
	gate *litGate
	// ends is the part of need that reads only the text's ends (^image caption, 송고$),
	// tested before anything that needs the scan
	ends *cond
	// hit is the quickRegexp's bit in a textScan's hits, or -1: set when the scanned
	// text meets its gate (a literal, a byte, a prefix or a suffix of it), or a fold
	// escape occurs in it (see litSet.build and textScan.lits)
	hit int8
	// branches: when the regexp is a choice of many, each of them alone, with its own
	// prefilter; the regexp matches a text when one of them does (see quick)
	branches []*quickRegexp
	// A branch is compiled from its syntax tree, src, on its first run, and whole is the
	// regexp it is a branch of. Printing a tree back into a pattern (syntax.Regexp.String)
	// folds every rune of a case-insensitive class such as \S, a few milliseconds a
	// branch: done at start, it cost every run of the program some 20 ms, for branches
	// that most pages never get to run.
	src     *syntax.Regexp
	whole   *regexp.Regexp
	compile sync.Once
}

// compiled returns the regexp of q, compiling a branch's on its first call.
func (q *quickRegexp) compiled() *regexp.Regexp {
	if q.src != nil {
		q.compile.Do(func() {
			re, err := regexp.Compile(q.src.String())
			if err != nil {
				// (a printed tree always compiles;) the whole regexp matches where one
				// of its branches does, so it answers for the branch where the whole
				// is asked
				re = q.whole
			}
			q.Regexp = re
		})
	}
	return q.Regexp
}

// A litGate is a choice of literals: the longer ones as a mask of a litSet's bits, those
// of one byte as a byte set, and prefixes or suffixes the text may have instead.
type litGate struct {
	lits     []maskWord
	bytes    byteSet
	ends     []*cond // tested when no literal is found
	shortest int     // the length of its shortest literal
	n        int     // its literals
	// made by finish from ends: the prefixes and suffixes apart, and the bytes a text
	// meeting one of them starts (ends) with, so that a text that starts (ends) with
	// another byte is passed over with one test instead of one per prefix (suffix)
	prefixes, suffixes    []*cond
	firstBytes, lastBytes byteSet
}

// finish sorts the gate's ends into prefixes and suffixes with their first (last) bytes.
func (g *litGate) finish() {
	for _, c := range g.ends {
		b := c.s[0]
		if c.kind == condSuffix {
			b = c.s[len(c.s)-1]
		}
		bs := &g.firstBytes
		switch c.kind {
		case condPrefix:
			g.prefixes = append(g.prefixes, c)
		case condSuffix:
			g.suffixes = append(g.suffixes, c)
			bs = &g.lastBytes
		default:
			panic("litGate: an end that is no prefix or suffix") // gate makes none
		}
		bs.add(b)
		if c.fold && 'a' <= b && b <= 'z' {
			bs.add(b - 'a' + 'A') // a folding end is in lower case
		}
	}
}

// meets reports whether the scanned text holds one of the gate's literals, or has one
// of its prefixes or suffixes.
func (g *litGate) meets(t *textScan, set *litSet) bool {
	return t.holdsAny(set, false, nil, g.lits, nil) || g.meetsBytesOrEnds(t, set)
}

// meetsBytesOrEnds is meets but for the literals of more than one byte.
func (g *litGate) meetsBytesOrEnds(t *textScan, set *litSet) bool {
	if g.bytes != (byteSet{}) && t.bytes().meets(&g.bytes) {
		return true
	}
	return g.meetsEnds(t.text)
}

// meetsEnds reports whether text has one of the gate's prefixes or suffixes. It reads
// the text alone (no scan): textScan.lits calls it while it scans.
func (g *litGate) meetsEnds(text string) bool {
	if text == "" {
		return false // (an end is never empty)
	}
	if g.firstBytes.has(text[0]) {
		for _, c := range g.prefixes {
			if c.holdsEnd(text) {
				return true
			}
		}
	}
	if g.lastBytes.has(text[len(text)-1]) {
		for _, c := range g.suffixes {
			if c.holdsEnd(text) {
				return true
			}
		}
	}
	return false
}

// holdsEnd is holds of a condPrefix or condSuffix.
func (c *cond) holdsEnd(text string) bool {
	if c.kind == condPrefix {
		if c.fold {
			return len(text) >= len(c.s) && hasAt(text, 0, litPat{c.s, true})
		}
		return strings.HasPrefix(text, c.s)
	}
	if c.fold {
		return len(text) >= len(c.s) && hasAt(text, len(text)-len(c.s), litPat{c.s, true})
	}
	return strings.HasSuffix(text, c.s)
}

// holdsAny reports whether the scanned text holds a byte of bytes (when useBytes), a
// literal of masks, or meets one of subs: the choice a gate or an or-condition makes.
func (t *textScan) holdsAny(set *litSet, useBytes bool, bytes *byteSet, masks []maskWord, subs []*cond) bool {
	if useBytes && t.bytes().meets(bytes) {
		return true
	}
	if len(masks) > 0 {
		bits := t.lits(set)
		for _, w := range masks {
			if bits[w.i]&w.bits != 0 {
				return true
			}
		}
	}
	for _, c := range subs {
		if c.holds(t, set) {
			return true
		}
	}
	return false
}

// gate returns a litGate that every text meeting c meets, or nil.
func (c *cond) gate() *litGate {
	switch c.kind {
	case condPrefix, condSuffix:
		return &litGate{ends: []*cond{c}, shortest: len(c.s), n: 1}
	case condLit:
		g := &litGate{shortest: len(c.s), n: 1}
		switch {
		case len(c.s) == 1:
			for _, b := range c.byteCases() {
				g.bytes.add(b)
			}
		case c.id >= 0:
			g.lits = []maskWord{{int(c.id >> 6), 1 << (uint(c.id) & 63)}}
		default:
			return nil
		}
		return g
	case condOr:
		u := &litGate{shortest: 1 << 30}
		for _, sub := range c.subs {
			g := sub.gate()
			if g == nil {
				return nil
			}
			u.union(g)
		}
		return u
	case condAnd:
		// the most telling of the subs' gates: longest shortest literal, then fewest
		var best *litGate
		for _, sub := range c.subs {
			g := sub.gate()
			if g != nil && (best == nil || g.shortest > best.shortest || g.shortest == best.shortest && g.n < best.n) {
				best = g
			}
		}
		return best
	}
	return nil
}

func (g *litGate) union(o *litGate) {
	for i := range g.bytes {
		g.bytes[i] |= o.bytes[i]
	}
	for _, w := range o.lits {
		found := false
		for j := range g.lits {
			if g.lits[j].i == w.i {
				g.lits[j].bits |= w.bits
				found = true
			}
		}
		if !found {
			g.lits = append(g.lits, w)
		}
	}
	g.ends = append(g.ends, o.ends...)
	g.shortest = min(g.shortest, o.shortest)
	g.n += o.n
}

type condKind uint8

const (
	condLit    condKind = iota // s occurs (ignoring ASCII case when fold)
	condPrefix                 // the text starts with s
	condSuffix                 // the text ends with s
	condRun                    // run consecutive bytes of class occur (\d{4})
	condAnd                    // every sub holds
	condOr                     // some sub holds
)

// cond is a necessary condition for a match.
type cond struct {
	kind  condKind
	s     string // condLit, condPrefix, condSuffix; fold literals are in lower case
	fold  bool
	run   int
	class *[256]bool
	subs  []*cond
	id    int32 // condLit: the literal's id in its litSet; -1: searched directly
	runID int8  // condRun: the class's id in its litSet; -1: counted directly
	// condOr, made by compile: its literals of one byte as one byte mask (byteMask for
	// a scan, anyByte for a direct search), its longer literals as one mask of the set's
	// bits (litMask; litSubs are those without an id), and the other subs
	byteMask  byteSet
	anyByte   string
	multiLits []*cond
	litMask   []maskWord
	litSubs   []*cond
	others    []*cond
	// endBytes: when every sub is a prefix (or every one a suffix), the bytes the text
	// can start (end) with
	endBytes byteSet
	endsOnly condKind // condPrefix, condSuffix, or condOr when the subs are of other kinds
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }
func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }

func (b *byteSet) meets(o *byteSet) bool {
	return b[0]&o[0]|b[1]&o[1]|b[2]&o[2]|b[3]&o[3] != 0
}

// maskWord is one word of a mask of literal ids.
type maskWord struct {
	i    int
	bits uint64
}

// maxClassNeedles is the largest character class taken as a choice of one-rune literals.
const maxClassNeedles = 10

// ruleLits holds the literals of the package's quickRegexps; it is built by init, once
// every package-level quick has run.
var ruleLits = &litSet{}

func init() { ruleLits.build() }

func quick(re *regexp.Regexp) *quickRegexp { return ruleLits.quick(re) }

// quick makes a quickRegexp whose literals are looked for with the set's automaton.
func (ls *litSet) quick(re *regexp.Regexp) *quickRegexp {
	q := ls.quickOne(re)
	if !ls.sealed {
		ls.quicks = append(ls.quicks, q)
	}
	// a choice of many branches is matched, where only whether it matches counts,
	// branch by branch: a text meets the prefilter of one or two, and a small regexp runs
	// many times faster than a large one over the same text (the large one outgrows the
	// backtracker and runs on the slower NFA)
	if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		for _, sub := range branchesOf(tree) {
			b := ls.quickTree(nil, sub)
			b.src, b.whole = sub, re
			q.branches = append(q.branches, b)
		}
	}
	return q
}

// branchesOf returns the branches of a choice of minBranches or more, each a regexp that
// matches where the choice matches by that branch; nil for any other regexp. A choice
// between anchors alone, as a whole line's pattern is written (^(?:a|b|c|d)$), is a choice
// too: its anchors go with each branch (^a$, ^b$ …), which matches the same texts.
func branchesOf(tree *syntax.Regexp) []*syntax.Regexp {
	if tree.Op == syntax.OpAlternate {
		if len(tree.Sub) < minBranches {
			return nil
		}
		return tree.Sub
	}
	if tree.Op != syntax.OpConcat {
		return nil
	}
	at := -1 // the index of the choice among the anchors
	for i, sub := range tree.Sub {
		switch {
		case sub.Op == syntax.OpBeginText || sub.Op == syntax.OpEndText:
		case sub.Op == syntax.OpAlternate && at < 0 && len(sub.Sub) >= minBranches:
			at = i
		default:
			return nil
		}
	}
	if at < 0 {
		return nil
	}
	var out []*syntax.Regexp
	for _, alt := range tree.Sub[at].Sub {
		subs := append(append(slices.Clone(tree.Sub[:at]), alt), tree.Sub[at+1:]...)
		out = append(out, &syntax.Regexp{Op: syntax.OpConcat, Flags: tree.Flags, Sub: subs})
	}
	return out
}

// minBranches is the fewest branches of a choice that quick matches branch by branch.
const minBranches = 4

// quickOne makes a quickRegexp of re alone.
func (ls *litSet) quickOne(re *regexp.Regexp) *quickRegexp {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &quickRegexp{Regexp: re, set: ls, hit: -1}
	}
	return ls.quickTree(re, tree)
}

// quickTree makes a quickRegexp of re, whose syntax tree is tree (re is nil for a branch,
// compiled later).
func (ls *litSet) quickTree(re *regexp.Regexp, tree *syntax.Regexp) *quickRegexp {
	q := &quickRegexp{Regexp: re, set: ls, hit: -1}
	q.need = required(tree)
	seen := map[rune]bool{}
	var walk func(c *cond)
	walk = func(c *cond) {
		if c == nil {
			return
		}
		for _, sub := range c.subs {
			walk(sub)
		}
		switch c.kind {
		case condLit:
			c.id = -1 // a literal of one byte is read off the text's byte set
			if len(c.s) > 1 {
				c.id = ls.add(c.s, c.fold)
			}
		case condRun:
			c.runID = ls.addRun(c.class)
		}
		if !c.fold {
			return
		}
		for _, r := range c.s {
			if r >= utf8.RuneSelf {
				// a rune beyond ASCII is compared as it is: where (?i) lets it stand
				// in other cases, each is spelled out in a string of its own (exactSet
				// of a class, foldLiteralStart), so no text need pass unfiltered
				continue
			}
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf && !seen[f] {
					seen[f] = true
					q.foldEscapes = append(q.foldEscapes, string(f))
					q.escapeIDs = append(q.escapeIDs, ls.add(string(f), false))
				}
			}
		}
	}
	walk(q.need)
	q.need.compile()
	if q.need != nil {
		q.gate = q.need.gate()
		if q.gate != nil {
			q.gate.finish()
		}
		q.ends = q.need.cheapPart()
		q.ends.compile()
	}
	return q
}

// compile gives each condOr of the tree its masks, once the literals have their ids.
func (c *cond) compile() {
	if c == nil {
		return
	}
	for _, sub := range c.subs {
		sub.compile()
	}
	if c.kind != condOr {
		return
	}
	c.byteMask, c.multiLits, c.litMask, c.litSubs, c.others = byteSet{}, nil, nil, nil, nil
	c.endBytes, c.endsOnly = byteSet{}, c.subs[0].kind
	for _, sub := range c.subs {
		if sub.kind != c.endsOnly || sub.kind != condPrefix && sub.kind != condSuffix {
			c.endsOnly = condOr
			break
		}
		b := sub.s[0]
		if sub.kind == condSuffix {
			b = sub.s[len(sub.s)-1]
		}
		c.endBytes.add(b)
		if sub.fold && 'a' <= b && b <= 'z' {
			c.endBytes.add(b - 'a' + 'A')
		}
	}
	var m litBits
	var anyByte []byte
	for _, sub := range c.subs {
		switch {
		case sub.kind != condLit:
			c.others = append(c.others, sub)
		case len(sub.s) == 1:
			for _, b := range sub.byteCases() {
				c.byteMask.add(b)
				anyByte = append(anyByte, b)
			}
		default:
			c.multiLits = append(c.multiLits, sub)
			if sub.id >= 0 {
				m.set(sub.id)
			} else {
				c.litSubs = append(c.litSubs, sub)
			}
		}
	}
	for i, w := range m {
		if w != 0 {
			c.litMask = append(c.litMask, maskWord{i, w})
		}
	}
	c.anyByte = string(anyByte)
}

// byteCases returns the bytes a literal of one byte matches: both cases of a folding letter.
func (c *cond) byteCases() []byte {
	b := c.s[0]
	if c.fold && 'a' <= b && b <= 'z' {
		return []byte{b, b - 'a' + 'A'}
	}
	return []byte{b}
}

// required returns a condition every match of re meets, or nil.
func required(re *syntax.Regexp) *cond {
	switch re.Op {
	case syntax.OpLiteral:
		return literalCond(re)
	case syntax.OpCharClass:
		var subs []*cond
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(subs) == maxClassNeedles {
					return nil
				}
				subs = append(subs, &cond{kind: condLit, s: string(c)})
			}
		}
		return anyOf(subs)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if c := asciiClass(re.Sub[0]); c != nil && re.Min >= 2 {
			return &cond{kind: condRun, run: re.Min, class: c}
		}
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var subs []*cond
		// runs of parts that match few strings are spelled out whole ("(?:opens|open) in
		// (?:a )?new (?:window|tab)" needs one of eight strings), rather than each part
		// alone, whose short pieces occur everywhere; next to ^ or $ they are the text's
		// possible starts or ends, one comparison each
		run := []litPat{{}}
		flush := func(kind condKind) {
			if c := exactCond(run, kind); c != nil {
				subs = append(subs, c)
			}
			run = []litPat{{}}
		}
		for i := 0; i < len(re.Sub); i++ {
			sub := re.Sub[i]
			switch sub.Op {
			case syntax.OpBeginText:
				flush(condLit)
				if set, n := leading(re.Sub[i+1:]); set != nil {
					subs = append(subs, exactCond(set, condPrefix))
					i += n
				}
				continue
			case syntax.OpEndText:
				flush(condSuffix)
				continue
			}
			if set, ok := exactSet(sub); ok {
				if p := product(run, set); p != nil {
					run = p
				} else {
					flush(condLit)
					run = set
				}
				continue
			}
			flush(condLit)
			if c := required(sub); c != nil {
				subs = append(subs, c)
			}
		}
		flush(condLit)
		// the cheap tests first: a prefix or suffix is one comparison
		sort.SliceStable(subs, func(i, j int) bool { return subs[i].cheap() && !subs[j].cheap() })
		return allOf(subs)
	case syntax.OpAlternate:
		if set, ok := exactSet(re); ok {
			if c := exactCond(set, condLit); c != nil {
				return c
			}
		}
		var subs []*cond
		for _, sub := range re.Sub {
			c := required(sub)
			if c == nil {
				return nil
			}
			subs = append(subs, c)
		}
		return anyOf(subs)
	}
	return nil
}

// maxExact is the most strings a part of a pattern is spelled out into, and maxExactClass
// the most runes of a character class spelled out within one.
const (
	maxExact      = 64
	maxExactClass = 4
)

// exactSet returns strings of which every match of re holds one, when re matches few
// strings: a case-folding string is compared ignoring ASCII case (and so is anything
// joined to one, which only widens it).
func exactSet(re *syntax.Regexp) ([]litPat, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// (^ and $ are not: OpConcat makes prefixes and suffixes of what stands by them)
		return []litPat{{}}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return []litPat{{s: string(re.Rune)}}, true
		}
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
				return nil, false // ⓒ matches Ⓒ: not an ASCII fold
			}
		}
		return []litPat{{s: lowerASCIIString(string(re.Rune)), fold: true}}, true
	case syntax.OpCharClass:
		// a small class only ([ií]): a larger one, spelled out in the strings around
		// it, makes many short strings that tell little
		var set []litPat
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(set) == maxExactClass {
					return nil, false
				}
				set = append(set, litPat{s: string(c)})
			}
		}
		return set, len(set) > 0
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exactSet(re.Sub[0])
		if !ok || len(set) == maxExact {
			return nil, false
		}
		return append(set, litPat{}), true
	case syntax.OpAlternate:
		var set []litPat
		for _, sub := range re.Sub {
			s, ok := exactSet(sub)
			if !ok || len(set)+len(s) > maxExact {
				return nil, false
			}
			set = append(set, s...)
		}
		return set, true
	case syntax.OpConcat:
		set := []litPat{{}}
		for _, sub := range re.Sub {
			s, ok := exactSet(sub)
			if !ok {
				return nil, false
			}
			if set = product(set, s); set == nil {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

// product returns every string of a followed by one of b, or nil when they are more than
// maxExact.
func product(a, b []litPat) []litPat {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]litPat, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			p := litPat{s: x.s + y.s, fold: x.fold || y.fold}
			if p.fold {
				p.s = lowerASCIIString(p.s)
			}
			out = append(out, p)
		}
	}
	return out
}

// exactCond is the condition that one of the strings occurs (kind condLit), starts the
// text (condPrefix) or ends it (condSuffix); nil when one is empty.
func exactCond(set []litPat, kind condKind) *cond {
	var subs []*cond
	seen := map[litPat]bool{}
	for _, p := range set {
		if p.s == "" {
			return nil
		}
		if !seen[p] {
			seen[p] = true
			subs = append(subs, &cond{kind: kind, s: p.s, fold: p.fold})
		}
	}
	return anyOf(subs)
}

// leading returns strings one of which starts every match of the concatenation of res,
// and how many of res they spell out whole; nil when it knows none.
func leading(res []*syntax.Regexp) ([]litPat, int) {
	run := []litPat{{}}
	for j, re := range res {
		set, ok := exactSet(re)
		if ok {
			ok = false
			if p := product(run, set); p != nil {
				run, ok = p, true
			}
		}
		if !ok {
			if j == 0 {
				return leadingOf(re), 0
			}
			return nonEmpty(run), j
		}
	}
	return nonEmpty(run), len(res)
}

// leadingOf returns strings one of which starts every match of re, or nil.
func leadingOf(re *syntax.Regexp) []litPat {
	switch re.Op {
	case syntax.OpConcat:
		set, _ := leading(re.Sub)
		return set
	case syntax.OpCapture, syntax.OpPlus:
		return leadingOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return leadingOf(re.Sub[0])
		}
	case syntax.OpCharClass:
		// a first rune of a few ([▶▷☞➤►→]) is one comparison each
		var set []litPat
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(set) == maxClassNeedles {
					return nil
				}
				set = append(set, litPat{s: string(c)})
			}
		}
		return set
	case syntax.OpAlternate:
		var set []litPat
		for _, sub := range re.Sub {
			s := leadingOf(sub)
			if s == nil || len(set)+len(s) > maxExact {
				return nil
			}
			set = append(set, s...)
		}
		return set
	case syntax.OpLiteral:
		if set, ok := exactSet(re); ok {
			return nonEmpty(set)
		}
		return foldLiteralStart(re.Rune)
	default:
		if set, ok := exactSet(re); ok {
			return nonEmpty(set)
		}
	}
	return nil
}

// foldLiteralStart returns strings one of which starts every match of a case-folding
// literal that exactSet cannot spell out, one with a rune beyond ASCII that has other
// cases (Crédit, Źródło): the runes before it, compared ignoring ASCII case; or, when it
// is the first, that rune in each of its cases.
func foldLiteralStart(runes []rune) []litPat {
	n := 0
	for n < len(runes) && (runes[n] < utf8.RuneSelf || unicode.SimpleFold(runes[n]) == runes[n]) {
		n++
	}
	if n > 0 {
		return []litPat{{s: lowerASCIIString(string(runes[:n])), fold: true}}
	}
	set := []litPat{{s: string(runes[0])}}
	for f := unicode.SimpleFold(runes[0]); f != runes[0]; f = unicode.SimpleFold(f) {
		set = append(set, litPat{s: string(f)})
	}
	return set
}

// nonEmpty returns set, or nil when it holds the empty string.
func nonEmpty(set []litPat) []litPat {
	for _, p := range set {
		if p.s == "" {
			return nil
		}
	}
	return set
}

// cheap reports whether c reads only the text's ends: prefixes and suffixes.
func (c *cond) cheap() bool {
	switch c.kind {
	case condPrefix, condSuffix:
		return true
	case condAnd, condOr:
		for _, sub := range c.subs {
			if !sub.cheap() {
				return false
			}
		}
		return true
	}
	return false
}

// cheapPart returns a condition of prefixes and suffixes that every text meeting c
// meets, or nil.
func (c *cond) cheapPart() *cond {
	switch c.kind {
	case condPrefix, condSuffix:
		return c
	case condAnd:
		var subs []*cond
		for _, sub := range c.subs {
			if p := sub.cheapPart(); p != nil {
				subs = append(subs, p)
			}
		}
		return allOf(subs)
	case condOr:
		var subs []*cond
		for _, sub := range c.subs {
			p := sub.cheapPart()
			if p == nil {
				return nil
			}
			subs = append(subs, p)
		}
		return anyOf(subs)
	}
	return nil
}

// allOf is the condition that all of subs hold: nil for none, the one itself for one.
func allOf(subs []*cond) *cond {
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	return &cond{kind: condAnd, subs: subs}
}

// anyOf is the condition that one of subs holds: nil for none, the one itself for one.
func anyOf(subs []*cond) *cond {
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	return &cond{kind: condOr, subs: subs}
}

// asciiClass returns the byte set of a character class of ASCII runes only, or nil.
func asciiClass(re *syntax.Regexp) *[256]bool {
	if re.Op != syntax.OpCharClass || len(re.Rune) == 0 {
		return nil
	}
	var c [256]bool
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i+1] >= utf8.RuneSelf {
			return nil
		}
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			c[r] = true
		}
	}
	return &c
}

// hasRun reports whether s holds n consecutive bytes of class c.
func hasRun(s string, c *[256]bool, n int) bool {
	k := 0
	for i := 0; i < len(s); i++ {
		if c[s[i]] {
			k++
			if k >= n {
				return true
			}
		} else {
			k = 0
		}
	}
	return false
}

// literalCond turns a literal into a condition. A case-folding literal is compared
// ignoring ASCII case; a non-ASCII rune that has other cases (ⓒ, Ⓒ) cannot be, so the
// longest run of runes without one is taken, or else the first rune in any of its cases.
func literalCond(re *syntax.Regexp) *cond {
	if re.Flags&syntax.FoldCase == 0 {
		return &cond{kind: condLit, s: string(re.Rune)}
	}
	var best, cur []rune
	for _, c := range re.Rune {
		if c >= utf8.RuneSelf && unicode.SimpleFold(c) != c {
			cur = nil
			continue
		}
		cur = append(cur, c)
		if len(cur) > len(best) {
			best = append(best[:0:0], cur...)
		}
	}
	if len(best) > 0 {
		return &cond{kind: condLit, s: lowerASCIIString(string(best)), fold: true}
	}
	c := re.Rune[0]
	subs := []*cond{{kind: condLit, s: string(c)}}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		subs = append(subs, &cond{kind: condLit, s: string(f)})
	}
	return anyOf(subs)
}

// holds evaluates the condition on a text; the literals of set are read off the text's
// scan by set's automaton.
func (c *cond) holds(t *textScan, set *litSet) bool {
	switch c.kind {
	case condLit:
		if len(c.s) == 1 {
			if t.once {
				return strings.IndexByte(t.text, c.s[0]) >= 0 || c.fold && containsLowerASCII(t.text, c.s)
			}
			bs := t.bytes()
			for _, b := range c.byteCases() {
				if bs.has(b) {
					return true
				}
			}
			return false
		}
		if c.id >= 0 && !t.once {
			return t.lits(set).has(c.id)
		}
		if c.fold {
			return containsLowerASCII(t.text, c.s)
		}
		return strings.Contains(t.text, c.s)
	case condPrefix, condSuffix:
		return c.holdsEnd(t.text)
	case condRun:
		if c.runID >= 0 && !t.once {
			return t.longestRun(set, c.runID) >= c.run
		}
		return hasRun(t.text, c.class, c.run)
	case condAnd:
		for _, sub := range c.subs {
			if !sub.holds(t, set) {
				return false
			}
		}
		return true
	case condOr:
		switch c.endsOnly {
		case condPrefix:
			if len(t.text) == 0 || !c.endBytes.has(t.text[0]) {
				return false
			}
		case condSuffix:
			if len(t.text) == 0 || !c.endBytes.has(t.text[len(t.text)-1]) {
				return false
			}
		}
		if t.once {
			if c.anyByte != "" && strings.ContainsAny(t.text, c.anyByte) {
				return true
			}
			for _, sub := range c.multiLits {
				if sub.holds(t, set) {
					return true
				}
			}
		} else if t.holdsAny(set, c.anyByte != "", &c.byteMask, c.litMask, c.litSubs) {
			return true
		}
		for _, sub := range c.others {
			if sub.holds(t, set) {
				return true
			}
		}
		return false
	}
	return true
}

// textScan is what the prefilters read off one text, computed when first needed and
// kept on its block, so that the rules tried on one block share it: which literals of a
// litSet occur (one pass of its automaton) and the longest run of each run class.
type textScan struct {
	text       string
	byteSet    byteSet // the bytes of text, when bytesKnown
	bytesKnown bool
	set        *litSet // whose literals bits tells; nil: not scanned yet
	bits       litBits
	hits       uint64  // the numbered quickRegexps of set whose gate the text meets, or one of whose fold escapes occurs
	runSet     *litSet // whose run classes maxRun tells
	runKnown   uint8   // bit i: maxRun[i] is computed
	maxRun     [maxRunClasses]uint8
	once       bool // scanned for one regexp only: literals are searched directly
	hintMemo   [4]hintMemo
	hintNext   int
	tokHints   map[string]tokenHint // tokenHintOf's results, for the pooled scans' next blocks
	// label is labelKey(text) when labelDone (see Block.labelKey)
	label     []byte
	labelDone bool
	// lists is labelLists[labelKey(text)] when listsDone (see Block.inLabels)
	lists     uint8
	listsDone bool
}

// reset makes t the empty scan of text; the hint memo stays, and the label's buffer.
func (t *textScan) reset(text string) {
	memo, next, label, toks := t.hintMemo, t.hintNext, t.label[:0], t.tokHints
	*t = textScan{text: text, hintMemo: memo, hintNext: next, label: label, tokHints: toks}
}

// nearestHint is nearestHint(hints), remembered for the last few hints strings: the
// blocks of one element, or of sibling elements, share theirs, and the rules of one
// goroutine's blocks share their pooled scans.
func (t *textScan) nearestHint(hints string) string {
	for _, m := range t.hintMemo {
		if m.ok && m.hints == hints {
			return m.kind
		}
	}
	if t.tokHints == nil {
		t.tokHints = map[string]tokenHint{}
	}
	k := nearestHintWith(hints, t.tokHints)
	t.hintMemo[t.hintNext] = hintMemo{hints, k, true}
	t.hintNext = (t.hintNext + 1) % len(t.hintMemo)
	return k
}

type hintMemo struct {
	hints, kind string
	ok          bool
}

// bytes returns the set of the text's bytes.
func (t *textScan) bytes() *byteSet {
	if !t.bytesKnown {
		var bs byteSet
		for i := 0; i < len(t.text); i++ {
			bs.add(t.text[i])
		}
		t.byteSet, t.bytesKnown = bs, true
	}
	return &t.byteSet
}

// lits returns the literals of set that occur in the text.
func (t *textScan) lits(set *litSet) *litBits {
	if t.set != set {
		t.bits, t.hits = litBits{}, 0
		if set.m != nil {
			t.hits = set.m.scanHits(t.text, &t.bits, &set.byteHits)
			for i, w := range t.bits {
				for ; w != 0; w &= w - 1 {
					t.hits |= set.litHits[i<<6|bits.TrailingZeros64(w)]
				}
			}
			// the gates met by a prefix or suffix alone: only those of gates with one
			// starting (ending) with the text's first (last) byte are tried
			if t.text != "" {
				cand := (set.firstHits[t.text[0]] | set.lastHits[t.text[len(t.text)-1]]) &^ t.hits
				for ; cand != 0; cand &= cand - 1 {
					q := set.byHit[bits.TrailingZeros64(cand)]
					if q.gate.meetsEnds(t.text) {
						t.hits |= 1 << q.hit
					}
				}
			}
		}
		t.set = set
	}
	return &t.bits
}

// longestRun returns the longest run of bytes of set's run class id (up to 255).
func (t *textScan) longestRun(set *litSet, id int8) int {
	if t.runSet != set {
		t.runSet, t.runKnown = set, 0
	}
	if t.runKnown&(1<<id) == 0 {
		c, best, k := set.runs[id], 0, 0
		for i := 0; i < len(t.text) && best < 255; i++ {
			if c[t.text[i]] {
				k++
				best = max(best, k)
			} else {
				k = 0
			}
		}
		t.maxRun[id] = uint8(best)
		t.runKnown |= 1 << id
	}
	return int(t.maxRun[id])
}

// scanPool holds the scans contextFree lends its blocks while the rules run.
var scanPool = sync.Pool{New: func() any { return new(textScan) }}

// scan returns the block's textScan, made anew when its text changed.
func (b *Block) scan() *textScan {
	if b.scanned == nil {
		b.scanned = &textScan{text: b.Text}
	} else if t := b.scanned.text; len(t) != len(b.Text) || unsafe.StringData(t) != unsafe.StringData(b.Text) {
		// (the same bytes, not only equal ones: no call to compare them, and a text
		// set anew, even to equal bytes, is scanned anew, which finds the same)
		b.scanned.reset(b.Text)
	}
	return b.scanned
}

// may reports whether s could match.
func (q *quickRegexp) may(s string) bool {
	if q.need == nil {
		return true
	}
	t := textScan{text: s, once: true}
	return q.mayScan(&t)
}

// ruledOut reports the answer of mayScan for most rules on most blocks, in tests small
// enough to be inlined where a block is matched: the text is scanned (a scan made for one
// regexp, once, is never scanned by a set), and its hits tell that it neither meets the
// gate (holds one of its literals or bytes, or has one of its prefixes or suffixes) nor
// holds a fold escape.
func (q *quickRegexp) ruledOut(t *textScan) bool {
	return q.hit >= 0 && t.set == q.set && t.hits&(1<<uint8(q.hit)) == 0
}

func (q *quickRegexp) mayScan(t *textScan) bool {
	if q.need == nil {
		return true
	}
	if q.hit >= 0 && t.set == q.set && !t.once {
		// the text is scanned: its hits tell whether it meets the gate (holds one of its
		// literals or bytes, or has one of its prefixes or suffixes) or holds a fold
		// escape, in one bit test instead of the tests below
		if t.hits&(1<<q.hit) == 0 {
			return false
		}
		if q.holdsEscape(t) {
			return true
		}
		// the gate is met (and ends, a part of need, is not needed: need is tested whole)
		return q.need.holds(t, q.set)
	}
	if q.holdsEscape(t) {
		return true
	}
	if q.ends != nil && (q.gate == nil || len(q.gate.lits) == 0 || t.once || t.set != q.set) && !q.ends.holds(t, q.set) {
		return false // (once the text is scanned, a gate of literals is the cheaper test)
	}
	if q.gate != nil && !t.once && !q.gate.meets(t, q.set) {
		return false
	}
	return q.need.holds(t, q.set)
}

// holdsEscape reports whether the text holds one of q's fold escapes.
func (q *quickRegexp) holdsEscape(t *textScan) bool {
	// the escapes: bits of a scan made already, else a search (which, for a rune of
	// several bytes, skips to its first byte), so that a text is not scanned for them alone
	for i, e := range q.foldEscapes {
		if id := q.escapeIDs[i]; id >= 0 && t.set == q.set {
			if t.bits.has(id) {
				return true
			}
		} else if strings.Contains(t.text, e) {
			return true
		}
	}
	return false
}

// lowerASCIIString returns s with ASCII letters in lower case; other bytes, and so every
// multi-byte rune, stay as they are. It copies only when there is an upper-case letter.
func lowerASCIIString(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := make([]byte, len(s))
			copy(b, s[:i])
			for j := i; j < len(s); j++ {
				c := s[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[j] = c
			}
			return unsafe.String(&b[0], len(b)) // b is not written to again

		}
	}
	return s
}

// MatchBlock is MatchString(b.Text), with the prefilter's scan of the text kept on b.
func (q *quickRegexp) MatchBlock(b *Block) bool {
	t := b.scan()
	if q.ruledOut(t) || !q.mayScan(t) {
		return false
	}
	if q.branches == nil {
		return q.Regexp.MatchString(b.Text)
	}
	for _, br := range q.branches {
		if br.mayScan(t) && br.compiled().MatchString(b.Text) {
			return true
		}
	}
	return false
}

// FindBlockSubmatch is FindStringSubmatch(b.Text), with the scan kept on b.
func (q *quickRegexp) FindBlockSubmatch(b *Block) []string {
	return q.findScanSubmatch(b.scan())
}

func (q *quickRegexp) findScanSubmatch(t *textScan) []string {
	if !q.mayScan(t) {
		return nil
	}
	return q.Regexp.FindStringSubmatch(t.text)
}

func (q *quickRegexp) findScanSubmatchIndex(t *textScan) []int {
	if !q.mayScan(t) {
		return nil
	}
	return q.Regexp.FindStringSubmatchIndex(t.text)
}

// ReplaceAllBlock is ReplaceAllString(b.Text, repl), with the scan kept on b.
func (q *quickRegexp) ReplaceAllBlock(b *Block, repl string) string {
	if !q.mayScan(b.scan()) {
		return b.Text
	}
	return q.replaceAll(b.Text, repl)
}

// replaceAll is Regexp.ReplaceAllString without its copies of a text it does not
// change: it copies the text twice, match or none, and most texts that meet the
// prefilter hold no match.
func (q *quickRegexp) replaceAll(src, repl string) string {
	if !q.Regexp.MatchString(src) {
		return src
	}
	return q.Regexp.ReplaceAllString(src, repl)
}

func (q *quickRegexp) MatchString(s string) bool {
	return q.may(s) && q.Regexp.MatchString(s)
}

func (q *quickRegexp) FindStringSubmatch(s string) []string {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindStringSubmatch(s)
}

func (q *quickRegexp) FindStringIndex(s string) []int {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindStringIndex(s)
}

func (q *quickRegexp) FindStringSubmatchIndex(s string) []int {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindStringSubmatchIndex(s)
}

func (q *quickRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !q.may(s) {
		return nil
	}
	return q.Regexp.FindAllStringSubmatch(s, n)
}

func (q *quickRegexp) ReplaceAllString(src, repl string) string {
	if !q.may(src) {
		return src
	}
	return q.replaceAll(src, repl)
}

// The rules' regexps with their prefilters.
var (
	qDateLineKo = quick(reDateLineKo)
	qBylineKo   = quick(reBylineKo)
	qEmail      = quick(reEmail)
	qCopyright  = quick(reCopyright)
	qTipLine    = quick(reTipLine)
	qCredits    = quick(reCredits)
	qWireTail   = quick(reWireTail)
	qSignOff    = quick(reSignOff)
	qCaptionKo  = quick(reCaptionKo)
	qCaptionEn  = quick(reCaptionEn)
	qHashtags   = quick(reHashtags)
	qPlacehold  = quick(rePlacehold)
	qURLOnly    = quick(reURLOnly)
	qPromo      = quick(rePromo)
	qEmbedGate  = quick(reEmbedGate)
	qCookie     = quick(reCookie)
	qPlayer     = quick(rePlayer)

	qCommentHdr     = quick(reCommentHdr)
	qNewWindow      = quick(reNewWindow)
	qPhotoCredit    = quick(rePhotoCredit)
	qImageCaption   = quick(reImageCaption)
	qQuotedPostSign = quick(reQuotedPostSign)
	qNotice         = quick(reNotice)
	qNewsletter     = quick(reNewsletter)
	qCommentPolicy  = quick(reCommentPolicy)
	qFeedPromo      = quick(reFeedPromo)
	qDisclaimer     = quick(reDisclaimer)
	qPager          = quick(rePager)
	qUpdatedAt      = quick(reUpdatedAt)
	qDateLabel      = quick(reDateLabel)
	qAISummary      = quick(reAISummary)
	qSourceLabel    = quick(reSourceLabel)
	qCaptionAgency  = quick(reCaptionAgency)
	qCreditTail     = quick(reCreditTail)
	qFeedNotice     = quick(reFeedNotice)
	qCJKDate        = quick(reCJKDate)
	qReadingTime    = quick(reReadingTime)
	qPaywall        = quick(rePaywall)
	qAffiliate      = quick(reAffiliate)
	qRelTime        = quick(reRelTime)
	qRelatedLink    = quick(reRelatedLink)
	qCreditLabel    = quick(reCreditLabel)
	qAgencyTail     = quick(reAgencyTail)
	qContactAsk     = quick(reContactAsk)
	qLiveEntryHead  = quick(reLiveEntryHead)
	qToggle         = quick(reToggle)

	qPlaceholderToken = quick(rePlaceholderToken)

	qMonthDate = quick(reMonthDate)
	qDotDate   = quick(reDotDate)

	qGluedCaptionStart = quick(reGluedCaptionStart)
	qGluedCaptionEnd   = quick(reGluedCaptionEnd)
	qGluedHeader       = quick(reGluedHeader)
)

// The prefilters of the rules on related-list phrases, messenger and shop prompts, polls
// and forum quote toggles (the gates of the regexps with many branches are a few words
// each: their branches would fill the literal set).
var (
	qRelatedPhraseWord = quick(reRelatedPhraseWord)
	qMessenger         = quick(reMessenger)
	qShopWord          = quick(reShopWord)
	qPollCount         = quick(rePollCount)
	qQuoteToggle       = quick(reQuoteToggle)
)
