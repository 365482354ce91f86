package extract

import "testing"

func TestNegativeHint(t *testing.T) {
	tests := []struct{ hints, want string }{
		{"wrap article-share", "share"},
		{"sns_box", "share"},
		{"relate_news", "related"},
		{"news-most-read", "ranking/popular"},
		{"rank_list", "ranking/popular"},
		{"reply_area", "comment"},
		{"cmt", "comment"},
		{"btn_share", "share"},
		{"Site-Footer", ""}, // hints are lower case already; upper case does not match
		{"site-footer", "footer"},
		{"copy", "copyright"},
		{"body-copy", ""},
		{"c-breadcrumbs__item", "breadcrumb"},
		{"newsletter-signup", "subscribe/newsletter"},
		{"sidebar article-body", "sidebar"}, // an ancestor's kind is reported too
		{"article-body sidebar", "sidebar"},
		{"sr-only", ""},         // hidden text is the segmenter's Hidden flag, not a hint kind
		{"overflow-hidden", ""}, // a part "hidden" does not hide the element
		{"article-body paragraph", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.hints, func(t *testing.T) {
			got := negativeHint(tt.hints)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPositiveHint(t *testing.T) {
	tests := []struct {
		hints string
		want  bool
	}{
		{"article-body", true},
		{"news_body", true},
		{"article_txt", true},
		{"entry-content", true},
		{"view_con", true},
		{"sidebar widget", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.hints, func(t *testing.T) {
			if got := positiveHint(tt.hints); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBodyContainerToken(t *testing.T) {
	tests := []struct {
		tok  string
		want bool
	}{
		{"article-body", true},
		{"articlebody", true},
		{"c-article-body__inner", true},
		{"entry-content", true},
		{"news_body", true},
		{"article_txt", true},
		{"view_con", true},
		{"cont_view", true},
		{"story-body", true},
		{"article", false},
		{"body", false},
		{"related-list", false},
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			if got := bodyContainerToken(tt.tok); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHiddenToken(t *testing.T) {
	tests := []struct {
		tok  string
		want bool
	}{
		{"hidden", true}, {"blind", true}, {"sr-only", true}, {"visually-hidden", true},
		{"is-hidden", true}, {"hidden-xs", false}, {"hidden-md-up", false}, {"overflow-hidden", false},
		{"hide-comments", false}, {"article", false},
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			if got := hiddenToken(tt.tok); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
