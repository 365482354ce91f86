package litjson

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	v, ok := Parse(`["$","p",null,{"children":["a \"b\" ",1.5,true,{"k":[]}],"x":false}]`, 128)
	if !ok {
		t.Fatal("Parse failed on valid JSON")
	}
	arr := v.([]any)
	if len(arr) != 4 || arr[0] != "$" || arr[1] != "p" || arr[2] != nil {
		t.Fatalf("got %#v", arr)
	}
	props := arr[3].(Object)
	ch, _ := props.Get("children")
	if c := ch.([]any); c[0] != `a "b" ` || c[1] != 1.5 || c[2] != true {
		t.Errorf("children = %#v", c)
	}
	if x, ok := props.Get("x"); !ok || x != false {
		t.Errorf("x = %v, %v; want false, true", x, ok)
	}
	for _, bad := range []string{`[1,]`, `{"a" 1}`, `["x"`, `[1] 2`, `{"a":tru}`} {
		if _, ok := Parse(bad, 128); ok {
			t.Errorf("Parse(%s) succeeded; want failure", bad)
		}
	}
}

// Values nested deeper than the limit make Parse fail; at the limit they are read.
func TestParseDepth(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	if _, ok := Parse(deep(10), 10); !ok {
		t.Errorf("Parse of 10 nested arrays with limit 10 failed")
	}
	if _, ok := Parse(deep(12), 10); ok {
		t.Errorf("Parse of 12 nested arrays with limit 10 succeeded")
	}
}

func TestParsePrefix(t *testing.T) {
	v, n, ok := ParsePrefix(` {"a":[1,2]});var x=1`, 4)
	if !ok || n != len(` {"a":[1,2]}`) {
		t.Fatalf("got %v %d %v", v, n, ok)
	}
	if o, _ := v.(Object); len(o) != 1 || o[0].Key != "a" {
		t.Errorf("got %#v", v)
	}
	if _, n, ok := ParsePrefix(`{"a":1, b:2}`, 4); ok || n == 0 {
		t.Errorf("JavaScript object read as JSON (n %d, ok %v)", n, ok)
	}
}
