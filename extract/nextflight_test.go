package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestJSString(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              int
	}{
		{"plain", `"abc"rest`, "abc", 5},
		{"JSON escapes", `"a\"b\\c\nd\u003cp\u003e"`, "a\"b\\c\nd<p>", 25},
		{"JS escapes", `"\x3cb\x3e \'q\' \u{1F600}"`, "<b> 'q' 😀", 27},
		{"surrogate pair", `"\ud83d\ude00!"`, "😀!", 15},
		{"single quotes", `'it\'s'`, "it's", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, ok := jsString(tt.in)
			if !ok || got != tt.want || n != tt.n {
				t.Errorf("jsString(%s) = %q, %d, %v; want %q, %d, true", tt.in, got, n, ok, tt.want, tt.n)
			}
		})
	}
	for _, bad := range []string{`"unterminated`, `abc`, "\"line\nbreak\"", `"\x4"`} {
		if _, _, ok := jsString(bad); ok {
			t.Errorf("jsString(%q) read a string; want none", bad)
		}
	}
}

func TestFlightRows(t *testing.T) {
	// a T row's length counts bytes ("é" is two), and no line break ends it
	rows := "1:\"$Sreact.fragment\"\n2:I[1,[],\"x\"]\n3:T5,café4:[\"$\",\"p\",null,{\"children\":\"$3\"}]\n:HL[\"/a.css\",\"style\"]\n"
	js, text := flightRows(rows)
	if text["3"] != "café" {
		t.Errorf("T row = %q, want %q", text["3"], "café")
	}
	if _, ok := js["2"]; ok {
		t.Error("import row kept as JSON")
	}
	if js["4"] == "" || js["1"] == "" {
		t.Errorf("rows = %v", js)
	}
}

// flightScripts encodes rows as the scripts a Next.js app-router page pushes them from,
// cut into pieces of about size bytes (the cuts fall anywhere, even inside a row).
func flightScripts(rows string, size int) string {
	var b strings.Builder
	b.WriteString(`<script>(self.__next_f=self.__next_f||[]).push([0])</script>`)
	for len(rows) > 0 {
		n := min(size, len(rows))
		for n < len(rows) && rows[n]&0xC0 == 0x80 { // not inside a character
			n++
		}
		lit, _ := json.Marshal(rows[:n])
		fmt.Fprintf(&b, `<script>self.__next_f.push([1,%s])</script>`, lit)
		rows = rows[n:]
	}
	return b.String()
}

// flightPara is made-up prose for the flight pages.
func flightPara(i int) string {
	return fmt.Sprintf("The river pilots met on day %d to say that the new buoys had moved in the storm and that the channel would stay closed to large boats until the survey was done.", i)
}

// flightRowsPage writes the rows of a page: a header with a menu, the article (title,
// paragraphs, a heading, a list), a list of other stories and a footer, with the router's
// not-found fallback and a script loader beside them.
func flightRowsPage(n int) string {
	var b strings.Builder
	b.WriteString("1:\"$Sreact.fragment\"\n")
	b.WriteString("2:I[100,[\"static/chunks/a.js\"],\"Script\"]\n")
	b.WriteString("3:I[200,[\"static/chunks/b.js\"],\"default\"]\n")
	b.WriteString(`0:{"P":null,"b":"build","f":[[["",{"children":["__PAGE__",{}]},"$undefined",true],["$","$1","c",{"children":["$","html",null,{"lang":"en","children":[["$","head",null,{"children":["$","title",null,{"children":"River pilots close the channel"}]}],["$","body",null,{"children":["$L4","$L5","$L6",["$","$L3",null,{"notFound":[["$","h1",null,{"children":"404"}],["$","p",null,{"children":"This page could not be found, sorry about that."}]]}],["$","$L2",null,{"id":"tracker","strategy":"afterInteractive","children":"window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)} gtag('js',new Date());"}]]}]]}]}]]]}` + "\n")
	b.WriteString(`4:["$","header",null,{"children":["$","nav",null,{"children":["$","ul",null,{"children":[["$","li",null,{"children":["$","a",null,{"href":"/","children":"Home"}]}],["$","li",null,{"children":["$","a",null,{"href":"/news","children":"News"}]}]]}]}]}]` + "\n")
	var paras []string
	for i := range n {
		if i == 2 {
			paras = append(paras, `["$","h2",null,{"children":"What the survey will find"}]`)
		}
		paras = append(paras, fmt.Sprintf(`["$","p",null,{"className":"text-base leading-7","children":[%q,["$","strong",null,{"children":"closed"}],"."]}]`, flightPara(i)))
	}
	paras = append(paras, `["$","ul",null,{"children":[["$","li",null,{"children":"Small boats may still pass at high tide."}],["$","li",null,{"children":"Ferries keep to their timetable."}]]}]`)
	fmt.Fprintf(&b, `5:["$","main",null,{"children":["$","article",null,{"children":[["$","h1",null,{"children":"River pilots close the channel"}],%s]}]}]`+"\n", strings.Join(paras, ","))
	b.WriteString(`6:["$","aside",null,{"children":[["$","h2",null,{"children":"Most read"}],["$","a",null,{"href":"/x","children":"Harbour fees go up again next spring for every boat owner"}]]}]` + "\n")
	return b.String()
}

func TestNextFlightBody(t *testing.T) {
	body := nextFlightBody(flightRowsPage(5))
	checkBody(t, body,
		[]string{flightPara(0) + "closed.", flightPara(4), "What the survey will find", "Small boats may still pass at high tide."},
		[]string{"Home", "could not be found", "dataLayer", "Harbour fees", "Most read"})
	if strings.Count(body, "\n\n") < 7 {
		t.Errorf("paragraphs not kept apart:\n%s", body)
	}
}

func TestNextFlightBodyData(t *testing.T) {
	// the body held as data: an HTML string in a T row that a client component's props
	// point to, beside a query and a script that must not pass for a body
	html := "<p>" + flightPara(0) + "</p><p>" + flightPara(1) + "</p><h2>After the storm</h2><p>" + flightPara(2) + "</p>"
	query := strings.Repeat("fragment Page on Page {\n\n  title\n\n  path\n\n}\n\n", 8)
	rows := "1:I[300,[],\"Story\"]\n" +
		fmt.Sprintf("2:T%x,%s", len(html), html) +
		fmt.Sprintf("3:T%x,%s", len(query), query) +
		`0:["$","div",null,{"children":["$","$L1",null,{"story":{"title":"River pilots","content":"$2","query":"$3"}}]}]` + "\n"
	body := nextFlightBody(rows)
	checkBody(t, body, []string{flightPara(0), flightPara(2), "After the storm"}, []string{"<p>", "fragment"})
}

func TestFlightPage(t *testing.T) {
	shell := func(inBody string, rows string) string {
		return `<html><head><title>River pilots close the channel</title></head><body>` + inBody + flightScripts(rows, 700) + `</body></html>`
	}
	var server strings.Builder
	server.WriteString(`<article><h1>River pilots close the channel</h1>`)
	for i := range 6 {
		fmt.Fprintf(&server, "<p>%sclosed.</p>", flightPara(i))
	}
	server.WriteString(`</article>`)
	tests := []struct {
		name         string
		page         string
		want, reject []string
	}{
		{"body rendered in the browser only",
			shell(`<div id="root"><p>Loading…</p></div>`, flightRowsPage(6)),
			[]string{flightPara(0), flightPara(5), "Small boats may still pass"}, []string{"could not be found", "dataLayer"}},
		{"the HTML holds the first paragraph only",
			shell(`<article><h1>River pilots close the channel</h1><p>`+flightPara(0)+`closed.</p><button>Read more</button></article>`, flightRowsPage(6)),
			[]string{flightPara(0), flightPara(3), flightPara(5)}, []string{"could not be found"}},
		{"the HTML holds the body",
			shell(server.String(), flightRowsPage(6)),
			[]string{flightPara(0), flightPara(5)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ExtractString(tt.page, Source{Name: "page"}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			text := bodyText(a)
			checkBody(t, text, tt.want, tt.reject)
			if n := strings.Count(text, flightPara(5)); n != 1 {
				t.Errorf("last paragraph shown %d times, want once:\n%s", n, text)
			}
		})
	}
}
