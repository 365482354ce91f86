package extract

import (
	"math/bits"
	"slices"
	"strings"
)

// A litSet gathers the literals of many prefilters (every condLit of every quickRegexp
// made from it, and the fold escapes) so that one pass of an Aho–Corasick automaton over a
// text tells which of them occur, instead of one strings.Contains per literal per rule.
// Literals are registered while the package initialises; build then makes the automaton
// and seals the set: a literal asked for later gets no id, and its condition falls back
// to a direct search.
type litSet struct {
	lits   []litPat
	ids    map[litPat]int32
	runs   []*[256]bool // the distinct byte classes of condRun, by runID
	m      *litMatcher  // nil until build
	sealed bool
	// quicks are the quickRegexps made from the set; build numbers (in quickRegexp.hit)
	// those with a gate, up to 64, and litHits tells, by literal, the quickRegexps whose
	// gate or fold escapes hold it: a scan ORs them into its hits
	quicks  []*quickRegexp
	litHits []uint64
	// byteHits tells, by byte, the numbered quickRegexps whose gate holds it as a literal
	// of one byte; firstHits (lastHits), those whose gate has a prefix (suffix) starting
	// (ending) with it; byHit gives the quickRegexp of each number
	byteHits, firstHits, lastHits [256]uint64
	byHit                         []*quickRegexp
}

type litPat struct {
	s    string // fold literals in lower case
	fold bool   // compared ignoring ASCII case
}

// litWords bounds the literals a set tracks: one bit each in a textScan.
const litWords = 20

type litBits [litWords]uint64

func (b *litBits) has(id int32) bool { return b[id>>6]&(1<<(uint(id)&63)) != 0 }
func (b *litBits) set(id int32)      { b[id>>6] |= 1 << (uint(id) & 63) }

// maxRunClasses bounds the run classes whose longest run a textScan keeps.
const maxRunClasses = 8

// add registers a literal and returns its id, or -1 when the set is sealed or full.
func (ls *litSet) add(s string, fold bool) int32 {
	p := litPat{s, fold}
	if id, ok := ls.ids[p]; ok {
		return id
	}
	if ls.sealed || len(ls.lits) >= litWords*64 || s == "" {
		return -1
	}
	if ls.ids == nil {
		ls.ids = map[litPat]int32{}
	}
	id := int32(len(ls.lits))
	ls.lits = append(ls.lits, p)
	ls.ids[p] = id
	return id
}

// addRun registers a run class and returns its id, or -1.
func (ls *litSet) addRun(c *[256]bool) int8 {
	for i, r := range ls.runs {
		if *r == *c {
			return int8(i)
		}
	}
	if ls.sealed || len(ls.runs) >= maxRunClasses {
		return -1
	}
	ls.runs = append(ls.runs, c)
	return int8(len(ls.runs) - 1)
}

// build makes the automaton of the literals registered so far and seals the set.
func (ls *litSet) build() {
	ls.sealed = true
	ls.m = newLitMatcher(ls.lits)
	ls.litHits = make([]uint64, len(ls.lits))
	n := 0
	for _, q := range ls.quicks {
		q.hit = -1
		if n == 64 || q.gate == nil {
			continue
		}
		ok := true
		for _, id := range q.escapeIDs {
			ok = ok && id >= 0 // an escape without an id is searched for, not scanned
		}
		if !ok {
			continue
		}
		q.hit = int8(n)
		n++
		ls.byHit = append(ls.byHit, q)
		for c := range 256 {
			if q.gate.bytes.has(byte(c)) {
				ls.byteHits[c] |= 1 << q.hit
			}
			if q.gate.firstBytes.has(byte(c)) {
				ls.firstHits[c] |= 1 << q.hit
			}
			if q.gate.lastBytes.has(byte(c)) {
				ls.lastHits[c] |= 1 << q.hit
			}
		}
		for _, w := range q.gate.lits {
			for b := w.bits; b != 0; b &= b - 1 {
				ls.litHits[w.i<<6|bits.TrailingZeros64(b)] |= 1 << q.hit
			}
		}
		for _, id := range q.escapeIDs {
			ls.litHits[id] |= 1 << q.hit
		}
	}
}

// A litMatcher is a dense-table Aho–Corasick automaton over ASCII-lowered bytes: every
// literal is entered in lower case, the text is lowered byte by byte as it is read, and a
// literal that must match exactly and holds an ASCII letter is checked against the text
// where it ends. Bytes that occur in no literal share one class, so a row has one entry
// per distinct literal byte. States with outputs are numbered last, so the scan tests one
// comparison per byte.
//
// A step of the scan waits for the load of the step before, from a table too large for
// the first-level cache: the table holds each next state as the offset of its row, a
// power of two apart, so that no multiplication stands in that chain either; the states
// are numbered breadth first, so that the short prefixes, where a scan spends its
// time, lie together; and a long text is scanned in two halves at once (see scanHits).
type litMatcher struct {
	class    [256]uint8 // byte → column (after lowering)
	shift    uint       // a state's row starts at its number << shift
	delta    []uint32   // the next state's row: delta[row+class]
	firstOut uint32     // rows from here on are of states with outputs
	outs     [][]int32  // by (row-firstOut) >> shift: the literals whose key ends there
	keyLen   []int      // by literal: the length of its key, the prefix the automaton knows
	check    []litPat   // by literal: what to compare in the text from the key's start, s "" when none
}

// maxKey is the longest prefix of a literal that the automaton spells out: past it, the
// rest is compared where the prefix occurs, so that long literals do not swell the table.
const maxKey = 8

func newLitMatcher(lits []litPat) *litMatcher {
	m := &litMatcher{keyLen: make([]int, len(lits)), check: make([]litPat, len(lits))}
	low := make([]string, len(lits))
	var used [256]bool
	for i, p := range lits {
		low[i] = lowerASCIIString(p.s)
		switch {
		case !p.fold && hasASCIILetter(p.s):
			m.check[i] = p // the automaton ignores case
		case len(low[i]) > maxKey:
			m.check[i] = litPat{low[i], true}
		}
		if len(low[i]) > maxKey {
			low[i] = low[i][:maxKey]
		}
		m.keyLen[i] = len(low[i])
		for j := 0; j < len(low[i]); j++ {
			used[low[i][j]] = true
		}
	}
	var col [256]int
	stride := 1 // column 0: bytes in no literal
	for c := range 256 {
		if used[c] {
			col[c] = stride
			stride++
		}
	}
	if stride > 256 {
		panic("litMatcher: too many byte classes") // cannot happen: 255 bytes at most are used, plus one
	}
	for c := range 256 {
		m.class[c] = uint8(col[lowerASCIIByte(byte(c))])
	}
	for 1<<m.shift < stride {
		m.shift++
	}
	// the trie, in rows of stride entries; -1: no edge yet. It has a state for the
	// start and one for each distinct prefix of a key, counted first so that the table
	// is made at once, not grown (and copied) a row at a time.
	S := stride
	n := trieStates(low)
	goTo := make([]int32, n*S)
	for i := range goTo {
		goTo[i] = -1
	}
	own := make([][]int32, n)
	next := 1 // the next new state
	for id, w := range low {
		s := 0
		for j := 0; j < len(w); j++ {
			c := col[w[j]]
			if goTo[s*S+c] < 0 {
				goTo[s*S+c] = int32(next)
				next++
			}
			s = int(goTo[s*S+c])
		}
		own[s] = append(own[s], int32(id))
	}
	// failure links in breadth-first order; missing edges take the failure's edge, and
	// each state's outputs take its failure's
	fail := make([]int32, n)
	queue := make([]int32, 0, n)
	bfs := []int32{0} // the states in breadth-first order
	for c := range S {
		if t := goTo[c]; t < 0 {
			goTo[c] = 0
		} else {
			fail[t] = 0
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		bfs = append(bfs, s)
		own[s] = append(own[s], own[fail[s]]...)
		for c := range S {
			t := goTo[int(s)*S+c]
			if t < 0 {
				goTo[int(s)*S+c] = goTo[int(fail[s])*S+c]
				continue
			}
			fail[t] = goTo[int(fail[s])*S+c]
			queue = append(queue, t)
		}
	}
	if n > 1<<16 {
		panic("litMatcher: too many states") // a test catches it: make maxKey smaller
	}
	// number the states without outputs first, each kind breadth first
	order := make([]int32, n) // old → new
	k := int32(0)
	for _, s := range bfs {
		if len(own[s]) == 0 {
			order[s], k = k, k+1
		}
	}
	m.firstOut = uint32(k) << m.shift
	for _, s := range bfs {
		if len(own[s]) > 0 {
			order[s], k = k, k+1
			m.outs = append(m.outs, own[s])
		}
	}
	m.delta = make([]uint32, n<<m.shift)
	for s := range n {
		for c := range S {
			m.delta[int(order[s])<<m.shift+c] = uint32(order[goTo[s*S+c]]) << m.shift
		}
	}
	return m
}

// trieStates is the number of states of a trie of keys: one for the start and one for
// each distinct prefix of a key. In sorted order, each key adds its bytes past the prefix
// it shares with the key before it.
func trieStates(keys []string) int {
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	n := 1
	for i, w := range sorted {
		shared := 0
		if i > 0 {
			prev := sorted[i-1]
			for shared < len(w) && shared < len(prev) && w[shared] == prev[shared] {
				shared++
			}
		}
		n += len(w) - shared
	}
	return n
}

// scan sets in bits every literal that occurs in s.
func (m *litMatcher) scan(s string, bits *litBits) {
	var none [256]uint64
	m.scanHits(s, bits, &none)
}

// minSplitScan is the shortest text scanned in two halves at once.
const minSplitScan = 64

// scanHits is scan, and returns the OR of byteHits over the bytes of s.
//
// A text of minSplitScan bytes or more is scanned as two halves, a step of each in turn,
// so that the loads of one overlap those of the other. The second half's scan starts
// maxKey bytes before the half, in the start state: a state spells at most the last
// maxKey bytes read, so at the half it is the state a scan from the start would be in;
// before it, any key it finds does end there, and is one the first half's scan finds too.
func (m *litMatcher) scanHits(s string, bits *litBits, byteHits *[256]uint64) uint64 {
	delta, class, first := m.delta, &m.class, m.firstOut
	h := uint64(0) // (no load of the automaton waits on it)
	i, st := 0, uint32(0)
	if len(s) >= minSplitScan {
		mid := len(s) / 2
		j, st2 := mid-maxKey, uint32(0) // the second half's scan, at s[j]
		for ; i < mid; i, j = i+1, j+1 {
			c, c2 := s[i], s[j]
			h |= byteHits[c] | byteHits[c2]
			st = delta[st+uint32(class[c])]
			st2 = delta[st2+uint32(class[c2])]
			if st >= first {
				m.emit(s, i+1, st, bits)
			}
			if st2 >= first {
				m.emit(s, j+1, st2, bits)
			}
		}
		i, st = j, st2 // the rest of the second half
	}
	for ; i < len(s); i++ {
		c := s[i]
		h |= byteHits[c]
		st = delta[st+uint32(class[c])]
		if st >= first {
			m.emit(s, i+1, st, bits)
		}
	}
	return h
}

// emit sets the literals whose key ends at end in the state whose row is st.
func (m *litMatcher) emit(s string, end int, st uint32, bits *litBits) {
	for _, id := range m.outs[(st-m.firstOut)>>m.shift] {
		if bits.has(id) {
			continue
		}
		if c := m.check[id]; c.s != "" && !hasAt(s, end-m.keyLen[id], c) {
			continue
		}
		bits.set(id)
	}
}

// hasAt reports whether s holds p at i.
func hasAt(s string, i int, p litPat) bool {
	if i+len(p.s) > len(s) {
		return false
	}
	if !p.fold {
		return s[i:i+len(p.s)] == p.s
	}
	for j := 0; j < len(p.s); j++ {
		if lowerASCIIByte(s[i+j]) != p.s[j] {
			return false
		}
	}
	return true
}

func lowerASCIIByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := lowerASCIIByte(s[i]); 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// containsLowerASCII reports whether lowerASCIIString(s) contains low (itself in lower
// case), without making the lowered copy.
func containsLowerASCII(s, low string) bool {
	if !hasASCIILetter(low) {
		return strings.Contains(s, low)
	}
	n := len(low)
outer:
	for i := 0; i+n <= len(s); i++ {
		for j := 0; j < n; j++ {
			if lowerASCIIByte(s[i+j]) != low[j] {
				continue outer
			}
		}
		return true
	}
	return false
}
