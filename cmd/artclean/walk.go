package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// defaultIncludes are the file names a directory walk takes when no --include is given.
// Files with no extension are taken too (crawlers often save pages without one).
var defaultIncludes = []string{
	"*.html", "*.htm", "*.xhtml", "*.txt",
	"*.html.gz", "*.htm.gz", "*.xhtml.gz", "*.txt.gz",
}

// inputExts are the extensions an output name drops before it takes the format's own:
// a/b.html.gz → a/b.md. Any other extension is kept: a/b.php → a/b.php.md.
var inputExts = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".txt": true,
	".php": true, ".asp": true, ".aspx": true, ".jsp": true,
}

// walkRules decide which files a directory walk takes. Patterns are matched against the
// slash-separated path under the INPUT directory: one without a slash matches the base name
// at any depth (like .gitignore), one with a slash matches the whole path, and ** in it
// stands for any number of directories. Hidden files and directories are never walked.
type walkRules struct {
	include []string // empty: defaultIncludes, plus files with no extension
	exclude []string // a directory that matches is not entered
}

// check reports a malformed pattern as a usage error.
func (w walkRules) check() error {
	for flag, pats := range map[string][]string{"--include": w.include, "--exclude": w.exclude} {
		for _, p := range pats {
			for _, seg := range strings.Split(p, "/") {
				if _, err := path.Match(seg, ""); err != nil || p == "" {
					return usagef("%s %q is not a valid glob (use *, ?, [abc] and ** between slashes)", flag, p)
				}
			}
		}
	}
	return nil
}

func (w walkRules) includes(rel string) bool {
	if len(w.include) == 0 {
		base := path.Base(rel)
		if !strings.Contains(base, ".") {
			return true
		}
		return matchAny(defaultIncludes, strings.ToLower(rel))
	}
	return matchAny(w.include, rel)
}

func (w walkRules) excludes(rel string) bool { return matchAny(w.exclude, rel) }

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if globMatch(p, rel) {
			return true
		}
	}
	return false
}

// globMatch matches rel (slash-separated) against pattern; see walkRules.
func globMatch(pattern, rel string) bool {
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(rel))
		return ok
	}
	return matchSegments(strings.Split(strings.Trim(pattern, "/"), "/"), strings.Split(rel, "/"))
}

func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// walkDir lists the files under root that the rules take, in lexical order. Symbolic links
// to files are taken; links to directories are not followed, so a link loop cannot trap
// the walk. A directory that cannot be read becomes a failed job, and the walk goes on.
func walkDir(root string, rules walkRules, add func(job)) error {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	return filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if p == real {
			return err
		}
		rel, rerr := filepath.Rel(real, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		name := filepath.Join(root, filepath.FromSlash(rel))
		if err != nil {
			add(job{src: p, name: name, rel: rel, err: &inputError{name: name,
				err: fmt.Errorf("cannot read directory: %w", unwrapPath(err)), hint: "check its permissions"}})
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || rules.excludes(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			fi, err := os.Stat(p)
			if err == nil && !fi.Mode().IsRegular() {
				return nil // a link to a directory (not followed) or to a device
			}
			if !rules.includes(rel) {
				return nil
			}
			if err != nil {
				add(job{src: p, name: name, rel: rel, err: openError(name, err)})
				return nil
			}
		case !d.Type().IsRegular():
			return nil // sockets, fifos
		case !rules.includes(rel):
			return nil
		}
		add(job{src: p, name: name, rel: rel})
		return nil
	})
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// outputRel is where the output of the input at rel goes under -o DIR, with ext the
// format's extension: a/b.html.gz → a/b.md.
func outputRel(rel, ext string) string {
	base := rel
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		base = base[:len(base)-len(".gz")]
	}
	if e := path.Ext(base); inputExts[strings.ToLower(e)] {
		base = base[:len(base)-len(e)]
	}
	return base + ext
}

// formatExt is the extension of a file written in the named format.
func formatExt(name string) string {
	switch name {
	case "json":
		return ".json"
	case "jsonl":
		return ".jsonl"
	case "text":
		return ".txt"
	}
	return ".md"
}

// resolvePath makes p absolute with every symbolic link in its existing part resolved, so
// two spellings of one place compare equal even when p does not exist yet.
func resolvePath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	var rest []string
	for cur := abs; ; {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(append([]string{real}, rest...)...)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// walkTakes reports whether a walk of an input directory would take a file at rel: the
// test for "are the outputs excluded from the walk" when -o lies inside an input.
func (w walkRules) walkTakes(rel string) bool {
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, ".") || w.excludes(strings.Join(segs[:i+1], "/")) {
			return false
		}
	}
	return w.includes(rel)
}

// checkOutsideInputs refuses an output (a directory, or the jsonl file when isFile) that an
// input directory's walk would read back: equal to an input directory, or inside one
// without the outputs being excluded from the walk.
func checkOutsideInputs(out string, isFile bool, ext string, inputs []string, rules walkRules) error {
	ro := resolvePath(out)
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if in == "-" || err != nil || !fi.IsDir() {
			continue
		}
		ri := resolvePath(in)
		rel, err := filepath.Rel(ri, ro)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if rel == "." {
			return usagef("-o %s is the input directory %s: choose another output directory", out, in)
		}
		rel = filepath.ToSlash(rel)
		var probes []string
		if isFile {
			probes = []string{rel}
		} else {
			probes = []string{rel + "/a" + ext, rel + "/a/a" + ext}
		}
		for _, p := range probes {
			if rules.walkTakes(p) {
				return usagef("-o %s is inside the input directory %s and its outputs would be read as inputs: "+
					"choose an output outside it, or leave it out with --exclude '%s'", out, in, rel)
			}
		}
	}
	return nil
}
