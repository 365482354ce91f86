package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeValue is a byte count flag that takes suffixes: 1000-based KB, MB, GB (K, M, G too)
// and 1024-based KiB, MiB, GiB.
type sizeValue int64

var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1e3, "kb": 1e3, "kib": 1 << 10,
	"m": 1e6, "mb": 1e6, "mib": 1 << 20,
	"g": 1e9, "gb": 1e9, "gib": 1 << 30,
}

func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	if i == 0 || !ok {
		return 0, fmt.Errorf("want a byte count like 1048576, 10MB or 64MiB")
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("too large")
	}
	if n == 0 {
		return 0, fmt.Errorf("want more than 0 bytes")
	}
	return n * unit, nil
}

func formatSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d%s", n/u.size, u.name)
		}
	}
	return strconv.FormatInt(n, 10)
}

func (v *sizeValue) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*v = sizeValue(n)
	return nil
}

func (v *sizeValue) String() string { return formatSize(int64(*v)) }
func (v *sizeValue) Type() string   { return "size" }

// enumValue is a string flag that takes one of a fixed list of words.
type enumValue struct {
	val     *string
	allowed []string
}

func newEnum(p *string, def string, allowed ...string) *enumValue {
	*p = def
	return &enumValue{val: p, allowed: allowed}
}

func (e *enumValue) Set(s string) error {
	for _, a := range e.allowed {
		if s == a {
			*e.val = s
			return nil
		}
	}
	return fmt.Errorf("want %s", strings.Join(e.allowed, ", "))
}

func (e *enumValue) String() string { return *e.val }
func (e *enumValue) Type() string   { return strings.Join(e.allowed, "|") }
