package htmltree

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sameTree compares two trees node by node (type, Data, DataAtom, Namespace, Attr,
// children in order) and describes the first difference, or returns "".
func sameTree(got, want *html.Node) string {
	type pair struct {
		g, w *html.Node
		path string
	}
	stack := []pair{{got, want, "doc"}}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		g, w := p.g, p.w
		if g.Type != w.Type || g.Data != w.Data || g.DataAtom != w.DataAtom || g.Namespace != w.Namespace {
			return fmt.Sprintf("%s: got %v %q (atom %v, ns %q), want %v %q (atom %v, ns %q)",
				p.path, g.Type, g.Data, g.DataAtom, g.Namespace, w.Type, w.Data, w.DataAtom, w.Namespace)
		}
		if len(g.Attr) != len(w.Attr) {
			return fmt.Sprintf("%s: got attrs %v, want %v", p.path, g.Attr, w.Attr)
		}
		for i := range g.Attr {
			if g.Attr[i] != w.Attr[i] {
				return fmt.Sprintf("%s: got attrs %v, want %v", p.path, g.Attr, w.Attr)
			}
		}
		gc, wc := g.FirstChild, w.FirstChild
		for i := 0; gc != nil || wc != nil; i++ {
			if gc == nil || wc == nil {
				return fmt.Sprintf("%s: child %d: got %v, want %v", p.path, i, gc != nil, wc != nil)
			}
			if gc.Parent != g {
				return fmt.Sprintf("%s: child %d: wrong parent", p.path, i)
			}
			stack = append(stack, pair{gc, wc, fmt.Sprintf("%s/%d:%s", p.path, i, wc.Data)})
			gc, wc = gc.NextSibling, wc.NextSibling
		}
	}
	return ""
}

// treeDepth is the deepest element nesting of the tree under n.
func treeDepth(n *html.Node) int {
	d := 0
	for c := range n.Descendants() {
		k := 0
		for p := c; p != nil; p = p.Parent {
			k++
		}
		d = max(d, k)
	}
	return d
}

// checkTreeBuild asserts the builder's contract on s: it bails, or its tree is the tree
// of html.Parse; when html.Parse fails only for the depth limit, the builder's tree must
// be sound. It returns the bail reason.
func checkTreeBuild(t testing.TB, name, s string) string {
	t.Helper()
	got, reason := buildTreeReason(s)
	if got == nil {
		if reason == "" || strings.HasPrefix(reason, tbInternalError) {
			t.Errorf("%s: no tree, reason %q", name, reason)
		}
		return reason
	}
	want, err := html.Parse(strings.NewReader(s))
	if err != nil {
		if !strings.Contains(err.Error(), "exceeds 512") {
			t.Errorf("%s: html.Parse fails (%v) but the builder did not bail", name, err)
		}
		if got.FirstChild == nil || treeDepth(got) <= 512 {
			t.Errorf("%s: html.Parse fails for depth, the builder's tree is %d deep", name, treeDepth(got))
		}
		return ""
	}
	if d := sameTree(got, want); d != "" {
		t.Errorf("%s: tree differs from html.Parse: %s", name, d)
	}
	return ""
}

var treeSnippets = []string{
	"",
	"   ",
	"x",
	"<p>a",
	"<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>",
	"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p>a<table><tr><td>b</table>",
	"<!doctype html><p>a<table><tr><td>b</table>",
	"<p>a<table><tr><td>b</table>", // quirks: the table stays in the p
	"<!DOCTYPE html",
	"<!-- c1 --><!DOCTYPE html><!-- c2 --><html><!-- c3 --><head></head><!-- c4 --><body></body><!-- c5 --></html><!-- c6 -->",
	"\n<html>\n<head>\n<meta charset=utf-8>\n<title>x</title>\n</head>\n<body>\n<p>a</p>\n</body>\n</html>\n",
	"<html> <head> </head> x</html>",
	"<head><script>var a = '<p>';</script><style>p{}</style><noscript><p>no</p></noscript></head><p>x",
	"<title>a &amp; b</title><p>x",
	"<head></head><script>x</script><meta name=a><p>y",
	"<head></head> <link rel=x> <p>y",
	"<div><p>a<div>b</div>",
	"<p>a<p>b<h1>c<h2>d</h1>e",
	"<ul><li>a<li>b<ul><li>c</ul><li>d</ul>",
	"<dl><dt>a<dd>b<dt>c<div><dd>d</div></dl>",
	"<select><option>a<option>b<optgroup><option>c</select>",
	"<select><option>a<select>b",
	"<ruby>a<rb>b<rt>c<rp>d<rtc>e</ruby>",
	"<pre>\nx</pre><pre>\n\ny</pre><listing>\nz</listing><textarea>\nw</textarea>",
	"<pre>\r\nx</pre>",
	"a\r\nb\rc&amp;d&lt;e &copy; &notanentity; &#x41;",
	"a\x00b<p>\x00</p><script>\x00</script>",
	"<br><br/></br><img src=a><image src=b><hr><input type=hidden><wbr>",
	"<p>a</p></p>b",
	"</div>x</span><p>y</b>",
	"<b>a<i>b</i>c</b>",
	"<div><b>x</div>y",
	"<b><p>x</b>y",
	"<a href=1>a<a href=2>b</a>",
	"<a><div>x</a>y",
	"<b>1<b>2<b>3<b>4<b>5</b></b></b></b></b><p>x",
	"<b class=x id=y>1<b id=y class=x>2<b>3<b class=x id=y>4<p>x",
	"<nobr>a<nobr>b",
	"<button>a<button>b",
	"<table><tr><td>a<td>b<tr><th>c</table>",
	"<table><caption>c</caption><colgroup><col><col></colgroup><thead><tr><th>h</thead><tbody><tr><td>d</tbody><tfoot><tr><td>f</tfoot></table>",
	"<table> <tr> <td>a</td> </tr> </table>",
	"<table>x<tr><td>a</table>",
	"<table><div>x</div></table>",
	"<table><tr><td><table><tr><td>inner</table></table>",
	"<table><td>a<table><td>b</table>",
	"<table><tr><td>a</tr></table>",
	"<table><form><tr><td><input type=hidden></table>",
	"<table><col><tr><td>a",
	"<table><caption><b>x</table>y",
	"<table><tr><td><b>x</td></tr></table>",
	"<table><script>a</script><tr><td>x</table>",
	"<svg viewBox=\"0 0 10 10\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><path d=\"M0\"/><use xlink:href=\"#a\"></use></svg><p>x",
	"<svg><title>t<b>x</b></title><lineargradient id=g><stop/></lineargradient><clippath><rect/></clippath></svg>",
	"<svg><foreignObject><p>html</p></foreignObject></svg>",
	"<svg><p>breakout</svg>",
	"<svg><font color=red>x</font></svg>",
	"<svg><style>a<b</style><script>x<y</script></svg>",
	"<svg><![CDATA[ a < b ]]></svg>",
	"<math><mi>x</mi><mo>+</mo><annotation-xml encoding=\"text/html\"><p>a</p></annotation-xml></math>",
	"<math definitionurl=x><mtext><b>t</b></mtext></math>",
	"<p><svg/>x",
	"<template><p>x</template>",
	"<head><template><meta a=b><p>x</p></template></head><body><template id=t><div>a<b>b</template>c",
	"<template><tr><td>a</td></tr></template><template><td>b</template><template><col></template><template><caption>c</template>",
	"<template><html a=1><body b=2><form><form></form></form></template><form><template></form></template>",
	"<table><template><tr><td>x</template></table>",
	"<template><template>a</template>b",
	"<svg><template><p>x</template></svg>",
	"<p>x<template>y",
	"<frameset><frame></frameset>",
	"<body a=1><body b=2 a=3><html c=4>",
	"<p>x</body> y</html> z<!-- c -->",
	"<form><form><input></form></form>",
	"<div><form></div></form>",
	"<h1>a<h1>b",
	"<object><b>x</object>y",
	"<xmp><p></xmp><iframe><p></iframe><noembed><p></noembed><plaintext><p>",
	"<custom-el a=b>x</custom-el><Weird-Tag>y</WEIRD-tag><DIV CLASS=\"A\">z</DIV>",
	"<div a=\"x&amp;y\" b='q' c=r d e=\"\" A=dup>x</div>",
	"<p>unclosed <b>bold <i>italic",
	"<body><p>x</p></body></html>\n\n",
	"<html><body></body></html><p>late",
	"<p>a</html><p>b",
	"<li>a<li>b",
	"<a href=x><b>y</a>z",
	"<b><b><b><b></b></b></b></b>",
	"<div>" + strings.Repeat("<div>", 600) + "deep" + strings.Repeat("</div>", 600),
	strings.Repeat("<b>", 600) + "x",
}

func TestTreeBuildSnippets(t *testing.T) {
	bailed := 0
	for i, s := range treeSnippets {
		name := fmt.Sprintf("snippet %d %.40q", i, s)
		if r := checkTreeBuild(t, name, s); r != "" {
			bailed++
			t.Logf("%s: bailed: %s", name, r)
		}
	}
	t.Logf("bailed on %d of %d snippets", bailed, len(treeSnippets))
}

// TestTreeBuildDeep checks a page deeper than html.Parse's limit: the builder does not
// bail and keeps the whole nesting.
func TestTreeBuildDeep(t *testing.T) {
	s := strings.Repeat("<div>", 1000) + "x" + strings.Repeat("</div>", 1000)
	root, reason := buildTreeReason(s)
	if root == nil {
		t.Fatalf("bailed: %s", reason)
	}
	if d := treeDepth(root); d < 1000 {
		t.Errorf("depth %d, want over 1000", d)
	}
}

// TestTreeBuildTooDeep checks that the builder bails on a page deeper than tbMaxDepth,
// and that parse still builds a tree for it (by flattening).
func TestTreeBuildTooDeep(t *testing.T) {
	s := strings.Repeat("<div>", tbMaxDepth+10) + "x"
	if root, reason := buildTreeReason(s); root != nil || reason != tbTooDeep {
		t.Fatalf("got a tree (%v) or reason %q, want %q", root != nil, reason, tbTooDeep)
	}
	if parse(s) == nil {
		t.Fatal("parse: no tree")
	}
}

// TestTreeBuildCases runs the builder on every input under testdata.
func TestTreeBuildCases(t *testing.T) {
	n, bailed := 0, 0
	_ = filepath.WalkDir(filepath.Join("..", "..", "..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if !strings.HasSuffix(path, ".html") && !strings.HasSuffix(path, ".htm") && !strings.Contains(filepath.Base(path), "input.") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(path, ".gz") {
			if data, err = gunzip(data); err != nil {
				return nil
			}
		}
		n++
		if checkTreeBuild(t, path, string(data)) != "" {
			bailed++
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no inputs under testdata")
	}
	t.Logf("%d inputs, bailed on %d", n, bailed)
}

func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// TestTreeBuildEval runs the builder on every evaluation input in ../shared (skipped
// when it is not there) and reports the bail rate and reasons.
func TestTreeBuildEval(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "eval", "sets", "*", "inputs", "*"))
	if len(files) == 0 {
		t.Skip("../shared/eval is not there")
	}
	var pages, bailedPages, bytesAll, bytesBailed int
	reasons := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			if data, err = gunzip(data); err != nil {
				continue
			}
		}
		if !bytes.Contains(data, []byte("<")) {
			continue // a text input
		}
		pages++
		bytesAll += len(data)
		if r := checkTreeBuild(t, f, string(data)); r != "" {
			bailedPages++
			bytesBailed += len(data)
			reasons[r]++
		}
	}
	var keys []string
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return reasons[keys[i]] > reasons[keys[j]] })
	t.Logf("%d pages (%d bytes): bailed on %d (%.1f%%, %.1f%% of the bytes), the other %d identical to html.Parse's unless reported",
		pages, bytesAll, bailedPages, 100*float64(bailedPages)/float64(pages),
		100*float64(bytesBailed)/float64(bytesAll), pages-bailedPages)
	for _, k := range keys {
		t.Logf("  %4d %s", reasons[k], k)
	}
}

// rawTextSnippets hold raw text (scripts, styles …) whose end the builder finds by a
// search rather than the tokenizer: TestTreeBuildRawText runs them with every raw text
// searched, and with the default least length.
var rawTextSnippets = []string{
	"<script>var a = 1;</script><p>x",
	"<script>if (a </scripty) b();</SCRIPT >after",
	"<script>a = '</script' + 'x';</script\t>b",
	"<script>document.write('<!-- <script> x </script> -->');</script><p>y",
	"<script>a\r\nb</script>c",
	"<script>a\x00b</script>c",
	"<script>never closed",
	"<script>closed at the very end</script",
	"<script/>self closing</script>z",
	"<style>p { color: red } </style ><p>s",
	"<noscript><p>no script</p></noscript><p>t",
	"<iframe><p>frame</p></iframe><xmp><b>x</b></xmp>",
	"<svg><script>var s = '<b>';</script><style>.a{}</style></svg><p>u",
	"<table><script>t()</script><tr><td>c</td></tr></table>",
	"<textarea>\n&amp;</textarea><title>a &lt; b</title>",
	"<head><script>h()</script></head><body><script>b()</script></body><script>tail()</script>",
}

// rawTextStart finds the start tags of raw text elements (the filler goes after them).
var rawTextStart = regexp.MustCompile(`<(script|style|noscript|iframe|xmp)[^>]*>`)

func TestTreeBuildRawText(t *testing.T) {
	defer func(m int) { rawSkipMin = m }(rawSkipMin)
	for _, min := range []int{1, rawSkipMin} {
		rawSkipMin = min
		for i, s := range rawTextSnippets {
			long := rawTextStart.ReplaceAllString(s, "${0}"+strings.Repeat("x = 1; ", 100))
			for _, in := range []string{s, long} {
				if r := checkTreeBuild(t, fmt.Sprintf("raw text %d (skip from %d bytes) %.40q", i, min, in), in); r != "" {
					t.Errorf("raw text %d: bailed: %s", i, r)
				}
			}
		}
	}
}

func FuzzTreeBuild(f *testing.F) {
	for _, s := range treeSnippets {
		f.Add(s)
	}
	for _, s := range rawTextSnippets {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTreeBuild(t, "input", s)
		defer func(m int) { rawSkipMin = m }(rawSkipMin)
		rawSkipMin = 1
		checkTreeBuild(t, "input, all raw text searched", s)
	})
}
