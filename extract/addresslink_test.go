package extract

import "testing"

func TestAddressHref(t *testing.T) {
	tests := []struct {
		href string
		want bool
	}{
		{"mailto:desk@paper.example", true},
		{" MAILTO:desk@paper.example", true},
		{"tel:+1-555-0100", true},
		{"https://paper.example/contact", false},
		{"/mailto/", false},
		{"tel", false},
	}
	for _, tt := range tests {
		t.Run(tt.href, func(t *testing.T) {
			if got := addressHref(tt.href); got != tt.want {
				t.Errorf("addressHref(%q) = %v, want %v", tt.href, got, tt.want)
			}
		})
	}
}

func TestShownAddress(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"desk@paper.example", true},
		{"555-0100", true}, // 7 digits
		{"(55) 501", true}, // 5 digits, the least
		{"55 50", false},   // 4 digits
		{"Send us your tips", false},
		{"Call 555-0100", false}, // a phrase with the number is a button's label
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := shownAddress(tt.text); got != tt.want {
				t.Errorf("shownAddress(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
