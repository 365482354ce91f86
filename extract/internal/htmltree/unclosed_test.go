package htmltree

import "testing"

func TestCloseTitle(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"closed", "<title>A</title><p>x</p>", "<title>A</title><p>x</p>"},
		{"no title", "<p>x</p>", "<p>x</p>"},
		{"spliced end", "<title>Storm hits coast</titavaScript\" src=\"a.js\"></script><p>x</p>", "<title>Storm hits coast</title></titavaScript\" src=\"a.js\"></script><p>x</p>"},
		{"upper case", "<TITLE>A\n<BODY><P>x", "<TITLE>A\n</title><BODY><P>x"},
		{"closed upper", "<TITLE>A</TITLE><P>x", "<TITLE>A</TITLE><P>x"},
		{"closed with space", "<title>A</title ><p>x</p>", "<title>A</title ><p>x</p>"},
		{"closed at the end", "<title>A</title", "<title>A</title"},
		{"end tag run into an attribute", "<title id=\"t\">Storm hits coast</titlevalue=\"true\" -->\n<body><p>x</p>", "<title id=\"t\">Storm hits coast</title></titlevalue=\"true\" -->\n<body><p>x</p>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := closeTitle(c.in); got != c.want {
				t.Errorf("closeTitle(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
