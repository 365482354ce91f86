package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestPassRules(t *testing.T) {
	// every Rule… name constant of the package is listed, so `artclean rules` shows it
	listed := map[string]bool{}
	for _, r := range PassRules() {
		listed[string(r.Name)] = true
	}
	files, _ := filepath.Glob("*.go")
	reConst := regexp.MustCompile(`(?m)^\s+Rule[A-Z]\w*\s+=\s+"([a-z-]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range reConst.FindAllStringSubmatch(string(src), -1) {
			if !listed[m[1]] {
				t.Errorf("%s: rule %q: got no entry in PassRules, want one", f, m[1])
			}
		}
	}
	for _, r := range PassRules() {
		if r.Name == "" || r.Kind == "" || r.Desc == "" {
			t.Errorf("got pass rule %+v, want name, kind and description", r)
		}
		if r.match != nil {
			t.Errorf("pass rule %q: got a match func, want none", r.Name)
		}
	}
}
