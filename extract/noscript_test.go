package extract

import (
	"strings"
	"testing"
)

// A thread served inside <noscript> is read; a tracking pixel's <noscript> is not.
func TestNoscriptContent(t *testing.T) {
	post := `<div class="post"><span class="author">walker</span><p>I replaced the fan on my old desktop last week and the noise went away, but the case still gets warm after an hour of work, so I wonder whether the paste needs changing too.</p></div>`
	cases := []struct {
		name, body string
		want       bool
	}{
		{"thread in noscript", `<div id="app"></div><noscript>` + strings.Repeat(post, 3) + `</noscript>`, true},
		{"short noscript", `<div id="app"></div><noscript><p>Please enable JavaScript to read this forum and its many threads.</p></noscript>`, false},
		{"noscript in head", ``, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			head := ""
			if c.body == "" {
				head = `<noscript>` + strings.Repeat(post, 3) + `</noscript>`
			}
			doc := SegmentHTML("<html><head>"+head+"</head><body>"+c.body+"</body></html>", Options{})
			got := false
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, "replaced the fan") || strings.Contains(b.Text, "enable JavaScript") {
					got = true
				}
			}
			if got != c.want {
				t.Errorf("noscript text segmented = %v, want %v", got, c.want)
			}
		})
	}
}
