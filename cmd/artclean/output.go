package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A batch writes each output to a hidden temporary file beside it, ".NAME.tmp-DIGITS", and
// renames it into place, so a run killed at any moment leaves only whole outputs. The next
// run removes the temporary files it finds under -o before it starts.
const tmpMarker = ".tmp-"

// afterTempWrite, when set by a test, runs between a worker's write and its rename; false
// abandons the output there, as a process killed at that moment would.
var afterTempWrite func(tmp string) bool

var errAbandoned = errors.New("abandoned before rename (test hook)")

// isTempName reports whether name is one of the temporary files a batch writes.
func isTempName(name string) bool {
	i := strings.LastIndex(name, tmpMarker)
	if !strings.HasPrefix(name, ".") || i <= 1 {
		return false
	}
	digits := name[i+len(tmpMarker):]
	return digits != "" && strings.Trim(digits, "0123456789") == ""
}

// removeLeftovers deletes the temporary files an earlier, killed run left under dir. Links
// are not followed, so nothing outside dir is touched.
func removeLeftovers(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipAll
			}
			return nil // an unreadable corner: its outputs will fail and say so
		}
		if d.Type().IsRegular() && isTempName(d.Name()) {
			return os.Remove(p)
		}
		return nil
	})
}

// writeFileAtomic writes data to path through a temporary file in the same directory.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+tmpMarker+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && afterTempWrite != nil && !afterTempWrite(tmp) {
		return errAbandoned
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// dirGuard makes the directories outputs go to, under root, and refuses any that is a
// symbolic link, so that no output is written outside -o. Safe for many goroutines.
type dirGuard struct {
	root string
	ok   sync.Map // directory → struct{}: made and checked
}

func (g *dirGuard) ensure(dir string) error {
	if dir == g.root {
		return nil
	}
	if _, ok := g.ok.Load(dir); ok {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		return fmt.Errorf("%s is not under %s", dir, g.root)
	}
	if err := g.ensure(parent); err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.Mkdir(dir, 0o755); err == nil || errors.Is(err, fs.ErrExist) {
			fi, err = os.Lstat(dir)
		}
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is a symbolic link or a file, not a directory", dir)
	}
	g.ok.Store(dir, struct{}{})
	return nil
}
