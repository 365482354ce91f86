// Package rulesfile reads a user's rules file (artclean --rules FILE): YAML whose rules
// match a block's text (RE2), its element or an ancestor (CSS selector) and the page's host,
// and built-in rules to switch off. A loaded RuleSet implements extract.UserRules; the
// extract package itself does not import this one, nor its YAML and selector modules.
package rulesfile

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/artclean/artclean/extract"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"golang.org/x/net/html"
)

// RuleSet is a user's rules file, loaded and checked: rules tried in file order before the
// built-ins, and built-in rules switched off. It is read-only once loaded, so one RuleSet
// serves many goroutines.
type RuleSet struct {
	rules    []userRule
	disabled map[string]bool
}

// userRule is one rule of a rules file. Every condition given must hold.
type userRule struct {
	name  string
	keep  bool
	text  *regexp.Regexp    // on the block's text; nil means any
	sel   cascadia.Selector // on the block's element or an ancestor; nil means any
	hosts []string          // lower-case, without "www."; empty means any
}

// RulesError is what is wrong with a rules file, and where.
type RulesError struct {
	File string
	Line int // 1-based; 0 when the file as a whole is wrong
	Msg  string
}

func (e *RulesError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadRulesFile reads and checks the rules file at path.
func LoadRulesFile(path string) (*RuleSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &RulesError{File: path, Msg: "cannot read: " + err.Error()}
	}
	return ParseRules(path, data)
}

// ParseRules checks a rules file's contents; name is the file's name for errors. Every
// regexp and selector is compiled here, once.
//
//	disable: [ticker]           # built-in rules to switch off, by name
//	rules:
//	  - name: drop-newsletter   # shown by --explain when it decides
//	    action: drop            # drop | keep
//	    text: "(?i)^sign up"    # RE2 regexp on the block's text
//	    selector: "div.promo"   # CSS selector on the block's element or an ancestor (HTML)
//	    hosts: [example.com]    # only pages on these hosts (and their subdomains)
func ParseRules(name string, data []byte) (*RuleSet, error) {
	var f rulesFile
	if err := yaml.UnmarshalWithOptions(data, &f, yaml.DisallowUnknownField()); err != nil {
		return nil, rulesError(name, err)
	}
	set := &RuleSet{disabled: map[string]bool{}}
	for _, d := range f.Disable {
		set.disabled[d.Value] = true
	}
	seen := map[string]int{}
	for _, r := range f.Rules {
		switch {
		case r.Name.Value == "":
			return nil, &RulesError{name, r.line, "a rule needs a name"}
		case r.Action.Value == "":
			return nil, &RulesError{name, r.line, fmt.Sprintf("rule %q needs an action: drop or keep", r.Name.Value)}
		case r.Text.re == nil && r.Selector.sel == nil:
			return nil, &RulesError{name, r.line, fmt.Sprintf("rule %q needs a text or a selector to match", r.Name.Value)}
		}
		if l, ok := seen[r.Name.Value]; ok {
			return nil, &RulesError{name, r.Name.Line, fmt.Sprintf("rule %q is already defined on line %d", r.Name.Value, l)}
		}
		seen[r.Name.Value] = r.Name.Line
		ur := userRule{name: r.Name.Value, keep: r.Action.Value == "keep", text: r.Text.re, sel: r.Selector.sel}
		for _, h := range r.Hosts {
			ur.hosts = append(ur.hosts, h.Value)
		}
		set.rules = append(set.rules, ur)
	}
	return set, nil
}

// Decide implements extract.UserRules: the first rule whose conditions all hold decides.
func (s *RuleSet) Decide(b *extract.Block, host string) (name string, keep, ok bool) {
	if s == nil {
		return "", false, false
	}
	for i := range s.rules {
		r := &s.rules[i]
		if r.match(b, host) {
			return r.name, r.keep, true
		}
	}
	return "", false, false
}

// Disabled implements extract.UserRules.
func (s *RuleSet) Disabled(name string) bool { return s != nil && s.disabled[name] }

// Len is the number of rules, not counting disabled built-ins.
func (s *RuleSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.rules)
}

func (r *userRule) match(b *extract.Block, host string) bool {
	if len(r.hosts) > 0 && !hostIn(host, r.hosts) {
		return false
	}
	if r.text != nil && !r.text.MatchString(b.Text) {
		return false
	}
	if r.sel != nil && !selectorMatches(r.sel, b.Node) {
		return false
	}
	return true
}

// hostIn reports whether host is one of hosts or a subdomain of one.
func hostIn(host string, hosts []string) bool {
	if host == "" {
		return false
	}
	for _, h := range hosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// selectorMatches reports whether n or one of its ancestors matches sel.
func selectorMatches(sel cascadia.Selector, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && sel.Match(n) {
			return true
		}
	}
	return false
}

// The file as it is decoded. Each value type checks itself as it is decoded, so an error
// carries the line of the value that is wrong.
type rulesFile struct {
	Disable []builtinName `yaml:"disable"`
	Rules   []ruleSpec    `yaml:"rules"`
}

type ruleSpec struct {
	line     int
	Name     posString     `yaml:"name"`
	Action   action        `yaml:"action"`
	Text     textPattern   `yaml:"text"`
	Selector selector      `yaml:"selector"`
	Hosts    []hostPattern `yaml:"hosts"`
}

// UnmarshalYAML records the rule's line, then decodes its fields strictly.
func (r *ruleSpec) UnmarshalYAML(n ast.Node) error {
	r.line = nodeLine(n)
	if _, ok := n.(ast.MapNode); !ok {
		return &RulesError{Line: r.line, Msg: "a rule must be a mapping of name, action, text, selector, hosts"}
	}
	type plain ruleSpec // without this method
	if err := yaml.NodeToValue(n, (*plain)(r), yaml.DisallowUnknownField()); err != nil {
		return err
	}
	return nil
}

// posString is a string value and the line it is on.
type posString struct {
	Value string
	Line  int
}

func (p *posString) UnmarshalYAML(n ast.Node) error {
	p.Line = nodeLine(n)
	if _, ok := n.(ast.ScalarNode); !ok || n.Type() == ast.NullType {
		return &RulesError{Line: p.Line, Msg: "want a string"}
	}
	if err := yaml.NodeToValue(n, &p.Value); err != nil {
		return err
	}
	p.Value = strings.TrimSpace(p.Value)
	return nil
}

type action struct{ posString }

func (a *action) UnmarshalYAML(n ast.Node) error {
	if err := a.posString.UnmarshalYAML(n); err != nil {
		return err
	}
	if a.Value != "drop" && a.Value != "keep" {
		return &RulesError{Line: a.Line, Msg: fmt.Sprintf("unknown action %q: want drop or keep", a.Value)}
	}
	return nil
}

type textPattern struct {
	posString
	re *regexp.Regexp
}

func (t *textPattern) UnmarshalYAML(n ast.Node) error {
	if err := t.posString.UnmarshalYAML(n); err != nil {
		return err
	}
	re, err := regexp.Compile(t.Value)
	if err != nil {
		var se *syntax.Error
		msg := err.Error()
		if errors.As(err, &se) {
			msg = fmt.Sprintf("%s: %q", se.Code, se.Expr)
		}
		return &RulesError{Line: t.Line, Msg: "bad text regexp: " + msg}
	}
	t.re = re
	return nil
}

type selector struct {
	posString
	sel cascadia.Selector
}

func (s *selector) UnmarshalYAML(n ast.Node) error {
	if err := s.posString.UnmarshalYAML(n); err != nil {
		return err
	}
	sel, err := cascadia.Compile(s.Value)
	if err != nil {
		return &RulesError{Line: s.Line, Msg: fmt.Sprintf("bad selector %q: %v", s.Value, err)}
	}
	s.sel = sel
	return nil
}

type hostPattern struct{ posString }

func (h *hostPattern) UnmarshalYAML(n ast.Node) error {
	if err := h.posString.UnmarshalYAML(n); err != nil {
		return err
	}
	v := strings.TrimPrefix(strings.ToLower(h.Value), "www.")
	if v == "" || strings.ContainsAny(v, "/:@ ") {
		return &RulesError{Line: h.Line, Msg: fmt.Sprintf("bad host %q: want a host name like example.com", h.Value)}
	}
	h.Value = v
	return nil
}

type builtinName struct{ posString }

func (d *builtinName) UnmarshalYAML(n ast.Node) error {
	if err := d.posString.UnmarshalYAML(n); err != nil {
		return err
	}
	for _, r := range extract.Rules() {
		if string(r.Name) == d.Value {
			return nil
		}
	}
	return &RulesError{Line: d.Line, Msg: fmt.Sprintf("disable: unknown built-in rule %q (see 'artclean rules')", d.Value)}
}

func nodeLine(n ast.Node) int {
	if n == nil || n.GetToken() == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

// rulesError turns a decoding error into "FILE:LINE: what is wrong".
func rulesError(file string, err error) error {
	var re *RulesError
	if errors.As(err, &re) {
		return &RulesError{File: file, Line: re.Line, Msg: re.Msg}
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil {
			line = tk.Position.Line
		}
		msg := ye.GetMessage()
		if rest, ok := strings.CutPrefix(msg, "unknown field "); ok {
			msg = "unknown key " + rest + " (a file has disable and rules; a rule has name, action, text, selector, hosts)"
		}
		return &RulesError{File: file, Line: line, Msg: msg}
	}
	return &RulesError{File: file, Msg: err.Error()}
}
