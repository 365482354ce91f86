package extract

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
)

// strCache is a fixed-size, direct-mapped, process-wide cache of a pure function of a
// string: class names and their verdicts repeat across elements and pages. A lookup is
// one hash and one atomic load; a colliding key replaces the one in its slot. It is safe
// for concurrent use and holds at most len(slots) entries.
type strCache[V any] struct {
	seed  maphash.Seed
	slots []atomic.Pointer[strEntry[V]]
}

type strEntry[V any] struct {
	key string
	val V
}

func newStrCache[V any](slots int) *strCache[V] {
	return &strCache[V]{seed: maphash.MakeSeed(), slots: make([]atomic.Pointer[strEntry[V]], slots)}
}

func (c *strCache[V]) slot(k string) *atomic.Pointer[strEntry[V]] {
	return &c.slots[maphash.String(c.seed, k)&uint64(len(c.slots)-1)]
}

func (c *strCache[V]) get(k string) (v V, ok bool) {
	if e := c.slot(k).Load(); e != nil && e.key == k {
		return e.val, true
	}
	return v, false
}

func (c *strCache[V]) put(k string, v V) {
	c.slot(k).Store(&strEntry[V]{key: strings.Clone(k), val: v})
}
