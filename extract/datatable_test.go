package extract

import (
	"strings"
	"testing"
)

// A table of figures between the paragraphs that introduce and explain it is the
// article's, even when the element holding the article holds the readers' comments too
// (so that no element is mostly article and the container pass takes nothing in).
func TestDataTableBetweenParagraphs(t *testing.T) {
	var comments strings.Builder
	for i := range 6 {
		comments.WriteString(`<div class="comment"><p>I have read the figures twice and I still think the council is wrong about the bridge, because nobody asked the people who cross it every single day on their way to work.</p>`)
		comments.WriteString(`<p>Posted by: reader` + string(rune('a'+i)) + ` | March 3, 2024 06:24 PM</p></div>`)
	}
	page := `<html lang="en"><head><title>Bridge poll splits the town</title></head><body>
<div class="nav"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/polls">Polls</a></div>
<div id="post"><div class="content">
<h3>Bridge poll splits the town</h3>
<p>A new poll of the town's voters shows that the plan to close the old bridge to cars has divided the town almost evenly, with older residents far more likely to oppose it than younger ones.</p>
<p>The council had expected broad support for the plan after two years of public meetings, but the figures suggest that the meetings did little to change the minds of those who drive to work.</p>
<p>Support is strongest among those who walk or cycle into the town centre, and weakest among those who live on the far side of the river and have no other way to reach the shops.</p>
<p>Here are the figures among the main groups:</p>
<div class="graphic"><table class="figures"><tr><th>Group</th><th>Support</th><th>Oppose</th></tr>
<tr><td>All voters</td><td>48</td><td>47</td></tr><tr><td>Under 35</td><td>61</td><td>33</td></tr>
<tr><td>35 to 64</td><td>45</td><td>50</td></tr><tr><td>65 and over</td><td>36</td><td>59</td></tr>
<tr><td>Walk or cycle</td><td>70</td><td>25</td></tr><tr><td>Drive</td><td>38</td><td>58</td></tr></table></div>
<p>The poll was conducted by telephone over four days last week among a random sample of six hundred adults living in the town, and its margin of error is four points either way.</p>
<h3>Comments</h3>` + comments.String() + `</div></div>
<div class="footer"><p>Copyright 2024 The Town Gazette</p></div>
</body></html>`
	a, err := ExtractString(page, Source{Name: "page"}, Options{Input: KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	all := bodyText(a)
	for _, want := range []string{"Under 35", "65 and over", "The poll was conducted"} {
		if !strings.Contains(all, want) {
			t.Errorf("the body lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "I have read the figures") {
		t.Errorf("a comment is in the body:\n%s", all)
	}
}
